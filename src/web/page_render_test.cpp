// Every kind of page, rendered from a fixture archive by the compiled templates and by
// mstch::render (the reference implementation), must come out byte for byte the same.
#include <gtest/gtest.h>

#include <fstream>

#include "archive/archive.h"
#include "base/temp_dir.h"
#include "base/strings.h"
#include "web/account_pages.h"
#include "web/internal/views.h"
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
    auto r = (*w)->import({kFixtures + "/wilson", kFixtures + "/multilingual.jsonl", kFixtures + "/frus/frus1964-68v29p1-excerpt.xml",
                           kFixtures + "/frus/attachments-gaps-notes.xml", kFixtures + "/wilson-variants/01-scan-then-translation.txt"},
                          {});
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
  using View = Page (*)(const http::Request&, archive::Archive&);
  // Renders the view with the compiled templates (as the server does) and with mstch::render.
  void expect_same(View view, const http::Request& req, int status = 200) {
    static const bool escape_set = [] {
      mstch::config::escape = [](const std::string& s) { return html_escape(s); };
      return true;
    }();
    (void)escape_set;
    Page page = view(req, *archive_);
    http::Response ours = render_page(page);
    std::string reference = mstch::render(page_template_source(page.name), page.data, page_partials());
    EXPECT_EQ(ours.status, status) << req.path;
    EXPECT_EQ(page.status, status) << req.path;
    EXPECT_NE(ours.body.find("</html>"), std::string::npos) << req.path;
    EXPECT_EQ(ours.body, reference) << req.path;
  }

  static TempDir* dir_;
  std::unique_ptr<archive::Archive> archive_;
};

TempDir* PageRender::dir_ = nullptr;

TEST_F(PageRender, HomeAndBrowse) {
  expect_same(home_view, request("/"));
  expect_same(browse_index_view, request("/browse"));
  for (const char* field : {"year", "decade", "language", "collection", "subject", "place", "person"}) {
    expect_same(browse_view, request(std::string("/browse/") + field, {}, {{"field", field}}));
  }
}

// Authority and collection pages render the same both ways, with every value escaped.
TEST_F(PageRender, AuthoritiesAndCollections) {
  expect_same(authority_view, request("/authorities/place/pyongyang", {}, {{"authority", "place/pyongyang"}}));
  expect_same(authority_view, request("/authorities/person/nobody", {}, {{"authority", "person/nobody"}}), 404);
  expect_same(collections_view, request("/collections"));
  expect_same(unit_view, request("/collections/frus1964-68v29p1", {}, {{"unit", "frus1964-68v29p1"}}));
  expect_same(unit_view, request("/collections/collection/albania-korea-relations", {}, {{"unit", "collection/albania-korea-relations"}}));
  expect_same(unit_view, request("/collections/none", {}, {{"unit", "none"}}), 404);
  std::string volume = render_page(unit_view(request("/collections/frus1964-68v29p1", {}, {{"unit", "frus1964-68v29p1"}}), *archive_)).body;
  EXPECT_NE(volume.find("<h2 id=\"toc-heading\">Contents</h2>"), std::string::npos);
  EXPECT_NE(volume.find("href=\"/collections/frus1964-68v29p1/ch1\""), std::string::npos) << volume;
  std::string chapter = render_page(unit_view(request("/collections/frus1964-68v29p1/ch1", {}, {{"unit", "frus1964-68v29p1/ch1"}}), *archive_)).body;
  EXPECT_LT(chapter.find("/documents/frus1964-68v29p1/d40"), chapter.find("/documents/frus1964-68v29p1/d41")) << "in the volume's order";
  EXPECT_LT(chapter.find("/documents/frus1964-68v29p1/d41"), chapter.find("/documents/frus1964-68v29p1/d42"));
}

