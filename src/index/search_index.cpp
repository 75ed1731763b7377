#include "index/search_index.h"

#include "model/authority.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>

#include "base/strings.h"
#include "index/internal/background_writer.h"
#include "index/internal/count_budget.h"
#include "index/internal/document_terms.h"
#include "index/internal/facet_counter.h"
#include "index/internal/facet_table.h"
#include "index/internal/query_builder.h"
#include "index/internal/similarity.h"
#include "index/internal/spelling.h"
#include "index/internal/term_scheme.h"
#include "model/fields.h"

namespace arkiv::index {

namespace sc = scheme;

namespace {

// A search that meets a database changed under it (a writer's commit replaced blocks it was
// reading) reopens and tries again, this many times at most.
constexpr int kSearchAttempts = 3;

}  // namespace

struct SearchIndex::Impl {
  std::string dir;
  std::unique_ptr<Xapian::WritableDatabase> writer;
  Xapian::Database db;  // == *writer when writable
  DocumentTerms terms;
  AuthorityNames authority_names;
  std::unique_ptr<BackgroundWriter> background;  // writable only; owns all writes to `writer`
  bool facets_in_memory = false;                 // readers that asked for it: count from a FacetTable
  std::shared_ptr<const FacetTable> facet_table;  // of the revision last searched

  Result<SearchResult> search_once(const SearchQuery& q);
  // Before anything reads or commits the database, queued writes must have run.
  Status drain() {
    if (!background) return Status::success();
    if (auto failed = background->wait_idle()) return Error::io("search index: " + *failed);
    return Status::success();
  }
};

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

void SearchIndex::set_authority_names(AuthorityNames names) { impl_->authority_names = std::move(names); }

Status SearchIndex::replace(const model::Document& doc, bool known_new) {
  if (!impl_->writer) return Error::internal("search index opened read-only");
  Xapian::Document xd;
  try {
    xd = impl_->terms.make(doc, impl_->authority_names ? &impl_->authority_names : nullptr);
  } catch (const Xapian::Error& e) {
    return Error::io("search index: record '" + doc.id + "': " + e.get_description());
  }
  // Xapian's handles count references without atomics: the term generator lets go of the
  // document and the job takes the only handle, so no two threads ever share one.
  impl_->terms.release();
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
    impl_->writer->set_metadata(sc::kMetaScheme, sc::version());
    impl_->writer->commit();
  } catch (const Xapian::Error& e) {
    return Error::io("search index commit: " + e.get_description());
  }
  return Status::success();
}

Result<std::int64_t> SearchIndex::applied_seq() const {
  if (Status s = impl_->drain(); !s) return s.error();
  std::string v;
  try {
    v = impl_->db.get_metadata(sc::kMetaSeq);
  } catch (const Xapian::Error& e) {
    return Error::io("search index: " + e.get_description());
  }
  if (v.empty()) return std::int64_t{0};
  std::int64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9' || n > (INT64_MAX - 9) / 10) return Error::corrupt("search index: applied change '" + v + "' is not a number");
    n = n * 10 + (c - '0');
  }
  return n;
}

Result<bool> SearchIndex::scheme_current() const {
  if (Status s = impl_->drain(); !s) return s.error();
  try {
    return impl_->db.get_metadata(sc::kMetaScheme) == sc::version();
  } catch (const Xapian::Error& e) {
    return Error::io("search index: " + e.get_description());
  }
}

Result<std::string> SearchIndex::catalog_uuid() const {
  if (Status s = impl_->drain(); !s) return s.error();
  try {
    return impl_->db.get_metadata(sc::kMetaCatalog);
  } catch (const Xapian::Error& e) {
    return Error::io("search index: " + e.get_description());
  }
}

Result<std::int64_t> SearchIndex::document_count() const {
  if (Status s = impl_->drain(); !s) return s.error();
  return static_cast<std::int64_t>(impl_->db.get_doccount());
}

