#include "base/bounded_regex.h"
#include "ingest/wilson_text_importer.h"

#include <algorithm>
#include <regex>

#include "base/strings.h"
#include "ingest/wilson_export.h"
#include "text/language.h"

namespace arkiv::ingest {

namespace {

using wilson::Paragraph;

// What kind of historical document the title names.
std::string document_type_from_title(std::string_view title) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {"declaration", "declaration"}, {"communique", "communique"}, {"communiqué", "communique"},
      {"memorandum of conversation", "memorandum of conversation"}, {"memorandum", "memorandum"},
      {"minutes", "minutes"}, {"record of conversation", "record of conversation"},
      {"telegram", "telegram"}, {"cable", "cable"}, {"letter", "letter"}, {"resolution", "resolution"},
      {"report", "report"}, {"speech", "speech"}, {"treaty", "treaty"}, {"agreement", "agreement"},
      {"note", "note"}, {"directive", "directive"}, {"diary", "diary"}, {"transcript", "transcript"},
  };
  std::string lower = to_lower_ascii(title);
  for (auto [word, type] : kTypes) {
    if (lower.find(word) != std::string::npos) return type;
  }
  return "";
}

void parse_citation(std::string_view body, model::Citation& c) {
  std::vector<std::string> lines;
  for (const std::string& raw : split(body, '\n')) {
    std::string_view line = trim(raw);
    if (line.empty()) continue;
    if (line.size() > 2 && line.front() == '<' && line.back() == '>') {
      c.url = std::string(line.substr(1, line.size() - 2));
      continue;
    }
    if (line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0) {
      c.url = std::string(line);
      continue;
    }
    lines.emplace_back(line);
  }
  c.text = join(lines, " ");
  // "Title", DATE, PUBLISHER, REFERENCE. Translated by NAME.
  std::string rest = c.text;
  static const std::regex re_title(R"(^\s*["“]([^"”]*)["”],\s*)");
  std::smatch m;
  if (fits_regex(rest) && std::regex_search(rest, m, re_title)) rest = m.suffix();
  static const std::regex re_translator(R"(\s*(?:Obtained and )?[Tt]ranslated(?: from [A-Za-z]+)? (?:by|for [^.]*? by) (.+?)\.?\s*$)");
  if (fits_regex(rest) && std::regex_search(rest, m, re_translator)) {
    c.translator = m[1].str();
    rest = m.prefix();
  }
  std::vector<std::string> parts;
  for (const std::string& p : split(rest, ',')) parts.emplace_back(trim(p));
  if (!parts.empty() && !parts.back().empty() && parts.back().back() == '.') parts.back().pop_back();
  // parts: [date, publisher..., reference...]; the publisher is the part naming an archive. The
  // date may itself hold a comma ("June 12, 1962" -> "June 12", "1962"): every leading part that
  // is a date or a piece of one is the date, so the reference starts at the archive.
  static const std::regex re_year(R"(\d{4}|\[date\]|undated)");
  static const std::regex re_month_day(
      R"(^(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?$)", std::regex::icase);
  std::size_t i = 0;
  while (i < parts.size() && fits_regex(parts[i]) && (std::regex_search(parts[i], re_year) || std::regex_match(parts[i], re_month_day))) {
    const bool year = std::regex_search(parts[i], re_year);
    ++i;
    if (year) break;  // the year ends the date
  }
  if (i < parts.size() && (parts[i].find("Archive") != std::string::npos || parts[i].find("Library") != std::string::npos)) {
    c.publisher = parts[i++];
  }
  std::vector<std::string> ref(parts.begin() + static_cast<long>(i), parts.end());
  c.reference = join(ref, ", ");
  if (!ref.empty()) c.repository = ref.front();
}

