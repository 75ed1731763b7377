#include "text/fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>

namespace arkiv::text {

namespace {

// Code points below this are folded through a table; above it (CJK, Hangul, kana, symbols)
// text passes through unchanged, apart from lower-casing where ICU knows a mapping.
constexpr UChar32 kTableLimit = 0x2000;

struct FoldTable {
  // [cp] -> replacement without diacritics, case kept; empty string means "delete" (a lone
  // combining mark); a table entry equal to the code point itself is stored as-is.
  std::array<std::string, kTableLimit> stripped;
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (UChar32 cp = 0; cp < kTableLimit; ++cp) {
      std::string out;
      int8_t type = u_charType(cp);
      if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
        stripped[cp] = out;
        continue;
      }
      icu::UnicodeString decomposition;
      if (U_SUCCESS(status) && nfd->getDecomposition(cp, decomposition)) {
        icu::UnicodeString kept;
        for (int32_t i = 0; i < decomposition.length();) {
          UChar32 c = decomposition.char32At(i);
          int8_t t = u_charType(c);
          if (t != U_NON_SPACING_MARK && t != U_ENCLOSING_MARK) kept.append(c);
          i += U16_LENGTH(c);
        }
        kept.toUTF8String(out);
      } else {
        icu::UnicodeString(cp).toUTF8String(out);
      }
      stripped[cp] = out;
    }
    // Letters that carry a stroke or are ligatures have no canonical decomposition.
    const std::pair<UChar32, const char*> specials[] = {
        {0x00DF, "ss"}, {0x1E9E, "SS"}, {0x00E6, "ae"}, {0x00C6, "AE"}, {0x0153, "oe"},
        {0x0152, "OE"}, {0x00F8, "o"},  {0x00D8, "O"},  {0x0111, "d"},  {0x0110, "D"},
        {0x0142, "l"},  {0x0141, "L"},  {0x0131, "i"},  {0x00FE, "th"}, {0x00DE, "TH"},
        {0x00F0, "d"},  {0x00D0, "D"},  {0x0127, "h"},  {0x0126, "H"},  {0x0167, "t"},
        {0x0166, "T"},  {0x2018, "'"},  {0x2019, "'"},
    };
    for (auto [cp, s] : specials) {
      if (cp < kTableLimit) stripped[cp] = s;
    }
  }
};

const FoldTable& table() {
  static const FoldTable t;
  return t;
}

template <bool kLower>
std::string transform(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const FoldTable& t = table();
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    uint8_t b = p[i];
    if (b < 0x80) {
      out += kLower && b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b);
      ++i;
      continue;
    }
    UChar32 cp;
    int32_t start = i;
    U8_NEXT(p, i, n, cp);
    if (cp < 0) {  // invalid byte: keep it as it was
      out.append(s.substr(start, i - start));
      continue;
    }
    if (kLower) cp = u_tolower(cp);
    if (cp < kTableLimit) {
      const std::string& r = t.stripped[cp];
      if (kLower && r.size() > 1) {
        for (char c : r) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      } else {
        out += r;
      }
    } else {
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, cp);
      out.append(buf, len);
    }
  }
  return out;
}

}  // namespace

std::string strip_diacritics(std::string_view utf8) { return transform<false>(utf8); }
std::string fold(std::string_view utf8) { return transform<true>(utf8); }
std::string lower(std::string_view utf8) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}
bool has_diacritics(std::string_view utf8) { return fold(utf8) != lower(utf8); }

}  // namespace arkiv::text
