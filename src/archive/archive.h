// The archive's use cases: import, search, read, export, reindex and stats, over one data
// directory holding the catalog (catalog.db, the source of truth) and the search index (index/,
// derived). The only layer that knows both. An Archive opened for writing holds the data
// directory's writer lock, so one process writes at a time while any number read.
// Not thread-safe: use one Archive per thread (readers are cheap to open).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "base/lru_cache.h"
#include "base/result.h"
#include "archive/arrangement.h"
#include "archive/search.h"
#include "model/name_variants.h"
#include "archive/search_cache.h"
#include "ingest/importer.h"
#include "model/document.h"
#include "model/put_outcome.h"

namespace arkiv::index {
class SearchIndex;
class Highlighter;
}  // namespace arkiv::index
namespace arkiv::store {
class Catalog;
}  // namespace arkiv::store
namespace arkiv::archive::internal {
struct LinkPlan;
}  // namespace arkiv::archive::internal

namespace arkiv::archive {

struct ImportProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t records = 0;
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
};

struct ImportOptions {
  bool dry_run = false;
  // Let a file replace records whose latest version came from another source file (without
  // it such records are refused, naming both files).
  bool replace = false;
  std::uint64_t max_file_bytes = 256ull << 20;
  // Parsers that ask for it (PDF, TEI) run in a child process with this time limit.
  bool isolate_parsers = true;
  std::chrono::milliseconds parse_timeout{60000};
  const ingest::ImporterRegistry* registry = nullptr;  // tests: other importers; default builtin
  // The publication state of the records the import creates (model/lifecycle.h): "" or
  // "published" (the default), "draft", "review" or "withdrawn". Records it updates keep
  // their state, embargo and staff notes unless the source sets them.
  std::string publication;
  std::string user;  // who imports, for the records' revisions ("" from the command line)
  // Refuse records whose id the archive has (uploads through the reading room create records;
  // changing one is an edit).
  bool only_new = false;
  std::function<void(const ImportProgress&)> progress;  // called after each file
  // After the records: "more like this" lists for the records that changed.
  std::function<void(std::int64_t done, std::int64_t total)> similar_progress;
};

struct RecordOutcome {
  std::string id;
  std::string title;
  model::PutOutcome outcome;
};

struct FileReport {
  std::string path;
  std::string format;  // empty when no importer took the file
  std::vector<RecordOutcome> records;
  std::vector<Error> errors;  // each message starts with the file's path
  std::vector<std::string> warnings;  // records kept, to be reviewed; each starts with the path
};

// A path a folder import left out, and why ("default: README*", ".arkivignore line 3: *.bak").
struct SkippedPath {
  std::string path;
  std::string reason;
};

struct ImportReport {
  std::vector<FileReport> files;
  std::vector<SkippedPath> skipped;
  std::int64_t created = 0, updated = 0, unchanged = 0, errors = 0, failed_files = 0;
  std::int64_t warnings = 0;  // records stored with something to review (a date, a language): not errors
  std::uint64_t bytes = 0;
  double seconds = 0;  // reading, storing and indexing the records
  std::int64_t similar_lists = 0;  // "more like this" lists computed afterwards
  double similar_seconds = 0;
  bool dry_run = false;
  bool ok() const { return errors == 0; }
};

struct DateToReview {
  std::string id, title, display;
  std::string problem;  // why the date could not be read
};

struct IndexStatus {
  std::int64_t index_documents = 0;
  std::int64_t applied_seq = 0;
  std::int64_t catalog_seq = 0;
  bool in_sync() const { return applied_seq == catalog_seq; }
};

// What `arkiv check` found: every disagreement between the catalog's own records, its
// integrity, and the index.
struct CheckReport {
  std::int64_t records = 0;
  std::int64_t index_documents = 0;
  std::vector<std::string> problems;
  // Not faults: an index behind the catalog (a writer was stopped before its index commit,
  // and this process could not repair it) is compared as of the change it has reached.
  std::vector<std::string> notes;
  bool ok() const { return problems.empty(); }
};