std::vector<std::string> list_items(std::string_view body) {
  std::vector<std::string> out;
  for (const Paragraph& p : wilson::paragraphs_of(body, 1)) {
    std::string item(trim(p.text));
    if (!item.empty() && (item[0] == '-' || item[0] == '*')) item = std::string(trim(item.substr(1)));
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

std::vector<std::string> join_broken_paragraphs(const std::vector<std::string>& paragraphs) {
  std::vector<Paragraph> ps;
  for (const std::string& p : paragraphs) ps.push_back({p, 0});
  std::vector<std::string> out;
  for (const Paragraph& p : wilson::join_broken(ps)) out.push_back(p.text);
  return out;
}

int WilsonTextImporter::sniff(const SourceFile& file) const {
  std::string_view head = trim(std::string_view(file.bytes).substr(0, 4096));
  if (head.rfind("**", 0) != 0) return 0;
  int score = 40;
  if (head.find("**Citation:**") != std::string_view::npos) score += 30;
  if (head.find("**Summary:**") != std::string_view::npos) score += 20;
  if (std::string_view(file.bytes).find("**Contents:**") != std::string_view::npos) score += 10;
  return score;
}

namespace {

// The record's fields from its labelled sections (everything but the contents).
void read_fields(std::string_view text, const wilson::Sections& layout, model::Document& doc, ParseOutput& out) {
  for (const wilson::Section& s : layout.sections) {
    std::string_view body = text.substr(s.begin, s.end - s.begin);
    if (s.label == "Citation") {
      parse_citation(body, doc.citation);
    } else if (s.label == "Summary") {
      std::vector<std::string> ps;
      for (const Paragraph& p : wilson::paragraphs_of(body, s.line)) ps.push_back(p.text);
      doc.summary = join(ps, "\n\n");
    } else if (s.label == "Credits") {
      doc.credits.clear();
      for (const Paragraph& p : wilson::paragraphs_of(body, s.line)) doc.credits.push_back(p.text);
    } else if (s.label == "Original Language" || s.label == "Original Languages") {
      doc.original_languages.clear();
      static const std::regex re_sep(R"(\s*(?:,|;|/|\band\b)\s*)");
      for (const Paragraph& p : wilson::paragraphs_of(body, s.line)) {
        // Too long to split: one name, which no language has (a warning, kept as written).
        std::vector<std::string> names;
        if (!fits_regex(p.text)) {
          names.push_back(p.text);
        } else {
          for (auto it = std::sregex_token_iterator(p.text.begin(), p.text.end(), re_sep, -1); it != std::sregex_token_iterator(); ++it) {
            names.push_back(it->str());
          }
        }
        for (const std::string& piece : names) {
          std::string name(trim(piece));
          if (name.empty()) continue;
          if (auto code = text::normalize_language(name)) {
            if (std::find(doc.original_languages.begin(), doc.original_languages.end(), *code) == doc.original_languages.end()) {
              doc.original_languages.push_back(*code);
            }
            continue;
          }
          out.warnings.push_back("line " + std::to_string(p.line) + ": Original Language: unknown language '" + name +
                                 "' (expected a language name or ISO 639 code); kept as given, for review");
          doc.unread.push_back({"original_languages", name});
        }
      }
    } else if (s.label == "Subjects") {
      doc.subjects = list_items(body);
    } else if (s.label == "Places") {
      doc.places = list_items(body);
    } else if (s.label == "People") {
      doc.people = list_items(body);
    } else if (s.label == "Organizations") {
      doc.organizations = list_items(body);
    } else if (s.label == "Collections") {
      doc.collections = list_items(body);
    } else if (s.label == "Related Documents") {
      doc.related = list_items(body);
    }
  }
}

// The contents list and the texts after it become the record's content items and gaps.
void read_contents(std::string_view text, const wilson::Sections& layout, model::Document& doc, ParseOutput& out) {
  const wilson::Section* contents = nullptr;
  for (const wilson::Section& s : layout.sections) {
    if (s.label == "Contents") contents = &s;  // the last one, as a reader of the file would take it
  }
  if (!contents) return;
  wilson::ContentsList list =
      wilson::read_contents_list(wilson::paragraphs_of(text.substr(contents->begin, contents->end - contents->begin), contents->line));
  std::vector<wilson::Text> texts = wilson::split_texts(list.body, list.entries);
  for (const wilson::Text& t : texts) {
    // A first paragraph such as "Draft" states what the historical document itself is.
    for (std::size_t i = 0; i < std::min<std::size_t>(t.paragraphs.size(), 3) && doc.document_state.empty(); ++i) {
      doc.document_state = wilson::document_state_of(t.paragraphs[i].text);
    }
  }
  doc.contents = wilson::content_items(list.entries, texts, doc, out.warnings);
  for (std::size_t i = 0; i < doc.contents.size(); ++i) model::find_gaps(doc.contents[i].text, i, doc.gaps);
}

}  // namespace

ParseOutput WilsonTextImporter::parse(const SourceFile& file) const {
  ParseOutput out;
  std::string text = file.bytes;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    out.errors.push_back(Error::invalid("line " + std::to_string(line_of_offset(text, bad)) +
                                        ": not valid UTF-8 (the export format is UTF-8 text)"));
    return out;
  }
  // "\r\n" is one line end; a lone "\r" is one too.
  std::string normalized;
  normalized.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normalized += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normalized += text[i];
    }
  }
  text = std::move(normalized);

  wilson::Sections layout = wilson::find_sections(text);
  if (layout.sections.empty()) {
    out.errors.push_back(Error::invalid("line 1: no '**Citation:**' or other '**Label:**' sections; expected the archive-record export format"));
    return out;
  }
  std::string_view header = std::string_view(text).substr(0, layout.header_end);
  std::size_t header_line = line_of_offset(text, std::min(text.find_first_not_of(" \n"), layout.header_end));
  wilson::Header h = wilson::read_header(header);
  model::Document doc;
  doc.title = h.title;
  if (doc.title.empty()) {
    out.errors.push_back(Error::invalid("line " + std::to_string(header_line) + ": no title; expected a header line '**YEAR****TITLE**'"));
    return out;
  }
  // Any date form is kept: one arkiv cannot read has its display verbatim, unknown bounds and
  // a problem, which the import reports as a warning. Only an oversized display is an error.
  auto date = model::parse_date(h.date);
  if (!date) {
    out.errors.push_back(date.error().within("line " + std::to_string(header_line)));
    return out;
  }
  doc.date = std::move(*date);
  read_fields(text, layout, doc, out);
  read_contents(text, layout, doc, out);
  doc.document_type = document_type_from_title(doc.title);

  // The id is the source's own: the document number in its URL, else the file name.
  static const std::regex re_docno(R"(/document/(\d+))");
  std::smatch m;
  if (fits_regex(doc.citation.url) && std::regex_search(doc.citation.url, m, re_docno)) {
    doc.id = "wcda/" + m[1].str();
  } else {
    std::string base = file.path.substr(file.path.find_last_of('/') + 1);
    doc.id = "file/" + slugify(base.substr(0, base.find_last_of('.')));
  }
  std::string where = "record '" + doc.title + "'";
  for (std::string& w : out.warnings) w = where + ": " + w;
  add_validated(std::move(doc), where, out);
  return out;
}

}  // namespace arkiv::ingest
