// Marks a query's words in a record's text: picks the best passage and returns it as plain
// text with the matches' spans (base/marked_text.h). Matching folds case and diacritics and
// compares stems, so "perbashket" marks "përbashkët" and "declare" marks "declaration".
// Value type, thread-compatible.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/marked_text.h"

namespace arkiv::index {

class Highlighter {
 public:
  Highlighter() = default;
  // `stems`: the query's stems, made by the stemmers of `stem_languages`.
  Highlighter(std::set<std::string> words, std::set<std::string> stems, std::vector<std::string> stem_languages);

  // A passage of about `max_chars` characters around the densest matches, with "…" where
  // text was cut, and the matches marked. Without matches: the text's start.
  MarkedText snippet(std::string_view text, std::size_t max_chars = 240) const;
  // The whole text with every match marked.
  MarkedText mark_all(std::string_view text) const;
  bool empty() const { return words_.empty() && stems_.empty(); }

 private:
  bool matches(std::string_view folded_word) const;
  std::set<std::string> words_;  // folded query words (and CJK n-grams)
  std::set<std::string> stems_;
  std::vector<std::string> stem_languages_;
};

}  // namespace arkiv::index
