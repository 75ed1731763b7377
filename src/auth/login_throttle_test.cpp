#include "auth/login_throttle.h"

#include <gtest/gtest.h>

namespace arkiv::auth {
namespace {

TEST(LoginThrottle, AccountWaitsAfterFreeFailuresDoublingToTheCap) {
  LoginThrottle t(ThrottlePolicy{3, 100, 2, 60, 3600, 1000});
  std::int64_t now = 1000;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.wait("ana", "10.0.0.1", now), 0);
    t.failed("ana", "10.0.0.1", now);
  }
  EXPECT_EQ(t.wait("ana", "10.0.0.1", now), 2);
  EXPECT_EQ(t.wait("ana", "10.0.0.2", now), 2) << "per account, whatever the address";
  EXPECT_EQ(t.wait("ben", "10.0.0.1", now), 0) << "other accounts from that address are free";
  EXPECT_EQ(t.wait("ana", "10.0.0.1", now + 2), 0);
  t.failed("ana", "10.0.0.1", now + 2);
  EXPECT_EQ(t.wait("ana", "10.0.0.1", now + 2), 4);
  t.failed("ana", "10.0.0.1", now + 6);
  EXPECT_EQ(t.wait("ana", "10.0.0.1", now + 6), 8);
  for (int i = 0; i < 20; ++i) t.failed("ana", "10.0.0.1", now + 10);
  EXPECT_EQ(t.wait("ana", "10.0.0.1", now + 10), 60) << "capped";
}

TEST(LoginThrottle, AddressWaitsAfterTryingManyAccounts) {
  LoginThrottle t(ThrottlePolicy{5, 4, 1, 900, 3600, 1000});
  for (int i = 0; i < 4; ++i) t.failed("user" + std::to_string(i), "192.0.2.9", 50);
  EXPECT_EQ(t.wait("fresh", "192.0.2.9", 50), 1);
  EXPECT_EQ(t.wait("fresh", "192.0.2.10", 50), 0);
}

TEST(LoginThrottle, SuccessClearsTheAccountAndTimeForgets) {
  LoginThrottle t(ThrottlePolicy{1, 100, 1, 900, 600, 1000});
  t.failed("ana", "a", 0);
  t.failed("ana", "a", 0);
  EXPECT_GT(t.wait("ana", "a", 0), 0);
  t.succeeded("ana");
  EXPECT_EQ(t.wait("ana", "a", 0), 0);
  t.failed("ana", "a", 0);
  t.failed("ana", "a", 0);
  EXPECT_EQ(t.wait("ana", "a", 600), 0) << "forgotten after forget_after";
  t.failed("ana", "a", 600);
  EXPECT_EQ(t.wait("ana", "a", 600), 1) << "counting starts afresh: the first wait again";
}

TEST(LoginThrottle, MemoryIsBounded) {
  LoginThrottle t(ThrottlePolicy{1, 1000000, 1, 900, 3600, 10});
  t.failed("victim", "x", 0);
  EXPECT_EQ(t.wait("victim", "x", 0), 1);
  // A flood of made-up names from other addresses pushes out the oldest entries only.
  for (int i = 0; i < 100; ++i) t.failed("n" + std::to_string(i), "y" + std::to_string(i), 1000 + i);
  EXPECT_EQ(t.wait("victim", "x", 1000), 0) << "the oldest entry was dropped";
  EXPECT_EQ(t.wait("n99", "y99", 1099), 1) << "recent entries survive";
}

}  // namespace
}  // namespace arkiv::auth
