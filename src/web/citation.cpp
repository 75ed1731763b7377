#include "web/citation.h"

#include <algorithm>
#include <utility>

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

// The place within the archive, for the data formats that name the archive beside it (CSL
// archive_location, RIS AN, biblatex archive_location): the reference without the archive's
// name when it begins with it ("AQPPSH, MPP Korese, V. 1966, D 9" in AQPPSH -> "MPP Korese, V.
// 1966, D 9"), so that a processor printing "location, archive" names the archive once.
std::string archive_location(const model::Citation& c) {
  const std::string ref(trim(c.reference));
  const std::string repo(trim(c.repository));
  if (!repo.empty() && ref.size() > repo.size() && ref.rfind(repo, 0) == 0) {
    std::string_view rest = std::string_view(ref).substr(repo.size());
    if (!rest.empty() && (rest.front() == ',' || rest.front() == ';' || rest.front() == ' ')) {
      rest.remove_prefix(1);
      if (std::string loc(trim(rest)); !loc.empty()) return loc;
    }
  }
  return ref;
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

// The volume's imprint as Chicago gives it: "Washington: United States Government Printing
// Office, 1942"; whichever parts are known.
std::string imprint(const model::Citation& c) {
  std::string out(trim(c.place));
  std::string publisher(trim(c.publisher));
  if (!publisher.empty()) out += (out.empty() ? "" : ": ") + publisher;
  std::string year(trim(c.year));
  if (!year.empty()) out += (out.empty() ? "" : ", ") + year;
  return out;
}

bool page_range(const std::string& pages) { return pages.find("\u2013") != std::string::npos || pages.find('-') != std::string::npos; }

// "5–7" -> {"5", "7"}; "5" -> {"5", ""}.
std::pair<std::string, std::string> page_bounds(const std::string& pages) {
  for (std::string_view dash : {std::string_view("\u2013"), std::string_view("-")}) {
    if (auto at = pages.find(dash); at != std::string::npos) {
      return {std::string(trim(pages.substr(0, at))), std::string(trim(pages.substr(at + dash.size())))};
    }
  }
  return {std::string(trim(pages)), ""};
}

std::string source_url(const model::Document& doc, const std::string& url) { return doc.citation.url.empty() ? url : doc.citation.url; }

}  // namespace

