#include "model/authority.h"

#include <algorithm>
#include <set>

#include "base/digest.h"
#include "base/strings.h"
#include "text/fold.h"
#include "text/words.h"

namespace arkiv::model {

using nlohmann::json;

namespace {

// Words that say who someone is, not which one: left out of name keys.
bool is_honorific(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "admiral", "adm",      "rear",     "vice",       "general",  "gen",      "lieutenant", "lt",       "colonel", "col",
      "major",   "maj",      "captain",  "capt",       "commander", "marshal", "sergeant",   "mr",       "mrs",     "miss",
      "ms",      "dr",       "sir",      "lord",       "lady",     "hon",      "honorable",  "president", "secretary", "ambassador",
      "minister", "prime",   "premier",  "senator",    "governor", "judge",    "justice",    "prince",   "count",   "baron",
      "comrade", "monsieur", "m",        "herr",       "signor",   "senor",    "professor",  "prof",     "reverend", "rev",
      "father",  "bishop",   "king",     "queen",      "emperor",  "chairman", "general-secretary", "jr", "sr"};
  return kWords.contains(w);
}

std::vector<std::string> key_words(std::string_view name) {
  std::string folded = text::fold(collapse_spaces(name));
  std::vector<std::string> words;
  for (const text::WordSpan& s : text::word_spans(folded)) {
    std::string w = folded.substr(s.begin, s.end - s.begin);
    words.push_back(std::move(w));
  }
  return words;
}

const json* member(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

// Reads j[key] into `out` when present: a string, or an error naming `path`.
Status read_string(const json& j, const char* key, std::string& out, const std::string& path = "") {
  const json* v = member(j, key);
  if (!v || v->is_null()) return Status::success();
  if (!v->is_string()) return Error::invalid(path + key + ": expected a string");
  out = v->get<std::string>();
  return Status::success();
}

Status check_keys(const json& j, std::initializer_list<const char*> keys, const std::string& path) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::find_if(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }) == keys.end()) {
      return Error::invalid(path + it.key() + ": unknown field");
    }
  }
  return Status::success();
}

}  // namespace

const std::vector<std::string>& authority_kinds() {
  static const std::vector<std::string> kKinds = {"person", "organization", "place", "subject"};
  return kKinds;
}

bool is_authority_kind(std::string_view kind) {
  const auto& k = authority_kinds();
  return std::find(k.begin(), k.end(), kind) != k.end();
}

NameKeys name_keys(std::string_view kind, std::string_view name) {
  NameKeys keys;
  auto kept = [&](std::string_view part) {
    std::vector<std::string> out;
    for (std::string& w : key_words(part)) {
      if (kind == "person" && (is_honorific(w) || w.size() == 1)) continue;
      out.push_back(std::move(w));
    }
    return out;
  };
  if (kind != "person") {
    std::vector<std::string> words = key_words(name);
    std::sort(words.begin(), words.end());
    keys.full = join(words, " ");
    return keys;
  }
  // A person is known by given name and family name; middle names and initials vary between
  // sources ("House, Edward Mandell", "House, Colonel Edward M.", "Edward M. House").
  // "Last, First ..." names the family name first.
  std::string given, surname;
  if (auto comma = name.find(','); comma != std::string_view::npos) {
    std::vector<std::string> before = kept(name.substr(0, comma)), after = kept(name.substr(comma + 1));
    if (!before.empty()) surname = before.back();
    if (!after.empty()) given = after.front();
  } else {
    std::vector<std::string> words = kept(name);
    if (!words.empty()) surname = words.back();
    if (words.size() > 1) given = words.front();
  }
  if (surname.empty()) {  // a name of honorifics or initials only: all of it
    std::vector<std::string> words = key_words(name);
    keys.full = join(words, " ");
    return keys;
  }
  keys.surname = surname;
  if (!given.empty()) keys.full = std::min(given, surname) + " " + std::max(given, surname);
  return keys;
}

// The name's folded ASCII slug; a name in a script the slug does not keep, a digest of it.
static std::string slug_of(std::string_view name) {
  std::string slug = slugify(text::fold(name), 60);
  return slug.empty() ? sha256_hex(std::string(name)).substr(0, 10) : slug;
}

