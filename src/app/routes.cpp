#include "app/routes.h"

#include "api/endpoints.h"
#include "web/pages.h"

namespace arkiv::app {

using http::Request;

Routes make_routes() {
  Routes r;
  // The reading room (HTML).
  r.get("/", web::home_page);
  r.get("/search", web::search_page);
  r.get("/documents/{id+}/cite.txt", web::citation_download);
  r.get("/documents/{id+}/cite.bib", web::citation_download);
  r.get("/documents/{id+}/cite.ris", web::citation_download);
  r.get("/documents/{id+}/cite.json", web::citation_download);
  r.get("/documents/{id+}", web::document_page);
  r.get("/browse", web::browse_index_page);
  r.get("/browse/{field}", web::browse_page);
  r.get("/static/arkiv.css", web::stylesheet);

  // The JSON API.
  r.get("/api/v1/search", api::search_endpoint);
  r.get("/api/v1/documents/{id+}", api::document_endpoint);
  r.get("/api/v1/facets/{field}", api::facet_endpoint);
  r.get("/api/v1/stats", api::stats_endpoint);
  r.add("OPTIONS", "/api/v1/{path+}", api::preflight_endpoint);

  r.set_error_renderer([](const Request& req, int status, const std::string& message) {
    if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) return api::error_response(status, message);
    return web::error_page(req, status, message);
  });
  return r;
}

ArchiveHandler::ArchiveHandler(std::string data_dir, std::size_t workers)
    : routes_(make_routes()), readers_(std::move(data_dir), workers) {}

http::Response ArchiveHandler::handle(http::Request& req, std::size_t worker) {
  auto a = readers_.get(worker);
  if (!a) {
    http::Response r = routes_.error(req, 503, "The archive is not available right now. Please try again later.");
    r.log_detail = a.error().message();
    return r;
  }
  return routes_.handle(req, **a);
}

http::Response ArchiveHandler::error(const http::Request& req, int status, const std::string& message) {
  return routes_.error(req, status, message);
}

}  // namespace arkiv::app
