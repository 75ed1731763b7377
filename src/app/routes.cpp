#include "app/routes.h"

#include "api/account_endpoints.h"
#include "api/endpoints.h"
#include "api/write_endpoints.h"
#include "http/access_gate.h"
#include "web/account_pages.h"
#include "web/edit_pages.h"
#include "web/pages.h"

namespace arkiv::app {

using http::Request;

Routes make_routes(std::shared_ptr<auth::Accounts> accounts) {
  using auth::Action;
  Routes r(Action::kReadPublished);
  // Handlers that need the accounts, as route handlers.
  auto with = [accounts](http::Response (*f)(const Request&, auth::Accounts&)) {
    return [accounts, f](const Request& req, archive::Archive&) { return f(req, *accounts); };
  };
  auto writes = [accounts](http::Response (*f)(const Request&, archive::Archive&, auth::Accounts&)) {
    return [accounts, f](const Request& req, archive::Archive& a) { return f(req, a, *accounts); };
  };
  // The reading room (HTML).
  r.get("/", web::home_page);
  r.get("/search", web::search_page);
  r.get("/documents/{id+}/cite.txt", web::citation_download);
  r.get("/documents/{id+}/cite.bib", web::citation_download);
  r.get("/documents/{id+}/cite.ris", web::citation_download);
  r.get("/documents/{id+}/cite.json", web::citation_download);
  // Staff editing (web/edit_pages.h; api/editing.h has the rules beyond each route's action).
  r.get("/documents/{id+}/edit", writes(web::edit_page), Action::kEditOwnDraft);
  r.post("/documents/{id+}/edit", writes(web::edit_submit), Action::kEditOwnDraft);
  r.post("/documents/{id+}/publication", writes(web::publication_submit), Action::kEditOwnDraft);
  r.get("/documents/{id+}/history", web::history_page, Action::kReadUnpublished);
  r.post("/documents/{id+}/restore", writes(web::restore_submit), Action::kEditOwnDraft);
  r.get("/new", writes(web::new_record_page), Action::kCreateDraft);
  r.post("/new", writes(web::new_record_submit), Action::kCreateDraft);
  r.get("/upload", writes(web::upload_page), Action::kCreateDraft);
  r.post("/upload", writes(web::upload_submit), Action::kCreateDraft);
  r.get("/documents/{id+}", web::document_page);
  r.get("/authorities/{authority+}", web::authority_page);
  r.get("/collections", web::collections_page);
  r.get("/collections/{unit+}", web::unit_page);
  r.get("/browse", web::browse_index_page);
  r.get("/browse/{field}", web::browse_page);
  r.get("/static/arkiv.css", web::stylesheet);
  r.get("/login", with(web::login_page), Action::kSignIn);
  r.post("/login", with(web::login_submit), Action::kSignIn);
  r.post("/logout", with(web::logout_submit), Action::kAccount);

  // The JSON API.
  r.get("/api/v1/search", api::search_endpoint);
  r.get("/api/v1/documents/{id+}/revisions", api::revisions_endpoint, Action::kReadUnpublished);
  r.get("/api/v1/documents/{id+}", api::document_endpoint);
  // Writing (api/editing.h has the rules beyond each route's least action).
  r.post("/api/v1/documents", writes(api::create_document_endpoint), Action::kCreateDraft);
  r.post("/api/v1/documents/{id+}/publish", writes(api::publish_document_endpoint), Action::kPublish);
  r.post("/api/v1/documents/{id+}/withdraw", writes(api::withdraw_document_endpoint), Action::kPublish);
  r.add("PUT", "/api/v1/documents/{id+}", writes(api::replace_document_endpoint), Action::kEditOwnDraft);
  r.add("PATCH", "/api/v1/documents/{id+}", writes(api::patch_document_endpoint), Action::kEditOwnDraft);
  r.get("/api/v1/facets/{field}", api::facet_endpoint);
  r.get("/api/v1/authorities/{authority+}", api::authority_endpoint);
  r.get("/api/v1/collections", api::collections_endpoint);
  r.get("/api/v1/collections/{unit+}", api::collection_endpoint);
  r.get("/api/v1/stats", api::stats_endpoint);
  r.get("/api/v1/me", [](const Request& req, archive::Archive&) { return api::me_endpoint(req); }, Action::kAccount);
  r.get("/api/v1/audit", with(api::audit_endpoint), Action::kViewAudit);
  r.post("/api/v1/users/{name}/disable", with(api::disable_user_endpoint), Action::kManageUsers);
  r.add("OPTIONS", "/api/v1/{path+}", api::preflight_endpoint);

  auto errors = [](const Request& req, int status, const std::string& message) {
    if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) return api::error_response(status, message);
    return web::error_page(req, status, message);
  };
  r.set_error_renderer(errors);
  r.set_gate(http::make_access_gate(std::move(accounts), errors));
  return r;
}

ArchiveHandler::ArchiveHandler(std::string data_dir, std::size_t workers, std::shared_ptr<auth::Accounts> accounts)
    : accounts_(accounts), routes_(make_routes(std::move(accounts))), readers_(std::move(data_dir), workers) {}

http::Response ArchiveHandler::handle(http::Request& req, std::size_t worker) {
  auto a = readers_.get(worker);
  if (!a) {
    http::Response r = routes_.error(req, 503, "The archive is not available right now. Please try again later.");
    r.log_detail = a.error().message();
    return r;
  }
  return routes_.handle(req, **a);
}

std::size_t ArchiveHandler::body_limit(std::string_view method, std::string_view target, std::size_t usual) const {
  if (method != "POST" && method != "PUT" && method != "PATCH") return usual;
  std::string_view path = target.substr(0, target.find('?'));
  auto ends_with = [&](std::string_view s) { return path.size() >= s.size() && path.substr(path.size() - s.size()) == s; };
  bool record = path.rfind("/api/v1/documents", 0) == 0 || path == "/new" || path == "/upload" ||
                (path.rfind("/documents/", 0) == 0 && ends_with("/edit"));
  return record ? kRecordBodyLimit : usual;
}

http::Response ArchiveHandler::error(const http::Request& req, int status, const std::string& message) {
  return routes_.error(req, status, message);
}

}  // namespace arkiv::app
