// A small, tolerant HTML reader: not a conforming HTML5 parser but a tag-stripping tokenizer
// that survives unclosed tags, stray '<' and bad nesting. It skips script/style, decodes the
// common entities, and turns block elements into paragraphs. Pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace arkiv::ingest {

struct HtmlText {
  std::string title;          // <title>, white space collapsed
  std::string first_heading;  // text of the first <h1> (else of the first h2-h6)
  std::string lang;           // lang attribute of <html> (else of <body>)
  std::vector<std::string> paragraphs;
};

// Fails only on bounds: an attribute value longer than `max_attribute_bytes`.
Result<HtmlText> read_html(std::string_view html, std::size_t max_attribute_bytes = std::size_t{1} << 20);

// Decodes one entity at the start of `s` ("&amp;", "&#233;", "&#xE9;", "&nbsp;"...), appending
// the character to `out` and returning the bytes consumed, or 0 if `s` starts no known entity.
std::size_t decode_html_entity(std::string_view s, std::string& out);

}  // namespace arkiv::ingest
