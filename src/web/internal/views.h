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
Page authority_view(const http::Request& req, archive::Archive& archive);
Page collections_view(const http::Request& req, archive::Archive& archive);
Page unit_view(const http::Request& req, archive::Archive& archive);
Page error_view(const http::Request& req, int status, const std::string& message);
// The sign-in form, or signed in, the account box with the sign-out button (account_pages.h).
struct LoginForm {
  std::string name;   // as typed
  std::string next;   // where to go after signing in (made a local path)
  std::string error;  // shown above the form when set
  std::string csrf;   // the token the forms carry
  int status = 200;
};
Page login_view(const http::Request& req, const LoginForm& form);
// 5xx views say only that something went wrong; the cause goes to `log_detail`.
Page error_view(const http::Request& req, const Error& error);

}  // namespace arkiv::web
