// Words in UTF-8 text, as the index and the highlighter see them: runs of letters and digits,
// each CJK character a word of its own; code points; the script a query is written in. The
// ICU-based scanning lives here so that no other module includes ICU. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv::text {

struct WordSpan {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  bool cjk = false;  // one Chinese, Japanese or Korean character
};

// The words of `text` in order. Invalid UTF-8 is skipped.
std::vector<WordSpan> word_spans(std::string_view text);
// Calls fn(word) for each run of letters/digits in `text` containing a non-ASCII letter.
void for_each_non_ascii_word(std::string_view text, const std::function<void(std::string_view)>& fn);
// The code points of `s` (invalid sequences become negative values).
std::vector<std::int32_t> code_points(std::string_view s);
// "ru" for text with Cyrillic letters, "el" for Greek, else "".
std::string script_language(std::string_view text);

}  // namespace arkiv::text
