// Importer for the archive-record export format of the Wilson Center Digital Archive (the seed
// record): a "**YEAR****TITLE**" header, bold labels ("**Citation:**", "**Summary:**",
// "**Credits:**", "**Original Language:**", "**Contents:**") and then the document text.
#pragma once

#include "ingest/importer.h"

namespace arkiv::ingest {

class WilsonTextImporter : public Importer {
 public:
  std::string_view format() const override { return "wilson-text"; }
  int sniff(const SourceFile& file) const override;
  ParseOutput parse(const SourceFile& file) const override;
};

// Joins paragraphs that a page break split in mid-sentence: a paragraph that does not end a
// sentence, followed by one that starts in lower case, is one paragraph. Exposed for tests.
std::vector<std::string> join_broken_paragraphs(const std::vector<std::string>& paragraphs);

}  // namespace arkiv::ingest
