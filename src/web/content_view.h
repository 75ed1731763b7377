// A version's text laid out for reading: paragraphs (split at blank lines) made of plain text,
// the source's gaps (kept verbatim, to be shown as gaps) and note marks at their offsets.
// Offsets are code points, as in model::Gap and model::Note. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/document.h"

namespace arkiv::web {

struct TextSegment {
  enum class Kind { kText, kGap, kNote };
  Kind kind = Kind::kText;
  std::string text;        // the text, the gap's marker, or the note's label
  std::size_t note = 0;    // kNote: index into Content::notes
};

struct Paragraph {
  std::vector<TextSegment> segments;
};

// Gaps whose marker is not at its offset in the text are left as plain text.
std::vector<Paragraph> layout_content(const model::Content& content, const std::vector<model::Gap>& gaps,
                                      std::size_t content_index);

}  // namespace arkiv::web
