#include "ingest/text_importer.h"

#include <cctype>

#include "base/strings.h"
#include "ingest/text_input.h"
#include "text/language_guess.h"

namespace arkiv::ingest {

namespace {

// "## Heading ##" -> "Heading"; empty if `line` is not an ATX heading.
std::string atx_heading(std::string_view line, int* level = nullptr) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == '#') ++n;
  if (n == 0 || n > 6 || (n < line.size() && line[n] != ' ' && line[n] != '\t')) return "";
  if (level) *level = static_cast<int>(n);
  std::string_view t = trim(line.substr(n));
  while (!t.empty() && t.back() == '#') t.remove_suffix(1);
  return std::string(trim(t));
}

bool is_setext_underline(std::string_view line) {
  line = trim(line);
  if (line.size() < 2) return false;
  char c = line[0];
  if (c != '=' && c != '-') return false;
  return line.find_first_not_of(c) == std::string_view::npos;
}

bool is_list_item(std::string_view line) {
  line = trim(line);
  if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return true;
  std::size_t d = 0;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  return d > 0 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ';
}

}  // namespace

int TextImporter::sniff(const SourceFile& file) const {
  std::string_view head = std::string_view(file.bytes).substr(0, 8192);
  if (head.empty() || looks_binary(head) || head.starts_with("%PDF-")) return 0;
  // Markup that no structured importer recognised (an unknown XML vocabulary) is not text to
  // import as prose: leave it unclaimed so that the registry says so.
  std::string_view start = trim(head.starts_with("\xEF\xBB\xBF") ? head.substr(3) : head);
  if (start.size() > 1 && start[0] == '<' &&
      (start[1] == '?' || start[1] == '!' || std::isalpha(static_cast<unsigned char>(start[1])))) {
    return 0;
  }
  // Text is anyone's: score low so that every structured format wins. Invalid UTF-8 (e.g.
  // Latin-1) is still claimed, so that parse() can say what is wrong with it.
  std::size_t bad = 0;
  if (!is_valid_utf8(head, &bad) && bad + 4 < head.size()) return 5;
  for (const std::string& line : split(head, '\n')) {
    if (!atx_heading(trim(line)).empty()) return 15;
  }
  return 10;
}

ParseOutput TextImporter::parse(const SourceFile& file) const {
  ParseOutput out;
  if (looks_binary(std::string_view(file.bytes).substr(0, 8192))) {
    out.errors.push_back(Error::unsupported("line 1: binary content (NUL or control bytes); expected text"));
    return out;
  }
  auto input = bounded_utf8_input(file.bytes, "text");
  if (!input) {
    out.errors.push_back(input.error());
    return out;
  }
  std::vector<std::string> lines = split(*input, '\n');
  for (std::string& l : lines) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
  }

  std::string heading;   // the first Markdown heading of the highest level
  int heading_level = 7;
  std::string first_line;
  std::vector<std::string> paragraphs;
  std::string cur;
  auto end_paragraph = [&] {
    if (!cur.empty()) paragraphs.push_back(std::move(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) {
      end_paragraph();
      continue;
    }
    if (first_line.empty()) first_line = line;
    int level = 0;
    std::string text = atx_heading(line, &level);
    if (text.empty() && i + 1 < lines.size() && is_setext_underline(lines[i + 1]) && cur.empty()) {
      text = std::string(line);
      level = trim(lines[i + 1])[0] == '=' ? 1 : 2;
      ++i;  // the underline is markup, not text
    }
    if (!text.empty()) {
      if (level < heading_level) heading = text, heading_level = level;
      end_paragraph();
      paragraphs.push_back(text);
      continue;
    }
    if (is_list_item(line)) end_paragraph();
    if (!cur.empty()) cur += ' ';
    cur += collapse_spaces(line);
  }
  end_paragraph();

  model::Document doc;
  doc.id = file_record_id(file.id_path());
  doc.title = !heading.empty() ? heading : title_from_line(first_line);
  if (doc.title.empty()) {
    out.errors.push_back(Error::invalid("line 1: the file has no text (only white space)"));
    return out;
  }
  model::Content content;
  content.kind = "original";
  content.text = join(paragraphs, "\n\n");
  if (auto lang = text::guess_language(content.text)) {
    content.language = *lang;
    doc.original_languages.push_back(*lang);
  }
  add_single_text_record(std::move(doc), std::move(content), out);
  return out;
}

}  // namespace arkiv::ingest
