// The search index: derived data built from catalog records with Xapian (the only module that
// includes xapian.h). Term scheme and value slots are in docs/index-terms.md. The index records
// which catalog it follows and the last catalog change it has applied, so a crash between a
// catalog commit and an index commit is found and repaired (archive/archive.h).
// One SearchIndex per thread; a writable one holds Xapian's single-writer lock.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "index/highlighter.h"
#include "model/document.h"
#include "model/name_variants.h"

namespace arkiv::index {

// kCollection: the arrangement's order (a record's primary place: its collection, then its
// position there, then its date), "collection order".
enum class SortOrder { kRelevance, kDateAscending, kDateDescending, kCollection };

// How a date filter (from/to, year, decade) meets a record's date range (docs/dates.md).
enum class DateMode { kOverlaps, kWithin };
// Undated records with a date filter: by default left out; kInclude adds them. Without a date
// filter they are in by default; kExclude leaves them out.
enum class UndatedChoice { kDefault, kInclude, kExclude };

// A run of query words that names a group of name variants, and the group's other forms the
// search looked for too (internal/name_expansion.h).
struct NameExpansion {
  std::string matched;             // as typed: "Kim Il Sung"
  std::vector<std::string> forms;  // "Kim Il-sung", "Kim Ir Sen", "김일성", "金日成"
};

struct SearchQuery {
  std::string text;  // Xapian query syntax: words, "phrases", AND/OR/NOT, title:, place:...
  std::vector<std::pair<std::string, std::string>> filters;  // facet field, value (exact)
  std::string from;  // "YYYY-MM-DD": records whose date range overlaps [from, to]
  std::string to;
  DateMode date_mode = DateMode::kOverlaps;
  UndatedChoice undated = UndatedChoice::kDefault;
  SortOrder sort = SortOrder::kRelevance;
  int offset = 0;
  int limit = 10;
  std::vector<std::string> facets;  // which facets to count (empty: none)
  int facet_limit = 20;             // values per facet
  // "YYYY-MM-DD": only records readers may see on that day (model/lifecycle.h); "": every
  // record (staff).
  std::string visible_on;
  // Totals and facet counts are exact: every match is counted. `count_matches` false: the
  // caller knows them (a cached summary) and wants the page of hits only; `total` is then
  // Xapian's estimate. Counting stops after `count_budget_seconds` (<= 0: no limit), and the
  // result says so (SearchResult::count_stopped).
  bool count_matches = true;
  double count_budget_seconds = 0;
  // Name variants to expand the query with (internal/name_expansion.h); null: none, the words
  // as typed (transliterated forms are still found: they are terms of the index).
  std::shared_ptr<const model::NameVariants> name_variants;
};

struct FacetValue {
  std::string value;
  std::int64_t count = 0;
};

struct Facet {
  std::string field;
  std::vector<FacetValue> values;
};

struct SearchResult {
  std::int64_t total = 0;
  bool total_exact = true;  // false: `total` is Xapian's estimate (and `facets` are empty)
  bool count_stopped = false;    // counting ran past the query's budget (so total_exact is false)
  std::vector<std::string> ids;  // the page of hits, best first
  std::vector<Facet> facets;
  Highlighter highlighter;       // marks the query's words in snippets
  std::string suggestion;        // a spelling-corrected query, when there is one
  std::int64_t undated = 0;      // matches of the query without its date filters that are undated
  std::vector<NameExpansion> variants;  // the names expanded, in query order
};

// The names of an authority record (preferred first, then variants), by id; empty when
// unknown. The index asks for them when it indexes a record's linked values.
using AuthorityNames = std::function<std::vector<std::string>(const std::string& authority_id)>;

class SearchIndex {
 public:
  static Result<std::unique_ptr<SearchIndex>> open_writable(const std::string& dir);
  static Result<std::unique_ptr<SearchIndex>> open_readonly(const std::string& dir);
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Writing (open_writable only). Changes become visible to readers at commit().
  // `known_new`: the caller knows the index has no record with this id (faster).
  Status replace(const model::Document& doc, bool known_new = false);
  // Where replace() finds the names of the authorities a record links to: a linked value is
  // filtered and counted by its authority's id, and a field query (`person:house`) matches
  // any of the authority's names. Without it, values count as written.
  void set_authority_names(AuthorityNames names);
  Status remove(const std::string& id);
  // Commits, recording that catalog `catalog_uuid` is applied up to change `seq`.
  Status commit(std::int64_t seq, const std::string& catalog_uuid);

  // The catalog change the index has applied up to (0 for a new index).
  Result<std::int64_t> applied_seq() const;
  // False when the index was written with another term scheme (it must be rebuilt).
  Result<bool> scheme_current() const;
  Result<std::string> catalog_uuid() const;
  Result<std::int64_t> document_count() const;
  // Every record id in the index, in id order, with the number of index documents that carry it
  // (more than one is a fault: `arkiv check` reports it).
  Status for_each_id(const std::function<void(const std::string& id, std::int64_t documents)>& fn) const;
  // Picks up commits made by other processes since open or the last reopen (readers).
  bool reopen();
  // Readers that answer many searches (the server): count facets from an in-memory table of
  // every record's facet values (index/facet_table.h), built once per index revision, about
  // 0.1 s and 10 MB at 100k records, and shared by the process's readers of that revision.
  void keep_facets_in_memory(bool on);

  Result<SearchResult> search(const SearchQuery& query) const;
  // Ids of records most like `id` ("more like this"), best first.
  Result<std::vector<std::string>> similar(const std::string& id, int limit) const;

 private:
  struct Impl;
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace arkiv::index
