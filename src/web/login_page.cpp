#include <string>

#include "base/secrets.h"
#include "http/access_gate.h"
#include "web/account_pages.h"
#include "web/internal/views.h"
#include "web/page.h"

namespace arkiv::web {

namespace {

// A pre-sign-in CSRF token is a random_token(): 43 URL-safe characters.
bool well_formed_login_token(const std::string& t) {
  return t.size() == 43 && t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
}

std::string login_cookie(const std::string& token, const std::string& base_url) {
  std::string c = std::string(kLoginCookie) + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600";
  if (base_url.rfind("https://", 0) == 0) c += "; Secure";
  return c;
}

std::string field(const http::Params& fields, const std::string& name) {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return "";
}

// The form, with `error` above it when set; keeps the name typed. Before sign-in, sets the
// pre-sign-in CSRF cookie when the request has no well-formed one.
http::Response form(const http::Request& req, const std::string& name, const std::string& next, const std::string& error, int status) {
  const auth::Caller& c = req.caller;
  std::string csrf = c.csrf;
  std::string new_cookie;
  if (!c.signed_in()) {
    csrf = req.cookie(kLoginCookie);
    if (!well_formed_login_token(csrf)) {
      csrf = random_token();
      new_cookie = login_cookie(csrf, req.base_url);
    }
  }
  http::Response r = render_page(login_view(req, {name, next, error, csrf, status}));
  r.set_header("Cache-Control", "no-store");
  if (!new_cookie.empty()) r.set_header("Set-Cookie", new_cookie);
  return r;
}

}  // namespace

Page login_view(const http::Request& req, const LoginForm& form) {
  const auth::Caller& c = req.caller;
  mstch::map ctx = page_context(c.signed_in() ? "Account" : "Sign in", "");
  ctx["heading"] = std::string(c.signed_in() ? "Account" : "Sign in");
  ctx["signed_in"] = c.signed_in();
  ctx["user"] = c.user;
  ctx["role"] = std::string(auth::role_name(c.role));
  ctx["csrf"] = form.csrf;
  ctx["next"] = local_path_or_root(form.next);
  ctx["name"] = form.name;
  if (!form.error.empty()) ctx["error"] = form.error;
  return make_page("login", std::move(ctx), form.status);
}

std::string local_path_or_root(const std::string& next) {
  // "//host" and "/\host" are other sites to browsers; control characters could split headers.
  if (next.empty() || next[0] != '/' || next.size() > 2000) return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (unsigned char ch : next) {
    if (ch < 0x20 || ch == 0x7f) return "/";
  }
  return next;
}

http::Response login_page(const http::Request& req, auth::Accounts&) { return form(req, "", req.param("next"), "", 200); }

http::Response login_submit(const http::Request& req, auth::Accounts& accounts) {
  http::Params fields = http::form_fields(req);
  std::string name = field(fields, "name"), password = field(fields, "password"), next = field(fields, "next");
  if (!req.caller.signed_in()) {
    // Signed-in callers' CSRF tokens were checked by the access gate; before sign-in the form's
    // token must match the cookie set with the form.
    std::string cookie = req.cookie(kLoginCookie);
    if (!well_formed_login_token(cookie) || !equal_constant_time(cookie, field(fields, http::kCsrfField))) {
      return form(req, name, next, "This form has expired or did not come from this site. Please try again.", 403);
    }
  }
  if (name.empty() || password.empty()) return form(req, name, next, "Enter your name and password.", 400);
  std::int64_t retry_after = 0;
  auto login = accounts.login(name, password, req.remote, req.cookie(http::kSessionCookie), &retry_after);
  if (!login) {
    switch (login.error().code()) {
      case ErrorCode::kInvalidInput: return form(req, name, next, "Wrong name or password.", 401);
      case ErrorCode::kBusy: {
        http::Response r = form(req, name, next, "Too many failed attempts. Wait " + std::to_string(retry_after) +
                                                     " seconds and try again.", 429);
        r.set_header("Retry-After", std::to_string(retry_after));
        return r;
      }
      default: {
        http::Response r = form(req, name, next, "Signing in is not possible right now. Please try again later.", 503);
        r.log_detail = login.error().message();
        return r;
      }
    }
  }
  http::Response r = http::Response::redirect(local_path_or_root(next));
  r.set_header("Set-Cookie", http::session_cookie(login->token, req.base_url, accounts.session_seconds()));
  r.set_header("Cache-Control", "no-store");
  return r;
}

http::Response logout_submit(const http::Request& req, auth::Accounts& accounts) {
  // The gate has checked the session's CSRF token (action kAccount needs a signed-in caller).
  if (Status s = accounts.logout(req.cookie(http::kSessionCookie), req.remote); !s) {
    http::Response r = form(req, "", "/", "Signing out is not possible right now. Please try again later.", 503);
    r.log_detail = s.error().message();
    return r;
  }
  http::Response r = http::Response::redirect("/");
  r.set_header("Set-Cookie", http::session_cookie("", req.base_url, 0));
  r.set_header("Cache-Control", "no-store");
  return r;
}

}  // namespace arkiv::web
