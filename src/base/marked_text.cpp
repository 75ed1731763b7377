#include "base/marked_text.h"

#include "base/strings.h"

namespace arkiv {

namespace {

template <typename Append>
std::string render(const MarkedText& t, const std::string& open, const std::string& close, Append append) {
  std::string out;
  std::size_t pos = 0;
  for (const MarkedText::Span& m : t.marks) {
    if (m.begin < pos || m.end > t.text.size() || m.end < m.begin) continue;  // malformed: skip
    append(std::string_view(t.text).substr(pos, m.begin - pos), out);
    out += open;
    append(std::string_view(t.text).substr(m.begin, m.end - m.begin), out);
    out += close;
    pos = m.end;
  }
  append(std::string_view(t.text).substr(pos), out);
  return out;
}

}  // namespace

std::string marked_html(const MarkedText& t) {
  return render(t, "<mark>", "</mark>", [](std::string_view s, std::string& out) { html_escape_append(s, out); });
}

std::string marked_with(const MarkedText& t, const std::string& open, const std::string& close) {
  return render(t, open, close, [](std::string_view s, std::string& out) { out.append(s); });
}

}  // namespace arkiv
