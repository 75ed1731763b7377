#include "index/internal/name_expansion.h"

#include <algorithm>
#include <utility>

#include "base/strings.h"
#include "text/fold.h"
#include "text/words.h"

namespace arkiv::index {

namespace {

// The code point at byte `i` of `s` and the one before it (-1 at the ends).
std::int32_t cp_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return -1;
  auto cps = text::code_points(s.substr(i, std::min<std::size_t>(4, s.size() - i)));
  return cps.empty() ? -1 : cps.front();
}

std::int32_t cp_before(std::string_view s, std::size_t i) {
  if (i == 0) return -1;
  std::size_t b = i - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  return cp_at(s, b);
}

bool is_word_at(std::string_view s, std::size_t i) {
  auto spans = text::word_spans(s.substr(i, std::min<std::size_t>(4, s.size() - i)));
  return !spans.empty() && spans.front().begin == 0;
}

bool is_word_before(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  std::size_t b = i - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  return is_word_at(s, b);
}

bool is_space(std::int32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }

// What may stand between the words of one name: spaces, hyphens, apostrophes, dots, middle dots.
bool joins_words(std::string_view between) {
  for (std::int32_t c : text::code_points(between)) {
    if (!(is_space(c) || c == '-' || c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x02BB || c == '.' || c == 0xB7 ||
          c == 0x30FB || c == ',')) {
      return false;
    }
  }
  return true;
}

}  // namespace

Xapian::Query phrase_as_indexed(std::string_view text, std::string_view prefix) {
  Xapian::TermGenerator tg;
  Xapian::Document scratch;
  tg.set_document(scratch);
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  tg.index_text(text::fold(text), 1, std::string(prefix));
  std::vector<std::pair<Xapian::termpos, std::string>> at;
  for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at.emplace_back(*p, *t);
  }
  std::sort(at.begin(), at.end());
  if (at.empty()) return {};
  if (at.size() == 1) return Xapian::Query(at.front().second);
  std::vector<Xapian::Query> terms;
  for (std::size_t i = 0; i < at.size(); ++i) terms.emplace_back(at[i].second, 1, static_cast<Xapian::termpos>(i + 1));
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
}

std::string placeholder_field(std::string_view text) {
  std::string lower = text::lower(text);
  std::string name = "arkivnames";
  for (int n = 0; lower.find(name) != std::string::npos; ++n) name = "arkivnames" + std::to_string(n);
  return name;
}

std::vector<std::string> forms_of(const model::NameVariants& variants, std::string_view value, const model::NameKind* kind) {
  std::vector<std::string> out;
  for (const model::NameGroup* g : variants.find(model::name_key(value))) {
    if (kind && g->kind != *kind) continue;
    for (const model::NameForm& f : g->forms) {
      if (out.size() >= model::NameVariants::kMaxForms) break;
      if (std::find(out.begin(), out.end(), f.text) == out.end()) out.push_back(f.text);
    }
  }
  return out;
}

void add_report(std::vector<NameExpansion>& used, NameExpansion e) {
  // Once per name: the query is parsed more than once (in each language, lower-cased...).
  const std::string key = model::name_key(e.matched);
  for (const NameExpansion& u : used) {
    if (model::name_key(u.matched) == key) return;
  }
  used.push_back(std::move(e));
}

