// Stages "pick" and "store" of the import: which parsed records may be written, and writing
// them in one catalog transaction.
#include "archive/internal/import_stages.h"

namespace arkiv::archive::internal {

std::vector<const model::Document*> pick_records(const ingest::ParseOutput& batch, const std::string& source_path, bool replace,
                                                 std::set<std::string>& seen_in_file, const store::Catalog& catalog,
                                                 std::vector<Error>& errors) {
  std::vector<const model::Document*> picked;
  for (const model::Document& d : batch.records) {
    // The same id twice in one file is a mistake in the file: keep the first.
    if (!seen_in_file.insert(d.id).second) {
      errors.push_back(Error::invalid("record '" + d.id + "': the id appears more than once in this file"));
      continue;
    }
    if (!replace) {
      auto source = catalog.source_of(d.id);
      if (!source) {
        errors.push_back(source.error().within("record '" + d.id + "'"));
        continue;
      }
      if (*source && **source != source_path) {
        // Only a change counts: the same record from a copy of a file replaces nothing.
        auto outcome = catalog.compare(d);
        if (!outcome) {
          errors.push_back(outcome.error().within("record '" + d.id + "'"));
          continue;
        }
        if (*outcome == model::PutOutcome::kUpdated) {
          errors.push_back(Error::invalid("record '" + d.id + "': left out: it would replace the record of that id imported from " +
                                          **source + ", a different source file; import with --replace to replace it"));
          continue;
        }
      }
    }
    picked.push_back(&d);
  }
  return picked;
}

std::vector<RecordOutcome> compare_records(const std::vector<const model::Document*>& records, const store::Catalog& catalog,
                                           std::vector<Error>& errors) {
  std::vector<RecordOutcome> out;
  for (const model::Document* d : records) {
    auto outcome = catalog.compare(*d);
    if (!outcome) {
      errors.push_back(outcome.error());
      continue;
    }
    out.push_back({d->id, d->title, *outcome});
  }
  return out;
}

Result<std::vector<RecordOutcome>> store_records(const std::vector<const model::Document*>& records, const model::Provenance& provenance,
                                                 store::Catalog& catalog) {
  std::vector<RecordOutcome> outcomes;
  if (records.empty()) return outcomes;
  if (Status s = catalog.begin(); !s) return s.error();
  for (const model::Document* d : records) {
    auto outcome = catalog.put(*d, provenance);
    if (!outcome) {
      // A storage failure (disk full, I/O): nothing of this batch is kept.
      catalog.rollback();
      return outcome.error();
    }
    outcomes.push_back({d->id, d->title, *outcome});
  }
  if (Status s = catalog.commit(); !s) return s.error();
  return outcomes;
}

}  // namespace arkiv::archive::internal
