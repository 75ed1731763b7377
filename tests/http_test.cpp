// End-to-end tests of `arkiv serve`: the real binary as a child process on an ephemeral port,
// over a fixture archive imported into a temporary directory (with a hostile record).
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
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
#include "hostile_queries.h"

namespace arkiv::test {
namespace {

using nlohmann::json;

const std::string kSource = ARKIV_SOURCE_DIR;
const std::string kBinary = ARKIV_BINARY;

// A record whose title and text try to break out of HTML.
const char* kEvilRecord =
    R"({"id":"test/evil","title":"<script>alert(\"title\")</script> \"quoted\" & more","date":"1970",)"
    R"("original_languages":["en"],"contents":[{"kind":"original","language":"en","text":"Beware <script>alert(\"text\")</script> of \"quotes\" in the xylophone text."}],)"
    R"("places":["<b>Nowhere</b>"],"collections":["Evil & \"Co\""],"document_type":"test"})";

int run(const std::vector<std::string>& args) { return run_process(args); }

class HttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    data_ = dir_->file("data");
    std::ofstream(dir_->file("evil.jsonl")) << kEvilRecord << "\n";
    ASSERT_EQ(run({kBinary, "--data", data_, "import", kSource + "/tests/fixtures/wilson",
                   kSource + "/tests/fixtures/multilingual.jsonl", dir_->file("evil.jsonl")}), 0);
    ServerProcess server = start_server({kBinary, "--data", data_, "serve", "--port", "0", "--threads", "2"}, dir_->file("server.log"));
    pid_ = server.pid;
    banner_ = server.banner;
    ASSERT_NE(server.port, 0) << "the server printed no banner: " << banner_;
    port_ = server.port;
  }

  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the server did not shut down cleanly";
    }
  }

  std::string log() const {
    std::ifstream in(dir_->file("server.log"));
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  HttpResponse page(const std::string& target) {
    HttpResponse r = get(port_, target);
    EXPECT_EQ(r.status, 200) << target << "\n" << r.body;
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8") << target;
    return r;
  }

  json api(const std::string& target, int status = 200) {
    HttpResponse r = get(port_, target);
    EXPECT_EQ(r.status, status) << target << "\n" << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json") << target;
    EXPECT_EQ(r.header("access-control-allow-origin"), "*") << target;
    return json::parse(r.body, nullptr, false);
  }

  std::unique_ptr<TempDir> dir_;
  std::string data_;
  std::string banner_;
  pid_t pid_ = -1;
  int port_ = 0;
};

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Every href in `html`, unescaped.
std::vector<std::string> links(const std::string& html) {
  std::vector<std::string> out;
  std::regex href(R"re(href="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it) {
    out.push_back(html_unescape((*it)[1]));
  }
  return out;
}

std::string first_link(const std::string& html, const std::string& containing) {
  for (const auto& l : links(html)) {
    if (has(l, containing)) return l;
  }
  return "";
}

TEST_F(HttpTest, HomePageHasSearchCountsTimelineFacetsAndRecent) {
  std::string b = page("/").body;
  EXPECT_TRUE(has(b, "<!DOCTYPE html>"));
  EXPECT_TRUE(has(b, "<html lang=\"en\">"));
  EXPECT_TRUE(has(b, "class=\"skip-link\" href=\"#main\""));
  for (const char* landmark : {"<header", "<nav", "<main id=\"main\"", "<footer"}) EXPECT_TRUE(has(b, landmark)) << landmark;
  EXPECT_TRUE(has(b, "<label for=\"q\">"));
  EXPECT_TRUE(has(b, "6 documents"));
  EXPECT_TRUE(has(b, "<svg class=\"timeline\""));
  EXPECT_FALSE(first_link(b, "/search?year=1966").empty());
  EXPECT_FALSE(first_link(b, "/search?language=sq").empty());
  EXPECT_TRUE(has(b, ">Albanian</a>"));
  EXPECT_TRUE(has(b, "Places"));
  EXPECT_TRUE(has(b, "Recently added"));
  EXPECT_TRUE(has(b, "lang=\"ko\">조선로동당"));
  EXPECT_TRUE(has(log(), "method=\"GET\" path=\"/\" status=200 bytes="));
  EXPECT_TRUE(has(log(), "duration_ms="));
}

TEST_F(HttpTest, SearchPageShowsQueryTotalSortSnippetsAndPaging) {
  std::string b = page("/search?q=declaration").body;
  EXPECT_TRUE(has(b, "value=\"declaration\""));
  EXPECT_TRUE(has(b, "1 document for <q>declaration</q>"));
  EXPECT_TRUE(has(b, "<mark>"));
  EXPECT_TRUE(has(b, "Oldest first"));
  EXPECT_FALSE(first_link(b, "sort=date-desc").empty());
  EXPECT_TRUE(has(b, "<label for=\"from\">"));
  // Paging keeps the state in the URL.
  std::string p = page("/search?limit=2&sort=date").body;
  std::string next = first_link(p, "page=2");
  EXPECT_TRUE(has(next, "sort=date")) << next;
  EXPECT_TRUE(has(next, "limit=2")) << next;
  EXPECT_TRUE(has(page(next).body, "aria-current=\"page\" class=\"current\">2<"));
}

