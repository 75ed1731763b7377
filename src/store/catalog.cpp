#include "store/catalog.h"

#include <chrono>
#include <ctime>
#include <algorithm>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "base/digest.h"
#include "base/random.h"
#include "model/fields.h"
#include "model/record_json.h"
#include "store/migrations.h"
#include "store/internal/catalog_impl.h"
#include "store/sqlite.h"

namespace arkiv::store {

namespace {

// The brief column of a record's languages: codes joined by commas.
std::string join_languages(const std::vector<std::string>& codes) {
  std::string joined;
  for (const auto& l : codes) joined += (joined.empty() ? "" : ",") + l;
  return joined;
}

// The newest migration applied to `db` (0 for a new file).
Result<int> applied_version(const Connection& db) {
  auto st = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!st) return st.error();
  int v = 0;
  auto found = st->first_row([&](const Statement& row) { v = static_cast<int>(row.integer(0)); });
  if (!found) return found.error();
  return v;
}


Result<model::Document> decode(const std::string& id, const std::string& record) {
  auto j = nlohmann::json::parse(record, nullptr, false);
  if (j.is_discarded()) return Error::corrupt("catalog record '" + id + "' is not valid JSON");
  auto doc = model::from_json(j);
  if (!doc) return Error::corrupt("catalog record '" + id + "': " + doc.error().message());
  return doc;
}

}  // namespace

Catalog::Catalog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Catalog::~Catalog() {
  if (impl_ && impl_->in_transaction) rollback();
}

Result<std::unique_ptr<Catalog>> Catalog::open(const std::string& path) {
  auto conn = Connection::open(path);
  if (!conn) return conn.error();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(conn).value();
  Connection& db = impl->db;
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=FULL"}) {
    if (Status s = db.exec(pragma); !s) return s.error();
  }
  // Migrations derive columns from the stored JSON with the model's own definitions.
  if (Status s = db.define_function("arkiv_record_languages", [](std::string_view record) {
        auto doc = decode("(migration)", std::string(record));
        if (!doc) throw std::runtime_error(doc.error().message());
        return join_languages(model::record_languages(*doc));
      });
      !s) {
    return s.error();
  }
  if (Status s = db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"); !s) {
    return s.error();
  }
  auto version = applied_version(db);
  if (!version) return version.error();
  const int current = *version;
  int newest = migrations().empty() ? 0 : migrations().back().version;
  if (current > newest) {
    return Error::unsupported("catalog " + path + " has schema version " + std::to_string(current) +
                              ", newer than this arkiv knows (" + std::to_string(newest) + "); upgrade arkiv");
  }
  for (const Migration& m : migrations()) {
    if (m.version <= current) continue;
    if (Status s = db.exec("BEGIN IMMEDIATE"); !s) return s.error();
    Status s = db.exec(m.sql);
    if (s && m.version == 1) {
      s = db.exec("INSERT INTO meta (key, value) VALUES ('change_seq', '0'), ('uuid', '" + random_uuid() + "')");
    }
    if (s) {
      auto st = db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?1, ?2, ?3)");
      if (!st) return st.error();
      st->bind(1, static_cast<std::int64_t>(m.version)).bind(2, m.description).bind(3, now_utc());
      s = st->run();
    }
    if (!s) {
      (void)db.exec("ROLLBACK");
      return s.error().within("migration " + std::to_string(m.version));
    }
    if (Status c = db.exec("COMMIT"); !c) return c.error();
  }
  if (Status s = impl->prepare_all(); !s) return s.error();
  std::unique_ptr<Catalog> cat(new Catalog(std::move(impl)));
  auto st = cat->impl_->db.prepare("SELECT value FROM meta WHERE key = 'uuid'");
  if (!st) return st.error();
  auto found = st->first_row([&](const Statement& row) { cat->uuid_ = row.text(0); });
  if (!found) return found.error();
  if (cat->uuid_.empty()) return Error::corrupt("catalog " + path + " has no uuid in its meta table");
  return cat;
}

Result<int> Catalog::schema_version() const { return applied_version(impl_->db); }

Status Catalog::begin() {
  if (impl_->in_transaction) return Error::internal("catalog: transaction already open");
  if (Status s = impl_->db.exec("BEGIN IMMEDIATE"); !s) return s;
  auto seq = impl_->stored_seq();
  if (!seq) {
    (void)impl_->db.exec("ROLLBACK");
    return seq.error();
  }
  impl_->in_transaction = true;
  impl_->seq = *seq;
  return Status::success();
}

