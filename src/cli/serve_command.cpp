#include "archive/archive.h"
#include "cli/commands.h"

namespace arkiv::cli {

namespace {

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

int run_serve(const GlobalOptions& g, const ServeSettings& args, const Services& services) {
  // Open once up front so a missing or broken data directory fails here, not per request.
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  a->reset();
  if (!services.serve) return fail(Error::internal("this build of arkiv has no HTTP server"));
  ServeSettings settings = args;
  settings.data_dir = g.data_dir;
  if (!settings.name_variants_path.empty()) {
    auto table = model::load_name_variants(settings.name_variants_path);
    if (!table) return fail(table.error());
    settings.name_variants = std::make_shared<const model::NameVariants>(std::move(table).value());
  }
  if (!settings.base_url.empty()) {
    auto checked = check_base_url(settings.base_url);
    if (!checked) return fail(checked.error());
    settings.base_url = *checked;
  }
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
  cmd->add_option("--count-budget", args->count_budget_seconds,
                  "Seconds a search may count its matches before answering without the exact count (default 1; 0: no limit)")
      ->check(CLI::Range(0.0, 3600.0));
  cmd->add_option("--name-variants", args->name_variants_path,
                  "A name variant table (TSV, as data/name-variants.tsv) to search with instead of the one shipped");
  cmd->add_option("--base-url", args->base_url,
                  "Public address for permalinks, citations and meta tags (e.g. https://archive.example.org); "
                  "https also marks the session cookie Secure. Default: http://HOST:PORT");
  return [&g, args, &services] { return run_serve(g, *args, services); };
}

}  // namespace arkiv::cli
