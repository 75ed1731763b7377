// Size limits of a record's fields, and their checks. A field over its limit is refused with
// its name, its size and the limit ("date: 70012 bytes, over the limit of 1024 bytes"), so one
// absurd value costs its record, never the file or the process (and never reaches a parser that
// is not built for it). Documented in docs/record-format.md. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/result.h"
#include "model/document.h"

namespace arkiv::model {

inline constexpr std::size_t kMaxTitleBytes = std::size_t{64} << 10;
inline constexpr std::size_t kMaxDateBytes = 1024;  // date.display, or a date given as text
inline constexpr std::size_t kMaxSummaryBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxShortFieldBytes = std::size_t{64} << 10;  // citation parts, credits, type, state, content title
inline constexpr std::size_t kMaxListItemBytes = std::size_t{4} << 10;     // subjects, places, people, ...
inline constexpr std::size_t kMaxTextBytes = std::size_t{64} << 20;        // one content's text
inline constexpr std::size_t kMaxNoteBytes = std::size_t{1} << 20;

// `name` is the field's path in the JSON form ("title", "contents[0].text").
Status check_field_size(std::string_view name, std::string_view value, std::size_t limit);
// Every field of `doc`; the first one over its limit is the error.
Status check_field_sizes(const Document& doc);

}  // namespace arkiv::model