Status SearchIndex::for_each_id(const std::function<void(const std::string&, std::int64_t)>& fn) const {
  if (Status s = impl_->drain(); !s) return s;
  try {
    const std::string prefix = sc::kId;
    for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t) {
      fn((*t).substr(prefix.size()), t.get_termfreq());
    }
  } catch (const Xapian::Error& e) {
    return Error::io("search index: " + e.get_msg());
  }
  return Status::success();
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

Result<SearchResult> SearchIndex::Impl::search_once(const SearchQuery& q) {
  auto built = build_query(db, q);
  if (!built) return built.error();
  Xapian::Enquire enquire(db);
  enquire.set_query(built->query);
  // Undated records last in both directions; the same day ordered by time (docs/dates.md).
  if (q.sort == SortOrder::kDateAscending) enquire.set_sort_by_value_then_relevance(sc::kSlotSortAscending, false);
  if (q.sort == SortOrder::kDateDescending) enquire.set_sort_by_value_then_relevance(sc::kSlotSortDescending, true);
  if (q.sort == SortOrder::kCollection) enquire.set_sort_by_value_then_relevance(sc::kSlotCollectionOrder, false);
  // Long-lived readers count from the facet table of the revision they search.
  std::shared_ptr<const FacetTable> table;
  if (!q.facets.empty() && facets_in_memory && !writer) {
    table = facet_table;
    if (!table || table->revision() != db.get_revision() || table->uuid() != db.get_uuid()) {
      table = facet_table = FacetTable::for_database(db);
    }
  }
  auto counter = FacetCounter::create(q.facets, std::move(table), q.date_mode);
  if (!counter) return counter.error();
  const auto offset = static_cast<Xapian::doccount>(std::max(0, q.offset));
  const auto limit = static_cast<Xapian::doccount>(std::max(0, q.limit));
  SearchResult r;
  // The page of hits: the best `limit` by relevance (or date), which Xapian finds without
  // weighing every match.
  Xapian::MSet mset = enquire.get_mset(offset, limit);
  r.total = mset.get_matches_estimated();
  r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (q.count_matches && (!r.total_exact || !(*counter)->empty())) {
    // The counts: every match, unweighed (BoolWeight), so the total and the facets are exact,
    // phrases included. The budget spy stops a count that takes too long.
    Xapian::Enquire counting(db);
    counting.set_query(built->query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    CountBudget budget(q.count_budget_seconds);
    counting.add_matchspy(&budget);
    (*counter)->attach(counting);
    try {
      Xapian::MSet all = counting.get_mset(0, 0, db.get_doccount());
      r.total = all.get_matches_estimated();
      r.total_exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
      r.facets = (*counter)->facets(q.facet_limit);
    } catch (const CountBudgetExceeded& stopped) {
      // What is known of the total: at least what the count saw, about what Xapian estimates.
      r.total = std::max<std::int64_t>(stopped.seen, r.total);
      r.total_exact = false;
      r.count_stopped = true;
    }
    counting.clear_matchspies();
  }
  {
    // How many of the records matching everything but the dates are undated: "12 undated".
    Xapian::Enquire undated(db);
    undated.set_query(built->undated_query);
    undated.set_weighting_scheme(Xapian::BoolWeight());
    r.undated = undated.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  }
  for (auto it = mset.begin(); it != mset.end(); ++it) r.ids.push_back(it.get_document().get_data());
  r.variants = std::move(built->variants);
  r.highlighter = Highlighter(std::move(built->words), std::move(built->stems), std::move(built->stem_languages));
  if (r.total == 0 && !built->text.empty()) {
    // Xapian's spelling data holds the words of every record, hidden ones too: a suggestion
    // is offered only when it finds something this caller may see, under the same filters.
    r.suggestion = suggest_spelling(db, built->text);
    if (!r.suggestion.empty()) {
      SearchQuery again = q;
      again.text = r.suggestion;
      auto check = build_query(db, again);
      Xapian::Enquire e(db);
      if (check) {
        e.set_query(check->query);
        e.set_weighting_scheme(Xapian::BoolWeight());
      }
      if (!check || e.get_mset(0, 1).empty()) r.suggestion.clear();
    }
  }
  return r;
}

Result<SearchResult> SearchIndex::search(const SearchQuery& q) const {
  if (Status s = impl_->drain(); !s) return s.error();
  for (int attempt = 1;; ++attempt) {
    try {
      return impl_->search_once(q);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kSearchAttempts) return Error::busy("search: the index kept changing while being read (" + e.get_msg() + ")");
      try {
        impl_->db.reopen();
      } catch (const Xapian::Error& re) {
        return Error::io("search failed: " + re.get_description());
      }
    } catch (const Xapian::Error& e) {
      return Error::io("search failed: " + e.get_description());
    }
  }
}

