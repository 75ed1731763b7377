#include "web/content_view.h"

#include <algorithm>

#include "base/strings.h"

namespace arkiv::web {

namespace {

struct Mark {
  std::size_t begin = 0, end = 0;  // bytes
  TextSegment segment;
  std::optional<std::size_t> part;  // a part starts here
};

class Builder {
 public:
  void text(std::string_view s) {
    std::size_t start = 0;
    for (;;) {
      std::size_t brk = s.find("\n\n", start);
      append_text(s.substr(start, brk == std::string_view::npos ? std::string_view::npos : brk - start));
      if (brk == std::string_view::npos) break;
      paragraphs_.emplace_back();
      paragraphs_.back().part = paragraphs_[paragraphs_.size() - 2].part;
      start = brk + 2;
    }
  }
  void mark(TextSegment seg) { paragraphs_.back().segments.push_back(std::move(seg)); }
  void start_part(std::size_t part) {
    paragraphs_.emplace_back();
    paragraphs_.back().part = part;
  }

  std::vector<Paragraph> finish() {
    std::vector<Paragraph> out;
    for (Paragraph& p : paragraphs_) {
      auto& segs = p.segments;
      // Trim white space (and the line breaks left by "\n\n\n") at the paragraph's ends.
      if (!segs.empty() && segs.front().kind == TextSegment::Kind::kText) segs.front().text = std::string(ltrim(segs.front().text));
      if (!segs.empty() && segs.back().kind == TextSegment::Kind::kText) segs.back().text = std::string(rtrim(segs.back().text));
      segs.erase(std::remove_if(segs.begin(), segs.end(), [](const TextSegment& s) { return s.kind == TextSegment::Kind::kText && s.text.empty(); }), segs.end());
      if (!segs.empty()) out.push_back(std::move(p));
    }
    return out;
  }

 private:
  static std::string_view ltrim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
    return s;
  }
  static std::string_view rtrim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }
  void append_text(std::string_view s) {
    if (s.empty()) return;
    auto& segs = paragraphs_.back().segments;
    if (!segs.empty() && segs.back().kind == TextSegment::Kind::kText) {
      segs.back().text += s;
    } else {
      segs.push_back({TextSegment::Kind::kText, std::string(s), 0});
    }
  }
  std::vector<Paragraph> paragraphs_{1};
};

}  // namespace

std::vector<Paragraph> layout_content(const model::Content& content, const std::vector<model::Gap>& gaps,
                                      std::size_t content_index, const std::vector<model::Part>& parts) {
  const std::string& text = content.text;
  std::vector<Mark> marks;
  for (const auto& g : gaps) {
    if (g.content != content_index || g.text.empty()) continue;
    std::size_t b = utf8_byte_offset(text, g.offset);
    if (b >= text.size() || text.compare(b, g.text.size(), g.text) != 0) continue;
    marks.push_back({b, b + g.text.size(), {TextSegment::Kind::kGap, g.text, 0, g.kind}, std::nullopt});
  }
  for (std::size_t i = 0; i < content.notes.size(); ++i) {
    std::size_t b = std::min(utf8_byte_offset(text, content.notes[i].offset), text.size());
    marks.push_back({b, b, {TextSegment::Kind::kNote, content.notes[i].label, i, ""}, std::nullopt});
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].content != content_index) continue;
    std::size_t b = std::min(utf8_byte_offset(text, parts[i].offset), text.size());
    marks.push_back({b, b, {}, i});
  }
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    // A part starts before a note anchored at its first character (a note on its heading).
    return a.begin != b.begin ? a.begin < b.begin : (a.part.has_value() && !b.part.has_value());
  });
  Builder out;
  std::size_t pos = 0;
  for (Mark& m : marks) {
    if (m.begin < pos) continue;  // overlaps the previous gap
    out.text(std::string_view(text).substr(pos, m.begin - pos));
    if (m.part) {
      out.start_part(*m.part);
      pos = m.begin;
      continue;
    }
    out.mark(std::move(m.segment));
    pos = m.end;
  }
  out.text(std::string_view(text).substr(pos));
  return out.finish();
}

}  // namespace arkiv::web
