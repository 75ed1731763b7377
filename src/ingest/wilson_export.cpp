#include "ingest/wilson_export.h"

#include <algorithm>
#include <regex>

#include "base/strings.h"
#include "text/language.h"
#include "text/language_guess.h"

namespace arkiv::ingest::wilson {

namespace {

const char* const kLabels[] = {"Citation", "Summary", "Credits", "Original Language",
                               "Original Languages", "Contents", "Subjects", "Places",
                               "People", "Organizations", "Collections", "Related Documents"};

// The label starting at `text[pos]` ("**Citation:**"), and its length, if it is one.
std::optional<std::pair<std::string, std::size_t>> label_at(std::string_view text, std::size_t pos) {
  std::string_view rest = text.substr(pos + 2);
  for (const char* l : kLabels) {
    std::string_view label(l);
    if (rest.starts_with(label) && rest.substr(label.size()).starts_with(":**")) {
      return std::make_pair(std::string(label), 2 + label.size() + 3);
    }
  }
  return std::nullopt;
}

bool ends_sentence(std::string_view p) {
  p = trim(p);
  if (p.empty()) return true;
  if (std::string_view(".!?:;\"')]").find(p.back()) != std::string_view::npos) return true;
  // Closing quotes and full stops outside ASCII; a letter (Cyrillic, Hangul) goes on.
  for (std::string_view mark : {"\u201D", "\u2019", "\u00BB", "\u2026", "\u3002", "\uFF01", "\uFF1F", "\u300D", "\u300F"}) {
    if (p.ends_with(mark)) return true;
  }
  return false;
}

// Lower-case Latin (ASCII, Latin-1), Greek or Cyrillic first letter: a sentence going on.
bool starts_lower(std::string_view p) {
  if (p.empty()) return false;
  auto c0 = static_cast<unsigned char>(p[0]);
  if (c0 < 0x80) return c0 >= 'a' && c0 <= 'z';
  if (p.size() < 2 || (c0 & 0xE0) != 0xC0) return false;
  unsigned cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(p[1]) & 0x3Fu);
  return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F);
}

}  // namespace

std::vector<Paragraph> join_broken(const std::vector<Paragraph>& paragraphs) {
  std::vector<Paragraph> out;
  for (const Paragraph& p : paragraphs) {
    if (!out.empty() && !ends_sentence(out.back().text) && starts_lower(p.text)) {
      std::string& prev = out.back().text;
      // "anti-" at a page end continues the word; anything else continues the sentence.
      if (prev.back() != '-') prev += ' ';
      prev += p.text;
      continue;
    }
    out.push_back(p);
  }
  return out;
}

