#include "model/record_json.h"

#include "base/strings.h"
#include "model/date_json.h"
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
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool known = false;
      for (const char* a : allowed) known |= it.key() == a;
      if (!known) fail(it.key(), "unknown field");
    }
  }

  void str(const json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) return fail(key, std::string("expected a string, got ") + it->type_name());
    out = it->get<std::string>();
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

json to_json(const Document& d) {
  json contents = json::array();
  for (const Content& c : d.contents) {
    json notes = json::array();
    for (const Note& n : c.notes) notes.push_back({{"offset", n.offset}, {"label", n.label}, {"text", n.text}});
    contents.push_back({{"kind", c.kind},
                        {"language", c.language},
                        {"translator", c.translator},
                        {"title", c.title},
                        {"text", c.text},
                        {"notes", notes}});
  }
  json gaps = json::array();
  for (const Gap& g : d.gaps) gaps.push_back({{"content", g.content}, {"offset", g.offset}, {"text", g.text}});
  return json{
      {"id", d.id},
      {"title", d.title},
      {"date", date_to_json(d.date)},
      {"summary", d.summary},
      {"citation",
       {{"text", d.citation.text},
        {"repository", d.citation.repository},
        {"reference", d.citation.reference},
        {"url", d.citation.url},
        {"publisher", d.citation.publisher},
        {"translator", d.citation.translator}}},
      {"credits", string_list(d.credits)},
      {"original_languages", string_list(d.original_languages)},
      {"document_type", d.document_type},
      {"document_state", d.document_state},
      {"contents", contents},
      {"subjects", string_list(d.subjects)},
      {"places", string_list(d.places)},
      {"people", string_list(d.people)},
      {"organizations", string_list(d.organizations)},
      {"collections", string_list(d.collections)},
      {"related", string_list(d.related)},
      {"gaps", gaps},
  };
}

std::string to_json_line(const Document& doc) {
  return to_json(doc).dump(-1, ' ', false, json::error_handler_t::replace);
}

json to_json(const Provenance& p) {
  return {{"source_path", p.source_path}, {"format", p.format}, {"sha256", p.sha256},
          {"imported_at", p.imported_at}};
}

Result<Document> from_json(const json& j) {
  if (!j.is_object()) return Error::invalid(std::string("expected a JSON object, got ") + j.type_name());
  Document d;
  Reader r("");
  r.object_keys(j, {"id", "title", "date", "summary", "citation", "credits", "original_languages",
                    "document_type", "document_state", "contents", "subjects", "places", "people",
                    "organizations", "collections", "related", "gaps", "provenance"});
  r.str(j, "id", d.id);
  r.str(j, "title", d.title);
  r.str(j, "summary", d.summary);
  r.str(j, "document_type", d.document_type);
  r.str(j, "document_state", d.document_state);
  r.strings(j, "credits", d.credits);
  r.strings(j, "original_languages", d.original_languages);
  r.strings(j, "subjects", d.subjects);
  r.strings(j, "places", d.places);
  r.strings(j, "people", d.people);
  r.strings(j, "organizations", d.organizations);
  r.strings(j, "collections", d.collections);
  r.strings(j, "related", d.related);

  // "date" may be a plain string ("4 March 1966") or the full object.
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
    auto date = date_from_json(*it);
    if (!date) return date.error();
    d.date = std::move(*date);
  }
  if (const json* c = r.object(j, "citation")) {
    Reader cr("citation");
    cr.object_keys(*c, {"text", "repository", "reference", "url", "publisher", "translator"});
    cr.str(*c, "text", d.citation.text);
    cr.str(*c, "repository", d.citation.repository);
    cr.str(*c, "reference", d.citation.reference);
    cr.str(*c, "url", d.citation.url);
    cr.str(*c, "publisher", d.citation.publisher);
    cr.str(*c, "translator", d.citation.translator);
    if (cr.failed()) return cr.error();
  }
  if (const json* cs = r.array(j, "contents")) {
    for (std::size_t i = 0; i < cs->size(); ++i) {
      const json& cj = (*cs)[i];
      std::string path = "contents[" + std::to_string(i) + "]";
      if (!cj.is_object()) return Error::invalid(path + ": expected an object");
      Reader cr(path);
      cr.object_keys(cj, {"kind", "language", "translator", "title", "text", "notes"});
      Content c;
      cr.str(cj, "kind", c.kind);
      cr.str(cj, "language", c.language);
      cr.str(cj, "translator", c.translator);
      cr.str(cj, "title", c.title);
      cr.str(cj, "text", c.text);
      if (const json* ns = cr.array(cj, "notes")) {
        for (std::size_t k = 0; k < ns->size(); ++k) {
          Reader nr(path + ".notes[" + std::to_string(k) + "]");
          Note n;
          nr.size((*ns)[k], "offset", n.offset);
          nr.str((*ns)[k], "label", n.label);
          nr.str((*ns)[k], "text", n.text);
          if (nr.failed()) return nr.error();
          c.notes.push_back(std::move(n));
        }
      }
      if (cr.failed()) return cr.error();
      d.contents.push_back(std::move(c));
    }
  }
  if (const json* gs = r.array(j, "gaps")) {
    for (std::size_t i = 0; i < gs->size(); ++i) {
      Reader gr("gaps[" + std::to_string(i) + "]");
      Gap g;
      gr.size((*gs)[i], "content", g.content);
      gr.size((*gs)[i], "offset", g.offset);
      gr.str((*gs)[i], "text", g.text);
      if (gr.failed()) return gr.error();
      d.gaps.push_back(std::move(g));
    }
  }
  if (r.failed()) return r.error();
  if (Status s = validate(d); !s) return s.error();
  return d;
}

Status validate(Document& d) {
  if (trim(d.id).empty()) return Error::invalid("id: missing; every record needs an identifier");
  if (d.id.size() > 200) return Error::invalid("id: longer than 200 bytes");
  for (char c : d.id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '?' || c == '#' || c == '\\') {
      return Error::invalid("id '" + d.id + "': control characters, '?', '#' and '\\' are not allowed");
    }
  }
  if (trim(d.title).empty()) return Error::invalid("title: missing; every record needs a title");
  if (Status s = validate_date(d.date); !s) return s;
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
  }
  return Status::success();
}

}  // namespace arkiv::model
