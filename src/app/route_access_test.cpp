// The authorization matrix, generated from the route table and the permission table: every
// route of the real table, asked by every kind of caller (anonymous; contributor, editor and
// admin with a session, a read token and a write token), must answer exactly as auth::check()
// decides: 401 when signing in would help, 403 when refused, anything but 401/403/5xx when
// allowed. Unsafe requests carry their CSRF token, so only permissions are tested here.
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "app/routes.h"
#include "archive/archive.h"
#include "auth/accounts.h"
#include "base/temp_dir.h"
#include "http/access_gate.h"

namespace arkiv::app {
namespace {

using http::Request;
using http::Response;
using http::kSessionCookie;

const std::string kFixtures = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures";
const std::string kPassword = "a long enough password";
const std::string kLoginToken(43, 'A');  // a well-formed pre-sign-in CSRF token

// A path for a route pattern, with real values for its parameters.
std::string path_for(const std::string& pattern) {
  std::string p = pattern;
  const std::pair<const char*, const char*> values[] = {
      {"{id+}", "test/sq-1"}, {"{field}", "year"}, {"{name}", "target"}, {"{path+}", "search"},
      {"{authority+}", "place/pyongyang"}, {"{unit+}", "collection/albania-korea-relations"}};
  for (const auto& [param, value] : values) {
    if (auto at = p.find(param); at != std::string::npos) p.replace(at, std::string(param).size(), value);
  }
  return p;
}

struct Credential {
  std::string label;
  auth::Caller caller;  // what check() is asked about
  std::vector<std::pair<std::string, std::string>> headers;
};

class RouteAccess : public ::testing::Test {
 protected:
  void SetUp() override {
    auto w = archive::Archive::open(dir_.file("data"), archive::Archive::Mode::kWrite);
    ASSERT_TRUE(w) << w.error().message();
    auto imported = (*w)->import({kFixtures + "/multilingual.jsonl"}, {});
    ASSERT_TRUE(imported && imported->ok());
    w->reset();
    auto r = archive::Archive::open(dir_.file("data"), archive::Archive::Mode::kRead);
    ASSERT_TRUE(r);
    archive_ = std::move(r).value();
    auth::AccountsOptions options;
    options.password_cost = kTestPasswordCost;
    options.throttle.free_per_address = 1000000;
    auto a = auth::Accounts::open(dir_.file("data"), options);
    ASSERT_TRUE(a);
    accounts_ = std::shared_ptr<auth::Accounts>(std::move(a).value());
    for (auth::Role role : {auth::Role::kContributor, auth::Role::kEditor, auth::Role::kAdmin}) {
      ASSERT_TRUE(accounts_->add_user(std::string(auth::role_name(role)), role, kPassword, {"test", ""}));
    }
    ASSERT_TRUE(accounts_->add_user("target", auth::Role::kContributor, kPassword, {"test", ""}));
  }

  // A fresh credential of each kind (fresh, so that signing out or disabling cannot spoil the next).
  std::vector<Credential> credentials() {
    std::vector<Credential> out;
    out.push_back({"anonymous", {}, {{"cookie", std::string(kLoginCookieName) + "=" + kLoginToken}}});
    for (auth::Role role : {auth::Role::kContributor, auth::Role::kEditor, auth::Role::kAdmin}) {
      std::string name(auth::role_name(role));
      auto login = accounts_->login(name, kPassword, "127.0.0.1", "");
      EXPECT_TRUE(login) << login.error().message();
      out.push_back({name + " session", login->caller,
                     {{"cookie", std::string(kSessionCookie) + "=" + login->token}, {"x-csrf-token", login->caller.csrf}}});
      for (auth::Scope scope : {auth::Scope::kRead, auth::Scope::kWrite}) {
        auto token = accounts_->create_token(name, scope, "", {"test", ""});
        EXPECT_TRUE(token);
        auth::Caller c = login->caller;
        c.via = auth::Via::kToken;
        c.scope = scope;
        out.push_back({name + " " + std::string(auth::scope_name(scope)) + " token", c, {{"authorization", "Bearer " + *token}}});
      }
    }
    return out;
  }

