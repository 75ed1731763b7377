#include "index/search_index.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

#include "base/strings.h"
#include "index/background_writer.h"
#include "index/facet_table.h"
#include "index/query_languages.h"
#include "index/spelling.h"
#include "index/stemmers.h"
#include "index/term_scheme.h"
#include "index/title_boost.h"
#include "text/fold.h"
#include "text/language.h"

namespace arkiv::index {

namespace sc = scheme;

namespace {

constexpr Xapian::doccount kExactFacetLimit = 10000;
// The weight of a query's words as a phrase in the title, against their own (bench/relevance).
constexpr double kTitlePhraseBoost = 1.0;

constexpr const char* kFacetNames[] = {"language", "year", "decade", "collection", "subject",
                                       "place", "person", "organization", "type"};
static_assert(std::size(kFacetNames) == sc::kFacetCount);
const std::vector<std::string> kFacetFields(std::begin(kFacetNames), std::end(kFacetNames));

// The facet's place in the facet slot (kFacetFields order), or -1.
int facet_position(const std::string& field) {
  auto it = std::find(kFacetFields.begin(), kFacetFields.end(), field);
  return it == kFacetFields.end() ? -1 : static_cast<int>(it - kFacetFields.begin());
}

// The language a query is probably in when no filter says: Cyrillic and Greek script tell;
// anything else is read as English.
std::string query_language(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0x0400 && c <= 0x04FF) return "ru";
    if (c >= 0x0370 && c <= 0x03FF) return "el";
  }
  return "en";
}

// Xapian refuses terms over 245 bytes; long values (a chapter heading used as a subject)
// are cut at a UTF-8 boundary, the same way when indexing and when querying.
std::string term(std::string_view prefix, std::string_view value) {
  constexpr std::size_t kMaxTermBytes = 240;
  std::string t(prefix);
  t += value;
  if (t.size() > kMaxTermBytes) {
    std::size_t cut = kMaxTermBytes;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    t.resize(cut);
  }
  return t;
}

// The term for an exact facet value: prefix + folded value.
std::string facet_term(const std::string& field, const std::string& value) {
  if (field == "language") {
    auto code = text::normalize_language(value);
    return term(sc::kLanguage, code ? *code : text::fold(value));
  }
  if (field == "year") return term(sc::kYear, trim(value));
  if (field == "decade") {
    std::string v(trim(value));
    if (!v.empty() && v.back() == 's') v.pop_back();
    return term(sc::kDecade, v);
  }
  if (field == "type") return term(sc::kType, text::fold(value));
  for (const auto& f : sc::kNameFields) {
    if (field == f.name) return term(f.exact, text::fold(collapse_spaces(value)));
  }
  return "";
}

// Calls fn(word) for each run of letters/digits in `text` containing a non-ASCII letter.
template <typename Fn>
void for_each_non_ascii_word(std::string_view text, Fn fn) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    int32_t start = i;
    bool non_ascii = false;
    while (i < n) {
      int32_t save = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      bool word = c >= 0 && (c < 0x80 ? std::isalnum(c) : (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK));
      if (!word) {
        if (save == start) start = i;  // skip the separator
        else {
          i = save;
          break;
        }
        continue;
      }
      non_ascii |= c >= 0x80;
    }
    if (non_ascii && i > start) fn(text.substr(start, i - start));
    if (i < n) {
      UChar32 c;
      U8_NEXT(p, i, n, c);  // step over the separator that ended the word
    }
  }
}

