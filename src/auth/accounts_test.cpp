#include "auth/accounts.h"

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "base/digest.h"
#include "base/temp_dir.h"

namespace arkiv::auth {
namespace {

const Actor kCli{"cli:test", ""};

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    AccountsOptions o;
    o.password_cost = kTestPasswordCost;
    o.session_seconds = 3600;
    o.clock = [this] { return now_; };
    auto a = Accounts::open(dir_.file("data"), o);
    ASSERT_TRUE(a) << a.error().message();
    accounts_ = std::move(a).value();
    ASSERT_TRUE(accounts_->add_user("ana", Role::kEditor, "ana's long password", kCli));
  }

  std::string catalog_bytes() const {
    std::string all;
    for (const char* f : {"catalog.db", "catalog.db-wal"}) {
      std::ifstream in(dir_.file(std::string("data/") + f), std::ios::binary);
      all += std::string(std::istreambuf_iterator<char>(in), {});
    }
    return all;
  }

  std::vector<std::string> actions() {
    auto log = accounts_->audit(100);
    EXPECT_TRUE(log);
    std::vector<std::string> out;
    for (const auto& e : *log) out.push_back(e.action + " " + e.subject);
    return out;
  }

  TempDir dir_;
  std::int64_t now_ = 1'800'000'000;
  std::unique_ptr<Accounts> accounts_;
};

