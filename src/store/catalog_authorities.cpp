// The catalog's authority records, arrangement units, records' links and places in them, and
// the names left for review (migration 8; docs/catalog-schema.md).
#include <algorithm>
#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "store/catalog.h"
#include "store/internal/catalog_impl.h"

namespace arkiv::store {

namespace {

using nlohmann::json;

// Runs `sql` with `bind`, for each row calling `row`.
template <typename Impl>
Status query(Impl& impl, std::string_view sql, const std::function<void(Statement&)>& bind,
             const std::function<void(const Statement&)>& row = nullptr) {
  auto st = impl.statement(sql);
  if (!st) return st.error();
  bind(**st);
  if (!row) return (*st)->run();
  auto n = (*st)->each_row(row);
  if (!n) return n.error();
  return Status::success();
}

Result<model::Authority> decode_authority(const std::string& id, const std::string& record) {
  auto j = json::parse(record, nullptr, false);
  if (j.is_discarded()) return Error::corrupt("catalog authority '" + id + "' is not valid JSON");
  auto a = model::authority_from_json(j);
  if (!a) return Error::corrupt("catalog authority '" + id + "': " + a.error().message());
  return a;
}

Result<model::Unit> decode_unit(const std::string& id, const std::string& record) {
  auto j = json::parse(record, nullptr, false);
  if (j.is_discarded()) return Error::corrupt("catalog unit '" + id + "' is not valid JSON");
  auto u = model::unit_from_json(j);
  if (!u) return Error::corrupt("catalog unit '" + id + "': " + u.error().message());
  return u;
}

// Readers see a record that is published and not under embargo on `day` ("" = every record).
constexpr std::string_view kVisible = "(?9 = '' OR (d.publication = '' AND (d.embargo_until = '' OR d.embargo_until <= ?9)))";

}  // namespace

Status Catalog::Impl::put_links_and_places(const model::Document& doc) {
  for (const char* sql : {"DELETE FROM document_links WHERE document_id = ?1", "DELETE FROM memberships WHERE document_id = ?1",
                          "DELETE FROM name_reviews WHERE document_id = ?1"}) {
    if (Status s = query(*this, sql, [&](Statement& st) { st.bind(1, doc.id); }); !s) return s;
  }
  for (const model::NameLink& l : doc.links) {
    Status s = query(*this, "INSERT OR REPLACE INTO document_links (document_id, field, form, authority_id) VALUES (?1, ?2, ?3, ?4)",
                     [&](Statement& st) { st.bind(1, doc.id).bind(2, l.field).bind(3, l.form).bind(4, l.authority); });
    if (!s) return s;
  }
  for (std::size_t i = 0; i < doc.arrangement.size(); ++i) {
    const model::Placement& p = doc.arrangement[i];
    const std::string sort_key = model::position_key(p.position) + '\x1f' + (doc.date.earliest.empty() ? "~" : doc.date.earliest) + '\x1f' + doc.id;
    Status s = query(*this,
                     "INSERT OR IGNORE INTO memberships (document_id, unit_id, position, number, is_primary, sort_key) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     [&](Statement& st) {
                       st.bind(1, doc.id).bind(2, p.unit).bind(3, p.position).bind(4, p.number).bind(5, std::int64_t{i == 0}).bind(6, sort_key);
                     });
    if (!s) return s;
  }
  return Status::success();
}

Status Catalog::put_authority(const model::Authority& a) {
  if (Status s = model::validate(a); !s) return s.error().within("authority '" + a.id + "'");
  std::string record = model::to_json(a).dump(-1, ' ', false, json::error_handler_t::replace);
  Status s = query(*impl_, "INSERT INTO authorities (id, kind, name, record) VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, record = excluded.record",
                   [&](Statement& st) { st.bind(1, a.id).bind(2, a.kind).bind(3, a.name).bind(4, record); });
  if (!s) return s;
  s = query(*impl_, "DELETE FROM authority_keys WHERE authority_id = ?1", [&](Statement& st) { st.bind(1, a.id); });
  if (!s) return s;
  for (const model::AuthorityIdentifier& i : a.identifiers) {
    s = query(*impl_, "INSERT OR IGNORE INTO authority_keys (kind, key, authority_id) VALUES (?1, ?2, ?3)",
              [&](Statement& st) { st.bind(1, a.kind).bind(2, "id:" + i.scheme + ":" + i.value).bind(3, a.id); });
    if (!s) return s;
  }
  std::vector<std::string> names{a.name};
  for (const model::NameVariant& v : a.variants) names.push_back(v.name);
  for (const std::string& n : names) {
    model::NameKeys k = model::name_keys(a.kind, n);
    for (const std::string& key : {k.full, k.surname.empty() ? std::string() : "s:" + k.surname}) {
      if (key.empty()) continue;
      s = query(*impl_, "INSERT OR IGNORE INTO authority_keys (kind, key, authority_id) VALUES (?1, ?2, ?3)",
                [&](Statement& st) { st.bind(1, a.kind).bind(2, key).bind(3, a.id); });
      if (!s) return s;
    }
  }
  return Status::success();
}

