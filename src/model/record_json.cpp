#include "model/record_json.h"

#include "model/authority.h"

#include "model/field_limits.h"

#include <algorithm>

#include "base/strings.h"
#include "model/date_json.h"
#include "model/fields.h"
#include "model/lifecycle.h"
#include "text/language.h"

namespace arkiv::model {

using nlohmann::json;

namespace {

json string_list(const std::vector<std::string>& v) { return json(v); }

// Reads JSON field by field, remembering the first error with its path.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  bool failed() const { return error_.has_value(); }
  const Error& error() const { return *error_; }

  void fail(const std::string& field, const std::string& what) {
    if (!error_) error_ = Error::invalid((path_.empty() ? "" : path_ + ".") + field + ": " + what);
  }

  void object_keys(const json& j, std::initializer_list<const char*> allowed) {
    object_keys(j, std::vector<std::string>(allowed.begin(), allowed.end()));
  }
  void object_keys(const json& j, const std::vector<std::string>& allowed) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) fail(it.key(), "unknown field");
    }
  }

  void str(const json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) return fail(key, std::string("expected a string, got ") + it->type_name());
    out = it->get<std::string>();
  }

  void boolean(const json& j, const char* key, bool& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_boolean()) return fail(key, std::string("expected true or false, got ") + it->type_name());
    out = it->get<bool>();
  }

  void size(const json& j, const char* key, std::size_t& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_number_unsigned()) return fail(key, "expected a non-negative integer");
    out = it->get<std::size_t>();
  }

  void strings(const json& j, const char* key, std::vector<std::string>& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_array()) return fail(key, std::string("expected an array of strings, got ") + it->type_name());
    for (std::size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string()) return fail(std::string(key) + "[" + std::to_string(i) + "]", "expected a string");
      out.push_back((*it)[i].get<std::string>());
    }
  }

  const json* array(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return nullptr;
    if (!it->is_array()) {
      fail(key, std::string("expected an array, got ") + it->type_name());
      return nullptr;
    }
    return &*it;
  }

  const json* object(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return nullptr;
    if (!it->is_object()) {
      fail(key, std::string("expected an object, got ") + it->type_name());
      return nullptr;
    }
    return &*it;
  }

 private:
  std::string path_;
  std::optional<Error> error_;
};

}  // namespace

namespace {

json contents_json(const Document& d) {
  json contents = json::array();
  for (const Content& c : d.contents) {
    json notes = json::array();
    for (const Note& n : c.notes) notes.push_back({{"offset", n.offset}, {"label", n.label}, {"text", n.text}});
    contents.push_back({{"kind", c.kind},
                        {"language", c.language},
                        {"translator", c.translator},
                        {"title", c.title},
                        {"text", c.text},
                        {"notes", notes},
                        {"label", c.label},
                        {"declared_language", c.declared_language},
                        {"in_export", c.in_export}});
  }
  return contents;
}

json gaps_json(const Document& d) {
  json gaps = json::array();
  for (const Gap& g : d.gaps) gaps.push_back({{"content", g.content}, {"offset", g.offset}, {"text", g.text}, {"kind", g.kind}});
  return gaps;
}

json parts_json(const Document& d) {
  json parts = json::array();
  for (const Part& p : d.parts) {
    parts.push_back({{"content", p.content}, {"offset", p.offset}, {"anchor", p.anchor}, {"heading", p.heading},
                     {"date", p.date}, {"source_note", p.source_note}, {"signature", p.signature}});
  }
  return parts;
}

json unread_json(const Document& d) {
  json unread = json::array();
  for (const UnreadField& u : d.unread) unread.push_back({{"field", u.field}, {"text", u.text}});
  return unread;
}

json links_json(const Document& d) {
  json links = json::array();
  for (const NameLink& l : d.links) links.push_back({{"field", l.field}, {"form", l.form}, {"authority", l.authority}});
  return links;
}

json arrangement_json(const Document& d) {
  json places = json::array();
  for (const Placement& p : d.arrangement) places.push_back({{"unit", p.unit}, {"position", p.position}, {"number", p.number}});
  return places;
}

json citation_json(const Citation& c) {
  json out = json::object();
  for (const CitationPart& p : citation_parts()) {
    if (!p.optional || !(c.*p.member).empty()) out[p.key] = c.*p.member;
  }
  return out;
}

// The structured fields' JSON, by key; simple fields come from the registry.
json structured_json(const Document& d, std::string_view key) {
  if (key == "date") return date_to_json(d.date);
  if (key == "citation") return citation_json(d.citation);
  if (key == "contents") return contents_json(d);
  if (key == "gaps") return gaps_json(d);
  if (key == "parts") return parts_json(d);
  if (key == "unread") return unread_json(d);
  if (key == "links") return links_json(d);
  if (key == "arrangement") return arrangement_json(d);
  return nullptr;
}

}  // namespace

