// The pages before rendering: each reading-room handler is render_page(x_view(...)). The page
// tests render these views both with the compiled templates and with mstch. Private to web/.
#pragma once

#include <string>

#include "archive/archive.h"
#include "http/request.h"
#include "web/page.h"

namespace arkiv::web {

Page home_view(const http::Request& req, archive::Archive& archive);
Page search_view(const http::Request& req, archive::Archive& archive);
Page document_view(const http::Request& req, archive::Archive& archive);
Page browse_index_view(const http::Request& req, archive::Archive& archive);
Page browse_view(const http::Request& req, archive::Archive& archive);
Page error_view(const http::Request& req, int status, const std::string& message);
// 5xx views say only that something went wrong; the cause goes to `log_detail`.
Page error_view(const http::Request& req, const Error& error);

}  // namespace arkiv::web