// Hashes std::string and std::string_view alike, so counting needs no allocation per value.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Counts, for each requested facet, the values of every matching document, reading the one
// facet slot of each match.
class FacetSpy : public Xapian::MatchSpy {
 public:
  using Counts = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;
  // `positions`: each requested facet's place in the slot.
  explicit FacetSpy(std::vector<int> positions) : counts_(positions.size()) {
    wanted_.fill(-1);
    for (std::size_t i = 0; i < positions.size(); ++i) wanted_[static_cast<std::size_t>(positions[i])] = static_cast<int>(i);
  }
  void operator()(const Xapian::Document& doc, double) override {
    value_ = doc.get_value(sc::kSlotFacets);
    sc::for_each_facet_value(value_, [this](std::size_t f, std::string_view item) {
      if (wanted_[f] < 0) return;
      Counts& counts = counts_[static_cast<std::size_t>(wanted_[f])];
      auto it = counts.find(item);
      if (it != counts.end()) ++it->second;
      else counts.emplace(std::string(item), 1);
    });
  }
  const Counts& counts(std::size_t i) const { return counts_[i]; }

 private:
  std::array<int, sc::kFacetCount> wanted_;  // field position -> index in counts_, or -1
  std::vector<Counts> counts_;
  std::string value_;
};

// The same counts from a FacetTable: array increments per value instead of a value read and a
// hash lookup. Documents past the table (none, for a table of the searched revision) go to
// the value-reading spy.
class TableFacetSpy : public Xapian::MatchSpy {
 public:
  TableFacetSpy(const FacetTable& table, std::vector<int> positions)
      : table_(table), positions_(positions), counts_(positions.size()), beyond_(std::move(positions)) {
    for (std::size_t i = 0; i < positions_.size(); ++i) counts_[i].assign(table_.value_count(static_cast<std::size_t>(positions_[i])), 0);
  }
  void operator()(const Xapian::Document& doc, double w) override {
    const Xapian::docid did = doc.get_docid();
    if (did > table_.last_docid()) return beyond_(doc, w);
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      const auto f = static_cast<std::size_t>(positions_[i]);
      for (const std::uint32_t* id = table_.begin(f, did); id != table_.end(f, did); ++id) ++counts_[i][*id];
    }
  }
  std::vector<FacetValue> values(std::size_t i) const {
    std::vector<FacetValue> out;
    const auto f = static_cast<std::size_t>(positions_[i]);
    for (std::uint32_t id = 0; id < counts_[i].size(); ++id) {
      if (counts_[i][id] > 0) out.push_back({table_.name(f, id), counts_[i][id]});
    }
    if (!beyond_.counts(i).empty()) {
      FacetSpy::Counts merged = beyond_.counts(i);
      for (const FacetValue& v : out) merged[v.value] += v.count;
      out.clear();
      for (const auto& [value, count] : merged) out.push_back({value, count});
    }
    return out;
  }

 private:
  const FacetTable& table_;
  std::vector<int> positions_;
  std::vector<std::vector<std::int64_t>> counts_;
  FacetSpy beyond_;
};

// `field:value` in a query: the exact value, or all of its words.
class NameFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit NameFieldProcessor(const sc::NameField& f) : field_(f) {}
  Xapian::Query operator()(const std::string& str) override {
    std::string folded = text::fold(collapse_spaces(str));
    Xapian::Query exact(term(field_.exact, folded));
    std::vector<Xapian::Query> words;
    for (const std::string& w : split(folded, ' ')) {
      if (!w.empty()) words.emplace_back(term(field_.word, w));
    }
    if (words.empty()) return exact;
    return Xapian::Query(Xapian::Query::OP_OR, exact, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
  }

 private:
  sc::NameField field_;
};

class FacetFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit FacetFieldProcessor(std::string field) : field_(std::move(field)) {}
  Xapian::Query operator()(const std::string& str) override { return Xapian::Query(facet_term(field_, str)); }

 private:
  std::string field_;
};

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (v.empty()) continue;
    if (!out.empty()) out += sc::kSep;
    out += v;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& facet_fields() { return kFacetFields; }
bool is_facet_field(const std::string& field) {
  return std::find(kFacetFields.begin(), kFacetFields.end(), field) != kFacetFields.end();
}

