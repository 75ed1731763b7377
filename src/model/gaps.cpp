#include <algorithm>
#include <regex>

#include "base/strings.h"
#include "model/document.h"

namespace arkiv::model {

const std::vector<std::string>& gap_kinds() {
  static const std::vector<std::string> kKinds = {"omission", "garbled", "illegible", "editorial"};
  return kKinds;
}

std::string gap_kind_of(std::string_view marker) {
  std::string lower = to_lower_ascii(marker);
  auto has = [&](const char* w) { return lower.find(w) != std::string::npos; };
  if (has("garbl") || has("mutilat") || has("unintelligib") || has("corrupt")) return "garbled";
  if (has("illegib") || has("decipher") || has("unclear") || has("unreadab")) return "illegible";
  if (has("sic")) return "editorial";
  return "omission";
}

void find_gaps(const std::string& text, std::size_t content_index, std::vector<Gap>& gaps) {
  // Either a run of four or more dots (a plain ellipsis has three), optionally preceded by an
  // editorial placeholder such as "[date]" and followed by " ." or a parenthesised hint such as
  // "(about Albania)" that says what is missing; or an editor's bracketed mark naming a loss
  // ("[omission]", "[apparent omission]", "[garbled group]", "[five words missing]",
  // "[illegible]", "[sic]"). Bracketed words that supply a reading ("[the]") are not gaps.
  static const std::regex re(
      R"((\[[^\]\n]{1,40}\])?\.{4,400}(?: \.(?!\w))?(?:\([^)\n]{1,80}\))?)"
      R"(|\[(?:[^\]\n]{0,30}\s)?(?:omission|omissions|omitted|missing|garbled|garbles|mutilated|illegible|undecipherable|indecipherable|unintelligible|sic)\??(?:\s[^\]\n]{0,30})?\])",
      std::regex::icase);
  std::size_t last_byte = 0, last_cp = 0;  // counted incrementally: linear in the text
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    std::size_t byte = static_cast<std::size_t>(it->position());
    last_cp += utf8_length(std::string_view(text).substr(last_byte, byte - last_byte));
    last_byte = byte;
    std::string marker = it->str();
    gaps.push_back({content_index, last_cp, marker, gap_kind_of(marker)});
  }
}

std::vector<std::string_view> text_between_gaps(const std::string& text, const std::vector<Gap>& gaps,
                                                std::size_t content_index) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte ranges of the markers
  for (const Gap& g : gaps) {
    if (g.content != content_index) continue;
    std::size_t b = utf8_byte_offset(text, g.offset);
    if (b > text.size()) continue;
    // A marker not found at its offset still breaks the text there.
    std::size_t len = text.compare(b, g.text.size(), g.text) == 0 ? g.text.size() : 0;
    spans.emplace_back(b, b + len);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::string_view> out;
  std::string_view all(text);
  std::size_t pos = 0;
  for (auto [b, e] : spans) {
    if (b < pos) {
      pos = std::max(pos, e);
      continue;
    }
    out.push_back(all.substr(pos, b - pos));
    pos = e;
  }
  out.push_back(all.substr(pos));
  return out;
}

}  // namespace arkiv::model