const std::vector<CitationPart>& citation_parts() {
  static const std::vector<CitationPart> parts = {
      {"text", "Citation as written", &Citation::text, false},
      {"repository", "Repository", &Citation::repository, false},
      {"reference", "Archival reference", &Citation::reference, false},
      {"url", "Source address", &Citation::url, false},
      {"publisher", "Publisher", &Citation::publisher, false},
      {"translator", "Translator", &Citation::translator, false},
      {"author", "Author (sender)", &Citation::author, true},
      {"volume", "Published in (volume)", &Citation::volume, true},
      {"number", "Document number", &Citation::number, true},
      {"pages", "Pages", &Citation::pages, true},
      {"place", "Place of publication", &Citation::place, true},
      {"year", "Year of publication", &Citation::year, true},
  };
  return parts;
}

json to_json(const Document& d) {
  json out = json::object();
  for (const Field& f : fields()) {
    if (!f.is(kJson)) continue;
    std::string key(f.json_key);
    if (f.is(kStaff) && f.text && (d.*f.text).empty()) continue;  // only when set: old exports stay byte-identical
    json value = f.text ? json(d.*f.text) : f.list ? string_list(d.*f.list) : structured_json(d, f.json_key);
    if (f.is(kSparse) && value.empty()) continue;  // the same
    out[key] = std::move(value);
  }
  return out;
}

std::string to_json_line(const Document& doc) {
  return to_json(doc).dump(-1, ' ', false, json::error_handler_t::replace);
}

json to_json(const Provenance& p) {
  return {{"source_path", p.source_path}, {"format", p.format}, {"sha256", p.sha256},
          {"imported_at", p.imported_at}};
}

