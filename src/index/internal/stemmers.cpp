#include "index/internal/stemmers.h"

#include <map>

namespace arkiv::index {

namespace {

class IdentityStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return word; }
  std::string get_description() const override { return "identity"; }
};

}  // namespace

Xapian::Stem stemmer_for(const std::string& language) {
  static thread_local std::map<std::string, Xapian::Stem> cache;
  auto it = cache.find(language);
  if (it != cache.end()) return it->second;
  Xapian::Stem stem;
  try {
    stem = Xapian::Stem(language);
  } catch (const Xapian::InvalidArgumentError&) {
  }
  if (stem.is_none()) stem = Xapian::Stem(new IdentityStem());
  cache.emplace(language, stem);
  return stem;
}

bool has_snowball_stemmer(const std::string& language) {
  try {
    return !language.empty() && !Xapian::Stem(language).is_none();
  } catch (const Xapian::InvalidArgumentError&) {
    return false;
  }
}

}  // namespace arkiv::index
