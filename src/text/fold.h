// Unicode text normalisation for matching: case folding and removal of diacritics from Latin,
// Greek and Cyrillic letters ("Tiranë" -> "tirane", "përbashkët" -> "perbashket").
// CJK, Hangul, kana and other scripts are left unchanged (a Japanese voicing mark is a
// different letter, not an accent). Backed by ICU; tables are built once, thread-safe after.
#pragma once

#include <string>
#include <string_view>

namespace arkiv::text {

// Removes diacritics, keeps case: "Tiranë AND Korçë" -> "Tirane AND Korce".
std::string strip_diacritics(std::string_view utf8);
// Lower-cases and removes diacritics: "Tiranë" -> "tirane".
std::string fold(std::string_view utf8);
// True if `fold(word) != lower-case(word)`, i.e. the word carries a diacritic.
bool has_diacritics(std::string_view utf8);
// Unicode-aware lower case (ICU full case mapping, root locale).
std::string lower(std::string_view utf8);

}  // namespace arkiv::text
