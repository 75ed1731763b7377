// Stages "read" and "parse" of the import: open a file, pick its importer by content, and hand
// out its records in batches (a stream, or the whole file parsed at once).
#include <algorithm>

#include "archive/internal/import_stages.h"
#include "archive/isolated_parse.h"
#include "base/digest.h"

namespace arkiv::archive::internal {

namespace {

constexpr std::size_t kHeadBytes = 64 << 10;  // what importers sniff

}  // namespace

Result<std::unique_ptr<RecordSource>> RecordSource::open(const ImportInput& input, const ingest::ImporterRegistry& registry,
                                                         const ReadOptions& options) {
  std::unique_ptr<RecordSource> src(new RecordSource());
  src->options_ = options;
  src->size_ = input.size;
  src->in_.open(input.path, std::ios::binary);
  if (!src->in_) return Error::io(input.path + ": cannot open for reading");
  ingest::SourceFile head{input.path, std::string(kHeadBytes, '\0'), input.relative};
  src->in_.read(head.bytes.data(), static_cast<std::streamsize>(head.bytes.size()));
  head.bytes.resize(static_cast<std::size_t>(src->in_.gcount()));
  if (src->in_.bad()) return Error::io(input.path + ": read failed");
  src->in_.clear();
  src->in_.seekg(0);
  auto importer = registry.pick(head);
  if (!importer) return importer.error().within(input.path);
  src->format_ = std::string((*importer)->format());

  src->stream_ = (*importer)->open_stream(head, src->in_);
  if (src->stream_) {
    // Provenance names the whole file, so its digest is read first (in blocks).
    auto sha = sha256_file_hex(input.path);
    if (!sha) return sha.error();
    src->sha256_ = *sha;
    return src;
  }
  if (input.size > options.max_file_bytes) {
    return Error::too_large(input.path + ": " + std::to_string(input.size) + " bytes, over the limit of " +
                            std::to_string(options.max_file_bytes) + " bytes per file for " + src->format_ +
                            " files, which are parsed whole");
  }
  ingest::SourceFile whole{input.path, std::string(), input.relative};
  whole.bytes.resize(input.size);
  src->in_.read(whole.bytes.data(), static_cast<std::streamsize>(input.size));
  if (static_cast<std::uint64_t>(src->in_.gcount()) != input.size) return Error::io(input.path + ": read failed (the file changed while it was read?)");
  src->in_.close();
  src->sha256_ = sha256_hex(whole.bytes);
  src->whole_ = (*importer)->isolate() && options.isolate_parsers ? parse_isolated(**importer, whole, options.parse_timeout)
                                                                  : (*importer)->parse(whole);
  return src;
}

bool RecordSource::next(ingest::ParseOutput& batch) {
  if (stream_) return stream_->next(batch, options_.batch_records);
  if (whole_) {
    batch = std::move(*whole_);
    whole_.reset();
  }
  return false;
}

std::uint64_t RecordSource::bytes_read() {
  if (!stream_) return whole_ ? 0 : size_;
  auto at = in_.tellg();
  return at < 0 ? size_ : std::min<std::uint64_t>(static_cast<std::uint64_t>(at), size_);
}

}  // namespace arkiv::archive::internal
