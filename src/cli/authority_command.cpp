// `arkiv authority`: the archive's authority records (docs/authorities.md).
//   authority list [--kind K] [--json]    every authority: id, kind, preferred name
//   authority show ID [--json]            one, with its variants, identifiers and the forms records use
//   authority merge FROM INTO             FROM's records link to INTO; FROM's id redirects there
//   authority relink                      links the names of stored records that have no link
//                                         (records stored before catalog migration 8)
//   authority load FILE                   authority records from JSON Lines (one per line), or a
//                                         table of name variants (data/name-variants.tsv); the
//                                         whole file is refused, naming its line, if one is wrong
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"

namespace arkiv::cli {

namespace {

struct AuthorityArgs {
  std::string kind, id, from, into, file;
  bool json = false;
  CLI::App *list = nullptr, *show = nullptr, *merge = nullptr, *load = nullptr, *relink = nullptr;
};

std::string cli_user() {
  const char* user = std::getenv("USER");
  return std::string("cli:") + (user && *user ? user : "operator");
}

int run_list(const GlobalOptions& g, const AuthorityArgs& args) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  nlohmann::json out = nlohmann::json::array();
  std::size_t n = 0;
  Status s = (*a)->for_each_authority([&](const model::Authority& au) {
    if (!args.kind.empty() && au.kind != args.kind) return true;
    ++n;
    if (args.json) out.push_back(model::to_json(au));
    else std::cout << au.id << "\t" << au.kind << "\t" << au.name << "\n";
    return true;
  });
  if (!s) return fail(s.error());
  if (args.json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else std::cerr << n << (n == 1 ? " authority\n" : " authorities\n");
  return 0;
}

int run_show(const GlobalOptions& g, const AuthorityArgs& args) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  auto v = (*a)->authority(args.id, archive::Audience::kStaff);
  if (!v) return fail(v.error());
  if (!*v) return fail(Error::not_found("no authority with id '" + args.id + "'"));
  const model::Authority& au = (*v)->authority;
  if (args.json) {
    nlohmann::json j = model::to_json(au);
    j["forms"] = (*v)->forms;
    if (au.id != args.id) j["merged_from"] = args.id;
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  if (au.id != args.id) std::cout << args.id << " was merged into " << au.id << "\n";
  std::cout << au.id << "\t" << au.kind << "\n" << au.name << "\n";
  if (!au.dates.empty()) std::cout << "dates: " << au.dates << "\n";
  if (!au.note.empty()) std::cout << "note: " << au.note << "\n";
  for (const auto& var : au.variants) {
    std::cout << "variant: " << var.name << (var.script.empty() ? "" : " [" + var.script + "]") << (var.scheme.empty() ? "" : " (" + var.scheme + ")")
              << "\n";
  }
  for (const auto& i : au.identifiers) std::cout << "identifier: " << i.scheme << " " << i.value << "\n";
  for (const auto& f : (*v)->forms) std::cout << "written as: " << f << "\n";
  return 0;
}

int run_merge(const GlobalOptions& g, const AuthorityArgs& args) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kWrite);
  if (!a) return fail(a.error());
  auto r = (*a)->merge_authorities(args.from, args.into, cli_user());
  if (!r) return fail(r.error());
  std::cout << "merged " << r->from << " into " << r->into << ": " << r->records << (r->records == 1 ? " record" : " records")
            << " now link to " << r->into << "; " << r->from << " redirects there\n";
  return 0;
}

int run_relink(const GlobalOptions& g) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kWrite);
  if (!a) return fail(a.error());
  ProgressBar bar("records", stderr_is_terminal());
  auto r = (*a)->relink_records(cli_user(), phase_progress(bar));
  bar.finish();
  if (!r) return fail(r.error());
  const auto shown = std::min(r->warnings.size(), static_cast<std::size_t>(kWarningsShown));
  for (std::size_t i = 0; i < shown; ++i) std::cerr << "warning: " << r->warnings[i] << "\n";
  if (r->warnings.size() > shown) std::cerr << "warning: ... and " << (r->warnings.size() - shown) << " more (arkiv review names)\n";
  std::cout << "relinked: " << r->records << (r->records == 1 ? " record" : " records") << " read, " << r->changed
            << " linked or placed anew (each saved as a revision), " << r->warnings.size() << " warnings\n";
  return 0;
}