struct SearchIndex::Impl {
  std::string dir;
  std::unique_ptr<Xapian::WritableDatabase> writer;
  Xapian::Database db;  // == *writer when writable
  Xapian::TermGenerator tg;
  std::unique_ptr<BackgroundWriter> background;  // writable only; owns all writes to `writer`
  bool facets_in_memory = false;                 // readers that asked for it: count from a FacetTable
  std::shared_ptr<const FacetTable> facet_table;  // of the revision last searched

  Xapian::Document make_document(const model::Document& d);
  // Before anything reads or commits the database, queued writes must have run.
  Status drain() {
    if (!background) return Status::success();
    if (auto failed = background->wait_idle()) return Error::io("search index: " + *failed);
    return Status::success();
  }
};

Xapian::Document SearchIndex::Impl::make_document(const model::Document& d) {
  Xapian::Document xd;
  tg.set_document(xd);
  tg.set_stemmer(stemmer_for("en"));
  auto index_free = [&](const std::string& text, Xapian::termcount weight, const char* prefix = "") {
    if (text.empty()) return;
    tg.index_text(text::fold(text), weight, prefix);
    tg.increase_termpos();
    for_each_non_ascii_word(text, [&](std::string_view w) {
      std::string lower = text::lower(w), folded = text::fold(w);
      if (lower != folded) {
        xd.add_term(term(sc::kExact, lower));
        xd.add_boolean_term(term(sc::kHasAccented, folded));
      }
    });
  };
  // Title, summary, citation and names weigh more than body text.
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  index_free(d.title, 3);
  tg.index_text(text::fold(d.title), 1, sc::kTitle);
  tg.increase_termpos();
  index_free(d.summary, 2);
  index_free(d.citation.text, 2);
  // They are stemmed as English above, and may be in the record's own language too
  // ("Deklaratë e përbashkët"): its stems as well, so a query in that language meets them.
  for (const std::string& l : d.original_languages) {
    if (l == "en" || !has_stemmer(l)) continue;
    tg.set_stemmer(stemmer_for(l));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    for (auto [text, weight] : {std::pair{&d.title, 3}, {&d.summary, 2}, {&d.citation.text, 2}}) {
      tg.index_text_without_positions(text::fold(*text), static_cast<Xapian::termcount>(weight));
    }
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  }
  std::vector<std::string> languages;
  for (const std::string& l : d.original_languages) languages.push_back(l);
  for (const model::Content& c : d.contents) {
    tg.set_stemmer(stemmer_for(c.language));
    index_free(c.title, 1);
    index_free(c.text, 1);
    for (const model::Note& n : c.notes) index_free(n.text, 1);
    if (!c.language.empty()) languages.push_back(c.language);
  }
  tg.set_stemmer(stemmer_for("en"));
  for (const std::string& credit : d.credits) index_free(credit, 1);

  const std::vector<std::string>* name_values[] = {&d.collections, &d.subjects, &d.places, &d.people, &d.organizations};
  for (std::size_t i = 0; i < std::size(sc::kNameFields); ++i) {
    const auto& f = sc::kNameFields[i];
    for (const std::string& v : *name_values[i]) {
      std::string folded = text::fold(collapse_spaces(v));
      xd.add_boolean_term(term(f.exact, folded));
      for (const std::string& w : split(folded, ' ')) {
        if (!w.empty()) xd.add_boolean_term(term(f.word, w));
      }
      index_free(v, 1);
    }
  }
  std::sort(languages.begin(), languages.end());
  languages.erase(std::unique(languages.begin(), languages.end()), languages.end());
  for (const std::string& l : languages) xd.add_boolean_term(sc::kLanguage + l);
  std::string year, decade;
  if (d.date.known()) {
    year = d.date.earliest.substr(0, 4);
    decade = year.substr(0, 3) + "0";
    xd.add_boolean_term(sc::kYear + year);
    xd.add_boolean_term(sc::kDecade + decade);
    xd.add_value(sc::kSlotEarliest, d.date.earliest);
    xd.add_value(sc::kSlotLatest, d.date.latest);
    decade += "s";
  }
  if (!d.document_type.empty()) xd.add_boolean_term(term(sc::kType, text::fold(d.document_type)));
  // The facet slot, in kFacetFields order.
  std::string facets = joined(languages);
  for (const std::string* part : {&year, &decade}) {
    facets += sc::kFieldSep;
    facets += *part;
  }
  for (const std::vector<std::string>* values : name_values) {
    facets += sc::kFieldSep;
    facets += joined(*values);
  }
  facets += sc::kFieldSep;
  facets += d.document_type;
  xd.add_value(sc::kSlotFacets, facets);
  if (!d.document_state.empty()) xd.add_boolean_term(term(sc::kState, text::fold(d.document_state)));
  xd.add_boolean_term(sc::kId + d.id);
  xd.set_data(d.id);
  return xd;
}

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchIndex::~SearchIndex() {
  if (impl_) impl_->background.reset();  // runs what is queued
  if (impl_ && impl_->writer) {
    try {
      impl_->writer->close();
    } catch (const Xapian::Error&) {
    }
  }
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::open_writable(const std::string& dir) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  try {
    impl->writer = std::make_unique<Xapian::WritableDatabase>(dir, Xapian::DB_CREATE_OR_OPEN);
    impl->db = *impl->writer;
    impl->background = std::make_unique<BackgroundWriter>();
  } catch (const Xapian::DatabaseLockError& e) {
    return Error::busy("search index is being written by another process (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    return Error::io("cannot open search index: " + e.get_description());
  }
  return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::open_readonly(const std::string& dir) {
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  try {
    impl->db = Xapian::Database(dir);
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Error::not_found("no search index: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Error::io("cannot open search index: " + e.get_description());
  }
  return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

Status SearchIndex::replace(const model::Document& doc, bool known_new) {
  if (!impl_->writer) return Error::internal("search index opened read-only");
  Xapian::Document xd;
  try {
    xd = impl_->make_document(doc);
  } catch (const Xapian::Error& e) {
    return Error::io("search index: record '" + doc.id + "': " + e.get_description());
  }
  // Xapian's handles count references without atomics: the term generator lets go of the
  // document and the job takes the only handle, so no two threads ever share one.
  impl_->tg.set_document(Xapian::Document());
  Xapian::WritableDatabase* w = impl_->writer.get();
  impl_->background->submit([w, xd = std::move(xd), known_new, id_term = sc::kId + doc.id]() -> std::optional<std::string> {
    try {
      // A record the index cannot have yet skips the lookup of its id term.
      if (known_new) w->add_document(xd);
      else w->replace_document(id_term, xd);
    } catch (const Xapian::Error& e) {
      return "record '" + id_term.substr(1) + "': " + e.get_description();
    }
    return std::nullopt;
  });
  return Status::success();
}

Status SearchIndex::remove(const std::string& id) {
  if (!impl_->writer) return Error::internal("search index opened read-only");
  Xapian::WritableDatabase* w = impl_->writer.get();
  impl_->background->submit([w, id_term = sc::kId + id]() -> std::optional<std::string> {
    try {
      w->delete_document(id_term);
    } catch (const Xapian::Error& e) {
      return e.get_description();
    }
    return std::nullopt;
  });
  return Status::success();
}

Status SearchIndex::commit(std::int64_t seq, const std::string& catalog_uuid) {
  if (!impl_->writer) return Error::internal("search index opened read-only");
  if (Status s = impl_->drain(); !s) return s;
  try {
    impl_->writer->set_metadata(sc::kMetaSeq, std::to_string(seq));
    impl_->writer->set_metadata(sc::kMetaCatalog, catalog_uuid);
    impl_->writer->set_metadata(sc::kMetaScheme, sc::kVersion);
    impl_->writer->commit();
  } catch (const Xapian::Error& e) {
    return Error::io("search index commit: " + e.get_description());
  }
  return Status::success();
}

std::int64_t SearchIndex::applied_seq() const {
  if (!impl_->drain()) return -1;
  try {
    if (impl_->db.get_metadata(sc::kMetaScheme) != sc::kVersion) return -1;
    std::string v = impl_->db.get_metadata(sc::kMetaSeq);
    return v.empty() ? 0 : std::stoll(v);
  } catch (const std::exception&) {
    return -1;
  }
}

std::string SearchIndex::catalog_uuid() const {
  (void)impl_->drain();
  try {
    return impl_->db.get_metadata(sc::kMetaCatalog);
  } catch (const Xapian::Error&) {
    return "";
  }
}

std::int64_t SearchIndex::document_count() const {
  (void)impl_->drain();
  return impl_->db.get_doccount();
}

void SearchIndex::keep_facets_in_memory(bool on) {
  impl_->facets_in_memory = on;
  if (!on) impl_->facet_table.reset();
}

bool SearchIndex::reopen() {
  try {
    return impl_->db.reopen();
  } catch (const Xapian::Error&) {
    return false;
  }
}

Result<SearchResult> SearchIndex::search(const SearchQuery& q) const {
  if (Status s = impl_->drain(); !s) return s.error();
  try {
    Xapian::Database& db = impl_->db;
    Xapian::QueryParser qp;
    qp.set_database(db);
    std::string language = query_language(q.text);
    std::vector<std::string> text_languages;  // the languages the query may match, for stemming
    for (const auto& [field, value] : q.filters) {
      if (field == "language") {
        if (auto code = text::normalize_language(value)) text_languages.push_back(language = *code);
      }
    }
    if (text_languages.empty()) text_languages = stemmed_languages(db);
    text_languages.push_back("");  // texts in languages without a stemmer: their words as they are
    qp.set_stemmer(stemmer_for(language));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.add_prefix("title", sc::kTitle);
    for (const auto& f : sc::kNameFields) qp.add_boolean_prefix(f.name, (new NameFieldProcessor(f))->release());
    qp.add_boolean_prefix("lang", (new FacetFieldProcessor("language"))->release());
    qp.add_boolean_prefix("language", (new FacetFieldProcessor("language"))->release());
    qp.add_boolean_prefix("year", (new FacetFieldProcessor("year"))->release());
    qp.add_boolean_prefix("decade", (new FacetFieldProcessor("decade"))->release());
    qp.add_boolean_prefix("type", (new FacetFieldProcessor("type"))->release());
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE |
                     Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_LOVEHATE |
                     Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT |
                     Xapian::QueryParser::FLAG_CJK_NGRAM;

    std::string text(trim(q.text));
    Xapian::Query query = Xapian::Query::MatchAll;
    std::set<std::string> words, stems;
    std::vector<std::string> stem_languages;  // whose stems the query holds, for the highlighter
    if (has_stemmer(language)) stem_languages.push_back(language);
    if (!text.empty()) {
      std::string stripped = text::strip_diacritics(text);
      query = qp.parse_query(stripped, flags);
      // Records in other languages were stemmed by their own stemmers; the exact words of a
      // non-English query still find them.
      bool non_ascii = std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      if (non_ascii || language != "en") {
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        query = Xapian::Query(Xapian::Query::OP_OR, query, qp.parse_query(stripped, flags));
      }
      // And in every language of the texts it may match, each with its own stemmer.
      LanguageParses in_languages = parse_in_languages(qp, stripped, flags, text_languages);
      if (!in_languages.query.empty()) query = Xapian::Query(Xapian::Query::OP_OR, query, in_languages.query);
      stem_languages.insert(stem_languages.end(), in_languages.languages.begin(), in_languages.languages.end());
      // Words typed as they stand in a title rank that record first (bench/relevance).
      Xapian::Query in_title = title_phrase(qp, stripped);
      if (!in_title.empty()) {
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, in_title, kTitlePhraseBoost));
      }
      for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        if (term.empty()) continue;
        if (term[0] == 'Z') stems.insert(term.substr(1));
        else if (term[0] == 'S' && term.size() > 1) words.insert(term.substr(1));
        else if (!std::isupper(static_cast<unsigned char>(term[0]))) words.insert(term);
      }
      // Exact forms first: a query word with diacritics prefers records that have that very
      // form; an unaccented word prefers records that have no accented variant of it.
      std::vector<Xapian::Query> boosts;
      for_each_non_ascii_word(text, [&](std::string_view w) {
        std::string lower = text::lower(w);
        if (lower != text::fold(w)) boosts.emplace_back(sc::kExact + lower);
      });
      for (const std::string& w : split(text::lower(text), ' ')) {
        if (w.empty() || w.find(':') != std::string::npos || text::fold(w) != w) continue;
        if (!std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c); })) continue;
        boosts.emplace_back(Xapian::Query::OP_AND_NOT, Xapian::Query(w), Xapian::Query(sc::kHasAccented + w));
      }
      if (!boosts.empty()) {
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                            Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()), 0.5));
      }
    }
    // Facet filters: values of one field are ORed, fields are ANDed.
    std::map<std::string, std::vector<Xapian::Query>> by_field;
    for (const auto& [field, value] : q.filters) {
      std::string term = facet_term(field, value);
      if (term.empty()) return Error::invalid("filter field '" + field + "': expected one of " + join(kFacetFields, ", "));
      by_field[field].emplace_back(term);
    }
    for (auto& [field, terms] : by_field) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    // Date overlap: earliest <= to and latest >= from.
    if (!q.to.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_VALUE_LE, sc::kSlotEarliest, q.to));
    if (!q.from.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_VALUE_GE, sc::kSlotLatest, q.from));

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (q.sort == SortOrder::kDateAscending) enquire.set_sort_by_value_then_relevance(sc::kSlotEarliest, false);
    if (q.sort == SortOrder::kDateDescending) enquire.set_sort_by_value_then_relevance(sc::kSlotEarliest, true);
    std::vector<int> slots;
    for (const std::string& f : q.facets) {
      int position = facet_position(f);
      if (position < 0) return Error::invalid("facet '" + f + "': expected one of " + join(kFacetFields, ", "));
      slots.push_back(position);
    }
    std::shared_ptr<const FacetTable> table;
    if (!slots.empty() && impl_->facets_in_memory && !impl_->writer) {
      table = impl_->facet_table;
      if (!table || table->revision() != db.get_revision() || table->uuid() != db.get_uuid()) {
        table = impl_->facet_table = FacetTable::for_database(db);
      }
    }
    FacetSpy spy(slots);
    std::optional<TableFacetSpy> table_spy;
    if (table) table_spy.emplace(*table, slots);
    if (table_spy) enquire.add_matchspy(&*table_spy);
    else if (!slots.empty()) enquire.add_matchspy(&spy);
    // Facets count every match up to kExactFacetLimit matches; past that Xapian stops early
    // and the counts cover the matches it looked at (the result says so).
    Xapian::doccount check = slots.empty() ? 0 : std::min<Xapian::doccount>(db.get_doccount(), kExactFacetLimit);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(std::max(0, q.offset)),
                                         static_cast<Xapian::doccount>(std::max(0, q.limit)), check);
    SearchResult r;
    r.total = mset.get_matches_estimated();
    r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) r.ids.push_back(it.get_document().get_data());
    for (std::size_t i = 0; i < slots.size(); ++i) {
      Facet facet{q.facets[i], {}};
      if (table_spy) {
        facet.values = table_spy->values(i);
      } else {
        for (const auto& [value, count] : spy.counts(i)) facet.values.push_back({value, count});
      }
      bool by_value = q.facets[i] == "year" || q.facets[i] == "decade";
      std::sort(facet.values.begin(), facet.values.end(), [by_value](const FacetValue& a, const FacetValue& b) {
        if (!by_value && a.count != b.count) return a.count > b.count;
        return a.value < b.value;
      });
      if (!by_value && static_cast<int>(facet.values.size()) > q.facet_limit) facet.values.resize(q.facet_limit);
      r.facets.push_back(std::move(facet));
    }
    r.highlighter = Highlighter(std::move(words), std::move(stems), std::move(stem_languages));
    if (r.total == 0 && !text.empty()) r.suggestion = suggest_spelling(db, text);
    return r;
  } catch (const Xapian::QueryParserError& e) {
    return Error::invalid("query '" + q.text + "': " + e.get_msg());
  } catch (const Xapian::DatabaseModifiedError&) {
    impl_->db.reopen();
    return search(q);
  } catch (const Xapian::Error& e) {
    return Error::io("search failed: " + e.get_description());
  }
}

