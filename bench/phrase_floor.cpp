// What an exact phrase count costs in Xapian 1.4 itself, on arkiv's own index, against SQLite
// FTS5 on the same records (issue 11: "phrase queries with exact totals stay at most 0.2x
// FTS5"). No arkiv code runs: the phrase is Xapian's OP_PHRASE over the index's unprefixed
// words, counted with BoolWeight (the floor of arkiv's count pass), and, apart, the same words
// ANDed without positions (what the count would cost if positions were free). FTS5 runs
// `SELECT count(*) ... MATCH '"phrase"'` on the database bench/search_bench builds.
// Usage: phrase_floor --index DATA/index --fts FTS5.db [--rounds 5]
#include <sqlite3.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::vector<std::string> words_of(const std::string& phrase) {
  std::vector<std::string> w;
  std::istringstream in(phrase);
  for (std::string s; in >> s;) w.push_back(s);
  return w;
}

// The page pass alone (BM25, the first 10), or with every match counted in the same pass.
double page_ms(const Xapian::Database& db, const Xapian::Query& q, bool count_all) {
  auto t0 = Clock::now();
  Xapian::Enquire e(db);
  e.set_query(q);
  e.get_mset(0, 10, count_all ? db.get_doccount() : 0);
  return ms_since(t0);
}

Xapian::doccount count(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire e(db);
  e.set_query(q);
  e.set_weighting_scheme(Xapian::BoolWeight());
  return e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

long long fts_count(sqlite3* db, const std::string& phrase) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM docs WHERE docs MATCH ?1", -1, &st, nullptr);
  const std::string match = "\"" + phrase + "\"";
  sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
  long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Exact phrase counts: Xapian alone against FTS5"};
  std::string index, fts;
  int rounds = 5;
  app.add_option("--index", index, "arkiv's index directory (DATA/index)")->required();
  app.add_option("--fts", fts, "the FTS5 database bench/search_bench built")->required();
  app.add_option("--rounds", rounds);
  CLI11_PARSE(app, argc, argv);
  Xapian::Database db(index);
  sqlite3* fdb = nullptr;
  if (sqlite3_open_v2(fts.c_str(), &fdb, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "%s: %s\n", fts.c_str(), sqlite3_errmsg(fdb));
    return 1;
  }
  const std::vector<std::string> phrases = {"secretary of state", "american government", "united states",
                                            "peace conference",   "soviet government",   "foreign minister"};
  std::map<std::string, std::vector<double>> phrase_ms, and_ms, fts_ms, top_ms, one_pass_ms;
  std::map<std::string, std::string> totals;
  for (int round = -1; round < rounds; ++round) {
    for (const std::string& p : phrases) {
      std::vector<std::string> w = words_of(p);
      Xapian::Query phrase(Xapian::Query::OP_PHRASE, w.begin(), w.end(), static_cast<Xapian::termcount>(w.size()));
      Xapian::Query all(Xapian::Query::OP_AND, w.begin(), w.end());
      auto t0 = Clock::now();
      Xapian::doccount np = count(db, phrase);
      double tp = ms_since(t0);
      t0 = Clock::now();
      Xapian::doccount na = count(db, all);
      double ta = ms_since(t0);
      double tt = page_ms(db, phrase, false), to = page_ms(db, phrase, true);
      t0 = Clock::now();
      long long nf = fts_count(fdb, p);
      double tf = ms_since(t0);
      if (round < 0) {  // a warm-up round, for the caches; its counts are reported
        totals[p] = std::to_string(np) + " / " + std::to_string(na) + " / " + std::to_string(nf);
        continue;
      }
      phrase_ms[p].push_back(tp);
      and_ms[p].push_back(ta);
      fts_ms[p].push_back(tf);
      top_ms[p].push_back(tt);
      one_pass_ms[p].push_back(to);
    }
  }
  std::printf("| phrase | Xapian phrase / words ANDed / FTS5 matches | Xapian phrase count ms | words ANDed, no positions, ms | FTS5 count(*) ms | phrase / FTS5 | phrase, BM25 first 10 ms | phrase, first 10 and every match counted in one pass ms |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  std::vector<double> all_p, all_f;
  for (const std::string& p : phrases) {
    double mp = median(phrase_ms[p]), ma = median(and_ms[p]), mf = median(fts_ms[p]);
    all_p.insert(all_p.end(), phrase_ms[p].begin(), phrase_ms[p].end());
    all_f.insert(all_f.end(), fts_ms[p].begin(), fts_ms[p].end());
    std::printf("| \"%s\" | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", p.c_str(), totals[p].c_str(), mp, ma, mf, mp / mf,
                median(top_ms[p]), median(one_pass_ms[p]));
  }
  std::printf("| **all (p50)** | | %.2f | | %.2f | %.2f | | |\n", median(all_p), median(all_f), median(all_p) / median(all_f));
  sqlite3_close(fdb);
  return 0;
}
