#include "archive/ignore_rules.h"

#include <vector>

namespace arkiv::archive {

namespace {

enum class Kind { kLiteral, kOneChar, kClass, kStar, kAnyPath, kAnyDirs };

struct Token {
  Kind kind;
  char c = 0;                               // kLiteral
  std::vector<std::pair<char, char>> ranges;  // kClass
  bool negated = false;                     // kClass
};

char fold(char c, bool on) { return on && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<Token> tokenize(std::string_view g) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < g.size(); ++i) {
    char c = g[i];
    if (c == '\\' && i + 1 < g.size()) {
      out.push_back({Kind::kLiteral, g[++i]});
    } else if (c == '*' && i + 1 < g.size() && g[i + 1] == '*') {
      bool segment_start = i == 0 || g[i - 1] == '/';
      std::size_t after = i + 2;
      while (after < g.size() && g[after] == '*') ++after;  // "***" is "**"
      if (segment_start && after < g.size() && g[after] == '/') {
        out.push_back({Kind::kAnyDirs});  // "**/": no folder or any folders
        i = after;
      } else if (segment_start && after == g.size()) {
        out.push_back({Kind::kAnyPath});  // trailing "/**": everything inside
        i = after - 1;
      } else {
        out.push_back({Kind::kStar});  // "a**b" is "a*b", as in git
        i = after - 1;
      }
    } else if (c == '*') {
      out.push_back({Kind::kStar});
    } else if (c == '?') {
      out.push_back({Kind::kOneChar});
    } else if (c == '[') {
      Token t{Kind::kClass};
      std::size_t j = i + 1;
      if (j < g.size() && (g[j] == '!' || g[j] == '^')) {
        t.negated = true;
        ++j;
      }
      bool first = true, closed = false;
      for (; j < g.size(); ++j) {
        char a = g[j];
        if (a == ']' && !first) {
          closed = true;
          break;
        }
        first = false;
        if (a == '\\' && j + 1 < g.size()) a = g[++j];
        char b = a;
        if (j + 2 < g.size() && g[j + 1] == '-' && g[j + 2] != ']') {
          b = g[j + 2];
          j += 2;
        }
        t.ranges.emplace_back(a, b);
      }
      if (closed) {
        out.push_back(std::move(t));
        i = j;
      } else {
        out.push_back({Kind::kLiteral, '['});  // no closing ']': a plain '['
      }
    } else {
      out.push_back({Kind::kLiteral, c});
    }
  }
  return out;
}

bool class_has(const Token& t, char c, bool fold_case) {
  bool in = false;
  for (auto [a, b] : t.ranges) {
    if ((c >= a && c <= b) || (fold_case && fold(c, true) >= fold(a, true) && fold(c, true) <= fold(b, true))) in = true;
  }
  return in != t.negated;
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view text, bool fold_case) {
  // Bottom-up over (token, position): next[j] says whether tokens i+1.. match text[j..].
  // Linear in |glob| x |text|, whatever the pattern (no backtracking blow-up).
  std::vector<Token> tokens = tokenize(glob);
  const std::size_t n = text.size();
  std::vector<char> next(n + 1, 0), cur(n + 1, 0);
  next[n] = 1;  // no tokens match only the empty rest
  for (std::size_t i = tokens.size(); i-- > 0;) {
    const Token& t = tokens[i];
    bool slash_then_match = false;  // kAnyDirs: some k >= j with text[k] == '/' and next[k + 1]
    for (std::size_t j = n + 1; j-- > 0;) {
      bool ok = false;
      bool has = j < n;
      char c = has ? text[j] : 0;
      switch (t.kind) {
        case Kind::kLiteral: ok = has && fold(c, fold_case) == fold(t.c, fold_case) && next[j + 1]; break;
        case Kind::kOneChar: ok = has && c != '/' && next[j + 1]; break;
        case Kind::kClass: ok = has && c != '/' && class_has(t, c, fold_case) && next[j + 1]; break;
        case Kind::kStar: ok = next[j] || (has && c != '/' && cur[j + 1]); break;
        case Kind::kAnyPath: ok = next[j] || (has && cur[j + 1]); break;
        case Kind::kAnyDirs:
          if (has && c == '/' && next[j + 1]) slash_then_match = true;
          ok = next[j] || slash_then_match;
          break;
      }
      cur[j] = ok;
    }
    std::swap(cur, next);
  }
  return next[0];
}

IgnoreRules IgnoreRules::with_defaults() {
  IgnoreRules r;
  for (const char* p : {"README*", "LICENSE*", "LICENCE*", ".*"}) {
    IgnoreRule rule;
    rule.pattern = p;
    rule.origin = "default";
    rule.glob = p;
    rule.fold_case = true;
    r.rules_.push_back(std::move(rule));
  }
  return r;
}

void IgnoreRules::add(std::string_view text, const std::string& base, const std::string& origin) {
  std::size_t line_no = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trailing blanks go unless escaped with a backslash.
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    IgnoreRule rule;
    rule.pattern = std::string(line);
    rule.origin = origin + " line " + std::to_string(line_no);
    rule.base = base;
    std::string_view g = line;
    if (g.front() == '!') {
      rule.negate = true;
      g.remove_prefix(1);
    }
    if (g.size() > 1 && g.back() == '/' && !(g.size() >= 2 && g[g.size() - 2] == '\\')) {
      rule.dir_only = true;
      g.remove_suffix(1);
    }
    if (!g.empty() && g.front() == '/') {
      rule.anchored = true;
      g.remove_prefix(1);
    } else if (g.find('/') != std::string_view::npos) {
      rule.anchored = true;
    }
    if (g.empty()) continue;
    rule.glob = std::string(g);
    rules_.push_back(std::move(rule));
  }
}

const IgnoreRule* IgnoreRules::decide(std::string_view path, bool is_dir) const {
  for (std::size_t i = rules_.size(); i-- > 0;) {
    const IgnoreRule& r = rules_[i];
    if (r.dir_only && !is_dir) continue;
    std::string_view rel = path;
    if (!r.base.empty()) {
      if (rel.size() <= r.base.size() || !rel.starts_with(r.base) || rel[r.base.size()] != '/') continue;
      rel.remove_prefix(r.base.size() + 1);
    }
    if (!r.anchored) {
      std::size_t slash = rel.rfind('/');
      if (slash != std::string_view::npos) rel.remove_prefix(slash + 1);
    }
    if (glob_match(r.glob, rel, r.fold_case)) return &r;
  }
  return nullptr;
}

}  // namespace arkiv::archive
