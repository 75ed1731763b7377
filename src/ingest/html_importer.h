// Importer for HTML pages: one record per file. Title from <title>, else the first heading,
// else the first paragraph; language from the lang attribute, else guessed from the text;
// paragraphs from block elements (ingest/html_text.h). Stateless and thread-safe.
#pragma once

#include "ingest/importer.h"

namespace arkiv::ingest {

class HtmlImporter : public Importer {
 public:
  std::string_view format() const override { return "html"; }
  int sniff(const SourceFile& file) const override;
  ParseOutput parse(const SourceFile& file) const override;
};

}  // namespace arkiv::ingest
