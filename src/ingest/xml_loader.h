// Loads untrusted XML into a pugixml tree within fixed bounds (size, depth, attribute length)
// and refuses what pugixml would silently pass through: entity declarations (entity bombs),
// undefined entities, invalid UTF-8. Errors name the line. Internal to ingest; thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include <pugixml.hpp>

#include "base/result.h"

namespace arkiv::ingest {

struct XmlLimits {
  std::size_t max_bytes = std::size_t{256} << 20;      // whole file
  std::size_t max_depth = 256;                         // element nesting
  std::size_t max_attribute_bytes = std::size_t{1} << 20;  // one attribute value
};

// The parsed tree plus the text it came from (without BOM), for line numbers.
struct XmlSource {
  std::unique_ptr<pugi::xml_document> doc;
  std::string_view text;  // view into the caller's bytes; valid while they live
  std::size_t line_of(pugi::xml_node node) const;
};

// Parses `bytes` (UTF-8, optional BOM). Whitespace-only text nodes are kept, since in mixed
// content ("<hi>The</hi> <persName>") they separate words.
Result<XmlSource> load_xml(std::string_view bytes, const XmlLimits& limits = {});

// The element name without its namespace prefix ("frus:attachment" -> "attachment").
std::string_view local_name(pugi::xml_node node);

}  // namespace arkiv::ingest
