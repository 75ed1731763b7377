#include "base/secrets.h"

#include <set>

#include <gtest/gtest.h>

namespace arkiv {
namespace {

TEST(Secrets, PasswordHashIsArgon2idSaltedAndVerifies) {
  auto a = hash_password("correct horse battery", kTestPasswordCost);
  auto b = hash_password("correct horse battery", kTestPasswordCost);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->rfind("$argon2id$", 0), 0u) << *a;
  EXPECT_NE(*a, *b) << "each hash has its own salt";
  EXPECT_EQ(a->find("correct"), std::string::npos);
  EXPECT_TRUE(verify_password(*a, "correct horse battery"));
  EXPECT_TRUE(verify_password(*b, "correct horse battery"));
  EXPECT_FALSE(verify_password(*a, "correct horse batterY"));
  EXPECT_FALSE(verify_password(*a, ""));
  EXPECT_FALSE(verify_password("", "correct horse battery"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "correct horse battery"));
}

TEST(Secrets, PasswordsWithNulAndLongUtf8AreWholeInputs) {
  std::string with_nul("ab\0cd", 5);
  auto h = hash_password(with_nul, kTestPasswordCost);
  ASSERT_TRUE(h);
  EXPECT_TRUE(verify_password(*h, with_nul));
  EXPECT_FALSE(verify_password(*h, "ab")) << "nothing after a NUL may be ignored";
  std::string long_pw;
  for (int i = 0; i < 300; ++i) long_pw += "ë";
  auto l = hash_password(long_pw, kTestPasswordCost);
  ASSERT_TRUE(l);
  EXPECT_FALSE(verify_password(*l, long_pw.substr(0, long_pw.size() - 2)));
}

TEST(Secrets, RehashIsAskedWhenTheCostChanged) {
  auto h = hash_password("pw-pw-pw-pw", kTestPasswordCost);
  ASSERT_TRUE(h);
  EXPECT_FALSE(password_needs_rehash(*h, kTestPasswordCost));
  EXPECT_TRUE(password_needs_rehash(*h, PasswordCost{2, 16u << 10}));
}

TEST(Secrets, RandomTokensAreUrlSafeAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string t = random_token();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos) << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_EQ(random_token(3).size(), 4u);
}

TEST(Secrets, HmacMatchesRfc4231) {
  // RFC 4231 test case 2.
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Secrets, ConstantTimeEquality) {
  EXPECT_TRUE(equal_constant_time("abc", "abc"));
  EXPECT_FALSE(equal_constant_time("abc", "abd"));
  EXPECT_FALSE(equal_constant_time("abc", "abcd"));
  EXPECT_TRUE(equal_constant_time("", ""));
}

}  // namespace
}  // namespace arkiv
