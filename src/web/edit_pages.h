// The staff's editing pages (docs/access.md, "Editing"), forms without JavaScript, each
// carrying the session's CSRF token (checked by the access gate):
//   GET/POST /new                          a new record (a draft unless the caller may publish)
//   GET/POST /documents/{id}/edit          every field of the record; errors next to their
//                                          fields, with everything typed kept; a save over a
//                                          newer revision shows both versions instead
//   POST /documents/{id}/publication       publish, withdraw, submit for review, embargo
//   GET /documents/{id}/history            revisions, and a field-by-field comparison of any two
//   POST /documents/{id}/restore           an older revision saved again as a new one
//   GET/POST /upload                       a file in any format arkiv imports, as new drafts
// Who may save what: api/editing.h. Thread-safe given one Archive per thread.
#pragma once

#include "archive/archive.h"
#include "auth/accounts.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::web {

http::Response new_record_page(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response new_record_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response edit_page(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response edit_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response publication_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response history_page(const http::Request& req, archive::Archive& archive);
http::Response upload_page(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response upload_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);
http::Response restore_submit(const http::Request& req, archive::Archive& archive, auth::Accounts& accounts);

}  // namespace arkiv::web