Status Catalog::commit() {
  if (!impl_->in_transaction) return Error::internal("catalog: no transaction to commit");
  impl_->write_seq.bind(1, impl_->seq);
  if (Status s = impl_->write_seq.run(); !s) {
    rollback();
    return s;
  }
  Status s = impl_->db.exec("COMMIT");
  if (!s) {
    rollback();
    return s;
  }
  impl_->in_transaction = false;
  return s;
}

void Catalog::rollback() {
  if (!impl_->in_transaction) return;
  (void)impl_->db.exec("ROLLBACK");
  impl_->in_transaction = false;
}

Result<PutOutcome> Catalog::Impl::outcome_for(const std::string& id, const std::string& sha) {
  std::string old;
  auto exists = select_sha.bind(1, id).first_row([&](const Statement& row) { old = row.text(0); });
  if (!exists) return exists.error();
  if (!*exists) return PutOutcome::kCreated;
  return old == sha ? PutOutcome::kUnchanged : PutOutcome::kUpdated;
}

Result<PutOutcome> Catalog::compare(const model::Document& doc) const {
  return impl_->outcome_for(doc.id, sha256_hex(model::to_json_line(doc)));
}

Result<PutOutcome> Catalog::put(const model::Document& doc, const model::Provenance& prov, const SaveInfo& save) {
  if (!impl_->in_transaction) return Error::internal("catalog: put() outside a transaction");
  std::string record = model::to_json_line(doc);
  std::string sha = sha256_hex(record);
  auto before = impl_->outcome_for(doc.id, sha);
  if (!before) return before.error();
  bool exists = *before != PutOutcome::kCreated;
  std::int64_t revision = 0;
  if (exists) {
    auto found = impl_->select_revision.bind(1, doc.id).first_row([&](const Statement& row) { revision = row.integer(0); });
    if (!found) return found.error();
  }
  if (save.expected_revision >= 0 && save.expected_revision != revision) {
    return Error::conflict("record '" + doc.id + "' is at revision " + std::to_string(revision) + ", not " +
                           std::to_string(save.expected_revision) + ": someone saved it since it was read");
  }
  if (*before == PutOutcome::kUnchanged) return PutOutcome::kUnchanged;

  std::int64_t seq = ++impl_->seq;
  std::string now = now_utc();
  if (exists) {
    impl_->keep_revision.bind(1, doc.id);
    if (Status ks = impl_->keep_revision.run(); !ks) return ks.error();
  }
  Statement& w = exists ? impl_->update_doc : impl_->insert_doc;
  const std::string joined = join_languages(model::record_languages(doc));
  w.bind(1, doc.id).bind(2, record).bind(3, sha).bind(4, doc.title).bind(5, doc.date.earliest).bind(6, doc.date.latest)
      .bind(7, seq).bind(8, now).bind(9, doc.date.display).bind(10, model::precision_name(doc.date.precision)).bind(11, joined)
      .bind(12, doc.document_type).bind(13, doc.publication).bind(14, doc.embargo_until).bind(15, revision + 1).bind(16, save.user);
  if (Status ws = w.run(); !ws) return ws.error();
  impl_->insert_revision.bind(1, doc.id).bind(2, revision + 1).bind(3, now).bind(4, save.user).bind(5, save.message);
  if (Status rs = impl_->insert_revision.run(); !rs) return rs.error();
  impl_->delete_languages.bind(1, doc.id);
  if (Status ls = impl_->delete_languages.run(); !ls) return ls.error();
  auto add_language = [&](const char* role, const std::string& code) -> Status {
    impl_->insert_language.bind(1, doc.id).bind(2, role).bind(3, code);
    return impl_->insert_language.run();
  };
  for (const auto& l : doc.original_languages) {
    if (Status ls = add_language("original", l); !ls) return ls.error();
  }
  for (const auto& c : doc.contents) {
    if (c.language.empty()) continue;
    if (Status ls = add_language("content", c.language); !ls) return ls.error();
  }
  if (Status as = impl_->put_links_and_places(doc); !as) return as.error();
  impl_->delete_deletion.bind(1, doc.id);
  if (Status ds = impl_->delete_deletion.run(); !ds) return ds.error();
  impl_->insert_prov.bind(1, doc.id).bind(2, prov.source_path).bind(3, prov.format).bind(4, prov.sha256)
      .bind(5, prov.imported_at.empty() ? now : prov.imported_at);
  if (Status ps = impl_->insert_prov.run(); !ps) return ps.error();
  return exists ? PutOutcome::kUpdated : PutOutcome::kCreated;
}

