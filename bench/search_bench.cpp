// Search latency benchmark: arkiv (Xapian) against SQLite FTS5 on the same records and the
// same query mix, in one run. Builds the FTS5 peer from the corpus JSON Lines (timing its
// import too), picks terms by document frequency from FTS5's vocabulary (so both engines get
// the same rare/medium/frequent words), then runs each query with 10 hits, snippets and
// three facets (language, decade, place) and reports p50/p99 per query class.
// Usage: search_bench --data DIR --corpus bench/out/corpus --fts bench/out/fts5.db [--rounds 5]
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include "archive/archive.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Query {
  std::string kind;
  std::string arkiv;  // Xapian syntax
  std::string fts;    // FTS5 syntax
  std::string from, to;
};

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const std::string& sql) { check(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), db, sql.c_str()); }
  ~Stmt() { sqlite3_finalize(s); }
};

double build_fts(sqlite3* db, const std::string& corpus, std::int64_t& docs, std::uint64_t& bytes) {
  check(sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, summary, citation, body, language UNINDEXED,"
                     " decade UNINDEXED, places UNINDEXED, earliest UNINDEXED, latest UNINDEXED, tokenize='unicode61 remove_diacritics 2');"
                     "CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, row);",
                     nullptr, nullptr, nullptr),
        db, "create");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto t0 = Clock::now();
  Stmt ins(db, "INSERT INTO docs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (const fs::path& p : files) {
    std::ifstream in(p);
    std::string line;
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    while (std::getline(in, line)) {
      bytes += line.size() + 1;
      auto j = nlohmann::json::parse(line);
      auto d = arkiv::model::parse_date(j["date"].get<std::string>());
      std::string body;
      for (const auto& c : j["contents"]) body += c["text"].get<std::string>() + "\n\n";
      std::string decade = d->earliest.substr(0, 3) + "0s";
      std::string places = j["places"].dump();
      std::string fields[] = {j["id"], j["title"], j["summary"], j["citation"]["text"], body, j["original_languages"][0],
                              decade, places, d->earliest, d->latest};
      for (int i = 0; i < 10; ++i) sqlite3_bind_text(ins.s, i + 1, fields[i].c_str(), static_cast<int>(fields[i].size()), SQLITE_TRANSIENT);
      check(sqlite3_step(ins.s), db, "insert");
      sqlite3_reset(ins.s);
      ++docs;
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  }
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::vector<std::string> terms_with_df(sqlite3* db, std::int64_t lo, std::int64_t hi, int n) {
  Stmt q(db, "SELECT term FROM vocab WHERE doc BETWEEN ?1 AND ?2 AND term GLOB '[a-z][a-z][a-z]*' AND length(term) > 4 ORDER BY term");
  sqlite3_bind_int64(q.s, 1, lo);
  sqlite3_bind_int64(q.s, 2, hi);
  std::vector<std::string> all;
  while (sqlite3_step(q.s) == SQLITE_ROW) all.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q.s, 0)));
  std::vector<std::string> out;
  for (int i = 0; i < n && !all.empty(); ++i) out.push_back(all[(all.size() * (2 * i + 1)) / (2 * n)]);
  return out;
}

