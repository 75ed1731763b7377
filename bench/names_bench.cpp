// Names across scripts (issue 12): what name variant expansion and transliteration terms cost.
//  1. Import: with --corpus and no archive in --data yet, imports the corpus in process
//     (Archive::import, one writer, as `arkiv import`) and reports records/s.
//  2. Indexing cost of the transliteration terms: the text of the first --texts records of the
//     corpus, and a non-Latin sample (Russian, Korean, Chinese texts), put through Xapian's
//     TermGenerator as the index does (folded, CJK n-grams, positions), without and with the
//     Latin runs that internal/document_terms.cpp adds (text::for_each_non_latin_run).
//  3. Search: every form of the groups of the shipped variant table (data/name-variants.tsv)
//     as a query, with variants on and off, --rounds times, in an interleaved order; 10 hits
//     with snippets, the total and three facets (language, decade, place), no answer cache,
//     as bench/search_bench does. Reports p50/p99 per mode and their ratio (issue 12: at most
//     1.5x on a name query).
// Usage: names_bench --data DIR [--corpus DIR] [--rounds 5] [--texts 20000] [--sample DIR]
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "model/name_variants.h"
#include "text/fold.h"
#include "text/transliterate.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::string load_average() {
  double l[3] = {0, 0, 0};
  if (getloadavg(l, 3) != 3) return "?";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f %.2f %.2f", l[0], l[1], l[2]);
  return buf;
}

std::vector<fs::path> jsonl_files(const std::string& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The texts of a record as the index reads them: title, summary, citation, contents.
std::vector<std::string> record_texts(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const char* k : {"title", "summary"}) {
    if (j.contains(k) && j[k].is_string()) out.push_back(j[k].get<std::string>());
  }
  if (j.contains("contents")) {
    for (const auto& c : j["contents"]) {
      if (c.contains("text")) out.push_back(c["text"].get<std::string>());
    }
  }
  return out;
}

// Microseconds to generate the terms of `texts` once, as DocumentTerms::index_free does,
// without (`latin` false) or with the Latin runs.
double index_cost_us(const std::vector<std::vector<std::string>>& records, bool latin, std::size_t& terms) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("en"));
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  auto t0 = Clock::now();
  terms = 0;
  for (const auto& texts : records) {
    Xapian::Document doc;
    tg.set_document(doc);
    for (const std::string& t : texts) {
      tg.index_text(arkiv::text::fold(t));
      tg.increase_termpos();
      if (latin) {
        arkiv::text::for_each_non_latin_run(t, [&](const std::string& l) {
          tg.index_text(arkiv::text::fold(l));
          tg.increase_termpos();
        });
      }
    }
    terms += doc.termlist_count();
  }
  return ms_since(t0) * 1000.0;
}

