#include <algorithm>

#include "base/strings.h"
#include "ingest/importer.h"
#include "model/language_check.h"
#include "ingest/csv_importer.h"
#include "ingest/html_importer.h"
#include "ingest/json_importer.h"
#include "ingest/pdf_importer.h"
#include "ingest/tei_importer.h"
#include "ingest/text_importer.h"
#include "ingest/wilson_text_importer.h"
#include "model/record_json.h"

namespace arkiv::ingest {

std::string SourceFile::id_path() const {
  if (!relative_path.empty()) return relative_path;
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void ImporterRegistry::add(std::unique_ptr<Importer> importer) {
  importers_.push_back(std::move(importer));
}

Result<const Importer*> ImporterRegistry::pick(const SourceFile& file) const {
  if (file.bytes.empty()) return Error::invalid("empty file (0 bytes): nothing to import");
  std::string_view head(file.bytes.data(), std::min<std::size_t>(file.bytes.size(), 8192));
  // UTF-16 and UTF-32 text starts with a byte-order mark and has NUL bytes; say so plainly.
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF'))) {
    return Error::unsupported("UTF-16 text (byte-order mark found): convert the file to UTF-8");
  }
  const bool binary = head.find('\0') != std::string_view::npos;
  const Importer* best = nullptr;
  int best_score = 0;
  for (const auto& imp : importers_) {
    if (binary && !imp->reads_binary()) continue;
    int score = imp->sniff(file);
    if (score > best_score) {
      best = imp.get();
      best_score = score;
    }
  }
  if (!best && binary) {
    return Error::unsupported("binary file (NUL bytes in the first 8 KiB) that no importer recognises: not a format arkiv imports");
  }
  if (!best) return Error::unsupported("unrecognised format: not an archive-record export, JSON, TEI, HTML, text, CSV or PDF file");
  return best;
}

void add_single_text_record(model::Document doc, model::Content content, ParseOutput& out) {
  if (!content.text.empty()) {
    model::find_gaps(content.text, doc.contents.size(), doc.gaps);
    doc.contents.push_back(std::move(content));
  }
  std::string where = "record '" + doc.title + "'";
  add_validated(std::move(doc), where, out);
}

void add_validated(model::Document doc, const std::string& where, ParseOutput& out) {
  if (Status s = model::validate(doc); !s) {
    out.errors.push_back(s.error().within(where));
    return;
  }
  // Every version's language is checked against its text; a mismatch is kept and said.
  for (const model::LanguageFinding& f : model::apply_language_check(doc)) {
    const model::Content& c = doc.contents[f.content];
    out.warnings.push_back(where + ": contents[" + std::to_string(f.content) + "] (" + c.kind + "): declared '" + f.declared +
                           "', but the text reads as '" + f.detected + "'" +
                           (f.relabelled ? "; it carries the detected language, the declared one is kept beside it"
                                         : "; kept as declared (the detector does not know the declared language)"));
  }
  out.records.push_back(std::move(doc));
}

}  // namespace arkiv::ingest

namespace arkiv::ingest {

ImporterRegistry ImporterRegistry::with_builtin_importers() {
  ImporterRegistry r;
  r.add(std::make_unique<WilsonTextImporter>());
  r.add(std::make_unique<JsonImporter>());
  r.add(std::make_unique<TeiImporter>());
  r.add(std::make_unique<HtmlImporter>());
  r.add(std::make_unique<CsvImporter>());
  r.add(std::make_unique<PdfImporter>());
  r.add(std::make_unique<TextImporter>());
  return r;
}

}  // namespace arkiv::ingest
