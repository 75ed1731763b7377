#include "ingest/text_input.h"

#include <cstdio>

#include "base/digest.h"
#include "base/strings.h"

namespace arkiv::ingest {

Result<std::string_view> utf8_input(std::string_view bytes, std::string_view format) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t bad = 0;
  if (is_valid_utf8(bytes, &bad)) return bytes;
  std::size_t line_start = bytes.rfind('\n', bad == 0 ? 0 : bad - 1);
  std::size_t column = bad - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[bad]));
  return Error::invalid("line " + std::to_string(line_of_offset(bytes, bad)) + ", column " + std::to_string(column) +
                        ": not valid UTF-8 (byte " + byte + "); " + std::string(format) +
                        " is read as UTF-8: convert the file (from Latin-1 or Windows-1252, for example) to UTF-8");
}

bool looks_binary(std::string_view head) {
  std::size_t controls = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return controls * 100 > head.size();  // more than 1% control characters
}

std::string file_record_id(std::string_view relative_path) {
  std::string id = "file";
  std::size_t start = 0;
  while (start <= relative_path.size()) {
    std::size_t slash = relative_path.find('/', start);
    bool last = slash == std::string_view::npos;
    std::string_view part = relative_path.substr(start, last ? std::string_view::npos : slash - start);
    start = last ? relative_path.size() + 1 : slash + 1;
    if (part.empty() || part == ".") continue;
    if (last) {
      std::size_t dot = part.find_last_of('.');
      if (dot != std::string_view::npos && dot > 0) part = part.substr(0, dot);
    }
    std::string slug = slugify(part);
    id += "/" + (slug.empty() ? std::string("untitled") : slug);
  }
  if (id == "file") id += "/untitled";
  constexpr std::size_t kMaxId = 200;
  if (id.size() > kMaxId) id = id.substr(0, kMaxId - 17) + "-" + sha256_hex(relative_path).substr(0, 16);
  return id;
}

Status check_text_size(std::string_view bytes) {
  if (bytes.size() <= kMaxTextFileBytes) return Status::success();
  return Error::too_large("file is " + std::to_string(bytes.size()) + " bytes; text files are limited to " +
                          std::to_string(kMaxTextFileBytes >> 20) + " MiB");
}

Result<std::string_view> bounded_utf8_input(std::string_view bytes, std::string_view format) {
  if (Status s = check_text_size(bytes); !s) return s.error();
  return utf8_input(bytes, format);
}

std::string title_from_line(std::string_view line) {
  constexpr std::size_t kMax = 200;
  std::string t = collapse_spaces(line);
  if (t.size() <= kMax) return t;
  std::size_t cut = t.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) {
    cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  }
  return t.substr(0, cut) + "…";
}

}  // namespace arkiv::ingest