// One FTS5 search with the same work as arkiv's: 10 hits with snippets, the total, 3 facets.
std::int64_t fts_search(sqlite3* db, const Query& q) {
  std::string where = "docs MATCH ?1";
  if (!q.from.empty()) where += " AND latest >= '" + q.from + "' AND earliest <= '" + q.to + "'";  // fixed bench values
  std::int64_t total = 0;
  {
    Stmt s(db, "SELECT id, title, snippet(docs, 4, '<mark>', '</mark>', '…', 40) FROM docs WHERE " + where +
                   " ORDER BY bm25(docs, 0, 3, 2, 2, 1) LIMIT 10");
    sqlite3_bind_text(s.s, 1, q.fts.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s.s) == SQLITE_ROW) {
    }
  }
  for (const char* facet : {"language", "decade"}) {
    Stmt s(db, std::string("SELECT ") + facet + ", count(*) FROM docs WHERE " + where + " GROUP BY 1 ORDER BY 2 DESC");
    sqlite3_bind_text(s.s, 1, q.fts.c_str(), -1, SQLITE_TRANSIENT);
    std::int64_t sum = 0;
    while (sqlite3_step(s.s) == SQLITE_ROW) sum += sqlite3_column_int64(s.s, 1);
    if (std::string(facet) == "language") total = sum;
  }
  Stmt s(db, "SELECT p.value, count(*) FROM docs, json_each(docs.places) p WHERE " + where + " GROUP BY 1 ORDER BY 2 DESC LIMIT 20");
  sqlite3_bind_text(s.s, 1, q.fts.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(s.s) == SQLITE_ROW) {
  }
  return total;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"arkiv search benchmark"};
  std::string data, corpus, fts_path;
  int rounds = 5;
  app.add_option("--data", data)->required();
  app.add_option("--corpus", corpus)->required();
  app.add_option("--fts", fts_path)->required();
  app.add_option("--rounds", rounds);
  CLI11_PARSE(app, argc, argv);

  fs::remove(fts_path);
  fs::remove(fts_path + "-wal");
  sqlite3* db = nullptr;
  sqlite3_open(fts_path.c_str(), &db);
  std::int64_t fts_docs = 0;
  std::uint64_t fts_bytes = 0;
  double fts_seconds = build_fts(db, corpus, fts_docs, fts_bytes);

  std::vector<Query> mix;
  for (const auto& t : terms_with_df(db, 10, 100, 6)) mix.push_back({"rare", t, t, "", ""});
  auto medium = terms_with_df(db, 1000, 5000, 8);
  for (std::size_t i = 0; i < 6 && i < medium.size(); ++i) mix.push_back({"medium", medium[i], medium[i], "", ""});
  for (const auto& t : terms_with_df(db, 30000, 70000, 6)) mix.push_back({"frequent", t, t, "", ""});
  for (std::size_t i = 0; i + 1 < medium.size() && i < 6; i += 1) {
    std::string a = medium[i], b = medium[(i + 3) % medium.size()];
    mix.push_back({"and", a + " AND " + b, a + " AND " + b, "", ""});
  }
  for (const char* p : {"secretary of state", "american government", "united states", "peace conference", "soviet government", "foreign minister"}) {
    mix.push_back({"phrase", std::string("\"") + p + "\"", std::string("\"") + p + "\"", "", ""});
  }
  for (std::size_t i = 0; i < 6 && i < medium.size(); ++i) mix.push_back({"date", medium[i], medium[i], "1900-01-01", "1950-12-31"});

  auto archive = arkiv::archive::Archive::open(data, arkiv::archive::Archive::Mode::kRead);
  if (!archive) {
    std::cerr << archive.error().message() << "\n";
    return 1;
  }
  (*archive)->set_caching(false);  // measure the search, not the reader's cache
  (*archive)->keep_facets_in_memory(true);  // as the server's readers count facets
  std::map<std::string, std::vector<double>> arkiv_ms, fts_ms;
  std::vector<double> arkiv_all, fts_all;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> totals;
  // One warm-up round for both, then `rounds` measured rounds, interleaved.
  for (int round = -1; round < rounds; ++round) {
    for (const Query& q : mix) {
      arkiv::archive::SearchQuery sq;
      sq.text = q.arkiv;
      sq.limit = 10;
      sq.from = q.from;
      sq.to = q.to;
      sq.facets = {"language", "decade", "place"};
      auto t0 = Clock::now();
      auto page = (*archive)->search(sq);
      double a_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (!page) {
        std::cerr << "arkiv: " << q.arkiv << ": " << page.error().message() << "\n";
        return 1;
      }
      t0 = Clock::now();
      std::int64_t ft = fts_search(db, q);
      double f_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      totals[q.kind + ": " + q.arkiv + (q.from.empty() ? "" : " [1900-1950]")] = {page->total, ft};
      if (round < 0) continue;
      arkiv_ms[q.kind].push_back(a_ms);
      fts_ms[q.kind].push_back(f_ms);
      arkiv_all.push_back(a_ms);
      fts_all.push_back(f_ms);
    }
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("FTS5 peer import: %lld documents, %.1f MB in %.1f s = %.0f documents/s, %.2f MB/s\n\n",
              static_cast<long long>(fts_docs), fts_bytes / 1e6, fts_seconds, fts_docs / fts_seconds, fts_bytes / 1e6 / fts_seconds);
  std::printf("| query class | queries x rounds | arkiv p50 ms | arkiv p99 ms | FTS5 p50 ms | FTS5 p99 ms | p50 ratio arkiv/FTS5 | p99 ratio arkiv/FTS5 |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  auto row = [&](const std::string& name, const std::vector<double>& a, const std::vector<double>& f) {
    double a50 = percentile(a, 0.5), a99 = percentile(a, 0.99), f50 = percentile(f, 0.5), f99 = percentile(f, 0.99);
    std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", name.c_str(), a.size(), a50, a99, f50, f99, a50 / f50, a99 / f99);
  };
  for (const char* k : {"rare", "medium", "frequent", "and", "phrase", "date"}) row(k, arkiv_ms[k], fts_ms[k]);
  row("**all**", arkiv_all, fts_all);
  std::printf("\nMatches per query (arkiv total / FTS5 total; they differ where stemming or diacritic folding differ):\n\n");
  for (const auto& [q, t] : totals) std::printf("- `%s`: %lld / %lld\n", q.c_str(), static_cast<long long>(t.first), static_cast<long long>(t.second));
  std::printf("\nPeak resident memory of the benchmark process: %ld MB\n", ru.ru_maxrss / 1024);
  sqlite3_close(db);
  return 0;
}
