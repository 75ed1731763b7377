#include "index/internal/query_builder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <vector>

#include "base/strings.h"
#include "index/internal/date_terms.h"
#include "index/internal/name_expansion.h"
#include "index/internal/query_languages.h"
#include "index/internal/stemmers.h"
#include "index/internal/title_boost.h"
#include "index/internal/term_scheme.h"
#include "model/fields.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/transliterate.h"
#include "text/words.h"

namespace arkiv::index {

namespace sc = scheme;

namespace {

// Xapian 1.4.22's QueryParser (Debian 12) with FLAG_CJK_NGRAM refuses a CJK word that stands
// after a word and a space when another word follows ("kim 平壤a", "x 김일성 a": "parse error"),
// and with FLAG_BOOLEAN and a missing operand ("OR R 셠a") leaks the pending token (96 bytes a
// query; found by the query fuzzer). Cause: after "word " the lexer is in group mode (a
// multi-word synonym), which a CJK word does not leave; fixed upstream in 1.4.25 (commit
// 21ef3106f, "do not try to parse unbroken words as group terms"). A ',' in front of such a CJK
// word ends group mode and is otherwise ignored (phrases included), so the query means what it
// did. Field values (person:김일성) are left alone: a field processor would get the ','.
bool is_xapian_cjk(unsigned p) {  // Xapian's CJK::codepoint_is_cjk (1.4)
  if (p < 0x2E80) return false;
  return p <= 0x2EFF || (p >= 0x3000 && p <= 0x9FFF) || (p >= 0xA700 && p <= 0xA71F) || (p >= 0xAC00 && p <= 0xD7AF) ||
         (p >= 0xF900 && p <= 0xFAFF) || (p >= 0xFE30 && p <= 0xFE4F) || (p >= 0xFF00 && p <= 0xFFEF) ||
         (p >= 0x20000 && p <= 0x2A6DF) || (p >= 0x2F800 && p <= 0x2FA1F);
}

std::string break_cjk_groups(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool after_space = false, seen_word = false;
  for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
    unsigned c = *it;
    if (after_space && seen_word && is_xapian_cjk(c) && Xapian::Unicode::is_wordchar(c)) out += ',';
    if (Xapian::Unicode::is_wordchar(c)) seen_word = true;
    after_space = Xapian::Unicode::is_whitespace(c);
    Xapian::Unicode::append_utf8(out, c);
  }
  return out;
}

// `field:value` for a name field: the exact value, or all of its words. With name variants, a
// value that is a form of a group of the field's kind (person:, place:, organization:,
// subject:) stands for every form of the group.
class NameFieldProcessor : public Xapian::FieldProcessor {
 public:
  NameFieldProcessor(const model::Field& f, const model::NameVariants* variants, std::vector<NameExpansion>* used)
      : field_(f), kind_(model::parse_name_kind(f.name)), variants_(variants), used_(used) {}
  Xapian::Query operator()(const std::string& str) override {
    Xapian::Query own = value_query(str);
    if (!variants_ || !kind_) return own;
    std::vector<std::string> forms = forms_of(*variants_, str, &*kind_);
    if (forms.empty()) return own;
    std::vector<Xapian::Query> any{own};
    NameExpansion report{std::string(trim(str)), {}};
    const std::string folded = text::fold(report.matched);
    for (const std::string& f : forms) {
      if (text::fold(f) == folded) continue;
      any.push_back(value_query(f));
      report.forms.push_back(f);
    }
    if (used_) add_report(*used_, std::move(report));
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
  }

 private:
  Xapian::Query value_query(const std::string& str) const {
    std::string folded = text::fold(collapse_spaces(str));
    Xapian::Query exact(sc::exact_term(field_, str));
    std::vector<Xapian::Query> words;
    for (const std::string& w : split(folded, ' ')) {
      if (!w.empty()) words.emplace_back(sc::term(field_.word_prefix, w));
    }
    if (words.empty()) return exact;
    return Xapian::Query(Xapian::Query::OP_OR, exact, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
  }

  const model::Field& field_;
  std::optional<model::NameKind> kind_;
  const model::NameVariants* variants_;
  std::vector<NameExpansion>* used_;
};

// `<placeholder>:N`: the Nth name expansion of the query (internal/name_expansion.h).
class ExpansionProcessor : public Xapian::FieldProcessor {
 public:
  explicit ExpansionProcessor(std::vector<Xapian::Query> queries) : queries_(std::move(queries)) {}
  Xapian::Query operator()(const std::string& str) override {
    std::size_t n = 0;
    for (char c : str) {
      if (c < '0' || c > '9' || n > queries_.size()) return Xapian::Query::MatchNothing;
      n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return !str.empty() && n < queries_.size() ? queries_[n] : Xapian::Query::MatchNothing;
  }

 private:
  std::vector<Xapian::Query> queries_;
};

// `field:value` for other fields with exact terms (language, year, type...).
class ExactFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit ExactFieldProcessor(const model::Field& f) : field_(f) {}
  Xapian::Query operator()(const std::string& str) override { return Xapian::Query(sc::exact_term(field_, str)); }