// Undated records are in no year or decade; the browse lists of years and decades say how many
// there are (issue 11: "12 undated"), and the other lists do not.
TEST(BrowsePage, YearsAndDecadesSayHowManyRecordsAreUndated) {
  TempDir dir;
  {
    std::ofstream out(dir.file("records.jsonl"));
    for (const char* date : {"1966", "[undated]", "s.d.", "n.d."}) {
      static int n = 0;
      out << R"({"id":"u/)" << ++n << R"(","title":"Note","date":")" << date
          << R"(","original_languages":["en"],"places":["Tirana"],"contents":[{"kind":"original","language":"en","text":"A note."}]})" << "\n";
    }
  }
  {
    auto w = archive::Archive::open(dir.file("data"), archive::Archive::Mode::kWrite);
    ASSERT_TRUE(w.ok()) << w.error().message();
    auto r = (*w)->import({dir.file("records.jsonl")}, {});
    ASSERT_TRUE(r.ok() && r->created == 4);
  }
  auto a = archive::Archive::open(dir.file("data"), archive::Archive::Mode::kRead);
  ASSERT_TRUE(a.ok());
  for (const char* field : {"year", "decade"}) {
    std::string body = render_page(browse_view(request(std::string("/browse/") + field, {}, {{"field", field}}), **a)).body;
    EXPECT_NE(body.find("1 entries; 3 undated records are in no " + std::string(field)), std::string::npos) << body;
  }
  std::string places = render_page(browse_view(request("/browse/place", {}, {{"field", "place"}}), **a)).body;
  EXPECT_EQ(places.find("undated"), std::string::npos);
}

TEST_F(PageRender, SearchPages) {
  expect_same(search_view, request("/search"));
  expect_same(search_view, request("/search", {{"q", "declaration"}}));
  expect_same(search_view, request("/search", {{"q", "korea"}, {"language", "en"}, {"sort", "date"}}));
  expect_same(search_view, request("/search", {{"q", "revisionizm"}}));  // no results, a suggestion
  expect_same(search_view, request("/search", {{"q", "the"}, {"from", "1900"}, {"to", "1970"}, {"page", "1"}}));
}

// A count stopped by the budget: the page says the total is a lower bound and links to the
// exact count, which the same page with exact=1 gives.
TEST_F(PageRender, SearchPageSaysWhenCountingStopped) {
  archive_->set_count_budget(1e-9);  // spent before the first match
  expect_same(search_view, request("/search", {{"q", "the"}}));
  std::string stopped = render_page(search_view(request("/search", {{"q", "the"}}), *archive_)).body;
  EXPECT_NE(stopped.find("At least "), std::string::npos) << stopped;
  EXPECT_NE(stopped.find("href=\"/search?q=the&amp;exact=1\">count them all</a>"), std::string::npos) << stopped;
  std::string exact = render_page(search_view(request("/search", {{"q", "the"}, {"exact", "1"}}), *archive_)).body;
  EXPECT_EQ(exact.find("At least "), std::string::npos);
  EXPECT_EQ(exact.find("count them all"), std::string::npos);
}

TEST_F(PageRender, DocumentPages) {
  expect_same(document_view, request("/documents/wcda/114408", {}, {{"id", "wcda/114408"}}));
  // Versions side by side (test/ru-1), Korean, Albanian, a FRUS document with notes.
  for (const char* id : {"test/ru-1", "test/ko-1", "test/sq-1", "frus1964-68v29p1/d40"}) {
    expect_same(document_view, request(std::string("/documents/") + id, {}, {{"id", id}}));
    expect_same(document_view, request(std::string("/documents/") + id, {{"view", "parallel"}}, {{"id", id}}));
    if (std::string(id) == "test/ru-1") expect_same(document_view, request(std::string("/documents/") + id, {{"version", "1"}}, {{"id", id}}));
  }
}