namespace {

// One value the record shares-or-not with others: its exact term, field and weight.
struct SharedTerm {
  std::string term;
  std::string field;
  double weight = 0;  // field factor x idf
  Xapian::doccount df = 0;  // records that have it
};

// What "more like this" compares, read in one pass over the record's terms:
// - its "content words": plain words (prefixed terms are metadata), its 50 most used ones past
//   a few stopwords. Weighing all of a long record's words costs a lookup each and changes
//   little in which come out on top;
// - its people, subjects, organizations, places and collections as exact terms
//   (docs/index-terms.md) that other records have too, each weighted by its field and its
//   rarity; the rarest 40 at most.
struct RecordTerms {
  std::set<std::string> words;
  std::vector<SharedTerm> shared;
};

RecordTerms record_terms(const Xapian::Database& db, Xapian::docid did) {
  static const std::set<std::string> kStopwords = {
      "the", "and", "for", "that", "this", "with", "from", "was", "were", "are", "has", "have", "had", "not", "but",
      "which", "will", "would", "been", "their", "they", "them", "there", "than", "its", "his", "her", "our", "your",
      "all", "any", "can", "may", "shall", "should", "could", "who", "whom", "what", "when", "where", "also", "such",
      "into", "upon", "these", "those", "other", "some", "only", "very", "more", "most", "one", "two", "out", "about",
      "over", "under", "being", "same", "each", "both", "made", "said", "did", "does", "him", "she", "you", "per"};
  struct Kind {
    std::string prefix;
    const char* field;
  };
  static const std::vector<Kind> kShared = [] {
    std::vector<Kind> out;
    for (const char* name : {"person", "subject", "organization", "place", "collection"}) {
      const model::Field* f = model::find_field(name);
      if (f && !f->exact_prefix.empty()) out.push_back({std::string(f->exact_prefix), name});
    }
    // Records placed in the same series (a FRUS chapter) share it as they shared its head
    // when chapter heads were subjects.
    out.push_back({sc::kUnit, "series"});
    return out;
  }();
  RecordTerms out;
  std::set<std::string> linked_fields;  // fields whose values the record links to authorities
  const double n = std::max<double>(1, db.get_doccount());
  std::vector<std::pair<Xapian::termcount, std::string>> words;
  for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
    const std::string& term = *t;
    const unsigned char first = static_cast<unsigned char>(term[0]);
    if (!std::isupper(first)) {
      if (term.size() > 2 && !std::isdigit(first) && !kStopwords.count(term)) words.emplace_back(t.get_wdf(), term);
      continue;
    }
    for (const Kind& k : kShared) {
      // "XPE" + folded value; "XPEW" + word belongs to the field queries (folded values are
      // never upper case).
      if (term.size() <= k.prefix.size() || term.compare(0, k.prefix.size(), k.prefix) != 0 ||
          std::isupper(static_cast<unsigned char>(term[k.prefix.size()]))) {
        continue;
      }
      const Xapian::doccount df = t.get_termfreq();
      if (df > 1) out.shared.push_back({term, k.field, similarity::field_factor(k.field) * std::log(1 + n / df), df});  // else nobody else has it
      if (model::is_authority_id(std::string_view(term).substr(k.prefix.size()))) linked_fields.insert(k.field);
      break;
    }
  }
  std::size_t keep = std::min<std::size_t>(words.size(), 50);
  std::partial_sort(words.begin(), words.begin() + static_cast<long>(keep), words.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < keep; ++i) out.words.insert(words[i].second);
  // A linked value is there twice, as written and as its authority: count the authority (which
  // records writing the name otherwise share too) and not the written forms.
  std::erase_if(out.shared, [&](const SharedTerm& s) {
    if (!linked_fields.count(s.field)) return false;
    const model::Field* f = model::find_field(s.field);
    return f && !model::is_authority_id(std::string_view(s.term).substr(f->exact_prefix.size()));
  });
  if (out.shared.size() > 40) {
    std::partial_sort(out.shared.begin(), out.shared.begin() + 40, out.shared.end(),
                      [](const auto& a, const auto& b) { return a.weight > b.weight; });
    out.shared.resize(40);
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> SearchIndex::similar(const std::string& id, int limit) const {
  if (Status s = impl_->drain(); !s) return s.error();
  if (limit <= 0) return std::vector<std::string>{};
  try {
    Xapian::Database& db = impl_->db;
    Xapian::PostingIterator p = db.postlist_begin(sc::kId + id);
    if (p == db.postlist_end(sc::kId + id)) return Error::not_found("no indexed record '" + id + "'");
    const Xapian::docid self = *p;
    const bool large = db.get_doccount() > 10000;
    const Xapian::doccount kCandidates = large ? 50 : 100;
    std::map<Xapian::docid, similarity::Candidate> candidates;

    // Candidates by text: the record's weightiest words (Xapian's relevance feedback), BM25.
    Xapian::RSet rset;
    rset.add_document(self);
    struct Chosen : Xapian::ExpandDecider {
      std::set<std::string> terms;
      bool operator()(const std::string& t) const override { return terms.count(t) > 0; }
    } decider;
    RecordTerms own_terms = record_terms(db, self);
    decider.terms = std::move(own_terms.words);
    Xapian::Enquire text_enquire(db);
    Xapian::ESet eset = text_enquire.get_eset(large ? 12 : 25, rset, &decider);
    std::vector<Xapian::Query> words;
    for (auto it = eset.begin(); it != eset.end(); ++it) words.emplace_back(*it);
    double max_text = 0;
    if (!words.empty()) {
      // In a large archive, OP_ELITE_SET keeps the 6 terms that can weigh most: the neighbours
      // hardly change and the work falls by half. A small one needs every term to find any.
      Xapian::Query like = large ? Xapian::Query(Xapian::Query::OP_ELITE_SET, words.begin(), words.end(), 6)
                                 : Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
      text_enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(sc::kId + id)));
      Xapian::MSet mset = text_enquire.get_mset(0, kCandidates);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        candidates[*it].text = it.get_weight();
        max_text = std::max(max_text, it.get_weight());
      }
    }

