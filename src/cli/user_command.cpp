// `arkiv user add|list|disable|enable|role|password|token` and `arkiv audit`: staff accounts
// from the command line. Passwords come from the terminal without echo (asked twice) or, when
// stdin is not a terminal, from its first line; they are never printed or logged.
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "auth/accounts.h"
#include "cli/commands.h"

namespace arkiv::cli {

namespace {

struct UserArgs {
  std::string name, role, scope = "read", label;
  bool json = false;
  CLI::App *add = nullptr, *list = nullptr, *disable = nullptr, *enable = nullptr, *set_role = nullptr, *password = nullptr,
           *token = nullptr;
};

auth::Actor cli_actor() {
  const char* user = std::getenv("USER");
  std::string name = user && *user ? user : "";
  if (name.empty()) {
    if (const passwd* pw = getpwuid(getuid())) name = pw->pw_name;
  }
  return {"cli:" + name, ""};
}

Result<std::string> read_line_hidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios old{};
  bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  bool ok = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::cerr << "\n";
  }
  if (!ok) return Error::invalid("no password given on stdin");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// From the terminal: asked twice, without echo. From a pipe: the first line.
Result<std::string> read_password(const std::string& name) {
  if (::isatty(STDIN_FILENO) != 1) {
    std::string line;
    if (!std::getline(std::cin, line)) return Error::invalid("expected the password on the first line of stdin");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  auto first = read_line_hidden("Password for " + name + ": ");
  if (!first) return first.error();
  auto again = read_line_hidden("Same password again: ");
  if (!again) return again.error();
  if (*first != *again) return Error::invalid("the two passwords differ; nothing was changed");
  return first;
}

Result<auth::Role> staff_role(const std::string& name) {
  auto r = auth::parse_role(name);
  if (!r || *r == auth::Role::kAnonymous) return Error::invalid("--role '" + name + "': expected admin, editor or contributor");
  return *r;
}

int list_users(auth::Accounts& accounts, bool json) {
  auto users = accounts.users();
  if (!users) return fail(users.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : *users) {
      out.push_back({{"name", u.name}, {"role", std::string(auth::role_name(u.role))}, {"disabled", u.disabled},
                     {"created_at", u.created_at}, {"sessions", u.sessions}, {"tokens", u.tokens}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (users->empty()) std::cout << "No users. Add one with: arkiv user add NAME --role admin\n";
  for (const auto& u : *users) {
    std::cout << u.name << "  " << auth::role_name(u.role) << (u.disabled ? "  disabled" : "") << "  since " << u.created_at << "  "
              << u.sessions << " session(s), " << u.tokens << " token(s)\n";
  }
  return 0;
}

int run_user(const GlobalOptions& g, const UserArgs& a) {
  auto opened = auth::Accounts::open(g.data_dir);
  if (!opened) return fail(opened.error());
  auth::Accounts& accounts = **opened;
  auth::Actor actor = cli_actor();
  if (a.list->parsed()) return list_users(accounts, a.json);
  Status s;
  if (a.add->parsed() || a.password->parsed()) {
    Result<auth::Role> role = auth::Role::kContributor;
    if (a.add->parsed()) {
      role = staff_role(a.role);
      if (!role) return fail(role.error());
    }
    auto pw = read_password(a.name);
    if (!pw) return fail(pw.error());
    s = a.add->parsed() ? accounts.add_user(a.name, *role, *pw, actor) : accounts.set_password(a.name, *pw, actor);
    if (s) std::cout << (a.add->parsed() ? "Added " + a.name + " (" + a.role + ")" : "Changed the password of " + a.name + "; their sessions have ended") << "\n";
  } else if (a.disable->parsed() || a.enable->parsed()) {
    s = accounts.set_disabled(a.name, a.disable->parsed(), actor);
    if (s) std::cout << (a.disable->parsed() ? "Disabled " + a.name + "; their sessions and API tokens have ended" : "Enabled " + a.name) << "\n";
  } else if (a.set_role->parsed()) {
    auto role = staff_role(a.role);
    if (!role) return fail(role.error());
    s = accounts.set_role(a.name, *role, actor);
    if (s) std::cout << a.name << " is now " << a.role << "\n";
  } else if (a.token->parsed()) {
    auto scope = auth::parse_scope(a.scope);
    if (!scope) return fail(Error::invalid("--scope '" + a.scope + "': expected read or write"));
    auto token = accounts.create_token(a.name, *scope, a.label, actor);
    if (!token) return fail(token.error());
    // The token itself on stdout (for scripts); it cannot be shown again.
    std::cout << *token << "\n";
    std::cerr << "A " << a.scope << " token for " << a.name << ". Keep it: arkiv stores only its hash.\n";
  }
  return s ? 0 : fail(s.error());
}

}  // namespace

Action add_user_command(CLI::App& app, const GlobalOptions& g) {
  auto a = std::make_shared<UserArgs>();
  CLI::App* cmd = app.add_subcommand("user", "Manage staff accounts (admin, editor, contributor)");
  cmd->require_subcommand(1);
  a->add = cmd->add_subcommand("add", "Add a user; the password comes from the terminal (no echo) or stdin");
  a->add->add_option("name", a->name, "User name")->required();
  a->add->add_option("--role", a->role, "admin, editor or contributor")->required();
  a->list = cmd->add_subcommand("list", "List the users");
  a->list->add_flag("--json", a->json, "JSON output");
  a->disable = cmd->add_subcommand("disable", "Disable a user: ends their sessions and revokes their API tokens");
  a->disable->add_option("name", a->name, "User name")->required();
  a->enable = cmd->add_subcommand("enable", "Enable a disabled user again (their old tokens stay revoked)");
  a->enable->add_option("name", a->name, "User name")->required();
  a->set_role = cmd->add_subcommand("role", "Change a user's role");
  a->set_role->add_option("name", a->name, "User name")->required();
  a->set_role->add_option("role", a->role, "admin, editor or contributor")->required();
  a->password = cmd->add_subcommand("password", "Set a user's password (from the terminal or stdin); ends their sessions");
  a->password->add_option("name", a->name, "User name")->required();
  a->token = cmd->add_subcommand("token", "Create an API token for a user (printed once)");
  a->token->add_option("name", a->name, "User name")->required();
  a->token->add_option("--scope", a->scope, "read or write")->capture_default_str();
  a->token->add_option("--label", a->label, "What the token is for");
  return [&g, a] { return run_user(g, *a); };
}

Action add_audit_command(CLI::App& app, const GlobalOptions& g) {
  auto limit = std::make_shared<int>(50);
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("audit", "Show the audit log (logins, failed logins, account changes), newest first");
  cmd->add_option("--limit", *limit, "How many entries")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", *json, "JSON output");
  return [&g, limit, json] {
    auto accounts = auth::Accounts::open(g.data_dir);
    if (!accounts) return fail(accounts.error());
    auto entries = (*accounts)->audit(*limit);
    if (!entries) return fail(entries.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : *entries) {
      if (*json) {
        out.push_back({{"at", e.at}, {"actor", e.actor}, {"action", e.action}, {"subject", e.subject}, {"detail", e.detail}, {"remote", e.remote}});
      } else {
        std::cout << e.at << "  " << e.action << "  " << e.subject << (e.detail.empty() ? "" : "  (" + e.detail + ")") << "  by "
                  << (e.actor.empty() ? "anonymous" : e.actor) << (e.remote.empty() ? "" : " from " + e.remote) << "\n";
      }
    }
    if (*json) std::cout << out.dump(2) << "\n";
    return 0;
  };
}

}  // namespace arkiv::cli