// Attachments are sections with anchors, gaps say their kind in words, notes keep the source's
// numbers (4, 5, 6 — not 1, 2, 3), and a scan the export lacks is said to be missing.
TEST_F(PageRender, PartsGapsNotesAndVersionsNotInTheExport) {
  auto req = request("/documents/frusTest/d1", {}, {{"id", "frusTest/d1"}});
  expect_same(document_view, req);
  std::string b = document_page(req, *archive_).body;
  auto has = [&](const std::string& s) { return b.find(s) != std::string::npos; };
  EXPECT_TRUE(has("<section class=\"part\" id=\"part-d1-enc1\" aria-labelledby=\"part-d1-enc1-h\">")) << b;
  EXPECT_TRUE(has("<h4 id=\"part-d1-enc1-h\">Memorandum by the Consul</h4>"));
  EXPECT_TRUE(has("<p class=\"part-source\">[Enclosure 1]</p>"));
  EXPECT_TRUE(has("<p class=\"part-date\">April 30, 1918</p>"));
  EXPECT_TRUE(has("<a href=\"/documents/frusTest/d1#part-d1-enc1\">Link to this part</a>"));
  EXPECT_TRUE(has("<h4 id=\"part-attachment-2-h\">Note from the Foreign Office</h4>"));
  EXPECT_LT(b.find("part-d1-enc1-h"), b.find("part-attachment-2-h"));
  EXPECT_TRUE(has("[garbled group]</span> <span class=\"gap-kind\">(garbled in transmission)</span>"));
  EXPECT_TRUE(has("[omission]</span> <span class=\"gap-kind\">(left out in the source)</span>"));
  EXPECT_TRUE(has("[illegible]</span> <span class=\"gap-kind\">(illegible in the source)</span>"));
  for (const char* n : {"4", "5", "6"}) {
    EXPECT_TRUE(has(std::string("<a href=\"#v0-note-") + n + "\" id=\"v0-note-" + n + "-ref\" aria-label=\"Note " + n + "\">" + n + "</a>")) << n;
    EXPECT_TRUE(has(std::string("<li id=\"v0-note-") + n + "\"><span class=\"note-label\">" + n + ".</span>")) << n;
  }
  EXPECT_FALSE(has("v0-note-1\""));
  // Notes keep the source's numbers: a plain list, never an <ol> that numbers them again.
  std::size_t notes = b.find("<section class=\"notes\"");
  ASSERT_NE(notes, std::string::npos);
  EXPECT_EQ(b.substr(notes, b.find("</section>", notes) - notes).find("<ol"), std::string::npos);
  // A text with attachments has a table of contents of them (issue 14), and "Back to top".
  EXPECT_TRUE(has("<nav class=\"toc\" aria-labelledby=\"toc-heading\">"));
  EXPECT_TRUE(has("<li><a href=\"#part-d1-enc1\">Memorandum by the Consul</a></li>"));
  EXPECT_TRUE(has("<a href=\"#main\">Back to top</a>"));
  EXPECT_LT(b.find("id=\"cite-heading\""), b.find("id=\"text-heading\"")) << "Cite this above the text";

  // The scan is listed but not shown first; asked for, it says it is not in this export.
  auto scan = request("/documents/wcda/200001", {{"version", "0"}}, {{"id", "wcda/200001"}});
  expect_same(document_view, scan);
  EXPECT_NE(document_page(scan, *archive_).body.find("Not in this export: the source lists \u201cOriginal Scan\u201d"), std::string::npos);
  auto first = request("/documents/wcda/200001", {}, {{"id", "wcda/200001"}});
  expect_same(document_view, first);
  std::string fb = document_page(first, *archive_).body;
  EXPECT_NE(fb.find("<div class=\"version-text\" lang=\"en\">"), std::string::npos);
  EXPECT_EQ(fb.find("Not in this export"), std::string::npos);
}

