#include <iostream>

#include "cli/commands.h"
#include "http/routes.h"
#include "http/server.h"

namespace arkiv::cli {

namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 2;
};

int run_serve(const GlobalOptions& g, const ServeArgs& args) {
  // Open once up front so a missing or broken data directory fails here, not per request.
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  a->reset();
  http::ServerOptions options;
  options.data_dir = g.data_dir;
  options.host = args.host;
  options.port = static_cast<unsigned short>(args.port);
  options.threads = args.threads;
  http::Server server(options, http::make_routes());
  auto port = server.listen();
  if (!port) return fail(port.error());
  std::string host = args.host.find(':') != std::string::npos ? "[" + args.host + "]" : args.host;
  std::cout << "Serving " << g.data_dir << " at http://" << host << ":" << *port << std::endl;
  server.run();
  return 0;
}

}  // namespace

Action add_serve_command(CLI::App& app, const GlobalOptions& g) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the reading room and the JSON API over HTTP");
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "Port to listen on (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", args->threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 64));
  return [&g, args] { return run_serve(g, *args); };
}

}  // namespace arkiv::cli