namespace {

// Stage: the simple fields, straight from the registry.
void read_simple_fields(Reader& r, const json& j, Document& d) {
  std::vector<std::string> keys;
  for (const Field& f : fields()) {
    if (f.is(kJson)) keys.emplace_back(f.json_key);
  }
  keys.emplace_back("provenance");  // from `show --json`: accepted and ignored
  r.object_keys(j, keys);
  for (const Field& f : fields()) {
    if (!f.is(kJson)) continue;
    std::string key(f.json_key);
    if (f.text) r.str(j, key.c_str(), d.*f.text);
    else if (f.list) r.strings(j, key.c_str(), d.*f.list);
  }
}

// Stage: "date" may be a plain string ("4 March 1966") or the full object (model/date_json.h).
Status read_date(Reader&, const json& j, DateRange& date) {
  auto it = j.find("date");
  if (it == j.end() || it->is_null()) return Status::success();
  // Bounded before it is parsed: one absurd value costs its record (model/field_limits.h).
  if (it->is_string()) {
    if (Status size = check_field_size("date", it->get_ref<const std::string&>(), kMaxDateBytes); !size) return size;
  } else if (auto display = it->is_object() ? it->find("display") : it->end(); it->is_object() && display != it->end() && display->is_string()) {
    if (Status size = check_field_size("date.display", display->get_ref<const std::string&>(), kMaxDateBytes); !size) return size;
  }
  auto parsed = date_from_json(*it);
  if (!parsed) return parsed.error();
  date = std::move(*parsed);
  return Status::success();
}

// Stage: the citation object.
Status read_citation(Reader& r, const json& j, Citation& c) {
  const json* cj = r.object(j, "citation");
  if (!cj) return Status::success();
  Reader cr("citation");
  std::vector<std::string> keys;
  for (const CitationPart& p : citation_parts()) keys.emplace_back(p.key);
  cr.object_keys(*cj, keys);
  for (const CitationPart& p : citation_parts()) cr.str(*cj, p.key, c.*p.member);
  if (cr.failed()) return cr.error();
  return Status::success();
}

Result<Note> read_note(const json& nj, const std::string& path) {
  Reader nr(path);
  Note n;
  nr.size(nj, "offset", n.offset);
  nr.str(nj, "label", n.label);
  nr.str(nj, "text", n.text);
  if (nr.failed()) return nr.error();
  return n;
}

// Stage: one version of the text, with its notes.
Result<Content> read_content(const json& cj, const std::string& path) {
  if (!cj.is_object()) return Error::invalid(path + ": expected an object");
  Reader cr(path);
  cr.object_keys(cj, {"kind", "language", "translator", "title", "text", "notes", "label", "declared_language", "in_export"});
  Content c;
  cr.str(cj, "kind", c.kind);
  cr.str(cj, "language", c.language);
  cr.str(cj, "translator", c.translator);
  cr.str(cj, "title", c.title);
  cr.str(cj, "text", c.text);
  cr.str(cj, "label", c.label);
  cr.str(cj, "declared_language", c.declared_language);
  cr.boolean(cj, "in_export", c.in_export);
  if (const json* ns = cr.array(cj, "notes")) {
    for (std::size_t k = 0; k < ns->size(); ++k) {
      auto n = read_note((*ns)[k], path + ".notes[" + std::to_string(k) + "]");
      if (!n) return n.error();
      c.notes.push_back(std::move(n).value());
    }
  }
  if (cr.failed()) return cr.error();
  return c;
}

Status read_contents(Reader& r, const json& j, std::vector<Content>& out) {
  const json* cs = r.array(j, "contents");
  if (!cs) return Status::success();
  for (std::size_t i = 0; i < cs->size(); ++i) {
    auto c = read_content((*cs)[i], "contents[" + std::to_string(i) + "]");
    if (!c) return c.error();
    out.push_back(std::move(c).value());
  }
  return Status::success();
}

Status read_gaps(Reader& r, const json& j, std::vector<Gap>& out) {
  const json* gs = r.array(j, "gaps");
  if (!gs) return Status::success();
  for (std::size_t i = 0; i < gs->size(); ++i) {
    Reader gr("gaps[" + std::to_string(i) + "]");
    Gap g;
    gr.size((*gs)[i], "content", g.content);
    gr.size((*gs)[i], "offset", g.offset);
    gr.str((*gs)[i], "text", g.text);
    g.kind.clear();
    gr.str((*gs)[i], "kind", g.kind);
    if (g.kind.empty()) g.kind = gap_kind_of(g.text);  // records written before gaps had kinds
    if (gr.failed()) return gr.error();
    out.push_back(std::move(g));
  }
  return Status::success();
}

// Stage: attachments and enclosures, each a part of a version's text.
Status read_parts(Reader& r, const json& j, std::vector<Part>& out) {
  const json* ps = r.array(j, "parts");
  if (!ps) return Status::success();
  for (std::size_t i = 0; i < ps->size(); ++i) {
    Reader pr("parts[" + std::to_string(i) + "]");
    const json& pj = (*ps)[i];
    if (!pj.is_object()) return Error::invalid("parts[" + std::to_string(i) + "]: expected an object");
    pr.object_keys(pj, {"content", "offset", "anchor", "heading", "date", "source_note", "signature"});
    Part p;
    pr.size(pj, "content", p.content);
    pr.size(pj, "offset", p.offset);
    pr.str(pj, "anchor", p.anchor);
    pr.str(pj, "heading", p.heading);
    pr.str(pj, "date", p.date);
    pr.str(pj, "source_note", p.source_note);
    pr.str(pj, "signature", p.signature);
    if (pr.failed()) return pr.error();
    out.push_back(std::move(p));
  }
  return Status::success();
}

// Stage: fields of the source that arkiv could not read, kept verbatim.
Status read_unread(Reader& r, const json& j, std::vector<UnreadField>& out) {
  const json* us = r.array(j, "unread");
  if (!us) return Status::success();
  for (std::size_t i = 0; i < us->size(); ++i) {
    Reader ur("unread[" + std::to_string(i) + "]");
    if (!(*us)[i].is_object()) return Error::invalid("unread[" + std::to_string(i) + "]: expected an object");
    ur.object_keys((*us)[i], {"field", "text"});
    UnreadField u;
    ur.str((*us)[i], "field", u.field);
    ur.str((*us)[i], "text", u.text);
    if (ur.failed()) return ur.error();
    out.push_back(std::move(u));
  }
  return Status::success();
}

// Stage: links from name values to authorities (model/authority.h).
Status read_links(Reader& r, const json& j, std::vector<NameLink>& out) {
  const json* ls = r.array(j, "links");
  if (!ls) return Status::success();
  for (std::size_t i = 0; i < ls->size(); ++i) {
    Reader lr("links[" + std::to_string(i) + "]");
    if (!(*ls)[i].is_object()) return Error::invalid("links[" + std::to_string(i) + "]: expected an object");
    lr.object_keys((*ls)[i], {"field", "form", "authority"});
    NameLink l;
    lr.str((*ls)[i], "field", l.field);
    lr.str((*ls)[i], "form", l.form);
    lr.str((*ls)[i], "authority", l.authority);
    if (lr.failed()) return lr.error();
    out.push_back(std::move(l));
  }
  return Status::success();
}

// Stage: the record's places in the arrangement.
Status read_arrangement(Reader& r, const json& j, std::vector<Placement>& out) {
  const json* ps = r.array(j, "arrangement");
  if (!ps) return Status::success();
  for (std::size_t i = 0; i < ps->size(); ++i) {
    std::string path = "arrangement[" + std::to_string(i) + "]";
    const json& pj = (*ps)[i];
    if (!pj.is_object()) return Error::invalid(path + ": expected an object");
    Reader pr(path);
    pr.object_keys(pj, {"unit", "position", "number"});
    Placement p;
    pr.str(pj, "unit", p.unit);
    pr.str(pj, "number", p.number);
    if (pr.failed()) return pr.error();
    if (auto it = pj.find("position"); it != pj.end()) {
      if (!it->is_number_integer()) return Error::invalid(path + ".position: expected an integer");
      p.position = it->get<std::int64_t>();
    }
    out.push_back(std::move(p));
  }
  return Status::success();
}

}  // namespace

