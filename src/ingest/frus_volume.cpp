#include "base/bounded_regex.h"
#include "ingest/frus_volume.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <regex>
#include <set>
#include <utility>

#include "base/strings.h"
#include "ingest/tei_text.h"
#include "ingest/text_input.h"

namespace arkiv::ingest {

namespace {

using pugi::xml_node;

struct Volume {
  std::string id;     // "frus1918Russiav03"
  std::string title;  // titleStmt/title[@type='complete']
  std::string citation_title;  // as the Office of the Historian cites it (volume_citation_title)
  std::string place, publisher, year;  // the imprint, from publicationStmt
  std::map<std::string, std::string> persons;  // xml:id -> name in the list of persons
  // Each document div's pages ("5", "5–7"), found in one pass over the volume (PageWalker).
  std::map<const void*, std::string> pages;
};

// Where the walk through the volume is: the series (chapters) it is inside, innermost last.
struct Arrangement {
  std::vector<std::string> series;      // unit ids
  std::vector<std::int64_t> positions;  // units: the last position used inside each open unit (the volume first)
  std::int64_t documents = 0;           // documents so far, in the volume's order
};

// The local id a record's links use for the person `xml_id` of the volume's list.
std::string person_key(const Volume& v, std::string_view xml_id) { return "frus:" + v.id + "#" + std::string(xml_id); }

bool has_type(xml_node n, const char* type) { return std::strcmp(n.attribute("type").value(), type) == 0; }

xml_node child(xml_node n, std::string_view name) {
  for (xml_node c : n.children()) {
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  }
  return {};
}

std::string inherited_lang(xml_node n) {
  for (; n; n = n.parent()) {
    if (const char* l = n.attribute("xml:lang").value(); *l) return l;
  }
  return "";
}

void add_unique(std::vector<std::string>& list, std::set<std::string>& seen, std::string value) {
  if (value.empty() || !seen.insert(value).second) return;
  list.push_back(std::move(value));
}

// The volume as the Office of the Historian cites it (history.state.gov/historicaldocuments/
// citing-frus): series, subseries (the years), then the volume's title and number in the order
// its complete title gives them, the series named once. From the titleStmt's typed titles:
//   series "Papers Relating to the Foreign Relations of the United States, 1919",
//   volume "The Paris Peace Conference, 1919", volumenumber "Volume I"
//   -> "Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I".
// Old volumes' "Papers relating to the" is dropped and the series' capitals restored; a year the
// subseries already gives is not repeated after the volume title. Without typed titles, the
// complete title with the same clean-up.
std::string volume_citation_title(xml_node title_stmt) {
  std::map<std::string, std::string> titles;  // type without '-' -> text ("subseries", "volumenumber")
  for (xml_node t : title_stmt.children()) {
    if (local_name(t) != "title") continue;
    std::string type = t.attribute("type").value();
    type.erase(std::remove(type.begin(), type.end(), '-'), type.end());
    if (std::string text = tei_plain_text(t); !text.empty() && !titles.count(type)) titles[type] = text;
  }
  static const std::string kSeries = "Foreign Relations of the United States";
  auto clean_series = [](std::string t) {
    static const std::regex re_papers(R"(^\s*Papers\s+relating\s+to\s+the\s+)", std::regex::icase);
    if (fits_regex(t)) t = std::regex_replace(t, re_papers, "");
    if (to_lower_ascii(t.substr(0, kSeries.size())) == to_lower_ascii(kSeries)) t = kSeries + t.substr(kSeries.size());
    return t;
  };
  const std::string& series = titles["series"];
  if (series.empty()) return titles.count("complete") ? clean_series(titles["complete"]) : "";
  std::string out = clean_series(series);
  if (const std::string& sub = titles["subseries"]; !sub.empty() && out.find(sub) == std::string::npos) out += ", " + sub;
  std::string volume = titles["volume"];
  // "The Paris Peace Conference, 1919" after "…, 1919": the year once.
  static const std::regex re_trailing_years(R"(,\s*(\d{4}(?:(?:–|-)\d{2,4})?)\s*$)");
  if (std::smatch m; fits_regex(volume) && std::regex_search(volume, m, re_trailing_years) && out.find(m[1].str()) != std::string::npos) {
    volume = m.prefix().str();
  }
  const std::string& number = titles["volumenumber"];
  const std::string& complete = titles["complete"];
  std::size_t at_volume = volume.empty() ? std::string::npos : complete.find(volume);
  std::size_t at_number = number.empty() ? std::string::npos : complete.find(number);
  bool number_first = at_number != std::string::npos && at_volume != std::string::npos && at_number < at_volume;
  for (const std::string* part : number_first ? std::array<const std::string*, 2>{&number, &volume} : std::array<const std::string*, 2>{&volume, &number}) {
    if (!part->empty()) out += ", " + *part;
  }
  return out;
}

// The pages of every document div, from the <pb n="…"/> page beginnings in text order: a
// document starts on the page of the last pb before it, unless it opens with a pb of its own
// (no text of it before that pb), and runs to the last page on which it has text (a pb at its
// very end begins the next document's page, not one of its own). "5", or "5–7".
class PageWalker {
 public:
  explicit PageWalker(std::map<const void*, std::string>& out) : out_(out) {}

