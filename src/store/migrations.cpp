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
      {6, "accounts: users, sessions, API tokens and the audit log (docs/access.md)", R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('contributor', 'editor', 'admin')),
  password_hash TEXT NOT NULL,          -- argon2id, encoded by libsodium; never exported
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY,        -- the cookie's token is never stored, only its hash
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  expires_at   INTEGER NOT NULL,        -- seconds since 1970, UTC
  remote       TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  scope        TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  label        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  revoked_at   TEXT
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,                -- user name, "cli:<login>", or "" for an anonymous caller
  action  TEXT NOT NULL,                -- login, login_failed, logout, user_add, role_change, ...
  subject TEXT NOT NULL,                -- the account (or, later, record) acted on
  detail  TEXT NOT NULL,
  remote  TEXT NOT NULL                 -- peer address, or "" from the command line
) STRICT;
)sql"},
      {7, "lifecycle and revisions: publication, embargo, revision number, owner; every saved revision (docs/catalog-schema.md)", R"sql(
ALTER TABLE documents ADD COLUMN publication TEXT NOT NULL DEFAULT '';    -- '' (published), draft, review, withdrawn
ALTER TABLE documents ADD COLUMN embargo_until TEXT NOT NULL DEFAULT '';  -- YYYY-MM-DD or ''
ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;     -- the current revision's number
ALTER TABLE documents ADD COLUMN owner TEXT NOT NULL DEFAULT '';          -- user who created it; '' for imports
CREATE INDEX documents_visible ON documents(publication, embargo_until);
-- Lists tell hidden records from the brief columns, without reading the record's pages.
DROP INDEX documents_brief;
CREATE INDEX documents_brief ON documents(id, title, date_display, date_earliest, date_latest, date_precision, languages, document_type,
                                          publication, embargo_until);
CREATE TABLE revisions (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL,
  revision    INTEGER NOT NULL,
  saved_at    TEXT NOT NULL,
  saved_by    TEXT NOT NULL,     -- user name; '' for an import
  message     TEXT NOT NULL,
  record      TEXT,              -- canonical JSON; NULL while it is the current one (documents.record)
  UNIQUE (document_id, revision)
) STRICT;
INSERT INTO revisions (document_id, revision, saved_at, saved_by, message, record)
  SELECT id, 1, updated_at, '', 'as stored before revisions were kept', NULL FROM documents;
)sql"},
      {8, "authorities and arrangement: authority records and their name keys, merges, records' links; units (collection, series) "
          "and records' places in them; names to review (docs/catalog-schema.md)", R"sql(
CREATE TABLE authorities (
  id     TEXT PRIMARY KEY,     -- "person/lansing-robert"
  kind   TEXT NOT NULL,        -- person, organization, place, subject
  name   TEXT NOT NULL,        -- preferred name
  record TEXT NOT NULL         -- canonical JSON (model/authority.h)
) STRICT;
CREATE INDEX authorities_by_kind ON authorities(kind, name);
CREATE TABLE authority_keys (
  kind         TEXT NOT NULL,
  key          TEXT NOT NULL,  -- folded name key; "s:<surname>" for persons' family names
  authority_id TEXT NOT NULL REFERENCES authorities(id) ON DELETE CASCADE,
  PRIMARY KEY (kind, key, authority_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX authority_keys_by_authority ON authority_keys(authority_id);
CREATE TABLE authority_redirects (
  old_id TEXT PRIMARY KEY,     -- an authority merged into another
  new_id TEXT NOT NULL
) STRICT;
CREATE TABLE document_links (
  document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  field        TEXT NOT NULL,
  form         TEXT NOT NULL,  -- the value as the record has it
  authority_id TEXT NOT NULL,
  PRIMARY KEY (document_id, field, form)
) STRICT;
CREATE INDEX document_links_by_authority ON document_links(authority_id);
CREATE TABLE units (
  id        TEXT PRIMARY KEY,
  level     TEXT NOT NULL,     -- collection, series
  parent_id TEXT,              -- NULL for a collection
  position  INTEGER NOT NULL,
  title     TEXT NOT NULL,
  record    TEXT NOT NULL      -- canonical JSON (model/authority.h)
) STRICT;
CREATE INDEX units_by_parent ON units(parent_id, position, id);
CREATE TABLE memberships (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  unit_id     TEXT NOT NULL,
  position    INTEGER NOT NULL,
  number      TEXT NOT NULL,
  is_primary  INTEGER NOT NULL,
  sort_key    TEXT NOT NULL,   -- the unit's order: position (12 digits), date, id; previous/next walk it
  PRIMARY KEY (document_id, unit_id)
) STRICT;
CREATE INDEX memberships_by_unit ON memberships(unit_id, sort_key);
CREATE TABLE name_reviews (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  field       TEXT NOT NULL,
  form        TEXT NOT NULL,
  candidates  TEXT NOT NULL    -- authority ids, newline-separated
) STRICT;
CREATE INDEX name_reviews_by_document ON name_reviews(document_id);
)sql"},
  };
  return kMigrations;
}

}  // namespace arkiv::store