Result<bool> Catalog::remove(const std::string& id) {
  if (!impl_->in_transaction) return Error::internal("catalog: remove() outside a transaction");
  // The history outlives the record.
  impl_->keep_revision.bind(1, id);
  if (Status s = impl_->keep_revision.run(); !s) return s.error();
  impl_->delete_doc.bind(1, id);
  if (Status s = impl_->delete_doc.run(); !s) return s.error();
  if (sqlite3_changes(impl_->db.handle()) == 0) return false;
  impl_->insert_deletion.bind(1, id).bind(2, ++impl_->seq);
  if (Status s = impl_->insert_deletion.run(); !s) return s.error();
  return true;
}

Result<model::Document> Catalog::get(const std::string& id) const {
  std::string record;
  auto found = impl_->select_doc.bind(1, id).first_row([&](const Statement& row) { record = row.text(0); });
  if (!found) return found.error();
  if (!*found) return Error::not_found("no record with id '" + id + "'");
  return decode(id, record);
}

Result<Brief> Catalog::brief(const std::string& id) const {
  Brief b;
  auto found = impl_->select_brief.bind(1, id).first_row([&](const Statement& q) {
    b.id = id;
    b.title = q.text(0);
    b.date.display = q.text(1);
    b.date.earliest = q.text(2);
    b.date.latest = q.text(3);
    auto p = model::parse_precision(q.text(4));
    b.date.precision = p ? *p : model::DatePrecision::kUnknown;
    std::string langs = q.text(5);
    for (std::size_t start = 0; start < langs.size();) {
      std::size_t end = langs.find(',', start);
      if (end == std::string::npos) end = langs.size();
      b.languages.push_back(langs.substr(start, end - start));
      start = end + 1;
    }
    b.document_type = q.text(6);
    b.publication = q.text(7);
    b.embargo_until = q.text(8);
  });
  if (!found) return found.error();
  if (!*found) return Error::not_found("no record with id '" + id + "'");
  return b;
}

Result<std::vector<model::Provenance>> Catalog::provenance(const std::string& id) const {
  auto q = impl_->db.prepare("SELECT source_path, format, source_sha256, imported_at FROM provenance WHERE document_id = ?1 ORDER BY id");
  if (!q) return q.error();
  std::vector<model::Provenance> out;
  auto rows = q->bind(1, id).each_row([&](const Statement& row) { out.push_back({row.text(0), row.text(1), row.text(2), row.text(3)}); });
  if (!rows) return rows.error();
  return out;
}

Result<std::optional<std::string>> Catalog::source_of(const std::string& id) const {
  auto q = impl_->db.prepare("SELECT source_path FROM provenance WHERE document_id = ?1 ORDER BY id DESC LIMIT 1");
  if (!q) return q.error();
  q->bind(1, id);
  Status s;
  bool found = q->step(s);
  if (!s) return s.error();
  return found ? std::optional<std::string>(q->text(0)) : std::nullopt;
}

Status Catalog::for_each(const std::function<bool(const model::Document&)>& fn) const {
  auto q = impl_->db.prepare("SELECT id, record FROM documents ORDER BY id");
  if (!q) return q.error();
  Status s;
  while (q->step(s)) {
    auto doc = decode(q->text(0), q->text(1));
    if (!doc) return doc.error();
    if (!fn(*doc)) break;
  }
  return s;
}

Result<std::vector<std::string>> Catalog::document_ids() const {
  auto q = impl_->db.prepare("SELECT id FROM documents ORDER BY id");
  if (!q) return q.error();
  std::vector<std::string> ids;
  Status s;
  while (q->step(s)) ids.push_back(q->text(0));
  if (!s) return s.error();
  return ids;
}