Result<Document> from_json(const json& j) {
  if (!j.is_object()) return Error::invalid(std::string("expected a JSON object, got ") + j.type_name());
  Document d;
  Reader r("");
  read_simple_fields(r, j, d);
  for (Status s : {read_date(r, j, d.date), read_citation(r, j, d.citation), read_contents(r, j, d.contents),
                   read_gaps(r, j, d.gaps), read_parts(r, j, d.parts), read_unread(r, j, d.unread), read_links(r, j, d.links),
                   read_arrangement(r, j, d.arrangement)}) {
    if (!s) return s.error();
  }
  if (r.failed()) return r.error();
  if (Status s = validate(d); !s) return s.error();
  return d;
}

Status validate(Document& d) {
  if (Status s = check_field_sizes(d); !s) return s;
  if (trim(d.id).empty()) return Error::invalid("id: missing; every record needs an identifier");
  if (d.id.size() > 200) return Error::invalid("id: longer than 200 bytes");
  for (char c : d.id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '?' || c == '#' || c == '\\') {
      return Error::invalid("id '" + d.id + "': control characters, '?', '#' and '\\' are not allowed");
    }
  }
  if (trim(d.title).empty()) return Error::invalid("title: missing; every record needs a title");
  if (Status s = validate_date(d.date); !s) return s;
  if (Status s = validate_lifecycle(d); !s) return s;
  for (std::size_t i = 0; i < d.original_languages.size(); ++i) {
    auto code = text::normalize_language(d.original_languages[i]);
    if (!code) return Error::invalid("original_languages[" + std::to_string(i) + "]: unknown language code '" + d.original_languages[i] + "' (expected ISO 639-1 or 639-3)");
    d.original_languages[i] = *code;
  }
  for (std::size_t i = 0; i < d.contents.size(); ++i) {
    Content& c = d.contents[i];
    std::string path = "contents[" + std::to_string(i) + "]";
    if (c.kind != "original" && c.kind != "transcript" && c.kind != "translation") {
      return Error::invalid(path + ".kind: '" + c.kind + "', expected original, transcript or translation");
    }
    if (!c.language.empty()) {
      auto code = text::normalize_language(c.language);
      if (!code) return Error::invalid(path + ".language: unknown language code '" + c.language + "' (expected ISO 639-1 or 639-3)");
      c.language = *code;
    }
    std::size_t len = utf8_length(c.text);
    for (const Note& n : c.notes) {
      if (n.offset > len) return Error::invalid(path + ".notes: offset " + std::to_string(n.offset) + " is past the end of the text");
    }
  }
  for (std::size_t i = 0; i < d.gaps.size(); ++i) {
    const Gap& g = d.gaps[i];
    std::string path = "gaps[" + std::to_string(i) + "]";
    if (g.content >= d.contents.size()) return Error::invalid(path + ".content: no content " + std::to_string(g.content));
    if (g.offset > utf8_length(d.contents[g.content].text)) return Error::invalid(path + ".offset: past the end of the text");
    const auto& kinds = gap_kinds();
    if (std::find(kinds.begin(), kinds.end(), g.kind) == kinds.end()) {
      return Error::invalid(path + ".kind: '" + g.kind + "', expected omission, garbled, illegible or editorial");
    }
  }
  for (std::size_t i = 0; i < d.parts.size(); ++i) {
    const Part& p = d.parts[i];
    std::string path = "parts[" + std::to_string(i) + "]";
    if (p.content >= d.contents.size()) return Error::invalid(path + ".content: no content " + std::to_string(p.content));
    if (p.offset > utf8_length(d.contents[p.content].text)) return Error::invalid(path + ".offset: past the end of the text");
    if (trim(p.anchor).empty()) return Error::invalid(path + ".anchor: missing; a part needs an anchor to be cited");
  }
  for (std::size_t i = 0; i < d.links.size(); ++i) {
    const NameLink& l = d.links[i];
    std::string path = "links[" + std::to_string(i) + "]";
    const Field* f = is_authority_kind(l.field) ? find_field(l.field) : nullptr;
    if (!f || !f->list) return Error::invalid(path + ".field: '" + l.field + "', expected person, organization, place or subject");
    const auto& values = d.*f->list;
    if (std::find(values.begin(), values.end(), l.form) == values.end()) {
      return Error::invalid(path + ".form: '" + l.form + "' is not one of the record's " + std::string(f->json_key));
    }
    // An importer's own reference ("frus:<volume>#<person>") until the import maps it to the
    // archive's authority id (archive/internal/name_linker.h).
    if (trim(l.authority).empty() || l.authority.size() > 300) {
      return Error::invalid(path + ".authority: expected the id of a " + l.field + " authority");
    }
  }
  for (std::size_t i = 0; i < d.arrangement.size(); ++i) {
    const Placement& p = d.arrangement[i];
    std::string path = "arrangement[" + std::to_string(i) + "]";
    if (trim(p.unit).empty() || p.unit.size() > 300) return Error::invalid(path + ".unit: expected a unit id of 1 to 300 bytes");
  }
  return Status::success();
}

}  // namespace arkiv::model
