// Search latency benchmark: arkiv (Xapian) against SQLite FTS5 on the same records and the
// same query mix, in one run. Builds the FTS5 peer from the corpus JSON Lines (timing its
// import too), picks terms by document frequency from FTS5's vocabulary (so both engines get
// the same rare/medium/frequent words), then runs each query with 10 hits, snippets and
// three facets (language, decade, place) and reports p50/p99 per query class. Then the cost of
// exact counts (issue 11): queries matching about half the records, with exact totals and
// three exact facets against the same queries without facets and against FTS5 doing the same
// work, and phrase queries with exact totals against FTS5.
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

// FTS5 doing the work of an arkiv search with exact counts: the 10 best hits with snippets and
// the exact total, and with `facets` the exact counts of language, decade and place too.
std::int64_t fts_counted(sqlite3* db, const std::string& match, bool facets) {
  {
    Stmt s(db, "SELECT id, title, snippet(docs, 4, '<mark>', '</mark>', '…', 40) FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 0, 3, 2, 2, 1) LIMIT 10");
    sqlite3_bind_text(s.s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s.s) == SQLITE_ROW) {
    }
  }
  std::int64_t total = 0;
  if (!facets) {
    Stmt s(db, "SELECT count(*) FROM docs WHERE docs MATCH ?1");
    sqlite3_bind_text(s.s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.s) == SQLITE_ROW) total = sqlite3_column_int64(s.s, 0);
    return total;
  }
  for (const char* facet : {"language", "decade"}) {
    Stmt s(db, std::string("SELECT ") + facet + ", count(*) FROM docs WHERE docs MATCH ?1 GROUP BY 1");
    sqlite3_bind_text(s.s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::int64_t sum = 0;
    while (sqlite3_step(s.s) == SQLITE_ROW) sum += sqlite3_column_int64(s.s, 1);
    if (std::string(facet) == "language") total = sum;
  }
  Stmt s(db, "SELECT p.value, count(*) FROM docs, json_each(docs.places) p WHERE docs MATCH ?1 GROUP BY 1");
  sqlite3_bind_text(s.s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
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
  bool reuse_fts = false, exact_only = false;
  app.add_option("--data", data)->required();
  app.add_option("--corpus", corpus)->required();
  app.add_option("--fts", fts_path)->required();
  app.add_option("--rounds", rounds);
  app.add_flag("--reuse-fts", reuse_fts, "use the FTS5 database a previous run left (no import timing)");
  app.add_flag("--exact-only", exact_only, "only the exact counts table");
  CLI11_PARSE(app, argc, argv);

  const bool reused = reuse_fts && fs::exists(fts_path);
  if (!reused) {
    fs::remove(fts_path);
    fs::remove(fts_path + "-wal");
  }
  sqlite3* db = nullptr;
  sqlite3_open(fts_path.c_str(), &db);
  std::int64_t fts_docs = 0;
  std::uint64_t fts_bytes = 0;
  double fts_seconds = 0;
  if (reused) {
    Stmt n(db, "SELECT count(*) FROM docs");
    if (sqlite3_step(n.s) == SQLITE_ROW) fts_docs = sqlite3_column_int64(n.s, 0);
  } else {
    fts_seconds = build_fts(db, corpus, fts_docs, fts_bytes);
  }

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
  for (int round = -1; round < (exact_only ? -1 : rounds); ++round) {
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
  if (reused) std::printf("FTS5 peer: %lld documents (the database of an earlier run)\n\n", static_cast<long long>(fts_docs));
  else std::printf("FTS5 peer import: %lld documents, %.1f MB in %.1f s = %.0f documents/s, %.2f MB/s\n\n",
                   static_cast<long long>(fts_docs), fts_bytes / 1e6, fts_seconds, fts_docs / fts_seconds, fts_bytes / 1e6 / fts_seconds);
  if (!exact_only) {
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
  }

  // Exact counts (issue 11). Queries matching about half the records: the terms of FTS5's
  // vocabulary in 45-55% of the documents.
  std::vector<std::string> half = terms_with_df(db, fts_docs * 45 / 100, fts_docs * 55 / 100, 6);
  const std::vector<std::string> phrases = {"\"secretary of state\"", "\"american government\"", "\"united states\"",
                                            "\"peace conference\"", "\"soviet government\"", "\"foreign minister\""};
  struct Counted {
    std::vector<double> facets_ms, plain_ms, fts_facets_ms, fts_plain_ms;
    std::vector<std::string> totals;
  };
  std::map<std::string, Counted> counted;
  for (int round = -1; round < rounds; ++round) {
    for (const auto& [kind, queries] : {std::pair{std::string("half"), half}, {std::string("phrase"), phrases}}) {
      Counted& c = counted[kind];
      for (const std::string& text : queries) {
        arkiv::archive::SearchQuery sq;
        sq.text = text;
        sq.limit = 10;
        sq.exact_counts = true;  // no budget: what an exact count costs
        auto t0 = Clock::now();
        auto plain = (*archive)->search(sq);
        double plain_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        sq.facets = {"language", "decade", "place"};
        t0 = Clock::now();
        auto faceted = (*archive)->search(sq);
        double facets_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!plain || !faceted || !plain->total_exact || !faceted->total_exact || plain->total != faceted->total) {
          std::cerr << "arkiv: " << text << ": " << (plain ? faceted ? "counts not exact" : faceted.error().message() : plain.error().message()) << "\n";
          return 1;
        }
        t0 = Clock::now();
        std::int64_t fts_plain = fts_counted(db, text, false);
        double fts_plain_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        t0 = Clock::now();
        fts_counted(db, text, true);
        double fts_facets_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (round < 0) {
          c.totals.push_back("`" + text + "`: " + std::to_string(plain->total) + " / " + std::to_string(fts_plain));
          continue;
        }
        c.plain_ms.push_back(plain_ms);
        c.facets_ms.push_back(facets_ms);
        c.fts_plain_ms.push_back(fts_plain_ms);
        c.fts_facets_ms.push_back(fts_facets_ms);
      }
    }
  }
  std::printf("\n### Exact counts (issue 11)\n\n");
  std::printf("Every search counts all its matches (the total and the facets are exact; no budget in this table).\n");
  std::printf("\"half\": the %zu terms in 45-55%% of the documents; \"phrase\": the phrases above. arkiv: 10 hits with\n", half.size());
  std::printf("snippets and the exact total, with and without exact counts of three facets (language, decade,\n");
  std::printf("place; from the in-memory facet table); FTS5: the same 10 hits with snippet(), and count(*) or the\n");
  std::printf("three GROUP BY counts.\n\n");
  std::printf("| query class | queries x rounds | arkiv no facets p50 ms | arkiv 3 facets p50 ms | ratio facets/no facets | FTS5 no facets p50 ms | FTS5 3 facets p50 ms | ratio arkiv/FTS5, no facets | ratio arkiv/FTS5, 3 facets |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  for (const char* kind : {"half", "phrase"}) {
    const Counted& c = counted[kind];
    double p = percentile(c.plain_ms, 0.5), f = percentile(c.facets_ms, 0.5), fp = percentile(c.fts_plain_ms, 0.5),
           ff = percentile(c.fts_facets_ms, 0.5);
    std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f |\n", kind, c.plain_ms.size(), p, f, f / p, fp, ff, p / fp, f / ff);
  }
  std::printf("\nExact totals (arkiv / FTS5; they differ where stemming or diacritic folding differ):\n\n");
  for (const char* kind : {"half", "phrase"}) {
    for (const std::string& t : counted[kind].totals) std::printf("- %s: %s\n", kind, t.c_str());
  }
  getrusage(RUSAGE_SELF, &ru);
  std::printf("\nPeak resident memory of the benchmark process: %ld MB\n", ru.ru_maxrss / 1024);
  sqlite3_close(db);
  return 0;
}
