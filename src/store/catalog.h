// The catalog: arkiv's source of truth, a SQLite database (WAL, foreign keys, versioned
// migrations; schema in docs/catalog-schema.md). It stores each record as canonical JSON with
// a few columns for ordering, the provenance of every change, and a change sequence that the
// search index follows (see index/search_index.h). One Catalog per thread; several processes
// may open the same file (SQLite's locking serialises writers).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/document.h"
#include "model/authority.h"
#include "model/put_outcome.h"

namespace arkiv::store {

using model::PutOutcome;

struct CatalogStats {
  std::int64_t documents = 0;
  std::int64_t change_seq = 0;
  std::vector<std::pair<std::string, std::int64_t>> original_languages;  // code, documents
  std::vector<std::pair<std::string, std::int64_t>> content_languages;   // code, documents
};

// A change the index has to follow: a record written (doc set) or deleted (doc empty).
struct Change {
  std::int64_t seq = 0;
  std::string id;
  std::optional<model::Document> doc;
};

// What a list of records shows, read from columns without decoding the whole record.
struct Brief {
  std::string id;
  std::string title;
  model::DateRange date;
  std::vector<std::string> languages;  // original languages first, then those of the texts
  std::string document_type;
  std::string publication;    // "" (published), "draft", "review", "withdrawn"
  std::string embargo_until;  // "YYYY-MM-DD" or ""
};

// Who saves a record and why, for its revision; and the revision the saver last read.
struct SaveInfo {
  std::string user;     // "" for an import
  std::string message;  // "imported from a/b.xml", "Corrected the date"
  // Optimistic locking: when > 0, put() fails with kConflict unless this is the record's
  // current revision (0: the record must not exist yet, -1: no check).
  std::int64_t expected_revision = -1;
};

// One saved revision of a record (the record itself through Catalog::revision()).
struct RevisionInfo {
  std::int64_t revision = 0;
  std::string saved_at;  // UTC, ISO 8601
  std::string saved_by;
  std::string message;
};

// A record placed in a unit of the arrangement, as tables of contents list it.
struct UnitMember {
  std::string id;
  std::string title;
  std::string date_display;
  std::int64_t position = 0;
  std::string number;
  bool primary = false;
};

// A record's neighbours in a unit's order.
struct Neighbours {
  std::optional<UnitMember> previous;
  std::optional<UnitMember> next;
};

// A name that matched more than one authority at import: linked to none, listed for review.
struct NameReview {
  std::string document_id;
  std::string field;
  std::string form;
  std::vector<std::string> candidates;  // authority ids
};

class Catalog {
 public:
  // Opens or creates the catalog at `path` and applies pending migrations.
  static Result<std::unique_ptr<Catalog>> open(const std::string& path);
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  // A random id made when the catalog was created; the index records which catalog it follows.
  const std::string& uuid() const { return uuid_; }
  Result<int> schema_version() const;

  // Writes happen inside a transaction: begin(), put()/remove()..., commit() or rollback().
  Status begin();
  Status commit();
  void rollback();

  // Stores `doc` (already validated). Unchanged records are not rewritten and get no new
  // provenance; created and updated ones get a new change sequence number.
  // Every created or updated record gets a new revision (SaveInfo: who and why); the record
  // as it was is kept in full (revisions()).
  Result<PutOutcome> put(const model::Document& doc, const model::Provenance& provenance, const SaveInfo& save = {});
  // What put() would do, without writing.
  Result<PutOutcome> compare(const model::Document& doc) const;
  Result<bool> remove(const std::string& id);

  Result<model::Document> get(const std::string& id) const;
  // The record's current revision number (0 when there is no such record) and its owner (the
  // user who created it; "" for imports).
  Result<std::int64_t> current_revision(const std::string& id) const;
  Result<std::string> owner(const std::string& id) const;
  // The record's revisions, newest first, and one of them in full.
  Result<std::vector<RevisionInfo>> revisions(const std::string& id) const;
  Result<model::Document> revision(const std::string& id, std::int64_t number) const;
  // Calls fn for every revision of every record, in id and revision order (export --history).
  Status for_each_revision(const std::function<bool(const std::string& id, const RevisionInfo&, const model::Document&)>& fn) const;
  Result<Brief> brief(const std::string& id) const;
  Result<std::vector<model::Provenance>> provenance(const std::string& id) const;
  // The source file of the record's latest change (its newest provenance), or nullopt when
  // the record is not in the catalog.
  Result<std::optional<std::string>> source_of(const std::string& id) const;
  // Calls `fn` for every record in id order; stops early if `fn` returns false.
  Status for_each(const std::function<bool(const model::Document&)>& fn) const;
  // Every record's id, in id order, without reading the records.
  Result<std::vector<std::string>> document_ids() const;
  // Calls `fn` for every change with sequence > `after`, in sequence order.
  Status changes_since(std::int64_t after, const std::function<void(const Change&)>& fn) const;
  // The most recently created records; with `visible_on` ("YYYY-MM-DD"), only those readers
  // may see that day (model/lifecycle.h).
  Result<std::vector<std::pair<std::string, std::string>>> recent(int limit, const std::string& visible_on = "") const;  // id, title
  // Records whose date has no bounds but a display (undated forms and dates to review), in id
  // order: id, title, date display.
  Result<std::vector<std::array<std::string, 3>>> unbounded_dates() const;

