#include "ingest/xml_loader.h"

#include <string>

#include "base/strings.h"
#include "ingest/text_input.h"

namespace arkiv::ingest {

namespace {

std::string at_line(std::string_view text, std::size_t offset) {
  return "line " + std::to_string(line_of_offset(text, offset));
}


// Skips from `pos` (at "<!DOCTYPE") to the end of the declaration, internal subset included.
std::size_t doctype_end(std::string_view s, std::size_t pos) {
  int brackets = 0;
  for (std::size_t i = pos; i < s.size(); ++i) {
    if (s[i] == '[') ++brackets;
    else if (s[i] == ']') --brackets;
    else if (s[i] == '>' && brackets <= 0) return i + 1;
  }
  return s.size();
}

// pugixml leaves unknown entity references ("&mdash;") in the text unexpanded and accepts
// DOCTYPE entity declarations without expanding them, so the text would be silently wrong.
// This pass over the raw markup finds both and reports them.
Status check_entities(std::string_view s) {
  std::size_t i = 0;
  auto skip_to = [&](std::string_view end) {
    std::size_t e = s.find(end, i);
    i = e == std::string_view::npos ? s.size() : e + end.size();
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '<') {
      std::string_view rest = s.substr(i);
      if (rest.starts_with("<!--")) { skip_to("-->"); continue; }
      if (rest.starts_with("<![CDATA[")) { skip_to("]]>"); continue; }
      if (rest.starts_with("<?")) { skip_to("?>"); continue; }
      if (rest.starts_with("<!DOCTYPE")) {
        std::size_t end = doctype_end(s, i);
        std::size_t ent = s.substr(i, end - i).find("<!ENTITY");
        if (ent != std::string_view::npos) {
          return Error::unsupported(at_line(s, i + ent) +
                                    ": the DOCTYPE declares entities (<!ENTITY ...>); arkiv does not expand "
                                    "custom entities (they can be used as entity bombs): write the characters "
                                    "directly or as numeric references (&#8212;)");
        }
        i = end;
        continue;
      }
      ++i;
      continue;
    }
    if (c == '&') {
      std::size_t semi = s.find(';', i);
      std::string_view name = semi == std::string_view::npos || semi - i > 40 ? std::string_view() : s.substr(i + 1, semi - i - 1);
      if (name.empty() || name.find_first_of(" \t\r\n<&\"'") != std::string_view::npos) {
        return Error::invalid(at_line(s, i) + ": '&' that does not start an entity reference; expected &amp;");
      }
      if (name[0] != '#' && name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos") {
        return Error::invalid(at_line(s, i) + ": undefined entity '&" + std::string(name) +
                              ";' (XML defines only &amp; &lt; &gt; &quot; &apos;; arkiv reads no DTD): "
                              "write the character itself or a numeric reference");
      }
      i = semi + 1;
      continue;
    }
    ++i;
  }
  return Status::success();
}

// Depth and attribute bounds, checked without recursion so that a deep tree cannot
// exhaust the stack here.
Status check_tree(const XmlSource& src, const XmlLimits& limits) {
  pugi::xml_node node = src.doc->first_child();
  std::size_t depth = 1;
  while (node) {
    if (node.type() == pugi::node_element) {
      if (depth > limits.max_depth) {
        return Error::too_large("line " + std::to_string(src.line_of(node)) + ": elements nested more than " +
                                std::to_string(limits.max_depth) + " levels deep");
      }
      for (pugi::xml_attribute a : node.attributes()) {
        std::size_t len = std::char_traits<char>::length(a.value());
        if (len > limits.max_attribute_bytes) {
          return Error::too_large("line " + std::to_string(src.line_of(node)) + ": attribute '" + a.name() + "' of <" +
                                  node.name() + "> is " + std::to_string(len) + " bytes long; the limit is " +
                                  std::to_string(limits.max_attribute_bytes) + " bytes");
        }
      }
    }
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
      if (node == *src.doc) return Status::success();
    }
    if (node) node = node.next_sibling();
  }
  return Status::success();
}

}  // namespace

std::size_t XmlSource::line_of(pugi::xml_node node) const {
  std::ptrdiff_t off = node.offset_debug();
  return off < 0 ? 0 : line_of_offset(text, static_cast<std::size_t>(off));
}

std::string_view local_name(pugi::xml_node node) {
  std::string_view n = node.name();
  std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

Result<XmlSource> load_xml(std::string_view bytes, const XmlLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return Error::too_large("file is " + std::to_string(bytes.size()) + " bytes; XML files are limited to " +
                            std::to_string(limits.max_bytes >> 20) + " MiB");
  }
  XmlSource src;
  auto text = utf8_input(bytes, "XML");
  if (!text) return text.error();
  src.text = *text;
  if (Status s = check_entities(src.text); !s) return s.error();
  src.doc = std::make_unique<pugi::xml_document>();
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
  pugi::xml_parse_result r = src.doc->load_buffer(src.text.data(), src.text.size(), options, pugi::encoding_utf8);
  if (!r) {
    std::size_t off = r.offset < 0 ? 0 : static_cast<std::size_t>(r.offset);
    std::string msg = at_line(src.text, off) + ": malformed XML (" + r.description() + ")";
    if (off + 16 >= src.text.size()) msg += "; the file appears to be truncated";
    return Error::invalid(msg);
  }
  if (!src.doc->document_element()) return Error::invalid("line 1: no root element; expected an XML document");
  if (Status s = check_tree(src, limits); !s) return s.error();
  return src;
}

}  // namespace arkiv::ingest
