// Stages "pick" and "store" of the import: which parsed records may be written, and writing
// them in one catalog transaction.
#include "archive/internal/import_stages.h"

namespace arkiv::archive::internal {

std::vector<const model::Document*> pick_records(const ingest::ParseOutput& batch, const std::string& source_path, bool replace,
                                                 std::set<std::string>& seen_in_file, const store::Catalog& catalog,
                                                 std::vector<Error>& errors, bool only_new) {
  std::vector<const model::Document*> picked;
  for (const model::Document& d : batch.records) {
    // The same id twice in one file is a mistake in the file: keep the first.
    if (!seen_in_file.insert(d.id).second) {
      errors.push_back(Error::invalid("record '" + d.id + "': the id appears more than once in this file"));
      continue;
    }
    if (only_new) {
      auto rev = catalog.current_revision(d.id);
      if (!rev || *rev > 0) {
        errors.push_back(Error::invalid("record '" + d.id + "': left out: the archive has a record with this id; edit that record instead"));
        continue;
      }
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
        if (*outcome == model::PutOutcome::kUpdated && (*source)->rfind("(edited in arkiv", 0) == 0) {
          errors.push_back(Error::invalid("record '" + d.id + "': left out: it was " + (*source)->substr(1, (*source)->size() - 2) +
                                          " since it was imported; import with --replace to overwrite those edits"));
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

Status apply_lifecycle(std::vector<model::Document>& records, const std::string& publication, const store::Catalog& catalog) {
  for (model::Document& d : records) {
    if (!d.publication.empty() && !d.embargo_until.empty() && !d.staff_notes.empty()) continue;
    auto stored = catalog.get(d.id);
    if (stored) {
      if (d.publication.empty()) d.publication = stored->publication;
      if (d.embargo_until.empty()) d.embargo_until = stored->embargo_until;
      if (d.staff_notes.empty()) d.staff_notes = stored->staff_notes;
    } else if (stored.error().code() == ErrorCode::kNotFound) {
      if (d.publication.empty()) d.publication = publication == "published" ? "" : publication;
    } else {
      return stored.error().within("record '" + d.id + "'");
    }
  }
  return Status::success();
}

Result<std::vector<RecordOutcome>> store_records(const std::vector<const model::Document*>& records, const model::Provenance& provenance,
                                                 const store::SaveInfo& save, store::Catalog& catalog, const LinkPlan& plan) {
  std::vector<RecordOutcome> outcomes;
  if (records.empty() && plan.empty()) return outcomes;
  if (Status s = catalog.begin(); !s) return s.error();
  // The authorities and units the records link to first, in the same transaction.
  for (const model::Authority& a : plan.authorities) {
    if (Status s = catalog.put_authority(a); !s) {
      catalog.rollback();
      return s.error();
    }
  }
  for (const model::Unit& u : plan.units) {
    if (Status s = catalog.put_unit(u); !s) {
      catalog.rollback();
      return s.error();
    }
  }
  for (const model::AuthorityRedirect& r : plan.redirects) {
    if (Status s = catalog.add_authority_redirect(r.from, r.to); !s) {
      catalog.rollback();
      return s.error();
    }
  }
  for (const model::Document* d : records) {
    auto outcome = catalog.put(*d, provenance, save);
    if (!outcome) {
      // A storage failure (disk full, I/O): nothing of this batch is kept.
      catalog.rollback();
      return outcome.error();
    }
    outcomes.push_back({d->id, d->title, *outcome});
  }
  // Names to review, for the records written now (an unchanged record keeps its list).
  for (const store::NameReview& r : plan.reviews) {
    bool written = false;
    for (const RecordOutcome& o : outcomes) written = written || (o.id == r.document_id && o.outcome != model::PutOutcome::kUnchanged);
    if (!written) continue;
    if (Status s = catalog.add_name_review(r); !s) {
      catalog.rollback();
      return s.error();
    }
  }
  if (Status s = catalog.commit(); !s) return s.error();
  return outcomes;
}

}  // namespace arkiv::archive::internal
