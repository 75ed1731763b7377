// The HTTP routes of the reading room and the JSON API in one table (routes.cpp reads like
// the API spec in docs/http-api.md), and the request handler the server calls: it gives each
// worker thread its own reader Archive (ReaderPool) and dispatches through the table. Every
// route names the auth::Action it needs; the access gate (http/access_gate.h) asks
// auth::check() before each.
#pragma once

#include <memory>
#include <string>

#include "app/reader_pool.h"
#include "archive/archive.h"
#include "auth/accounts.h"
#include "http/router.h"
#include "http/server.h"

namespace arkiv::app {

using Routes = http::Router<archive::Archive, auth::Action>;
Routes make_routes(std::shared_ptr<auth::Accounts> accounts);

class ArchiveHandler : public http::RequestHandler {
 public:
  ArchiveHandler(std::string data_dir, std::size_t workers, std::shared_ptr<auth::Accounts> accounts);
  // The count budget of the readers' searches (archive::Archive::set_count_budget).
  void set_count_budget(double seconds) { readers_.set_count_budget(seconds); }
  // The name variants of the readers' searches (archive::Archive::set_name_variants).
  void set_name_variants(std::shared_ptr<const model::NameVariants> v) { readers_.set_name_variants(std::move(v)); }
  http::Response handle(http::Request& req, std::size_t worker) override;
  http::Response error(const http::Request& req, int status, const std::string& message) override;
  // Saves take whole records: up to kRecordBodyLimit for the write API and the edit forms.
  std::size_t body_limit(std::string_view method, std::string_view target, std::size_t usual) const override;
  static constexpr std::size_t kRecordBodyLimit = std::size_t{16} << 20;

 private:
  std::shared_ptr<auth::Accounts> accounts_;
  Routes routes_;
  ReaderPool readers_;
};

}  // namespace arkiv::app
