// arkiv's route table: every page and API endpoint the server answers, in one place
// (routes.cpp reads like the API spec in docs/http-api.md).
#pragma once

#include "http/router.h"

namespace arkiv::http {

Router make_routes();

}  // namespace arkiv::http