Result<std::vector<std::string>> SearchIndex::similar(const std::string& id, int limit) const {
  if (Status s = impl_->drain(); !s) return s.error();
  try {
    Xapian::Database& db = impl_->db;
    Xapian::PostingIterator p = db.postlist_begin(sc::kId + id);
    if (p == db.postlist_end(sc::kId + id)) return Error::not_found("no indexed record '" + id + "'");
    Xapian::RSet rset;
    rset.add_document(*p);
    Xapian::Enquire enquire(db);
    // Only plain words describe content (prefixed terms are metadata), and only the record's
    // 50 most used words are weighed: weighing all of a long record's words costs a lookup
    // each and changes little in which come out on top.
    static const std::set<std::string> kStopwords = {
        "the", "and", "for", "that", "this", "with", "from", "was", "were", "are", "has", "have", "had", "not", "but",
        "which", "will", "would", "been", "their", "they", "them", "there", "than", "its", "his", "her", "our", "your",
        "all", "any", "can", "may", "shall", "should", "could", "who", "whom", "what", "when", "where", "also", "such",
        "into", "upon", "these", "those", "other", "some", "only", "very", "more", "most", "one", "two", "out", "about",
        "over", "under", "being", "same", "each", "both", "made", "said", "did", "does", "him", "she", "you", "per"};
    std::vector<std::pair<Xapian::termcount, std::string>> words;
    for (auto t = db.termlist_begin(*p); t != db.termlist_end(*p); ++t) {
      const std::string& term = *t;
      if (term.size() > 2 && !std::isupper(static_cast<unsigned char>(term[0])) && !std::isdigit(static_cast<unsigned char>(term[0])) &&
          !kStopwords.count(term)) {
        words.emplace_back(t.get_wdf(), term);
      }
    }
    std::size_t keep = std::min<std::size_t>(words.size(), 50);
    std::partial_sort(words.begin(), words.begin() + static_cast<long>(keep), words.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    struct Chosen : Xapian::ExpandDecider {
      std::set<std::string> terms;
      bool operator()(const std::string& t) const override { return terms.count(t) > 0; }
    } decider;
    for (std::size_t i = 0; i < keep; ++i) decider.terms.insert(words[i].second);
    bool large = db.get_doccount() > 10000;
    Xapian::ESet eset = enquire.get_eset(large ? 12 : 25, rset, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
    if (terms.empty()) return std::vector<std::string>{};
    // In a large archive, OP_ELITE_SET keeps the 6 terms that can weigh most: the neighbours
    // hardly change and the work falls by half. A small one needs every term to find any.
    Xapian::Query like = large
                             ? Xapian::Query(Xapian::Query::OP_ELITE_SET, terms.begin(), terms.end(), 6)
                             : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, like,
                                    Xapian::Query(sc::kId + id)));
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    std::vector<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(it.get_document().get_data());
    return out;
  } catch (const Xapian::Error& e) {
    return Error::io("similar records: " + e.get_description());
  }
}

}  // namespace arkiv::index
