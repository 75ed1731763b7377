// Archive: authority records, merges, the arrangement's pages and places, names to review
// (docs/authorities.md).
#include <algorithm>
#include <map>
#include <set>

#include "base/strings.h"

#include "archive/archive.h"
#include "archive/internal/import_stages.h"
#include "archive/internal/name_linker.h"
#include "base/clock.h"
#include "index/search_index.h"
#include "model/lifecycle.h"
#include "store/catalog.h"

namespace arkiv::archive {

namespace {

std::string visible_day(Audience audience) { return audience == Audience::kReaders ? model::today_utc() : ""; }

}  // namespace

std::vector<std::string> Archive::authority_names(const std::string& id) const {
  if (const auto* cached = authority_names_.get(id)) return *cached;
  std::vector<std::string> names;
  if (auto a = catalog_->authority(id); a && *a) {
    names.push_back((*a)->name);
    for (const model::NameVariant& v : (*a)->variants) names.push_back(v.name);
  }
  authority_names_.put(id, names);
  return names;
}

void Archive::forget_authority_names(const internal::LinkPlan& plan) {
  for (const model::Authority& a : plan.authorities) authority_names_.erase(a.id);
}

void Archive::wire_index() {
  if (index_) index_->set_authority_names([this](const std::string& id) { return authority_names(id); });
}

std::string Archive::authority_name(const std::string& id) const {
  if (!model::is_authority_id(id)) return "";
  std::vector<std::string> names = authority_names(id);
  return names.empty() ? "" : names.front();
}

Result<std::optional<AuthorityView>> Archive::authority(const std::string& id, Audience audience) const {
  (void)audience;  // an authority is public; the records listed on its page are filtered by search
  std::string target = id;
  auto found = catalog_->authority(target);
  if (!found) return found.error();
  if (!*found) {
    auto to = catalog_->authority_redirect(id);
    if (!to) return to.error();
    if (!*to) return std::optional<AuthorityView>();
    target = **to;
    found = catalog_->authority(target);
    if (!found) return found.error();
    if (!*found) return std::optional<AuthorityView>();
  }
  AuthorityView view;
  view.authority = std::move(**found);
  for (const std::string& b : view.authority.broader) view.broader.push_back({b, authority_name(b)});
  auto narrower = catalog_->narrower(target);
  if (!narrower) return narrower.error();
  for (const model::Authority& n : *narrower) view.narrower.push_back({n.id, n.name});
  auto forms = catalog_->link_forms(target);
  if (!forms) return forms.error();
  view.forms = std::move(forms).value();
  return std::optional<AuthorityView>(std::move(view));
}

Result<MergeReport> Archive::merge_authorities(const std::string& from, const std::string& into, const std::string& user) {
  if (mode_ != Mode::kWrite) return Error::internal("merge needs the archive opened for writing");
  if (from == into) return Error::invalid("cannot merge authority '" + from + "' into itself");
  auto a = catalog_->authority(from);
  if (!a) return a.error();
  if (!*a) return Error::not_found("no authority with id '" + from + "'");
  auto b = catalog_->authority(into);
  if (!b) return b.error();
  if (!*b) return Error::not_found("no authority with id '" + into + "'");
  if ((*a)->kind != (*b)->kind) {
    return Error::invalid("cannot merge " + (*a)->kind + " '" + from + "' into " + (*b)->kind + " '" + into + "': they are of different kinds");
  }
  model::Authority merged = **b;
  auto learn = [&](const std::string& name, const std::string& script, const std::string& scheme) {
    if (name == merged.name) return;
    for (const model::NameVariant& v : merged.variants) {
      if (v.name == name) return;
    }
    merged.variants.push_back({name, script, scheme});
  };
  learn((*a)->name, "", "");
  for (const model::NameVariant& v : (*a)->variants) learn(v.name, v.script, v.scheme);
  for (const model::AuthorityIdentifier& i : (*a)->identifiers) {
    if (std::find(merged.identifiers.begin(), merged.identifiers.end(), i) == merged.identifiers.end()) merged.identifiers.push_back(i);
  }
  if (merged.note.empty()) merged.note = (*a)->note;
  if (merged.dates.empty()) merged.dates = (*a)->dates;
  if (Status s = catalog_->begin(); !s) return s.error();
  auto fail = [&](const Error& e) -> Result<MergeReport> {
    catalog_->rollback();
    return e;
  };
  if (Status s = catalog_->put_authority(merged); !s) return fail(s.error());
  auto moved = catalog_->relink(from, into, store::SaveInfo{user, "merged authority " + from + " into " + into, -1});
  if (!moved) return fail(moved.error());
  if (Status s = catalog_->remove_authority(from); !s) return fail(s.error());
  if (Status s = catalog_->add_authority_redirect(from, into); !s) return fail(s.error());
  if (Status s = catalog_->commit(); !s) return s.error();
  authority_names_.erase(from);
  authority_names_.erase(into);
  if (Status s = sync_index(); !s) return s.error();
  if (Status s = load_authority_variants(); !s) return s.error();
  return MergeReport{from, into, static_cast<std::int64_t>(moved->size())};
}

Result<RelinkReport> Archive::relink_records(const std::string& user, const std::function<void(std::int64_t, std::int64_t)>& progress) {
  if (mode_ != Mode::kWrite) return Error::internal("relink needs the archive opened for writing");
  auto linker = internal::NameLinker::load(*catalog_);
  if (!linker) return linker.error();
  auto listed = catalog_->document_ids();
  if (!listed) return listed.error();
  const std::vector<std::string>& ids = *listed;
  RelinkReport report;
  report.records = static_cast<std::int64_t>(ids.size());
  const store::SaveInfo info{user, "linked names to authorities (authority relink)", -1};
  constexpr std::size_t kBatch = 500;  // records per transaction
  for (std::size_t at = 0; at < ids.size(); at += kBatch) {
    std::vector<model::Document> docs;
    internal::LinkPlan plan;
    for (std::size_t i = at; i < std::min(ids.size(), at + kBatch); ++i) {
      auto d = catalog_->get(ids[i]);
      if (!d) return d.error().within("record '" + ids[i] + "'");
      if (Status s = linker->link(*d, plan, report.warnings); !s) return s.error();
      docs.push_back(std::move(d).value());
    }
    std::vector<const model::Document*> batch;
    for (const model::Document& d : docs) batch.push_back(&d);
    model::Provenance prov{"(linked by arkiv authority relink)", "relink", "", now_utc()};
    auto stored = internal::store_records(batch, prov, info, *catalog_, plan);
    if (!stored) return stored.error();
    forget_authority_names(plan);
    std::int64_t changed = 0;
    for (const RecordOutcome& o : *stored) changed += o.outcome == model::PutOutcome::kUnchanged ? 0 : 1;
    report.changed += changed;
    // The index follows batch by batch, so its writer never holds more than one batch.
    if (changed > 0) {
      if (Status s = sync_index(); !s) return s.error();
    }
    if (progress) progress(static_cast<std::int64_t>(std::min(ids.size(), at + kBatch)), report.records);
  }
  if (Status s = load_authority_variants(); !s) return s.error();
  return report;
}

Status Archive::put_authorities(const std::vector<model::Authority>& authorities) {
  if (mode_ != Mode::kWrite) return Error::internal("changing authorities needs the archive opened for writing");
  for (const model::Authority& a : authorities) {
    if (Status s = model::validate(a); !s) return s.error().within("authority '" + a.id + "'");
  }
  if (Status s = catalog_->begin(); !s) return s.error();
  std::vector<std::string> ids;
  for (const model::Authority& a : authorities) {
    if (Status s = catalog_->put_authority(a); !s) {
      catalog_->rollback();
      return s;
    }
    authority_names_.erase(a.id);
    auto linking = catalog_->documents_linking(a.id);
    if (!linking) {
      catalog_->rollback();
      return linking.error();
    }
    ids.insert(ids.end(), linking->begin(), linking->end());
  }
  if (Status s = catalog_->commit(); !s) return s;
  // Records that link to a changed authority are indexed again (their field-query words).
  for (const std::string& id : ids) {
    auto doc = catalog_->get(id);
    if (!doc) return doc.error();
    if (Status s = index_->replace(*doc); !s) return s;
  }
  if (Status s = commit_index(); !s) return s;
  return load_authority_variants();
}

Status Archive::load_authority_variants() {
  std::vector<model::NameGroup> groups = base_variants_ ? base_variants_->groups() : std::vector<model::NameGroup>{};
  const std::size_t from_table = groups.size();
  Status s = catalog_->for_each_authority([&](const model::Authority& a) {
    auto kind = model::parse_name_kind(a.kind);
    if (!kind) return true;
    model::NameGroup g;
    g.kind = *kind;
    g.preferred = a.name;
    g.forms.push_back({a.name, "", ""});
    for (const model::NameVariant& v : a.variants) g.forms.push_back({v.name, v.script, v.scheme});
    groups.push_back(std::move(g));
    return true;
  }, /*with_variants_only=*/true);
  if (!s) return s;
  name_variants_ = groups.size() == from_table && base_variants_ ? base_variants_ : std::make_shared<const model::NameVariants>(std::move(groups));
  return Status::success();
}

Result<std::pair<std::int64_t, std::vector<std::string>>> Archive::load_name_variants(const model::NameVariants& table) {
  if (mode_ != Mode::kWrite) return Error::internal("loading name variants needs the archive opened for writing");
  auto linker = internal::NameLinker::load(*catalog_);
  if (!linker) return linker.error();
  std::vector<model::Authority> changed;
  std::vector<std::string> reports;
  std::set<std::string> taken;
  for (const model::NameGroup& g : table.groups()) {
    const std::string kind(model::name_kind_name(g.kind));
    std::set<std::string> found;
    for (const model::NameForm& f : g.forms) {
      for (const std::string& id : linker->matching(kind, f.text)) found.insert(id);
    }
    model::Authority a;
    if (found.size() > 1) {
      reports.push_back(kind + " '" + g.preferred + "': its names belong to " + std::to_string(found.size()) + " authorities (" +
                        join(std::vector<std::string>(found.begin(), found.end()), ", ") + "); left out: merge them first");
      continue;
    }
    if (found.size() == 1) {
      auto stored = catalog_->authority(*found.begin());
      if (!stored) return stored.error();
      if (!*stored) continue;
      a = **stored;
    } else {
      a.kind = kind;
      a.name = g.preferred;
      a.id = model::authority_id_for(kind, g.preferred, [&](const std::string& id) {
        auto existing = catalog_->authority(id);
        return taken.contains(id) || !existing || existing->has_value();
      });
      taken.insert(a.id);
    }
    const model::Authority before = a;
    for (const model::NameForm& f : g.forms) {
      if (f.text == a.name) continue;
      auto v = std::find_if(a.variants.begin(), a.variants.end(), [&](const model::NameVariant& x) { return x.name == f.text; });
      if (v == a.variants.end()) {
        a.variants.push_back({f.text, f.script, f.scheme});
      } else {
        if (v->script.empty()) v->script = f.script;
        if (v->scheme.empty()) v->scheme = f.scheme;
      }
    }
    if (found.empty() || !(a == before)) changed.push_back(std::move(a));
  }
  if (Status s = put_authorities(changed); !s) return s.error();
  if (Status s = load_authority_variants(); !s) return s.error();
  return std::pair<std::int64_t, std::vector<std::string>>{static_cast<std::int64_t>(changed.size()), std::move(reports)};
}

Status Archive::for_each_authority(const std::function<bool(const model::Authority&)>& fn) const {
  return catalog_->for_each_authority(fn);
}

Result<std::vector<model::Unit>> Archive::collections() const { return catalog_->child_units(""); }

namespace {

// The units from the collection down to `id` (id included), following parents.
Result<std::vector<model::Unit>> trail_of(const store::Catalog& catalog, const std::string& id) {
  std::vector<model::Unit> trail;
  std::string at = id;
  for (int depth = 0; !at.empty() && depth < 32; ++depth) {
    auto u = catalog.unit(at);
    if (!u) return u.error();
    if (!*u) break;
    trail.insert(trail.begin(), **u);
    at = (*u)->parent;
  }
  return trail;
}

}  // namespace

Result<std::optional<UnitView>> Archive::unit(const std::string& id, Audience audience) const {
  auto trail = trail_of(*catalog_, id);
  if (!trail) return trail.error();
  if (trail->empty()) return std::optional<UnitView>();
  UnitView view;
  view.unit = trail->back();
  for (std::size_t i = 0; i + 1 < trail->size(); ++i) view.trail.push_back({(*trail)[i].id, (*trail)[i].title});
  const std::string day = visible_day(audience);
  auto counts = catalog_->member_counts(trail->front().id, day);
  if (!counts) return counts.error();
  std::map<std::string, std::int64_t> direct(counts->begin(), counts->end());
  // The tree below this unit, each node counting what is placed in it or below it.
  std::function<Result<UnitNode>(const model::Unit&, int)> build = [&](const model::Unit& u, int depth) -> Result<UnitNode> {
    UnitNode node{u, direct.contains(u.id) ? direct[u.id] : 0, {}};
    if (depth > 16) return node;
    auto children = catalog_->child_units(u.id);
    if (!children) return children.error();
    for (const model::Unit& c : *children) {
      auto child = build(c, depth + 1);
      if (!child) return child.error();
      node.documents += child->documents;
      node.children.push_back(std::move(child).value());
    }
    return node;
  };
  auto tree = build(view.unit, 0);
  if (!tree) return tree.error();
  view.tree = std::move(tree).value();
  auto members = catalog_->unit_members(id, day);
  if (!members) return members.error();
  for (store::UnitMember& m : *members) view.documents.push_back({std::move(m.id), std::move(m.title), std::move(m.date_display), std::move(m.number)});
  return std::optional<UnitView>(std::move(view));
}

Result<RecordPlace> Archive::place_of(const model::Document& doc, Audience audience) const {
  RecordPlace place;
  if (doc.arrangement.empty()) return place;
  const model::Placement& primary = doc.arrangement.front();
  place.number = primary.number;
  auto trail = trail_of(*catalog_, primary.unit);
  if (!trail) return trail.error();
  for (const model::Unit& u : *trail) place.trail.push_back({u.id, u.title});
  auto around = catalog_->neighbours(primary.unit, doc.id, visible_day(audience));
  if (!around) return around.error();
  auto entry = [](const store::UnitMember& m) { return UnitEntry{m.id, m.title, m.date_display, m.number}; };
  if (around->previous) place.previous = entry(*around->previous);
  if (around->next) place.next = entry(*around->next);
  return place;
}

Result<std::vector<NameToReview>> Archive::names_to_review() const {
  auto rows = catalog_->name_reviews();
  if (!rows) return rows.error();
  std::vector<NameToReview> out;
  for (store::NameReview& r : *rows) {
    NameToReview n{std::move(r.document_id), std::move(r.field), std::move(r.form), {}};
    for (const std::string& c : r.candidates) n.candidates.push_back({c, authority_name(c)});
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace arkiv::archive
