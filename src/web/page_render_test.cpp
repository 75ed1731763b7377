// Every kind of page, rendered from a fixture archive by the compiled templates and by
// mstch::render (the reference implementation), must come out byte for byte the same.
#include <gtest/gtest.h>

#include "archive/archive.h"
#include "base/temp_dir.h"
#include "web/account_pages.h"
#include "web/page.h"
#include "web/pages.h"

namespace arkiv::web {
namespace {

using auth::AccountsOptions;

const std::string kFixtures = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures";

http::Request request(const std::string& path, http::Params query = {}, std::map<std::string, std::string> path_params = {}) {
  http::Request r;
  r.method = "GET";
  r.path = path;
  r.target = path;
  r.query = std::move(query);
  r.path_params = std::move(path_params);
  r.headers = {{"host", "127.0.0.1:8080"}};
  r.base_url = "http://127.0.0.1:8080";
  return r;
}

class PageRender : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto w = archive::Archive::open(dir_->file("data"), archive::Archive::Mode::kWrite);
    ASSERT_TRUE(w.ok()) << w.error().message();
    auto r = (*w)->import({kFixtures + "/wilson", kFixtures + "/multilingual.jsonl", kFixtures + "/frus/frus1964-68v29p1-excerpt.xml"}, {});
    ASSERT_TRUE(r.ok() && r->ok());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    auto a = archive::Archive::open(dir_->file("data"), archive::Archive::Mode::kRead);
    ASSERT_TRUE(a.ok()) << a.error().message();
    archive_ = std::move(a).value();
    archive_->set_caching(false);
  }
  void TearDown() override { render_pages_with_mstch(false); }

  using Handler = http::Response (*)(const http::Request&, archive::Archive&);
  void expect_same(Handler handler, const http::Request& req, int status = 200) {
    render_pages_with_mstch(false);
    http::Response ours = handler(req, *archive_);
    render_pages_with_mstch(true);
    http::Response reference = handler(req, *archive_);
    render_pages_with_mstch(false);
    EXPECT_EQ(ours.status, status) << req.path;
    EXPECT_EQ(reference.status, status) << req.path;
    EXPECT_NE(ours.body.find("</html>"), std::string::npos) << req.path;
    EXPECT_EQ(ours.body, reference.body) << req.path;
  }

  static TempDir* dir_;
  std::unique_ptr<archive::Archive> archive_;
};

TempDir* PageRender::dir_ = nullptr;

TEST_F(PageRender, HomeAndBrowse) {
  expect_same(home_page, request("/"));
  expect_same(browse_index_page, request("/browse"));
  for (const char* field : {"year", "decade", "language", "collection", "subject", "place", "person"}) {
    expect_same(browse_page, request(std::string("/browse/") + field, {}, {{"field", field}}));
  }
}

TEST_F(PageRender, SearchPages) {
  expect_same(search_page, request("/search"));
  expect_same(search_page, request("/search", {{"q", "declaration"}}));
  expect_same(search_page, request("/search", {{"q", "korea"}, {"language", "en"}, {"sort", "date"}}));
  expect_same(search_page, request("/search", {{"q", "revisionizm"}}));  // no results, a suggestion
  expect_same(search_page, request("/search", {{"q", "the"}, {"from", "1900"}, {"to", "1970"}, {"page", "1"}}));
}

TEST_F(PageRender, DocumentPages) {
  expect_same(document_page, request("/documents/wcda/114408", {}, {{"id", "wcda/114408"}}));
  // Versions side by side (test/ru-1), Korean, Albanian, a FRUS document with notes.
  for (const char* id : {"test/ru-1", "test/ko-1", "test/sq-1", "frus1964-68v29p1/d40"}) {
    expect_same(document_page, request(std::string("/documents/") + id, {}, {{"id", id}}));
    expect_same(document_page, request(std::string("/documents/") + id, {{"view", "parallel"}}, {{"id", id}}));
    if (std::string(id) == "test/ru-1") expect_same(document_page, request(std::string("/documents/") + id, {{"version", "1"}}, {{"id", id}}));
  }
}

TEST_F(PageRender, ErrorPages) {
  expect_same([](const http::Request& r, archive::Archive&) { return error_page(r, 404, "There is no <such> page."); }, request("/nope"), 404);
  expect_same(document_page, request("/documents/no/such", {}, {{"id", "no/such"}}), 404);
}

TEST_F(PageRender, SignInPages) {
  AccountsOptions options;
  options.password_cost = kTestPasswordCost;
  auto accounts = auth::Accounts::open(dir_->file("data"), options);
  ASSERT_TRUE(accounts) << accounts.error().message();
  static auth::Accounts* a = nullptr;
  a = accounts->get();
  auto page = [](const http::Request& r, archive::Archive&) { return login_page(r, *a); };
  http::Request anonymous = request("/login", {{"next", "/search?q=x"}});
  anonymous.headers.emplace_back("cookie", "arkiv_login=" + std::string(43, 'A'));
  expect_same(page, anonymous);
  http::Request signed_in = request("/login");
  signed_in.caller.via = auth::Via::kSession;
  signed_in.caller.role = auth::Role::kEditor;
  signed_in.caller.user = "ana";
  signed_in.caller.csrf = "0123abcd";
  expect_same(page, signed_in);
  http::Response r = login_page(signed_in, *a);
  EXPECT_NE(r.body.find("value=\"0123abcd\""), std::string::npos) << "the forms carry the session's CSRF token";
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace arkiv::web
