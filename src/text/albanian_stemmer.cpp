#include "text/albanian_stemmer.h"

#include <algorithm>
#include <array>

namespace arkiv::text {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// ë -> e, ç -> c (the index's folding); false if the word has any other non a-z byte.
bool to_folded_ascii(std::string_view word, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < word.size() && (word[i + 1] == '\xAB' || word[i + 1] == '\x8B')) {
      out += 'e';  // ë, Ë
      ++i;
    } else if (c == 0xC3 && i + 1 < word.size() && (word[i + 1] == '\xA7' || word[i + 1] == '\x87')) {
      out += 'c';  // ç, Ç
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

bool ends_with(const std::string& w, std::string_view s) {
  return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
}

// An inflectional ending, the shortest stem it may leave, and what must precede it.
enum class Before { kAny, kFrontVowel, kE, kConsonant, kConsonantOrI };
struct Ending {
  std::string_view text;
  std::size_t min_stem;
  Before before;
};

// Longest first. Plural oblique (-ëve, -ave, -ve), feminine with -j- (mbledhje, mbledhja,
// mbledhjes...), definite and case endings after -i or -e (-në, -së, -të: partinë, partisë,
// partitë, Korenë), masculine definite endings after a consonant (-in, -it, -un, -ut),
// plural definite (-ët, -et, -at), feminine accusative and genitive (-ën, -ës, -n, -s), and a
// final vowel (-ë, -e, -a, -i, -u).
constexpr std::array kEndings = {
    Ending{"jeve", 3, Before::kAny},     Ending{"eve", 3, Before::kAny},       Ending{"ave", 3, Before::kAny},
    Ending{"jen", 3, Before::kAny},      Ending{"jes", 3, Before::kAny},       Ending{"jet", 3, Before::kAny},
    Ending{"ve", 3, Before::kAny},       Ending{"je", 3, Before::kConsonant},  Ending{"ja", 3, Before::kAny},
    Ending{"ne", 3, Before::kFrontVowel}, Ending{"se", 3, Before::kFrontVowel}, Ending{"te", 3, Before::kFrontVowel},
    Ending{"in", 3, Before::kConsonant}, Ending{"it", 3, Before::kConsonant},  Ending{"un", 3, Before::kConsonant},
    Ending{"ut", 3, Before::kConsonant}, Ending{"et", 3, Before::kConsonantOrI},  Ending{"at", 3, Before::kConsonant},
    Ending{"en", 3, Before::kConsonant}, Ending{"es", 3, Before::kConsonant},  Ending{"n", 3, Before::kE},
    Ending{"s", 3, Before::kE},          Ending{"e", 3, Before::kAny},         Ending{"a", 3, Before::kAny},
    Ending{"i", 3, Before::kAny},        Ending{"u", 3, Before::kConsonant},
};

bool fits(char prev, Before before) {
  switch (before) {
    case Before::kAny: return true;
    case Before::kFrontVowel: return prev == 'i' || prev == 'e';
    case Before::kE: return prev == 'e';
    case Before::kConsonant: return !is_vowel(prev);
    case Before::kConsonantOrI: return !is_vowel(prev) || prev == 'i';
  }
  return false;
}

// Removes the longest ending that applies; false if none does.
bool strip_ending(std::string& w) {
  for (const Ending& e : kEndings) {
    if (!ends_with(w, e.text) || w.size() < e.text.size() + e.min_stem) continue;
    if (!fits(w[w.size() - e.text.size() - 1], e.before)) continue;
    w.resize(w.size() - e.text.size());
    return true;
  }
  return false;
}

}  // namespace

std::string albanian_stem(std::string_view word) {
  std::string w;
  if (!to_folded_ascii(word, w) || w.size() < 4) return std::string(word);
  // Endings follow endings (partitë -> parti -> part), and a stem may itself end like one
  // (Stalin, Stalini, Stalinin; shtet, shteti): stripping until nothing applies brings every
  // form of a word to one stem, at the price of short stems.
  for (int round = 0; round < 5 && strip_ending(w); ++round) {
  }
  // Stems that lose a schwa when an ending follows: imperializëm / imperializmi,
  // letër / letra, ministër / ministri.
  if (ends_with(w, "izem")) w.erase(w.size() - 2, 1);
  else if (w.size() >= 5 && ends_with(w, "er") && !is_vowel(w[w.size() - 3])) w.erase(w.size() - 2, 1);
  return w;
}

}  // namespace arkiv::text
