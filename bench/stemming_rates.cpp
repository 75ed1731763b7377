// Over- and under-stemming of arkiv's light stemmers, measured on a word list of forms and the
// word each is a form of (tests/fixtures/stemming/*.tsv). For every two forms of one word that
// a method does not bring together (under-stemming), and every two forms of different words
// that it does (over-stemming), it counts the pair and prints the rates as a Markdown table
// for docs/benchmarks.md.
//   stemming_rates --language sq tests/fixtures/stemming/albanian.tsv
//   stemming_rates --language ko tests/fixtures/stemming/korean.tsv
// Korean is measured as the search meets it: the index holds Hangul as n-grams, so a query
// form finds a text form when the (stripped) query form is contained in it; pairs are counted
// in both directions.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "text/albanian_stemmer.h"
#include "text/fold.h"
#include "text/korean_particles.h"
#include "text/stemming_word_list.h"

namespace {

void print_row(const std::string& method, const arkiv::text::StemmingRates& r) {
  auto pct = [](long a, long b) { return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b); };
  std::printf("| %s | %ld / %ld (%.1f%%) | %ld / %ld (%.3f%%) |\n", method.c_str(), r.missed, r.same_pairs, pct(r.missed, r.same_pairs),
              r.conflated, r.different_pairs, pct(r.conflated, r.different_pairs));
}

void print_examples(const std::string& method, const arkiv::text::StemmingRates& r) {
  std::printf("\n%s, under-stemmed (first pairs):", method.c_str());
  for (const auto& e : r.missed_examples) std::printf(" %s;", e.c_str());
  std::printf("\n%s, over-stemmed (first pairs):", method.c_str());
  for (const auto& e : r.conflated_examples) std::printf(" %s;", e.c_str());
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Over- and under-stemming rates of arkiv's light stemmers on a word list"};
  std::string language, path;
  app.add_option("--language", language, "sq (Albanian stemmer) or ko (Korean particle stripper)")->required();
  app.add_option("words", path, "TSV word list: form<TAB>group")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    std::vector<arkiv::text::WordForm> forms = arkiv::text::read_word_forms(path);
    std::size_t groups = 0;
    {
      std::vector<std::string> g;
      for (const auto& f : forms) g.push_back(f.group);
      std::sort(g.begin(), g.end());
      groups = static_cast<std::size_t>(std::unique(g.begin(), g.end()) - g.begin());
    }
    std::printf("%zu forms of %zu words (%s)\n\n", forms.size(), groups, path.c_str());
    std::printf("| method | under-stemmed: pairs of one word kept apart | over-stemmed: pairs of different words brought together |\n|---|---|---|\n");
    std::vector<std::pair<std::string, arkiv::text::StemmingRates>> rows;
    if (language == "sq") {
      for (auto& f : forms) f.word = arkiv::text::fold(f.word);  // as the index holds them
      rows.emplace_back("exact folded form (before)", arkiv::text::measure_stemming(forms, [](const auto& a, const auto& b) { return a == b; }, false));
      rows.emplace_back("albanian_stem", arkiv::text::measure_stemming(forms, [](const auto& a, const auto& b) {
                          return arkiv::text::albanian_stem(a) == arkiv::text::albanian_stem(b);
                        }, false));
    } else if (language == "ko") {
      rows.emplace_back("exact form", arkiv::text::measure_stemming(forms, [](const auto& a, const auto& b) { return a == b; }, true));
      rows.emplace_back("n-grams: query form contained in text form (before)",
                        arkiv::text::measure_stemming(forms, [](const auto& a, const auto& b) { return b.find(a) != std::string::npos; }, true));
      rows.emplace_back("particles stripped from the query, n-grams", arkiv::text::measure_stemming(forms, [](const auto& a, const auto& b) {
                          return b.find(arkiv::text::strip_korean_particles(a)) != std::string::npos;
                        }, true));
    } else {
      std::cerr << "--language: expected sq or ko\n";
      return 2;
    }
    for (const auto& [method, rates] : rows) print_row(method, rates);
    for (const auto& [method, rates] : rows) print_examples(method, rates);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
