#include <iostream>

#include "auth/accounts.h"
#include "cli/commands.h"
#include "http/routes.h"
#include "http/server.h"

namespace arkiv::cli {

namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 2;
  std::string base_url;
};

// "https://archive.example.org[/prefix]": scheme, host, optional port and path; no query,
// fragment, credentials, spaces or control characters. Returned without a trailing '/'.
Result<std::string> check_base_url(std::string url) {
  auto bad = [&](const std::string& why) { return Error::invalid("--base-url '" + url + "': " + why); };
  std::size_t scheme = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
  if (scheme == 0) return bad("expected http:// or https:// and a host");
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '?' || c == '#' || c == '@') {
      return bad("expected no spaces, quotes, '?', '#', '@' or non-ASCII characters");
    }
  }
  while (url.size() > scheme && url.back() == '/') url.pop_back();
  std::size_t host_end = url.find('/', scheme);
  if (url.substr(scheme, host_end - scheme).empty()) return bad("expected a host after the scheme");
  return url;
}

int run_serve(const GlobalOptions& g, const ServeArgs& args) {
  // Open once up front so a missing or broken data directory fails here, not per request.
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  a->reset();
  auto accounts = auth::Accounts::open(g.data_dir);
  if (!accounts) return fail(accounts.error());
  std::string base_url;
  if (!args.base_url.empty()) {
    auto checked = check_base_url(args.base_url);
    if (!checked) return fail(checked.error());
    base_url = *checked;
  }
  http::ServerOptions options;
  options.data_dir = g.data_dir;
  options.host = args.host;
  options.port = static_cast<unsigned short>(args.port);
  options.threads = args.threads;
  options.base_url = base_url;
  http::Server server(options, http::make_routes(std::shared_ptr<auth::Accounts>(std::move(accounts).value())));
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
  cmd->add_option("--base-url", args->base_url,
                  "Public address for permalinks, citations and meta tags (e.g. https://archive.example.org); "
                  "https also marks the session cookie Secure. Default: http://HOST:PORT");
  return [&g, args] { return run_serve(g, *args); };
}

}  // namespace arkiv::cli
