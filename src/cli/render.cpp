#include "cli/render.h"

#include <sstream>

#include "base/strings.h"
#include "text/language.h"

namespace arkiv::cli {

std::string snippet_for_terminal(const MarkedText& snippet, bool color) {
  return color ? marked_with(snippet, "\033[1m", "\033[0m") : snippet.text;
}

std::string record_as_text(const model::Document& d, const std::vector<model::Provenance>& provenance) {
  std::ostringstream o;
  auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) o << label << value << "\n";
  };
  auto list = [&](const char* label, const std::vector<std::string>& values) { line(label, join(values, "; ")); };
  o << d.title << "\n" << std::string(std::min<std::size_t>(utf8_length(d.title), 78), '=') << "\n";
  line("Id:            ", d.id);
  std::string date = d.date.display.empty() ? "(none given)" : d.date.display;
  if (d.date.known()) date += "  [" + d.date.earliest + " .. " + d.date.latest + ", " + model::precision_name(d.date.precision) + "]";
  else date += "  [unknown]";
  line("Date:          ", date);
  line("Type:          ", d.document_type);
  line("State:         ", d.document_state);
  std::vector<std::string> langs;
  for (const auto& l : d.original_languages) langs.push_back(text::language_name(l) + " (" + l + ")");
  list("Original lang: ", langs);
  line("Summary:       ", d.summary);
  line("Citation:      ", d.citation.text);
  line("  Sender:      ", d.citation.author);
  line("  Volume:      ", d.citation.volume);
  line("  Document:    ", d.citation.number);
  line("  Pages:       ", d.citation.pages);
  line("  Publisher:   ", d.citation.publisher);
  line("  Place:       ", d.citation.place);
  line("  Year:        ", d.citation.year);
  line("  Archive:     ", d.citation.repository);
  line("  Reference:   ", d.citation.reference);
  line("  URL:         ", d.citation.url);
  line("  Translator:  ", d.citation.translator);
  list("Credits:       ", d.credits);
  list("Subjects:      ", d.subjects);
  list("Places:        ", d.places);
  list("People:        ", d.people);
  list("Organizations: ", d.organizations);
  list("Collections:   ", d.collections);
  list("Related:       ", d.related);
  if (!d.gaps.empty()) {
    o << "Gaps in the source (" << d.gaps.size() << "):\n";
    for (const auto& g : d.gaps) o << "  content " << g.content + 1 << ", offset " << g.offset << ": " << g.text << "\n";
  }
  for (const auto& p : provenance) o << "Imported:      " << p.imported_at << " from " << p.source_path << " (" << p.format << ", sha256 " << p.sha256.substr(0, 12) << ")\n";
  for (std::size_t i = 0; i < d.contents.size(); ++i) {
    const auto& c = d.contents[i];
    o << "\n--- " << c.kind << " " << i + 1 << ": " << text::language_name(c.language);
    if (!c.translator.empty()) o << ", translated by " << c.translator;
    o << " ---\n\n" << c.text << "\n";
    for (const auto& n : c.notes) o << "\n[" << n.label << "] " << n.text;
    if (!c.notes.empty()) o << "\n";
  }
  return o.str();
}

}  // namespace arkiv::cli