  void walk(xml_node n) {
    for (xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      if (local_name(c) == "pb") {
        if (const char* p = c.attribute("n").value(); *p) page_ = p;
      } else if (local_name(c) == "div" && has_type(c, "document")) {
        Range r{page_, page_, "", false};
        inside(c, r);
        if (!r.first.empty()) out_[c.internal_object()] = r.first == r.last ? r.first : r.first + "\u2013" + r.last;
      } else {
        walk(c);
      }
    }
  }

 private:
  struct Range {
    std::string first, last, pending;
    bool text_seen;
  };

  void inside(xml_node n, Range& r) {
    for (xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (trim(c.value()).empty()) continue;
        if (!r.pending.empty()) r.last = std::exchange(r.pending, "");
        r.text_seen = true;
      } else if (c.type() == pugi::node_element && local_name(c) == "pb") {
        const char* p = c.attribute("n").value();
        if (!*p) continue;
        page_ = p;
        if (!r.text_seen) r.first = r.last = p;
        else r.pending = p;
      } else if (c.type() == pugi::node_element) {
        inside(c, r);
      }
    }
  }

  std::map<const void*, std::string>& out_;
  std::string page_;
};

Volume read_volume(const XmlSource& xml, const SourceFile& file, ParseOutput& out) {
  Volume v;
  xml_node tei = xml.doc->document_element();
  xml_node file_desc = child(child(tei, "teiHeader"), "fileDesc");
  for (xml_node idno : child(file_desc, "publicationStmt").children()) {
    if (local_name(idno) == "idno" && has_type(idno, "frus")) v.id = tei_plain_text(idno);
  }
  if (v.id.empty()) v.id = tei.attribute("xml:id").value();
  if (v.id.empty()) v.id = file_record_id(file.path).substr(5);
  for (xml_node t : child(file_desc, "titleStmt").children()) {
    if (local_name(t) == "title" && has_type(t, "complete")) v.title = tei_plain_text(t);
  }
  v.citation_title = volume_citation_title(child(file_desc, "titleStmt"));
  xml_node publication = child(file_desc, "publicationStmt");
  v.place = tei_plain_text(child(publication, "pubPlace"));
  v.publisher = tei_plain_text(child(publication, "publisher"));
  xml_node date = child(publication, "date");
  v.year = std::string(date.attribute("when").value()).substr(0, 4);  // @when="1942-05-01": the year
  if (v.year.empty()) v.year = tei_plain_text(date);
  PageWalker(v.pages).walk(child(tei, "text"));
  xml_node persons = child(tei, "text").find_node([](xml_node n) {
    return local_name(n) == "div" && std::strcmp(n.attribute("xml:id").value(), "persons") == 0;
  });
  if (persons) {
    for (pugi::xpath_node pn : persons.select_nodes(".//*[local-name()='persName'][@xml:id]")) {
      std::string xml_id = pn.node().attribute("xml:id").value();
      std::string name = collapse_spaces(tei_plain_text(pn.node()));
      v.persons[xml_id] = name;
      // "House, Colonel Edward M., the special representative of ..." -> the note is what follows
      // the name in its item.
      model::Authority a;
      a.id = person_key(v, xml_id);
      a.kind = "person";
      a.name = name;
      std::string item = collapse_spaces(tei_plain_text(pn.node().parent()));
      if (item.starts_with(name)) {
        std::string_view rest = trim(std::string_view(item).substr(name.size()));
        while (!rest.empty() && (rest.front() == ',' || rest.front() == ';')) rest = trim(rest.substr(1));
        a.note = std::string(rest.substr(0, 1000));
      }
      a.identifiers.push_back({"frus", v.id + "#" + xml_id});
      out.authorities.push_back(std::move(a));
    }
  }
  return v;
}

// People, places and organisations named in the document, in order of first appearance.
void collect_names(xml_node n, const Volume& v, model::Document& doc, std::set<std::string>& seen) {
  for (xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = local_name(c);
    if (name == "persName") {
      // The name as the document writes it ("Colonel House"); the list of persons says whom it
      // names (persName/@corresp), and the record links the two.
      std::string form = collapse_spaces(tei_plain_text(c));
      std::string ref = c.attribute("corresp").value();
      auto it = ref.starts_with("#") ? v.persons.find(ref.substr(1)) : v.persons.end();
      if (form.empty() && it != v.persons.end()) form = it->second;
      if (form.empty() || !seen.insert("person\t" + form).second) continue;
      doc.people.push_back(form);
      if (it != v.persons.end()) doc.links.push_back({"person", form, person_key(v, it->first)});
    } else if (name == "placeName") {
      add_unique(doc.places, seen, collapse_spaces(tei_plain_text(c)));
    } else if (name == "orgName") {
      add_unique(doc.organizations, seen, collapse_spaces(tei_plain_text(c)));
    } else {
      collect_names(c, v, doc, seen);
    }
  }
}

// From the dateline's <date>: @when, @from/@to or @notBefore/@notAfter, as day bounds.
Result<model::DateRange> document_date(xml_node div) {
  xml_node dateline = tei_own_descendant(div, "dateline");
  xml_node date = dateline ? tei_own_descendant(dateline, "date") : xml_node();
  if (!date) return model::DateRange{};
  std::string display = tei_plain_text(date);
  auto attr = [&](const char* a) { return std::string(trim(date.attribute(a).value())); };
  if (std::string when = attr("when"); !when.empty()) return model::date_from_bounds_or_display(display, when, "");
  if (std::string from = attr("from"), to = attr("to"); !from.empty() || !to.empty()) {
    return model::date_from_bounds_or_display(display, from.empty() ? to : from, to.empty() ? from : to);
  }
  if (std::string nb = attr("notBefore"), na = attr("notAfter"); !nb.empty() || !na.empty()) {
    return model::date_from_bounds_or_display(display, nb.empty() ? na : nb, na.empty() ? nb : na);
  }
  return model::parse_date(display);  // no attributes: the printed date
}

std::string document_type(const std::string& source_notes, xml_node head) {
  std::string notes = to_lower_ascii(source_notes);
  if (notes.find("telegram") != std::string::npos) return "telegram";
  std::string title = to_lower_ascii(head ? tei_heading_text(head) : "");
  static const std::pair<const char*, const char*> kByTitle[] = {
      {"memorandum of conversation", "memorandum of conversation"}, {"memorandum", "memorandum"},
      {"telegram", "telegram"}, {"letter from", "letter"}, {"airgram", "airgram"},
      {"aide-m", "aide-memoire"}, {"minutes", "minutes"}, {"press release", "press release"},
      {"statement", "statement"}, {"report", "report"}, {"treaty", "treaty"}, {"agreement", "agreement"}};
  for (auto [word, type] : kByTitle) {
    if (title.find(word) != std::string::npos) return type;
  }
  if (notes.find("aide-m") != std::string::npos) return "aide-memoire";
  // "X to Y": a head naming a recipient is correspondence.
  if (head && head.find_node([](xml_node n) {
        return (local_name(n) == "persName" || local_name(n) == "gloss") && has_type(n, "to");
      })) {
    return "letter";
  }
  return "document";
}

// The sender, only when the head names a person (<persName type="from">): the volume's list
// of persons gives the full name ("Francis, David R."), else the head's own form ("Stimson").
// An office (<gloss type="from">Secretary of State</gloss>) names no one and gives no sender.
std::string sender(xml_node head, const Volume& v) {
  if (!head) return "";
  xml_node from = head.find_node([](xml_node n) { return local_name(n) == "persName" && has_type(n, "from"); });
  if (!from) return "";
  std::string ref = from.attribute("corresp").value();
  if (auto it = ref.starts_with("#") ? v.persons.find(ref.substr(1)) : v.persons.end(); it != v.persons.end()) return it->second;
  return tei_plain_text(from);
}

model::Document read_document(xml_node div, const Volume& v) {
  model::Document doc;
  std::string doc_id = div.attribute("xml:id").value();
  doc.id = v.id + "/" + doc_id;
  xml_node head = child(div, "head");
  doc.title = head ? tei_heading_text(head) : "";
  if (doc.title.empty()) doc.title = "Document " + std::string(div.attribute("n").value());

  // Older volumes put the source note after the head, reviewed ones inside it.
  std::vector<std::string> source_notes;
  for (xml_node parent : {div, head}) {
    for (xml_node c : parent.children()) {
      if (local_name(c) == "note" && has_type(c, "source")) source_notes.push_back(tei_plain_text(c));
    }
  }
  doc.citation.text = join(source_notes, " ");
  // "Source: National Archives and Records Administration, RG 59, Central Files 1964–66,
  // POL 27–3 VIET S. Top Secret; ..." -> repository and reference.
  static const std::regex re_archival(R"(^Source:\s*([^,.]+),\s*(.+?)\.(?:\s|$))");
  if (std::smatch m; !source_notes.empty() && fits_regex(source_notes.front()) && std::regex_search(source_notes.front(), m, re_archival)) {
    doc.citation.repository = m[1].str();
    doc.citation.reference = m[2].str();
  }
  // The archival reference is the first source note that is not bracketed: "File No.
  // 861.51/396" (1918) or "500.A15a3/832: Telegram" (1930) -> the file number.
  static const std::regex re_reference(R"(^(?:File Nos?\.\s*)?([^:\[]+?)\.?\s*(?::.*)?$)");
  for (const std::string& n : source_notes) {
    std::smatch m;
    if (doc.citation.reference.empty() && n.rfind("Source:", 0) != 0 && fits_regex(n) && std::regex_match(n, m, re_reference)) {
      doc.citation.reference = m[1].str();
    }
  }
  doc.citation.volume = v.citation_title;
  doc.citation.publisher = v.publisher;
  doc.citation.place = v.place;
  doc.citation.year = v.year;
  doc.citation.number = trim(div.attribute("n").value());
  if (auto it = v.pages.find(div.internal_object()); it != v.pages.end()) doc.citation.pages = it->second;
  doc.citation.author = sender(head, v);
  doc.citation.url = "https://history.state.gov/historicaldocuments/" + v.id + "/" + doc_id;
  doc.document_type = document_type(doc.citation.text, head);
  if (doc.citation.text.find("Extract") != std::string::npos) doc.document_state = "excerpt";

  model::Content content;
  content.kind = "original";
  content.language = inherited_lang(div);
  if (content.language.empty()) content.language = "en";
  content.title = doc.title;
  TeiTextBuilder text;
  if (head) text.add_notes_of(head);  // footnotes on the title anchor at the start
  text.add_block(div, /*document_level=*/true);
  content.text = text.take_text();
  content.notes = text.take_notes();
  if (doc.citation.text.find("Translation") == std::string::npos) doc.original_languages.push_back(content.language);
  if (!content.text.empty()) {
    // The markup's gaps and the editors' bracketed marks ("[omission]", "[garbled group]"), in
    // text order; a <gap/> written as "[illegible]" is found by both and kept once.
    doc.gaps = text.take_gaps();
    model::find_gaps(content.text, 0, doc.gaps);
    std::stable_sort(doc.gaps.begin(), doc.gaps.end(), [](const model::Gap& a, const model::Gap& b) { return a.offset < b.offset; });
    doc.gaps.erase(std::unique(doc.gaps.begin(), doc.gaps.end(),
                               [](const model::Gap& a, const model::Gap& b) { return a.offset == b.offset && a.text == b.text; }),
                   doc.gaps.end());
    doc.parts = text.take_parts();
    doc.contents.push_back(std::move(content));
  }
  std::set<std::string> seen;
  collect_names(div, v, doc, seen);
  if (!v.title.empty()) doc.collections.push_back(v.title);
  return doc;
}

// Walks the volume: documents become records placed in the innermost chapter around them
// (or the volume), in the volume's order; chapters, subchapters and compilations become series.
void visit(xml_node n, const XmlSource& xml, const Volume& v, Arrangement& arr, ParseOutput& out) {
  for (xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (local_name(c) != "div") {
      visit(c, xml, v, arr, out);
      continue;
    }
    if (has_type(c, "document")) {
      std::string where = "document " + std::string(c.attribute("xml:id").value()) + " (line " +
                          std::to_string(xml.line_of(c)) + ")";
      auto date = document_date(c);
      if (!date) {
        out.errors.push_back(date.error().within(where + ": dateline"));
        continue;
      }
      model::Document doc = read_document(c, v);
      doc.date = std::move(date).value();
      std::string number(trim(c.attribute("n").value()));
      // Documents are numbered through the whole volume: their position is their place in it.
      std::int64_t position = ++arr.documents;
      doc.arrangement.push_back({arr.series.empty() ? v.id : arr.series.back(), position, number});
      add_validated(std::move(doc), where, out);
      continue;
    }
    bool series = has_type(c, "chapter") || has_type(c, "subchapter") || has_type(c, "compilation");
    if (series) {
      model::Unit u;
      std::string xml_id = c.attribute("xml:id").value();
      u.parent = arr.series.empty() ? v.id : arr.series.back();
      u.position = ++arr.positions.back();
      u.id = v.id + "/" + (xml_id.empty() ? "s" + std::to_string(xml.line_of(c)) : xml_id);
      u.level = "series";
      u.title = collapse_spaces(tei_plain_text(child(c, "head")));
      if (u.title.empty()) u.title = u.id.substr(v.id.size() + 1);
      out.units.push_back(u);
      arr.series.push_back(u.id);
      arr.positions.push_back(0);
    }
    visit(c, xml, v, arr, out);
    if (series) {
      arr.series.pop_back();
      arr.positions.pop_back();
    }
  }
}

}  // namespace

bool is_frus_volume(const XmlSource& xml) {
  xml_node text = child(xml.doc->document_element(), "text");
  return text && text.find_node([](xml_node n) { return local_name(n) == "div" && has_type(n, "document"); });
}

void parse_frus_volume(const XmlSource& xml, const SourceFile& file, ParseOutput& out) {
  xml_node text = child(xml.doc->document_element(), "text");
  std::size_t count = text.select_nodes(".//*[local-name()='div'][@type='document']").size();
  if (count > kMaxRecordsPerFile) {
    out.errors.push_back(Error::too_large("file holds " + std::to_string(count) + " documents; the limit is " +
                                          std::to_string(kMaxRecordsPerFile) + " records per file"));
    return;
  }
  Volume v = read_volume(xml, file, out);
  model::Unit volume;
  volume.id = v.id;
  volume.level = "collection";
  volume.title = v.title.empty() ? v.id : v.title;
  out.units.push_back(volume);
  Arrangement arr;
  arr.positions.push_back(0);
  visit(child(text, "body"), xml, v, arr, out);
}

}  // namespace arkiv::ingest