struct CatalogStats {
  std::int64_t documents = 0;
  std::int64_t change_seq = 0;
  std::vector<std::pair<std::string, std::int64_t>> original_languages;  // code, documents
  std::vector<std::pair<std::string, std::int64_t>> content_languages;   // code, documents
};

// The outcome of saving one record (an edit, the write API).
struct SaveOutcome {
  model::PutOutcome outcome = model::PutOutcome::kUnchanged;
  std::int64_t revision = 0;  // the record's revision after the save
};

struct SaveOptions {
  std::string user;     // who saves
  std::string message;  // why ("Corrected the date"); may be empty
  // Optimistic locking: the revision the editor read (0: a new record, -1: no check). A save
  // over a newer revision fails with kConflict and changes nothing.
  std::int64_t expected_revision = -1;
};

// One revision in a record's history.
struct RevisionEntry {
  std::int64_t revision = 0;
  std::string saved_at, saved_by, message;
};

struct ArchiveStats {
  CatalogStats catalog;
  IndexStatus index;
};

class Archive {
 public:
  enum class Mode { kRead, kWrite };
  // Opens (kWrite: creates) the archive in `data_dir`. Either mode repairs an index that is
  // behind the catalog (after a crash) when no other process is writing. A writer waits up to
  // `wait_for_lock` for another writer to finish (milliseconds::max(): without end), then fails
  // with kBusy.
  static Result<std::unique_ptr<Archive>> open(const std::string& data_dir, Mode mode,
                                               std::chrono::milliseconds wait_for_lock = std::chrono::milliseconds(0));
  ~Archive();

  // Imports files and directories (recursively). Each file is one catalog transaction of its
  // valid records; invalid records and unreadable files are reported and the run goes on.
  Result<ImportReport> import(const std::vector<std::string>& paths, const ImportOptions& options);

  Result<SearchPage> search(const SearchQuery& query);
  // The record, for `audience`: a record readers may not see is "not found" to them, in the
  // same words as one that does not exist.
  Result<model::Document> document(const std::string& id, Audience audience) const;
  // True when the archive holds a record `id` that readers may not see today (from the brief
  // columns, without reading the record): pages use it to leave hidden records out of lists.
  bool hidden_from_readers(const std::string& id) const;
  // Writers: validates and stores one record as a new revision, and indexes it at once (an edit
  // shows in searches as soon as readers refresh). kConflict when options.expected_revision
  // is stale; kInvalidInput naming the field when the record is not valid.
  Result<SaveOutcome> save(model::Document doc, const SaveOptions& options);
  // The record's current revision (0: no such record), its owner (who created it; "" for
  // imports), its history newest first, and one revision in full.
  Result<std::int64_t> current_revision(const std::string& id) const;
  Result<std::string> owner(const std::string& id) const;
  Result<std::vector<RevisionEntry>> history(const std::string& id) const;
  Result<model::Document> revision(const std::string& id, std::int64_t number) const;
  Result<std::vector<model::Provenance>> provenance(const std::string& id) const;
  // "More like this": the record's stored list (see update_similar), or, when the record has
  // none yet, a live query to the index.
  Result<std::vector<SearchHit>> similar(const std::string& id, int limit, Audience audience);
  // Writers: computes and stores the lists of records that have none for their current
  // version, using every core. Import calls it after the records; returns how many it made.
  // Lists are not recomputed when other records arrive later: `reindex` renews them all.
  Result<std::int64_t> update_similar(const std::function<void(std::int64_t done, std::int64_t total)>& progress = {});
  static constexpr int kSimilarKept = 10;
  // How many the document page and the API show.
  static constexpr int kSimilarShown = 5;
  Result<std::vector<std::pair<std::string, std::string>>> recent(int limit, Audience audience) const;
  // Records whose date arkiv could not read (kept verbatim, bounds unknown), in id order.
  Result<std::vector<DateToReview>> dates_to_review() const;
  // Calls fn for every record in id order until it returns false (review reports).
  Status for_each_document(const std::function<bool(const model::Document&)>& fn) const;
  // Every record as JSON Lines, in id order. With `history`, every revision of every record
  // instead, one line each: {"id", "revision", "saved_at", "saved_by", "message", "record"}.
  Status export_jsonl(std::ostream& out, bool history = false) const;
  // Rebuilds the index from the catalog into a fresh directory, swaps it in, then renews every
  // "more like this" list.
  Result<std::int64_t> reindex(const std::function<void(std::int64_t done, std::int64_t total)>& progress = {},
                               const std::function<void(std::int64_t done, std::int64_t total)>& similar_progress = {});
  // Readers: counts of what they may see (the index part then counts the same records).
  Result<ArchiveStats> stats(Audience audience = Audience::kStaff) const;