 private:
  const model::Field& field_;
};

// The language a query is probably in when no filter says: Cyrillic and Greek script tell;
// anything else is read as English.
std::string query_language(const SearchQuery& q) {
  std::string language = text::script_language(q.text);
  if (language.empty()) language = "en";
  for (const auto& [field, value] : q.filters) {
    if (field == "language") {
      if (auto code = text::normalize_language(value)) language = *code;
    }
  }
  return language;
}

// Stage: a query parser that knows every field query of the registry.
void add_field_prefixes(Xapian::QueryParser& qp, const model::NameVariants* variants, std::vector<NameExpansion>* used) {
  for (const model::Field& f : model::fields()) {
    if (!f.is(model::kFieldQuery)) continue;
    std::vector<std::string> names{std::string(f.name)};
    if (!f.alias.empty()) names.emplace_back(f.alias);
    for (const std::string& name : names) {
      if (f.exact_prefix.empty()) {
        qp.add_prefix(name, std::string(f.word_prefix));  // free text (title:)
      } else if (f.kind == model::ValueKind::kName) {
        qp.add_boolean_prefix(name, (new NameFieldProcessor(f, variants, used))->release());
      } else {
        qp.add_boolean_prefix(name, (new ExactFieldProcessor(f))->release());
      }
    }
  }
}

// Stage: the words and stems of the parsed query, for the highlighter: plain words, stems, and
// the words of field queries (title:, subject:, person:...), so that a hit that matched only
// in such a field can show the field with its words marked.
void collect_words(const Xapian::Query& query, BuiltQuery& out) {
  static const std::vector<std::string> word_prefixes = [] {
    std::vector<std::string> p;
    for (const model::Field& f : model::fields()) {
      if (f.is(model::kFieldQuery) && !f.word_prefix.empty()) p.emplace_back(f.word_prefix);
    }
    // Longest first, so "XSUW" is tried before a shorter prefix it starts with.
    std::sort(p.begin(), p.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return p;
  }();
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.empty()) continue;
    if (term[0] == 'Z') {
      out.stems.insert(term.substr(1));
      continue;
    }
    if (!std::isupper(static_cast<unsigned char>(term[0]))) {
      out.words.insert(term);
      continue;
    }
    // A field's word: its prefix, then a folded (never upper-case) word.
    for (const std::string& prefix : word_prefixes) {
      if (term.size() > prefix.size() && term.compare(0, prefix.size(), prefix) == 0 &&
          !std::isupper(static_cast<unsigned char>(term[prefix.size()]))) {
        // A name's word may hold hyphens ("albania-korea"); the highlighter marks its parts.
        for (const std::string& part : split(term.substr(prefix.size()), '-')) {
          if (!part.empty()) out.words.insert(part);
        }
        break;
      }
    }
  }
}

// Stage: exact forms first. A query word with diacritics prefers records that have that very
// form; an unaccented word prefers records that have no accented variant of it.
Xapian::Query prefer_exact_forms(Xapian::Query query, const std::string& text) {
  std::vector<Xapian::Query> boosts;
  text::for_each_non_ascii_word(text, [&](std::string_view w) {
    std::string lower = text::lower(w);
    if (lower != text::fold(w)) boosts.emplace_back(sc::kExact + lower);
  });
  for (const std::string& w : split(text::lower(text), ' ')) {
    if (w.empty() || w.find(':') != std::string::npos || text::fold(w) != w) continue;
    if (!std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c); })) continue;
    boosts.emplace_back(Xapian::Query::OP_AND_NOT, Xapian::Query(w), Xapian::Query(sc::kHasAccented + w));
  }
  if (boosts.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()), 0.5));
}

// The days a year ("1966") or decade ("1960s") filter value spans.
Result<std::pair<std::string, std::string>> facet_date_range(const std::string& field, const std::string& value) {
  std::string v(trim(value));
  if (field == "decade" && !v.empty() && v.back() == 's') v.pop_back();
  bool ok = v.size() == 4 && std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!ok || (field == "decade" && v[3] != '0')) {
    return Error::invalid(field + " '" + value + "': expected " + (field == "year" ? "a year (1966)" : "a decade (1960s)"));
  }
  int y = std::stoi(v);
  return std::pair{v + "-01-01", std::to_string(field == "year" ? y : y + 9) + "-12-31"};
}