TEST_F(HttpTest, NoResultsPageIsHelpful) {
  std::string b = page("/search?q=zzyzzyqqq").body;
  EXPECT_TRUE(has(b, "No documents found"));
  EXPECT_TRUE(has(b, "Browse"));
  std::string s = page("/search?q=declaraton").body;
  EXPECT_TRUE(has(s, "Did you mean"));
  EXPECT_FALSE(first_link(s, "q=declaration").empty());
}

TEST_F(HttpTest, FacetLinksRoundTrip) {
  std::string b = page("/search").body;
  // Linked names are filtered by their authority's id, and shown by its name.
  std::string link = first_link(b, "place=place%2Fpyongyang");
  ASSERT_FALSE(link.empty());
  std::string filtered = page(link).body;
  EXPECT_TRUE(has(filtered, "2 documents"));
  EXPECT_TRUE(has(filtered, "Place: Pyongyang"));
  // The chip removes the filter again.
  std::regex chip(R"re(<a class="chip" href="([^"]*)")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(filtered, m, chip));
  std::string back = page(html_unescape(m[1])).body;
  EXPECT_TRUE(has(back, "6 documents"));
  EXPECT_FALSE(has(back, "class=\"chip\""));
  // Non-ASCII values survive the round trip, and the API agrees with the page.
  std::string tirane = first_link(b, "place=place%2Ftirane");
  ASSERT_FALSE(tirane.empty());
  EXPECT_TRUE(has(page(tirane).body, "1 document"));
  EXPECT_EQ(api("/api/v1" + tirane)["total"], 1);
  // Browse lists of names lead to the authority's page, which lists the same documents.
  std::string authority = first_link(page("/browse/place").body, "/authorities/place/pyongyang");
  ASSERT_FALSE(authority.empty());
  std::string ap = page(authority).body;
  EXPECT_TRUE(has(ap, "<h1>Pyongyang</h1>"));
  EXPECT_TRUE(has(ap, "Documents (2)"));
  EXPECT_FALSE(first_link(page("/browse/decade").body, "/search?decade=1960s").empty());
  EXPECT_TRUE(has(page("/search?decade=1960s").body, "Decade: 1960s"));
}

TEST_F(HttpTest, DocumentPageHasMetadataCitationsGapsAndMetaTags) {
  std::string b = page("/documents/wcda/114408").body;
  EXPECT_TRUE(has(b, "<h1 id=\"doc-title\""));
  EXPECT_TRUE(has(b, "Albanian-Korean Joint Declaration</h1>"));
  EXPECT_TRUE(has(b, "<meta name=\"citation_title\" content=\"Albanian-Korean Joint Declaration\">"));
  EXPECT_TRUE(has(b, "<meta name=\"citation_publication_date\""));
  EXPECT_TRUE(has(b, "<meta name=\"citation_publisher\""));
  EXPECT_TRUE(has(b, "<meta name=\"citation_public_url\" content=\"http://127.0.0.1:"));
  EXPECT_TRUE(has(b, "<meta name=\"DC.title\""));
  // Each gap says what kind it is in words, not only in an attribute.
  EXPECT_TRUE(has(b, "<span class=\"gap gap-omission\"><span class=\"gap-mark\">[date].....</span> <span class=\"gap-kind\">(left out in the source)</span></span>"));
  EXPECT_TRUE(has(b, "AQPPSH, MPP Korese, V. 1966, D 9"));
  EXPECT_TRUE(has(b, "Chicago (note)"));
  for (const char* ext : {"txt", "bib", "ris", "json"}) {
    std::string href = std::string("/documents/wcda/114408/cite.") + ext;
    EXPECT_TRUE(has(b, "href=\"" + href + "\"")) << ext;
    HttpResponse c = get(port_, href);
    EXPECT_EQ(c.status, 200) << ext;
    EXPECT_TRUE(has(c.body, "AQPPSH")) << ext;
    EXPECT_TRUE(has(c.header("content-disposition"), "attachment")) << ext;
  }
  EXPECT_EQ(json::parse(get(port_, "/documents/wcda/114408/cite.json").body)[0]["archive"], "AQPPSH");
  EXPECT_TRUE(has(b, "Permalink"));
  EXPECT_TRUE(has(page("/documents/test/sq-1").body, "Related documents"));
}

TEST_F(HttpTest, DocumentVersionsSwitchAndSitSideBySide) {
  std::string b = page("/documents/test/ru-1").body;
  EXPECT_TRUE(has(b, "<div class=\"version-text\" lang=\"ru\">"));
  EXPECT_FALSE(has(b, "lang=\"en\">\n                <p>Conversation"));
  std::string v1 = first_link(b, "?version=1");
  ASSERT_FALSE(v1.empty());
  std::string t = page(v1).body;
  EXPECT_TRUE(has(t, "<div class=\"version-text\" lang=\"en\">"));
  EXPECT_TRUE(has(t, "Conversation with the Albanian ambassador"));
  EXPECT_TRUE(has(t, "Translated by A. Translator"));
  std::string both = page(first_link(b, "view=parallel")).body;
  EXPECT_TRUE(has(both, "lang=\"ru\""));
  EXPECT_TRUE(has(both, "lang=\"en\""));
  EXPECT_TRUE(has(both, "class=\"parallel\""));
  EXPECT_EQ(get(port_, "/documents/test/ru-1?version=7").status, 400);
}

// HTML Tidy's findings for `html` (errors and warnings), less what tidy 5.6 does not know of
// HTML5: aria-current, inputmode, and href/aria-label on SVG links.
std::vector<std::string> tidy_findings(const TempDir& dir, const std::string& html) {
  std::string file = dir.file("page.html");
  std::ofstream(file, std::ios::binary) << html;
  std::string command = "tidy -errors -quiet -utf8 " + file + " 2>&1";
  FILE* p = popen(command.c_str(), "r");
  EXPECT_NE(p, nullptr);
  std::vector<std::string> out;
  if (!p) return out;
  char line[1024];
  std::regex known(R"re(proprietary attribute "(aria-current|inputmode)"|<a> proprietary attribute "(href|aria-label|tabindex)")re");
  while (fgets(line, sizeof line, p)) {
    std::string l(line);
    if (!std::regex_search(l, known)) out.push_back(l);
  }
  int status = pclose(p);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) <= 2) << "tidy did not run (scripts/setup installs it)";
  return out;
}

