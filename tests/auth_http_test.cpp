// End-to-end tests of accounts over HTTP: the real `arkiv serve` as a child process, users
// made with the real `arkiv user` commands. Sign-in and sign-out, CSRF refusals, session
// fixation, disabled users, API tokens and their scopes, throttling, and the base URL.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/temp_dir.h"
#include "child_process.h"
#include "http_client.h"
#include "http_forms.h"

namespace arkiv::test {
namespace {

using nlohmann::json;

const std::string kSource = ARKIV_SOURCE_DIR;
const std::string kBinary = ARKIV_BINARY;
const std::string kAnaPassword = "ana's long password";
const std::string kBenPassword = "ben's long password";

// Runs the binary with `input` on stdin; returns the exit code and stdout.
std::pair<int, std::string> run(const std::vector<std::string>& args, const std::string& input = "") {
  std::string out;
  int code = run_process(args, input, &out);
  return {code, out};
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

class AuthHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    data_ = dir_->file("data");
    ASSERT_EQ(run({kBinary, "--data", data_, "import", kSource + "/tests/fixtures/multilingual.jsonl"}).first, 0);
    ASSERT_EQ(run({kBinary, "--data", data_, "user", "add", "ana", "--role", "admin"}, kAnaPassword + "\n").first, 0);
    ASSERT_EQ(run({kBinary, "--data", data_, "user", "add", "ben", "--role", "editor"}, kBenPassword + "\n").first, 0);
    start({"--base-url", "https://archive.example.org/"});
  }

  void start(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {kBinary, "--data", data_, "serve", "--port", "0", "--threads", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    ServerProcess server = start_server(args, dir_->file("server.log"));
    pid_ = server.pid;
    ASSERT_NE(server.port, 0) << "no banner: " << server.banner;
    port_ = server.port;
  }

  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the server did not shut down cleanly";
      pid_ = -1;
    }
  }

  void TearDown() override { stop(); }

  std::string log() const {
    std::ifstream in(dir_->file("server.log"));
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // Signs in through the form as a browser would; returns the "arkiv_session=..." pair.
  std::string sign_in(const std::string& name, const std::string& password, const std::string& session_cookie = "") {
    // As a browser: the form page and the form's post both carry every cookie it has.
    std::map<std::string, std::string> headers;
    if (!session_cookie.empty()) headers["Cookie"] = session_cookie;
    HttpResponse page = get(port_, "/login", headers);
    EXPECT_EQ(page.status, 200);
    std::string login_cookie = cookie_pair(page);  // set only when not signed in
    std::string cookies = login_cookie;
    if (!session_cookie.empty()) cookies += (cookies.empty() ? "" : "; ") + session_cookie;
    HttpResponse r = request(port_, "POST", "/login",
                             {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookies}},
                             form({{"csrf", csrf_field(page.body)}, {"next", "/search"}, {"name", name}, {"password", password}}));
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.header("location"), "/search");
    return cookie_pair(r);
  }

  json me(const std::string& cookie, int status) {
    HttpResponse r = get(port_, "/api/v1/me", {{"Cookie", cookie}});
    EXPECT_EQ(r.status, status) << r.body;
    return json::parse(r.body, nullptr, false);
  }

  std::unique_ptr<TempDir> dir_;
  std::string data_;
  pid_t pid_ = -1;
  int port_ = 0;
};

