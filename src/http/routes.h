// arkiv's route table: every page and API endpoint the server answers, in one place
// (routes.cpp reads like the API spec in docs/http-api.md).
#pragma once

#include <memory>

#include "auth/accounts.h"
#include "http/router.h"

namespace arkiv::http {

// Every route names the auth::Action it needs; the access gate asks auth::check() before each.
Router make_routes(std::shared_ptr<auth::Accounts> accounts);

}  // namespace arkiv::http
