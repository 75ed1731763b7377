// Importer for CSV (RFC 4180) with a header row naming record fields: id, title, date, summary,
// citation, repository, reference, url, language, text, and the ';'-separated lists subjects,
// places, people, organizations, collections. One record per row; each row is validated on its
// own, and the file is read as a stream of rows (open_stream), without a limit on its size.
// The mapping is documented in docs/import-formats.md. Stateless and thread-safe.
#pragma once

#include "ingest/importer.h"

namespace arkiv::ingest {

class CsvImporter : public Importer {
 public:
  std::string_view format() const override { return "csv"; }
  int sniff(const SourceFile& file) const override;
  ParseOutput parse(const SourceFile& file) const override;
  std::unique_ptr<RecordStream> open_stream(const SourceFile& file, std::istream& in) const override;
};

}  // namespace arkiv::ingest
