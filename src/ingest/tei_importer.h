// Importer for TEI P5 XML. A FRUS volume (documents as <div type="document">) gives one record
// per document (ingest/frus_volume.h); any other TEI file gives one record built from its
// teiHeader (title, date, languages) and body text. Input is bounded (ingest/xml_loader.h).
// Stateless and thread-safe.
#pragma once

#include "ingest/importer.h"

namespace arkiv::ingest {

class TeiImporter : public Importer {
 public:
  std::string_view format() const override { return "tei"; }
  bool isolate() const override { return true; }
  int sniff(const SourceFile& file) const override;
  ParseOutput parse(const SourceFile& file) const override;
};

}  // namespace arkiv::ingest
