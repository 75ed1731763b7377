// Helpers shared by the importers of text formats (TEI, HTML, plain text, CSV): UTF-8 input
// checks with messages that name the line and byte, binary detection, and the fallback record
// id derived from a file name. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace arkiv::ingest {

// `bytes` without a UTF-8 byte-order mark, or an error naming the line and byte of the first
// invalid sequence. `format` names what was expected ("HTML", "CSV").
Result<std::string_view> utf8_input(std::string_view bytes, std::string_view format);
// utf8_input() for text formats read whole (HTML, plain text, CSV): first refuses files over
// kMaxTextFileBytes.
Result<std::string_view> bounded_utf8_input(std::string_view bytes, std::string_view format);

// True if `head` has bytes that text never holds: NUL, or many C0 control characters.
bool looks_binary(std::string_view head);

// The id of a record that has no identifier of its own: "file/" + the slug of each part of
// `relative_path` (SourceFile::id_path(): relative to the import root), the extension left out
// ("letters/1966/My Letter.html" -> "file/letters/1966/my-letter"); "untitled" for a part
// without letters or digits. Ids over 200 bytes are cut and end in a hash of the whole path.
std::string file_record_id(std::string_view relative_path);

// Size limit for one text file (TEI, HTML, plain text, CSV), and its error.
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{256} << 20;
Status check_text_size(std::string_view bytes);

// A title made from a line of text: white space collapsed, cut at a word boundary after at
// most 200 bytes (with "…" appended when cut).
std::string title_from_line(std::string_view line);

}  // namespace arkiv::ingest