  // The catalog (PRAGMA integrity_check, foreign keys, every record sound) and the index
  // against it (same catalog and change, exactly the catalog's ids, each once).
  Result<CheckReport> check() const;
  // A consistent copy of the archive in `dest_dir` (new or empty), taken while others read and
  // write: the catalog through SQLite's backup API as of one commit, then an index built from
  // that copy, so `dest_dir` is a data directory of its own. Returns the records copied.
  static Result<std::int64_t> backup(const std::string& data_dir, const std::string& dest_dir);
  // Replaces the archive in `data_dir` by the backup in `src_dir` (checked first), as its writer
  // (waiting up to `wait_for_lock` for another), and rebuilds the index. Returns the records.
  static Result<std::int64_t> restore(const std::string& src_dir, const std::string& data_dir,
                                      std::chrono::milliseconds wait_for_lock = std::chrono::milliseconds(0));
  // Readers: picks up what other processes committed since. Returns true if anything changed.
  bool refresh();

  const std::string& data_dir() const { return dir_; }
  // Readers cache answers by default; benchmarks turn that off to measure the work itself.
  void set_caching(bool on) {
    caching_ = on;
    similar_cache_.clear();
  }
  // Long-lived readers (the server): count facets from an in-memory table of every record's
  // facet values, built once per index revision and shared by the process's readers.
  void keep_facets_in_memory(bool on);
  // How long a search may count its matches before answering without the exact count
  // (SearchPage::count_stopped); kCountBudgetSeconds unless set. <= 0: no budget.
  void set_count_budget(double seconds) { count_budget_seconds_ = seconds; }
  // Readers of one process share one search cache (each reader has its own until told).
  void share_search_cache(std::shared_ptr<SearchCache> cache) { search_cache_ = std::move(cache); }
  // The name variants searches expand names with (SearchQuery::name_variants): the table
  // shipped with arkiv (model::shipped_name_variants) unless set; an archivist's table
  // (model::load_name_variants) or groups made from authority records may replace it. Cached
  // answers are keyed by the table's digest, so a new table is never answered from the old.
  void set_name_variants(std::shared_ptr<const model::NameVariants> variants) {
    base_variants_ = variants ? std::move(variants) : std::make_shared<const model::NameVariants>();
    (void)load_authority_variants();
  }
  const std::shared_ptr<const model::NameVariants>& name_variants() const { return name_variants_; }