TEST_F(AccountsTest, NamesPasswordsAndRolesAreChecked) {
  EXPECT_EQ(accounts_->add_user("ana", Role::kAdmin, "another password", kCli).error().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(accounts_->add_user("bad name", Role::kAdmin, "another password", kCli).error().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(accounts_->add_user("", Role::kAdmin, "another password", kCli).error().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(accounts_->add_user("bo", Role::kAdmin, "short", kCli).error().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(accounts_->add_user("bo", Role::kAnonymous, "long enough password", kCli).error().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(accounts_->set_role("nobody", Role::kAdmin, kCli).error().code(), ErrorCode::kNotFound);
  auto users = accounts_->users();
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].name, "ana");
  EXPECT_EQ((*users)[0].role, Role::kEditor);
}

TEST_F(AccountsTest, PasswordIsStoredOnlyAsArgon2id) {
  ASSERT_TRUE(accounts_->login("ana", "ana's long password", "10.0.0.1", ""));
  std::string bytes = catalog_bytes();
  EXPECT_EQ(bytes.find("ana's long password"), std::string::npos);
  EXPECT_NE(bytes.find("$argon2id$"), std::string::npos);
}

TEST_F(AccountsTest, LoginStartsASessionStoredHashedThatExpires) {
  auto bad = accounts_->login("ana", "wrong password!", "10.0.0.1", "");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "wrong name or password");
  auto unknown = accounts_->login("zed", "wrong password!", "10.0.0.1", "");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message(), bad.error().message()) << "unknown names look like wrong passwords";

  auto ok = accounts_->login("ana", "ana's long password", "10.0.0.1", "");
  ASSERT_TRUE(ok) << ok.error().message();
  EXPECT_EQ(ok->caller.user, "ana");
  EXPECT_EQ(ok->caller.role, Role::kEditor);
  EXPECT_EQ(ok->caller.via, Via::kSession);
  EXPECT_FALSE(ok->caller.csrf.empty());
  std::string bytes = catalog_bytes();
  EXPECT_EQ(bytes.find(ok->token), std::string::npos) << "the token itself is never stored";
  EXPECT_NE(bytes.find(sha256_hex(ok->token)), std::string::npos);

  auto s = accounts_->session(ok->token);
  ASSERT_TRUE(s && *s);
  EXPECT_EQ((*s)->user, "ana");
  EXPECT_EQ((*s)->csrf, ok->caller.csrf);
  now_ += 3599;
  EXPECT_TRUE(*accounts_->session(ok->token));
  now_ += 1;
  EXPECT_FALSE(*accounts_->session(ok->token)) << "expired";
  EXPECT_FALSE(*accounts_->session("made-up"));
  EXPECT_FALSE(*accounts_->session(""));
}

TEST_F(AccountsTest, LoginReplacesTheOldSessionAndLogoutEndsIt) {
  auto first = accounts_->login("ana", "ana's long password", "10.0.0.1", "");
  ASSERT_TRUE(first);
  auto second = accounts_->login("ana", "ana's long password", "10.0.0.1", first->token);
  ASSERT_TRUE(second);
  EXPECT_NE(first->token, second->token);
  EXPECT_NE(first->caller.csrf, second->caller.csrf);
  EXPECT_FALSE(*accounts_->session(first->token)) << "the session in place before login is ended";
  EXPECT_TRUE(*accounts_->session(second->token));
  ASSERT_TRUE(accounts_->logout(second->token, "10.0.0.1"));
  EXPECT_FALSE(*accounts_->session(second->token));
}

TEST_F(AccountsTest, DisablingEndsSessionsAndTokensAndBlocksLogin) {
  auto s = accounts_->login("ana", "ana's long password", "10.0.0.1", "");
  ASSERT_TRUE(s);
  auto token = accounts_->create_token("ana", Scope::kWrite, "laptop", kCli);
  ASSERT_TRUE(token);
  ASSERT_TRUE(*accounts_->bearer(*token));
  ASSERT_TRUE(accounts_->set_disabled("ana", true, kCli));
  EXPECT_FALSE(*accounts_->session(s->token));
  EXPECT_FALSE(*accounts_->bearer(*token));
  EXPECT_FALSE(accounts_->login("ana", "ana's long password", "10.0.0.1", ""));
  ASSERT_TRUE(accounts_->set_disabled("ana", false, kCli));
  EXPECT_FALSE(*accounts_->bearer(*token)) << "re-enabling does not bring revoked tokens back";
  EXPECT_TRUE(accounts_->login("ana", "ana's long password", "10.0.0.1", ""));
}

TEST_F(AccountsTest, RoleChangesApplyToLiveSessions) {
  auto s = accounts_->login("ana", "ana's long password", "10.0.0.1", "");
  ASSERT_TRUE(s);
  ASSERT_TRUE(accounts_->set_role("ana", Role::kContributor, kCli));
  EXPECT_EQ((*accounts_->session(s->token))->role, Role::kContributor);
}

TEST_F(AccountsTest, PasswordChangeEndsSessions) {
  auto s = accounts_->login("ana", "ana's long password", "10.0.0.1", "");
  ASSERT_TRUE(s);
  ASSERT_TRUE(accounts_->set_password("ana", "a brand new password", kCli));
  EXPECT_FALSE(*accounts_->session(s->token));
  EXPECT_FALSE(accounts_->login("ana", "ana's long password", "10.0.0.1", ""));
  EXPECT_TRUE(accounts_->login("ana", "a brand new password", "10.0.0.1", ""));
}

TEST_F(AccountsTest, TokensAreStoredHashedAndScoped) {
  auto r = accounts_->create_token("ana", Scope::kRead, "", kCli);
  ASSERT_TRUE(r);
  EXPECT_EQ(catalog_bytes().find(*r), std::string::npos);
  auto c = accounts_->bearer(*r);
  ASSERT_TRUE(c && *c);
  EXPECT_EQ((*c)->via, Via::kToken);
  EXPECT_EQ((*c)->scope, Scope::kRead);
  EXPECT_EQ((*c)->role, Role::kEditor);
  EXPECT_FALSE(*accounts_->bearer(*r + "x"));
  EXPECT_EQ(accounts_->create_token("nobody", Scope::kRead, "", kCli).error().code(), ErrorCode::kNotFound);
}

TEST_F(AccountsTest, FailedLoginsAreThrottledPerAccount) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(accounts_->login("ana", "wrong password!", "10.0.0.1", "").error().code(), ErrorCode::kInvalidInput);
  std::int64_t retry = 0;
  auto r = accounts_->login("ana", "ana's long password", "10.0.0.2", "", &retry);
  ASSERT_FALSE(r) << "even the right password waits while throttled";
  EXPECT_EQ(r.error().code(), ErrorCode::kBusy);
  EXPECT_GT(retry, 0);
  now_ += retry;
  EXPECT_TRUE(accounts_->login("ana", "ana's long password", "10.0.0.2", ""));
}

TEST_F(AccountsTest, AuditLogRecordsAccountEventsWithoutSecrets) {
  ASSERT_TRUE(accounts_->login("ana", "ana's long password", "10.0.0.1", ""));
  (void)accounts_->login("ana", "a wrong password", "10.0.0.9", "");
  ASSERT_TRUE(accounts_->set_role("ana", Role::kAdmin, kCli));
  ASSERT_TRUE(accounts_->set_disabled("ana", true, kCli));
  auto log = accounts_->audit(100);
  ASSERT_TRUE(log);
  std::vector<std::string> expected = {"user_disable ana", "role_change ana", "login_failed ana", "login ana", "user_add ana"};
  EXPECT_EQ(actions(), expected);
  EXPECT_EQ((*log)[1].detail, "editor -> admin");
  EXPECT_EQ((*log)[1].actor, "cli:test");
  EXPECT_EQ((*log)[2].remote, "10.0.0.9");
  for (const auto& e : *log) {
    EXPECT_EQ(e.detail.find("password"), std::string::npos) << e.detail;
  }
}

}  // namespace
}  // namespace arkiv::auth
