// Which files a folder import leaves out: gitignore syntax, read from `.arkivignore` files at
// any level of the folder, after arkiv's defaults (README*, LICENSE*/LICENCE*, dotfiles, which
// a `!README.md` line can take back). Supported: `#` comments, blank lines, `\` escapes,
// `!` negation, a trailing `/` (directories only), anchored patterns (a `/` at the start or in
// the middle: relative to the .arkivignore's folder), `*`, `?`, `[a-z]`/`[!a-z]` classes, and
// `**` as a leading `**/`, a trailing `/**` or a middle `/**/`. The last matching rule wins.
// A value type; const use is thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv::archive {

struct IgnoreRule {
  std::string pattern;  // the line as written (trailing blanks removed), for messages
  std::string origin;   // "default" or "<folder>/.arkivignore line N"
  std::string base;     // folder of the .arkivignore, relative to the import root ("" = root)
  bool negate = false;
  bool dir_only = false;
  bool anchored = false;
  bool fold_case = false;  // the defaults match README.md and readme.txt alike
  std::string glob;        // the pattern without `!`, leading `/` and trailing `/`
};

class IgnoreRules {
 public:
  // Only the defaults.
  static IgnoreRules with_defaults();

  // Adds the rules of one .arkivignore. `base` is its folder relative to the import root
  // ("" for the root itself, else "a/b"); `origin` names the file in messages.
  void add(std::string_view text, const std::string& base, const std::string& origin);
  // Drops the rules added after the first `count` (leaving a folder during a walk).
  void truncate(std::size_t count) { rules_.resize(count); }
  std::size_t size() const { return rules_.size(); }

  // The rule that decides about `path` ('/'-separated, relative to the import root), or
  // nullptr when none matches. The path is ignored when a rule is returned that is not negated.
  const IgnoreRule* decide(std::string_view path, bool is_dir) const;
  bool ignored(std::string_view path, bool is_dir) const {
    const IgnoreRule* r = decide(path, is_dir);
    return r && !r->negate;
  }

 private:
  std::vector<IgnoreRule> rules_;
};

// gitignore-style glob match of a whole `text` (see above); `*` and `?` never match '/'.
bool glob_match(std::string_view glob, std::string_view text, bool fold_case = false);

}  // namespace arkiv::archive