NamePlan plan_name_expansion(std::string_view stripped, std::string_view original, const model::NameVariants& variants,
                             const std::string& placeholder) {
  NamePlan plan;
  plan.text = std::string(stripped);
  if (variants.empty() || stripped.empty()) return plan;
  std::vector<text::WordSpan> spans = text::word_spans(stripped);
  std::vector<text::WordSpan> typed = text::word_spans(original);
  const bool same_words = typed.size() == spans.size();
  std::vector<std::string> keys;
  for (const text::WordSpan& w : spans) keys.push_back(model::name_key(stripped.substr(w.begin, w.end - w.begin)));
  // Quotes before each byte: inside a phrase when odd.
  auto quotes_before = [&](std::size_t at) { return std::count(stripped.begin(), stripped.begin() + static_cast<long>(at), '"'); };

  struct Match {
    std::size_t begin, end;  // bytes of `stripped` replaced (quotes included for a phrase)
    std::size_t first, last;  // spans
    bool quoted;
    std::string key;
    std::vector<std::string> forms;
  };
  std::vector<Match> matches;
  std::size_t phrases = 0;
  const std::size_t look = std::max<std::size_t>(1, variants.max_words());
  for (std::size_t i = 0; i < spans.size() && matches.size() < kMaxNames;) {
    bool found = false;
    for (std::size_t n = std::min(look, spans.size() - i); n >= 1 && !found; --n) {
      std::size_t j = i + n - 1;
      std::string key = keys[i];
      bool joined = true;
      for (std::size_t k = i + 1; k <= j && joined; ++k) {
        joined = joins_words(stripped.substr(spans[k - 1].end, spans[k].begin - spans[k - 1].end));
        key += ' ' + keys[k];
      }
      if (!joined) continue;
      std::vector<std::string> forms = forms_of(variants, key, nullptr);
      if (forms.empty()) continue;
      std::size_t b = spans[i].begin, e = spans[j].end;
      // CJK runs have no spaces: a name inside one is a run of its own (the index's n-grams).
      bool cjk_left = spans[i].cjk && b > 0 && i > 0 && spans[i - 1].cjk && spans[i - 1].end == b;
      bool cjk_right = spans[j].cjk && j + 1 < spans.size() && spans[j + 1].cjk && spans[j + 1].begin == e;
      std::int32_t before = cp_before(stripped, b), after = cp_at(stripped, e);
      // Not part of a field query (person:..., handled by the field), a wildcard, or a word
      // joined by a hyphen or apostrophe ("Peking-Moscow" stays as it is).
      if (before == ':' || after == ':' || after == '*') continue;
      if (!cjk_left && is_word_before(stripped, b)) continue;
      if (!cjk_right && is_word_at(stripped, e)) continue;
      if ((before == '-' || before == '\'' || before == 0x2019) && is_word_before(stripped, b - 1)) continue;
      if ((after == '-' || after == '\'' || after == 0x2019) && e + 1 < stripped.size() && is_word_at(stripped, e + 1)) continue;
      bool quoted = quotes_before(b) % 2 == 1;
      if (quoted) {
        // Inside a phrase: only a phrase that is exactly the name.
        std::size_t open = stripped.rfind('"', b), close = stripped.find('"', e);
        if (open == std::string_view::npos || close == std::string_view::npos) continue;
        if (!trim(stripped.substr(open + 1, b - open - 1)).empty() || !trim(stripped.substr(e, close - e)).empty()) continue;
        // A field's value (person:"Kim Il Sung") is the field's to expand, within its kind.
        if (cp_before(stripped, open) == ':') continue;
        b = open;
        e = close + 1;
        if (cp_at(stripped, e) == '*' || cp_at(stripped, e) == ':') continue;
      }
      if (phrases + forms.size() > kMaxPhrases) continue;
      phrases += forms.size();
      matches.push_back({b, e, i, j, quoted, key, std::move(forms)});
      i = j + 1;
      found = true;
    }
    if (!found) ++i;
  }
  if (matches.empty()) return plan;
  std::string out;
  std::size_t at = 0;
  for (std::size_t m = 0; m < matches.size(); ++m) {
    const Match& match = matches[m];
    std::vector<Xapian::Query> phrases_of, others;
    for (const std::string& f : match.forms) {
      Xapian::Query p = phrase_as_indexed(f);
      if (p.empty()) continue;
      if (model::name_key(f) != match.key) others.push_back(p);
      phrases_of.push_back(std::move(p));
    }
    plan.queries.emplace_back(Xapian::Query::OP_OR, phrases_of.begin(), phrases_of.end());
    plan.other_forms.emplace_back(Xapian::Query::OP_OR, others.begin(), others.end());
    plan.runs.push_back(match.quoted ? std::string() : std::string(stripped.substr(match.begin, match.end - match.begin)));
    out.append(stripped.substr(at, match.begin - at));
    // Spaces keep the placeholder a word of its own (after a CJK character, say), except after
    // a + or - the reader put before the name.
    std::int32_t before = cp_before(stripped, match.begin);
    if (match.begin > 0 && before != '+' && before != '-' && before != '(' && !is_space(before)) out += ' ';
    out += placeholder + ":" + std::to_string(m) + " ";
    at = match.end;
    // The report: the run as typed, and the group's other spellings.
    std::string matched = same_words ? std::string(original.substr(typed[match.first].begin, typed[match.last].end - typed[match.first].begin))
                                     : std::string(stripped.substr(spans[match.first].begin, spans[match.last].end - spans[match.first].begin));
    NameExpansion report{matched, {}};
    const std::string folded = text::fold(matched);
    for (const std::string& f : match.forms) {
      if (text::fold(f) != folded) report.forms.push_back(f);
    }
    add_report(plan.used, std::move(report));
  }
  out.append(stripped.substr(at));
  plan.text = std::move(out);
  return plan;
}

}  // namespace arkiv::index
