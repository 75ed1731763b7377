// Latin forms of words in other scripts, for matching names across scripts: ICU's Any-Latin
// then Latin-ASCII ("Тирана" -> "Tirana", "Энвер Ходжа" -> "Enver Hodza", "北京" -> "bei jing"),
// and for Hangul ICU's Hangul-Latin (Revised Romanization) with the syllable hyphens dropped
// and Korean particles stripped first ("평양에서" -> "pyeongyang", "김일성" -> "gimilseong").
// The index adds these forms beside the words (docs/index-terms.md) and the query builder
// looks for them too. ICU transliterators are slow to create and not thread-safe: each thread
// creates its own once, and keeps a bounded cache of the pieces it has transliterated.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace arkiv::text {

// True if `utf8` has a letter of a script other than Latin (Cyrillic, Greek, Han, Hangul...).
bool has_non_latin_letter(std::string_view utf8);

// `utf8` with every word in a script other than Latin replaced by its Latin-ASCII form; Latin
// words, numbers, spaces and punctuation are kept as they are (so query syntax survives:
// `"Энвер Ходжа" OR Тирана` -> `"Enver Hodza" OR Tirana`). A run of CJK characters is
// transliterated as one piece. Case is ICU's (the index folds it).
std::string to_latin(std::string_view utf8);

// Calls fn(latin) for each run of consecutive words of `utf8` that are all in scripts other
// than Latin (only spaces and punctuation between them), with the run's Latin form. A Latin
// word or a number between two such words ends a run, so the index can add each run as its
// own positional run and a phrase of Latin forms never spans a word that is not there.
void for_each_non_latin_run(std::string_view utf8, const std::function<void(const std::string& latin)>& fn);

}  // namespace arkiv::text