Status Catalog::changes_since(std::int64_t after, const std::function<void(const Change&)>& fn) const {
  auto q = impl_->db.prepare(
      "SELECT change_seq, id, record FROM documents WHERE change_seq > ?1 "
      "UNION ALL SELECT change_seq, id, NULL FROM deletions WHERE change_seq > ?1 ORDER BY 1");
  if (!q) return q.error();
  q->bind(1, after);
  Status s;
  while (q->step(s)) {
    Change c{q->integer(0), q->text(1), std::nullopt};
    if (!q->is_null(2)) {
      auto doc = decode(c.id, q->text(2));
      if (!doc) return doc.error();
      c.doc = std::move(doc).value();
    }
    fn(c);
  }
  return s;
}

Result<std::vector<std::array<std::string, 3>>> Catalog::unbounded_dates() const {
  auto q = impl_->db.prepare(
      "SELECT id, title, date_display FROM documents WHERE COALESCE(date_earliest, '') = '' "
      "AND COALESCE(date_latest, '') = '' AND date_display != '' ORDER BY id");
  if (!q) return q.error();
  std::vector<std::array<std::string, 3>> out;
  Status s;
  while (q->step(s)) out.push_back({q->text(0), q->text(1), q->text(2)});
  if (!s) return s.error();
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> Catalog::recent(int limit, const std::string& visible_on) const {
  auto q = impl_->db.prepare(visible_on.empty()
                                 ? "SELECT id, title FROM documents WHERE ?2 = ?2 ORDER BY created_at DESC, change_seq DESC LIMIT ?1"
                                 : "SELECT id, title FROM documents WHERE publication = '' AND embargo_until <= ?2 "
                                   "ORDER BY created_at DESC, change_seq DESC LIMIT ?1");
  if (!q) return q.error();
  std::vector<std::pair<std::string, std::string>> out;
  auto rows = q->bind(1, static_cast<std::int64_t>(limit)).bind(2, visible_on).each_row([&](const Statement& row) { out.emplace_back(row.text(0), row.text(1)); });
  if (!rows) return rows.error();
  return out;
}

Status Catalog::put_similar(const std::string& id, std::int64_t change_seq, const std::vector<std::string>& similar) {
  impl_->upsert_similar.bind(1, id).bind(2, change_seq).bind(3, nlohmann::json(similar).dump());
  return impl_->upsert_similar.run();
}

Result<std::optional<std::vector<std::string>>> Catalog::similar(const std::string& id) const {
  std::string list;
  auto found = impl_->select_similar.bind(1, id).first_row([&](const Statement& row) { list = row.text(0); });
  if (!found) return found.error();
  if (!*found) return std::optional<std::vector<std::string>>();
  auto j = nlohmann::json::parse(list, nullptr, false);
  if (!j.is_array()) return Error::corrupt("catalog: the similar list of '" + id + "' is not a JSON array");
  std::vector<std::string> ids;
  for (const auto& v : j) {
    if (!v.is_string()) return Error::corrupt("catalog: the similar list of '" + id + "' holds a non-string");
    ids.push_back(v.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(ids));
}

Result<std::vector<std::pair<std::string, std::int64_t>>> Catalog::similar_pending() const {
  auto q = impl_->db.prepare(
      "SELECT d.id, d.change_seq FROM documents d LEFT JOIN similar_documents s ON s.document_id = d.id "
      "WHERE s.change_seq IS NOT d.change_seq ORDER BY d.change_seq");
  if (!q) return q.error();
  std::vector<std::pair<std::string, std::int64_t>> out;
  auto rows = q->each_row([&](const Statement& row) { out.emplace_back(row.text(0), row.integer(1)); });
  if (!rows) return rows.error();
  return out;
}

Status Catalog::clear_similar() { return impl_->db.exec("DELETE FROM similar_documents"); }

Result<std::int64_t> Catalog::change_seq() const {
  if (impl_->in_transaction) return impl_->seq;
  return impl_->stored_seq();
}

Result<CatalogStats> Catalog::stats(const std::string& visible_on) const {
  CatalogStats st;
  auto seq = change_seq();
  if (!seq) return seq.error();
  st.change_seq = *seq;
  const bool readers = !visible_on.empty();
  auto count = impl_->db.prepare(readers ? "SELECT COUNT(*) FROM documents WHERE publication = '' AND embargo_until <= ?1"
                                         : "SELECT COUNT(*) FROM documents WHERE ?1 = ?1");
  if (!count) return count.error();
  auto counted = count->bind(1, visible_on).first_row([&](const Statement& row) { st.documents = row.integer(0); });
  if (!counted) return counted.error();
  auto langs = [&](const char* role, std::vector<std::pair<std::string, std::int64_t>>& out) -> Status {
    auto q = impl_->db.prepare(readers ? "SELECT l.language, COUNT(*) FROM document_languages l JOIN documents d ON d.id = l.document_id "
                                         "WHERE l.role = ?1 AND d.publication = '' AND d.embargo_until <= ?2 GROUP BY l.language ORDER BY 2 DESC, 1"
                                       : "SELECT language, COUNT(*) FROM document_languages WHERE role = ?1 AND ?2 = ?2 "
                                         "GROUP BY language ORDER BY 2 DESC, 1");
    if (!q) return q.error();
    auto rows = q->bind(1, std::string(role)).bind(2, visible_on).each_row([&](const Statement& row) { out.emplace_back(row.text(0), row.integer(1)); });
    if (!rows) return rows.error();
    return Status::success();
  };
  if (Status ls = langs("original", st.original_languages); !ls) return ls.error();
  if (Status ls = langs("content", st.content_languages); !ls) return ls.error();
  return st;
}

Result<std::int64_t> Catalog::current_revision(const std::string& id) const {
  std::int64_t revision = 0;
  auto found = impl_->select_revision.bind(1, id).first_row([&](const Statement& row) { revision = row.integer(0); });
  if (!found) return found.error();
  return revision;
}

Result<std::string> Catalog::owner(const std::string& id) const {
  auto q = impl_->db.prepare("SELECT owner FROM documents WHERE id = ?1");
  if (!q) return q.error();
  std::string owner;
  auto found = q->bind(1, id).first_row([&](const Statement& row) { owner = row.text(0); });
  if (!found) return found.error();
  if (!*found) return Error::not_found("no record with id '" + id + "'");
  return owner;
}

Result<std::vector<RevisionInfo>> Catalog::revisions(const std::string& id) const {
  auto q = impl_->db.prepare("SELECT revision, saved_at, saved_by, message FROM revisions WHERE document_id = ?1 ORDER BY revision DESC");
  if (!q) return q.error();
  std::vector<RevisionInfo> out;
  auto rows = q->bind(1, id).each_row([&](const Statement& row) { out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)}); });
  if (!rows) return rows.error();
  return out;
}