  // Authorities and arrangement (archive/authorities.cpp, docs/authorities.md).
  // The authority with this id; a merged id answers with the authority it was merged into
  // (check view.authority.id). nullopt when there is none.
  Result<std::optional<AuthorityView>> authority(const std::string& id, Audience audience) const;
  // The preferred name of an authority id ("" if unknown); facet values that are ids show it.
  std::string authority_name(const std::string& id) const;
  // Merges authority `from` into `into`: records' links move (each record saved as a revision
  // by `user`), `from`'s names become variants of `into`, and `from` redirects there.
  // Refused for the same id, for different kinds, or for an unknown id.
  Result<MergeReport> merge_authorities(const std::string& from, const std::string& into, const std::string& user);
  // Links the names of every stored record that has none yet to authorities, and places it in
  // its collections, as an import would (records stored before catalog migration 8, or before
  // an authority was loaded). A record that changes is saved as a revision by `user`; one that
  // does not is left as it is, so a second run changes nothing. `progress(done, total)`.
  Result<RelinkReport> relink_records(const std::string& user, const std::function<void(std::int64_t, std::int64_t)>& progress = {});
  // Adds or replaces authority records (an archivist's edit, an export's lines).
  Status put_authorities(const std::vector<model::Authority>& authorities);
  // Loads a table of name variants (data/name-variants.tsv) into authority records: each group
  // joins the one authority of its kind that has one of its names (adding the others as
  // variants, with script and scheme), or becomes a new authority. A group whose names belong
  // to several authorities is left out and reported. Returns (authorities changed, reports).
  Result<std::pair<std::int64_t, std::vector<std::string>>> load_name_variants(const model::NameVariants& table);
  Status for_each_authority(const std::function<bool(const model::Authority&)>& fn) const;
  Result<std::optional<UnitView>> unit(const std::string& id, Audience audience) const;
  Result<std::vector<model::Unit>> collections() const;
  Result<RecordPlace> place_of(const model::Document& doc, Audience audience) const;
  Result<std::vector<NameToReview>> names_to_review() const;

 private:
  Archive() = default;
  // The names of an authority for the index (preferred, then variants), cached.
  std::vector<std::string> authority_names(const std::string& id) const;
  void forget_authority_names(const internal::LinkPlan& plan);
  // name_variants_ = base_variants_ plus a group per authority with variants.
  Status load_authority_variants();
  void wire_index();
  Status open_index();
  Status sync_index();  // applies catalog changes the index has not seen
  bool refresh_index();
  Result<SearchHit> make_hit(const std::string& id, const index::Highlighter* highlighter) const;
  Status note_revision();
  // Commits the index as having applied every catalog change so far.
  Status commit_index();
  // Import: hands the records a batch created or changed to the index, committing it every
  // 5,000 records or 2 s.
  struct IndexCadence {
    std::int64_t uncommitted = 0;
    std::chrono::steady_clock::time_point last_commit;
  };
  Status index_changed(const std::vector<const model::Document*>& records, const std::vector<RecordOutcome>& outcomes,
                       IndexCadence& cadence);

  std::string dir_;
  Mode mode_ = Mode::kRead;
  int lock_fd_ = -1;
  std::unique_ptr<store::Catalog> catalog_;
  std::unique_ptr<index::SearchIndex> index_;
  std::filesystem::file_time_type index_stamp_{};
  // Readers keep recent answers for the index revision they were computed at: a popular query
  // costs Xapian once per revision, and its further pages cost only their hits.
  bool caching_ = true;
  bool facets_in_memory_ = false;
  double count_budget_seconds_ = kCountBudgetSeconds;
  std::string revision_;  // the index's catalog uuid and applied change, prefixed to cache keys
  std::shared_ptr<SearchCache> search_cache_ = std::make_shared<SearchCache>();
  // What searches expand with: the table (shipped, or an archivist's) and, added to it, a
  // group for every authority record with variant names (load_authority_variants).
  std::shared_ptr<const model::NameVariants> base_variants_ = model::shipped_name_variants();
  std::shared_ptr<const model::NameVariants> name_variants_ = base_variants_;
  LruCache<std::vector<SearchHit>> similar_cache_{2048};  // live "more like this" (no stored list yet)
  mutable LruCache<std::vector<std::string>> authority_names_{100000};  // id -> names, for the index
};

}  // namespace arkiv::archive
