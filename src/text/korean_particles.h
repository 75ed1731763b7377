// Strips the particles and endings Korean attaches to a noun ("평양에서" -> "평양",
// "김일성동지께서" -> "김일성"), so that a query word with them still finds the noun in any
// form: the index splits Hangul into character n-grams, so the bare noun matches every
// inflected form in the text, while the inflected query form would match only itself.
// Light and rule-based: case particles (은/는, 이/가, 을/를, 과/와, 으로/로 only after a
// syllable that takes them), multi-syllable particles (에서, 께서, 에게, 까지, ...), the
// plural 들, and the titles 동지 and 님. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace arkiv::text {

// The noun of one Hangul word; a word that is not all Hangul syllables, or has nothing to
// strip, comes back unchanged. A noun is never cut below two syllables.
std::string strip_korean_particles(std::string_view word);

}  // namespace arkiv::text
