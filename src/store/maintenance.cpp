#include "store/maintenance.h"

#include <nlohmann/json.hpp>

#include "base/digest.h"
#include "model/record_json.h"
#include "store/sqlite.h"

namespace arkiv::store {

namespace {

constexpr std::size_t kMaxProblemsPerKind = 100;  // then a count, so a broken catalog stays readable

void add_rows(Connection& db, const char* sql, const std::string& label, std::vector<std::string>& problems) {
  auto q = db.prepare(sql);
  if (!q) {
    problems.push_back(label + ": " + q.error().message());
    return;
  }
  Status s;
  std::size_t n = 0;
  while (q->step(s)) {
    if (++n <= kMaxProblemsPerKind) problems.push_back(label + ": " + q->text(0));
  }
  if (n > kMaxProblemsPerKind) problems.push_back(label + ": ... and " + std::to_string(n - kMaxProblemsPerKind) + " more");
  if (!s) problems.push_back(label + ": " + s.error().message());
}

}  // namespace

Result<CatalogCheck> check_catalog(const std::string& path) {
  auto conn = Connection::open(path);
  if (!conn) return conn.error();
  Connection& db = *conn;
  CatalogCheck out;
  // One read transaction: every check sees the same commit.
  if (Status s = db.exec("BEGIN"); !s) return s.error();
  {
    auto q = db.prepare("PRAGMA integrity_check");
    if (!q) return q.error();
    Status s;
    while (q->step(s)) {
      if (q->text(0) != "ok") out.problems.push_back("integrity_check: " + q->text(0));
    }
    if (!s) return s.error();
  }
  add_rows(db, "SELECT \"table\" || ' row ' || rowid || ' refers to a missing row of ' || parent FROM pragma_foreign_key_check",
           "foreign_key_check", out.problems);
  // Every record's history ends at its current revision, and only the current revision's row
  // leaves its record to the documents table (docs/catalog-schema.md, migration 7). Catalogs
  // from before migration 7 have no revisions table yet when checked unopened: skipped.
  bool has_revisions = false;
  if (auto t = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revisions'")) {
    Status ts;
    has_revisions = t->step(ts);
  }
  if (has_revisions) add_rows(db,
           "SELECT 'record ''' || d.id || ''' is at revision ' || d.revision || ' but its history ' || "
           "CASE WHEN r.revision IS NULL THEN 'is empty' ELSE 'ends at ' || r.revision END "
           "FROM documents d LEFT JOIN (SELECT document_id, MAX(revision) AS revision FROM revisions GROUP BY document_id) r "
           "ON r.document_id = d.id WHERE r.revision IS NOT d.revision "
           "UNION ALL SELECT 'revision ' || r.revision || ' of ''' || r.document_id || ''' has lost its record' FROM revisions r "
           "WHERE r.record IS NULL AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.document_id AND d.revision = r.revision)",
           "revisions", out.problems);
  {
    auto q = db.prepare("SELECT (SELECT value FROM meta WHERE key = 'uuid'), (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'change_seq')");
    if (!q) return q.error();
    Status s;
    if (q->step(s)) {
      out.uuid = q->text(0);
      out.change_seq = q->integer(1);
    }
    if (!s) return s.error();
    if (out.uuid.empty()) out.problems.push_back("meta: no catalog uuid");
  }
  auto q = db.prepare(
      "SELECT d.id, d.record, d.record_sha256, d.change_seq, EXISTS (SELECT 1 FROM provenance p WHERE p.document_id = d.id) "
      "FROM documents d ORDER BY d.id");
  if (!q) return q.error();
  Status s;
  std::size_t bad = 0;
  auto problem = [&](const std::string& text) {
    if (++bad <= kMaxProblemsPerKind) out.problems.push_back(text);
  };
  while (q->step(s)) {
    std::string id = q->text(0), record = q->text(1);
    out.ids.push_back(id);
    out.seqs.push_back(q->integer(3));
    if (sha256_hex(record) != q->text(2)) problem("record '" + id + "': its digest does not match its stored JSON");
    if (q->integer(3) > out.change_seq) {
      problem("record '" + id + "': change " + std::to_string(q->integer(3)) + " is past the catalog's " + std::to_string(out.change_seq));
    }
    if (q->integer(4) == 0) problem("record '" + id + "': no provenance");
    auto j = nlohmann::json::parse(record, nullptr, false);
    if (j.is_discarded()) {
      problem("record '" + id + "': stored JSON does not parse");
      continue;
    }
    auto doc = model::from_json(j);
    if (!doc) problem("record '" + id + "': " + doc.error().message());
    else if (doc->id != id) problem("record '" + id + "': its JSON has the id '" + doc->id + "'");
  }
  if (!s) return s.error();
  {
    auto d = db.prepare("SELECT id, change_seq FROM deletions");
    if (!d) return d.error();
    Status ds;
    while (d->step(ds)) out.deletions.emplace_back(d->text(0), d->integer(1));
    if (!ds) return ds.error();
  }
  if (bad > kMaxProblemsPerKind) out.problems.push_back("records: ... and " + std::to_string(bad - kMaxProblemsPerKind) + " more problems");
  (void)db.exec("COMMIT");
  return out;
}

Status copy_catalog(const std::string& from, const std::string& to) {
  auto src = Connection::open(from);
  if (!src) return src.error();
  auto dst = Connection::open(to);
  if (!dst) return dst.error();
  sqlite3_backup* b = sqlite3_backup_init(dst->handle(), "main", src->handle(), "main");
  if (!b) return Error::io("cannot copy the catalog to " + to + ": " + sqlite3_errmsg(dst->handle()));
  int rc;
  // All pages in one step: one read transaction, so the copy is of one commit.
  for (int tries = 0; ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 1200; ++tries) sqlite3_sleep(50);
  int finish = sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE || finish != SQLITE_OK) {
    return Error::io("cannot copy the catalog " + from + " to " + to + ": " + sqlite3_errstr(rc != SQLITE_DONE ? rc : finish));
  }
  return Status::success();
}

}  // namespace arkiv::store