Result<std::optional<model::Authority>> Catalog::authority(const std::string& id) const {
  std::optional<std::string> record;
  Status s = query(*impl_, "SELECT record FROM authorities WHERE id = ?1", [&](Statement& st) { st.bind(1, id); },
                   [&](const Statement& row) { record = row.text(0); });
  if (!s) return s.error();
  if (!record) return std::optional<model::Authority>();
  auto a = decode_authority(id, *record);
  if (!a) return a.error();
  return std::optional<model::Authority>(std::move(a).value());
}

Result<std::optional<std::string>> Catalog::authority_redirect(const std::string& id) const {
  std::optional<std::string> to;
  Status s = query(*impl_, "SELECT new_id FROM authority_redirects WHERE old_id = ?1", [&](Statement& st) { st.bind(1, id); },
                   [&](const Statement& row) { to = row.text(0); });
  if (!s) return s.error();
  return to;
}

Status Catalog::add_authority_redirect(const std::string& from, const std::string& to) {
  // Earlier merges into `from` now lead to `to` as well.
  Status s = query(*impl_, "UPDATE authority_redirects SET new_id = ?2 WHERE new_id = ?1",
                   [&](Statement& st) { st.bind(1, from).bind(2, to); });
  if (!s) return s;
  return query(*impl_, "INSERT OR REPLACE INTO authority_redirects (old_id, new_id) VALUES (?1, ?2)",
               [&](Statement& st) { st.bind(1, from).bind(2, to); });
}

Status Catalog::for_each_authority_redirect(const std::function<bool(const model::AuthorityRedirect&)>& fn) const {
  auto st = impl_->db.prepare("SELECT old_id, new_id FROM authority_redirects ORDER BY old_id");
  if (!st) return st.error();
  Status s;
  while (st->step(s)) {
    if (!fn(model::AuthorityRedirect{st->text(0), st->text(1)})) break;
  }
  return s;
}

Status Catalog::remove_authority(const std::string& id) {
  return query(*impl_, "DELETE FROM authorities WHERE id = ?1", [&](Statement& st) { st.bind(1, id); });
}

Status Catalog::for_each_authority(const std::function<bool(const model::Authority&)>& fn, bool with_variants_only) const {
  // SQLite reads the variants of each stored record (JSON1): only those with some are decoded.
  auto st = impl_->db.prepare(with_variants_only ? "SELECT id, record FROM authorities WHERE json_array_length(record, '$.variants') > 0 ORDER BY id"
                                                 : "SELECT id, record FROM authorities ORDER BY id");
  if (!st) return st.error();
  Status s;
  while (st->step(s)) {
    auto a = decode_authority(st->text(0), st->text(1));
    if (!a) return a.error();
    if (!fn(*a)) break;
  }
  return s;
}

Status Catalog::for_each_authority_key(
    const std::function<void(const std::string& kind, const std::string& key, const std::string& id)>& fn) const {
  auto st = impl_->db.prepare("SELECT kind, key, authority_id FROM authority_keys");
  if (!st) return st.error();
  Status s;
  while (st->step(s)) fn(st->text(0), st->text(1), st->text(2));
  return s;
}

Result<std::vector<std::string>> Catalog::authorities_with_key(const std::string& kind, const std::string& key) const {
  std::vector<std::string> ids;
  Status s = query(*impl_, "SELECT authority_id FROM authority_keys WHERE kind = ?1 AND key = ?2",
                   [&](Statement& st) { st.bind(1, kind).bind(2, key); }, [&](const Statement& row) { ids.push_back(row.text(0)); });
  if (!s) return s.error();
  return ids;
}

Result<std::vector<std::string>> Catalog::documents_linking(const std::string& authority_id) const {
  std::vector<std::string> ids;
  Status s = query(*impl_, "SELECT DISTINCT document_id FROM document_links WHERE authority_id = ?1 ORDER BY document_id",
                   [&](Statement& st) { st.bind(1, authority_id); }, [&](const Statement& row) { ids.push_back(row.text(0)); });
  if (!s) return s.error();
  return ids;
}

