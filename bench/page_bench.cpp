// Document-page cost inside the process, without HTTP: the page rendered by the compiled
// templates (web/template) against mstch::render (the decided library), and "more like this"
// read from the catalog's stored lists against a live Xapian query, on the same random
// records of a benchmark archive; then the cost of a search answer (10 hits with snippets)
// by how many facets it counts. Prints mean and p99 microseconds.
// Usage: page_bench --data bench/out/data --count 100000 [--pages 5000]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>

#include "archive/archive.h"
#include "model/fields.h"
#include "index/search_index.h"
#include "web/page.h"
#include "web/pages.h"
#include "web/internal/views.h"
#include "base/strings.h"
#include <mstch/mstch.hpp>

using Clock = std::chrono::steady_clock;

namespace {

struct Timing {
  double mean_us = 0, p99_us = 0;
};

Timing time_each(const std::vector<std::string>& ids, const std::function<void(const std::string&)>& fn) {
  for (std::size_t i = 0; i < std::min<std::size_t>(200, ids.size()); ++i) fn(ids[i]);  // warm up
  std::vector<double> us;
  us.reserve(ids.size());
  for (const auto& id : ids) {
    auto t0 = Clock::now();
    fn(id);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  Timing t;
  for (double u : us) t.mean_us += u;
  t.mean_us /= static_cast<double>(us.size());
  std::sort(us.begin(), us.end());
  t.p99_us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("document page benchmark");
  std::string data;
  int count = 100000, pages = 5000;
  app.add_option("--data", data)->required();
  app.add_option("--count", count);
  app.add_option("--pages", pages);
  CLI11_PARSE(app, argc, argv);

  auto a = arkiv::archive::Archive::open(data, arkiv::archive::Archive::Mode::kRead);
  if (!a) {
    std::cerr << a.error().message() << "\n";
    return 1;
  }
  (*a)->set_caching(false);
  auto idx = arkiv::index::SearchIndex::open_readonly(data + "/index");
  if (!idx) {
    std::cerr << idx.error().message() << "\n";
    return 1;
  }
  std::mt19937 rng(1966);
  std::uniform_int_distribution<int> pick(0, count - 1);
  std::vector<std::string> ids;
  for (int i = 0; i < pages; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "bench/%06d", pick(rng));
    ids.push_back(id);
  }
  std::size_t bytes = 0;
  bool with_mstch = false;
  auto page = [&](const std::string& id) {
    arkiv::http::Request req;
    req.method = "GET";
    req.path = req.target = "/documents/" + id;
    req.path_params = {{"id", id}};
    req.headers = {{"host", "127.0.0.1"}};
    arkiv::web::Page view = arkiv::web::document_view(req, **a);
    if (view.status != 200) {
      std::cerr << "status " << view.status << " for " << id << "\n";
      std::exit(1);
    }
    if (with_mstch) {
      bytes += mstch::render(arkiv::web::page_template_source(view.name), view.data, arkiv::web::page_partials()).size();
    } else {
      bytes += arkiv::web::render_page(view).body.size();
    }
  };
  Timing compiled = time_each(ids, page);
  std::size_t page_bytes = bytes / (ids.size() + std::min<std::size_t>(200, ids.size()));
  with_mstch = true;
  mstch::config::escape = [](const std::string& s) { return arkiv::html_escape(s); };
  Timing reference = time_each(ids, page);

  Timing stored = time_each(ids, [&](const std::string& id) {
    if (!(*a)->similar(id, 5, arkiv::archive::Audience::kReaders)) std::exit(1);
  });
  Timing live = time_each(ids, [&](const std::string& id) {
    if (!(*idx)->similar(id, 5)) std::exit(1);
  });
  std::printf("| what | mean µs | p99 µs | ratio to arkiv |\n|---|---|---|---|\n");
  std::printf("| document page, compiled templates (arkiv) | %.0f | %.0f | 1.00 |\n", compiled.mean_us, compiled.p99_us);
  std::printf("| document page, mstch::render | %.0f | %.0f | %.2f |\n", reference.mean_us, reference.p99_us,
              reference.mean_us / compiled.mean_us);
  std::printf("| more like this, stored list + 5 briefs (arkiv) | %.0f | %.0f | 1.00 |\n", stored.mean_us, stored.p99_us);
  std::printf("| more like this, live Xapian query (ids only) | %.0f | %.0f | %.2f |\n", live.mean_us, live.p99_us,
              live.mean_us / stored.mean_us);
  std::printf("\n%zu pages, each of a record drawn at random from %d; one thread; pages average %zu bytes.\n", ids.size(), count, page_bytes);

  // Searches: the words of bench/random_searches.lua, first page, no cache.
  const char* words[] = {"ambassador", "railway", "treaty", "government", "credit", "currency", "minister", "conference",
                         "shipping", "embassy", "loan", "supplies", "telegram", "revolution", "soviet", "provisional",
                         "commission", "agreement", "negotiations", "relief", "commerce", "tariff", "armistice", "delegation",
                         "consul", "harbor", "vessels", "cargo", "bank", "rouble", "finance", "peace", "war", "army", "navy",
                         "border", "island", "president", "secretary", "department"};
  std::vector<std::string> queries;
  for (int r = 0; r < 5; ++r) queries.insert(queries.end(), std::begin(words), std::end(words));
  auto search_with = [&](std::vector<std::string> facets) {
    return time_each(queries, [&](const std::string& w) {
      arkiv::archive::SearchQuery q;
      q.text = w;
      q.facets = facets;
      if (!(*a)->search(q)) std::exit(1);
    });
  };
  Timing none = search_with({});
  Timing three = search_with({"language", "decade", "place"});
  Timing all = search_with(arkiv::model::field_names(arkiv::model::kFacet));
  (*a)->keep_facets_in_memory(true);
  auto t0 = Clock::now();
  if (!(*a)->search([] {
        arkiv::archive::SearchQuery q;
        q.text = "treaty";
        q.facets = {"language"};
        return q;
      }())) {
    return 1;
  }
  double table_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  Timing table = search_with(arkiv::model::field_names(arkiv::model::kFacet));
  std::printf("\n| search (10 hits with snippets, first page, no cache) | mean µs | p99 µs | ratio to no facets |\n|---|---|---|---|\n");
  std::printf("| no facets (total estimated) | %.0f | %.0f | 1.00 |\n", none.mean_us, none.p99_us);
  std::printf("| 3 facets (language, decade, place) | %.0f | %.0f | %.2f |\n", three.mean_us, three.p99_us, three.mean_us / none.mean_us);
  std::printf("| all 9 facets (what the API and the search page count) | %.0f | %.0f | %.2f |\n", all.mean_us, all.p99_us,
              all.mean_us / none.mean_us);
  std::printf("| all 9 facets, counted from the in-memory facet table (the server) | %.0f | %.0f | %.2f |\n", table.mean_us,
              table.p99_us, table.mean_us / none.mean_us);
  std::printf("\n%zu searches: 40 common words of the corpus, 5 times each. The first search with the in-memory table\n"
              "built it: %.0f ms, once per index revision.\n",
              queries.size(), table_ms);
  return 0;
}