TEST_F(AuthHttpTest, SignInSetsAStrictHttpOnlySecureCookieAndSignOutEndsTheSession) {
  HttpResponse page = get(port_, "/login");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "<form class=\"account-form\" action=\"/login\" method=\"post\">"));
  EXPECT_EQ(page.header("cache-control"), "no-store");

  HttpResponse r = request(port_, "POST", "/login",
                           {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie_pair(page)}},
                           form({{"csrf", csrf_field(page.body)}, {"name", "ana"}, {"password", kAnaPassword}}));
  ASSERT_EQ(r.status, 303) << r.body;
  std::string set = r.header("set-cookie");
  EXPECT_TRUE(std::regex_match(set, std::regex("arkiv_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure"))) << set;
  std::string session = cookie_pair(r);
  EXPECT_FALSE(has(log(), cookie_value(r))) << "session tokens are not logged";
  EXPECT_FALSE(has(log(), "long password")) << "passwords are not logged";

  json who = me(session, 200);
  EXPECT_EQ(who["user"], "ana");
  EXPECT_EQ(who["role"], "admin");
  EXPECT_EQ(who["via"], "session");

  HttpResponse account = get(port_, "/login", {{"Cookie", session}});
  EXPECT_TRUE(has(account.body, "signed in as <strong>ana</strong>"));
  std::string csrf = csrf_field(account.body);
  ASSERT_FALSE(csrf.empty());
  HttpResponse out = request(port_, "POST", "/logout", {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", session}},
                             form({{"csrf", csrf}}));
  EXPECT_EQ(out.status, 303) << out.body;
  EXPECT_EQ(cookie_pair(out), "arkiv_session=");
  EXPECT_TRUE(has(out.header("set-cookie"), "Max-Age=0"));
  me(session, 401);
}

