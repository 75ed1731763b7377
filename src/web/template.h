// Mustache templates parsed once and rendered many times. Pages build their data as mstch
// values (mstch::map, mstch::array, strings, bools); mstch::render, though, parses the
// template on every call and copies each section's data as it descends into it, which made
// it half of a document page's cost (docs/benchmarks.md). A Template is parsed at start-up
// into a tree, partials inlined, and renders by walking the data in place.
//
// It follows the mustache spec (and mstch, which the tests hold it to, page by page) for what
// the reading room uses: {{name}} (escaped by `escape`), {{{name}}} and {{&name}} (raw),
// sections {{#name}}...{{/name}} over lists, maps and truthy values, inverted sections
// {{^name}}, partials {{> name}}, comments {{! ...}}, dotted names and {{.}}, and the removal
// of standalone tag lines. Lambdas, objects and delimiter changes are not supported:
// compile() refuses the last, the first two render as empty.
// Thread-safe once compiled.
#pragma once

#include <mstch/mstch.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv::web {

class Template {
 public:
  // Throws std::invalid_argument naming the line of an unclosed or mismatched section, an
  // unknown partial or an unsupported tag: templates are part of the program.
  static Template compile(std::string_view source, const std::map<std::string, std::string>& partials = {});

  // `escape` appends {{name}} values to the output (html_escape_append for pages).
  using Escape = void (*)(std::string_view text, std::string& out);
  std::string render(const mstch::node& data, Escape escape) const;

  struct Node {
    enum class Kind { kText, kEscaped, kRaw, kSection, kInverted } kind = Kind::kText;
    std::string text;                // kText: the text
    std::vector<std::string> name;   // the name split at dots; empty for "."
    std::vector<Node> children;      // sections
  };

 private:
  std::vector<Node> nodes_;
};

}  // namespace arkiv::web
