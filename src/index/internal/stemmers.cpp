#include "index/internal/stemmers.h"

#include <map>

#include "text/albanian_stemmer.h"

namespace arkiv::index {

namespace {

class IdentityStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return word; }
  std::string get_description() const override { return "identity"; }
};

// Snowball has no Albanian stemmer.
class AlbanianStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return text::albanian_stem(word); }
  std::string get_description() const override { return "arkiv-albanian"; }
};

Xapian::Stem make_stemmer(const std::string& language) {
  if (language == "sq") return Xapian::Stem(new AlbanianStem());
  try {
    if (!language.empty()) return Xapian::Stem(language);
  } catch (const Xapian::InvalidArgumentError&) {
  }
  return Xapian::Stem();
}

}  // namespace

Xapian::Stem stemmer_for(const std::string& language) {
  static thread_local std::map<std::string, Xapian::Stem> cache;
  auto it = cache.find(language);
  if (it != cache.end()) return it->second;
  Xapian::Stem stem = make_stemmer(language);
  if (stem.is_none()) stem = Xapian::Stem(new IdentityStem());
  cache.emplace(language, stem);
  return stem;
}

bool has_stemmer(const std::string& language) { return !make_stemmer(language).is_none(); }

}  // namespace arkiv::index
