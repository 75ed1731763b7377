#include <cstdio>

#include "api/search_params.h"
#include "web/links.h"
#include "web/page.h"
#include "web/internal/views.h"
#include "web/pages.h"

namespace arkiv::web {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Percent of the chart's width, for SVG coordinates that follow the chart's width while the
// labels keep their size in CSS pixels (no viewBox, so nothing is scaled).
std::string pct(double v) { return num(v) + "%"; }

// A bar chart of documents per year (or per decade when the years span too long), each bar a
// link to that year's documents, and the same counts as a table (the chart's text
// alternative, and the way to them by keyboard). Bars are at least kMinBar px high.
mstch::node timeline(const std::vector<archive::Facet>& facets) {
  const archive::Facet* years = nullptr;
  const archive::Facet* decades = nullptr;
  for (const auto& f : facets) {
    if (f.field == "year") years = &f;
    if (f.field == "decade") decades = &f;
  }
  auto points_of = [](const archive::Facet* f) {
    std::vector<std::pair<int, std::int64_t>> points;
    if (!f) return points;
    for (const auto& v : f->values) {
      try {
        points.emplace_back(std::stoi(v.value), v.count);
      } catch (const std::exception&) {
      }
    }
    return points;
  };
  auto points = points_of(years);
  std::string field = "year", unit = "year";
  int step = 1;
  if (!points.empty() && points.back().first - points.front().first > 120) {
    points = points_of(decades);
    field = "decade";
    unit = "decade";
    step = 10;
  }
  if (points.empty()) return false;
  // In pixels of the chart's fixed height (CSS: 180px); x in percent of its width.
  constexpr double kTop = 10, kBase = 150, kMinBar = 4, kLeft = 2, kRight = 98;
  int first = points.front().first, last = points.back().first;
  int slots = (last - first) / step + 1;
  double slot = (kRight - kLeft) / slots;
  std::int64_t max_count = 1;
  for (const auto& [y, c] : points) max_count = std::max(max_count, c);
  mstch::array bars, rows;
  for (const auto& [y, c] : points) {
    double h = std::max(kMinBar, (kBase - kTop) * static_cast<double>(c) / static_cast<double>(max_count));
    double x = kLeft + ((y - first) / step) * slot + slot * 0.1;
    std::string value = std::to_string(y) + (field == "decade" ? "s" : "");
    std::string documents = count_text(c) + (c == 1 ? " document" : " documents");
    bars.push_back(mstch::map{{"href", filter_url(field, value)}, {"label", value + ": " + documents}, {"x", pct(x)},
                              {"y", num(kBase - h)}, {"w", pct(std::max(0.2, slot * 0.8))}, {"h", num(h)}});
    rows.push_back(mstch::map{{"href", filter_url(field, value)}, {"value", value}, {"count", count_text(c)}});
  }
  // Labels: a few that fit a phone (at most 5), and more between them on wider screens.
  auto ticks_every = [&](int most) {
    int tick = step;
    for (int t : {1, 2, 5, 10, 20, 50, 100, 200, 500}) {
      tick = t * step;
      if ((last - first) / tick < most) break;
    }
    return tick;
  };
  const int major = ticks_every(5), minor = ticks_every(10);
  mstch::array ticks;
  for (int y = (first + minor - 1) / minor * minor; y <= last; y += minor) {
    ticks.push_back(mstch::map{{"x", pct(kLeft + ((y - first) / step) * slot + slot / 2)},
                               {"label", std::to_string(y) + (step == 10 ? "s" : "")},
                               {"minor", y % major != 0}});
  }
  if (ticks.empty()) ticks.push_back(mstch::map{{"x", pct(kLeft + slot / 2)}, {"label", std::to_string(first)}, {"minor", false}});
  std::string span = std::to_string(first) + (first == last ? "" : " to " + std::to_string(last));
  return mstch::map{{"unit", unit}, {"bars", bars}, {"ticks", ticks}, {"rows", rows}, {"span", span},
                    {"unit_title", field == "decade" ? std::string("Decade") : std::string("Year")}};
}

}  // namespace

Page home_view(const http::Request& req, archive::Archive& archive) {
  archive::SearchQuery q;
  q.limit = 0;
  q.facets = {"language", "collection", "place", "subject", "year", "decade"};
  q.facet_limit = 8;
  q.audience = api::audience_of(req);
  auto page = archive.search(q);
  if (!page) return error_view(req, page.error());
  auto recent = archive.recent(8, q.audience);
  if (!recent) return error_view(req, recent.error());

  mstch::map ctx = page_context("Reading room", "home");
  ctx["documents"] = count_text(page->total);
  ctx["one_document"] = page->total == 1;
  ctx["timeline"] = timeline(page->facets);
  mstch::array facets;
  std::size_t languages = 0;
  for (const auto& f : page->facets) {
    if (f.field == "year" || f.field == "decade") continue;
    if (f.field == "language") languages = f.values.size();
    if (f.values.empty()) continue;
    mstch::array values;
    for (const auto& v : f.values) {
      values.push_back(mstch::map{{"href", filter_url(f.field, v.value)}, {"label", facet_value_label(archive, f.field, v.value)},
                                  {"count", count_text(v.count)}});
    }
    std::string title = facet_title(f.field);
    std::string lower = title;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    facets.push_back(mstch::map{{"field", f.field}, {"title", title}, {"title_lower", lower}, {"values", values}});
  }
  ctx["languages"] = std::to_string(languages);
  ctx["one_language"] = languages == 1;
  ctx["facets"] = facets;
  mstch::array items;
  for (const auto& [id, title] : *recent) {
    std::string lang;
    if (auto doc = archive.document(id, q.audience)) lang = title_language(title, doc->original_languages.empty() ? "" : doc->original_languages[0]);
    items.push_back(mstch::map{{"href", document_url(id)}, {"title", title.empty() ? id : title}, {"lang", lang}});
  }
  ctx["has_recent"] = !items.empty();
  ctx["recent"] = items;
  return make_page("home", std::move(ctx));
}

http::Response home_page(const http::Request& req, archive::Archive& archive) { return render_page(home_view(req, archive)); }

}  // namespace arkiv::web
