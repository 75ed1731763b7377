#include "text/words.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>

namespace arkiv::text {

namespace {

bool is_cjk(UChar32 c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0x1100 && c <= 0x11FF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

}  // namespace

std::vector<WordSpan> word_spans(std::string_view text) {
  std::vector<WordSpan> out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (is_cjk(c)) {
      out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(i), true});
      continue;
    }
    if (!is_word_char(c)) continue;
    int32_t end = i;
    while (i < n) {
      int32_t save = i;
      UChar32 d;
      U8_NEXT(p, i, n, d);
      if (d < 0 || is_cjk(d) || !is_word_char(d)) {
        i = save;
        break;
      }
      end = i;
    }
    out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end), false});
  }
  return out;
}

void for_each_non_ascii_word(std::string_view text, const std::function<void(std::string_view)>& fn) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    int32_t start = i;
    bool non_ascii = false;
    while (i < n) {
      int32_t save = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      bool word = c >= 0 && (c < 0x80 ? std::isalnum(c) : (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK));
      if (!word) {
        if (save == start) start = i;  // skip the separator
        else {
          i = save;
          break;
        }
        continue;
      }
      non_ascii |= c >= 0x80;
    }
    if (non_ascii && i > start) fn(text.substr(start, i - start));
    if (i < n) {
      UChar32 c;
      U8_NEXT(p, i, n, c);  // step over the separator that ended the word
    }
  }
}

std::vector<std::int32_t> code_points(std::string_view s) {
  std::vector<std::int32_t> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c);
  }
  return out;
}

std::string script_language(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0x0400 && c <= 0x04FF) return "ru";
    if (c >= 0x0370 && c <= 0x03FF) return "el";
  }
  return "";
}

}  // namespace arkiv::text
