// Importer for arkiv's own record format (model/record_json.h): one JSON object, a JSON array
// of objects, or JSON Lines (one object per line, as `arkiv export` writes). A broken line is
// reported with its line number and the other lines are still imported. JSON Lines are read as
// a stream (open_stream), one bounded record at a time; an array is parsed whole.
#pragma once

#include "ingest/importer.h"

namespace arkiv::ingest {

class JsonImporter : public Importer {
 public:
  std::string_view format() const override { return "json"; }
  int sniff(const SourceFile& file) const override;
  ParseOutput parse(const SourceFile& file) const override;
  std::unique_ptr<RecordStream> open_stream(const SourceFile& file, std::istream& in) const override;
};

}  // namespace arkiv::ingest
