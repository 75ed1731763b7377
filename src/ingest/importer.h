// The importer interface: one implementation per source format, chosen by content through
// ImporterRegistry. An importer turns the bytes of one file into records and per-record errors;
// it never touches the catalog. Implementations are stateless and thread-safe.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/authority.h"
#include "model/document.h"

namespace arkiv::ingest {

// Upper bound on the records a file parsed whole may produce (TEI, a JSON array); importers
// report a larger file as too large. Streams (JSON Lines, CSV) have no such limit.
inline constexpr std::size_t kMaxRecordsPerFile = 100000;
// Limits for formats read as streams, per record: bytes of one JSON line or CSV row, nesting
// depth of one JSON record, fields of one CSV row.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;
inline constexpr std::size_t kMaxRecordDepth = 64;
inline constexpr std::size_t kMaxRecordFields = 1024;

struct SourceFile {
  std::string path;   // as given by the user; used in messages and provenance
  std::string bytes;  // the whole file (for sniff(): its first bytes, at least 64 KiB of it)
  // The path relative to the folder the import was given ('/'-separated), or the file name when
  // the file itself was given. Records without an identifier of their own take their id from it.
  std::string relative_path;
  std::string id_path() const;  // relative_path, or the file name of `path` when that is empty
};

struct ParseOutput;

// A reader of one file record by record, for formats that need not be held whole (JSON Lines,
// CSV): the import pulls batches and stores each before it reads on (ingest/record_stream.h).
class RecordStream {
 public:
  virtual ~RecordStream() = default;
  // Appends up to `max_records` records, and the errors met on the way, to `out`. Returns
  // false once the file is done (the last call may still have appended records).
  virtual bool next(ParseOutput& out, std::size_t max_records) = 0;
};

struct ParseOutput {
  std::vector<model::Document> records;  // each already passed model::validate
  std::vector<Error> errors;             // each names its line, record or field
  // Things a reviewer should check in records that were kept: a version whose detected
  // language is not the declared one, a text no contents entry fits. Each names its line or record.
  std::vector<std::string> warnings;
  // Authority records and arrangement units the source defines (a FRUS list of persons, its
  // chapters; an export's "authority" and "unit" lines). An authority the source defines
  // locally (a FRUS person) has a local id that its records' links use, and the import maps
  // it to the archive's own (archive/import_link.cpp); an export's keep their ids.
  std::vector<model::Authority> authorities;
  std::vector<model::Unit> units;
  std::vector<model::AuthorityRedirect> redirects;  // an export's "authority_redirect" lines
};

class Importer {
 public:
  virtual ~Importer() = default;
  // Short stable name stored in provenance: "wilson-text", "json", "tei"...
  virtual std::string_view format() const = 0;
  // How sure the importer is that `file` is its format: 0 = not mine, 100 = certain.
  // Must look at the content; the extension may only break ties.
  virtual int sniff(const SourceFile& file) const = 0;
  // True for binary formats (PDF). Files with NUL bytes are offered only to these importers.
  virtual bool reads_binary() const { return false; }
  // True for parsers built on third-party libraries (poppler, pugixml) that the import runs in
  // a child process with a time limit, so a crash or a hang costs one file, not the run.
  virtual bool isolate() const { return false; }
  // Parses the whole file. Invalid records go to `errors`, the rest to `records`.
  virtual ParseOutput parse(const SourceFile& file) const = 0;
  // Formats that can be read record by record (JSON Lines, CSV) return a reader of `in` (the
  // file from its first byte; `file.bytes` holds only its head), and the import then reads
  // the file as a stream, without a limit on its size. Others return nullptr.
  virtual std::unique_ptr<RecordStream> open_stream(const SourceFile& file, std::istream& in) const {
    (void)file;
    (void)in;
    return nullptr;
  }
};

// Knows every importer and picks the one that claims a file most strongly.
class ImporterRegistry {
 public:
  // All importers arkiv ships with.
  static ImporterRegistry with_builtin_importers();

  void add(std::unique_ptr<Importer> importer);
  // The best importer for `file`, or an error saying why none fits (empty, binary, unknown).
  Result<const Importer*> pick(const SourceFile& file) const;

 private:
  std::vector<std::unique_ptr<Importer>> importers_;
};

// Validates each record (model::validate) and moves it to `out.records` or, prefixed with
// `where(i)`, to `out.errors`. Shared by importers after they have built their records.
void add_validated(model::Document doc, const std::string& where, ParseOutput& out);
// For formats that hold one text per file (HTML, text, PDF): marks the text's gaps, adds it as
// the record's only content (if not empty), then validates the record into `out`.
void add_single_text_record(model::Document doc, model::Content content, ParseOutput& out);

}  // namespace arkiv::ingest
