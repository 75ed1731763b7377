#include "store/account_store.h"

#include <gtest/gtest.h>

#include "base/temp_dir.h"
#include "store/catalog.h"

namespace arkiv::store {
namespace {

TEST(AccountStore, MigratesAnExistingCatalogAndKeepsItsRecords) {
  TempDir dir;
  std::string path = dir.file("catalog.db");
  {
    auto cat = Catalog::open(path);
    ASSERT_TRUE(cat);
    EXPECT_GE(*(*cat)->schema_version(), 6);
  }
  auto st = AccountStore::open(path);
  ASSERT_TRUE(st) << st.error().message();
  auto users = (*st)->users();
  ASSERT_TRUE(users);
  EXPECT_TRUE(users->empty());
}

TEST(AccountStore, TransactionRollsBackEverythingOnFailure) {
  TempDir dir;
  auto st = AccountStore::open(dir.file("catalog.db"));
  ASSERT_TRUE(st);
  AccountStore& s = **st;
  Status r = s.transaction([&]() -> Status {
    auto id = s.add_user({0, "ana", "editor", "$argon2id$x", false, "t", "t"});
    if (!id) return id.error();
    return s.add_user({0, "ana", "admin", "$argon2id$y", false, "t", "t"}).error();  // taken
  });
  EXPECT_FALSE(r);
  EXPECT_TRUE((*s.users()).empty()) << "the first insert was rolled back";
  auto id = s.add_user({0, "ben", "editor", "$argon2id$x", false, "t", "t"});
  ASSERT_TRUE(id);
  EXPECT_FALSE(s.set_role(*id, "superuser", "t")) << "roles are checked by the schema too";
  EXPECT_EQ((*s.user("ben"))->role, "editor");
}

TEST(AccountStore, SessionsOfDisabledOrExpiredUsersAreNotFound) {
  TempDir dir;
  auto st = AccountStore::open(dir.file("catalog.db"));
  ASSERT_TRUE(st);
  AccountStore& s = **st;
  auto id = s.add_user({0, "ana", "editor", "$argon2id$x", false, "t", "t"});
  ASSERT_TRUE(id);
  ASSERT_TRUE(s.add_session("h1", *id, "t", 100, "127.0.0.1"));
  EXPECT_TRUE(*s.session_user("h1", 99));
  EXPECT_FALSE(*s.session_user("h1", 100));
  ASSERT_TRUE(s.set_disabled(*id, true, "t"));
  EXPECT_FALSE(*s.session_user("h1", 50));
  ASSERT_TRUE(s.remove_expired_sessions(100));
  EXPECT_EQ(*s.session_count(*id), 0);
}

}  // namespace
}  // namespace arkiv::store
