#include "text/korean_particles.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <vector>

namespace arkiv::text {

namespace {

constexpr UChar32 kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;
constexpr int kRieulFinal = 8;  // ㄹ as the final consonant

// The final consonant (받침) of a Hangul syllable: 0 for none.
int final_consonant(UChar32 syllable) { return (syllable - kFirstSyllable) % 28; }

// What the syllable before a particle must end in for the particle to be read as one.
enum class After { kAny, kConsonant, kConsonantNotRieul, kVowel, kVowelOrRieul };
struct Particle {
  std::u32string_view text;
  After after;
};

// Longest first where one ends another (에서는 before 는). Single-syllable particles are
// stripped only after the syllable they need (국가: 가 follows a consonant, so it is part of
// the noun); 의, 에, 도 and 만 fit any syllable and are guarded by the two-syllable floor
// and the exceptions below.
constexpr std::array kParticles = {
    Particle{U"에서는", After::kAny}, Particle{U"에서도", After::kAny}, Particle{U"에서의", After::kAny},
    Particle{U"으로는", After::kConsonantNotRieul}, Particle{U"으로서", After::kConsonantNotRieul}, Particle{U"으로써", After::kConsonantNotRieul},
    Particle{U"입니다", After::kAny}, Particle{U"이였다", After::kAny}, Particle{U"이었다", After::kAny},
    Particle{U"에서", After::kAny}, Particle{U"께서", After::kAny}, Particle{U"에게", After::kAny},
    Particle{U"한테", After::kAny}, Particle{U"까지", After::kAny}, Particle{U"부터", After::kAny},
    Particle{U"에는", After::kAny}, Particle{U"에도", After::kAny}, Particle{U"와의", After::kVowel},
    Particle{U"과의", After::kConsonant}, Particle{U"으로", After::kConsonantNotRieul}, Particle{U"로서", After::kVowelOrRieul},
    Particle{U"로써", After::kVowelOrRieul}, Particle{U"로는", After::kVowelOrRieul}, Particle{U"처럼", After::kAny},
    Particle{U"보다", After::kAny}, Particle{U"마다", After::kAny}, Particle{U"이다", After::kConsonant},
    Particle{U"동지", After::kAny}, Particle{U"들", After::kAny}, Particle{U"님", After::kAny},
    Particle{U"께", After::kAny}, Particle{U"은", After::kConsonant}, Particle{U"는", After::kVowel},
    Particle{U"이", After::kConsonant}, Particle{U"가", After::kVowel}, Particle{U"을", After::kConsonant},
    Particle{U"를", After::kVowel}, Particle{U"과", After::kConsonant}, Particle{U"와", After::kVowel},
    Particle{U"로", After::kVowelOrRieul}, Particle{U"의", After::kAny}, Particle{U"에", After::kAny},
    Particle{U"도", After::kAny}, Particle{U"만", After::kAny},
};

// Nouns that end in 의 or 도 after these syllables: 사회주의 (-ism), 합의,
// 협의, 결의, 동의, 정의; 반도 (peninsula), 지도 (guidance), 제도, 태도, 정도, 수도, 인도.
bool part_of_noun(std::u32string_view word, std::u32string_view particle) {
  if (word.size() <= particle.size()) return false;
  char32_t before = word[word.size() - particle.size() - 1];
  if (particle == U"의") return std::u32string_view(U"주합협동정논").find(before) != std::u32string_view::npos;
  if (particle == U"도") return std::u32string_view(U"반지제태정수인한").find(before) != std::u32string_view::npos;
  return false;
}

bool fits(UChar32 before, After after) {
  int final = final_consonant(before);
  switch (after) {
    case After::kAny: return true;
    case After::kConsonant: return final != 0;
    case After::kConsonantNotRieul: return final != 0 && final != kRieulFinal;
    case After::kVowel: return final == 0;
    case After::kVowelOrRieul: return final == 0 || final == kRieulFinal;
  }
  return false;
}

bool strip_one(std::u32string& w) {
  for (const Particle& p : kParticles) {
    if (w.size() < p.text.size() + 2) continue;  // keep at least two syllables
    if (std::u32string_view(w).substr(w.size() - p.text.size()) != p.text) continue;
    if (!fits(static_cast<UChar32>(w[w.size() - p.text.size() - 1]), p.after)) continue;
    if (part_of_noun(w, p.text)) continue;
    w.resize(w.size() - p.text.size());
    return true;
  }
  return false;
}

}  // namespace

std::string strip_korean_particles(std::string_view word) {
  std::u32string w;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  int32_t n = static_cast<int32_t>(word.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < kFirstSyllable || c > kLastSyllable) return std::string(word);
    w += static_cast<char32_t>(c);
  }
  // Particles stack (평양에서는, 동지들의, 김일성동지께서): strip until none is left.
  bool changed = false;
  for (int round = 0; round < 4 && strip_one(w); ++round) changed = true;
  if (!changed) return std::string(word);
  std::string out;
  for (char32_t c : w) {
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, static_cast<UChar32>(c));
    out.append(buf, static_cast<std::size_t>(len));
  }
  return out;
}

}  // namespace arkiv::text
