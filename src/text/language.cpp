#include "text/language.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <map>

#include "base/strings.h"

namespace arkiv::text {

namespace {

struct LanguageTable {
  std::map<std::string, std::string> canonical;  // any accepted key (lower case) -> code
  std::map<std::string, std::string> names;      // code -> English name
  LanguageTable() {
    for (const char* const* p = uloc_getISOLanguages(); *p; ++p) {
      std::string code = *p;
      icu::UnicodeString display;
      icu::Locale(code.c_str()).getDisplayLanguage(icu::Locale::getEnglish(), display);
      std::string name;
      display.toUTF8String(name);
      if (name.empty() || name == code) continue;  // ICU has no name: not a usable code
      names[code] = name;
      canonical[code] = code;
      canonical.emplace(to_lower_ascii(name), code);
      const char* iso3 = icu::Locale(code.c_str()).getISO3Language();
      if (iso3 && *iso3 && code.size() == 2) canonical.emplace(iso3, code);
    }
    // ISO 639-2/B bibliographic codes, which differ from the 639-2/T codes ICU returns.
    const std::pair<const char*, const char*> bibliographic[] = {
        {"alb", "sq"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"}, {"chi", "zh"},
        {"cze", "cs"}, {"dut", "nl"}, {"fre", "fr"}, {"geo", "ka"}, {"ger", "de"},
        {"gre", "el"}, {"ice", "is"}, {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"},
        {"per", "fa"}, {"rum", "ro"}, {"slo", "sk"}, {"tib", "bo"}, {"wel", "cy"},
    };
    for (auto [b, c] : bibliographic) canonical.emplace(b, c);
    // Names archives use that differ from ICU's English display names.
    const std::pair<const char*, const char*> aliases[] = {
        {"farsi", "fa"}, {"persian", "fa"}, {"mandarin", "zh"}, {"serbo-croatian", "sh"},
        {"castilian", "es"}, {"flemish", "nl"}, {"moldavian", "ro"},
    };
    for (auto [a, c] : aliases) canonical.emplace(a, c);
    names.emplace("sh", "Serbo-Croatian");
    canonical.emplace("sh", "sh");
  }
};

const LanguageTable& table() {
  static const LanguageTable t;
  return t;
}

}  // namespace

std::optional<std::string> normalize_language(std::string_view code_or_name) {
  std::string key = to_lower_ascii(trim(code_or_name));
  if (key.empty()) return std::nullopt;
  const auto& t = table();
  if (auto it = t.canonical.find(key); it != t.canonical.end()) return it->second;
  return std::nullopt;
}

std::string language_name(std::string_view code) {
  const auto& t = table();
  if (auto it = t.names.find(std::string(code)); it != t.names.end()) return it->second;
  return std::string(code);
}

}  // namespace arkiv::text