    // Candidates by what they share: each shared value adds its weight to every record that has
    // it, summed by walking the values' posting lists (a Xapian query doing the same sum under
    // CoordWeight took about half of each list's time: docs/benchmarks.md). Values more common
    // than kWalked are not walked; they count for the candidates found otherwise.
    const std::vector<SharedTerm>& shared = own_terms.shared;
    double own_shared = 0;
    for (const SharedTerm& s : shared) own_shared += s.weight;
    struct Sum {
      double weight = 0;
      bool person_or_subject = false;
    };
    std::unordered_map<Xapian::docid, Sum> sums;
    std::vector<const SharedTerm*> common;
    constexpr Xapian::doccount kWalked = 5000;
    for (const SharedTerm& s : shared) {
      if (s.df > kWalked) {
        common.push_back(&s);
        continue;
      }
      const bool named = s.field == "person" || s.field == "subject" || s.field == "series";
      for (auto post = db.postlist_begin(s.term); post != db.postlist_end(s.term); ++post) {
        if (*post == self) continue;
        Sum& sum = sums[*post];
        sum.weight += s.weight;
        sum.person_or_subject = sum.person_or_subject || named;
      }
    }
    std::vector<std::pair<double, Xapian::docid>> by_shared;
    by_shared.reserve(sums.size());
    for (const auto& [did, sum] : sums) by_shared.emplace_back(sum.weight, did);
    const std::size_t keep = std::min<std::size_t>(by_shared.size(), kCandidates);
    std::partial_sort(by_shared.begin(), by_shared.begin() + static_cast<long>(keep), by_shared.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (std::size_t i = 0; i < keep; ++i) candidates[by_shared[i].second];
    // Records that tie with the last one kept are kept too (up to a bound), so that which of
    // them are candidates does not depend on docids (the order records were indexed in): a
    // reindex then finds the same neighbours. Records of one FRUS chapter share it equally.
    if (keep > 0 && keep < by_shared.size()) {
      const double boundary = by_shared[keep - 1].first;
      std::size_t extra = 0;
      for (std::size_t i = keep; i < by_shared.size() && extra < 4 * kCandidates; ++i) {
        if (by_shared[i].first == boundary) candidates[by_shared[i].second], ++extra;
      }
    }
    for (auto& [did, c] : candidates) {
      if (auto it = sums.find(did); it != sums.end()) {
        c.shared = it->second.weight;
        c.shares_person_or_subject = it->second.person_or_subject;
      }
    }
    // The common values, for the candidates only: one pass over each posting list in docid order.
    for (const SharedTerm* s : common) {
      Xapian::PostingIterator post = db.postlist_begin(s->term);
      for (auto& [did, c] : candidates) {
        post.skip_to(did);
        if (post == db.postlist_end(s->term)) break;
        if (*post != did) continue;
        c.shared += s->weight;
        if (s->field == "person" || s->field == "subject" || s->field == "series") c.shares_person_or_subject = true;
      }
    }

    const Xapian::Document own = db.get_document(self);
    const std::string earliest = own.get_value(sc::kSlotEarliest);
    const std::string latest = own.get_value(sc::kSlotLatest);
    const bool dated = !earliest.empty();
    // The candidates' dates, read along each slot's value stream in docid order.
    if (dated) {
      Xapian::ValueIterator e = db.valuestream_begin(sc::kSlotEarliest), l = db.valuestream_begin(sc::kSlotLatest);
      const Xapian::ValueIterator end = db.valuestream_end(sc::kSlotEarliest);
      for (auto& [did, c] : candidates) {
        if (e != end) e.skip_to(did);
        if (e == end || e.get_docid() != did) continue;  // undated: no value
        l.skip_to(did);
        if (l == db.valuestream_end(sc::kSlotLatest) || l.get_docid() != did) continue;
        c.years = similarity::years_apart(earliest, latest, *e, *l);
      }
    }
    std::vector<std::pair<double, Xapian::docid>> scored;
    for (const auto& [did, c] : candidates) {
      if (auto s = similarity::score(c, max_text, own_shared, dated)) scored.emplace_back(*s, did);
    }
    // Only the best need their ids read (a document's data), ties broken by id below.
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::pair<double, std::string>> ranked;
    for (std::size_t i = 0; i < scored.size(); ++i) {
      if (ranked.size() >= static_cast<std::size_t>(limit) && scored[i].first < ranked.back().first) break;
      ranked.emplace_back(scored[i].first, db.get_document(scored[i].second).get_data());
    }
    // Best first; equal scores in id order, so the list does not depend on docids.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && out.size() < static_cast<std::size_t>(limit); ++i) out.push_back(ranked[i].second);
    return out;
  } catch (const Xapian::Error& e) {
    return Error::io("similar records: " + e.get_description());
  }
}

}  // namespace arkiv::index