Result<std::optional<std::string>> Catalog::stored_link(const std::string& document_id, const std::string& field,
                                                        const std::string& form) const {
  std::optional<std::string> id;
  Status s = query(*impl_, "SELECT authority_id FROM document_links WHERE document_id = ?1 AND field = ?2 AND form = ?3",
                   [&](Statement& st) { st.bind(1, document_id).bind(2, field).bind(3, form); },
                   [&](const Statement& row) { id = row.text(0); });
  if (!s) return s.error();
  return id;
}

Result<std::vector<std::string>> Catalog::link_forms(const std::string& authority_id, int limit) const {
  std::vector<std::string> forms;
  Status s = query(*impl_, "SELECT form FROM document_links WHERE authority_id = ?1 GROUP BY form ORDER BY COUNT(*) DESC, form LIMIT ?2",
                   [&](Statement& st) { st.bind(1, authority_id).bind(2, std::int64_t{limit}); },
                   [&](const Statement& row) { forms.push_back(row.text(0)); });
  if (!s) return s.error();
  return forms;
}

Result<std::vector<std::string>> Catalog::relink(const std::string& from, const std::string& into, const SaveInfo& save) {
  auto ids = documents_linking(from);
  if (!ids) return ids.error();
  for (const std::string& id : *ids) {
    auto doc = get(id);
    if (!doc) return doc.error();
    for (model::NameLink& l : doc->links) {
      if (l.authority == from) l.authority = into;
    }
    model::Provenance prov{"(edited in arkiv by " + (save.user.empty() ? std::string("an operator") : save.user) + ")", "edit", "", ""};
    if (auto put_outcome = put(*doc, prov, save); !put_outcome) return put_outcome.error();
  }
  return ids;
}

Result<std::vector<model::Authority>> Catalog::narrower(const std::string& id) const {
  std::vector<std::pair<std::string, std::string>> rows;
  Status s = query(*impl_, "SELECT a.id, a.record FROM authorities a, json_each(a.record, '$.broader') b "
                           "WHERE a.kind = 'subject' AND b.value = ?1 ORDER BY a.name",
                   [&](Statement& st) { st.bind(1, id); }, [&](const Statement& row) { rows.emplace_back(row.text(0), row.text(1)); });
  if (!s) return s.error();
  std::vector<model::Authority> out;
  for (auto& [aid, record] : rows) {
    auto a = decode_authority(aid, record);
    if (!a) return a.error();
    out.push_back(std::move(a).value());
  }
  return out;
}

Status Catalog::put_unit(const model::Unit& u) {
  if (Status s = model::validate(u); !s) return s.error().within("unit '" + u.id + "'");
  std::string record = model::to_json(u).dump(-1, ' ', false, json::error_handler_t::replace);
  return query(*impl_, "INSERT INTO units (id, level, parent_id, position, title, record) VALUES (?1, ?2, NULLIF(?3, ''), ?4, ?5, ?6) "
                       "ON CONFLICT (id) DO UPDATE SET level = excluded.level, parent_id = excluded.parent_id, "
                       "position = excluded.position, title = excluded.title, record = excluded.record",
               [&](Statement& st) { st.bind(1, u.id).bind(2, u.level).bind(3, u.parent).bind(4, u.position).bind(5, u.title).bind(6, record); });
}

Result<std::optional<model::Unit>> Catalog::unit(const std::string& id) const {
  std::optional<std::string> record;
  Status s = query(*impl_, "SELECT record FROM units WHERE id = ?1", [&](Statement& st) { st.bind(1, id); },
                   [&](const Statement& row) { record = row.text(0); });
  if (!s) return s.error();
  if (!record) return std::optional<model::Unit>();
  auto u = decode_unit(id, *record);
  if (!u) return u.error();
  return std::optional<model::Unit>(std::move(u).value());
}

Result<std::vector<model::Unit>> Catalog::child_units(const std::string& parent) const {
  std::vector<std::pair<std::string, std::string>> rows;
  Status s = query(*impl_, "SELECT id, record FROM units WHERE parent_id IS NULLIF(?1, '') ORDER BY position, id",
                   [&](Statement& st) { st.bind(1, parent); }, [&](const Statement& row) { rows.emplace_back(row.text(0), row.text(1)); });
  if (!s) return s.error();
  std::vector<model::Unit> out;
  for (auto& [id, record] : rows) {
    auto u = decode_unit(id, record);
    if (!u) return u.error();
    out.push_back(std::move(u).value());
  }
  return out;
}

