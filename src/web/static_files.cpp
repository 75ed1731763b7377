#include "web/embedded_files.h"
#include "web/pages.h"
#include "model/authority.h"
#include "model/fields.h"
#include "text/language.h"

namespace arkiv::web {

http::Response stylesheet(const http::Request&, archive::Archive&) {
  http::Response r = http::Response::text(embedded_files().at("arkiv.css"), "text/css; charset=utf-8");
  r.set_header("Cache-Control", "public, max-age=3600");
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

std::string facet_value_label(const std::string& field, const std::string& value) {
  const model::Field* f = model::find_field(field);
  if (f && f->kind == model::ValueKind::kLanguage) return text::language_name(value);
  return value;
}

std::string facet_value_label(const archive::Archive& archive, const std::string& field, const std::string& value) {
  if (model::is_authority_id(value)) {
    std::string name = archive.authority_name(value);
    if (!name.empty()) return name;
  }
  return facet_value_label(field, value);
}

}  // namespace arkiv::web
