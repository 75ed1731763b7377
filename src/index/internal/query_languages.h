// Query words stemmed in the languages of the texts they may match. The index stems each
// text with the stemmer of its language (Z terms), so a query is parsed once per language
// of the archive that has a stemmer, and the parses are ORed: "Вышинский" meets the Russian
// stems of "Вышинского", "Shqipëri" the Albanian stems of "Shqipërisë", while an English
// query still meets English stems. Korean particles are stripped from query words (the
// index holds Hangul as n-grams, which the bare noun finds in every form).
// Private to the index module; functions of their arguments, thread-compatible (a
// QueryParser belongs to one thread).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace arkiv::index {

// The languages of the records in `db` (their L terms) that have a stemmer.
std::vector<std::string> stemmed_languages(const Xapian::Database& db);

// True for Xapian's operator words (AND, OR, NOT, XOR, NEAR, ADJ; NEAR/3, ADJ/2).
bool is_query_operator(std::string_view word);

// The query with every word in lower case and Xapian's operators (AND, OR, NOT, XOR, NEAR,
// ADJ) kept: the query parser does not stem capitalised words, but names inflect too.
std::string lower_words(std::string_view query);

struct LanguageParses {
  Xapian::Query query;                 // OR of the parses that add something; MatchNothing if none
  std::vector<std::string> languages;  // the languages whose stems it holds
};

// Parses `query` (diacritics already stripped) with `qp` in each of `languages`, and once
// with Korean particles stripped. A parse that equals another is left out (most Latin-script
// stemmers agree on most words). `qp` is left with its stemmer and strategy changed.
LanguageParses parse_in_languages(Xapian::QueryParser& qp, std::string_view query, unsigned flags,
                                  const std::vector<std::string>& languages);

}  // namespace arkiv::index
