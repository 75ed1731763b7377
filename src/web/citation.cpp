#include "web/citation.h"

#include "base/strings.h"
#include "text/language.h"

namespace arkiv::web {

namespace {

// "AQPPSH, MPP Korese, V. 1966, D 9" already names the archive; do not name it twice.
std::string holding(const model::Citation& c) {
  if (c.reference.empty()) return c.repository;
  if (c.repository.empty() || c.reference.rfind(c.repository, 0) == 0) return c.reference;
  return c.reference + ", " + c.repository;
}

std::string date_text(const model::Document& doc) {
  if (!doc.date.display.empty()) return doc.date.display;
  return "n.d.";
}

void add(std::vector<std::string>& parts, const std::string& s) {
  if (!trim(s).empty()) parts.emplace_back(trim(s));
}

std::string sentence_join(const std::vector<std::string>& parts, const std::string& sep, const std::string& end) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      // A part that already ends a sentence ('.' or '.”') needs only a space.
      bool closed = out.back() == '.' || (out.size() >= 4 && out.compare(out.size() - 4, 4, ".\u201d") == 0);
      out += (closed && sep == ". ") ? " " : sep;
    }
    out += parts[i];
  }
  if (!out.empty() && out.back() != '.') out += end;
  return out;
}

std::string translator(const model::Document& doc) {
  if (!doc.citation.translator.empty()) return doc.citation.translator;
  for (const auto& c : doc.contents) {
    if (!c.translator.empty()) return c.translator;
  }
  return "";
}

std::string bib_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '{': case '}': case '%': case '&': case '$': case '#': case '_':
        out += '\\';
        out += c;
        break;
      case '\\': out += "\\textbackslash{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// RIS values are one line each.
std::string ris_value(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

}  // namespace

std::string chicago_note(const model::Document& doc, const std::string& url) {
  std::vector<std::string> parts;
  parts.push_back("\u201c" + doc.title + ",\u201d " + date_text(doc));
  add(parts, holding(doc.citation));
  add(parts, doc.citation.publisher);
  std::string t = translator(doc);
  if (!t.empty()) parts.push_back("trans. " + t);
  add(parts, doc.citation.url.empty() ? url : doc.citation.url);
  return sentence_join(parts, ", ", ".");
}

std::string chicago_bibliography(const model::Document& doc, const std::string& url) {
  std::vector<std::string> parts;
  parts.push_back("\u201c" + doc.title + ".\u201d");
  add(parts, date_text(doc));
  add(parts, holding(doc.citation));
  add(parts, doc.citation.publisher);
  std::string t = translator(doc);
  if (!t.empty()) parts.push_back("Translated by " + t);
  add(parts, doc.citation.url.empty() ? url : doc.citation.url);
  return sentence_join(parts, ". ", ".");
}

std::string chicago_text(const model::Document& doc, const std::string& url) {
  std::string out = "Chicago (note):\n" + chicago_note(doc, url) + "\n\nChicago (bibliography):\n" +
                    chicago_bibliography(doc, url) + "\n";
  if (!doc.citation.text.empty()) out += "\nAs given by the source:\n" + doc.citation.text + "\n";
  out += "\nHolding archive: " + (doc.citation.repository.empty() ? std::string("unknown") : doc.citation.repository) + "\n";
  if (!doc.citation.reference.empty()) out += "Reference: " + doc.citation.reference + "\n";
  out += "Permalink: " + url + "\n";
  return out;
}

std::string bibtex(const model::Document& doc, const std::string& url) {
  std::string key = slugify(doc.id, 60);
  for (char& c : key) {
    if (c == '-') c = '_';
  }
  std::string out = "@misc{" + (key.empty() ? std::string("arkiv") : key) + ",\n";
  auto field = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) out += "  " + name + " = {" + bib_escape(value) + "},\n";
  };
  field("title", doc.title);
  if (doc.date.known()) field("year", doc.date.earliest.substr(0, 4));
  field("date", doc.date.precision == model::DatePrecision::kDay ? doc.date.earliest : std::string());
  field("note", doc.date.display.empty() ? std::string() : "Dated " + doc.date.display);
  field("publisher", doc.citation.publisher);
  field("organization", doc.citation.repository);
  field("howpublished", holding(doc.citation));
  field("archive", doc.citation.repository);
  field("archive_location", doc.citation.reference);
  if (!doc.original_languages.empty()) field("language", text::language_name(doc.original_languages[0]));
  field("translator", translator(doc));
  field("url", doc.citation.url.empty() ? url : doc.citation.url);
  out += "}\n";
  return out;
}

std::string ris(const model::Document& doc, const std::string& url) {
  std::string out;
  auto tag = [&](const char* t, const std::string& value) {
    if (!value.empty()) out += std::string(t) + "  - " + ris_value(value) + "\r\n";
  };
  tag("TY", "GEN");
  tag("ID", doc.id);
  tag("TI", doc.title);
  if (doc.date.known()) {
    tag("PY", doc.date.earliest.substr(0, 4));
    if (doc.date.precision == model::DatePrecision::kDay) {
      std::string d = doc.date.earliest;
      for (char& c : d) {
        if (c == '-') c = '/';
      }
      tag("DA", d);
    }
  }
  tag("PB", doc.citation.publisher);
  tag("DB", doc.citation.repository);   // Zotero: archive
  tag("AN", doc.citation.reference);    // Zotero: loc. in archive
  tag("AV", holding(doc.citation));
  for (const auto& code : doc.original_languages) tag("LA", text::language_name(code));
  for (const auto& s : doc.subjects) tag("KW", s);
  tag("AB", doc.summary);
  tag("N1", doc.citation.text);
  tag("UR", doc.citation.url.empty() ? url : doc.citation.url);
  out += "ER  - \r\n";
  return out;
}

nlohmann::json csl_json(const model::Document& doc, const std::string& url) {
  nlohmann::json item = {{"id", doc.id}, {"type", "manuscript"}, {"title", doc.title}};
  if (doc.date.known()) {
    auto part = [](const std::string& iso, model::DatePrecision p) {
      nlohmann::json parts = nlohmann::json::array({std::stoi(iso.substr(0, 4))});
      if (p == model::DatePrecision::kDay || p == model::DatePrecision::kMonth) parts.push_back(std::stoi(iso.substr(5, 2)));
      if (p == model::DatePrecision::kDay) parts.push_back(std::stoi(iso.substr(8, 2)));
      return parts;
    };
    item["issued"] = {{"date-parts", {part(doc.date.earliest, doc.date.precision)}}};
    if (!doc.date.display.empty()) item["issued"]["literal"] = doc.date.display;
  } else if (!doc.date.display.empty()) {
    item["issued"] = {{"literal", doc.date.display}};
  }
  if (!doc.citation.repository.empty()) item["archive"] = doc.citation.repository;
  if (!doc.citation.reference.empty()) item["archive_location"] = doc.citation.reference;
  if (!doc.citation.publisher.empty()) item["publisher"] = doc.citation.publisher;
  if (!doc.original_languages.empty()) item["language"] = doc.original_languages[0];
  if (!doc.summary.empty()) item["abstract"] = doc.summary;
  if (!doc.citation.text.empty()) item["note"] = doc.citation.text;
  std::string t = translator(doc);
  if (!t.empty()) item["translator"] = nlohmann::json::array({{{"literal", t}}});
  if (!doc.document_type.empty()) item["genre"] = doc.document_type;
  item["URL"] = doc.citation.url.empty() ? url : doc.citation.url;
  return nlohmann::json::array({item});
}

}  // namespace arkiv::web
