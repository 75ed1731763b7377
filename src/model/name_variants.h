// Names across spellings and scripts: groups of forms of one name ("Kim Il Sung", "Kim Il-sung",
// "Kim Ir Sen", "김일성", "金日成"), read from the table archivists extend
// (data/name-variants.tsv, embedded in the binary) and, later, from the catalog's authority
// records. The search layer takes a NameVariants as a plain value (archive::Archive::
// set_name_variants) and expands a query's run of words that equals a form into every form of
// its group (docs/index-terms.md, "Names across scripts"). Pure: no I/O but load_name_variants.
//
// Table format (UTF-8; `#` comments and blank lines ignored), one variant per line:
//   kind<TAB>preferred<TAB>variant<TAB>script<TAB>scheme
// kind: person | organization | place | subject. Lines with the same kind and preferred name
// form one group, and the preferred name is itself a member. script: a BCP 47 tag (`ko-Hang`,
// `zh-Hans`, `ru-Cyrl`, `sq`, `en`). scheme: optional (`pinyin`, `wade-giles`,
// `mccune-reischauer`, `revised-romanization`, `postal`, `gost`...), lower case.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace arkiv::model {

enum class NameKind { kPerson, kOrganization, kPlace, kSubject };

// "person", "organization", "place", "subject"; nullopt for anything else.
std::optional<NameKind> parse_name_kind(std::string_view s);
std::string_view name_kind_name(NameKind k);

struct NameForm {
  std::string text;    // as written: "Kim Il-sung", "김일성"
  std::string script;  // BCP 47 tag: "ko-Hang"; "" for a preferred name no line gives a tag
  std::string scheme;  // transliteration scheme, or ""
};

struct NameGroup {
  NameKind kind = NameKind::kPerson;
  std::string preferred;
  std::vector<NameForm> forms;  // the preferred name first, then the variants in table order
};

// The key forms are compared by: folded (case, diacritics), words split at anything that is
// not a letter or digit (hyphens, apostrophes, dots), each CJK or Hangul character a word of
// its own, joined by single spaces. "Kim Il-sung" -> "kim il sung", "P'yŏngyang" ->
// "p yongyang", "김일성" -> "김 일 성".
std::string name_key(std::string_view name);

class NameVariants {
 public:
  // At most this many forms in one group (a table with more is refused).
  static constexpr std::size_t kMaxForms = 64;

  NameVariants() = default;
  explicit NameVariants(std::vector<NameGroup> groups);

  const std::vector<NameGroup>& groups() const { return groups_; }
  bool empty() const { return groups_.empty(); }
  // The groups that have a form with this key (name_key), in table order.
  std::vector<const NameGroup*> find(std::string_view key) const;
  // The most words (name_key words) any form has: how far a query scan looks ahead.
  std::size_t max_words() const { return max_words_; }
  // Changes whenever the groups do: for cache keys.
  const std::string& digest() const { return digest_; }

 private:
  std::vector<NameGroup> groups_;
  std::unordered_multimap<std::string, std::size_t> by_key_;
  std::size_t max_words_ = 0;
  std::string digest_;
};

// Parses a variant table. A malformed line (wrong column count, unknown kind, empty name, bad
// script tag or scheme, a variant listed twice for one group, a group past kMaxForms) refuses
// the whole table: kInvalidInput "SOURCE line N: ...: expected ...". `source` names the table
// in messages.
Result<NameVariants> parse_name_variants(std::string_view tsv, std::string_view source);
// Reads and parses the table at `path` (at most 16 MiB). kNotFound / kIo when unreadable.
Result<NameVariants> load_name_variants(const std::string& path);
// The table shipped with arkiv (data/name-variants.tsv, embedded at build time), parsed once.
std::shared_ptr<const NameVariants> shipped_name_variants();
// The embedded table's text.
std::string_view shipped_name_variants_text();

}  // namespace arkiv::model
