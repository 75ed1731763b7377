#include "index/internal/term_scheme.h"

#include "base/strings.h"
#include "text/fold.h"
#include "text/language.h"

namespace arkiv::index::scheme {

const std::string& version() {
  static const std::string v = [] {
    std::string out = "9:";  // see term_scheme.h for what each number changed
    for (const model::Field* f : model::facet_fields()) {
      if (out.size() > 2) out += ',';
      out += f->name;
    }
    return out;
  }();
  return v;
}

std::string term(std::string_view prefix, std::string_view value) {
  constexpr std::size_t kMaxTermBytes = 240;
  std::string t(prefix);
  t += value;
  if (t.size() > kMaxTermBytes) {
    std::size_t cut = kMaxTermBytes;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t.resize(cut);
  }
  return t;
}

std::string exact_term(const model::Field& field, std::string_view value) {
  if (field.exact_prefix.empty()) return "";
  std::string v(value);
  switch (field.kind) {
    case model::ValueKind::kLanguage: {
      auto code = text::normalize_language(v);
      return term(field.exact_prefix, code ? *code : text::fold(v));
    }
    case model::ValueKind::kYear:
      return term(field.exact_prefix, trim(v));
    case model::ValueKind::kDecade: {
      std::string d(trim(v));
      if (!d.empty() && d.back() == 's') d.pop_back();
      return term(field.exact_prefix, d);
    }
    case model::ValueKind::kName:
      return term(field.exact_prefix, text::fold(collapse_spaces(v)));
    default:
      return term(field.exact_prefix, text::fold(v));
  }
}

}  // namespace arkiv::index::scheme
