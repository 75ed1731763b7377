// A light rule-based stemmer for Albanian: strips the inflectional endings of nouns and
// adjectives (case, definiteness, number: -i, -u, -in, -it, -un, -ut, -a, -ja, -në, -së,
// -të, -ët, -et, -at, -ve, -ëve, -ave, ...) and nothing derivational, so "Shqipëri",
// "Shqipëria" and "Shqipërisë" share a stem but "popull" and "popullor" do not. Written from
// the published rule-based Albanian stemmers (Sadiku & Biba 2012; Kadriu 2013), cut down to
// inflection. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace arkiv::text {

// The stem of one lower-case word. Works on folded words ("shqiperise": arkiv indexes folded
// text, so ë and e are one letter here) and on unfolded ones (ë, ç are folded first). Words
// with other letters than a-z (another script, digits) come back unchanged.
std::string albanian_stem(std::string_view word);

}  // namespace arkiv::text