Status Catalog::for_each_unit(const std::function<bool(const model::Unit&)>& fn) const {
  // Parents first: collections, then each level down.
  auto st = impl_->db.prepare(
      "WITH RECURSIVE tree(id, depth) AS (SELECT id, 0 FROM units WHERE parent_id IS NULL "
      "UNION ALL SELECT u.id, t.depth + 1 FROM units u JOIN tree t ON u.parent_id = t.id) "
      "SELECT u.id, u.record FROM tree t JOIN units u ON u.id = t.id ORDER BY t.depth, u.id");
  if (!st) return st.error();
  Status s;
  while (st->step(s)) {
    auto u = decode_unit(st->text(0), st->text(1));
    if (!u) return u.error();
    if (!fn(*u)) break;
  }
  return s;
}

Result<std::vector<UnitMember>> Catalog::unit_members(const std::string& unit, const std::string& visible_on, int limit) const {
  std::vector<UnitMember> out;
  std::string sql = "SELECT d.id, d.title, d.date_display, m.position, m.number, m.is_primary FROM memberships m "
                    "JOIN documents d ON d.id = m.document_id WHERE m.unit_id = ?1 AND " + std::string(kVisible) +
                    " ORDER BY m.sort_key LIMIT ?2";
  Status s = query(*impl_, sql, [&](Statement& st) { st.bind(1, unit).bind(2, std::int64_t{limit}).bind(9, visible_on); },
                   [&](const Statement& row) {
                     out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3), row.text(4), row.integer(5) != 0});
                   });
  if (!s) return s.error();
  return out;
}

Result<Neighbours> Catalog::neighbours(const std::string& unit, const std::string& document_id, const std::string& visible_on) const {
  Neighbours out;
  std::optional<std::string> key;
  Status s = query(*impl_, "SELECT sort_key, number FROM memberships WHERE document_id = ?1 AND unit_id = ?2",
                   [&](Statement& st) { st.bind(1, document_id).bind(2, unit); },
                   [&](const Statement& row) { key = row.text(0); });
  if (!s) return s.error();
  if (!key) return out;
  // One step each way along the unit's index, skipping what the caller may not see.
  for (bool before : {true, false}) {
    std::string sql = std::string("SELECT d.id, d.title, d.date_display, m.position, m.number, m.is_primary FROM memberships m "
                                  "JOIN documents d ON d.id = m.document_id WHERE m.unit_id = ?1 AND m.sort_key ") +
                      (before ? "<" : ">") + " ?2 AND " + std::string(kVisible) + " ORDER BY m.sort_key " + (before ? "DESC" : "ASC") + " LIMIT 1";
    std::optional<UnitMember>& slot = before ? out.previous : out.next;
    s = query(*impl_, sql, [&](Statement& st) { st.bind(1, unit).bind(2, *key).bind(9, visible_on); },
              [&](const Statement& row) { slot = UnitMember{row.text(0), row.text(1), row.text(2), row.integer(3), row.text(4), row.integer(5) != 0}; });
    if (!s) return s.error();
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> Catalog::member_counts(const std::string& collection,
                                                                                 const std::string& visible_on) const {
  std::vector<std::pair<std::string, std::int64_t>> out;
  std::string sql = "WITH RECURSIVE tree(id) AS (SELECT ?1 UNION ALL SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id) "
                    "SELECT m.unit_id, COUNT(*) FROM memberships m JOIN tree t ON m.unit_id = t.id "
                    "JOIN documents d ON d.id = m.document_id WHERE " + std::string(kVisible) + " GROUP BY m.unit_id";
  Status s = query(*impl_, sql, [&](Statement& st) { st.bind(1, collection).bind(9, visible_on); },
                   [&](const Statement& row) { out.emplace_back(row.text(0), row.integer(1)); });
  if (!s) return s.error();
  return out;
}

Status Catalog::add_name_review(const NameReview& r) {
  return query(*impl_, "INSERT INTO name_reviews (document_id, field, form, candidates) VALUES (?1, ?2, ?3, ?4)",
               [&](Statement& st) { st.bind(1, r.document_id).bind(2, r.field).bind(3, r.form).bind(4, join(r.candidates, "\n")); });
}

Result<std::vector<NameReview>> Catalog::name_reviews(int limit) const {
  std::vector<NameReview> out;
  Status s = query(*impl_, "SELECT document_id, field, form, candidates FROM name_reviews ORDER BY document_id, id LIMIT ?1",
                   [&](Statement& st) { st.bind(1, std::int64_t{limit}); },
                   [&](const Statement& row) { out.push_back({row.text(0), row.text(1), row.text(2), split(row.text(3), '\n')}); });
  if (!s) return s.error();
  return out;
}

}  // namespace arkiv::store
