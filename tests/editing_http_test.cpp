// End-to-end tests of the record lifecycle and editing over HTTP (issue 13): the real
// `arkiv serve` as a child process, users and tokens made with the real `arkiv user` commands.
// Hidden records (draft, in review, withdrawn, embargoed) leak nowhere to readers; editors
// edit, see the history and publish through the forms; two editors saving the same record get
// a conflict, not a lost edit; contributors edit only their own drafts; the write API answers
// 201, 401, 403, 412 and 422 as documented.
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

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
const std::string kPassword = "a long enough password";
const std::map<std::string, std::string> kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::pair<int, std::string> run(const std::vector<std::string>& args, const std::string& input = "") {
  std::string out;
  int code = run_process(args, input, &out);
  return {code, out};
}

std::string record(const std::string& id, const std::string& title, const std::string& word, const std::string& place,
                   const std::string& extra = "") {
  json j = {{"id", id}, {"title", title}, {"date", "12 May 1966"}, {"places", {place}}, {"subjects", {word + " affairs"}},
            {"contents", {{{"kind", "original"}, {"language", "en"}, {"text", "The delegates discussed " + word + " at length."}}}}};
  if (!extra.empty()) j.merge_patch(json::parse(extra));
  return j.dump() + "\n";
}

// A hidden record per lifecycle state, each with a word, a title and a place found nowhere else.
struct Hidden {
  const char* id;
  const char* word;
  const char* title;
  const char* place;
  const char* extra;
};
const Hidden kHidden[] = {
    {"h/draft", "quokkafication", "Minutes Quokka", "Draftville", R"({"publication":"draft"})"},
    {"h/review", "wombatization", "Minutes Wombat", "Reviewburg", R"({"publication":"review"})"},
    {"h/withdrawn", "platypusery", "Minutes Platypus", "Withdrawnton", R"({"publication":"withdrawn"})"},
    {"h/embargo", "echidnaship", "Minutes Echidna", "Embargoborough", R"({"embargo_until":"2999-12-31"})"},
};

class EditingHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    data_ = dir_->file("data");
    std::ofstream out(dir_->file("records.jsonl"));
    out << record("p/1", "Telegram on the harvest", "harvest", "Pyongyang", R"({"related":["h/draft","p/2"]})")
        << record("p/2", "Note on the harvest", "harvest", "Tirana");
    for (const Hidden& h : kHidden) out << record(h.id, h.title, h.word, h.place, h.extra);
    out.close();
    ASSERT_EQ(run({kBinary, "--data", data_, "import", dir_->file("records.jsonl")}).first, 0);
    for (const auto& [name, role] : std::vector<std::pair<std::string, std::string>>{{"ed", "editor"}, {"eve", "editor"}, {"con", "contributor"}}) {
      ASSERT_EQ(run({kBinary, "--data", data_, "user", "add", name, "--role", role}, kPassword + "\n").first, 0);
    }
    auto token = [&](const std::string& user, const std::string& scope) {
      auto [code, out] = run({kBinary, "--data", data_, "user", "token", user, "--scope", scope});
      EXPECT_EQ(code, 0);
      std::smatch m;
      std::regex_search(out, m, std::regex("arkiv_[A-Za-z0-9_-]+"));
      return m.str();
    };
    write_token_ = token("ed", "write");
    read_token_ = token("ed", "read");
    con_token_ = token("con", "write");
    ServerProcess server = start_server({kBinary, "--data", data_, "serve", "--port", "0", "--threads", "2"}, dir_->file("server.log"));
    pid_ = server.pid;
    ASSERT_NE(server.port, 0) << "no banner: " << server.banner;
    port_ = server.port;
  }

  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }

  std::string sign_in(const std::string& name) {
    HttpResponse page = get(port_, "/login");
    HttpResponse r = request(port_, "POST", "/login", {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie_pair(page)}},
                             form({{"csrf", csrf_field(page.body)}, {"name", name}, {"password", kPassword}}));
    EXPECT_EQ(r.status, 303) << r.body;
    return cookie_pair(r);
  }

  // GET with a session; the page's CSRF token is the session's.
  HttpResponse as(const std::string& session, const std::string& target) { return get(port_, target, {{"Cookie", session}}); }
  HttpResponse post(const std::string& session, const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields) {
    return request(port_, "POST", target, {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", session}}, form(fields));
  }
  HttpResponse api(const std::string& method, const std::string& target, const std::string& token, const std::string& body = "",
                   std::map<std::string, std::string> headers = {}) {
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return request(port_, method, target, headers, body);
  }

  // The form fields of an edit page as a browser would submit them (inputs, text areas,
  // selected options); good enough for the pages arkiv writes.
  static std::vector<std::pair<std::string, std::string>> edit_fields(const std::string& html) {
    std::vector<std::pair<std::string, std::string>> out;
    std::smatch m;
    std::string rest = html;
    std::regex input(R"re(<input (?:id="[^"]*" )?name="([^"]*)" type="(hidden|text|date|number)" value="([^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), input); it != std::sregex_iterator(); ++it) {
      out.emplace_back((*it)[1], html_unescape((*it)[3]));
    }
    std::regex hidden(R"re(<input type="hidden" name="([^"]*)" value="([^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), hidden); it != std::sregex_iterator(); ++it) {
      out.emplace_back((*it)[1], html_unescape((*it)[2]));
    }
    std::regex textarea(R"re(<textarea id="[^"]*" name="([^"]*)"[^>]*>&#10;([\s\S]*?)</textarea>)re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), textarea); it != std::sregex_iterator(); ++it) {
      out.emplace_back((*it)[1], html_unescape((*it)[2]));
    }
    std::regex select(R"re(<select id="[^"]*" name="([^"]*)"[^>]*>([\s\S]*?)</select>)re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), select); it != std::sregex_iterator(); ++it) {
      std::string options = (*it)[2];
      std::smatch sel;
      if (std::regex_search(options, sel, std::regex(R"re(<option value="([^"]*)" selected>)re"))) out.emplace_back((*it)[1], html_unescape(sel[1]));
    }
    return out;
  }
  static void set(std::vector<std::pair<std::string, std::string>>& fields, const std::string& name, const std::string& value) {
    for (auto& [k, v] : fields) {
      if (k == name) {
        v = value;
        return;
      }
    }
    fields.emplace_back(name, value);
  }

  // Polls until `done` (a reader's page shows a save): edits show within a refresh of the
  // readers; no wall-clock assertion, only an upper bound against hanging.
  template <typename F>
  bool eventually(F done) {
    for (int i = 0; i < 300; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

  std::unique_ptr<TempDir> dir_;
  std::string data_, write_token_, read_token_, con_token_;
  pid_t pid_ = -1;
  int port_ = 0;
};

TEST_F(EditingHttpTest, HiddenRecordsLeakNowhereToReaders) {
  std::vector<std::string> targets = {"/", "/search", "/search?q=minutes", "/browse/place", "/browse/subject", "/browse/year",
                                      "/api/v1/search?q=minutes", "/api/v1/facets/place", "/api/v1/facets/subject", "/api/v1/stats",
                                      "/documents/p/1"};
  for (const Hidden& h : kHidden) {
    // Asking for a hidden record's own words finds nothing (the words typed come back, of course).
    const std::string typo = std::string(h.word).substr(0, std::string(h.word).size() - 1) + "x";
    for (const std::string& q : {std::string("q=") + h.word, "q=" + typo, std::string("place=") + h.place}) {
      json api = json::parse(get(port_, "/api/v1/search?" + q).body);
      EXPECT_EQ(api["total"], 0) << q;
      EXPECT_FALSE(api.contains("suggestion") && api["suggestion"].is_string() && !api["suggestion"].get<std::string>().empty()) << q;
      HttpResponse page = get(port_, "/search?" + q);
      EXPECT_EQ(page.status, 200) << q;
      EXPECT_FALSE(has(page.body, h.title)) << q;
      EXPECT_FALSE(has(page.body, "Did you mean")) << q;
    }
    EXPECT_EQ(get(port_, std::string("/documents/") + h.id).status, 404) << h.id;
    EXPECT_EQ(get(port_, std::string("/api/v1/documents/") + h.id).status, 404) << h.id;
    EXPECT_EQ(get(port_, std::string("/documents/") + h.id + "/cite.txt").status, 404) << h.id;
  }
  for (const std::string& t : targets) {
    HttpResponse r = get(port_, t);
    EXPECT_LT(r.status, 500) << t;
    for (const Hidden& h : kHidden) {
      EXPECT_FALSE(has(r.body, h.word)) << t << " shows " << h.word;
      EXPECT_FALSE(has(r.body, h.title)) << t << " shows " << h.title;
      EXPECT_FALSE(has(r.body, h.place)) << t << " shows " << h.place;
    }
  }
  // A published record's related list does not name hidden records to readers.
  EXPECT_FALSE(has(get(port_, "/documents/p/1").body, "h/draft"));
  EXPECT_EQ(json::parse(get(port_, "/api/v1/documents/p/1").body)["related"], json::array({"p/2"}));
  EXPECT_EQ(json::parse(get(port_, "/api/v1/stats").body)["documents"], 2);
  EXPECT_EQ(json::parse(get(port_, "/api/v1/search").body)["total"], 2);
  // Staff see them all, with their state.
  std::string ed = sign_in("ed");
  EXPECT_EQ(json::parse(as(ed, "/api/v1/search").body)["total"], 6);
  HttpResponse draft = as(ed, "/documents/h/draft");
  EXPECT_EQ(draft.status, 200);
  EXPECT_TRUE(has(draft.body, "Publication: <strong>draft</strong>"));
  EXPECT_TRUE(has(draft.body, "readers cannot see this record"));
  EXPECT_EQ(json::parse(api("GET", "/api/v1/documents/h/draft", read_token_).body)["publication"], "draft");
}

TEST_F(EditingHttpTest, EditSeeTheDiffPublishThenReadersSeeIt) {
  std::string ed = sign_in("ed");
  HttpResponse page = as(ed, "/documents/h/draft/edit");
  ASSERT_EQ(page.status, 200) << page.body;
  auto fields = edit_fields(page.body);
  set(fields, "title", "Minutes Quokka, corrected");
  set(fields, "message", "Corrected the title");
  set(fields, "contents.new.kind", "translation");
  set(fields, "contents.new.language", "sq");
  set(fields, "contents.new.translator", "Ana Translator");
  set(fields, "contents.new.text", "Delegatët diskutuan gjatë.");
  HttpResponse saved = post(ed, "/documents/h/draft/edit", fields);
  ASSERT_EQ(saved.status, 303) << saved.body;
  HttpResponse history = as(ed, "/documents/h/draft/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(has(history.body, "Corrected the title"));
  EXPECT_TRUE(has(history.body, "Changes from revision 1 to revision 2"));
  EXPECT_TRUE(has(history.body, "Minutes Quokka, corrected"));
  EXPECT_TRUE(has(history.body, "Ana Translator"));
  // Publish through the staff box's form.
  HttpResponse doc = as(ed, "/documents/h/draft");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(doc.body, m, std::regex(R"re(name="revision" value="(\d+)")re")));
  HttpResponse published = post(ed, "/documents/h/draft/publication", {{"csrf", csrf_field(doc.body)}, {"revision", m[1]}, {"state", "published"}});
  ASSERT_EQ(published.status, 303) << published.body;
  EXPECT_TRUE(eventually([&] { return get(port_, "/documents/h/draft").status == 200; }));
  EXPECT_TRUE(eventually([&] { return json::parse(get(port_, "/api/v1/search?q=quokkafication").body)["total"] == 1; }));
  HttpResponse anonymous = get(port_, "/documents/h/draft");
  EXPECT_TRUE(has(anonymous.body, "Minutes Quokka, corrected"));
  EXPECT_FALSE(has(anonymous.body, "For staff"));
  // The audit log has the publication.
  auto [code, audit] = run({kBinary, "--data", data_, "audit", "--json"});
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(has(audit, "\"publish\"")) << audit;
  // export --history has both revisions.
  auto [xcode, exported] = run({kBinary, "--data", data_, "export", "--history"});
  EXPECT_EQ(xcode, 0);
  EXPECT_TRUE(has(exported, "\"message\":\"Corrected the title\""));
}

TEST_F(EditingHttpTest, TwoEditorsSavingTheSameRecordGetAConflictNotALostEdit) {
  std::string ed = sign_in("ed"), eve = sign_in("eve");
  auto ed_fields = edit_fields(as(ed, "/documents/p/1/edit").body);
  auto eve_fields = edit_fields(as(eve, "/documents/p/1/edit").body);
  set(ed_fields, "title", "Telegram on the harvest (ed)");
  set(eve_fields, "title", "Telegram on the harvest (eve)");
  ASSERT_EQ(post(ed, "/documents/p/1/edit", ed_fields).status, 303);
  HttpResponse second = post(eve, "/documents/p/1/edit", eve_fields);
  EXPECT_EQ(second.status, 409);
  EXPECT_TRUE(has(second.body, "This record changed while you were editing"));
  EXPECT_TRUE(has(second.body, "Telegram on the harvest (ed)"));
  EXPECT_TRUE(has(second.body, "Telegram on the harvest (eve)"));  // what eve typed is still in the form
  EXPECT_TRUE(eventually([&] { return has(get(port_, "/documents/p/1").body, "Telegram on the harvest (ed)"); }));
  // Saving the conflict form again is a deliberate overwrite of the newer revision.
  HttpResponse again = post(eve, "/documents/p/1/edit", edit_fields(second.body));
  EXPECT_EQ(again.status, 303) << again.body;
  EXPECT_TRUE(eventually([&] { return has(get(port_, "/documents/p/1").body, "Telegram on the harvest (eve)"); }));
}

TEST_F(EditingHttpTest, AnErrorIsShownBesideItsFieldAndTheFormKeepsWhatWasTyped) {
  std::string ed = sign_in("ed");
  auto fields = edit_fields(as(ed, "/documents/p/2/edit").body);
  set(fields, "title", "A title typed before the error");
  set(fields, "date.earliest", "1966-13-45");
  HttpResponse r = post(ed, "/documents/p/2/edit", fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "id=\"f-date-earliest-error\"")) << r.body.substr(0, 3000);
  EXPECT_TRUE(has(r.body, "aria-invalid=\"true\" aria-describedby=\"f-date-earliest-error\""));
  EXPECT_TRUE(has(r.body, "value=\"A title typed before the error\""));
  EXPECT_TRUE(has(get(port_, "/documents/p/2").body, "Note on the harvest"));  // nothing saved
}

TEST_F(EditingHttpTest, FormsWithoutTheirCsrfTokenAreRefused) {
  std::string ed = sign_in("ed");
  auto fields = edit_fields(as(ed, "/documents/p/2/edit").body);
  set(fields, "title", "Forged");
  std::vector<std::pair<std::string, std::string>> forged;
  for (const auto& f : fields) {
    if (f.first != "csrf") forged.push_back(f);
  }
  EXPECT_EQ(post(ed, "/documents/p/2/edit", forged).status, 403);
  set(forged, "csrf", "not-the-token");
  EXPECT_EQ(post(ed, "/documents/p/2/edit", forged).status, 403);
  EXPECT_FALSE(has(as(ed, "/documents/p/2").body, "Forged"));
}

TEST_F(EditingHttpTest, ContributorsEditOnlyTheirOwnDraftsAndCannotPublish) {
  std::string con = sign_in("con");
  HttpResponse blank = as(con, "/new");
  ASSERT_EQ(blank.status, 200);
  auto fields = edit_fields(blank.body);
  set(fields, "id", "c/1");
  set(fields, "title", "A contributor's transcript");
  set(fields, "date.display", "1966");
  set(fields, "contents.new.text", "Transcribed text.");
  set(fields, "contents.new.language", "en");
  ASSERT_EQ(post(con, "/new", fields).status, 303);
  EXPECT_EQ(get(port_, "/documents/c/1").status, 404);  // a draft
  HttpResponse own = as(con, "/documents/c/1/edit");
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(as(con, "/documents/p/1/edit").status, 403);
  HttpResponse doc = as(con, "/documents/c/1");
  EXPECT_FALSE(has(doc.body, ">Publish<"));
  EXPECT_EQ(post(con, "/documents/c/1/publication", {{"csrf", csrf_field(doc.body)}, {"state", "published"}}).status, 403);
  EXPECT_EQ(post(con, "/documents/c/1/publication", {{"csrf", csrf_field(doc.body)}, {"state", "review"}}).status, 303);
  EXPECT_EQ(api("POST", "/api/v1/documents/c/1/publish", con_token_).status, 403);
}

TEST_F(EditingHttpTest, WriteApiCreatesReplacesPatchesWithdrawsWithRevisions) {
  std::string body = record("api/1", "Created through the API", "api", "Berlin");
  EXPECT_EQ(api("POST", "/api/v1/documents", "", body).status, 401);
  EXPECT_EQ(api("POST", "/api/v1/documents", read_token_, body).status, 403);
  HttpResponse created = api("POST", "/api/v1/documents", write_token_, body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("location"), "/api/v1/documents/api/1");
  EXPECT_EQ(api("POST", "/api/v1/documents", write_token_, body).status, 409);
  HttpResponse read = api("GET", "/api/v1/documents/api/1", write_token_);
  std::string etag = read.header("etag");
  ASSERT_TRUE(has(etag, "\"r1-")) << etag;
  // PATCH with the ETag read: saved; the same ETag again: stale, 412, nothing changes.
  HttpResponse patched = api("PATCH", "/api/v1/documents/api/1", write_token_, R"({"title":"Patched"})", {{"If-Match", etag}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json::parse(patched.body)["revision"], 2);
  HttpResponse stale = api("PUT", "/api/v1/documents/api/1", write_token_, body, {{"If-Match", etag}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(json::parse(api("GET", "/api/v1/documents/api/1", write_token_).body)["title"], "Patched");
  HttpResponse bad = api("PATCH", "/api/v1/documents/api/1", write_token_, R"({"original_languages":["notalanguage"]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(has(bad.body, "original_languages[0]")) << bad.body;
  EXPECT_EQ(api("PATCH", "/api/v1/documents/api/1", write_token_, "{not json").status, 400);
  // Published by default for an editor; withdrawn: gone for readers.
  EXPECT_TRUE(eventually([&] { return get(port_, "/api/v1/documents/api/1").status == 200; }));
  EXPECT_EQ(api("POST", "/api/v1/documents/api/1/withdraw", write_token_).status, 200);
  EXPECT_TRUE(eventually([&] { return get(port_, "/api/v1/documents/api/1").status == 404; }));
  HttpResponse revisions = api("GET", "/api/v1/documents/api/1/revisions", read_token_);
  ASSERT_EQ(revisions.status, 200);
  EXPECT_EQ(json::parse(revisions.body)["revisions"].size(), 3u);
  EXPECT_EQ(get(port_, "/api/v1/documents/api/1/revisions").status, 401);
  // A contributor's new record through the API is a draft.
  HttpResponse con = api("POST", "/api/v1/documents", con_token_, record("api/2", "By a contributor", "api", "Berlin"));
  ASSERT_EQ(con.status, 201) << con.body;
  EXPECT_EQ(json::parse(api("GET", "/api/v1/documents/api/2", write_token_).body)["publication"], "draft");
  EXPECT_EQ(api("PATCH", "/api/v1/documents/p/1", con_token_, R"({"title":"Not theirs"})").status, 403);
}

TEST_F(EditingHttpTest, AKillDuringSavesLeavesEveryRecordAndItsHistoryWhole) {
  std::atomic<int> saved{0};
  std::thread writer([&] {
    for (int i = 0; i < 400; ++i) {
      HttpResponse r = api("PATCH", "/api/v1/documents/p/2", write_token_, R"({"summary":"edit )" + std::to_string(i) + "\"}");
      if (r.status != 200) break;
      ++saved;
    }
  });
  for (int i = 0; i < 1500 && saved < 5; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  writer.join();
  ASSERT_GE(saved.load(), 5);
  auto [code, report] = run({kBinary, "--data", data_, "check"});
  EXPECT_EQ(code, 0) << report;
  // The history holds every committed save, each whole, ending at the record's revision.
  auto [xcode, exported] = run({kBinary, "--data", data_, "export", "--history"});
  ASSERT_EQ(xcode, 0);
  int revisions = 0, last = 0;
  std::istringstream lines(exported);
  for (std::string line; std::getline(lines, line);) {
    json j = json::parse(line);
    if (j["id"] != "p/2") continue;
    ++revisions;
    last = j["revision"];
    EXPECT_EQ(j["record"]["title"], "Note on the harvest");
  }
  EXPECT_EQ(revisions, last);
  EXPECT_GE(revisions, saved.load() + 1);  // the import's revision and every acknowledged save
  auto [scode, shown] = run({kBinary, "--data", data_, "show", "p/2", "--json"});
  ASSERT_EQ(scode, 0);
  EXPECT_EQ(json::parse(shown)["summary"], "edit " + std::to_string(last - 2));
}

TEST_F(EditingHttpTest, AnUploadedFileBecomesDraftsAndNeverReplacesARecord) {
  std::string con = sign_in("con");
  HttpResponse page = as(con, "/upload");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "enctype=\"multipart/form-data\""));
  auto upload = [&](const std::string& csrf) {
    std::string body = "--b0undary\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf +
                       "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../Minutes of 12 May.md\"\r\n"
                       "Content-Type: text/markdown\r\n\r\n# Minutes of the meeting of 12 May 1966\n\nThe committee heard about aardvarkism.\n"
                       "\r\n--b0undary--\r\n";
    return request(port_, "POST", "/upload", {{"Content-Type", "multipart/form-data; boundary=b0undary"}, {"Cookie", con}}, body);
  };
  EXPECT_EQ(upload("forged").status, 403);
  HttpResponse r = upload(csrf_field(page.body));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r.body, "created as a draft")) << r.body;
  EXPECT_FALSE(has(r.body, "arkiv-upload")) << "no server paths";
  EXPECT_TRUE(eventually([&] { return json::parse(as(con, "/api/v1/search?q=aardvarkism").body)["total"] == 1; }));
  EXPECT_EQ(json::parse(get(port_, "/api/v1/search?q=aardvarkism").body)["total"], 0);
  HttpResponse again = upload(csrf_field(page.body));
  EXPECT_EQ(again.status, 422);
  EXPECT_TRUE(has(again.body, "the archive has a record with this id")) << again.body;
}

// Records of formats the form code was not written from (the Wilson export, FRUS TEI with notes,
// parts and gaps): saving the edit form unchanged changes nothing, so no revision is made.
TEST_F(EditingHttpTest, SavingAnUnchangedFormChangesNoRecord) {
  ASSERT_EQ(run({kBinary, "--data", data_, "import", kSource + "/tests/fixtures/wilson",
                 kSource + "/tests/fixtures/frus/frus1930v01-excerpt.xml"}).first, 0);
  std::string ed = sign_in("ed");
  std::vector<std::string> ids = {"wcda/114408"};
  for (int d = 1; d <= 12; ++d) ids.push_back("frus1930v01/d" + std::to_string(d));
  for (const std::string& id : ids) {
    HttpResponse form = as(ed, "/documents/" + id + "/edit");
    ASSERT_EQ(form.status, 200) << id;
    HttpResponse saved = post(ed, "/documents/" + id + "/edit", edit_fields(form.body));
    EXPECT_EQ(saved.status, 303) << id << ": " << saved.body.substr(0, 500);
    json history = json::parse(api("GET", "/api/v1/documents/" + id + "/revisions", read_token_).body);
    EXPECT_EQ(history["revisions"].size(), 1u) << id << " changed by a save of its unchanged form";
  }
}

}  // namespace
}  // namespace arkiv::test