TEST_F(HttpTest, PagesAreValidHtml5) {
  // The checker itself finds misnesting, unknown elements and duplicate ids.
  EXPECT_GE(tidy_findings(*dir_, "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p id=\"a\"><span>x</p>"
                                 "<p id=\"a\">y</p><foo>z</foo></body></html>").size(), 3u);
  for (const char* target : {"/", "/search?q=declaration", "/search?q=revisionizm", "/search?q=korea&language=en&sort=date",
                             "/search?q=xylophone", "/documents/wcda/114408", "/documents/test/ru-1?view=parallel",
                             "/documents/test/ru-1?version=1", "/documents/test/ko-1", "/documents/test/evil", "/browse",
                             "/browse/year", "/browse/language", "/browse/place", "/nope"}) {
    HttpResponse r = get(port_, target);
    std::vector<std::string> findings = tidy_findings(*dir_, r.body);
    std::string all;
    for (const auto& f : findings) all += f;
    EXPECT_TRUE(findings.empty()) << target << ":\n" << all;
  }
}

TEST_F(HttpTest, EscapingHoldsForHostileRecordsAndQueries) {
  std::string doc = page("/documents/test/evil").body;
  EXPECT_FALSE(has(doc, "<script")) << doc;
  EXPECT_FALSE(has(doc, "<b>Nowhere"));
  EXPECT_TRUE(has(doc, "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &quot;quoted&quot; &amp; more"));
  EXPECT_TRUE(has(doc, "Beware &lt;script&gt;alert(&quot;text&quot;)"));
  EXPECT_TRUE(has(doc, "content=\"&lt;script&gt;alert(&quot;title&quot;)"));
  std::string found = page("/search?q=xylophone").body;
  EXPECT_TRUE(has(found, "<mark>xylophone</mark>"));
  EXPECT_FALSE(has(found, "<script"));
  std::string reflected = page("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27").body;
  EXPECT_FALSE(has(reflected, "<script"));
  EXPECT_FALSE(has(page("/search?collection=Evil+%26+%22Co%22").body, "<script"));
  for (const char* ext : {"bib", "ris", "txt"}) EXPECT_EQ(get(port_, std::string("/documents/test/evil/cite.") + ext).status, 200);
  json j = api("/api/v1/documents/test/evil");
  EXPECT_EQ(j["title"], "<script>alert(\"title\")</script> \"quoted\" & more");
  HttpResponse missing = get(port_, "/documents/%3Cscript%3E");
  EXPECT_EQ(missing.status, 404);
  EXPECT_FALSE(has(missing.body, "<script"));
}

