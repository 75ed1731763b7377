#include <algorithm>

#include "api/search_params.h"
#include "model/authority.h"
#include "model/fields.h"
#include "text/fold.h"
#include "web/links.h"
#include "web/page.h"
#include "web/internal/views.h"
#include "web/pages.h"

namespace arkiv::web {

namespace {

constexpr int kMaxValues = 5000;

mstch::array browse_nav(const std::string& current) {
  mstch::array out;
  for (const auto& f : model::field_names(model::kBrowse)) {
    out.push_back(mstch::map{{"href", "/browse/" + f}, {"label", facet_title(f)}, {"current", f == current}});
  }
  return out;
}

}  // namespace

Page browse_index_view(const http::Request&, archive::Archive&) {
  mstch::map ctx = page_context("Browse", "browse");
  ctx["heading"] = std::string("Browse the archive");
  ctx["fields"] = browse_nav("");
  ctx["index"] = true;
  return make_page("browse", std::move(ctx));
}

http::Response browse_index_page(const http::Request& req, archive::Archive& archive) { return render_page(browse_index_view(req, archive)); }

Page browse_view(const http::Request& req, archive::Archive& archive) {
  const std::string& field = req.path_param("field");
  if (!model::has_role(field, model::kBrowse)) {
    std::string kinds;
    for (const auto& f : model::field_names(model::kBrowse)) kinds += (kinds.empty() ? "" : ", ") + text::lower(facet_title(f));
    return error_view(req, 404, "There is no list of that kind. Try " + kinds + ".");
  }
  archive::SearchQuery q;
  q.limit = 0;
  q.facets = {field};
  q.facet_limit = kMaxValues;
  q.audience = api::audience_of(req);
  auto page = archive.search(q);
  if (!page) return error_view(req, page.error());
  std::vector<archive::FacetValue> values;
  if (!page->facets.empty()) values = page->facets[0].values;
  if (values.size() > static_cast<std::size_t>(kMaxValues)) values.resize(kMaxValues);
  // Years and decades in time order; names alphabetically, as people look them up.
  const model::Field* f = model::find_field(field);
  if (f->order != model::FacetOrder::kByValue) {
    std::vector<std::pair<std::string, archive::FacetValue>> keyed;
    for (auto& v : values) keyed.emplace_back(text::fold(facet_value_label(archive, field, v.value)), v);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    values.clear();
    for (auto& [k, v] : keyed) values.push_back(v);
  }
  mstch::array items;
  for (const auto& v : values) {
    // An authority's entry leads to its page (its names and its documents).
    items.push_back(mstch::map{{"href", model::is_authority_id(v.value) ? authority_url(v.value) : filter_url(field, v.value)}, {"label", facet_value_label(archive, field, v.value)},
                               {"count", count_text(v.count)}});
  }
  mstch::map ctx = page_context(facet_title(field), "browse");
  ctx["heading"] = facet_title(field);
  ctx["fields"] = browse_nav(field);
  ctx["items"] = items;
  ctx["empty"] = items.empty();
  ctx["total"] = count_text(static_cast<std::int64_t>(items.size()));
  // Undated records are in no year or decade: say how many (issue 11: "12 undated").
  const bool dates = f->kind == model::ValueKind::kYear || f->kind == model::ValueKind::kDecade;
  ctx["undated"] = dates && page->undated > 0 ? count_text(page->undated) : std::string();
  ctx["undated_one"] = page->undated == 1;
  ctx["unit"] = text::lower(std::string(f->label));
  return make_page("browse", std::move(ctx));
}

http::Response browse_page(const http::Request& req, archive::Archive& archive) { return render_page(browse_view(req, archive)); }

}  // namespace arkiv::web