  static constexpr const char* kLoginCookieName = "arkiv_login";
  TempDir dir_;
  std::unique_ptr<archive::Archive> archive_;
  std::shared_ptr<auth::Accounts> accounts_;
};

TEST_F(RouteAccess, EveryRouteAnswersEveryCallerAsThePermissionTableSays) {
  Routes router = make_routes(accounts_);
  auto routes = router.route_list();
  ASSERT_GE(routes.size(), 18u);
  int checked = 0;
  std::map<auth::Decision, int> decisions;
  for (const auto& route : routes) {
    for (const Credential& cred : credentials()) {
      Request req;
      req.method = route.method;
      req.path = path_for(route.pattern);
      req.target = req.path;
      req.remote = "127.0.0.1";
      req.base_url = "https://archive.example.org";
      req.headers = cred.headers;
      if (route.method == "POST") {
        // A form as the browser would send it (the anonymous sign-in form's double-submit token).
        req.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
        req.body = "csrf=" + (cred.caller.csrf.empty() ? kLoginToken : cred.caller.csrf);
      }
      Response res = router.handle(req, *archive_);
      std::string what = route.method + " " + route.pattern + " as " + cred.label + " (" +
                         std::string(auth::action_name(route.action)) + "): " + std::to_string(res.status) + " " + res.body.substr(0, 200);
      auth::Decision decision = auth::check(cred.caller, route.action);
      ++decisions[decision];
      switch (decision) {
        case auth::Decision::kAllow:
          if (route.action == auth::Action::kEditOwnDraft && auth::check(cred.caller, auth::Action::kEditAny) != auth::Decision::kAllow &&
              route.method == "GET") {
            // Editing routes allow a contributor's own drafts only (api/editing.h): this
            // published record is nobody's draft.
            EXPECT_EQ(res.status, 403) << what;
          } else {
            EXPECT_TRUE(res.status != 401 && res.status != 403 && res.status < 500) << what;
          }
          break;
        case auth::Decision::kSignInFirst: EXPECT_EQ(res.status, 401) << what; break;
        case auth::Decision::kForbidden: EXPECT_EQ(res.status, 403) << what; break;
      }
      ++checked;
    }
    // Re-enable the target an admin may have disabled, so every row starts alike.
    ASSERT_TRUE(accounts_->set_disabled("target", false, {"test", ""}));
  }
  EXPECT_EQ(checked, static_cast<int>(routes.size()) * 10);
  // The matrix exercises all three answers (it is not all "allow").
  EXPECT_GT(decisions[auth::Decision::kAllow], 0);
  EXPECT_GT(decisions[auth::Decision::kSignInFirst], 0);
  EXPECT_GT(decisions[auth::Decision::kForbidden], 0);
}

// The matrix over record states: every route that names a record, asked about a record in each
// lifecycle state by every kind of caller. Callers who may not read unpublished records get
// 404 for hidden records (as for records that do not exist) and never their title; the others
// get what the permission table says.
TEST_F(RouteAccess, EveryRecordRouteAnswersEveryCallerForEveryState) {
  {
    auto w = archive::Archive::open(dir_.file("data"), archive::Archive::Mode::kWrite);
    ASSERT_TRUE(w) << w.error().message();
    std::string states = dir_.file("states.jsonl");
    std::ofstream out(states);
    for (const char* state : {"draft", "review", "withdrawn"}) {
      out << R"({"id":"state/)" << state << R"(","title":"Hidden )" << state << R"( record","publication":")" << state << "\"}\n";
    }
    out << R"({"id":"state/embargo","title":"Hidden embargo record","embargo_until":"2999-01-01"})" << "\n";
    out << R"({"id":"state/ended","title":"Embargo ended record","embargo_until":"2000-01-01"})" << "\n";
    out.close();
    auto imported = (*w)->import({states}, {});
    ASSERT_TRUE(imported && imported->ok());
  }
  archive_->refresh();
  Routes router = make_routes(accounts_);
  int checked = 0;
  for (const auto& route : router.route_list()) {
    if (route.pattern.find("{id+}") == std::string::npos) continue;
    for (const char* id : {"state/draft", "state/review", "state/withdrawn", "state/embargo", "state/ended"}) {
      const bool hidden = std::string(id) != "state/ended";
      for (const Credential& cred : credentials()) {
        Request req;
        req.method = route.method;
        req.path = route.pattern;
        req.path.replace(req.path.find("{id+}"), 5, id);
        req.target = req.path;
        req.remote = "127.0.0.1";
        req.base_url = "https://archive.example.org";
        req.headers = cred.headers;
        if (route.method != "GET") {
          req.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
          req.body = "csrf=" + (cred.caller.csrf.empty() ? kLoginToken : cred.caller.csrf);
        }
        Response res = router.handle(req, *archive_);
        std::string what = route.method + " " + req.path + " as " + cred.label + ": " + std::to_string(res.status) + " " + res.body.substr(0, 200);
        auth::Decision decision = auth::check(cred.caller, route.action);
        const bool staff = auth::check(cred.caller, auth::Action::kReadUnpublished) == auth::Decision::kAllow;
        if (decision == auth::Decision::kSignInFirst) {
          EXPECT_EQ(res.status, 401) << what;
        } else if (decision == auth::Decision::kForbidden) {
          EXPECT_EQ(res.status, 403) << what;
        } else if (hidden && !staff) {
          EXPECT_EQ(res.status, 404) << what;
        } else {
          EXPECT_TRUE(res.status != 401 && res.status < 500 && res.status != 404) << what;
          if (route.method == "GET" && route.action == auth::Action::kReadPublished) EXPECT_EQ(res.status, 200) << what;
        }
        if (!staff) EXPECT_EQ(res.body.find("Hidden "), std::string::npos) << what;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 400);
}

}  // namespace
}  // namespace arkiv::app
