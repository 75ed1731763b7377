#include "archive/archive.h"
#include "cli/commands.h"

namespace arkiv::cli {

namespace {

int run_serve(const GlobalOptions& g, const ServeSettings& args, const Services& services) {
  // Open once up front so a missing or broken data directory fails here, not per request.
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  a->reset();
  if (!services.serve) return fail(Error::internal("this build of arkiv has no HTTP server"));
  ServeSettings settings = args;
  settings.data_dir = g.data_dir;
  return services.serve(settings);
}

}  // namespace

Action add_serve_command(CLI::App& app, const GlobalOptions& g, const Services& services) {
  auto args = std::make_shared<ServeSettings>();
  args->host = "127.0.0.1";
  CLI::App* cmd = app.add_subcommand("serve", "Serve the reading room and the JSON API over HTTP");
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "Port to listen on (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", args->threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 64));
  return [&g, args, &services] { return run_serve(g, *args, services); };
}

}  // namespace arkiv::cli