// A document printed in a volume: its sender (only when known) and translator in the meta tags,
// its volume, number, pages and imprint as rows; every value escaped.
TEST(DocumentPage, CitationMetaTagsAndRowsAreEscaped) {
  TempDir dir;
  {
    std::ofstream out(dir.file("records.jsonl"));
    out << R"({"id":"frusX/d7","title":"The <Minister> to the Secretary","date":"1927-03-24","original_languages":["en"],)"
        << R"("citation":{"text":"893.00/8410","repository":"","reference":"893.00/8410","url":"","publisher":"GPO & Sons","translator":"Ann \"Q\" <Smith>",)"
        << R"("author":"MacMurray, John <V. A.>","volume":"Foreign Relations & <Volume II>","number":"7","pages":"301–303","place":"Washington","year":"1942"},)"
        << R"("contents":[{"kind":"translation","language":"en","translator":"Ann \"Q\" <Smith>","text":"A telegram."},)"
        << R"({"kind":"translation","language":"en","translator":"Second Translator","text":"Another."}]})" << "\n";
    out << R"({"id":"frusX/d8","title":"The Secretary to the Minister","date":"1927-03-25","original_languages":["en"],)"
        << R"("citation":{"text":"","repository":"","reference":"","url":"","publisher":"GPO","translator":"","volume":"V","pages":"5"},)"
        << R"("contents":[{"kind":"original","language":"en","text":"A reply."}]})" << "\n";
  }
  {
    auto w = archive::Archive::open(dir.file("data"), archive::Archive::Mode::kWrite);
    ASSERT_TRUE(w.ok()) << w.error().message();
    auto r = (*w)->import({dir.file("records.jsonl")}, {});
    ASSERT_TRUE(r.ok());
    for (const auto& f : r->files) {
      for (const Error& e : f.errors) ADD_FAILURE() << e.message();
    }
    ASSERT_EQ(r->created, 2);
  }
  auto a = archive::Archive::open(dir.file("data"), archive::Archive::Mode::kRead);
  ASSERT_TRUE(a.ok());
  std::string b = document_page(request("/documents/frusX/d7", {}, {{"id", "frusX/d7"}}), **a).body;
  auto has = [&](const std::string& s) { return b.find(s) != std::string::npos; };
  EXPECT_TRUE(has("<meta name=\"citation_author\" content=\"MacMurray, John &lt;V. A.&gt;\">")) << b;
  EXPECT_TRUE(has("<meta name=\"DC.creator\" content=\"MacMurray, John &lt;V. A.&gt;\">"));
  EXPECT_TRUE(has("<meta name=\"DC.contributor\" content=\"Ann &quot;Q&quot; &lt;Smith&gt;\">"));
  EXPECT_TRUE(has("<meta name=\"DC.contributor\" content=\"Second Translator\">"));
  EXPECT_TRUE(has("<meta name=\"citation_inbook_title\" content=\"Foreign Relations &amp; &lt;Volume II&gt;\">"));
  EXPECT_TRUE(has("<meta name=\"citation_firstpage\" content=\"301\">"));
  EXPECT_TRUE(has("<meta name=\"citation_lastpage\" content=\"303\">"));
  EXPECT_TRUE(has("Foreign Relations &amp; &lt;Volume II&gt;"));
  EXPECT_TRUE(has("Washington: GPO &amp; Sons, 1942"));
  EXPECT_TRUE(has("301–303"));
  EXPECT_FALSE(has("<Minister>"));
  EXPECT_FALSE(has("<Smith>"));
  EXPECT_FALSE(has("<Volume II>"));
  EXPECT_FALSE(has("<V. A.>"));
  // No sender named: no citation_author, no DC.creator; one page, no last page.
  std::string d8 = document_page(request("/documents/frusX/d8", {}, {{"id", "frusX/d8"}}), **a).body;
  EXPECT_EQ(d8.find("citation_author"), std::string::npos);
  EXPECT_EQ(d8.find("DC.creator"), std::string::npos);
  EXPECT_EQ(d8.find("DC.contributor"), std::string::npos);
  EXPECT_NE(d8.find("<meta name=\"citation_firstpage\" content=\"5\">"), std::string::npos);
  EXPECT_EQ(d8.find("citation_lastpage"), std::string::npos);
}

TEST_F(PageRender, ErrorPages) {
  expect_same([](const http::Request& r, archive::Archive&) { return error_view(r, 404, "There is no <such> page."); }, request("/nope"), 404);
  expect_same(document_view, request("/documents/no/such", {}, {{"id", "no/such"}}), 404);
}

TEST_F(PageRender, SignInPages) {
  AccountsOptions options;
  options.password_cost = kTestPasswordCost;
  auto accounts = auth::Accounts::open(dir_->file("data"), options);
  ASSERT_TRUE(accounts) << accounts.error().message();
  auth::Accounts& a = **accounts;
  // Before sign-in the forms carry the pre-sign-in cookie's token; signed in, the session's.
  auto view = [](const http::Request& r, archive::Archive&) {
    return login_view(r, {"", r.param("next"), "", r.caller.signed_in() ? r.caller.csrf : r.cookie(kLoginCookie), 200});
  };
  http::Request anonymous = request("/login", {{"next", "/search?q=x"}});
  anonymous.headers.emplace_back("cookie", "arkiv_login=" + std::string(43, 'A'));
  expect_same(view, anonymous);
  EXPECT_EQ(login_page(anonymous, a).body, render_page(view(anonymous, *archive_)).body);
  http::Request signed_in = request("/login");
  signed_in.caller.via = auth::Via::kSession;
  signed_in.caller.role = auth::Role::kEditor;
  signed_in.caller.user = "ana";
  signed_in.caller.csrf = "0123abcd";
  expect_same(view, signed_in);
  http::Response r = login_page(signed_in, a);
  EXPECT_EQ(r.body, render_page(view(signed_in, *archive_)).body);
  EXPECT_NE(r.body.find("value=\"0123abcd\""), std::string::npos) << "the forms carry the session's CSRF token";
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  // With an error: the status and the message.
  Page failed = login_view(anonymous, {"ana", "/", "Wrong name or password.", std::string(43, 'A'), 401});
  EXPECT_EQ(failed.status, 401);
  EXPECT_NE(render_page(failed).body.find("Wrong name or password."), std::string::npos);
}

}  // namespace
}  // namespace arkiv::web