TEST_F(HttpTest, ApiSearchFacetsAndStatsHaveTheirFields) {
  json s = api("/api/v1/search?q=pyongyang&limit=1&page=2&place=Pyongyang");
  for (const char* k : {"query", "total", "total_exact", "offset", "limit", "page", "sort", "filters", "from", "to", "hits", "facets", "suggestion"}) {
    EXPECT_TRUE(s.contains(k)) << k;
  }
  EXPECT_EQ(s["total"], 2);
  EXPECT_EQ(s["total_exact"], true);
  EXPECT_EQ(s["offset"], 1);
  ASSERT_EQ(s["hits"].size(), 1u);
  for (const char* k : {"id", "title", "date", "snippet", "matched_in", "languages", "type"}) EXPECT_TRUE(s["hits"][0].contains(k)) << k;
  // The second hit is the Korean record, whose text writes 평양: "pyongyang" is only its place.
  EXPECT_EQ(s["hits"][0]["matched_in"], json::array({"place"}));
  EXPECT_EQ(s["count_stopped"], false);
  EXPECT_EQ(s["filters"][0]["field"], "place");
  json f = api("/api/v1/facets/language");
  EXPECT_EQ(f["field"], "language");
  EXPECT_GE(f["values"].size(), 4u);
  EXPECT_TRUE(f["values"][0].contains("count"));
  EXPECT_TRUE(f["values"][0].contains("label"));
  EXPECT_FALSE(f.contains("undated"));  // only years and decades leave undated records out
  EXPECT_EQ(api("/api/v1/facets/year")["undated"], 0);
  EXPECT_EQ(api("/api/v1/facets/decade?q=pyongyang")["count_stopped"], false);
  json st = api("/api/v1/stats");
  EXPECT_EQ(st["documents"], 6);
  EXPECT_TRUE(st["index"]["in_sync"]);
}

// Issue 11, item 7: no query makes the pages or the API fail. Each gives results or a clear
// message (a 400 naming the problem, or 414 for an address past the server's bound), never a
// 5xx. The same list (tests/hostile_queries.h) goes to the CLI in tests/cli_test.cpp.
TEST_F(HttpTest, HostileQueriesGiveResultsOrAClearMessageNeverA5xx) {
  const std::vector<std::string> queries = arkiv::testing::hostile_queries();
  for (const std::string& q : queries) {
    const std::string shown = q.substr(0, 40);
    const std::string encoded = percent_encode(q);
    HttpResponse a = get(port_, "/api/v1/search?q=" + encoded);
    EXPECT_TRUE(a.status == 200 || a.status == 400 || a.status == 414) << a.status << " for '" << shown << "': " << a.body.substr(0, 300);
    if (a.status == 200) {
      EXPECT_FALSE(json::parse(a.body, nullptr, false).is_discarded()) << shown;
    } else if (a.status == 400) {
      json j = json::parse(a.body, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << shown;
      std::string message = j["error"]["message"].get<std::string>();
      EXPECT_TRUE(has(message, "'q'") || has(message, "query")) << shown << ": " << message;
    } else {
      EXPECT_TRUE(has(a.body, "longer than")) << shown << ": " << a.body.substr(0, 300);
    }
    HttpResponse p = get(port_, "/search?q=" + encoded);
    EXPECT_TRUE(p.status == 200 || p.status == 400 || p.status == 414) << p.status << " for page '" << shown << "'";
    if (p.status == 400) {
      EXPECT_TRUE(has(p.body, "<main")) << "an error page with its message: " << p.body.substr(0, 300);
    }
    EXPECT_EQ(get(port_, "/api/v1/facets/place?q=" + encoded).status / 100 == 5, false) << shown;
  }
  // Stray syntax around words still finds what the words find.
  EXPECT_GE(api("/api/v1/search?q=%22pyongyang")["total"].get<int>(), 1);
  EXPECT_GE(api("/api/v1/search?q=pyongyang+AND")["total"].get<int>(), 1);
  EXPECT_GE(api("/api/v1/search?q=%28%28pyongyang")["total"].get<int>(), 1);
  EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);  // and the server is still there
}

// Issue 11, item 4: "nowhere" is only in the hostile record's place, not in its text: the hit
// says where it matched and shows the place with the word marked (and escaped).
TEST_F(HttpTest, AHitThatMatchedOnlyInAFieldSaysWhere) {
  json s = api("/api/v1/search?q=nowhere");
  ASSERT_EQ(s["hits"].size(), 1u);
  EXPECT_EQ(s["hits"][0]["id"], "test/evil");
  EXPECT_EQ(s["hits"][0]["matched_in"], json::array({"place"}));
  EXPECT_EQ(s["hits"][0]["snippet"], "&lt;b&gt;<mark>Nowhere</mark>&lt;/b&gt;");
  std::string html = page("/search?q=nowhere").body;
  EXPECT_TRUE(has(html, "Matched in: Place")) << html;
  EXPECT_TRUE(has(html, "&lt;b&gt;<mark>Nowhere</mark>&lt;/b&gt;"));
  EXPECT_FALSE(has(html, "<b>Nowhere"));
}

