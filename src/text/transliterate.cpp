#include "text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <unordered_map>
#include <vector>

#include "text/korean_particles.h"
#include "text/words.h"

namespace arkiv::text {

namespace {

bool is_non_latin_letter(UChar32 c) {
  if (c < 0x0250) return false;  // ASCII, Latin-1 and Latin Extended-A/B
  if (!u_isalpha(c)) return false;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED;
}

bool is_hangul_syllable(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

bool has_non_latin(std::string_view s, bool* all_hangul = nullptr) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size()), i = 0;
  bool found = false, hangul = true;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      hangul = false;
      continue;
    }
    found |= is_non_latin_letter(c);
    hangul &= is_hangul_syllable(c);
  }
  if (all_hangul) *all_hangul = hangul && !s.empty();
  return found;
}

// One thread's transliterators and the pieces it has transliterated.
class Latiniser {
 public:
  const std::string& latin(const std::string& piece) {
    if (auto it = cache_.find(piece); it != cache_.end()) return it->second;
    if (cache_.size() >= kMaxCached) cache_.clear();  // bounded; a new run refills it
    return cache_.emplace(piece, compute(piece)).first->second;
  }

 private:
  static constexpr std::size_t kMaxCached = 50'000;

  static std::unique_ptr<icu::Transliterator> make(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }

  std::string compute(const std::string& piece) {
    bool hangul = false;
    has_non_latin(piece, &hangul);
    icu::Transliterator* t = nullptr;
    std::string input = piece;
    if (hangul) {
      if (!hangul_) hangul_ = make("Hangul-Latin; Latin-ASCII");
      t = hangul_.get();
      input = strip_korean_particles(piece);
    } else {
      if (!any_) any_ = make("Any-Latin; Latin-ASCII");
      t = any_.get();
    }
    if (!t) return piece;  // ICU without transliteration data: no Latin form
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(input);
    t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    // Hangul-Latin separates ambiguous syllables with hyphens ("pyeong-yang"): one word.
    if (hangul) std::erase(out, '-');
    return out;
  }

  std::unique_ptr<icu::Transliterator> any_, hangul_;
  std::unordered_map<std::string, std::string> cache_;
};

Latiniser& latiniser() {
  thread_local Latiniser l;
  return l;
}

// Pieces of `s`: words (a run of CJK characters is one piece), each with whether it has a
// letter of another script.
struct Piece {
  std::size_t begin, end;
  bool non_latin, cjk;
};

std::vector<Piece> pieces(std::string_view s) {
  std::vector<Piece> out;
  for (const WordSpan& w : word_spans(s)) {
    bool non_latin = has_non_latin(s.substr(w.begin, w.end - w.begin));
    // A CJK character right after another one: the same piece (北京, 김일성).
    if (w.cjk && non_latin && !out.empty() && out.back().cjk && out.back().non_latin && out.back().end == w.begin) {
      out.back().end = w.end;
      continue;
    }
    out.push_back({w.begin, w.end, non_latin, w.cjk});
  }
  return out;
}

}  // namespace

bool has_non_latin_letter(std::string_view utf8) { return has_non_latin(utf8); }

std::string to_latin(std::string_view utf8) {
  if (!has_non_latin(utf8)) return std::string(utf8);
  std::string out;
  std::size_t at = 0;
  for (const Piece& p : pieces(utf8)) {
    if (!p.non_latin) continue;
    out.append(utf8.substr(at, p.begin - at));
    out += latiniser().latin(std::string(utf8.substr(p.begin, p.end - p.begin)));
    at = p.end;
  }
  out.append(utf8.substr(at));
  return out;
}

void for_each_non_latin_run(std::string_view utf8, const std::function<void(const std::string& latin)>& fn) {
  if (!has_non_latin(utf8)) return;
  std::string run;
  auto flush = [&] {
    if (!run.empty()) fn(run);
    run.clear();
  };
  for (const Piece& p : pieces(utf8)) {
    if (!p.non_latin) {
      flush();
      continue;
    }
    if (!run.empty()) run += ' ';
    run += latiniser().latin(std::string(utf8.substr(p.begin, p.end - p.begin)));
  }
  flush();
}

}  // namespace arkiv::text
