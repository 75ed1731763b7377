// `arkiv review languages`: the records whose versions' languages a reviewer should check —
// a version whose text reads as another language than the one it carries or declares, a
// language arkiv could not read. Read-only; the check is model::check_languages.
// `arkiv review dates`: the records whose date arkiv could not read, kept verbatim with unknown
// bounds (docs/dates.md).
#include <iostream>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "cli/commands.h"
#include "model/language_check.h"

namespace arkiv::cli {

namespace {

struct ReviewArgs {
  bool json = false;
};

int run_review_languages(const GlobalOptions& g, const ReviewArgs& args) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  nlohmann::json listed = nlohmann::json::array();
  std::size_t records = 0, findings = 0;
  Status s = (*a)->for_each_document([&](const model::Document& d) {
    std::vector<model::LanguageFinding> found = model::check_languages(d);
    for (const model::UnreadField& u : d.unread) {
      if (u.field == "original_languages") found.push_back({d.contents.size(), u.text, "", false});
    }
    if (found.empty()) return true;
    ++records;
    for (const model::LanguageFinding& f : found) {
      ++findings;
      bool whole = f.content >= d.contents.size();  // the record's original language
      std::string where = whole ? "original_languages" : "contents[" + std::to_string(f.content) + "]";
      std::string kind = whole ? "" : d.contents[f.content].kind;
      if (args.json) {
        listed.push_back({{"id", d.id}, {"title", d.title}, {"where", where}, {"kind", kind}, {"declared", f.declared},
                          {"detected", f.detected}, {"relabelled", f.relabelled}});
      } else {
        std::cout << d.id << "\t" << where << (kind.empty() ? "" : " (" + kind + ")") << "\tdeclared: " << f.declared
                  << "\treads as: " << (f.detected.empty() ? "?" : f.detected)
                  << (f.relabelled ? "\t(carries the detected language)" : "") << "\t" << d.title << "\n";
      }
    }
    return true;
  });
  if (!s) return fail(s.error());
  if (args.json) {
    std::cout << nlohmann::json{{"records", records}, {"findings", listed}}.dump(2) << "\n";
  } else {
    std::cerr << records << " records, " << findings << " findings\n";
  }
  return 0;
}

int run_review_dates(const GlobalOptions& g, const ReviewArgs& args) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  auto rows = (*a)->dates_to_review();
  if (!rows) return fail(rows.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *rows) out.push_back({{"id", r.id}, {"title", r.title}, {"display", r.display}, {"problem", r.problem}});
    std::cout << nlohmann::json{{"dates_to_review", out}, {"count", rows->size()}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  for (const auto& r : *rows) std::cout << r.id << "\t" << r.display << "\t" << r.problem << "\n";
  std::cout << rows->size() << (rows->size() == 1 ? " date" : " dates") << " to review\n";
  return 0;
}

int run_review_names(const GlobalOptions& g, const ReviewArgs& args) {
  auto a = archive::Archive::open(g.data_dir, archive::Archive::Mode::kRead);
  if (!a) return fail(a.error());
  auto rows = (*a)->names_to_review();
  if (!rows) return fail(rows.error());
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *rows) {
      nlohmann::json candidates = nlohmann::json::array();
      for (const auto& c : r.candidates) candidates.push_back({{"id", c.id}, {"name", c.name}});
      out.push_back({{"id", r.document_id}, {"field", r.field}, {"form", r.form}, {"candidates", candidates}});
    }
    std::cout << nlohmann::json{{"names_to_review", out}, {"count", rows->size()}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  for (const auto& r : *rows) {
    std::cout << r.document_id << "\t" << r.field << "\t" << r.form << "\tcandidates:";
    for (const auto& c : r.candidates) std::cout << " " << c.id << " (" << c.name << ")";
    std::cout << "\n";
  }
  std::cout << rows->size() << (rows->size() == 1 ? " name" : " names") << " to review\n";
  return 0;
}

}  // namespace

Action add_review_command(CLI::App& app, const GlobalOptions& g) {
  auto args = std::make_shared<ReviewArgs>();
  CLI::App* cmd = app.add_subcommand("review", "Reports of records a reviewer should check");
  cmd->require_subcommand(1);
  CLI::App* languages = cmd->add_subcommand("languages", "Versions whose text reads as another language than declared");
  languages->add_flag("--json", args->json, "Machine-readable output");
  CLI::App* dates = cmd->add_subcommand("dates", "Records whose date arkiv could not read (kept as written)");
  dates->add_flag("--json", args->json, "Machine-readable output");
  CLI::App* names = cmd->add_subcommand("names", "Names that matched several authority records, linked to none (with the candidates)");
  names->add_flag("--json", args->json, "Machine-readable output");
  return [&g, args, dates, names] {
    if (names->parsed()) return run_review_names(g, *args);
    return dates->parsed() ? run_review_dates(g, *args) : run_review_languages(g, *args);
  };
}

}  // namespace arkiv::cli
