// Spelling suggestions from the index's own vocabulary, computed at query time (no spelling
// table to maintain while indexing): each query word the index does not know is replaced by
// the most frequent indexed word within a small edit distance. Private to the index module.
#pragma once

#include <xapian.h>

#include <string>

namespace arkiv::index {

// `text` with unknown words corrected, or "" when nothing could be corrected.
std::string suggest_spelling(const Xapian::Database& db, const std::string& text);

// Levenshtein distance between two UTF-8 strings, by code point; stops counting at `limit`.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t limit);

}  // namespace arkiv::index