Result<model::Document> Catalog::revision(const std::string& id, std::int64_t number) const {
  auto q = impl_->db.prepare(
      "SELECT COALESCE(r.record, d.record) FROM revisions r LEFT JOIN documents d ON d.id = r.document_id "
      "WHERE r.document_id = ?1 AND r.revision = ?2");
  if (!q) return q.error();
  std::string record;
  bool null_record = false;
  auto found = q->bind(1, id).bind(2, number).first_row([&](const Statement& row) {
    null_record = row.is_null(0);
    if (!null_record) record = row.text(0);
  });
  if (!found) return found.error();
  if (!*found) return Error::not_found("record '" + id + "' has no revision " + std::to_string(number));
  if (null_record) return Error::corrupt("catalog: revision " + std::to_string(number) + " of '" + id + "' lost its record");
  return decode(id, record);
}

Status Catalog::for_each_revision(const std::function<bool(const std::string&, const RevisionInfo&, const model::Document&)>& fn) const {
  auto q = impl_->db.prepare(
      "SELECT r.document_id, r.revision, r.saved_at, r.saved_by, r.message, COALESCE(r.record, d.record) "
      "FROM revisions r LEFT JOIN documents d ON d.id = r.document_id ORDER BY r.document_id, r.revision");
  if (!q) return q.error();
  Status s;
  while (q->step(s)) {
    if (q->is_null(5)) return Error::corrupt("catalog: revision " + std::to_string(q->integer(1)) + " of '" + q->text(0) + "' lost its record");
    auto doc = decode(q->text(0), q->text(5));
    if (!doc) return doc.error();
    if (!fn(q->text(0), RevisionInfo{q->integer(1), q->text(2), q->text(3), q->text(4)}, *doc)) break;
  }
  return s;
}

}  // namespace arkiv::store
