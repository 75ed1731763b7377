// libstdc++'s std::regex matches by recursion: a stack frame or more for each character a
// repetition (`*`, `+`, `{n,}`) takes in, so a long enough input overflows the stack (a 44 KB
// Wilson citation did; found by the import fuzzer, docs/reliability.md). A pattern with
// unbounded repetition runs only on inputs that fit; a longer input is left as written (kept
// verbatim, not split into its parts), which is what arkiv does with any field it cannot read.
#pragma once

#include <cstddef>
#include <string_view>

namespace arkiv {

inline constexpr std::size_t kRegexInputLimit = 4096;  // bytes; far above any citation or title

inline bool fits_regex(std::string_view s) { return s.size() <= kRegexInputLimit; }

}  // namespace arkiv
