#include "ingest/record_stream.h"

#include <cstring>

namespace arkiv::ingest {

ParseOutput read_all(RecordStream& stream) {
  ParseOutput out;
  while (stream.next(out, 1000)) {
  }
  return out;
}

bool LineReader::fill() {
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  if (!in_) return false;
  std::size_t old = buf_.size();
  buf_.resize(old + (1 << 16));
  in_.read(buf_.data() + old, 1 << 16);
  buf_.resize(old + static_cast<std::size_t>(in_.gcount()));
  return buf_.size() > old;
}

LineReader::Got LineReader::next(std::string& line) {
  line.clear();
  std::uint64_t skipped = 0;  // > 0 while skipping an oversized line
  for (;;) {
    const char* start = buf_.data() + pos_;
    std::size_t avail = buf_.size() - pos_;
    const void* nl = avail > 0 ? std::memchr(start, '\n', avail) : nullptr;
    std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : avail;
    if (skipped == 0 && len <= max_ && nl) {
      line.assign(start, len);
      pos_ += len + 1;
      ++line_no_;
      return Got::kLine;
    }
    if (skipped > 0 || len > max_) {
      // Too long: drop what is buffered up to the end of the line, counting it.
      skipped += len;
      pos_ += len;
      if (nl) {
        ++pos_;
        ++line_no_;
        too_long_ = skipped;
        return Got::kTooLong;
      }
      if (!fill()) {
        ++line_no_;
        too_long_ = skipped;
        return Got::kTooLong;
      }
      continue;
    }
    // No '\n' buffered yet and still within the limit: read more.
    if (!fill()) {
      if (buf_.size() == pos_) return Got::kEnd;
      line.assign(buf_.data() + pos_, buf_.size() - pos_);  // the last line has no '\n'
      pos_ = buf_.size();
      ++line_no_;
      return Got::kLine;
    }
  }
}

bool LineReader::read_rest(std::string& out, std::size_t max_total) {
  out.append(buf_, pos_, std::string::npos);
  pos_ = buf_.size();
  char chunk[1 << 16];
  while (in_) {
    in_.read(chunk, sizeof chunk);
    out.append(chunk, static_cast<std::size_t>(in_.gcount()));
    if (out.size() > max_total) return false;
  }
  return out.size() <= max_total;
}

}  // namespace arkiv::ingest
