#include "model/name_variants.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <tuple>
#include <utility>

#include "base/digest.h"
#include "base/strings.h"
#include "text/fold.h"
#include "text/words.h"

namespace arkiv::model {

namespace {

constexpr std::size_t kMaxLineBytes = 2000;
constexpr std::size_t kMaxTableBytes = 16u << 20;

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// BCP 47 language[-script][-region], as variant tables use them: "ko", "ko-Hang", "zh-Hans",
// "sr-Latn", "en-GB", "es-419". Case is not checked (tags are case-insensitive).
bool valid_script_tag(std::string_view tag) {
  std::vector<std::string> parts = split(tag, '-');
  if (parts.empty() || parts.size() > 3) return false;
  auto all = [](const std::string& s, bool (*f)(char)) {
    for (char c : s) {
      if (!f(c)) return false;
    }
    return true;
  };
  if (parts[0].size() < 2 || parts[0].size() > 3 || !all(parts[0], ascii_alpha)) return false;
  std::size_t i = 1;
  if (i < parts.size() && parts[i].size() == 4 && all(parts[i], ascii_alpha)) ++i;
  if (i < parts.size() && ((parts[i].size() == 2 && all(parts[i], ascii_alpha)) || (parts[i].size() == 3 && all(parts[i], ascii_digit)))) ++i;
  return i == parts.size();
}

bool valid_scheme(std::string_view s) {
  if (s.empty() || s.size() > 40 || s.front() == '-' || s.back() == '-') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || ascii_digit(c) || c == '-')) return false;
  }
  return true;
}

// A name must have a letter or digit and no control characters.
bool valid_name(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
  }
  return !text::word_spans(s).empty();
}

}  // namespace

std::optional<NameKind> parse_name_kind(std::string_view s) {
  if (s == "person") return NameKind::kPerson;
  if (s == "organization") return NameKind::kOrganization;
  if (s == "place") return NameKind::kPlace;
  if (s == "subject") return NameKind::kSubject;
  return std::nullopt;
}

std::string_view name_kind_name(NameKind k) {
  switch (k) {
    case NameKind::kPerson: return "person";
    case NameKind::kOrganization: return "organization";
    case NameKind::kPlace: return "place";
    case NameKind::kSubject: return "subject";
  }
  return "";
}

std::string name_key(std::string_view name) {
  std::string folded = text::fold(name);
  std::string key;
  for (const text::WordSpan& w : text::word_spans(folded)) {
    std::string_view word(folded.data() + w.begin, w.end - w.begin);
    // Modifier letters that stand for apostrophes in romanisations (Pʼyŏngyang, ʻ) break words.
    std::string part;
    for (std::size_t i = 0; i < word.size();) {
      std::string_view rest = word.substr(i);
      if (rest.starts_with("\xCA\xBC") || rest.starts_with("\xCA\xBB") || rest.starts_with("\xCA\xB9")) {
        if (!part.empty()) key += (key.empty() ? "" : " ") + part;
        part.clear();
        i += 2;
        continue;
      }
      part += word[i++];
    }
    if (!part.empty()) key += (key.empty() ? "" : " ") + part;
  }
  return key;
}

NameVariants::NameVariants(std::vector<NameGroup> groups) : groups_(std::move(groups)) {
  std::string all;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    all += name_kind_name(groups_[g].kind);
    all += '\x1e';
    for (const NameForm& f : groups_[g].forms) {
      std::string key = name_key(f.text);
      all += f.text + '\x1f' + f.script + '\x1f' + f.scheme + '\x1e';
      if (key.empty()) continue;
      max_words_ = std::max(max_words_, split(key, ' ').size());
      bool seen = false;
      auto [b, e] = by_key_.equal_range(key);
      for (auto it = b; it != e; ++it) seen = seen || it->second == g;
      if (!seen) by_key_.emplace(key, g);
    }
    all += '\x1d';
  }
  digest_ = sha256_hex(all).substr(0, 16);
}

std::vector<const NameGroup*> NameVariants::find(std::string_view key) const {
  std::vector<std::size_t> idx;
  auto [b, e] = by_key_.equal_range(std::string(key));
  for (auto it = b; it != e; ++it) idx.push_back(it->second);
  std::sort(idx.begin(), idx.end());
  std::vector<const NameGroup*> out;
  for (std::size_t i : idx) out.push_back(&groups_[i]);
  return out;
}

