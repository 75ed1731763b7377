#include "store/migrations.h"

namespace arkiv::store {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "records, provenance, change log, meta", R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  record        TEXT NOT NULL,          -- canonical JSON (docs/record-format.md)
  record_sha256 TEXT NOT NULL,          -- of `record`, to tell unchanged re-imports
  title         TEXT NOT NULL,
  date_earliest TEXT,
  date_latest   TEXT,
  change_seq    INTEGER NOT NULL,       -- last change; the search index follows this
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX documents_change_seq ON documents(change_seq);
CREATE INDEX documents_created ON documents(created_at);

CREATE TABLE provenance (
  id            INTEGER PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source_path   TEXT NOT NULL,
  format        TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  imported_at   TEXT NOT NULL
) STRICT;
CREATE INDEX provenance_document ON provenance(document_id);

CREATE TABLE deletions (
  id         TEXT PRIMARY KEY,
  change_seq INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX deletions_change_seq ON deletions(change_seq);
)sql"},
      {2, "brief columns: what lists of records show, without decoding the record", R"sql(
ALTER TABLE documents ADD COLUMN date_display TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE documents ADD COLUMN languages TEXT NOT NULL DEFAULT '';  -- original, then content, comma-separated
ALTER TABLE documents ADD COLUMN document_type TEXT NOT NULL DEFAULT '';
UPDATE documents SET
  date_display = COALESCE(json_extract(record, '$.date.display'), ''),
  date_precision = COALESCE(json_extract(record, '$.date.precision'), 'unknown'),
  document_type = COALESCE(json_extract(record, '$.document_type'), ''),
  languages = arkiv_record_languages(record);  -- model::record_languages, the one definition
)sql"},
      {3, "document_languages: per-language counts without reading every record", R"sql(
CREATE TABLE document_languages (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('original', 'content')),
  language    TEXT NOT NULL,
  PRIMARY KEY (document_id, role, language)
) STRICT, WITHOUT ROWID;
CREATE INDEX document_languages_by_language ON document_languages(role, language);
INSERT OR IGNORE INTO document_languages (document_id, role, language)
  SELECT d.id, 'original', l.value FROM documents d, json_each(d.record, '$.original_languages') l;
INSERT OR IGNORE INTO document_languages (document_id, role, language)
  SELECT d.id, 'content', json_extract(c.value, '$.language') FROM documents d, json_each(d.record, '$.contents') c
  WHERE json_extract(c.value, '$.language') != '';
)sql"},
      {4, "similar_documents: the archive's \"more like this\" lists, derived from the index", R"sql(
CREATE TABLE similar_documents (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  change_seq  INTEGER NOT NULL,  -- the record's change_seq the list was computed for
  similar     TEXT NOT NULL      -- JSON array of record ids, most similar first
) STRICT, WITHOUT ROWID;
)sql"},
      {5, "documents_brief: lists read the brief columns from an index, never the record's pages", R"sql(
CREATE INDEX documents_brief ON documents(id, title, date_display, date_earliest, date_latest, date_precision, languages, document_type);
)sql"},
  };
  return kMigrations;
}

}  // namespace arkiv::store
