// Names across spellings and scripts, on the query side: a run of query words (or a quoted
// phrase) that equals a form of a name group (model::NameVariants, compared by
// model::name_key) stands for an OR of phrases of every form of the group, each tokenised
// exactly as the index tokenises document text (folded; CJK and Hangul as n-grams), so "Kim Il
// Sung" finds "김일성", "金日成" and "Kim Ir Sen". Longest match wins; at most kMaxNames runs
// and kMaxPhrases phrases per query. Private to the index module; thread-compatible.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "index/search_index.h"
#include "model/name_variants.h"

namespace arkiv::index {

inline constexpr std::size_t kMaxNames = 8;      // runs of a query expanded
inline constexpr std::size_t kMaxPhrases = 160;  // phrases of all expansions of a query

// `text` as one phrase of the terms the index gives it (internal/document_terms.cpp: folded,
// Xapian's tokenizer with CJK n-grams, under `prefix`): a term query for one term, an empty
// query for none. Built from terms, never by handing text to a query parser.
Xapian::Query phrase_as_indexed(std::string_view text, std::string_view prefix = "");

struct NamePlan {
  // The query text with each expanded run replaced by `placeholder:N` (N = index into
  // `queries`), a field the caller registers with the query parser (add_prefix) so the parser
  // puts each expansion where its run stood, operators and all.
  std::string text;
  std::vector<Xapian::Query> queries;
  // Per expansion, the run as typed when it was not quoted ("Communist Party of the Soviet
  // Union"): the caller ORs in its own parse of it, so the words anywhere in a record still
  // match as they did without variants; "" for a quoted phrase.
  std::vector<std::string> runs;
  // Per expansion, the phrases of the forms other than the one typed (another name_key): what
  // the caller ORs with its parse of an unquoted run (the typed form's phrase adds nothing to
  // its words, and costs a position check of every record that has them).
  std::vector<Xapian::Query> other_forms;
  std::vector<NameExpansion> used;  // what the answer reports
};

// A field name that does not occur in `text`, for the placeholders.
std::string placeholder_field(std::string_view text);

// Finds the runs of `stripped` (the query without diacritics) to expand. `original` is the
// query as typed, for the report ("P'yŏngyang", not "P'yongyang"). Runs inside a field query,
// inside a phrase that is not exactly the name, or glued to other words by a hyphen, apostrophe
// or wildcard are left alone.
NamePlan plan_name_expansion(std::string_view stripped, std::string_view original, const model::NameVariants& variants,
                             const std::string& placeholder);

// The forms of the groups of `kind` whose forms include `value` (name_key), preferred first,
// each once; empty when none. At most model::NameVariants::kMaxForms.
std::vector<std::string> forms_of(const model::NameVariants& variants, std::string_view value, const model::NameKind* kind);

// Adds `e` to `used` unless a report of the same name (name_key of `matched`) is there.
void add_report(std::vector<NameExpansion>& used, NameExpansion e);

}  // namespace arkiv::index
