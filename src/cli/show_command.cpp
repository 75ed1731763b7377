#include <iostream>

#include "api/json_views.h"
#include "archive/archive.h"
#include "cli/commands.h"
#include "cli/render.h"

namespace arkiv::cli {

namespace {

struct ShowArgs {
  std::string id;
  bool json = false;
};

int run_show(const GlobalOptions& g, const ShowArgs& args) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  auto doc = (*a)->document(args.id, archive::Audience::kStaff);  // the operator sees every record
  if (!doc) return fail(doc.error());
  auto prov = (*a)->provenance(args.id);
  if (!prov) return fail(prov.error());
  if (args.json) {
    std::cout << api::record_json(*doc, &*prov).dump(2) << "\n";
  } else {
    std::cout << record_as_text(*doc, *prov);
  }
  return 0;
}

int run_export(const GlobalOptions& g, bool history) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  std::ios::sync_with_stdio(false);
  if (Status s = (*a)->export_jsonl(std::cout, history); !s) return fail(s.error());
  std::cout.flush();
  return std::cout ? 0 : fail(Error::io("export: cannot write to standard output"));
}

}  // namespace

Action add_show_command(CLI::App& app, const GlobalOptions& g) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Print one record");
  cmd->add_option("id", args->id, "Record id, e.g. wcda/114408")->required();
  cmd->add_flag("--json", args->json, "The record format as JSON, with provenance");
  return [&g, args] { return run_show(g, *args); };
}

Action add_export_command(CLI::App& app, const GlobalOptions& g) {
  auto history = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("export", "Write every record as JSON Lines to standard output");
  cmd->add_flag("--history", *history,
                "Every revision of every record instead, one line each: id, revision, saved_at, saved_by, message, record");
  return [&g, history] { return run_export(g, *history); };
}

}  // namespace arkiv::cli