// A table of name variants (data/name-variants.tsv's format): each group joins its authority.
int run_load_variants(const GlobalOptions& g, const AuthorityArgs& args) {
  auto table = model::load_name_variants(args.file);
  if (!table) return fail(table.error());  // names the line; nothing is loaded
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kWrite);
  if (!a) return fail(a.error());
  auto r = (*a)->load_name_variants(*table);
  if (!r) return fail(r.error());
  for (const std::string& report : r->second) std::cerr << "left out: " << report << "\n";
  std::cout << "loaded " << table->groups().size() << " name groups from " << args.file << ": " << r->first
            << (r->first == 1 ? " authority" : " authorities") << " added or given variants\n";
  return r->second.empty() ? 0 : 1;
}

int run_load(const GlobalOptions& g, const AuthorityArgs& args) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) return fail(Error::io("cannot read " + args.file));
  {
    std::string first;
    while (std::getline(in, first) && (first.find_first_not_of(" \t\r") == std::string::npos || first[first.find_first_not_of(" \t\r")] == '#')) {
    }
    if (!first.empty() && first[first.find_first_not_of(" \t\r")] != '{') return run_load_variants(g, args);
    in.clear();
    in.seekg(0);
  }
  std::vector<model::Authority> list;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return fail(Error::invalid(args.file + ", line " + std::to_string(n) + ": expected one JSON object per line; nothing was loaded"));
    auto au = model::authority_from_json(j);
    if (!au) return fail(au.error().within(args.file + ", line " + std::to_string(n) + " (nothing was loaded)"));
    list.push_back(std::move(au).value());
  }
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kWrite);
  if (!a) return fail(a.error());
  if (Status s = (*a)->put_authorities(list); !s) return fail(s.error());
  std::cout << "loaded " << list.size() << (list.size() == 1 ? " authority" : " authorities") << " from " << args.file << "\n";
  return 0;
}

}  // namespace

Action add_authority_command(CLI::App& app, const GlobalOptions& g) {
  auto args = std::make_shared<AuthorityArgs>();
  CLI::App* cmd = app.add_subcommand("authority", "Authority records: people, organisations, places, subjects");
  cmd->require_subcommand(1);
  args->list = cmd->add_subcommand("list", "Every authority record");
  args->list->add_option("--kind", args->kind, "Only this kind")->check(CLI::IsMember({"person", "organization", "place", "subject"}));
  args->list->add_flag("--json", args->json, "Machine-readable output");
  args->show = cmd->add_subcommand("show", "One authority record");
  args->show->add_option("id", args->id, "Authority id, e.g. person/lansing-robert")->required();
  args->show->add_flag("--json", args->json, "Machine-readable output");
  args->merge = cmd->add_subcommand("merge", "Merge authority FROM into INTO: links follow, FROM's id redirects");
  args->merge->add_option("from", args->from, "The authority to merge away")->required();
  args->merge->add_option("into", args->into, "The authority that stays")->required();
  args->relink = cmd->add_subcommand("relink", "Link the names of stored records that have no link yet (records stored before catalog migration 8)");
  args->load = cmd->add_subcommand("load", "Add or replace authority records from JSON Lines, or load a table of name variants (TSV) into them");
  args->load->add_option("file", args->file, "The file")->required();
  return [&g, args] {
    if (args->show->parsed()) return run_show(g, *args);
    if (args->merge->parsed()) return run_merge(g, *args);
    if (args->load->parsed()) return run_load(g, *args);
    if (args->relink->parsed()) return run_relink(g);
    return run_list(g, *args);
  };
}

}  // namespace arkiv::cli
