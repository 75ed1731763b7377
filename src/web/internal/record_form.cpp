#include "web/internal/record_form.h"

#include <algorithm>
#include <set>

#include "base/strings.h"
#include "model/fields.h"
#include "model/record_json.h"

namespace arkiv::web {

using nlohmann::json;

namespace {

constexpr const char* kContentKeys[] = {"kind", "language", "translator", "title", "label", "text"};
constexpr std::size_t kMaxRows = 1000;  // versions or gaps a form may carry

const std::string* find(const FormValues& v, const std::string& name) {
  auto it = v.find(name);
  return it == v.end() ? nullptr : &it->second;
}

std::string value_or(const FormValues& v, const std::string& name, const std::string& fallback = "") {
  const std::string* s = find(v, name);
  return s ? *s : fallback;
}

// Form text areas send CRLF; the record keeps LF.
std::string unix_lines(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
  return s;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  for (const std::string& line : split(unix_lines(s), '\n')) {
    std::string t(trim(line));
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

Result<std::size_t> row_count(const FormValues& v, const std::string& name) {
  const std::string* s = find(v, name);
  if (!s || s->empty()) return std::size_t{0};
  std::size_t n = 0;
  for (char c : *s) {
    if (c < '0' || c > '9' || n > kMaxRows) return Error::invalid(name + ": expected a number of rows up to " + std::to_string(kMaxRows));
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (n > kMaxRows) return Error::invalid(name + ": more than " + std::to_string(kMaxRows) + " rows");
  return n;
}

Result<std::size_t> number(const FormValues& v, const std::string& name) {
  std::string s(trim(value_or(v, name)));
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos) {
    return Error::invalid(name + ": expected a whole number");
  }
  return static_cast<std::size_t>(std::stoull(s));
}

bool checked(const FormValues& v, const std::string& name) {
  const std::string* s = find(v, name);
  return s && !s->empty();
}

json object_or_empty(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : json::object();
}

// The date: new bounds when the form changed them; else, when only the display changed, the
// display is read again; else the stored date as it is.
json date_from_form(const FormValues& v, const json& base) {
  json stored = base.contains("date") && base["date"].is_object() ? base["date"] : json::object();
  auto stored_str = [&](const char* k) { return stored.contains(k) && stored[k].is_string() ? stored[k].get<std::string>() : ""; };
  std::string display = value_or(v, "date.display", stored_str("display"));
  std::string earliest = std::string(trim(value_or(v, "date.earliest", stored_str("earliest"))));
  std::string latest = std::string(trim(value_or(v, "date.latest", stored_str("latest"))));
  std::string time = std::string(trim(value_or(v, "date.time", stored_str("time"))));
  std::string precision = value_or(v, "date.precision", stored_str("precision"));
  bool bounds_changed = earliest != stored_str("earliest") || latest != stored_str("latest") || time != stored_str("time") ||
                        precision != stored_str("precision");
  if (bounds_changed) {
    json d = {{"display", display}, {"earliest", earliest}, {"latest", latest}, {"time", time}, {"precision", precision}};
    for (const char* k : {"uncertain", "approximate"}) {
      if (stored.contains(k)) d[k] = stored[k];
    }
    return d;
  }
  if (display != stored_str("display")) return json{{"display", display}};
  return stored;
}

// The code point offset of `needle` in `text` at or after `from` (a code point offset), or npos.
std::size_t find_code_points(const std::string& text, const std::string& needle, std::size_t from) {
  std::size_t bytes = 0;
  for (std::size_t cp = 0; cp < from && bytes < text.size(); ++cp) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  std::size_t at = text.find(needle, bytes);
  if (at == std::string::npos) return std::string::npos;
  return utf8_length(std::string_view(text).substr(0, at));
}

}  // namespace

FormValues form_values(const model::Document& doc) {
  FormValues v;
  for (const model::Field& f : model::fields()) {
    if (!f.is(model::kJson)) continue;
    if (f.text) v[std::string(f.json_key)] = doc.*f.text;
    else if (f.list) v[std::string(f.json_key)] = join(doc.*f.list, "\n");
  }
  if (v["publication"].empty()) v["publication"] = "published";
  json j = model::to_json(doc);
  for (const char* k : {"display", "earliest", "latest", "time", "precision"}) v[std::string("date.") + k] = j["date"][k].get<std::string>();
  for (const model::CitationPart& p : model::citation_parts()) v[std::string("citation.") + p.key] = doc.citation.*p.member;
  v["contents.count"] = std::to_string(doc.contents.size());
  for (std::size_t i = 0; i < doc.contents.size(); ++i) {
    for (const char* k : kContentKeys) v["contents." + std::to_string(i) + "." + k] = j["contents"][i][k].get<std::string>();
  }
  v["gaps.count"] = std::to_string(doc.gaps.size());
  for (std::size_t i = 0; i < doc.gaps.size(); ++i) {
    const std::string p = "gaps." + std::to_string(i) + ".";
    v[p + "content"] = std::to_string(doc.gaps[i].content);
    v[p + "offset"] = std::to_string(doc.gaps[i].offset);
    v[p + "text"] = doc.gaps[i].text;
    v[p + "kind"] = doc.gaps[i].kind;
  }
  json notes = json::array();
  for (const auto& c : j["contents"]) notes.push_back(c["notes"]);
  v["advanced"] = json{{"parts", j["parts"]}, {"unread", j["unread"]}, {"notes", notes}}.dump(2);
  return v;
}

FormValues form_values(const http::Params& fields) {
  FormValues v;
  for (const auto& [k, value] : fields) {
    if (k == "csrf") continue;
    v.emplace(k, value);  // the first of repeated names
  }
  return v;
}

Result<json> record_json_from_form(const FormValues& v, const json& base_in) {
  json j = base_in.is_object() ? base_in : json::object();
  const bool is_new = !j.contains("id");
  for (const model::Field& f : model::fields()) {
    if (!f.is(model::kJson)) continue;
    const std::string key(f.json_key);
    if (key == "id" && !is_new) continue;  // a record's id never changes
    const std::string* s = find(v, key);
    if (!s) continue;
    if (f.text) j[key] = key == "publication" && *s == "published" ? "" : unix_lines(*s);
    else if (f.list) j[key] = lines(*s);
  }
  j["date"] = date_from_form(v, j);
  json citation = object_or_empty(j, "citation");
  for (const model::CitationPart& p : model::citation_parts()) {
    const std::string* s = find(v, std::string("citation.") + p.key);
    if (!s) continue;
    // An optional part left empty is no part: the record's JSON stays as it was.
    if (p.optional && std::string(trim(*s)).empty()) citation.erase(p.key);
    else citation[p.key] = unix_lines(*s);
  }
  j["citation"] = citation;

  // Parts, fields not read, and each version's notes, as JSON.
  json advanced = json::object();
  if (const std::string* adv = find(v, "advanced"); adv && !std::string(trim(*adv)).empty()) {
    advanced = json::parse(*adv, nullptr, false);
    if (advanced.is_discarded() || !advanced.is_object()) return Error::invalid("advanced: expected a JSON object with \"parts\", \"unread\" and \"notes\"");
    for (const auto& [key, value] : advanced.items()) {
      if (key != "parts" && key != "unread" && key != "notes") return Error::invalid("advanced: unknown key '" + key + "' (expected parts, unread and notes)");
    }
    if (advanced.contains("notes") && !advanced["notes"].is_array()) return Error::invalid("advanced: \"notes\" must be a list with one list of notes per version");
  }
  // Versions: the shown ones (less those marked for removal), then a new one if it has text.
  auto count = row_count(v, "contents.count");
  if (!count) return count.error();
  const json old_contents = j.contains("contents") && j["contents"].is_array() ? j["contents"] : json::array();
  json contents = json::array();
  std::vector<long> new_index(*count, -1);
  for (std::size_t i = 0; i < *count; ++i) {
    const std::string p = "contents." + std::to_string(i) + ".";
    if (checked(v, p + "remove")) continue;
    json c = i < old_contents.size() && old_contents[i].is_object() ? old_contents[i] : json{{"notes", json::array()}};
    for (const char* k : kContentKeys) {
      if (const std::string* s = find(v, p + k)) c[k] = unix_lines(*s);
    }
    if (advanced.contains("notes") && i < advanced["notes"].size()) c["notes"] = advanced["notes"][i];
    new_index[i] = static_cast<long>(contents.size());
    contents.push_back(std::move(c));
  }
  if (!std::string(trim(value_or(v, "contents.new.text"))).empty()) {
    json c = {{"notes", json::array()}};
    for (const char* k : kContentKeys) c[k] = unix_lines(value_or(v, std::string("contents.new.") + k));
    if (c["kind"] == "") c["kind"] = "translation";
    contents.push_back(std::move(c));
  }
  if (find(v, "contents.count")) j["contents"] = contents;

  // Gaps: the shown ones whose version stays (renumbered), less those unmarked; then a new one.
  auto gap_count = row_count(v, "gaps.count");
  if (!gap_count) return gap_count.error();
  if (find(v, "gaps.count")) {
    json gaps = json::array();
    for (std::size_t i = 0; i < *gap_count; ++i) {
      const std::string p = "gaps." + std::to_string(i) + ".";
      if (checked(v, p + "remove")) continue;
      auto content = number(v, p + "content");
      if (!content) return content.error();
      auto offset = number(v, p + "offset");
      if (!offset) return offset.error();
      if (*content < new_index.size() && new_index[*content] < 0) continue;  // its version was removed
      std::size_t c = *content < new_index.size() ? static_cast<std::size_t>(new_index[*content]) : *content;
      gaps.push_back({{"content", c}, {"offset", *offset}, {"text", value_or(v, p + "text")}, {"kind", value_or(v, p + "kind", "omission")}});
    }
    std::string marked = value_or(v, "gaps.new.text");
    if (!marked.empty()) {
      auto content = number(v, "gaps.new.content");
      if (!content) return content.error();
      std::size_t c = *content < new_index.size() && new_index[*content] >= 0 ? static_cast<std::size_t>(new_index[*content]) : *content;
      if (c >= contents.size()) return Error::invalid("gaps.new.content: there is no version " + std::to_string(*content + 1));
      std::string text = contents[c].value("text", "");
      std::size_t at = find_code_points(text, marked, 0);
      if (at == std::string::npos) {
        return Error::invalid("gaps.new.text: '" + marked.substr(0, 80) + "' is not in the text of version " + std::to_string(*content + 1) +
                              "; copy the passage exactly as it stands in the text");
      }
      std::string kind = value_or(v, "gaps.new.kind");
      gaps.push_back({{"content", c}, {"offset", at}, {"text", marked}, {"kind", kind.empty() ? model::gap_kind_of(marked) : kind}});
    }
    std::stable_sort(gaps.begin(), gaps.end(), [](const json& a, const json& b) {
      return std::pair(a["content"].get<std::size_t>(), a["offset"].get<std::size_t>()) <
             std::pair(b["content"].get<std::size_t>(), b["offset"].get<std::size_t>());
    });
    j["gaps"] = gaps;
  }
  for (const char* key : {"parts", "unread"}) {
    if (advanced.contains(key)) j[key] = advanced[key];
  }
  return j;
}

std::string error_field(const std::string& message, const FormValues& values) {
  std::string path = message.substr(0, std::min(message.find(':'), message.find(' ')));
  std::string name;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '[') {
      name += '.';
    } else if (path[i] != ']') {
      name += path[i];
    }
  }
  std::string best;
  for (const auto& [key, value] : values) {
    bool prefix = name.rfind(key, 0) == 0 && (name.size() == key.size() || name[key.size()] == '.');
    if (prefix && key.size() > best.size()) best = key;
  }
  return best;
}

namespace {

// A record's fields as (label, value) pairs in the registry's order, values as people read them.
std::vector<std::pair<std::string, std::string>> readable_fields(const model::Document& d) {
  std::vector<std::pair<std::string, std::string>> out;
  json j = model::to_json(d);
  for (const model::Field& f : model::fields()) {
    if (!f.is(model::kJson)) continue;
    const std::string key(f.json_key);
    const std::string label(f.label);
    if (f.text) out.emplace_back(label, d.*f.text);
    else if (f.list) out.emplace_back(std::string(f.plural), join(d.*f.list, "\n"));
    else if (key == "date") {
      for (const char* k : {"display", "earliest", "latest", "time", "precision", "edtf"}) out.emplace_back(std::string("Date: ") + k, j["date"][k].get<std::string>());
    } else if (key == "citation") {
      for (const model::CitationPart& p : model::citation_parts()) out.emplace_back(std::string("Citation: ") + p.key, d.citation.*p.member);
    } else if (key == "contents") {
      for (std::size_t i = 0; i < d.contents.size(); ++i) {
        const std::string p = "Version " + std::to_string(i + 1) + ": ";
        for (const char* k : kContentKeys) out.emplace_back(p + k, j["contents"][i][k].get<std::string>());
        if (!d.contents[i].notes.empty()) out.emplace_back(p + "notes", j["contents"][i]["notes"].dump());
      }
    } else if (key == "gaps") {
      std::string gaps;
      for (const model::Gap& g : d.gaps) {
        gaps += "version " + std::to_string(g.content + 1) + " at " + std::to_string(g.offset) + ": " + g.text + " (" + g.kind + ")\n";
      }
      out.emplace_back("Gaps", gaps);
    } else if (!j[key].empty()) {
      out.emplace_back(label, j[key].dump());
    }
  }
  return out;
}

// For long texts only the paragraphs that differ, with what surrounds them elided.
std::pair<std::string, std::string> differing_part(const std::string& a, const std::string& b) {
  if (a.size() < 600 && b.size() < 600) return {a, b};
  std::vector<std::string> pa = split(a, '\n'), pb = split(b, '\n');
  std::size_t front = 0;
  while (front < pa.size() && front < pb.size() && pa[front] == pb[front]) ++front;
  std::size_t back = 0;
  while (back < pa.size() - front && back < pb.size() - front && pa[pa.size() - 1 - back] == pb[pb.size() - 1 - back]) ++back;
  auto middle = [&](const std::vector<std::string>& p) {
    std::string s = front > 0 ? "[…]\n" : "";
    for (std::size_t i = front; i < p.size() - back; ++i) s += p[i] + "\n";
    if (back > 0) s += "[…]";
    return s;
  };
  return {middle(pa), middle(pb)};
}

}  // namespace

std::vector<FieldChange> compare_records(const model::Document& before, const model::Document& after) {
  auto a = readable_fields(before), b = readable_fields(after);
  std::vector<FieldChange> out;
  std::set<std::string> seen;
  auto value_in = [](const std::vector<std::pair<std::string, std::string>>& fields, const std::string& label) {
    for (const auto& [l, v] : fields) {
      if (l == label) return v;
    }
    return std::string();
  };
  for (const auto* side : {&a, &b}) {
    for (const auto& [label, value] : *side) {
      if (!seen.insert(label).second) continue;
      std::string va = value_in(a, label), vb = value_in(b, label);
      if (va == vb) continue;
      auto [da, db] = differing_part(va, vb);
      out.push_back({label, std::move(da), std::move(db)});
    }
  }
  return out;
}

}  // namespace arkiv::web
