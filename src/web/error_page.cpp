#include "model/fields.h"
#include "web/internal/views.h"
#include "web/page.h"
#include "web/pages.h"

namespace arkiv::web {

Page error_view(const http::Request&, int status, const std::string& message) {
  mstch::map ctx = page_context(std::string(http::status_reason(status)), "");
  ctx["status"] = std::to_string(status);
  ctx["reason"] = std::string(http::status_reason(status));
  ctx["message"] = message;
  ctx["not_found"] = status == 404;
  return make_page("error", std::move(ctx), status);
}

Page error_view(const http::Request& req, const Error& error) {
  int status = http::http_status(error.code());
  if (status >= 500) {
    Page p = error_view(req, status, status == 503 ? "The archive is busy. Please try again in a moment."
                                                     : "Something went wrong on our side.");
    p.log_detail = error.message();
    return p;
  }
  return error_view(req, status, error.message());
}

http::Response error_page(const http::Request& req, int status, const std::string& message) {
  return render_page(error_view(req, status, message));
}

http::Response error_page(const http::Request& req, const Error& error) { return render_page(error_view(req, error)); }

std::string facet_title(const std::string& field) {
  const model::Field* f = model::find_field(field);
  return f ? std::string(f->plural) : field;
}

std::string facet_label(const std::string& field) {
  const model::Field* f = model::find_field(field);
  return f ? std::string(f->label) : field;
}

}  // namespace arkiv::web
