// Stage "collect" of the import: paths -> files, honouring .arkivignore and the defaults.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "archive/ignore_rules.h"
#include "archive/internal/import_stages.h"

namespace arkiv::archive::internal {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxIgnoreFileBytes = 1 << 20;

struct Walk {
  IgnoreRules rules = IgnoreRules::with_defaults();
  CollectedInputs& out;
};

std::string join(const std::string& prefix, const std::string& name) { return prefix.empty() ? name : prefix + "/" + name; }

// Reads `dir`/.arkivignore into the rules (a problem with it is an error of the import).
void read_ignore_file(const fs::path& dir, const std::string& relative, Walk& walk) {
  fs::path file = dir / ".arkivignore";
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return;
  std::string shown = file.string();
  auto size = fs::file_size(file, ec);
  if (ec || size > kMaxIgnoreFileBytes) {
    walk.out.inputs.push_back({shown, join(relative, ".arkivignore"), 0,
                               ec ? Error::io(shown + ": " + ec.message())
                                  : Error::too_large(shown + ": " + std::to_string(size) + " bytes, over the limit of 1 MiB for an ignore file")});
    return;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    walk.out.inputs.push_back({shown, join(relative, ".arkivignore"), 0, Error::io(shown + ": cannot read")});
    return;
  }
  walk.rules.add(text.str(), relative, relative.empty() ? ".arkivignore" : relative + "/.arkivignore");
}

void walk_folder(const fs::path& dir, const std::string& relative, Walk& walk) {
  const std::size_t rules_before = walk.rules.size();
  read_ignore_file(dir, relative, walk);
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    walk.out.inputs.push_back({dir.string(), relative, 0, Error::io(dir.string() + ": cannot list the folder: " + ec.message())});
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& e : entries) {
    std::string name = e.path().filename().string();
    std::string rel = join(relative, name);
    std::error_code sec;
    bool link = e.is_symlink(sec);
    bool is_dir = e.is_directory(sec);
    if (const IgnoreRule* rule = walk.rules.decide(rel, is_dir); rule && !rule->negate) {
      walk.out.skipped.push_back({e.path().string(), rule->origin + ": " + rule->pattern});
      continue;
    }
    if (is_dir && link) {
      walk.out.skipped.push_back({e.path().string(), "a symbolic link to a folder (not followed)"});
    } else if (is_dir) {
      walk_folder(e.path(), rel, walk);
    } else if (e.is_regular_file(sec)) {
      walk.out.inputs.push_back({e.path().string(), rel, static_cast<std::uint64_t>(e.file_size(sec)), std::nullopt});
    } else {
      walk.out.skipped.push_back({e.path().string(), "not a regular file"});
    }
  }
  walk.rules.truncate(rules_before);
}

}  // namespace

CollectedInputs collect_inputs(const std::vector<std::string>& paths) {
  CollectedInputs out;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    std::string name = fs::path(p).filename().string();
    if (ec || !fs::exists(st)) {
      out.inputs.push_back({p, name, 0, Error::not_found(p + ": no such file or directory")});
    } else if (fs::is_regular_file(st)) {
      out.inputs.push_back({p, name, static_cast<std::uint64_t>(fs::file_size(p, ec)), std::nullopt});
    } else if (fs::is_directory(st)) {
      Walk walk{IgnoreRules::with_defaults(), out};
      walk_folder(p, "", walk);
    } else {
      out.inputs.push_back({p, name, 0, Error::unsupported(p + ": not a regular file or directory")});
    }
  }
  return out;
}

}  // namespace arkiv::archive::internal
