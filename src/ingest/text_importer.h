// Importer for plain text and Markdown: one record per file, the importer of last resort for
// anything that is text. Title from the first Markdown heading ("# Title" or an underlined
// line), else the first line; paragraphs split at blank lines; language guessed from the text.
// Rejects binary content. Stateless and thread-safe.
#pragma once

#include "ingest/importer.h"

namespace arkiv::ingest {

class TextImporter : public Importer {
 public:
  std::string_view format() const override { return "text"; }
  int sniff(const SourceFile& file) const override;
  ParseOutput parse(const SourceFile& file) const override;
};

}  // namespace arkiv::ingest