  // "More like this" lists: derived from the search index by the archive and stored so that a
  // record's page does not query the index for them. A list belongs to one version of its
  // record: it is current while the record's change_seq is the one it was computed for.
  // Outside a transaction each call commits on its own.
  Status put_similar(const std::string& id, std::int64_t change_seq, const std::vector<std::string>& similar);
  // The record's current list; nullopt when it has none or the record changed since.
  Result<std::optional<std::vector<std::string>>> similar(const std::string& id) const;
  // Records without a current list, oldest change first: id, change_seq.
  Result<std::vector<std::pair<std::string, std::int64_t>>> similar_pending() const;
  Status clear_similar();

  // The last change handed out (inside a transaction: including the ones not yet committed).
  Result<std::int64_t> change_seq() const;
  // With `visible_on`: counts of what readers may see that day only.
  Result<CatalogStats> stats(const std::string& visible_on = "") const;

  // Authorities (docs/authorities.md). put_authority inserts or replaces one, with its name
  // keys; inside a transaction like put().
  Status put_authority(const model::Authority& a);
  Result<std::optional<model::Authority>> authority(const std::string& id) const;
  // Where a merged authority's id now points, or nullopt.
  Result<std::optional<std::string>> authority_redirect(const std::string& id) const;
  Status add_authority_redirect(const std::string& from, const std::string& to);
  Status for_each_authority_redirect(const std::function<bool(const model::AuthorityRedirect&)>& fn) const;  // by old id
  Status remove_authority(const std::string& id);
  // In id order; `with_variants_only`: those that have variant names.
  Status for_each_authority(const std::function<bool(const model::Authority&)>& fn, bool with_variants_only = false) const;
  // Every name key: (kind, key, authority id); keys of surnames start with "s:".
  Status for_each_authority_key(const std::function<void(const std::string& kind, const std::string& key, const std::string& id)>& fn) const;
  // The authorities that have this name key (kind, key), by id.
  Result<std::vector<std::string>> authorities_with_key(const std::string& kind, const std::string& key) const;
  // The records whose links name the authority, by id.
  Result<std::vector<std::string>> documents_linking(const std::string& authority_id) const;
  // The authority a stored record links `form` of `field` to, or nullopt.
  Result<std::optional<std::string>> stored_link(const std::string& document_id, const std::string& field, const std::string& form) const;
  // The forms records use for the authority, most used first.
  Result<std::vector<std::string>> link_forms(const std::string& authority_id, int limit = 50) const;
  // Moves every link to `from` onto `into`, in the records' JSON (each a new revision saved
  // by `save.user`) and in document_links; returns the ids of the records changed.
  Result<std::vector<std::string>> relink(const std::string& from, const std::string& into, const SaveInfo& save);
  // Subjects whose broader terms include `id`.
  Result<std::vector<model::Authority>> narrower(const std::string& id) const;

  // Arrangement. put_unit inserts or replaces one level.
  Status put_unit(const model::Unit& u);
  Result<std::optional<model::Unit>> unit(const std::string& id) const;
  Result<std::vector<model::Unit>> child_units(const std::string& parent) const;  // in order
  Status for_each_unit(const std::function<bool(const model::Unit&)>& fn) const;  // parents first
  // The records placed in `unit`, in its order (position, then date, then id). With `visible_on`,
  // only those readers may see that day.
  Result<std::vector<UnitMember>> unit_members(const std::string& unit, const std::string& visible_on = "", int limit = 5000) const;
  // The records before and after `document_id` in `unit` (visible ones only, with `visible_on`).
  Result<Neighbours> neighbours(const std::string& unit, const std::string& document_id, const std::string& visible_on = "") const;
  // Records placed directly in each unit of a collection (unit id -> count).
  Result<std::vector<std::pair<std::string, std::int64_t>>> member_counts(const std::string& collection,
                                                                          const std::string& visible_on = "") const;

  // Names linked to no authority because they matched several (replaced at each put of the record).
  Status add_name_review(const NameReview& r);
  Result<std::vector<NameReview>> name_reviews(int limit = 1000) const;

 private:
  struct Impl;
  explicit Catalog(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::string uuid_;
};

}  // namespace arkiv::store
