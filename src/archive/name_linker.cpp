#include "archive/internal/name_linker.h"

#include "base/strings.h"
#include "text/fold.h"
#include "model/fields.h"

namespace arkiv::archive::internal {

namespace {

std::string key_of(const std::string& kind, const std::string& key) { return kind + "\t" + key; }

}  // namespace

Result<NameLinker> NameLinker::load(const store::Catalog& catalog) {
  NameLinker linker(catalog);
  Status s = catalog.for_each_authority_key([&](const std::string& kind, const std::string& key, const std::string& id) {
    linker.keys_[key_of(kind, key)].insert(id);
    linker.ids_.insert(id);
  });
  if (!s) return s.error();
  linker.all_keys_ = true;
  if (Status u = linker.load_units(); !u) return u.error();
  return linker;
}

Result<NameLinker> NameLinker::load_lazily(const store::Catalog& catalog) {
  NameLinker linker(catalog);
  if (Status u = linker.load_units(); !u) return u.error();
  return linker;
}

std::set<std::string>& NameLinker::ids_with_key(const std::string& kind, const std::string& key) const {
  // A key in keys_ is complete: all were loaded, or this one was read when first asked for.
  auto [it, added] = keys_.try_emplace(key_of(kind, key));
  if (added && !all_keys_) {
    // A failed read leaves the key unknown (no match: a new authority, which a later merge can
    // fold in), never a wrong link.
    if (auto stored = catalog_->authorities_with_key(kind, key)) it->second.insert(stored->begin(), stored->end());
  }
  return it->second;
}

Status NameLinker::load_units() {
  return catalog_->for_each_unit([&](const model::Unit& u) {
    units_.insert(u.id);
    if (u.level == "collection") collections_.emplace(model::collection_key(u.title), u.id);
    return true;
  });
}

void NameLinker::add_keys(const model::Authority& a) {
  ids_.insert(a.id);
  names_[a.kind + "\t" + text::fold(collapse_spaces(a.name))].insert(a.id);
  for (const model::NameVariant& v : a.variants) names_[a.kind + "\t" + text::fold(collapse_spaces(v.name))].insert(a.id);
  for (const model::AuthorityIdentifier& i : a.identifiers) ids_with_key(a.kind, "id:" + i.scheme + ":" + i.value).insert(a.id);
  std::vector<std::string> names{a.name};
  for (const model::NameVariant& v : a.variants) names.push_back(v.name);
  for (const std::string& n : names) {
    model::NameKeys k = model::name_keys(a.kind, n);
    if (!k.full.empty()) ids_with_key(a.kind, k.full).insert(a.id);
    if (!k.surname.empty()) ids_with_key(a.kind, "s:" + k.surname).insert(a.id);
  }
}

bool NameLinker::taken(const std::string& id) const {
  if (ids_.contains(id)) return true;
  auto a = catalog_->authority(id);
  return !a || a->has_value();
}

std::set<std::string> NameLinker::candidates(const std::string& kind, const std::string& name) const {
  model::NameKeys k = model::name_keys(kind, name);
  if (!k.full.empty()) return ids_with_key(kind, k.full);
  if (!k.surname.empty()) return ids_with_key(kind, "s:" + k.surname);
  return {};
}

std::optional<std::string> NameLinker::same_name(const std::set<std::string>& found, const std::string& name) const {
  std::string kind = found.empty() ? "" : found.begin()->substr(0, found.begin()->find('/'));
  auto it = names_.find(kind + "\t" + text::fold(collapse_spaces(name)));
  if (it == names_.end()) return std::nullopt;
  std::optional<std::string> only;
  for (const std::string& id : found) {
    if (!it->second.contains(id)) continue;
    if (only) return std::nullopt;
    only = id;
  }
  return only;
}

// A source's own authority (a FRUS list of persons entry): the archive's authority with the
// same identifier, else the one whose name matches, else a new one. A match learns the
// source's identifier, note and name (as a variant) when it lacks them.
Result<std::string> NameLinker::adopt(const model::Authority& proposed, LinkPlan& plan) {
  if (model::is_authority_id(proposed.id) && proposed.id.starts_with(proposed.kind + "/")) {
    // An export's authority keeps its id and replaces what is stored under it.
    plan.authorities.push_back(proposed);
    add_keys(proposed);
    return proposed.id;
  }
  std::set<std::string> found;
  for (const model::AuthorityIdentifier& i : proposed.identifiers) {
    found = ids_with_key(proposed.kind, "id:" + i.scheme + ":" + i.value);
    if (!found.empty()) break;
  }
  if (found.empty()) found = candidates(proposed.kind, proposed.name);
  if (found.size() == 1) {
    const std::string& id = *found.begin();
    model::Authority current;
    bool planned = false;
    for (const model::Authority& a : plan.authorities) {
      if (a.id == id) current = a, planned = true;
    }
    if (!planned) {
      auto stored = catalog_->authority(id);
      if (!stored) return stored.error();
      if (!*stored) return id;  // known only by key: nothing to learn into
      current = **stored;
    }
    model::Authority learned = current;
    for (const model::AuthorityIdentifier& i : proposed.identifiers) {
      if (std::find(learned.identifiers.begin(), learned.identifiers.end(), i) == learned.identifiers.end()) learned.identifiers.push_back(i);
    }
    if (learned.note.empty()) learned.note = proposed.note;
    if (proposed.name != learned.name &&
        std::none_of(learned.variants.begin(), learned.variants.end(), [&](const model::NameVariant& v) { return v.name == proposed.name; })) {
      learned.variants.push_back({proposed.name, "", ""});
    }
    if (!(learned == current)) {
      std::erase_if(plan.authorities, [&](const model::Authority& a) { return a.id == id; });
      plan.authorities.push_back(learned);
      add_keys(learned);
    }
    return id;
  }
  model::Authority created = proposed;
  created.id = model::authority_id_for(proposed.kind, proposed.name, [&](const std::string& id) { return taken(id); });
  plan.authorities.push_back(created);
  add_keys(created);
  return created.id;
}

Status NameLinker::link(ingest::ParseOutput& batch, LinkPlan& plan, std::vector<std::string>& warnings) {
  for (const model::Authority& a : batch.authorities) {
    auto id = adopt(a, plan);
    if (!id) return id.error();
    local_[a.id] = *id;
  }
  plan.redirects.insert(plan.redirects.end(), batch.redirects.begin(), batch.redirects.end());
  for (const model::Unit& u : batch.units) {
    plan.units.push_back(u);
    units_.insert(u.id);
    if (u.level == "collection") collections_[model::collection_key(u.title)] = u.id;
  }
  for (model::Document& d : batch.records) {
    if (Status s = link_record(d, plan, warnings); !s) return s;
  }
  return Status::success();
}

Status NameLinker::link(model::Document& doc, LinkPlan& plan, std::vector<std::string>& warnings) {
  return link_record(doc, plan, warnings);
}

Status NameLinker::link_record(model::Document& d, LinkPlan& plan, std::vector<std::string>& warnings) {
  // Links the source made: to a local authority (mapped), or to an id of the archive.
  std::vector<model::NameLink> links;
  for (model::NameLink& l : d.links) {
    if (auto it = local_.find(l.authority); it != local_.end()) {
      l.authority = it->second;
    } else if (!model::is_authority_id(l.authority) || !l.authority.starts_with(l.field + "/")) {
      warnings.push_back("record '" + d.id + "': the link of " + l.field + " '" + l.form + "' names no authority this import knows ('" +
                         l.authority + "'); matched by name instead");
      continue;
    } else if (!ids_.contains(l.authority) && !taken(l.authority)) {
      // An id this archive does not have yet: the authority is made from the name.
      model::Authority a{l.authority, l.field, l.form, {}, "", "", {}, {}};
      plan.authorities.push_back(a);
      add_keys(a);
    }
    if (std::none_of(links.begin(), links.end(), [&](const model::NameLink& o) { return o.field == l.field && o.form == l.form; })) {
      links.push_back(std::move(l));
    }
  }
  // Names without a link: matched by their keys.
  for (const std::string& kind : model::authority_kinds()) {
    const model::Field* f = model::find_field(kind);
    if (!f || !f->list) continue;
    for (const std::string& form : d.*f->list) {
      if (trim(form).empty()) continue;
      if (std::any_of(links.begin(), links.end(), [&](const model::NameLink& l) { return l.field == kind && l.form == form; })) continue;
      // A record imported before keeps the link it has (an import again changes nothing,
      // whatever authorities were made since), unless that authority is gone.
      auto stored = catalog_->stored_link(d.id, kind, form);
      if (!stored) return stored.error();
      if (*stored) {
        std::string id = **stored;
        if (!ids_.contains(id)) {
          auto moved = catalog_->authority_redirect(id);
          if (!moved) return moved.error();
          if (*moved) id = **moved;
        }
        if (ids_.contains(id) || taken(id)) {
          links.push_back({kind, form, id});
          continue;
        }
      }
      std::set<std::string> found = candidates(kind, form);
      if (found.size() > 1) {
        if (auto same = same_name(found, form)) found = {*same};
      }
      if (found.size() == 1) {
        links.push_back({kind, form, *found.begin()});
      } else if (found.empty()) {
        model::Authority a;
        a.kind = kind;
        a.name = form;
        a.id = model::authority_id_for(kind, form, [&](const std::string& id) { return taken(id); });
        plan.authorities.push_back(a);
        add_keys(a);
        links.push_back({kind, form, a.id});
      } else {
        std::vector<std::string> ids(found.begin(), found.end());
        plan.reviews.push_back({d.id, kind, form, ids});
        warnings.push_back("record '" + d.id + "': " + kind + " '" + form + "' matches " + std::to_string(ids.size()) +
                           " authorities (" + join(ids, ", ") + "): linked to none; listed for review");
      }
    }
  }
  d.links = std::move(links);
  // Collections: a record's collection names become the collection units it is placed in,
  // unless the source placed it inside that collection already (a FRUS volume's chapters).
  for (const std::string& name : d.collections) {
    if (trim(name).empty()) continue;
    std::string& unit = collections_[model::collection_key(name)];
    if (unit.empty()) {
      // A new collection: its own unit, even when another name's slug begins the same.
      unit = model::collection_unit_id(name, [&](const std::string& id) { return units_.contains(id); });
      model::Unit u;
      u.id = unit;
      u.level = "collection";
      u.title = name;
      plan.units.push_back(u);
      units_.insert(unit);
    }
    bool placed = std::any_of(d.arrangement.begin(), d.arrangement.end(),
                              [&](const model::Placement& p) { return p.unit == unit || p.unit.starts_with(unit + "/"); });
    if (!placed) d.arrangement.push_back({unit, 0, ""});
  }
  return Status::success();
}

}  // namespace arkiv::archive::internal