void report_index_cost(const std::string& what, const std::vector<std::vector<std::string>>& records) {
  if (records.empty()) return;
  std::size_t terms_without = 0, terms_with = 0;
  index_cost_us(records, true, terms_with);  // warm: ICU's transliterators, caches
  double without = 1e300, with = 1e300;
  for (int round = 0; round < 3; ++round) {  // best of three: the least disturbed by the load
    without = std::min(without, index_cost_us(records, false, terms_without));
    with = std::min(with, index_cost_us(records, true, terms_with));
  }
  double n = static_cast<double>(records.size());
  std::printf("| %s | %zu | %.1f | %.1f | %.2f | %.1f | %.1f |\n", what.c_str(), records.size(), without / n, with / n, with / without,
              static_cast<double>(terms_without) / n, static_cast<double>(terms_with) / n);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("names_bench");
  std::string data, corpus, sample;
  int rounds = 5;
  std::size_t texts = 20000;
  app.add_option("--data", data, "Data directory (imported from --corpus when it has no archive)")->required();
  app.add_option("--corpus", corpus, "JSON Lines corpus (bench/make_corpus)");
  app.add_option("--sample", sample, "Folder of JSON Lines records in other scripts (default: tests/fixtures' multilingual records)");
  app.add_option("--rounds", rounds, "Rounds of the name queries");
  app.add_option("--texts", texts, "Records of the corpus for the indexing cost");
  CLI11_PARSE(app, argc, argv);
  using arkiv::archive::Archive;
  std::cout << "load average at start: " << load_average() << "\n";

  if (!corpus.empty() && !fs::exists(fs::path(data) / "catalog.db")) {
    auto w = Archive::open(data, Archive::Mode::kWrite);
    if (!w) {
      std::cerr << w.error().message() << "\n";
      return 1;
    }
    auto t0 = Clock::now();
    auto r = (*w)->import({corpus}, {});
    double s = ms_since(t0) / 1000.0;
    if (!r) {
      std::cerr << r.error().message() << "\n";
      return 1;
    }
    std::printf("import: %lld records in %.1f s = %.0f records/s (catalog, index and more-like-this lists; load average now %s)\n",
                static_cast<long long>(r->created), s, static_cast<double>(r->created) / s, load_average().c_str());
  }

  // 2. Indexing cost of the Latin runs.
  std::vector<std::vector<std::string>> english, other;
  if (!corpus.empty()) {
    for (const fs::path& p : jsonl_files(corpus)) {
      std::ifstream in(p);
      std::string line;
      while (english.size() < texts && std::getline(in, line)) english.push_back(record_texts(nlohmann::json::parse(line)));
      if (english.size() >= texts) break;
    }
  }
  {
    std::vector<fs::path> files;
    if (!sample.empty()) files = jsonl_files(sample);
    else files.push_back(fs::path(ARKIV_SOURCE_DIR) / "tests/fixtures/multilingual.jsonl");
    std::vector<std::vector<std::string>> non_latin;
    for (const fs::path& p : files) {
      std::ifstream in(p);
      std::string line;
      while (std::getline(in, line)) {
        auto texts_of = record_texts(nlohmann::json::parse(line));
        bool any = false;
        for (const auto& t : texts_of) any = any || arkiv::text::has_non_latin_letter(t);
        if (any) non_latin.push_back(texts_of);
      }
    }
    // Repeated to about a thousand records, so the timing is not noise.
    for (std::size_t i = 0; !non_latin.empty() && other.size() < 1000; ++i) other.push_back(non_latin[i % non_latin.size()]);
  }
  std::cout << "\n| texts | records | us/record without Latin runs | us/record with | ratio | terms/record without | terms/record with |\n"
               "|---|---|---|---|---|---|---|\n";
  report_index_cost("corpus (English)", english);
  report_index_cost("records with text in other scripts (ru, ko, zh, repeated)", other);

  // 3. Name queries, variants on and off.
  auto a = Archive::open(data, Archive::Mode::kRead);
  if (!a) {
    std::cerr << a.error().message() << "\n";
    return 1;
  }
  (*a)->set_caching(false);
  (*a)->keep_facets_in_memory(true);
  auto variants = arkiv::model::shipped_name_variants();
  std::vector<std::string> queries;
  for (const auto& g : variants->groups()) {
    for (const auto& f : g.forms) queries.push_back(f.text);
  }
  std::vector<double> on, off;
  std::vector<double> ratios;  // per query: p50 on / p50 off
  std::int64_t found_on = 0, found_off = 0;
  auto run = [&](const std::string& text, bool expand) {
    arkiv::archive::SearchQuery q;
    q.text = text;
    q.limit = 10;
    q.facets = {"language", "decade", "place"};
    q.name_variants = expand;
    auto t0 = Clock::now();
    auto page = (*a)->search(q);
    double ms = ms_since(t0);
    if (!page) {
      std::cerr << text << ": " << page.error().message() << "\n";
      std::exit(1);
    }
    return std::pair{ms, page->total};
  };
  for (const std::string& q : queries) run(q, true), run(q, false);  // warm the caches of the OS and Xapian
  std::vector<std::vector<double>> per_on(queries.size()), per_off(queries.size());
  std::vector<std::int64_t> totals_on(queries.size()), totals_off(queries.size());
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      bool first_on = (r + i) % 2 == 0;  // interleaved, so load affects both alike
      for (int k = 0; k < 2; ++k) {
        bool expand = (k == 0) == first_on;
        auto [ms, total] = run(queries[i], expand);
        (expand ? on : off).push_back(ms);
        (expand ? per_on : per_off)[i].push_back(ms);
        if (r == 0) (expand ? found_on : found_off) += total;
        if (r == 0) (expand ? totals_on : totals_off)[i] = total;
      }
    }
  }
  for (std::size_t i = 0; i < queries.size(); ++i) ratios.push_back(percentile(per_on[i], 0.5) / std::max(1e-9, percentile(per_off[i], 0.5)));
  // The queries whose form is in the archive as typed (found without variants): there the
  // two modes answer the same name, and the difference is what the expansion costs.
  std::vector<double> on_found, off_found, ratios_found;
  std::vector<std::pair<double, std::string>> worst;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    if (totals_off[i] == 0) continue;
    on_found.insert(on_found.end(), per_on[i].begin(), per_on[i].end());
    off_found.insert(off_found.end(), per_off[i].begin(), per_off[i].end());
    ratios_found.push_back(ratios[i]);
    worst.emplace_back(ratios[i], queries[i] + " (" + std::to_string(totals_off[i]) + " -> " + std::to_string(totals_on[i]) + " matches)");
  }
  std::sort(worst.rbegin(), worst.rend());
  std::printf("\n%zu name queries (every form of the %zu groups of data/name-variants.tsv) x %d rounds; matches per round: %lld with variants, %lld without\n\n",
              queries.size(), variants->groups().size(), rounds, static_cast<long long>(found_on), static_cast<long long>(found_off));
  std::printf("| variants | p50 ms | p99 ms | max ms |\n|---|---|---|---|\n");
  std::printf("| off | %.2f | %.2f | %.2f |\n", percentile(off, 0.5), percentile(off, 0.99), percentile(off, 1.0));
  std::printf("| on | %.2f | %.2f | %.2f |\n", percentile(on, 0.5), percentile(on, 0.99), percentile(on, 1.0));
  std::printf("| ratio on/off | %.2f | %.2f | |\n", percentile(on, 0.5) / percentile(off, 0.5), percentile(on, 0.99) / percentile(off, 0.99));
  std::printf("\nper query, p50 on / p50 off: median %.2f, 90th percentile %.2f, highest %.2f (%s)\n", percentile(ratios, 0.5),
              percentile(ratios, 0.9), percentile(ratios, 1.0),
              queries[static_cast<std::size_t>(std::max_element(ratios.begin(), ratios.end()) - ratios.begin())].c_str());
  if (!on_found.empty()) {
    std::printf("\n%zu of the queries find their form as typed (the others are in scripts or spellings this archive does not have,\n"
                "so without variants they find nothing at all):\n\n", ratios_found.size());
    std::printf("| variants | p50 ms | p99 ms | max ms |\n|---|---|---|---|\n");
    std::printf("| off | %.2f | %.2f | %.2f |\n", percentile(off_found, 0.5), percentile(off_found, 0.99), percentile(off_found, 1.0));
    std::printf("| on | %.2f | %.2f | %.2f |\n", percentile(on_found, 0.5), percentile(on_found, 0.99), percentile(on_found, 1.0));
    std::printf("| ratio on/off | %.2f | %.2f | |\n", percentile(on_found, 0.5) / percentile(off_found, 0.5),
                percentile(on_found, 0.99) / percentile(off_found, 0.99));
    std::printf("\nper query, p50 on / p50 off: median %.2f, 90th percentile %.2f; highest:\n", percentile(ratios_found, 0.5),
                percentile(ratios_found, 0.9));
    for (std::size_t i = 0; i < std::min<std::size_t>(8, worst.size()); ++i) std::printf("  %.2f  %s\n", worst[i].first, worst[i].second.c_str());
  }
  std::cout << "load average at end: " << load_average() << "\n";
  return 0;
}
