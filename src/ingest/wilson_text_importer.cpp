#include "ingest/wilson_text_importer.h"

#include <regex>

#include "base/strings.h"
#include "text/language.h"

namespace arkiv::ingest {

namespace {

struct Section {
  std::string label;  // "Citation", "Summary"...
  std::string body;
  std::size_t line = 0;  // 1-based line of the label
};

const char* const kLabels[] = {"Citation", "Summary", "Credits", "Original Language",
                               "Original Languages", "Contents", "Subjects", "Places",
                               "People", "Organizations", "Collections", "Related Documents"};

// Blank-line separated paragraphs; the lines of one paragraph are joined with a space.
std::vector<std::string> paragraphs_of(std::string_view body) {
  std::vector<std::string> out;
  std::string current;
  for (const std::string& raw : split(body, '\n')) {
    std::string_view line = trim(raw);
    if (line.empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += line;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

bool ends_sentence(std::string_view p) {
  p = trim(p);
  if (p.empty()) return true;
  char c = p.back();
  return std::string_view(".!?:;\"')]").find(c) != std::string_view::npos ||
         static_cast<unsigned char>(c) >= 0x80;  // closing quotes and other non-ASCII marks
}

bool starts_lower(std::string_view p) {
  return !p.empty() && p.front() >= 'a' && p.front() <= 'z';
}

// "Translation - English" -> {"translation", "en"}.
bool parse_content_label(std::string_view line, std::string& kind, std::string& language) {
  static const std::regex re(R"((Original(?: Scan)?|Scan|Translation|Transcript(?:ion)?)\s*[-–—:]\s*([A-Za-z][A-Za-z ,()-]*))",
                             std::regex::icase);
  std::cmatch m;
  std::string s(trim(line));
  if (!std::regex_match(s.c_str(), m, re)) return false;
  std::string k = to_lower_ascii(m[1].str());
  kind = k.rfind("translation", 0) == 0 ? "translation" : k.rfind("transcript", 0) == 0 ? "transcript" : "original";
  auto code = text::normalize_language(trim(m[2].str()));
  language = code ? *code : std::string(trim(m[2].str()));
  return true;
}

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

void parse_citation(const std::string& body, model::Citation& c) {
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
  if (std::regex_search(rest, m, re_title)) rest = m.suffix();
  static const std::regex re_translator(R"(\s*(?:Obtained and )?[Tt]ranslated(?: from [A-Za-z]+)? (?:by|for [^.]*? by) (.+?)\.?\s*$)");
  if (std::regex_search(rest, m, re_translator)) {
    c.translator = m[1].str();
    rest = m.prefix();
  }
  std::vector<std::string> parts;
  for (const std::string& p : split(rest, ',')) parts.emplace_back(trim(p));
  if (!parts.empty() && !parts.back().empty() && parts.back().back() == '.') parts.back().pop_back();
  // parts: [date, publisher..., reference...]; the publisher is the part naming an archive.
  std::size_t i = 0;
  if (i < parts.size() && std::regex_search(parts[i], std::regex(R"(\d{4}|\[date\]|undated)"))) ++i;
  if (i < parts.size() && (parts[i].find("Archive") != std::string::npos || parts[i].find("Library") != std::string::npos)) {
    c.publisher = parts[i++];
  }
  std::vector<std::string> ref(parts.begin() + static_cast<long>(i), parts.end());
  c.reference = join(ref, ", ");
  if (!ref.empty()) c.repository = ref.front();
}

std::vector<std::string> list_items(const std::string& body) {
  std::vector<std::string> out;
  for (const std::string& p : paragraphs_of(body)) {
    std::string item(trim(p));
    if (!item.empty() && (item[0] == '-' || item[0] == '*')) item = std::string(trim(item.substr(1)));
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

std::vector<std::string> join_broken_paragraphs(const std::vector<std::string>& paragraphs) {
  std::vector<std::string> out;
  for (const std::string& p : paragraphs) {
    if (!out.empty() && !ends_sentence(out.back()) && starts_lower(p)) {
      std::string& prev = out.back();
      // "anti-" at a page end continues the word; anything else continues the sentence.
      if (prev.back() != '-') prev += ' ';
      prev += p;
      continue;
    }
    out.push_back(p);
  }
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
  for (char& c : text) {
    if (c == '\r') c = '\n';
  }

  // Locate the labels; the header is everything before the first one.
  std::string label_alt;
  for (const char* l : kLabels) label_alt += std::string(label_alt.empty() ? "" : "|") + l;
  std::regex re_label("\\*\\*(" + label_alt + "):\\*\\*");
  std::vector<Section> sections;
  std::size_t header_end = std::string::npos;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re_label); it != std::sregex_iterator(); ++it) {
    std::size_t pos = static_cast<std::size_t>(it->position());
    if (header_end == std::string::npos) header_end = pos;
    if (!sections.empty()) {
      Section& prev = sections.back();
      prev.body = prev.body.substr(0, pos - (text.size() - prev.body.size()));
    }
    std::size_t body_start = pos + static_cast<std::size_t>(it->length());
    sections.push_back({(*it)[1].str(), text.substr(body_start), line_of_offset(text, pos)});
  }
  if (sections.empty()) {
    out.errors.push_back(Error::invalid("line 1: no '**Citation:**' or other '**Label:**' sections; expected the archive-record export format"));
    return out;
  }

  model::Document doc;
  // Header: "**1966****Albanian-Korean Joint Declaration**" -> bold runs [date, title].
  std::string header = text.substr(0, header_end);
  std::vector<std::string> bold;
  static const std::regex re_bold(R"(\*\*([^*]+)\*\*)");
  for (auto it = std::sregex_iterator(header.begin(), header.end(), re_bold); it != std::sregex_iterator(); ++it) {
    std::string run(trim((*it)[1].str()));
    if (!run.empty()) bold.push_back(run);
  }
  auto reads_as_date = [](const std::string& run) {
    auto d = model::parse_date(run);
    return d && d->known();
  };
  std::string date_text;
  if (bold.size() >= 2) {
    date_text = bold[0];
    doc.title = bold[1];
  } else if (bold.size() == 1 && !reads_as_date(bold[0])) {
    doc.title = bold[0];
  }
  if (doc.title.empty()) {
    out.errors.push_back(Error::invalid("line " + std::to_string(line_of_offset(text, header.find_first_not_of(" \n"))) +
                                        ": no title; expected a header line '**YEAR****TITLE**'"));
    return out;
  }
  auto date = model::parse_date(date_text);
  if (!date) {
    out.errors.push_back(date.error().within("line " + std::to_string(line_of_offset(text, header.find(date_text)))));
    return out;
  }
  doc.date = *date;

  std::string contents_body;
  for (const Section& s : sections) {
    if (s.label == "Citation") {
      parse_citation(s.body, doc.citation);
    } else if (s.label == "Summary") {
      doc.summary = join(paragraphs_of(s.body), "\n\n");
    } else if (s.label == "Credits") {
      doc.credits = paragraphs_of(s.body);
    } else if (s.label == "Original Language" || s.label == "Original Languages") {
      static const std::regex re_sep(R"(\s*(?:,|;|\band\b)\s*)");
      std::string body(trim(s.body));
      for (auto it = std::sregex_token_iterator(body.begin(), body.end(), re_sep, -1); it != std::sregex_token_iterator(); ++it) {
        std::string name(trim(it->str()));
        if (name.empty()) continue;
        auto code = text::normalize_language(name);
        if (!code) {
          out.errors.push_back(Error::invalid("line " + std::to_string(s.line + 2) + ": Original Language: unknown language '" + name + "' (expected a language name or ISO 639 code)"));
          return out;
        }
        doc.original_languages.push_back(*code);
      }
    } else if (s.label == "Contents") {
      contents_body = s.body;
    } else if (s.label == "Subjects") {
      doc.subjects = list_items(s.body);
    } else if (s.label == "Places") {
      doc.places = list_items(s.body);
    } else if (s.label == "People") {
      doc.people = list_items(s.body);
    } else if (s.label == "Organizations") {
      doc.organizations = list_items(s.body);
    } else if (s.label == "Collections") {
      doc.collections = list_items(s.body);
    } else if (s.label == "Related Documents") {
      doc.related = list_items(s.body);
    }
  }

  // Contents: leading "Translation - English" lines describe the versions; the rest is text.
  std::vector<std::string> paras = paragraphs_of(contents_body);
  model::Content content;
  std::size_t first_text = 0;
  while (first_text < paras.size()) {
    std::string kind, language;
    if (!parse_content_label(paras[first_text], kind, language)) break;
    if (content.kind.empty()) {
      content.kind = kind;
      content.language = language;
    }
    ++first_text;
  }
  if (content.kind.empty()) {
    content.kind = "original";
    if (!doc.original_languages.empty()) content.language = doc.original_languages.front();
  }
  if (content.kind == "translation") content.translator = doc.citation.translator;
  std::vector<std::string> body(paras.begin() + static_cast<long>(first_text), paras.end());
  body = join_broken_paragraphs(body);
  // A first line such as "Draft" states what the historical document itself is.
  static const std::regex re_state(R"((draft|final|copy|excerpt|unofficial translation|top secret|secret|confidential)\.?)", std::regex::icase);
  for (std::size_t i = 0; i < std::min<std::size_t>(body.size(), 3); ++i) {
    if (std::regex_match(body[i], re_state)) {
      std::string state = to_lower_ascii(body[i]);
      if (!state.empty() && state.back() == '.') state.pop_back();
      if (state == "draft" || state == "final" || state == "copy" || state == "excerpt") {
        doc.document_state = state;
      }
      continue;
    }
    if (iequals_ascii(body[i], doc.title)) content.title = body[i];
  }
  content.text = join(body, "\n\n");
  doc.document_type = document_type_from_title(doc.title);
  if (!content.text.empty()) {
    model::find_gaps(content.text, 0, doc.gaps);
    doc.contents.push_back(std::move(content));
  }

  // The id is the source's own: the document number in its URL, else the file name.
  static const std::regex re_docno(R"(/document/(\d+))");
  std::smatch m;
  if (std::regex_search(doc.citation.url, m, re_docno)) {
    doc.id = "wcda/" + m[1].str();
  } else {
    std::string base = file.path.substr(file.path.find_last_of('/') + 1);
    doc.id = "file/" + slugify(base.substr(0, base.find_last_of('.')));
  }
  std::string where = "record '" + doc.title + "'";
  add_validated(std::move(doc), where, out);
  return out;
}

}  // namespace arkiv::ingest
