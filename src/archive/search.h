// What the archive's readers ask and are answered: a search request, its page of hits with
// marked snippets, facet counts and spelling suggestion. Plain value types, the vocabulary the
// layers above archive/ (api, web, cli) use instead of the index's own.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/marked_text.h"
#include "model/date.h"

namespace arkiv::archive {

// kCollection: the arrangement's order (a record's primary place: its collection, then its
// position there, then its date), "collection order".
enum class SortOrder { kRelevance, kDateAscending, kDateDescending, kCollection };
// How a date filter (from/to, year, decade) meets a record's date range (docs/dates.md).
enum class DateMode { kOverlaps, kWithin };
// Undated records with a date filter: by default left out; kInclude adds them. Without a date
// filter they are in by default; kExclude leaves them out.
enum class UndatedChoice { kDefault, kInclude, kExclude };
// Who is asking: readers see only published records whose embargo has passed (model/lifecycle.h);
// staff (anyone who may read unpublished records) see every record.
enum class Audience { kReaders, kStaff };

struct SearchQuery {
  std::string text;  // words, "phrases", AND/OR/NOT, field queries (title:, person:...)
  std::vector<std::pair<std::string, std::string>> filters;  // facet field, exact value
  std::string from;  // "YYYY-MM-DD": records whose date range overlaps [from, to]
  std::string to;
  DateMode date_mode = DateMode::kOverlaps;
  UndatedChoice undated = UndatedChoice::kDefault;
  SortOrder sort = SortOrder::kRelevance;
  int offset = 0;
  int limit = 10;
  std::vector<std::string> facets;  // which facets to count (empty: none)
  int facet_limit = 20;             // values per facet
  Audience audience = Audience::kReaders;
  // Totals and facet counts are always exact, but counting stops at the archive's budget
  // (Archive::set_count_budget, kCountBudgetSeconds) and the answer says so; true: count every
  // match however long it takes.
  bool exact_counts = false;
  // Names across spellings and scripts: a run of words that is a form of a name (the archive's
  // name variants, Archive::set_name_variants) also finds every other form of it ("Kim Il
  // Sung" finds "김일성"). false: the words as typed (`variants=off`, `--no-variants`).
  bool name_variants = true;
};

// How long a search may spend counting its matches before it answers without the exact count
// (SearchPage::count_stopped); asking again with exact_counts gets it. At 100k records the
// slowest count (a phrase in nine of ten records) takes a small fraction of this
// (docs/benchmarks.md), so the budget only matters for archives far larger.
inline constexpr double kCountBudgetSeconds = 1.0;

struct FacetValue {
  std::string value;
  std::int64_t count = 0;
  std::string label;  // an authority id's preferred name; "" for other values
};

struct Facet {
  std::string field;
  std::vector<FacetValue> values;
};

struct SearchHit {
  std::string id;
  std::string title;
  model::DateRange date;
  MarkedText snippet;            // plain text with the query's matches marked
  std::string snippet_language;  // ISO 639 code of the text the snippet comes from ("" when unknown)
  // When the query's words are in none of the record's texts but in its title or a name field
  // (subject, person, place, collection, organization): those fields' names, in registry
  // order, and the snippet is their matching values ("; "-joined) with the words marked.
  std::vector<std::string> matched_in;
  std::vector<std::string> languages;
  std::string document_type;
};

// A name the search expanded: the words as typed and the other forms it looked for too.
struct NameVariantUse {
  std::string matched;             // "Kim Il Sung"
  std::vector<std::string> forms;  // "Kim Il-sung", "Kim Ir Sen", "김일성", "金日成"
};

struct SearchPage {
  std::int64_t total = 0;
  bool total_exact = true;     // false only when counting stopped at the budget
  bool count_stopped = false;  // counting ran past kCountBudgetSeconds: `total` is an estimate
                               // (at least the matches counted) and `facets` are empty
  std::vector<SearchHit> hits;
  std::vector<Facet> facets;
  std::string suggestion;
  std::int64_t undated = 0;  // undated records among the matches of the query without its date filters
  std::vector<NameVariantUse> variants;  // names expanded into their other forms, in query order
};

}  // namespace arkiv::archive
