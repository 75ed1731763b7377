// Text with marked spans (the words a search matched), as plain data: the highlighter makes it,
// the reading room renders the marks as <mark>, the CLI as bold, the API as HTML. Value type.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace arkiv {

struct MarkedText {
  struct Span {
    std::size_t begin = 0;  // byte offsets into `text`, on UTF-8 boundaries
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
  };
  std::string text;
  std::vector<Span> marks;  // in order, not overlapping

  bool has_marks() const { return !marks.empty(); }
  bool empty() const { return text.empty(); }
  bool operator==(const MarkedText&) const = default;
};

// HTML-escaped text with each mark in <mark>…</mark>.
std::string marked_html(const MarkedText& t);
// The text with each mark between `open` and `close` (a terminal's bold on/off, or nothing).
std::string marked_with(const MarkedText& t, const std::string& open, const std::string& close);

}  // namespace arkiv