TEST_F(AuthHttpTest, WrongPasswordAndUnknownNameAnswerAlike) {
  HttpResponse page = get(port_, "/login");
  auto attempt = [&](const std::string& name, const std::string& password) {
    return request(port_, "POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie_pair(page)}},
                   form({{"csrf", csrf_field(page.body)}, {"name", name}, {"password", password}}));
  };
  HttpResponse wrong = attempt("ana", "not ana's password");
  HttpResponse unknown = attempt("nobody", "not ana's password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_TRUE(has(wrong.body, "Wrong name or password."));
  EXPECT_TRUE(has(unknown.body, "Wrong name or password."));
  EXPECT_TRUE(has(wrong.body, "value=\"ana\"")) << "the form keeps the name typed";
  EXPECT_FALSE(has(wrong.body, "not ana")) << "never the password";
  EXPECT_EQ(wrong.header("set-cookie").find("arkiv_session"), std::string::npos);
}

TEST_F(AuthHttpTest, ForgedFormsWithoutTheirCsrfTokenAreRefused) {
  // Sign-in without the pre-sign-in cookie, or with a token that does not match it.
  HttpResponse page = get(port_, "/login");
  std::string fields = form({{"name", "ana"}, {"password", kAnaPassword}});
  HttpResponse no_token = request(port_, "POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}}, fields);
  EXPECT_EQ(no_token.status, 403);
  EXPECT_FALSE(has(no_token.header("set-cookie"), "arkiv_session"));
  HttpResponse wrong = request(port_, "POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie_pair(page)}},
                               form({{"csrf", std::string(43, 'A')}, {"name", "ana"}, {"password", kAnaPassword}}));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_FALSE(has(wrong.header("set-cookie"), "arkiv_session"));

  // With a session: a forged sign-out (no token, a wrong one, another session's) changes nothing.
  std::string ana = sign_in("ana", kAnaPassword);
  std::string ben = sign_in("ben", kBenPassword);
  std::string bens_csrf = csrf_field(get(port_, "/login", {{"Cookie", ben}}).body);
  for (const std::string& body : {std::string(), form({{"csrf", "forged"}}), form({{"csrf", bens_csrf}})}) {
    HttpResponse r = request(port_, "POST", "/logout", {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", ana}}, body);
    EXPECT_EQ(r.status, 403) << body;
    EXPECT_TRUE(r.header("set-cookie").empty());
    me(ana, 200);
  }
  // A session's unsafe API request needs the token too (header form).
  HttpResponse api = request(port_, "POST", "/api/v1/users/ben/disable", {{"Cookie", ana}});
  EXPECT_EQ(api.status, 403);
  me(ben, 200);
  std::string anas_csrf = csrf_field(get(port_, "/login", {{"Cookie", ana}}).body);
  HttpResponse ok = request(port_, "POST", "/api/v1/users/ben/disable", {{"Cookie", ana}, {"X-CSRF-Token", anas_csrf}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  me(ben, 401);
}

TEST_F(AuthHttpTest, SignInNeverKeepsASessionTokenTheBrowserBrought) {
  // An attacker plants a cookie, then the victim signs in: the planted token stays useless.
  std::string planted = "arkiv_session=" + std::string(43, 'x');
  std::string session = sign_in("ana", kAnaPassword, planted);
  EXPECT_NE(session, planted);
  me(planted, 401);
  me(session, 200);
  // A live session brought to a new sign-in is ended, and a new token issued.
  std::string again = sign_in("ben", kBenPassword, session);
  EXPECT_NE(again, session);
  me(session, 401);
  EXPECT_EQ(me(again, 200)["user"], "ben");
}

TEST_F(AuthHttpTest, DisablingAUserEndsTheirSessionsAndTokens) {
  std::string session = sign_in("ben", kBenPassword);
  auto [code, token] = run({kBinary, "--data", data_, "user", "token", "ben", "--scope", "write"});
  ASSERT_EQ(code, 0);
  token.pop_back();  // newline
  me(session, 200);
  EXPECT_EQ(get(port_, "/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 200);

  ASSERT_EQ(run({kBinary, "--data", data_, "user", "disable", "ben"}).first, 0);
  me(session, 401);
  EXPECT_EQ(get(port_, "/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 401);
  HttpResponse page = get(port_, "/login");
  HttpResponse r = request(port_, "POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie_pair(page)}},
                           form({{"csrf", csrf_field(page.body)}, {"name", "ben"}, {"password", kBenPassword}}));
  EXPECT_EQ(r.status, 401);

  auto [audit_code, audit] = run({kBinary, "--data", data_, "audit", "--json"});
  ASSERT_EQ(audit_code, 0);
  json entries = json::parse(audit);
  std::vector<std::string> actions;
  for (const auto& e : entries) actions.push_back(e["action"].get<std::string>() + " " + e["subject"].get<std::string>());
  std::vector<std::string> expected = {"login_failed ben", "user_disable ben", "token_create ben", "login ben",
                                       "user_add ben", "user_add ana"};
  EXPECT_EQ(actions, expected);
  EXPECT_EQ(entries[0]["detail"], "disabled");
  EXPECT_EQ(entries[0]["remote"], "127.0.0.1");
  EXPECT_FALSE(has(audit, kBenPassword));
  EXPECT_FALSE(has(audit, token));
}

TEST_F(AuthHttpTest, BearerTokensNeedTheRightScopeAndRole) {
  auto token = [&](const std::string& user, const std::string& scope) {
    auto [code, out] = run({kBinary, "--data", data_, "user", "token", user, "--scope", scope});
    EXPECT_EQ(code, 0);
    return "Bearer " + out.substr(0, out.size() - 1);
  };
  std::string admin_read = token("ana", "read"), admin_write = token("ana", "write"), editor_write = token("ben", "write");

  // None: 401 with a challenge; a malformed or unknown one: 401, never anonymous.
  HttpResponse none = get(port_, "/api/v1/audit");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.header("www-authenticate"), "Bearer realm=\"arkiv\"");
  EXPECT_EQ(json::parse(none.body)["error"]["status"], 401);
  EXPECT_EQ(request(port_, "POST", "/api/v1/users/ben/disable").status, 401);
  EXPECT_EQ(get(port_, "/api/v1/audit", {{"Authorization", "Basic YW5hOmFuYQ=="}}).status, 401);
  EXPECT_EQ(get(port_, "/api/v1/search?q=x", {{"Authorization", "Bearer arkiv_made-up"}}).status, 401);
  EXPECT_EQ(get(port_, "/api/v1/search?q=x").status, 200) << "anonymous readers still read";

  // Read scope: reads, never writes, whatever the role.
  EXPECT_EQ(get(port_, "/api/v1/audit", {{"Authorization", admin_read}}).status, 200);
  HttpResponse read_only = request(port_, "POST", "/api/v1/users/ben/disable", {{"Authorization", admin_read}});
  EXPECT_EQ(read_only.status, 403);
  EXPECT_EQ(json::parse(read_only.body)["error"]["message"], "This API token is read-only.");
  // The role still counts with a write scope.
  EXPECT_EQ(get(port_, "/api/v1/audit", {{"Authorization", editor_write}}).status, 403);
  EXPECT_EQ(request(port_, "POST", "/api/v1/users/ana/disable", {{"Authorization", editor_write}}).status, 403);
  EXPECT_EQ(json::parse(get(port_, "/api/v1/me", {{"Authorization", editor_write}}).body)["user"], "ben");

  // Right role, write scope, no CSRF token needed.
  HttpResponse ok = request(port_, "POST", "/api/v1/users/ben/disable", {{"Authorization", admin_write}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(get(port_, "/api/v1/me", {{"Authorization", editor_write}}).status, 401);
  EXPECT_EQ(request(port_, "POST", "/api/v1/users/nobody/disable", {{"Authorization", admin_write}}).status, 404);
  EXPECT_EQ(request(port_, "POST", "/api/v1/users/ana/disable", {{"Authorization", admin_write}}).status, 422);
  json audit = json::parse(get(port_, "/api/v1/audit?limit=1", {{"Authorization", admin_read}}).body);
  ASSERT_EQ(audit["entries"].size(), 1u);
  EXPECT_EQ(audit["entries"][0]["action"], "user_disable");
  EXPECT_EQ(audit["entries"][0]["actor"], "ana");
  EXPECT_EQ(get(port_, "/api/v1/audit?limit=0", {{"Authorization", admin_read}}).status, 400);
}

TEST_F(AuthHttpTest, FailedSignInsAreThrottled) {
  HttpResponse page = get(port_, "/login");
  auto attempt = [&](const std::string& password) {
    return request(port_, "POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie_pair(page)}},
                   form({{"csrf", csrf_field(page.body)}, {"name", "ben"}, {"password", password}}));
  };
  // Five failures are free; then each failure doubles the wait. Keep failing (waiting out each
  // refusal, so the test does not depend on how fast this machine is) until the wait is 4 s.
  int failures = 0, refusals = 0;
  for (int i = 0; i < 20; ++i) {
    HttpResponse r = attempt("wrong password");
    if (r.status == 401) {
      ++failures;
      continue;
    }
    ASSERT_EQ(r.status, 429) << r.body;
    ++refusals;
    int wait = std::stoi(r.header("retry-after"));
    EXPECT_TRUE(has(r.body, "Too many failed attempts."));
    if (wait >= 4) break;
    std::this_thread::sleep_for(std::chrono::seconds(wait));
  }
  EXPECT_GE(failures, 5);
  ASSERT_GT(refusals, 0);
  HttpResponse right = attempt(kBenPassword);
  EXPECT_EQ(right.status, 429) << "even the right password waits";
  EXPECT_FALSE(has(right.header("set-cookie"), "arkiv_session"));
  // Other accounts from this address are not held up.
  EXPECT_FALSE(sign_in("ana", kAnaPassword).empty());
}

TEST_F(AuthHttpTest, PagesNameTheBaseUrlNeverTheHostHeader) {
  std::string raw = "GET /documents/test/sq-1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n";
  HttpResponse doc = parse_response(exchange_raw(port_, raw));
  ASSERT_EQ(doc.status, 200);
  EXPECT_FALSE(has(doc.body, "evil.example"));
  EXPECT_TRUE(has(doc.body, "<link rel=\"canonical\" href=\"https://archive.example.org/documents/test/sq-1\">")) << doc.body.substr(0, 2000);
  EXPECT_TRUE(has(doc.body, "https://archive.example.org/documents/test/sq-1"));
  for (const char* format : {"txt", "bib", "ris", "json"}) {
    std::string cite = "GET /documents/test/sq-1/cite." + std::string(format) + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n";
    HttpResponse c = parse_response(exchange_raw(port_, cite));
    EXPECT_EQ(c.status, 200) << format;
    EXPECT_FALSE(has(c.body, "evil.example")) << format;
    EXPECT_TRUE(has(c.body, "https://archive.example.org/documents/test/sq-1")) << format << "\n" << c.body;
  }

  // Without --base-url: the listening address, still not the Host header.
  stop();
  start({});
  HttpResponse plain = parse_response(exchange_raw(port_, raw));
  ASSERT_EQ(plain.status, 200);
  EXPECT_FALSE(has(plain.body, "evil.example"));
  EXPECT_TRUE(has(plain.body, "http://127.0.0.1:" + std::to_string(port_) + "/documents/test/sq-1"));
}

TEST_F(AuthHttpTest, BadBaseUrlsAreRefusedAtStart) {
  for (const char* bad : {"archive.example.org", "ftp://x", "https://", "https://a b", "https://x/?q=1", "https://user@x"}) {
    EXPECT_EQ(run({kBinary, "--data", data_, "serve", "--port", "0", "--base-url", bad}).first, 2) << bad;
  }
}

TEST(UserCli, AddsListsAndChangesUsersWithClearErrors) {
  TempDir dir;
  std::string data = dir.file("data");
  auto user = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {kBinary, "--data", data, "user"});
    return run(args, input);
  };
  EXPECT_EQ(user({"add", "ana", "--role", "admin"}, "short\n").first, 2) << "passwords have at least 10 characters";
  EXPECT_EQ(user({"add", "ana", "--role", "root"}, kAnaPassword + "\n").first, 2);
  EXPECT_EQ(user({"add", "ana", "--role", "anonymous"}, kAnaPassword + "\n").first, 2);
  EXPECT_EQ(user({"add", "a b", "--role", "admin"}, kAnaPassword + "\n").first, 2);
  EXPECT_EQ(user({"add", "ana", "--role", "admin"}, "").first, 2) << "no password on stdin";
  ASSERT_EQ(user({"add", "ana", "--role", "admin"}, kAnaPassword + "\r\n").first, 0);
  EXPECT_EQ(user({"add", "ana", "--role", "editor"}, kAnaPassword + "\n").first, 2) << "taken";
  ASSERT_EQ(user({"role", "ana", "editor"}).first, 0);
  EXPECT_EQ(user({"role", "nobody", "editor"}).first, 3);
  EXPECT_EQ(user({"token", "ana", "--scope", "all"}).first, 2);
  auto [code, listed] = user({"list", "--json"});
  ASSERT_EQ(code, 0);
  json users = json::parse(listed);
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["name"], "ana");
  EXPECT_EQ(users[0]["role"], "editor");
  EXPECT_EQ(users[0]["disabled"], false);
  EXPECT_FALSE(has(listed, "argon2"));
  // The password is the line without its CR; accounts are not records, so export has none.
  ASSERT_EQ(user({"password", "ana"}, "a new long password\n").first, 0);
  auto [export_code, exported] = run({kBinary, "--data", data, "export"});
  EXPECT_EQ(export_code, 0);
  EXPECT_FALSE(has(exported, "argon2"));
  EXPECT_FALSE(has(exported, "ana"));
  auto [audit_code, audit] = run({kBinary, "--data", data, "audit"});
  EXPECT_EQ(audit_code, 0);
  EXPECT_TRUE(has(audit, "role_change  ana  (admin -> editor)  by cli:")) << audit;
  EXPECT_TRUE(has(audit, "password_change  ana")) << audit;
  EXPECT_FALSE(has(audit, "long password"));
}

}  // namespace
}  // namespace arkiv::test
