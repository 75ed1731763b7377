#include "app/serve.h"

#include <algorithm>
#include <iostream>

#include "app/routes.h"
#include "auth/accounts.h"
#include "http/server.h"

namespace arkiv::app {

int serve(const cli::ServeSettings& settings) {
  auto accounts = auth::Accounts::open(settings.data_dir);
  if (!accounts) return cli::fail(accounts.error());
  http::ServerOptions options;
  options.host = settings.host;
  options.port = static_cast<unsigned short>(settings.port);
  options.threads = settings.threads;
  options.base_url = settings.base_url;
  auto handler = std::make_shared<ArchiveHandler>(settings.data_dir, static_cast<std::size_t>(std::max(1, settings.threads)),
                                                  std::shared_ptr<auth::Accounts>(std::move(accounts).value()));
  if (settings.count_budget_seconds >= 0) handler->set_count_budget(settings.count_budget_seconds);
  if (settings.name_variants) handler->set_name_variants(settings.name_variants);
  http::Server server(options, handler);
  auto port = server.listen();
  if (!port) return cli::fail(port.error());
  std::string host = settings.host.find(':') != std::string::npos ? "[" + settings.host + "]" : settings.host;
  std::cout << "Serving " << settings.data_dir << " at http://" << host << ":" << *port << std::endl;
  server.run();
  return 0;
}

}  // namespace arkiv::app
