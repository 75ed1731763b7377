#include "web/page.h"
#include "web/pages.h"

namespace arkiv::web {

http::Response error_page(const http::Request&, int status, const std::string& message) {
  mstch::map ctx = page_context(std::string(http::status_reason(status)), "");
  ctx["status"] = std::to_string(status);
  ctx["reason"] = std::string(http::status_reason(status));
  ctx["message"] = message;
  ctx["not_found"] = status == 404;
  return render_page("error", ctx, status);
}

http::Response error_page(const http::Request& req, const Error& error) {
  int status = http::http_status(error.code());
  if (status >= 500) {
    http::Response r = error_page(req, status, status == 503 ? "The archive is busy. Please try again in a moment."
                                                             : "Something went wrong on our side.");
    r.log_detail = error.message();
    return r;
  }
  return error_page(req, status, error.message());
}

std::string facet_title(const std::string& field) {
  static const std::map<std::string, std::string> titles = {
      {"language", "Languages"}, {"year", "Years"},     {"decade", "Decades"}, {"collection", "Collections"},
      {"subject", "Subjects"},   {"place", "Places"},   {"person", "People"},  {"organization", "Organizations"},
      {"type", "Document types"}};
  auto it = titles.find(field);
  return it == titles.end() ? field : it->second;
}

std::string facet_label(const std::string& field) {
  static const std::map<std::string, std::string> labels = {
      {"language", "Language"}, {"year", "Year"},   {"decade", "Decade"}, {"collection", "Collection"},
      {"subject", "Subject"},   {"place", "Place"}, {"person", "Person"}, {"organization", "Organization"},
      {"type", "Document type"}};
  auto it = labels.find(field);
  return it == labels.end() ? field : it->second;
}

}  // namespace arkiv::web
