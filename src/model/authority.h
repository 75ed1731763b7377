// Authority records and arrangement: the controlled names records link to (people,
// organisations, places, subjects; ISAAR(CPF)-like) and the levels records are arranged in
// (collection -> series -> sub-series; a record is an item placed in one or more of them).
// Plain value types and the pure rules on them: the kinds, name keys for matching, ids, and
// their JSON forms (a line of an export: {"type": "authority" | "unit" | "authority_redirect", ...}).
// See docs/authorities.md. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "model/document.h"

namespace arkiv::model {

// The record fields whose values link to authorities, each with the authority kind it takes.
// "person" -> "person", "organization" -> "organization", "place" -> "place",
// "subject" -> "subject". Empty for any other field.
const std::vector<std::string>& authority_kinds();
bool is_authority_kind(std::string_view kind);

struct NameVariant {
  std::string name;    // as written: "김일성", "Kim Ir Sen"
  std::string script;  // BCP 47 language/script tag: "ko-Hang", "de"; "" when not known
  std::string scheme;  // transliteration scheme: "mccune-reischauer"; "" when not one
  bool operator==(const NameVariant&) const = default;
};

struct AuthorityIdentifier {
  std::string scheme;  // "wikidata", "viaf", "geonames", "frus" (a FRUS list of persons entry)
  std::string value;   // "Q1234", "frus1919Parisv01#p_LR1"
  bool operator==(const AuthorityIdentifier&) const = default;
};

struct Authority {
  std::string id;    // "<kind>/<slug>": "person/lansing-robert"
  std::string kind;  // one of authority_kinds()
  std::string name;  // preferred name
  std::vector<NameVariant> variants;
  std::string dates;  // life or existence, as written: "1864-1928"
  std::string note;   // a short note: "Secretary of State"
  std::vector<AuthorityIdentifier> identifiers;
  std::vector<std::string> broader;  // subjects: ids of broader terms (narrower ones are derived)
  bool operator==(const Authority&) const = default;
};

// A level of arrangement: a collection (no parent) or a series / sub-series in one.
struct Unit {
  std::string id;      // "frus1919Parisv01", "frus1919Parisv01/ch3", "collection/albania-north-korea"
  std::string level;   // "collection", "series"
  std::string parent;  // "" for a collection
  std::int64_t position = 0;  // order among its parent's units
  std::string title;
  std::string scope_note;  // its description
  std::string dates;       // as written: "1918", "January 21–April 22, 1930"
  bool operator==(const Unit&) const = default;
};

// An authority merged into another: links and pages of `from` go to `to` (arkiv authority
// merge). Kept in the export, so that a restored archive still answers the old id.
struct AuthorityRedirect {
  std::string from;  // the merged authority's id
  std::string to;    // the authority it was merged into
  bool operator==(const AuthorityRedirect&) const = default;
};

// Name keys used to match a written name to authorities, all folded (case, diacritics),
// without punctuation, honorifics ("Admiral", "Col.", "Mr.") or initials:
//   full: a person's given and family names, sorted, middle names left out ("House, Edward
//     Mandell", "House, Colonel Edward M." and "Edward M. House" -> "edward house"); for the
//     other kinds every word, sorted ("North Korea" -> "korea north")
//   surname: persons only, the family name ("House, ..." -> "house"; "Edward House" -> "house")
// A one-word person's name has only a surname key.
struct NameKeys {
  std::string full;
  std::string surname;
};
NameKeys name_keys(std::string_view kind, std::string_view name);

// A new authority id for `name` of `kind` ("person/lansing-robert"); `taken` says which ids
// exist, and a number is appended until one is free.
std::string authority_id_for(std::string_view kind, std::string_view name, const std::function<bool(const std::string&)>& taken);
// Collections made from a record's collection names. Names with the same key are one
// collection (case, diacritics and punctuation aside: the whole folded name, never cut short);
// a new collection's unit id is "collection/<slug>", numbered like authority ids when the slug
// (cut at 60 characters) is taken, so that two long names that begin alike stay two collections.
std::string collection_key(std::string_view name);
std::string collection_unit_id(std::string_view name, const std::function<bool(const std::string&)>& taken);
// A placement's position as it sorts in keys (the catalog's memberships.sort_key, the index's
// collection order): 12 digits, zero-padded; negative positions sort as 0.
std::string position_key(std::int64_t position);

// "person/lansing-robert" -> true; ids are "<kind>/<slug>" with a known kind.
bool is_authority_id(std::string_view id);

nlohmann::json to_json(const Authority& a);  // with "type": "authority"
nlohmann::json to_json(const Unit& u);       // with "type": "unit"
nlohmann::json to_json(const AuthorityRedirect& r);  // with "type": "authority_redirect"
// Errors name the field ("variants[1].name: expected a string").
// `check`: validate() it too; an importer's own authority (a local id such as
// "frus:<volume>#<person>", before the import maps it) is read without.
Result<Authority> authority_from_json(const nlohmann::json& j, bool check = true);
Result<Unit> unit_from_json(const nlohmann::json& j);
// Both ids authority ids of one kind, and different.
Result<AuthorityRedirect> redirect_from_json(const nlohmann::json& j);
// Checks an authority: a known kind, a name, an id of its kind, subjects only with broader terms.
Status validate(const Authority& a);
Status validate(const Unit& u);

}  // namespace arkiv::model