// `base`, or `base-2`, `base-3`... the first that is not taken.
static std::string first_free(const std::string& base, const std::function<bool(const std::string&)>& taken) {
  std::string id = base;
  for (int n = 2; taken(id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

std::string authority_id_for(std::string_view kind, std::string_view name, const std::function<bool(const std::string&)>& taken) {
  return first_free(std::string(kind) + "/" + slug_of(name), taken);
}

std::string collection_key(std::string_view name) {
  std::string slug = slugify(text::fold(name), std::string_view::npos);
  return slug.empty() ? sha256_hex(std::string(name)) : slug;
}

std::string collection_unit_id(std::string_view name, const std::function<bool(const std::string&)>& taken) {
  return first_free("collection/" + slug_of(name), taken);
}

std::string position_key(std::int64_t position) {
  std::string digits = std::to_string(std::max<std::int64_t>(0, position));
  return std::string(digits.size() < 12 ? 12 - digits.size() : 0, '0') + digits;
}

bool is_authority_id(std::string_view id) {
  auto slash = id.find('/');
  if (slash == std::string_view::npos || slash + 1 >= id.size()) return false;
  if (!is_authority_kind(id.substr(0, slash))) return false;
  return std::all_of(id.begin() + static_cast<std::ptrdiff_t>(slash) + 1, id.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; });
}

json to_json(const Authority& a) {
  json variants = json::array();
  for (const NameVariant& v : a.variants) variants.push_back({{"name", v.name}, {"script", v.script}, {"scheme", v.scheme}});
  json ids = json::array();
  for (const AuthorityIdentifier& i : a.identifiers) ids.push_back({{"scheme", i.scheme}, {"value", i.value}});
  return {{"type", "authority"}, {"id", a.id},     {"kind", a.kind},          {"name", a.name},
          {"variants", variants}, {"dates", a.dates}, {"note", a.note}, {"identifiers", ids}, {"broader", a.broader}};
}

json to_json(const Unit& u) {
  return {{"type", "unit"},       {"id", u.id},       {"level", u.level},           {"parent", u.parent},
          {"position", u.position}, {"title", u.title}, {"scope_note", u.scope_note}, {"dates", u.dates}};
}

json to_json(const AuthorityRedirect& r) { return {{"type", "authority_redirect"}, {"from", r.from}, {"to", r.to}}; }

Result<AuthorityRedirect> redirect_from_json(const json& j) {
  if (!j.is_object()) return Error::invalid("authority_redirect: expected a JSON object");
  if (Status s = check_keys(j, {"type", "from", "to"}, ""); !s) return s.error();
  AuthorityRedirect r;
  for (Status s : {read_string(j, "from", r.from), read_string(j, "to", r.to)}) {
    if (!s) return s.error();
  }
  for (const auto& [field, id] : {std::pair{"from", &r.from}, {"to", &r.to}}) {
    if (!is_authority_id(*id)) return Error::invalid(std::string(field) + ": expected an authority id ('person/<slug>'), got '" + *id + "'");
  }
  if (r.from == r.to) return Error::invalid("to: an authority cannot redirect to itself ('" + r.from + "')");
  if (r.from.substr(0, r.from.find('/')) != r.to.substr(0, r.to.find('/'))) {
    return Error::invalid("to: '" + r.to + "' is not of the kind of '" + r.from + "'");
  }
  return r;
}

Result<Authority> authority_from_json(const json& j, bool check) {
  if (!j.is_object()) return Error::invalid("authority: expected a JSON object");
  if (Status s = check_keys(j, {"type", "id", "kind", "name", "variants", "dates", "note", "identifiers", "broader"}, ""); !s) return s.error();
  Authority a;
  for (Status s : {read_string(j, "id", a.id), read_string(j, "kind", a.kind), read_string(j, "name", a.name),
                   read_string(j, "dates", a.dates), read_string(j, "note", a.note)}) {
    if (!s) return s.error();
  }
  if (const json* vs = member(j, "variants")) {
    if (!vs->is_array()) return Error::invalid("variants: expected an array");
    for (std::size_t i = 0; i < vs->size(); ++i) {
      std::string path = "variants[" + std::to_string(i) + "].";
      const json& vj = (*vs)[i];
      if (!vj.is_object()) return Error::invalid(path.substr(0, path.size() - 1) + ": expected an object");
      if (Status s = check_keys(vj, {"name", "script", "scheme"}, path); !s) return s.error();
      NameVariant v;
      for (Status s : {read_string(vj, "name", v.name, path), read_string(vj, "script", v.script, path),
                       read_string(vj, "scheme", v.scheme, path)}) {
        if (!s) return s.error();
      }
      a.variants.push_back(std::move(v));
    }
  }
  if (const json* is = member(j, "identifiers")) {
    if (!is->is_array()) return Error::invalid("identifiers: expected an array");
    for (std::size_t i = 0; i < is->size(); ++i) {
      std::string path = "identifiers[" + std::to_string(i) + "].";
      const json& ij = (*is)[i];
      if (!ij.is_object()) return Error::invalid(path.substr(0, path.size() - 1) + ": expected an object");
      if (Status s = check_keys(ij, {"scheme", "value"}, path); !s) return s.error();
      AuthorityIdentifier id;
      for (Status s : {read_string(ij, "scheme", id.scheme, path), read_string(ij, "value", id.value, path)}) {
        if (!s) return s.error();
      }
      a.identifiers.push_back(std::move(id));
    }
  }
  if (const json* bs = member(j, "broader")) {
    if (!bs->is_array()) return Error::invalid("broader: expected an array");
    for (const json& b : *bs) {
      if (!b.is_string()) return Error::invalid("broader: expected strings");
      a.broader.push_back(b.get<std::string>());
    }
  }
  if (check) {
    if (Status s = validate(a); !s) return s.error();
  }
  return a;
}

Result<Unit> unit_from_json(const json& j) {
  if (!j.is_object()) return Error::invalid("unit: expected a JSON object");
  if (Status s = check_keys(j, {"type", "id", "level", "parent", "position", "title", "scope_note", "dates"}, ""); !s) return s.error();
  Unit u;
  for (Status s : {read_string(j, "id", u.id), read_string(j, "level", u.level), read_string(j, "parent", u.parent),
                   read_string(j, "title", u.title), read_string(j, "scope_note", u.scope_note), read_string(j, "dates", u.dates)}) {
    if (!s) return s.error();
  }
  if (const json* p = member(j, "position")) {
    if (!p->is_number_integer()) return Error::invalid("position: expected an integer");
    u.position = p->get<std::int64_t>();
  }
  if (Status s = validate(u); !s) return s.error();
  return u;
}

Status validate(const Authority& a) {
  if (!is_authority_kind(a.kind)) return Error::invalid("kind: expected person, organization, place or subject, got '" + a.kind + "'");
  if (trim(a.name).empty()) return Error::invalid("name: an authority needs a preferred name");
  if (!is_authority_id(a.id) || !a.id.starts_with(a.kind + "/")) {
    return Error::invalid("id: expected '" + a.kind + "/<letters, digits, - _ .>', got '" + a.id + "'");
  }
  for (std::size_t i = 0; i < a.variants.size(); ++i) {
    if (trim(a.variants[i].name).empty()) return Error::invalid("variants[" + std::to_string(i) + "].name: empty");
  }
  if (!a.broader.empty() && a.kind != "subject") return Error::invalid("broader: only subjects have broader terms");
  for (const std::string& b : a.broader) {
    if (!b.starts_with("subject/") || !is_authority_id(b)) return Error::invalid("broader: '" + b + "' is not a subject's id");
    if (b == a.id) return Error::invalid("broader: a subject cannot be broader than itself");
  }
  return Status::success();
}

Status validate(const Unit& u) {
  if (u.id.empty() || u.id.size() > 300) return Error::invalid("id: a unit needs an id of at most 300 bytes");
  if (u.level != "collection" && u.level != "series") return Error::invalid("level: expected collection or series, got '" + u.level + "'");
  if ((u.level == "collection") != u.parent.empty()) return Error::invalid("parent: a collection has none, a series has one");
  if (u.parent == u.id) return Error::invalid("parent: a unit cannot contain itself");
  if (trim(u.title).empty()) return Error::invalid("title: a unit needs a title");
  return Status::success();
}

}  // namespace arkiv::model