// Issue 11, item 3: a server whose count budget runs out says so in the API and on the page,
// and exact=1 gets the exact count all the same.
TEST_F(HttpTest, ACountPastTheServersBudgetSaysSoAndExactOneCountsAll) {
  ServerProcess tight = start_server({kBinary, "--data", data_, "serve", "--port", "0", "--threads", "1", "--count-budget", "0.000001"},
                                     dir_->file("tight.log"));
  ASSERT_NE(tight.port, 0) << tight.banner;
  HttpResponse stopped = get(tight.port, "/api/v1/search?q=korea");
  ASSERT_EQ(stopped.status, 200);
  json s = json::parse(stopped.body);
  EXPECT_EQ(s["count_stopped"], true);
  EXPECT_EQ(s["total_exact"], false);
  EXPECT_GE(s["total"].get<int>(), 1);
  EXPECT_TRUE(has(get(tight.port, "/search?q=korea").body, "count them all"));
  json exact = json::parse(get(tight.port, "/api/v1/search?q=korea&exact=1").body);
  EXPECT_EQ(exact["count_stopped"], false);
  EXPECT_EQ(exact["total_exact"], true);
  EXPECT_EQ(exact["total"], api("/api/v1/search?q=korea")["total"]);  // what the default budget counts
  kill(tight.pid, SIGTERM);
  int status = 0;
  waitpid(tight.pid, &status, 0);
}

// Issue 14: the documented limits are the real ones, counts are named for what they count, a
// filter value found nowhere says so, hits link to their pages, documents carry "more like this".
TEST_F(HttpTest, ApiLimitsCountsUnmatchedFiltersUrlsAndSimilar) {
  json f = api("/api/v1/facets/place?limit=1000");
  EXPECT_EQ(f["documents"], 6);
  EXPECT_FALSE(f.contains("total"));
  EXPECT_EQ(f["values_total"], f["values"].size());
  json one = api("/api/v1/facets/place?limit=1");
  EXPECT_EQ(one["values"].size(), 1u);
  EXPECT_EQ(one["values_total"], f["values_total"]);
  EXPECT_GT(one["values_total"].get<int>(), 1);
  EXPECT_EQ(api("/api/v1/facets/place?limit=1001", 400)["error"]["message"], "parameter 'limit': expected an integer 1-1000");
  EXPECT_EQ(api("/api/v1/facets/place?q=pyongyang&limit=2")["documents"], api("/api/v1/search?q=pyongyang")["total"]);

  json none = api("/api/v1/search?place=Atlantis&q=korea");
  EXPECT_EQ(none["total"], 0);
  EXPECT_EQ(none["unmatched_filters"], json::parse(R"([{"field":"place","value":"Atlantis"}])"));
  EXPECT_EQ(none["message"], "no document has place 'Atlantis'");
  // A year no record is dated in, though undated records exist: unmatched too.
  EXPECT_EQ(api("/api/v1/search?year=1801")["unmatched_filters"], json::parse(R"([{"field":"year","value":"1801"}])"));
  json some = api("/api/v1/search?place=Pyongyang");
  EXPECT_EQ(some["unmatched_filters"], json::array());
  EXPECT_FALSE(some.contains("message"));
  EXPECT_TRUE(has(api("/api/v1/search?language=xx", 400)["error"]["message"], "parameter 'language': 'xx' is not a language"));
  EXPECT_EQ(get(port_, "/search?language=xx").status, 400);
  EXPECT_EQ(api("/api/v1/search?language=Korean")["total"], api("/api/v1/search?language=ko")["total"]);
  HttpResponse page = get(port_, "/search?place=Atlantis");
  EXPECT_TRUE(has(page.body, "No document in the archive has the place <q>Atlantis</q>.")) << page.body;

  json hits = api("/api/v1/search?q=pyongyang");
  ASSERT_FALSE(hits["hits"].empty());
  for (const auto& h : hits["hits"]) {
    std::string url = h["url"];
    EXPECT_EQ(url.rfind("http://127.0.0.1:", 0), 0u) << url;
    EXPECT_TRUE(url.ends_with("/documents/" + h["id"].get<std::string>())) << url;
  }
  json doc = api("/api/v1/documents/wcda/114408");
  ASSERT_TRUE(doc.contains("similar"));
  EXPECT_LE(doc["similar"].size(), 5u);
  HttpResponse html = get(port_, "/documents/wcda/114408");
  for (const auto& s : doc["similar"]) {
    EXPECT_TRUE(has(html.body, "href=\"/documents/" + s["id"].get<std::string>() + "\"")) << s["id"];
    EXPECT_TRUE(s["url"].get<std::string>().ends_with("/documents/" + s["id"].get<std::string>()));
  }
}