// Stage: facet filters (values of one field ORed, fields ANDed) and the dates: year and decade
// filters are date ranges under the query's date mode, as from/to are (docs/dates.md).
// `without_dates` gets the query with every filter but the dates, to count undated records.
Result<Xapian::Query> apply_filters(Xapian::Query query, const SearchQuery& q, Xapian::Query& without_dates) {
  std::map<std::string, std::vector<Xapian::Query>> by_field;
  bool date_filtered = !q.from.empty() || !q.to.empty();
  for (const auto& [field, value] : q.filters) {
    const model::Field* f = model::find_field(field);
    std::string term = f && f->name == field && f->is(model::kFilter) ? sc::exact_term(*f, value) : "";
    if (term.empty()) return Error::invalid("filter field '" + field + "': expected one of " + join(model::field_names(model::kFilter), ", "));
    if (field == "year" || field == "decade") {
      date_filtered = true;
      auto range = facet_date_range(field, value);
      if (!range) return range.error();
      by_field[field].push_back(date_range_query(range->first, range->second, q.date_mode));
    } else {
      by_field[field].emplace_back(term);
    }
  }
  without_dates = query;
  for (auto& [field, terms] : by_field) {
    Xapian::Query f(Xapian::Query::OP_OR, terms.begin(), terms.end());
    if (field != "year" && field != "decade") without_dates = Xapian::Query(Xapian::Query::OP_FILTER, without_dates, f);
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, f);
  }
  if (!q.from.empty() || !q.to.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, date_range_query(q.from, q.to, q.date_mode));
  }
  // Undated records: with a date filter they are left out unless asked for; without one they
  // are in unless left out. Either way the answer counts them.
  if (q.undated == UndatedChoice::kInclude && date_filtered) {
    query = Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(Xapian::Query::OP_FILTER, without_dates, Xapian::Query(sc::kUndated)));
  } else if (q.undated == UndatedChoice::kExclude && !date_filtered) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(sc::kDated));
  }
  return query;
}

}  // namespace

// The weight of a query's words as a phrase in the title, against their own (bench/relevance).
constexpr double kTitlePhraseBoost = 1.0;

