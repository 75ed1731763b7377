// A version's text laid out for reading: paragraphs (split at blank lines) made of plain text,
// the source's gaps (kept verbatim, to be shown as gaps) and note marks at their offsets.
// Offsets are code points, as in model::Gap and model::Note. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace arkiv::web {

struct TextSegment {
  enum class Kind { kText, kGap, kNote };
  Kind kind = Kind::kText;
  std::string text;        // the text, the gap's marker, or the note's label
  std::size_t note = 0;    // kNote: index into Content::notes
  std::string gap_kind;    // kGap: model::Gap::kind
};

struct Paragraph {
  std::vector<TextSegment> segments;
  std::optional<std::size_t> part;  // index into Document::parts, for a paragraph inside one
};

// Gaps whose marker is not at its offset in the text are left as plain text. A part (an
// attachment) starts a new paragraph at its offset; the paragraphs after it belong to it.
std::vector<Paragraph> layout_content(const model::Content& content, const std::vector<model::Gap>& gaps,
                                      std::size_t content_index, const std::vector<model::Part>& parts = {});

}  // namespace arkiv::web