TEST_F(HttpTest, ApiDocumentHasRecordProvenanceAndEtag) {
  HttpResponse r = get(port_, "/api/v1/documents/wcda/114408");
  ASSERT_EQ(r.status, 200);
  json j = json::parse(r.body);
  EXPECT_EQ(j["id"], "wcda/114408");
  ASSERT_FALSE(j["provenance"].empty());
  EXPECT_FALSE(has(j["provenance"][0]["source_path"].get<std::string>(), "/")) << "server paths must not leak";
  std::string etag = r.header("etag");
  ASSERT_FALSE(etag.empty());
  HttpResponse again = get(port_, "/api/v1/documents/wcda/114408", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(get(port_, "/api/v1/documents/wcda/114408", {{"If-None-Match", "\"other\""}}).status, 200);
}

TEST_F(HttpTest, ApiErrorsNameTheParameterAndHideInternals) {
  auto message = [&](const std::string& target, int status) {
    json j = api(target, status);
    EXPECT_EQ(j["error"]["status"], status) << target;
    return j["error"]["message"].get<std::string>();
  };
  EXPECT_EQ(message("/api/v1/search?limit=abc", 400), "parameter 'limit': expected an integer 0-100");
  EXPECT_EQ(message("/api/v1/search?limit=101", 400), "parameter 'limit': expected an integer 0-100");
  EXPECT_TRUE(has(message("/api/v1/search?page=0", 400), "parameter 'page'"));
  EXPECT_TRUE(has(message("/api/v1/search?from=19x6", 400), "parameter 'from'"));
  EXPECT_TRUE(has(message("/api/v1/search?sort=sideways", 400), "parameter 'sort'"));
  // Dates (issue 11): from after to names both; every bad date parameter is a 400, never a 500.
  EXPECT_EQ(message("/api/v1/search?from=1970&to=1960", 400), "from '1970' is after to '1960': expected from on or before to");
  EXPECT_TRUE(has(message("/api/v1/search?from=1966-03&to=1966-02", 400), "from '1966-03' is after to '1966-02'"));
  EXPECT_TRUE(has(message("/api/v1/search?from=1966-13", 400), "parameter 'from'"));
  EXPECT_TRUE(has(message("/api/v1/search?to=" + std::string(300, '1'), 400), "parameter 'to'"));
  EXPECT_TRUE(has(message("/api/v1/search?from=%01%02", 400), "parameter 'from'"));
  EXPECT_TRUE(has(message("/api/v1/search?date_mode=sideways", 400), "parameter 'date_mode'"));
  EXPECT_TRUE(has(message("/api/v1/search?undated=maybe", 400), "parameter 'undated'"));
  EXPECT_TRUE(has(message("/api/v1/search?year=19x6&date_mode=within", 400), "year '19x6'"));
  EXPECT_EQ(get(port_, "/search?from=1970&to=1960").status, 400);
  EXPECT_EQ(get(port_, "/search?year=" + std::string(150, '9') + "&date_mode=within").status, 400);
  json months = api("/api/v1/search?from=1966-01&to=1966-02&date_mode=within&undated=include", 200);
  EXPECT_EQ(months["from"], "1966-01-01");
  EXPECT_EQ(months["to"], "1966-02-28");
  EXPECT_EQ(months["date_mode"], "within");
  EXPECT_TRUE(months.contains("undated"));
  EXPECT_TRUE(has(message("/api/v1/search?q=%FF", 400), "'q'"));
  EXPECT_TRUE(has(message("/api/v1/search?q=" + std::string(1001, 'a'), 400), "parameter 'q'"));
  // A parameter the API does not know is refused, not ignored (pages ignore it, as pages do).
  EXPECT_EQ(message("/api/v1/search?q=korea&offset=20", 400).rfind("parameter 'offset': unknown; expected q, page, limit, sort, from, to, date_mode, undated, exact, variants, facet_limit or a facet field (language, ", 0), 0u);
  EXPECT_TRUE(has(message("/api/v1/facets/language?facet_limit=3", 400), "parameter 'facet_limit': unknown"));
  EXPECT_TRUE(has(message("/api/v1/search?" + std::string(100, 'k') + "=1", 400), "parameter '" + std::string(64, 'k') + "...'"));
  EXPECT_TRUE(has(message("/api/v1/search?%C3%A9%C3%A9=1", 400), "parameter '\u00e9\u00e9'"));
  EXPECT_EQ(get(port_, "/search?q=korea&utm_source=x").status, 200);
  EXPECT_TRUE(has(message("/api/v1/documents/no/such/id", 404), "no/such/id"));
  EXPECT_EQ(message("/api/v1/facets/shoe-size", 404).find("no facet"), 0u);
  EXPECT_EQ(message("/api/v1/nothing", 404), "There is no page at this address.");
  HttpResponse post = request(port_, "POST", "/api/v1/search", {}, "{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_TRUE(has(post.header("allow"), "GET"));
  HttpResponse big = request(port_, "POST", "/api/v1/search", {}, std::string(70 * 1024, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(json::parse(big.body)["error"]["status"], 413);
  HttpResponse huge_header = get(port_, "/api/v1/stats", {{"X-Padding", std::string(9000, 'x')}});
  EXPECT_EQ(huge_header.status, 431);
  EXPECT_EQ(get(port_, "/search?q=a%00b").status, 400);
  EXPECT_EQ(get(port_, "/documents/%C3").status, 400);
  std::string head = exchange_raw(port_, "HEAD /api/v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_TRUE(has(head, "Content-Length: ")) << head;
  EXPECT_TRUE(has(head, "\r\n\r\n") && head.substr(head.find("\r\n\r\n") + 4).empty()) << head;
  HttpResponse preflight = request(port_, "OPTIONS", "/api/v1/documents/wcda/114408");
  EXPECT_EQ(preflight.status, 204);
  EXPECT_TRUE(has(preflight.header("access-control-allow-headers"), "If-None-Match"));
}

TEST_F(HttpTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::string two = "GET /api/v1/stats HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string raw = exchange_raw(port_, two);
  std::size_t first = raw.find("HTTP/1.1 200");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(raw.find("HTTP/1.1 200", first + 1), std::string::npos);
}

// Counts the responses (status lines) in what came back on one connection.
int responses_in(const std::string& raw) {
  int n = raw.rfind("HTTP/1.1 ", 0) == 0 ? 1 : 0;
  for (std::size_t at = raw.find("\nHTTP/1.1 "); at != std::string::npos; at = raw.find("\nHTTP/1.1 ", at + 1)) ++n;
  return n;
}

// The server's resident memory in KiB, from /proc.
long rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

TEST_F(HttpTest, OversizedHeadersUrlsAndBodiesGetTheirStatusInTheRightForm) {
  struct Case {
    std::string target;
    std::map<std::string, std::string> headers;
    std::string body;
    int status;
  };
  std::string pad(100 * 1024, 'x');
  for (const Case& c : std::vector<Case>{
           {"/api/v1/stats", {{"X-Padding", pad}}, "", 431},
           {"/", {{"X-Padding", pad}}, "", 431},
           {"/api/v1/search?q=" + std::string(10 * 1024, 'a'), {}, "", 414},
           {"/search?q=" + std::string(100 * 1024, 'a'), {}, "", 414},
           {"/api/v1/search", {}, std::string(70 * 1024, 'x'), 413},
           {"/search", {}, std::string(70 * 1024, 'x'), 413},
       }) {
    HttpResponse r = request(port_, c.body.empty() ? "GET" : "POST", c.target, c.headers, c.body);
    std::string what = c.target.substr(0, 20) + " " + std::to_string(c.status);
    EXPECT_EQ(r.status, c.status) << what;
    if (c.target.rfind("/api/", 0) == 0) {
      EXPECT_EQ(r.header("content-type"), "application/json") << what;
      EXPECT_EQ(json::parse(r.body, nullptr, false)["error"]["status"], c.status) << what;
    } else {
      EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8") << what;
      EXPECT_TRUE(has(r.body, "<!DOCTYPE html>")) << what;
    }
    EXPECT_EQ(r.header("connection"), "close") << what;
  }
  EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);
}

TEST_F(HttpTest, SmugglingShapesAre400AndTheRestOfTheConnectionIsNeverRead) {
  const std::string next = "GET /api/v1/stats HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const std::string head : {
           "GET /api/v1/stats HTTP/1.1\r\n\r\n",
           "GET /api/v1/stats HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
           "GET /api/v1/stats HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n",
           "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n",
           "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n",
           "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
           "POST /search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n",
       }) {
    std::string raw = exchange_raw(port_, head + next, 60000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << head << "\n" << raw.substr(0, 200);
    EXPECT_EQ(responses_in(raw), 1) << head << "\n" << raw;
    EXPECT_TRUE(has(raw, "Connection: close")) << head;
  }
  // Plain chunked is fine, and keep-alive goes on after it.
  std::string chunked = std::string("POST /api/v1/search HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n") +
                        "GET /api/v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string raw = exchange_raw(port_, chunked, 60000);
  EXPECT_EQ(raw.rfind("HTTP/1.1 405", 0), 0u) << raw.substr(0, 200);
  EXPECT_EQ(responses_in(raw), 2) << raw;
  // HTTP/1.0 needs no Host.
  EXPECT_EQ(exchange_raw(port_, "GET /api/v1/stats HTTP/1.0\r\n\r\n", 60000).rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(HttpTest, MethodNotAllowedListsEveryMethodThatWorksHeadIncluded) {
  for (const char* target : {"/", "/search", "/api/v1/search", "/documents/wcda/114408"}) {
    HttpResponse r = request(port_, "DELETE", target);
    EXPECT_EQ(r.status, 405) << target;
    EXPECT_EQ(r.header("allow").rfind("GET, HEAD", 0), 0u) << target << ": " << r.header("allow");
  }
  EXPECT_EQ(request(port_, "HEAD", "/search").status, 200);
}

TEST_F(HttpTest, InvalidUtf8AndBadPercentEncodingAre400) {
  for (const std::string target : {"/search?q=%ZZ", "/search?q=%4", "/search?q=%", "/documents/%C3%28", "/search?q=%E0%80%80",
                                   "/search?q=%ED%A0%80", "/api/v1/search?q=%FF%FE", "/search?q=\xff\xfe", "/documents/\xc3",
                                   "/api/v1/documents/a%00b"}) {
    std::string raw = exchange_raw(port_, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 60000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << target << "\n" << raw.substr(0, 300);
  }
  EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);
}

TEST_F(HttpTest, PathTraversalInStaticIs404) {
  for (const std::string target : {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                   "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/arkiv.css/../../../etc/passwd",
                                   "/static/%252e%252e/etc/passwd", "/static/....//....//etc/passwd", "/static/"}) {
    std::string raw = exchange_raw(port_, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 60000);
    EXPECT_EQ(raw.rfind("HTTP/1.1 404", 0), 0u) << target << "\n" << raw.substr(0, 300);
    EXPECT_FALSE(has(raw, "root:")) << target;
  }
  EXPECT_EQ(get(port_, "/static/arkiv.css").status, 200);
}

TEST_F(HttpTest, SlowClientsAreClosedAtTheirDeadlineWhileOthersAreServed) {
  // Slowloris: many connections that each trickle a byte of their header now and then. Each
  // request has one deadline (15 s by default) that trickling does not extend. Nothing here
  // depends on how fast the machine is: others must be served while the slow ones hang on,
  // and the slow ones must be closed some time (the bound is only against a hang).
  const int kSlow = 200;
  std::vector<int> slow;
  for (int i = 0; i < kSlow; ++i) {
    int fd = connect_to(port_);
    ASSERT_GE(fd, 0);
    std::string partial = "GET / HTTP/1.1\r\nHost: slow\r\nX-Slow: ";
    ASSERT_GT(::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL), 0);
    slow.push_back(fd);
  }
  std::atomic<bool> done{false};
  std::atomic<int> open{kSlow};
  std::thread trickle([&] {
    std::vector<bool> closed(kSlow, false);  // this thread's only
    while (!done) {
      for (int i = 0; i < kSlow; ++i) {
        if (closed[i]) continue;
        char b;
        ssize_t n = ::recv(slow[i], &b, 1, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) || ::send(slow[i], "a", 1, MSG_NOSIGNAL) <= 0) {
          closed[i] = true;
          --open;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  });
  for (int i = 0; i < 20; ++i) EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);
  for (int i = 0; i < 600 && open > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  done = true;
  trickle.join();
  EXPECT_EQ(open, 0) << "slow clients still connected";
  for (int fd : slow) close(fd);
  EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);
}

TEST_F(HttpTest, TenThousandConnectionsAreHeldWithBoundedMemoryAndOthersServed) {
  const int kConnections = 10000;
  rlimit files{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
  if (files.rlim_max < static_cast<rlim_t>(kConnections + 200)) GTEST_SKIP() << "hard RLIMIT_NOFILE is " << files.rlim_max;
  files.rlim_cur = files.rlim_max;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &files), 0);
  EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);
  long before = rss_kib(pid_);
  std::vector<int> fds;
  for (int i = 0; i < kConnections; ++i) {
    int fd = connect_to(port_);
    ASSERT_GE(fd, 0) << "connection " << i << ": " << std::strerror(errno);
    // Every other one starts a request and stops.
    if (i % 2 == 1) ::send(fd, "GET / HTTP/1.1\r\nHost: x\r\n", 25, MSG_NOSIGNAL);
    fds.push_back(fd);
  }
  for (int i = 0; i < 5; ++i) EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);
  EXPECT_EQ(get(port_, "/search?q=korea").status, 200);
  long during = rss_kib(pid_);
  // A connection costs a socket, a session and a small read buffer: a few KiB (about 7 here),
  // not a page cache. AddressSanitizer's redzones and quarantine take several times more.
#if defined(__SANITIZE_ADDRESS__)
  const long kPerConnectionKib = 96;
#else
  const long kPerConnectionKib = 24;
#endif
  EXPECT_LT(during - before, kConnections * kPerConnectionKib) << "RSS " << before << " KiB -> " << during << " KiB";
  for (int fd : fds) close(fd);
  EXPECT_EQ(get(port_, "/api/v1/stats").status, 200);
  RecordProperty("rss_before_kib", static_cast<int>(before));
  RecordProperty("rss_with_10000_kib", static_cast<int>(during));
  std::printf("server RSS: %ld KiB before, %ld KiB with %d connections open\n", before, during, kConnections);
}

TEST_F(HttpTest, DocumentsImportedWhileServingAppearWithoutRestart) {
  EXPECT_EQ(get(port_, "/api/v1/documents/test/late").status, 404);
  std::ofstream(dir_->file("late.jsonl"))
      << R"({"id":"test/late","title":"A late arrival","date":"1980","original_languages":["en"],"contents":[{"kind":"original","language":"en","text":"Imported while the server runs."}]})"
      << "\n";
  ASSERT_EQ(run({kBinary, "--data", data_, "import", dir_->file("late.jsonl")}), 0);
  int status = 0;
  for (int i = 0; i < 100 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    status = get(port_, "/api/v1/documents/test/late").status;
  }
  EXPECT_EQ(status, 200);
  // Each worker refreshes its archive at most once a second: after a quiet second, all have.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(api("/api/v1/search?q=arrival")["total"], 1);
}

TEST_F(HttpTest, ShutdownFinishesAndExitsCleanly) {
  EXPECT_EQ(get(port_, "/").status, 200);
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(has(log(), "shutting down"));
}

}  // namespace
}  // namespace arkiv::test
