#include <optional>

#include "model/fields.h"
#include "api/search_params.h"
#include "base/strings.h"
#include "text/fold.h"
#include "http/url.h"
#include "text/language.h"
#include "web/links.h"
#include "web/page.h"
#include "web/internal/views.h"
#include "web/pages.h"

namespace arkiv::web {

namespace {

mstch::array hidden_fields(const http::Params& state, std::initializer_list<const char*> except) {
  mstch::array out;
  for (const auto& [k, v] : state) {
    bool skip = false;
    for (const char* e : except) skip = skip || k == e;
    if (!skip) out.push_back(mstch::map{{"name", k}, {"value", v}});
  }
  return out;
}

std::string languages_text(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + text::language_name(c);
  return out;
}

// Stage: sort options as links; the current one is not a link.
mstch::array sort_links(const std::string& requested, const SearchLinks& links) {
  std::string sort = requested.empty() || requested == "relevance" ? "" : requested;
  if (sort == "date-asc") sort = "date";
  if (sort == "-date") sort = "date-desc";
  mstch::array sorts;
  for (const auto& [value, label] : {std::pair<std::string, std::string>{"", "Relevance"}, {"date", "Oldest first"}, {"date-desc", "Newest first"},
                                    {"collection", "Collection order"}}) {
    sorts.push_back(mstch::map{{"label", label}, {"href", links.with("sort", value)}, {"current", value == sort}});
  }
  return sorts;
}

// Stage: active filters as removable chips.
mstch::array filter_chips(const api::SearchParams& params, const SearchLinks& links, const archive::Archive& archive) {
  mstch::array chips;
  for (const auto& [k, v] : links.state()) {
    if (!model::has_role(k, model::kFilter)) continue;
    chips.push_back(mstch::map{{"label", facet_label(k) + ": " + facet_value_label(archive, k, v)}, {"href", links.without_filter(k, v)}});
  }
  if (!params.from_raw.empty()) chips.push_back(mstch::map{{"label", "From: " + params.from_raw}, {"href", links.without("from")}});
  if (!params.to_raw.empty()) chips.push_back(mstch::map{{"label", "To: " + params.to_raw}, {"href", links.without("to")}});
  return chips;
}

// Stage: each facet's values, linked to add or remove its filter.
mstch::array facet_lists(const archive::SearchPage& page, const archive::SearchQuery& q, const SearchLinks& links,
                         const archive::Archive& archive) {
  mstch::array facets;
  for (const auto& f : page.facets) {
    if (f.values.empty()) continue;
    if (f.field == "year" && f.values.size() > 12) continue;  // decades carry long spans
    mstch::array values;
    for (const auto& v : f.values) {
      bool active = false;
      for (const auto& [k, val] : q.filters) active = active || (k == f.field && val == v.value);
      values.push_back(mstch::map{{"label", facet_value_label(archive, f.field, v.value)}, {"count", count_text(v.count)},
                                  {"href", active ? links.without_filter(f.field, v.value) : links.with_filter(f.field, v.value)},
                                  {"active", active}});
    }
    facets.push_back(mstch::map{{"field", f.field}, {"title", facet_title(f.field)}, {"values", values}});
  }
  return facets;
}

// "Subject, Person" for a hit that matched only in those fields ("" when it matched a text).
std::string matched_in_text(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) {
    const model::Field* field = model::find_field(f);
    out += (out.empty() ? "" : ", ") + (field ? std::string(field->label) : f);
  }
  return out;
}

// Stage: the hits with their marked snippets.
mstch::array hit_list(const archive::SearchPage& page) {
  mstch::array hits;
  for (const auto& h : page.hits) {
    std::string lang = h.languages.empty() ? "" : h.languages[0];
    hits.push_back(mstch::map{{"href", document_url(h.id)},
                              {"title", h.title.empty() ? h.id : h.title},
                              {"title_lang", title_language(h.title, lang)},
                              {"date", h.date.display.empty() ? std::string("Undated") : h.date.display},
                              {"languages", languages_text(h.languages)},
                              {"type", h.document_type},
                              {"snippet", marked_html(h.snippet)},  // escaped, marks in <mark>
                              {"snippet_lang", h.snippet_language},
                              {"matched_in", matched_in_text(h.matched_in)}});
  }
  return hits;
}

// Stage: paging: previous, a window of pages, next (absent for one page).
std::optional<mstch::map> paging(std::int64_t total, int limit, int current, const SearchLinks& links) {
  std::int64_t pages = limit > 0 ? (total + limit - 1) / limit : 1;
  pages = std::min<std::int64_t>(pages, api::kMaxPage);
  if (pages <= 1) return std::nullopt;
  mstch::array numbers;
  int lo = std::max(1, current - 3), hi = static_cast<int>(std::min<std::int64_t>(pages, current + 3));
  for (int n = lo; n <= hi; ++n) numbers.push_back(mstch::map{{"n", std::to_string(n)}, {"href", links.page(n)}, {"current", n == current}});
  mstch::map out{{"numbers", numbers}};
  if (current > 1) out["prev_href"] = links.page(current - 1);
  if (current < pages) out["next_href"] = links.page(current + 1);
  return out;
}

}  // namespace

