// The catalog's private state, shared by the files that implement Catalog (catalog.cpp,
// catalog_authorities.cpp). Internal to the store module.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <string>

#include "model/document.h"
#include "model/put_outcome.h"
#include "store/catalog.h"
#include "store/sqlite.h"

namespace arkiv::store {

struct Catalog::Impl {
  Connection db;
  Statement delete_languages, insert_language, select_brief, select_sha, insert_doc, update_doc, insert_prov, select_doc, delete_doc, insert_deletion,
      delete_deletion, read_seq, write_seq, select_similar, upsert_similar, select_revision, keep_revision, insert_revision;
  // Statements the authority and arrangement code prepares once, on first use, by their SQL.
  std::map<std::string, Statement, std::less<>> cached;
  Result<Statement*> statement(std::string_view sql) {
    auto it = cached.find(sql);
    if (it == cached.end()) {
      auto st = db.prepare(sql);
      if (!st) return st.error();
      it = cached.emplace(std::string(sql), std::move(st).value()).first;
    }
    return &it->second;
  }
  bool in_transaction = false;
  std::int64_t seq = 0;  // during a transaction: the last sequence number handed out

  Status prepare_all() {
    struct {
      Statement* s;
      const char* sql;
    } list[] = {
        {&delete_languages, "DELETE FROM document_languages WHERE document_id = ?1"},
        {&insert_language, "INSERT OR IGNORE INTO document_languages (document_id, role, language) VALUES (?1, ?2, ?3)"},
        {&select_brief, "SELECT title, date_display, date_earliest, date_latest, date_precision, languages, document_type, "
                        "publication, embargo_until FROM documents INDEXED BY documents_brief WHERE id = ?1"},
        {&select_sha, "SELECT record_sha256 FROM documents WHERE id = ?1"},
        {&insert_doc, "INSERT INTO documents (id, record, record_sha256, title, date_earliest, date_latest, change_seq, created_at, updated_at, "
                      "date_display, date_precision, languages, document_type, publication, embargo_until, revision, owner) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"},
        {&update_doc, "UPDATE documents SET record = ?2, record_sha256 = ?3, title = ?4, date_earliest = ?5, date_latest = ?6, "
                      "change_seq = ?7, updated_at = ?8, date_display = ?9, date_precision = ?10, languages = ?11, document_type = ?12, "
                      "publication = ?13, embargo_until = ?14, revision = ?15 WHERE id = ?1 AND ?16 = ?16"},
        {&select_revision, "SELECT revision FROM documents WHERE id = ?1"},
        // The current revision's record moves into its revision row before it is replaced.
        {&keep_revision, "UPDATE revisions SET record = (SELECT record FROM documents WHERE id = ?1) "
                         "WHERE document_id = ?1 AND record IS NULL"},
        {&insert_revision, "INSERT INTO revisions (document_id, revision, saved_at, saved_by, message, record) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, NULL)"},
        {&insert_prov, "INSERT INTO provenance (document_id, source_path, format, source_sha256, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&select_doc, "SELECT record FROM documents WHERE id = ?1"},
        {&delete_doc, "DELETE FROM documents WHERE id = ?1"},
        {&insert_deletion, "INSERT OR REPLACE INTO deletions (id, change_seq) VALUES (?1, ?2)"},
        {&delete_deletion, "DELETE FROM deletions WHERE id = ?1"},
        {&read_seq, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'change_seq'"},
        {&write_seq, "UPDATE meta SET value = ?1 WHERE key = 'change_seq'"},
        {&select_similar, "SELECT s.similar FROM similar_documents s JOIN documents d ON d.id = s.document_id "
                          "WHERE s.document_id = ?1 AND s.change_seq = d.change_seq"},
        {&upsert_similar, "INSERT INTO similar_documents (document_id, change_seq, similar) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT (document_id) DO UPDATE SET change_seq = excluded.change_seq, similar = excluded.similar"},
    };
    for (auto& item : list) {
      auto st = db.prepare(item.sql);
      if (!st) return st.error();
      *item.s = std::move(st).value();
    }
    return Status::success();
  }

  // Rewrites the record's rows in document_links and memberships from its JSON
  // (catalog_authorities.cpp).
  Status put_links_and_places(const model::Document& doc);

  // What writing a record with this hash would do: create, update or nothing.
  Result<PutOutcome> outcome_for(const std::string& id, const std::string& sha);

  Result<std::int64_t> stored_seq() {
    std::int64_t v = 0;
    auto found = read_seq.first_row([&](const Statement& row) { v = row.integer(0); });
    if (!found) return found.error();
    if (!*found) return Error::corrupt("catalog: the meta table has no change_seq");
    return v;
  }
};


}  // namespace arkiv::store
