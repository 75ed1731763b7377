#include <iostream>
#include <regex>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "model/fields.h"
#include "text/language.h"
#include "api/json_views.h"
#include "archive/archive.h"
#include "cli/commands.h"
#include "cli/render.h"

namespace arkiv::cli {

namespace {

struct SearchArgs {
  std::string query;
  bool json = false;
  std::vector<std::string> filters;
  std::string from, to, sort = "relevance", date_mode, undated;
  int limit = 10, offset = 0;
  bool exact = false;
  bool no_variants = false;
  std::string name_variants;  // an archivist's variant table instead of the shipped one
};

int run_search(const GlobalOptions& g, const SearchArgs& args) {
  archive::SearchQuery q;
  q.audience = archive::Audience::kStaff;  // the operator's terminal: every record
  q.text = args.query;
  q.limit = args.limit;
  q.offset = args.offset;
  q.exact_counts = args.exact;
  q.name_variants = !args.no_variants;
  for (const std::string& f : args.filters) {
    auto eq = f.find('=');
    if (eq == std::string::npos || eq == 0) return fail(Error::invalid("--filter '" + f + "': expected FIELD=VALUE"));
    std::string field = f.substr(0, eq);
    if (!model::has_role(field, model::kFacet)) return fail(Error::invalid("--filter '" + f + "': unknown field '" + field + "'"));
    // As the API (api/search_params.cpp): a language filter names a language.
    if (model::find_field(field)->kind == model::ValueKind::kLanguage && !text::normalize_language(f.substr(eq + 1))) {
      return fail(Error::invalid("--filter '" + f + "': '" + f.substr(eq + 1) +
                                 "' is not a language; expected an ISO 639 code (sq, ko) or a language name (Albanian)"));
    }
    q.filters.emplace_back(field, f.substr(eq + 1));
  }
  auto from = api::parse_date_bound(args.from, false, "--from");
  if (!from) return fail(from.error());
  auto to = api::parse_date_bound(args.to, true, "--to");
  if (!to) return fail(to.error());
  q.from = *from;
  q.to = *to;
  if (Status s = api::check_date_order(q.from, q.to, args.from, args.to, "--from", "--to"); !s) return fail(s.error());
  auto mode = api::parse_date_mode(args.date_mode, "--date-mode");
  if (!mode) return fail(mode.error());
  q.date_mode = *mode;
  auto undated = api::parse_undated(args.undated, "--undated");
  if (!undated) return fail(undated.error());
  q.undated = *undated;
  auto sort = api::parse_sort(args.sort, "--sort");
  if (!sort) return fail(sort.error());
  q.sort = *sort;
  if (args.json) q.facets = model::field_names(model::kFacet);

  std::shared_ptr<const model::NameVariants> variants;
  if (!args.name_variants.empty()) {
    auto table = model::load_name_variants(args.name_variants);
    if (!table) return fail(table.error());
    variants = std::make_shared<const model::NameVariants>(std::move(table).value());
  }
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  if (variants) (*a)->set_name_variants(variants);
  auto page = (*a)->search(q);
  if (!page) return fail(page.error());
  if (args.json) {
    std::cout << api::search_page_json(*page, q).dump(2) << "\n";
    return 0;
  }
  bool color = stdout_is_terminal();
  if (page->count_stopped) std::cout << "at least ";
  std::cout << page->total << (page->total == 1 ? " result" : " results");
  if (page->undated > 0) std::cout << " (" << page->undated << " undated)";
  if (page->count_stopped) std::cout << "; counting stopped after " << archive::kCountBudgetSeconds << " s (--exact counts every match)";
  std::cout << "\n";
  if (!page->suggestion.empty()) std::cout << "Did you mean: " << page->suggestion << "\n";
  for (const auto& v : page->variants) {
    if (!v.forms.empty()) std::cout << "Also searched for: " << join(v.forms, ", ") << " (for \"" << v.matched << "\"; --no-variants: only as typed)\n";
  }
  for (const auto& h : page->hits) {
    std::cout << "\n" << h.id << "  " << (h.date.display.empty() ? "[undated]" : h.date.display) << "  " << h.title << "\n";
    if (h.snippet.empty()) continue;
    std::cout << "    ";
    if (!h.matched_in.empty()) std::cout << "matched in: " << join(h.matched_in, ", ") << ": ";
    std::cout << snippet_for_terminal(h.snippet, color) << "\n";
  }
  return 0;
}

}  // namespace

Action add_search_command(CLI::App& app, const GlobalOptions& g) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Search the archive");
  cmd->add_option("query", args->query, "Query: words, \"phrases\", AND/OR/NOT, title:, place:, person:, lang:, collection:");
  cmd->add_flag("--json", args->json, "JSON output with hits and facets");
  cmd->add_flag("--no-variants", args->no_variants, "Only the spelling typed: no other spellings or scripts of names (\"Kim Il Sung\" also finds \"김일성\" unless given)");
  cmd->add_option("--name-variants", args->name_variants, "A name variant table (TSV, as data/name-variants.tsv) to use instead of the one shipped");
  cmd->add_flag("--exact", args->exact, "Count every match however long it takes (else counting stops after a budget, and says so)");
  cmd->add_option("--filter", args->filters, "FIELD=VALUE facet filter (repeatable)");
  cmd->add_option("--from", args->from, "Earliest year, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--to", args->to, "Latest year, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--date-mode", args->date_mode, "overlaps (default): dates that touch the range; within: dates inside it");
  cmd->add_option("--undated", args->undated, "include or exclude undated records (default: out when a date filter is set)");
  cmd->add_option("--sort", args->sort, "relevance, date, date-desc or collection (the arrangement's order)")->capture_default_str();
  cmd->add_option("--limit", args->limit, "Hits per page")->check(CLI::Range(0, 1000))->capture_default_str();
  cmd->add_option("--offset", args->offset, "Hits to skip")->check(CLI::Range(0, 1000000))->capture_default_str();
  return [&g, args] { return run_search(g, *args); };
}

}  // namespace arkiv::cli