Result<NameVariants> parse_name_variants(std::string_view tsv, std::string_view source) {
  const std::string where(source);
  if (std::size_t bad = 0; !is_valid_utf8(tsv, &bad)) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += tsv[i] == '\n';
    return Error::invalid(where + " line " + std::to_string(line) + ": not valid UTF-8: expected a UTF-8 text file");
  }
  if (tsv.size() > kMaxTableBytes) return Error::too_large(where + ": over 16 MiB: expected a smaller variant table");
  std::vector<NameGroup> groups;
  std::map<std::pair<NameKind, std::string>, std::size_t> group_of;     // kind + preferred -> group
  std::map<std::tuple<std::size_t, std::string>, std::size_t> line_of;  // group + variant -> line
  std::size_t line_no = 0;
  std::size_t at = 0;
  while (at <= tsv.size()) {
    std::size_t nl = tsv.find('\n', at);
    std::string_view line = tsv.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? tsv.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a byte-order mark
    if (trim(line).empty() || trim(line).front() == '#') continue;
    auto bad = [&](const std::string& what) { return Error::invalid(where + " line " + std::to_string(line_no) + ": " + what); };
    if (line.size() > kMaxLineBytes) return bad("over " + std::to_string(kMaxLineBytes) + " bytes: expected one variant per line");
    std::vector<std::string> cols = split(line, '\t');
    if (cols.size() != 4 && cols.size() != 5) {
      return bad(std::to_string(cols.size()) + " column" + (cols.size() == 1 ? "" : "s") +
                 ": expected 4 or 5 tab-separated columns: kind, preferred, variant, script[, scheme]");
    }
    for (std::string& c : cols) c = std::string(trim(c));
    auto kind = parse_name_kind(cols[0]);
    if (!kind) return bad("kind '" + cols[0] + "': expected person, organization, place or subject");
    if (cols[1].empty()) return bad("empty preferred name: expected the name of the group in column 2");
    if (!valid_name(cols[1])) return bad("preferred name '" + cols[1] + "': expected letters or digits, and no control characters");
    if (cols[2].empty()) return bad("empty variant: expected a form of '" + cols[1] + "' in column 3");
    if (!valid_name(cols[2])) return bad("variant '" + cols[2] + "': expected letters or digits, and no control characters");
    if (!valid_script_tag(cols[3])) {
      return bad("script '" + cols[3] + "': expected a BCP 47 tag such as en, sq, ko-Hang, zh-Hans, ru-Cyrl");
    }
    std::string scheme = cols.size() == 5 ? cols[4] : "";
    if (!scheme.empty() && !valid_scheme(scheme)) {
      return bad("scheme '" + scheme + "': expected a lower-case name such as pinyin, wade-giles, mccune-reischauer, or nothing");
    }
    auto [it, is_new] = group_of.try_emplace({*kind, cols[1]}, groups.size());
    if (is_new) groups.push_back(NameGroup{*kind, cols[1], {NameForm{cols[1], "", ""}}});
    NameGroup& g = groups[it->second];
    if (auto [seen, first] = line_of.try_emplace({it->second, cols[2]}, line_no); !first) {
      return bad("variant '" + cols[2] + "' of " + std::string(name_kind_name(*kind)) + " '" + cols[1] + "' is already on line " +
                 std::to_string(seen->second) + ": expected each variant once");
    }
    if (cols[2] == cols[1]) {
      g.forms.front().script = cols[3];  // the preferred name's own line
      g.forms.front().scheme = scheme;
      continue;
    }
    if (g.forms.size() >= NameVariants::kMaxForms) {
      return bad(std::string(name_kind_name(*kind)) + " '" + cols[1] + "' has more than " + std::to_string(NameVariants::kMaxForms) +
                 " forms: expected at most " + std::to_string(NameVariants::kMaxForms));
    }
    g.forms.push_back(NameForm{cols[2], cols[3], scheme});
  }
  return NameVariants(std::move(groups));
}

Result<NameVariants> load_name_variants(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found("cannot read the name variant table '" + path + "'");
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxTableBytes) return Error::too_large(path + ": over 16 MiB: expected a smaller variant table");
  }
  if (in.bad()) return Error::io("cannot read the name variant table '" + path + "'");
  return parse_name_variants(text, path);
}

std::shared_ptr<const NameVariants> shipped_name_variants() {
  // model_test checks that the embedded table parses; were it ever broken, no expansion.
  static const std::shared_ptr<const NameVariants> table = [] {
    auto parsed = parse_name_variants(shipped_name_variants_text(), "data/name-variants.tsv");
    return std::make_shared<const NameVariants>(parsed ? std::move(parsed).value() : NameVariants());
  }();
  return table;
}

}  // namespace arkiv::model
