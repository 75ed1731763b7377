#include "text/language_guess.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace arkiv::text {

namespace {

// Only the first part of a long text is read; 64 KiB settles the question.
constexpr std::size_t kSampleBytes = 64 * 1024;

struct StopWords {
  const char* code;
  std::set<std::string> words;
};

// Frequent function words, chosen so that no word appears in two lists.
const std::array<StopWords, 6>& stop_words() {
  static const std::array<StopWords, 6> kLists = {{
      {"en", {"the", "and", "of", "to", "is", "that", "with", "for", "was", "which", "this", "are", "have", "not", "by"}},
      {"fr", {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "pas", "sur", "du", "au", "avec"}},
      {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "von", "auf", "sich", "dem"}},
      {"es", {"el", "los", "las", "y", "del", "por", "una", "con", "para", "se", "lo", "como", "pero", "más", "sus"}},
      {"sq", {"dhe", "të", "në", "që", "një", "për", "nga", "është", "së", "nuk", "janë", "kjo", "ky", "edhe", "si"}},
      {"ru", {"и", "в", "не", "на", "что", "с", "по", "это", "как", "к", "из", "он", "она", "но", "для"}},
  }};
  return kLists;
}

// Scripts that, among the languages of an archive, name one language.
std::optional<std::string> language_of_script(UScriptCode s) {
  switch (s) {
    case USCRIPT_GREEK: return "el";
    case USCRIPT_HANGUL: return "ko";
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return "ja";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ARMENIAN: return "hy";
    case USCRIPT_THAI: return "th";
    case USCRIPT_HAN: return "zh";
    default: return std::nullopt;
  }
}

void append_utf8(UChar32 c, std::string& out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

bool can_guess_language(std::string_view code) {
  for (const StopWords& list : stop_words()) {
    if (code == list.code) return true;
  }
  for (UScriptCode s : {USCRIPT_GREEK, USCRIPT_HANGUL, USCRIPT_HIRAGANA, USCRIPT_GEORGIAN, USCRIPT_ARMENIAN,
                        USCRIPT_THAI, USCRIPT_HAN}) {
    if (language_of_script(s) == std::optional<std::string>(code)) return true;
  }
  return false;
}

std::optional<std::string> guess_language(std::string_view utf8) {
  utf8 = utf8.substr(0, kSampleBytes);
  std::map<UScriptCode, std::size_t> letters;
  std::map<std::string, std::size_t> hits;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    for (const StopWords& list : stop_words()) {
      if (list.words.count(word)) ++hits[list.code];
    }
    word.clear();
  };
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalpha(c)) {
      end_word();
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status)) ++letters[script];
    append_utf8(u_tolower(c), word);
  }
  end_word();
  if (letters.empty()) return std::nullopt;
  auto dominant = std::max_element(letters.begin(), letters.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
  // Japanese mixes kana with Han: any kana at all means Japanese, not Chinese.
  if (dominant->first == USCRIPT_HAN && (letters.count(USCRIPT_HIRAGANA) || letters.count(USCRIPT_KATAKANA))) return "ja";
  if (auto lang = language_of_script(dominant->first)) return lang;
  if (dominant->first != USCRIPT_LATIN && dominant->first != USCRIPT_CYRILLIC) return std::nullopt;
  std::string best;
  std::size_t best_hits = 0, second = 0;
  for (const auto& [code, count] : hits) {
    bool cyrillic = code == "ru";
    if (cyrillic != (dominant->first == USCRIPT_CYRILLIC)) continue;
    if (count > best_hits) {
      second = best_hits;
      best_hits = count;
      best = code;
    } else if (count > second) {
      second = count;
    }
  }
  // Too few stop words, or two languages nearly tied: say nothing rather than guess.
  if (best_hits < 3 || best_hits < 2 * second) return std::nullopt;
  return best;
}

}  // namespace arkiv::text