Page search_view(const http::Request& req, archive::Archive& archive) {
  auto params = api::parse_search_params(req.query, 10);
  if (!params) return error_view(req, 400, params.error().message());
  archive::SearchQuery& q = params->query;
  q.facets = model::field_names(model::kFacet);
  q.facet_limit = 12;
  q.audience = api::audience_of(req);
  auto page = archive.search(q);
  if (!page) {
    if (page.error().code() == ErrorCode::kInvalidInput) {
      return error_view(req, 400, "The search could not be understood: " + page.error().message());
    }
    return error_view(req, page.error());
  }
  SearchLinks links(req.query);

  mstch::map ctx = page_context(q.text.empty() ? "Search" : "Search: " + q.text, "search");
  ctx["q"] = q.text;
  ctx["total"] = count_text(page->total);
  // Counting stopped at the budget: the total is a lower bound, and one link counts them all.
  ctx["count_stopped"] = page->count_stopped;
  if (page->count_stopped) ctx["exact_href"] = links.with("exact", "1");
  ctx["one_result"] = page->total == 1;
  ctx["has_results"] = !page->hits.empty();
  ctx["no_results"] = page->total == 0;
  ctx["past_end"] = page->total > 0 && page->hits.empty();
  ctx["first_page_href"] = links.page(1);
  ctx["from"] = params->from_raw;
  ctx["to"] = params->to_raw;
  ctx["search_hidden"] = hidden_fields(links.state(), {"q", "variants"});
  // Names across spellings and scripts: which other forms were searched for, and a link (and
  // the form's checkbox) to search the spelling typed only, or to turn the variants back on.
  mstch::array variants;
  for (const archive::NameVariantUse& v : page->variants) {
    if (v.forms.empty()) continue;
    variants.push_back(mstch::map{{"matched", v.matched}, {"forms", join(v.forms, ", ")}});
  }
  ctx["variants"] = variants;
  ctx["has_variants"] = !variants.empty();
  ctx["variants_off"] = !q.name_variants;
  if (!variants.empty()) ctx["variants_off_href"] = links.with("variants", "off");
  if (!q.name_variants) ctx["variants_on_href"] = links.with("variants", "");
  ctx["date_hidden"] = hidden_fields(links.state(), {"from", "to", "date_mode", "undated"});
  ctx["date_within"] = q.date_mode == archive::DateMode::kWithin;
  ctx["undated_default"] = q.undated == archive::UndatedChoice::kDefault;
  ctx["undated_include"] = q.undated == archive::UndatedChoice::kInclude;
  ctx["undated_exclude"] = q.undated == archive::UndatedChoice::kExclude;
  ctx["undated_count"] = page->undated > 0 ? count_text(page->undated) : std::string();
  ctx["start"] = std::to_string(q.offset + 1);
  ctx["sorts"] = sort_links(params->sort, links);
  mstch::array chips = filter_chips(*params, links, archive);
  ctx["has_chips"] = !chips.empty();
  ctx["chips"] = chips;
  ctx["clear_href"] = q.text.empty() ? std::string("/search") : "/search?" + http::build_query({{"q", q.text}});
  ctx["facets"] = facet_lists(*page, q, links, archive);
  ctx["hits"] = hit_list(*page);
  if (!page->suggestion.empty()) {
    ctx["suggestion"] = mstch::map{{"text", page->suggestion}, {"href", links.with("q", page->suggestion)}};
  }
  if (auto p = paging(page->total, q.limit, params->page, links)) ctx["paging"] = std::move(*p);
  // Nothing found: say which filter values no record has at all.
  mstch::array unmatched;
  if (page->total == 0 && !q.filters.empty()) {
    auto none = api::filters_matching_nothing(archive, q);
    if (!none) return error_view(req, none.error());
    for (const auto& [field, value] : *none) {
      unmatched.push_back(mstch::map{{"label", text::lower(facet_label(field))}, {"value", facet_value_label(archive, field, value)}});
    }
  }
  ctx["unmatched"] = unmatched;
  return make_page("search", std::move(ctx));
}

http::Response search_page(const http::Request& req, archive::Archive& archive) { return render_page(search_view(req, archive)); }

}  // namespace arkiv::web
