// The HTTP routes of the reading room and the JSON API in one table (routes.cpp reads like
// the API spec in docs/http-api.md), and the request handler the server calls: it gives each
// worker thread its own reader Archive (ReaderPool) and dispatches through the table.
#pragma once

#include <memory>
#include <string>

#include "app/reader_pool.h"
#include "archive/archive.h"
#include "http/router.h"
#include "http/server.h"

namespace arkiv::app {

using Routes = http::Router<archive::Archive>;
Routes make_routes();

class ArchiveHandler : public http::RequestHandler {
 public:
  ArchiveHandler(std::string data_dir, std::size_t workers);
  http::Response handle(http::Request& req, std::size_t worker) override;
  http::Response error(const http::Request& req, int status, const std::string& message) override;

 private:
  Routes routes_;
  ReaderPool readers_;
};

}  // namespace arkiv::app