// A page range as Chicago writes it (CMOS 16, 9.64; CSL's page-range-format "chicago", which
// citeproc applies): "301–303" -> "301–3", "321–328" -> "321–28", "498–532", "1496–1504";
// under 100 and at multiples of 100 all digits ("96–117", "100–104"). Roman numerals and
// bracketed pages stay as they are.
std::string chicago_pages(const std::string& pages) {
  auto [first, last] = page_bounds(pages);
  auto digits = [](const std::string& s) { return !s.empty() && s.size() < 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  if (last.empty()) return std::string(trim(pages));
  if (!digits(first) || !digits(last)) return first + "\u2013" + last;
  const long a = std::stol(first), b = std::stol(last);
  std::string tail = last;
  if (a >= 100 && a % 100 != 0 && b > a && first.size() == last.size()) {
    std::size_t differ = 0;
    while (differ < first.size() && first[differ] == last[differ]) ++differ;
    std::string changed = last.substr(differ);
    if (a % 100 >= 10 && changed.size() < 2) changed = last.substr(last.size() - 2);
    // Four digits of which three change: all four.
    if (first.size() == 4 && changed.size() >= 3) changed = last;
    tail = changed;
  }
  return first + "\u2013" + tail;
}

// A document printed in a volume (FRUS), as CMOS 14.111 and the Office of the Historian cite it:
//   Author, “Title,” date, in Volume, trans. T (Place: Publisher, Year), 5, doc. 10, reference, URL.
// An archival record:
//   Author, “Title,” date, reference, repository, publisher, trans. T, p. 5, doc. 10, URL.
std::string chicago_note(const model::Document& doc, const std::string& url) {
  const model::Citation& c = doc.citation;
  std::vector<std::string> parts;
  add(parts, c.author);
  parts.push_back("\u201c" + doc.title + ",\u201d " + date_text(doc));
  std::string t = translator(doc);
  if (!c.volume.empty()) {
    std::string in = "in " + std::string(trim(c.volume));
    if (!t.empty()) in += ", trans. " + t;
    if (std::string i = imprint(c); !i.empty()) in += " (" + i + ")";
    parts.push_back(in);
    add(parts, chicago_pages(c.pages));
  } else {
    add(parts, holding(c));
    add(parts, imprint(c));
    if (!t.empty()) parts.push_back("trans. " + t);
    if (!trim(c.pages).empty()) parts.push_back((page_range(c.pages) ? "pp. " : "p. ") + chicago_pages(c.pages));
  }
  if (!trim(c.number).empty()) parts.push_back("doc. " + std::string(trim(c.number)));
  if (!c.volume.empty()) add(parts, holding(c));
  add(parts, source_url(doc, url));
  return sentence_join(parts, ", ", ".");
}

std::string chicago_bibliography(const model::Document& doc, const std::string& url) {
  const model::Citation& c = doc.citation;
  std::vector<std::string> parts;
  add(parts, c.author);
  parts.push_back("\u201c" + doc.title + ".\u201d");
  add(parts, date_text(doc));
  std::string t = translator(doc);
  if (!c.volume.empty()) {
    std::string in = "In " + std::string(trim(c.volume));
    if (!trim(c.pages).empty()) in += ", " + chicago_pages(c.pages);
    parts.push_back(in);
    if (!t.empty()) parts.push_back("Translated by " + t);
    add(parts, imprint(c));
    if (!trim(c.number).empty()) parts.push_back("Document " + std::string(trim(c.number)));
    add(parts, holding(c));
  } else {
    add(parts, holding(c));
    add(parts, imprint(c));
    if (!trim(c.pages).empty()) parts.push_back((page_range(c.pages) ? "Pp. " : "P. ") + chicago_pages(c.pages));
    if (!trim(c.number).empty()) parts.push_back("Document " + std::string(trim(c.number)));
    if (!t.empty()) parts.push_back("Translated by " + t);
  }
  add(parts, source_url(doc, url));
  return sentence_join(parts, ". ", ".");
}

std::vector<std::string> translators(const model::Document& doc) {
  std::vector<std::string> out;
  auto add_once = [&](const std::string& t) {
    std::string name(trim(t));
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  add_once(doc.citation.translator);
  for (const auto& c : doc.contents) add_once(c.translator);
  return out;
}

std::string chicago_text(const model::Document& doc, const std::string& url) {
  std::string out = "Chicago (note):\n" + chicago_note(doc, url) + "\n\nChicago (bibliography):\n" +
                    chicago_bibliography(doc, url) + "\n";
  if (!doc.citation.text.empty()) out += "\nAs given by the source:\n" + doc.citation.text + "\n";
  out += "\nHolding archive: " + (doc.citation.repository.empty() ? std::string("unknown") : doc.citation.repository) + "\n";
  if (!doc.citation.reference.empty()) out += "Reference: " + doc.citation.reference + "\n";
  const model::Citation& c = doc.citation;
  if (!c.volume.empty()) {
    std::string printed = std::string(trim(c.volume));
    if (std::string i = imprint(c); !i.empty()) printed += " (" + i + ")";
    if (!trim(c.pages).empty()) printed += (page_range(c.pages) ? ", pp. " : ", p. ") + std::string(trim(c.pages));
    if (!trim(c.number).empty()) printed += ", document " + std::string(trim(c.number));
    out += "Printed in: " + printed + "\n";
  }
  if (!trim(c.author).empty()) out += "Sender: " + std::string(trim(c.author)) + "\n";
  out += "Permalink: " + url + "\n";
  return out;
}

// @incollection for a document printed in a volume (booktitle, pages, the volume's imprint and
// year), @misc for an archival record. biblatex reads translator, archive and archive_location
// (the place within the archive).
std::string bibtex(const model::Document& doc, const std::string& url) {
  const model::Citation& c = doc.citation;
  const bool in_volume = !c.volume.empty();
  std::string key = slugify(doc.id, 60);
  for (char& ch : key) {
    if (ch == '-') ch = '_';
  }
  std::string out = std::string(in_volume ? "@incollection{" : "@misc{") + (key.empty() ? std::string("arkiv") : key) + ",\n";
  auto field = [&](const std::string& name, const std::string& value) {
    if (!trim(value).empty()) out += "  " + name + " = {" + bib_escape(trim(value)) + "},\n";
  };
  // A name is one braced unit: "House, Colonel Edward M." is not split at a comma or an "and".
  if (!trim(c.author).empty()) out += "  author = {{" + bib_escape(trim(c.author)) + "}},\n";
  field("title", doc.title);
  field("booktitle", c.volume);
  if (in_volume) {
    field("year", c.year);
  } else {
    if (doc.date.known()) field("year", doc.date.earliest.substr(0, 4));
    field("date", doc.date.precision == model::DatePrecision::kDay ? doc.date.earliest : std::string());
  }
  auto [first, last] = page_bounds(c.pages);
  field("pages", last.empty() ? first : first + "--" + last);
  std::vector<std::string> notes;
  if (!doc.date.display.empty()) notes.push_back("Dated " + doc.date.display);
  if (!trim(c.number).empty()) notes.push_back("Document " + std::string(trim(c.number)));
  field("note", join(notes, ". "));
  field("publisher", c.publisher);
  field("address", c.place);
  field("organization", c.repository);
  if (!in_volume) field("howpublished", holding(c));
  field("archive", c.repository);
  field("archive_location", archive_location(c));
  if (!doc.original_languages.empty()) field("language", text::language_name(doc.original_languages[0]));
  field("translator", translator(doc));
  field("url", source_url(doc, url));
  out += "}\n";
  return out;
}

// TY CHAP for a document printed in a volume (T2 the volume, SP/EP its pages, PY the volume's
// year, DA the document's own date), MANSCPT for an archival record. The archive in DB, the
// place within it in AN (Zotero: archive, loc. in archive; no AV repeating it), the translator
// in A4, the document number in SE, the citation as the source gives it in N1.
std::string ris(const model::Document& doc, const std::string& url) {
  const model::Citation& c = doc.citation;
  const bool in_volume = !c.volume.empty();
  std::string out;
  auto tag = [&](const char* t, const std::string& value) {
    if (!trim(value).empty()) out += std::string(t) + "  - " + ris_value(trim(value)) + "\r\n";
  };
  tag("TY", in_volume ? "CHAP" : "MANSCPT");
  tag("ID", doc.id);
  tag("AU", c.author);
  tag("TI", doc.title);
  tag("T2", c.volume);
  if (in_volume) tag("PY", c.year);
  if (doc.date.known()) {
    if (!in_volume) tag("PY", doc.date.earliest.substr(0, 4));
    if (doc.date.precision == model::DatePrecision::kDay) {
      std::string d = doc.date.earliest;
      for (char& ch : d) {
        if (ch == '-') ch = '/';
      }
      tag("DA", d);
    }
  }
  auto [first, last] = page_bounds(c.pages);
  tag("SP", first);
  tag("EP", last);
  tag("SE", c.number);
  tag("PB", c.publisher);
  tag("CY", c.place);
  tag("DB", c.repository);  // Zotero: archive
  tag("AN", archive_location(c));  // Zotero: loc. in archive
  tag("A4", translator(doc));
  for (const auto& code : doc.original_languages) tag("LA", text::language_name(code));
  for (const auto& s : doc.subjects) tag("KW", s);
  tag("AB", doc.summary);
  tag("N1", c.text);
  tag("UR", source_url(doc, url));
  out += "ER  - \r\n";
  return out;
}

// "chapter" (container-title, publisher, publisher-place, issued: the volume's year, page) for a
// document printed in a volume; "manuscript" (issued: the document's date) for an archival record.
nlohmann::json csl_json(const model::Document& doc, const std::string& url) {
  const model::Citation& c = doc.citation;
  const bool in_volume = !c.volume.empty();
  nlohmann::json item = {{"id", doc.id}, {"type", in_volume ? "chapter" : "manuscript"}, {"title", doc.title}};
  auto set = [&](const char* key, const std::string& value) {
    if (!trim(value).empty()) item[key] = std::string(trim(value));
  };
  if (!trim(c.author).empty()) item["author"] = nlohmann::json::array({{{"literal", std::string(trim(c.author))}}});
  if (in_volume) {
    set("container-title", c.volume);
    std::string year(trim(c.year));
    if (year.size() == 4 && std::all_of(year.begin(), year.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      item["issued"] = {{"date-parts", {{std::stoi(year)}}}};
    } else if (!year.empty()) {
      item["issued"] = {{"literal", year}};
    }
  } else if (doc.date.known()) {
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
  set("publisher", c.publisher);
  set("publisher-place", c.place);
  set("page", c.pages);
  set("number", c.number);
  set("archive", c.repository);
  set("archive_location", archive_location(c));
  if (!doc.original_languages.empty()) item["language"] = doc.original_languages[0];
  set("abstract", doc.summary);
  set("note", c.text);
  std::string t = translator(doc);
  if (!t.empty()) item["translator"] = nlohmann::json::array({{{"literal", t}}});
  set("genre", doc.document_type);
  item["URL"] = source_url(doc, url);
  return nlohmann::json::array({item});
}

}  // namespace arkiv::web
