// Reads a Foreign Relations of the United States (FRUS) volume, a TEI file in the Office of the
// Historian's model, into one record per <div type="document">: title from the head, date from
// the dateline, citation from the source notes, people resolved through the volume's list of
// persons, subjects from the enclosing chapter heads. See docs/import-formats.md. Thread-safe.
#pragma once

#include "ingest/importer.h"
#include "ingest/xml_loader.h"

namespace arkiv::ingest {

// True if the TEI text holds <div type="document"> elements (the FRUS document model).
bool is_frus_volume(const XmlSource& xml);

// Appends the volume's documents to `out.records` and per-document problems to `out.errors`.
void parse_frus_volume(const XmlSource& xml, const SourceFile& file, ParseOutput& out);

}  // namespace arkiv::ingest