namespace {

std::string joined_text(const std::vector<Paragraph>& ps) {
  std::string out;
  for (const Paragraph& p : ps) {
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

std::string describe(const std::string& code) { return code.empty() ? "an undetermined language" : text::language_name(code); }

std::string entry_list(const std::vector<ContentsEntry>& entries) {
  std::vector<std::string> labels;
  for (const auto& e : entries) labels.push_back("'" + e.label + "'");
  return labels.empty() ? "none" : join(labels, ", ");
}

}  // namespace

Sections find_sections(std::string_view text) {
  Sections out;
  out.header_end = text.size();
  std::size_t line = 1, counted = 0;
  for (std::size_t pos = text.find("**"); pos != std::string_view::npos; pos = text.find("**", pos)) {
    auto label = label_at(text, pos);
    if (!label) {
      pos += 1;
      continue;
    }
    line += static_cast<std::size_t>(std::count(text.begin() + static_cast<long>(counted), text.begin() + static_cast<long>(pos), '\n'));
    counted = pos;
    if (out.sections.empty()) out.header_end = pos;
    if (!out.sections.empty()) out.sections.back().end = pos;
    std::size_t body = pos + label->second;
    out.sections.push_back({label->first, line, body, text.size()});
    pos = body;
  }
  return out;
}

std::vector<Paragraph> paragraphs_of(std::string_view body, std::size_t first_line) {
  std::vector<Paragraph> out;
  Paragraph current;
  std::size_t line = first_line;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view l = trim(body.substr(start, end - start));
    if (l.empty()) {
      if (!current.text.empty()) out.push_back(std::move(current));
      current = {};
    } else {
      if (current.text.empty()) current.line = line;
      else current.text += ' ';
      current.text += l;
    }
    ++line;
    start = end + 1;
  }
  if (!current.text.empty()) out.push_back(std::move(current));
  return out;
}

Header read_header(std::string_view header) {
  // Bold runs: the text between "**" pairs ("**1966****Title**" -> "1966", "Title").
  std::vector<std::string> bold;
  std::size_t pos = header.find("**");
  while (pos != std::string_view::npos) {
    std::size_t end = header.find("**", pos + 2);
    if (end == std::string_view::npos) break;
    std::string run(trim(header.substr(pos + 2, end - pos - 2)));
    if (!run.empty()) bold.push_back(run);
    pos = header.find("**", end + 2);
  }
  Header h;
  if (bold.size() >= 2) {
    h.date = bold[0];
    h.title = bold[1];
  } else if (bold.size() == 1) {
    auto date = model::parse_date(bold[0]);
    (date && date->known() ? h.date : h.title) = bold[0];  // "**1966**" alone is a date
  }
  return h;
}

std::optional<ContentsEntry> parse_contents_entry(const Paragraph& p) {
  static const std::regex re(
      R"((Original Scan|Original|Scan|Translation|Transcript|Transcription)(?:\s*(?:-|–|—|:)\s*([^\s\d][^\d.;!?]{0,39}))?)",
      std::regex::icase);
  std::string s(trim(p.text));
  std::smatch m;
  if (s.size() > 60 || !std::regex_match(s, m, re)) return std::nullopt;
  ContentsEntry e;
  e.label = s;
  e.line = p.line;
  std::string k = to_lower_ascii(m[1].str());
  e.scan = k.find("scan") != std::string::npos;
  e.kind = k.starts_with("translation") ? "translation" : k.starts_with("transcript") ? "transcript" : "original";
  std::string lang(trim(m[2].str()));
  if (lang.empty()) {
    if (!e.scan) return std::nullopt;  // a bare "Translation" is more likely a line of text
    return e;
  }
  if (auto code = text::normalize_language(lang)) e.language = *code;
  else e.declared = lang;
  return e;
}

ContentsList read_contents_list(std::vector<Paragraph> paragraphs) {
  ContentsList out;
  std::size_t i = 0;
  for (; i < paragraphs.size(); ++i) {
    auto e = parse_contents_entry(paragraphs[i]);
    if (!e) break;
    // An entry listed again is the label line over its text: the body starts there.
    auto listed = [&](const ContentsEntry& c) { return iequals_ascii(c.label, e->label); };
    if (std::any_of(out.entries.begin(), out.entries.end(), listed)) break;
    out.entries.push_back(std::move(*e));
  }
  out.body.assign(std::make_move_iterator(paragraphs.begin() + static_cast<long>(i)), std::make_move_iterator(paragraphs.end()));
  return out;
}

std::vector<Text> split_texts(const std::vector<Paragraph>& body, const std::vector<ContentsEntry>& entries) {
  std::vector<std::optional<std::string>> guesses;
  guesses.reserve(body.size());
  for (const Paragraph& p : body) guesses.push_back(text::guess_language(p.text));
  std::vector<Text> texts;
  std::string current;  // the language of the open text, once a paragraph has told it
  auto start_text = [&](std::optional<std::size_t> entry) {
    texts.push_back({{}, entry, ""});
    current.clear();
  };
  for (std::size_t i = 0; i < body.size(); ++i) {
    const Paragraph& p = body[i];
    // A paragraph repeating an entry's label starts that entry's text.
    if (auto e = parse_contents_entry(p)) {
      auto it = std::find_if(entries.begin(), entries.end(), [&](const ContentsEntry& c) { return iequals_ascii(c.label, e->label); });
      if (it != entries.end()) {
        start_text(static_cast<std::size_t>(it - entries.begin()));
        continue;
      }
    }
    if (texts.empty()) start_text(std::nullopt);
    if (const auto& g = guesses[i]) {
      if (!current.empty() && *g != current) {
        // A change of language starts a new text, unless it is one short paragraph (a
        // quotation) after which the text goes on in its own language.
        std::optional<std::string> next;
        for (std::size_t k = i + 1; k < body.size() && !next; ++k) next = guesses[k];
        bool quotation = next && *next == current && p.text.size() < 200;
        if (!quotation) start_text(std::nullopt);
      }
      if (current.empty()) current = *g;
    }
    texts.back().paragraphs.push_back(p);
  }
  std::erase_if(texts, [](const Text& t) { return t.paragraphs.empty(); });
  for (Text& t : texts) {
    t.paragraphs = join_broken(t.paragraphs);
    t.language = text::guess_language(joined_text(t.paragraphs)).value_or("");
  }
  return texts;
}

std::string document_state_of(std::string_view paragraph) {
  static const std::regex re(R"((draft|final|copy|excerpt)\.?)", std::regex::icase);
  std::string p(trim(paragraph));
  if (!std::regex_match(p, re)) return "";
  std::string state = to_lower_ascii(p);
  if (state.back() == '.') state.pop_back();
  return state;
}

std::vector<model::Content> content_items(const std::vector<ContentsEntry>& entries, const std::vector<Text>& texts,
                                          const model::Document& doc, std::vector<std::string>& warnings) {
  std::vector<model::Content> items;
  auto original_language = [&] { return doc.original_languages.size() == 1 ? doc.original_languages[0] : std::string(); };
  for (const ContentsEntry& e : entries) {
    model::Content c;
    c.kind = e.kind;
    c.label = e.label;
    c.language = e.language;
    c.declared_language = e.declared;
    if (e.scan && c.language.empty()) c.language = original_language();
    if (c.kind == "translation") c.translator = doc.citation.translator;
    c.in_export = false;
    items.push_back(std::move(c));
    if (!e.declared.empty()) {
      warnings.push_back("line " + std::to_string(e.line) + ": contents entry '" + e.label + "' names a language arkiv does not know ('" +
                         e.declared + "'); kept as given, with no language code");
    }
  }
  std::vector<bool> has_text(items.size(), false);
  auto free_entries = [&](auto&& pred) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!has_text[i] && !entries[i].scan && pred(items[i])) out.push_back(i);
    }
    return out;
  };

  for (const Text& t : texts) {
    std::size_t line = t.paragraphs.front().line;
    std::string body = joined_text(t.paragraphs);
    std::optional<std::size_t> target;
    if (t.entry && !has_text[*t.entry]) {
      target = t.entry;
    } else if (!t.language.empty()) {
      if (auto same = free_entries([&](const model::Content& c) { return c.language == t.language; }); !same.empty()) {
        target = same.front();
      } else if (auto unknown = free_entries([](const model::Content& c) { return c.language.empty(); }); unknown.size() == 1) {
        target = unknown.front();  // "Translation - Klingonese": the one entry whose language we could not read
      }
    } else if (auto open = free_entries([](const model::Content&) { return true; }); !open.empty()) {
      target = open.front();  // the language cannot be told: the first entry still waiting for a text
    }

    if (target) {
      model::Content& c = items[*target];
      if (!t.language.empty() && c.language != t.language) {
        // Never relabelled silently: the text keeps its detected language, the entry's is kept.
        if (c.declared_language.empty()) c.declared_language = c.language;
        warnings.push_back("line " + std::to_string(line) + ": the text under contents entry '" + entries[*target].label + "' reads as " +
                           describe(t.language) + "; kept with that language (declared: '" + c.declared_language + "')");
        c.language = t.language;
      }
      c.text = std::move(body);
      c.in_export = true;
      has_text[*target] = true;
      continue;
    }
    model::Content c;
    c.language = !t.language.empty() ? t.language : entries.empty() ? original_language() : std::string();
    bool in_original = std::find(doc.original_languages.begin(), doc.original_languages.end(), c.language) != doc.original_languages.end();
    c.kind = in_original || doc.original_languages.empty() ? "original" : "translation";
    if (c.kind == "translation") c.translator = doc.citation.translator;
    c.text = std::move(body);
    if (!entries.empty()) {
      warnings.push_back("line " + std::to_string(line) + ": a text in " + describe(t.language) + " matches no contents entry (" +
                         entry_list(entries) + "); kept as a separate " + c.kind + " with its detected language");
    }
    items.push_back(std::move(c));
  }

  // A version's heading is a paragraph near its start that repeats the record's title.
  for (model::Content& c : items) {
    std::size_t start = 0;
    for (int k = 0; k < 3 && start < c.text.size(); ++k) {
      std::size_t end = c.text.find("\n\n", start);
      std::string_view p = std::string_view(c.text).substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (iequals_ascii(p, doc.title)) {
        c.title = std::string(p);
        break;
      }
      if (end == std::string::npos) break;
      start = end + 2;
    }
  }
  return items;
}

}  // namespace arkiv::ingest::wilson
