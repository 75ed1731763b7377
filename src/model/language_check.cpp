#include "model/language_check.h"

#include <algorithm>

#include "text/language_guess.h"

namespace arkiv::model {

std::vector<LanguageFinding> check_languages(const Document& doc) {
  std::vector<LanguageFinding> out;
  for (std::size_t i = 0; i < doc.contents.size(); ++i) {
    const Content& c = doc.contents[i];
    if (!c.declared_language.empty()) {
      out.push_back({i, c.declared_language, c.language, true});
      continue;
    }
    if (!c.in_export || c.text.empty() || c.language.empty()) continue;  // nothing declared to check
    auto guess = text::guess_language(c.text);
    if (guess && *guess != c.language) out.push_back({i, c.language, *guess, false});
  }
  return out;
}

std::vector<LanguageFinding> apply_language_check(Document& doc) {
  std::vector<LanguageFinding> out;
  for (LanguageFinding f : check_languages(doc)) {
    if (f.relabelled) continue;  // set aside by the importer, which has said so
    Content& c = doc.contents[f.content];
    if (!c.language.empty() && text::can_guess_language(c.language)) {
      c.declared_language = c.language;
      c.language = f.detected;
      f.relabelled = true;
      // An original in another language than declared: the document's language is that one.
      if (c.kind == "original") {
        auto& langs = doc.original_languages;
        std::replace(langs.begin(), langs.end(), f.declared, f.detected);
        for (std::size_t k = 1; k < langs.size(); ++k) {
          if (std::find(langs.begin(), langs.begin() + static_cast<long>(k), langs[k]) != langs.begin() + static_cast<long>(k)) {
            langs.erase(langs.begin() + static_cast<long>(k--));
          }
        }
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace arkiv::model
