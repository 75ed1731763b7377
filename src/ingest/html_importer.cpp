#include "ingest/html_importer.h"

#include "base/strings.h"
#include "ingest/html_text.h"
#include "ingest/text_input.h"
#include "text/language.h"
#include "text/language_guess.h"

namespace arkiv::ingest {

int HtmlImporter::sniff(const SourceFile& file) const {
  std::string head = to_lower_ascii(std::string_view(file.bytes).substr(0, 4096));
  if (looks_binary(head)) return 0;
  if (head.find("<!doctype html") != std::string::npos) return 95;
  if (head.find("<html") != std::string::npos) return 90;
  if (head.find("<body") != std::string::npos || head.find("<p>") != std::string::npos ||
      head.find("<div") != std::string::npos || head.find("<h1") != std::string::npos) {
    return 40;  // a fragment: tags, but no document element
  }
  return 0;
}

ParseOutput HtmlImporter::parse(const SourceFile& file) const {
  ParseOutput out;
  auto input = bounded_utf8_input(file.bytes, "HTML");
  if (!input) {
    out.errors.push_back(input.error());
    return out;
  }
  auto html = read_html(*input);
  if (!html) {
    out.errors.push_back(html.error());
    return out;
  }
  model::Document doc;
  doc.id = file_record_id(file.id_path());
  doc.title = !html->title.empty()           ? html->title
              : !html->first_heading.empty() ? html->first_heading
              : !html->paragraphs.empty()    ? title_from_line(html->paragraphs.front())
                                             : "";
  if (doc.title.empty()) {
    out.errors.push_back(Error::invalid("line 1: no title and no text: expected <title>, a heading or a paragraph"));
    return out;
  }
  model::Content content;
  content.kind = "original";
  content.text = join(html->paragraphs, "\n\n");
  // "en-GB" -> "en"; an unknown lang attribute is ignored in favour of the text itself.
  std::string lang = html->lang.substr(0, html->lang.find_first_of("-_"));
  if (auto code = text::normalize_language(lang)) {
    content.language = *code;
  } else if (auto guess = text::guess_language(content.text.empty() ? doc.title : content.text)) {
    content.language = *guess;
  }
  if (!content.language.empty()) doc.original_languages.push_back(content.language);
  add_single_text_record(std::move(doc), std::move(content), out);
  return out;
}

}  // namespace arkiv::ingest
