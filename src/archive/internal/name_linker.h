// Stage "link" of the import (and of a save): names to authority records, collections to
// arrangement units. For each batch it maps the authorities a source defines (a FRUS list of
// persons) to the archive's own, matching by identifier, then by name key, or creating them;
// links each name value of a record that has no link yet by its name key (one match: linked;
// none: a new authority; several: linked to none and listed for review, with the candidates);
// and turns a record's collection names into collection units it is placed in. What it
// decides is written with the batch, in its transaction (LinkPlan). Not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "ingest/importer.h"
#include "store/catalog.h"

namespace arkiv::archive::internal {

struct LinkPlan {
  std::vector<model::Authority> authorities;  // to insert or update
  std::vector<model::Unit> units;             // to insert or update
  std::vector<store::NameReview> reviews;     // to add after the records
  std::vector<model::AuthorityRedirect> redirects;  // an export's merges, to add after the authorities
  bool empty() const { return authorities.empty() && units.empty() && reviews.empty() && redirects.empty(); }
};

class NameLinker {
 public:
  // Reads every authority's name keys and every collection's title from the catalog: for an
  // import, which looks up many names.
  static Result<NameLinker> load(const store::Catalog& catalog);
  // Reads the collections' titles; each name key is looked up in the catalog when first
  // needed (an index lookup): for one record's save, whatever the number of authorities.
  static Result<NameLinker> load_lazily(const store::Catalog& catalog);

  // Resolves `batch` in place (records' links and placements) and adds what must be written
  // to `plan`. Warnings name the record and the name.
  Status link(ingest::ParseOutput& batch, LinkPlan& plan, std::vector<std::string>& warnings);
  // The authorities of `kind` that `name` matches by its keys (several when ambiguous).
  std::set<std::string> matching(const std::string& kind, const std::string& name) const { return candidates(kind, name); }
  // The same for one record (a save from the editor).
  Status link(model::Document& doc, LinkPlan& plan, std::vector<std::string>& warnings);

 private:
  explicit NameLinker(const store::Catalog& catalog) : catalog_(&catalog) {}
  Status load_units();
  // The authorities that have `key` of `kind` (the set the linker adds to as it creates).
  std::set<std::string>& ids_with_key(const std::string& kind, const std::string& key) const;
  void add_keys(const model::Authority& a);
  bool taken(const std::string& id) const;
  // The authority ids whose keys match `name` of `kind`: by the whole name, or for a one-word
  // person's name by the family name.
  std::set<std::string> candidates(const std::string& kind, const std::string& name) const;
  // Among several candidates, the one that has exactly this name (folded), if only one has.
  std::optional<std::string> same_name(const std::set<std::string>& candidates, const std::string& name) const;
  Result<std::string> adopt(const model::Authority& proposed, LinkPlan& plan);
  Status link_record(model::Document& doc, LinkPlan& plan, std::vector<std::string>& warnings);

  const store::Catalog* catalog_;
  mutable std::map<std::string, std::set<std::string>> keys_;  // "<kind>\t<key>" -> ids
  bool all_keys_ = false;                                     // keys_ holds every stored key
  std::set<std::string> ids_;                           // authorities known to exist
  std::map<std::string, std::string> local_;            // a source's local authority id -> the archive's
  std::map<std::string, std::string> collections_;      // model::collection_key(title) -> unit id
  std::set<std::string> units_;                         // unit ids known to exist
  std::map<std::string, std::set<std::string>> names_;  // folded name or variant -> ids (for same_name)
};

}  // namespace arkiv::archive::internal
