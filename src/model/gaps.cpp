#include <regex>

#include "base/strings.h"
#include "model/document.h"

namespace arkiv::model {

void find_gaps(const std::string& text, std::size_t content_index, std::vector<Gap>& gaps) {
  // A gap is a run of four or more dots (a plain ellipsis has three), optionally preceded by
  // an editorial placeholder such as "[date]" and followed by " ." or a parenthesised hint
  // such as "(about Albania)" that says what is missing.
  static const std::regex re(R"((\[[^\]\n]{1,40}\])?\.{4,}(?: \.(?!\w))?(?:\([^)\n]{1,80}\))?)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    std::size_t byte = static_cast<std::size_t>(it->position());
    gaps.push_back({content_index, utf8_length(std::string_view(text).substr(0, byte)), it->str()});
  }
}

}  // namespace arkiv::model
