#include "ingest/html_text.h"

#include <cctype>
#include <charconv>

#include "base/strings.h"

namespace arkiv::ingest {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_block(std::string_view tag) {
  static const char* const kBlocks[] = {
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
      "blockquote", "pre", "section", "article", "header", "footer", "aside", "nav", "main", "address",
      "figure", "figcaption", "hr", "caption", "body", "html", "form", "fieldset", "details", "summary"};
  for (const char* b : kBlocks) {
    if (tag == b) return true;
  }
  return false;
}

// Elements whose content is not text to keep.
bool is_skipped(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "noscript" || tag == "template" || tag == "svg";
}

void append_utf8(char32_t c, std::string& out) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string decode_entities(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (std::size_t n = decode_html_entity(s.substr(i), out)) {
        i += n;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// Collapses white space into paragraphs.
class Paragraphs {
 public:
  void text(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        space_ = !cur_.empty();
        continue;
      }
      if (space_) cur_ += ' ';
      space_ = false;
      cur_ += c;
    }
  }
  void separator(std::string_view sep) {
    if (!cur_.empty()) cur_ += sep;
    space_ = false;
  }
  void end() {
    std::string p(trim(cur_));
    if (!p.empty()) out_.push_back(std::move(p));
    cur_.clear();
    space_ = false;
  }
  std::vector<std::string> take() {
    end();
    return std::move(out_);
  }

 private:
  std::string cur_;
  bool space_ = false;
  std::vector<std::string> out_;
};

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  std::string lang;
  std::size_t end = 0;  // offset just past '>'
};

// Parses the tag at `pos` (s[pos] == '<'); false if it is not a tag (a stray '<').
Result<bool> read_tag(std::string_view s, std::size_t pos, std::size_t max_attr, Tag& tag) {
  std::size_t i = pos + 1;
  tag.closing = i < s.size() && s[i] == '/';
  if (tag.closing) ++i;
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return false;
  std::size_t name_start = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != '>' && s[i] != '/') ++i;
  tag.name = to_lower_ascii(s.substr(name_start, i - name_start));
  while (i < s.size() && s[i] != '>') {
    if (is_space(s[i]) || s[i] == '/') {
      ++i;
      continue;
    }
    std::size_t an = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>') ++i;
    std::string attr = to_lower_ascii(s.substr(an, i - an));
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t vs = i, ve;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      char q = s[i];
      vs = i + 1;
      ve = s.find(q, vs);
      if (ve == std::string_view::npos) ve = s.size();
      i = ve + 1;
    } else {
      while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
      ve = i;
    }
    if (ve - vs > max_attr) {
      return Error::too_large("line " + std::to_string(line_of_offset(s, pos)) + ": attribute '" + attr + "' of <" +
                              tag.name + "> is " + std::to_string(ve - vs) + " bytes long; the limit is " +
                              std::to_string(max_attr) + " bytes");
    }
    if (attr == "lang") tag.lang = std::string(trim(s.substr(vs, ve - vs)));
  }
  tag.end = i < s.size() ? i + 1 : s.size();
  return true;
}

// Offset of the "</name" that closes a raw-text element, or the end of the input.
std::size_t find_close(std::string_view s, std::size_t from, std::string_view name) {
  for (std::size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2)) {
    if (iequals_ascii(s.substr(i + 2, name.size()), name)) return i;
  }
  return s.size();
}

}  // namespace

std::size_t decode_html_entity(std::string_view s, std::string& out) {
  std::size_t semi = s.find(';');
  if (s.size() < 3 || s[0] != '&' || semi == std::string_view::npos || semi > 12) return 0;
  std::string_view name = s.substr(1, semi - 1);
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t code = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
    if (ec != std::errc() || p != digits.data() + digits.size() || digits.empty()) return 0;
    append_utf8(code, out);
    return semi + 1;
  }
  static const std::pair<const char*, const char*> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
      {"mdash", "—"}, {"ndash", "–"}, {"hellip", "…"}, {"lsquo", "‘"}, {"rsquo", "’"}, {"ldquo", "“"},
      {"rdquo", "”"}, {"laquo", "«"}, {"raquo", "»"}, {"copy", "©"}, {"sect", "§"}, {"shy", ""}};
  for (auto [n, v] : kNamed) {
    if (name == n) {
      out += v;
      return semi + 1;
    }
  }
  return 0;
}

Result<HtmlText> read_html(std::string_view s, std::size_t max_attribute_bytes) {
  HtmlText out;
  Paragraphs paras;
  std::string heading_level;  // of first_heading
  std::size_t i = 0;
  std::size_t cells = 0;
  std::string* capture = nullptr;  // heading text being collected
  std::string heading_text;
  while (i < s.size()) {
    std::size_t lt = s.find('<', i);
    std::string_view text = s.substr(i, (lt == std::string_view::npos ? s.size() : lt) - i);
    if (!text.empty()) {
      std::string decoded = decode_entities(text);
      paras.text(decoded);
      if (capture) *capture += decoded;
    }
    if (lt == std::string_view::npos) break;
    std::string_view rest = s.substr(lt);
    if (rest.starts_with("<!--")) {
      std::size_t e = s.find("-->", lt + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) {
      std::size_t e = s.find('>', lt);
      i = e == std::string_view::npos ? s.size() : e + 1;
      continue;
    }
    Tag tag;
    auto is_tag = read_tag(s, lt, max_attribute_bytes, tag);
    if (!is_tag) return is_tag.error();
    if (!*is_tag) {
      paras.text("<");
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && (tag.name == "html" || tag.name == "body") && out.lang.empty()) out.lang = tag.lang;
    if (!tag.closing && tag.name == "title") {
      std::size_t close = find_close(s, i, "title");
      if (out.title.empty()) out.title = collapse_spaces(decode_entities(s.substr(i, close - i)));
      i = close;
      continue;
    }
    if (!tag.closing && is_skipped(tag.name)) {
      i = find_close(s, i, tag.name);
      continue;
    }
    bool heading = tag.name.size() == 2 && tag.name[0] == 'h' && tag.name[1] >= '1' && tag.name[1] <= '6';
    if (heading && !tag.closing && (out.first_heading.empty() || (tag.name == "h1" && heading_level != "h1"))) {
      heading_text.clear();
      capture = &heading_text;
      heading_level = tag.name;
    } else if (heading && tag.closing && capture) {
      out.first_heading = collapse_spaces(heading_text);
      capture = nullptr;
    }
    if (tag.name == "br") {
      paras.text(" ");
    } else if (tag.name == "td" || tag.name == "th") {
      if (!tag.closing && cells++ > 0) paras.separator(" | ");
    } else if (is_block(tag.name)) {
      paras.end();
      if (tag.name == "tr") cells = 0;
    }
  }
  out.paragraphs = paras.take();
  if (capture) out.first_heading = collapse_spaces(heading_text);
  return out;
}

}  // namespace arkiv::ingest
