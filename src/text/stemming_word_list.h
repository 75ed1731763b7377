// Reads the stemming check lists of tests/fixtures/stemming/ ("form<TAB>group" per line, #
// comments) and counts the pairs a stemmer keeps apart or brings together. Shared by the
// unit tests of the light stemmers; the bench tool (bench/stemming_rates) prints the same
// counts. Value types, no shared state.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace arkiv::text {

struct WordForm {
  std::string word;
  std::string group;  // the word it is a form of
};

// Throws std::runtime_error naming the file and line when the list cannot be read.
std::vector<WordForm> read_word_forms(const std::string& path);

struct StemmingRates {
  long same_pairs = 0;       // pairs of forms of one word
  long missed = 0;           // ... that the method keeps apart (under-stemming)
  long different_pairs = 0;  // pairs of forms of different words
  long conflated = 0;        // ... that the method brings together (over-stemming)
  std::vector<std::string> missed_examples, conflated_examples;  // "a / b", the first few
};

// `together(a, b)`: the method brings form a to form b. `ordered`: count (a, b) and (b, a)
// apart (for matching that is not symmetric, like a query form contained in a text form).
StemmingRates measure_stemming(const std::vector<WordForm>& forms,
                               const std::function<bool(const std::string&, const std::string&)>& together,
                               bool ordered = false);

}  // namespace arkiv::text