Result<BuiltQuery> build_query(const Xapian::Database& db, const SearchQuery& q) {
  BuiltQuery out;
  out.query = Xapian::Query::MatchAll;
  out.text = std::string(trim(q.text));
  const std::string language = query_language(q);
  if (has_stemmer(language)) out.stem_languages.push_back(language);
  std::vector<std::string> text_languages;  // the languages the query may match, for stemming
  for (const auto& [field, value] : q.filters) {
    if (field != "language") continue;
    if (auto code = text::normalize_language(value)) text_languages.push_back(*code);
  }
  if (text_languages.empty()) text_languages = stemmed_languages(db);
  text_languages.push_back("");  // texts in languages without a stemmer: their words as they are
  if (!out.text.empty()) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(stemmer_for(language));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    add_field_prefixes(qp, q.name_variants.get(), &out.variants);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE |
                           Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE |
                           Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT |
                           Xapian::QueryParser::FLAG_CJK_NGRAM;
    // Query syntax Xapian cannot parse (a stray "AND", "korea OR") is read again as plain
    // words, without the operator words (unless there is nothing else), so every query gives
    // results (issue 11, item 7).
    const unsigned plain_words = Xapian::QueryParser::FLAG_CJK_NGRAM;
    std::string stripped = text::strip_diacritics(out.text);
    // Names across spellings and scripts: each run of words that is a form of a name group
    // becomes a placeholder field whose query is every form of the group.
    NamePlan names;
    if (q.name_variants && !q.name_variants->empty()) {
      std::string field = placeholder_field(stripped);
      names = plan_name_expansion(stripped, out.text, *q.name_variants, field);
      // An unquoted run also matches as its words did without variants (all of them, anywhere,
      // stemmed), so a name typed as words never finds less than it would as typed.
      for (std::size_t m = 0; m < names.queries.size(); ++m) {
        if (names.runs[m].empty()) continue;
        Xapian::QueryParser words;
        words.set_database(db);
        words.set_stemmer(stemmer_for(language));
        words.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        words.set_default_op(Xapian::Query::OP_AND);
        try {
          const std::string run = break_cjk_groups(names.runs[m]);
          Xapian::Query typed = words.parse_query(run, Xapian::QueryParser::FLAG_CJK_NGRAM);
          // And stemmed in each language of the texts, as the whole query is below.
          LanguageParses in_languages = parse_in_languages(words, run, Xapian::QueryParser::FLAG_CJK_NGRAM, text_languages);
          if (!in_languages.query.empty() && in_languages.query.get_description() != typed.get_description()) {
            typed = Xapian::Query(Xapian::Query::OP_OR, typed, in_languages.query);
          }
          if (!typed.empty()) names.queries[m] = Xapian::Query(Xapian::Query::OP_OR, typed, names.other_forms[m]);
        } catch (const Xapian::QueryParserError&) {
          // The run is words and the punctuation between them; should the parser refuse it,
          // the phrases of the forms stand alone.
        }
      }
      if (!names.queries.empty()) qp.add_prefix(field, (new ExpansionProcessor(names.queries))->release());
    }
    out.variants = names.used;  // field queries (person:...) add theirs as they are parsed
    const std::string typed = stripped;  // for the title boost: the words as typed
    if (!names.queries.empty()) stripped = names.text;
    Xapian::Query in_title;
    auto parse = [&](unsigned with) {
      const std::string text = break_cjk_groups(stripped);
      qp.set_stemmer(stemmer_for(language));
      qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      out.query = qp.parse_query(text, with);
      // Records in other languages were stemmed by their own stemmers; the exact words of a
      // non-English query still find them.
      bool non_ascii = std::any_of(out.text.begin(), out.text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      if (non_ascii || language != "en") {
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        Xapian::Query unstemmed = qp.parse_query(text, with);
        if (unstemmed.get_description() != out.query.get_description()) out.query = Xapian::Query(Xapian::Query::OP_OR, out.query, unstemmed);
      }
      // And in every language of the texts it may match, each with its own stemmer (a parse
      // the same as the one above is left out: a phrase, unstemmed, is the same in every
      // language, and would be checked twice).
      LanguageParses in_languages = parse_in_languages(qp, text, with, text_languages);
      if (!in_languages.query.empty() && in_languages.query.get_description() != out.query.get_description()) {
        out.query = Xapian::Query(Xapian::Query::OP_OR, out.query, in_languages.query);
      }
      out.stem_languages.resize(has_stemmer(language) ? 1 : 0);
      out.stem_languages.insert(out.stem_languages.end(), in_languages.languages.begin(), in_languages.languages.end());
      // Words in another script also look for their Latin form, as the index holds it beside
      // them ("Тирана" finds "Tirana", "Энвер Ходжа" finds "Enver Hodža").
      if (std::string latin = text::to_latin(stripped); latin != stripped) {
        qp.set_stemmer(stemmer_for("en"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        out.query = Xapian::Query(Xapian::Query::OP_OR, out.query, qp.parse_query(latin, with));
      }
      // Words typed as they stand in a title rank that record first (bench/relevance).
      in_title = title_phrase(qp, typed);
    };
    try {
      try {
        parse(flags);
      } catch (const Xapian::QueryParserError&) {
        std::string words;
        for (const std::string& w : split(stripped, ' ')) {
          if (!w.empty() && !is_query_operator(w)) words += (words.empty() ? "" : " ") + w;
        }
        if (!words.empty()) stripped = words;
        parse(plain_words);
      }
    } catch (const Xapian::QueryParserError& e) {
      std::string shown = q.text.size() > 80 ? q.text.substr(0, utf8_byte_offset(q.text, 60)) + "..." : q.text;
      return Error::invalid("query '" + shown + "': " + e.get_msg());
    }
    collect_words(out.query, out);
    out.query = prefer_exact_forms(out.query, out.text);
    if (!in_title.empty()) {
      out.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out.query,
                                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, in_title, kTitlePhraseBoost));
    }
  }
  auto filtered = apply_filters(out.query, q, out.undated_query);
  if (!filtered) return filtered.error();
  out.query = std::move(filtered).value();
  out.undated_query = Xapian::Query(Xapian::Query::OP_FILTER, out.undated_query, Xapian::Query(sc::kUndated));
  // Readers: published records, and embargoed ones whose day has come. When every record is
  // published without an embargo (most archives, most of the time) there is nothing to leave
  // out, and the filter's cost is saved (bench/reader_speed).
  if (!q.visible_on.empty() && db.get_termfreq(sc::kVisible) != db.get_doccount()) {
    Xapian::Query visible(Xapian::Query::OP_OR, Xapian::Query(sc::kVisible),
                          Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(sc::kEmbargoed),
                                        Xapian::Query(Xapian::Query::OP_VALUE_LE, sc::kSlotEmbargo, q.visible_on)));
    out.query = Xapian::Query(Xapian::Query::OP_FILTER, out.query, visible);
    out.undated_query = Xapian::Query(Xapian::Query::OP_FILTER, out.undated_query, visible);
  }
  return out;
}

}  // namespace arkiv::index
