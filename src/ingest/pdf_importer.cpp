#include "ingest/pdf_importer.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>

#include "base/strings.h"
#include "ingest/text_input.h"
#include "text/language_guess.h"

namespace arkiv::ingest {

namespace {

constexpr std::size_t kMaxPdfBytes = std::size_t{256} << 20;

std::string utf8_of(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Paragraphs of one page: blank lines separate them, the lines of one are joined by a space.
std::vector<std::string> page_paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (std::string line : split(text, '\n')) {
    for (char& c : line) {
      if (c == '\f' || c == '\r') c = ' ';
    }
    std::string_view t = trim(line);
    if (t.empty()) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (!cur.empty()) cur += ' ';
    cur += collapse_spaces(t);
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

}  // namespace

int PdfImporter::sniff(const SourceFile& file) const {
  // The header may follow a little junk (the PDF specification allows it in the first 1 KiB).
  std::size_t at = std::string_view(file.bytes).substr(0, 1024).find("%PDF-");
  if (at == std::string_view::npos) return 0;
  return at == 0 ? 100 : 90;
}

ParseOutput PdfImporter::parse(const SourceFile& file) const {
  ParseOutput out;
  if (file.bytes.size() > kMaxPdfBytes || file.bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    out.errors.push_back(Error::too_large("file is " + std::to_string(file.bytes.size()) +
                                          " bytes; PDF files are limited to 256 MiB"));
    return out;
  }
  if (sniff(file) == 0) {
    out.errors.push_back(Error::invalid("byte 0: no '%PDF-' header in the first 1 KiB; not a PDF file"));
    return out;
  }
  silence_poppler();
  try {
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(file.bytes.data(), static_cast<int>(file.bytes.size())));
    if (!pdf) {
      out.errors.push_back(Error::invalid("not a readable PDF: the file is damaged or truncated (poppler could not open it)"));
      return out;
    }
    if (pdf->is_locked()) {
      out.errors.push_back(Error::unsupported("encrypted PDF: it needs a password to read; import an unlocked copy"));
      return out;
    }
    if (pdf->pages() <= 0) {
      out.errors.push_back(Error::invalid("PDF has no pages: the file is damaged or truncated"));
      return out;
    }
    model::Content content;
    content.kind = "original";
    std::vector<std::string> paragraphs;
    std::size_t offset = 0;  // code points so far, including the "\n\n" separators
    const int pages = pdf->pages();
    int pages_with_text = 0;
    std::string first_line;
    for (int i = 0; i < pages; ++i) {
      std::unique_ptr<poppler::page> page(pdf->create_page(i));
      std::string raw = page ? utf8_of(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)) : "";
      std::vector<std::string> paras = page_paragraphs(raw);
      if (first_line.empty() && !paras.empty()) {
        for (const std::string& line : split(raw, '\n')) {
          if (!trim(line).empty()) {
            first_line = line;
            break;
          }
        }
      }
      std::size_t start = offset + (paragraphs.empty() || paras.empty() ? 0 : 2);
      content.notes.push_back({start, "page " + std::to_string(i + 1), ""});
      if (paras.empty()) continue;
      ++pages_with_text;
      for (std::string& p : paras) {
        offset += (paragraphs.empty() ? 0 : 2) + utf8_length(p);
        paragraphs.push_back(std::move(p));
      }
    }
    if (pages_with_text == 0) {
      out.errors.push_back(Error::unsupported("needs OCR: no text layer on any of " + std::to_string(pages) +
                                              " pages (a scanned PDF); run OCR first, then import the result"));
      return out;
    }
    content.text = join(paragraphs, "\n\n");
    if (auto lang = text::guess_language(content.text)) content.language = *lang;

    model::Document doc;
    doc.id = file_record_id(file.id_path());
    doc.title = collapse_spaces(utf8_of(pdf->get_title()));
    if (doc.title.empty()) doc.title = title_from_line(first_line);
    if (!content.language.empty()) doc.original_languages.push_back(content.language);
    add_single_text_record(std::move(doc), std::move(content), out);
  } catch (const std::exception& e) {
    out.errors.push_back(Error::invalid(std::string("PDF could not be read: ") + e.what()));
  }
  return out;
}

}  // namespace arkiv::ingest
