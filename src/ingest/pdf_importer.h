// Importer for PDF files with a text layer, through poppler-cpp: one record per file. Each page
// starts a new paragraph and a model::Note labelled "page N" (empty text) marks its first code
// point, so page boundaries survive. A PDF without any text layer is an error ("needs OCR"),
// never an empty record. Stateless; poppler's global error output is silenced once.
#pragma once

#include "ingest/importer.h"

namespace arkiv::ingest {

class PdfImporter : public Importer {
 public:
  std::string_view format() const override { return "pdf"; }
  bool isolate() const override { return true; }
  int sniff(const SourceFile& file) const override;
  bool reads_binary() const override { return true; }
  ParseOutput parse(const SourceFile& file) const override;
};

}  // namespace arkiv::ingest
