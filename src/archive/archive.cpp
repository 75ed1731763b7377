#include "archive/archive.h"
#include "model/authority.h"
#include "archive/internal/import_stages.h"
#include "archive/internal/name_linker.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "archive/writer_lock.h"
#include "base/clock.h"
#include "base/digest.h"
#include "base/strings.h"
#include "index/search_index.h"
#include "model/fields.h"
#include "model/lifecycle.h"
#include "model/record_json.h"
#include "store/catalog.h"

namespace arkiv::archive {

namespace fs = std::filesystem;

namespace {

std::string catalog_path(const std::string& dir) { return dir + "/catalog.db"; }
std::string index_path(const std::string& dir) { return dir + "/index"; }

// The index is derived: one that cannot be opened for writing (a kill while it was being
// created leaves a folder Xapian does not recognise) is removed and made again, and the sync
// that follows rebuilds it from the catalog. Called by the holder of the writer lock only.
Result<std::unique_ptr<index::SearchIndex>> open_or_recreate_writable(const std::string& dir) {
  auto idx = index::SearchIndex::open_writable(dir);
  if (idx) return idx;
  std::error_code ec;
  fs::remove_all(dir, ec);
  return index::SearchIndex::open_writable(dir);
}

// Where the index stands against the catalog: current, behind it (changes to apply), or not
// its own (another catalog, another term scheme, or ahead of it: rebuild).
enum class IndexState { kCurrent, kBehind, kForeign };

struct IndexPosition {
  IndexState state = IndexState::kCurrent;
  std::int64_t applied = 0;  // the change the index has applied
  std::int64_t target = 0;   // the catalog's last change
};

Result<IndexPosition> index_position(const index::SearchIndex& idx, const store::Catalog& cat) {
  auto applied = idx.applied_seq();
  if (!applied) return applied.error();
  auto target = cat.change_seq();
  if (!target) return target.error();
  auto uuid = idx.catalog_uuid();
  if (!uuid) return uuid.error();
  auto scheme = idx.scheme_current();
  if (!scheme) return scheme.error();
  IndexPosition p{IndexState::kCurrent, *applied, *target};
  if (*uuid != cat.uuid() || !*scheme || *applied > *target) p.state = IndexState::kForeign;
  else if (*applied < *target) p.state = IndexState::kBehind;
  return p;
}

}  // namespace

Archive::~Archive() {
  index_.reset();
  catalog_.reset();
  unlock_writer(lock_fd_);
}

Result<std::unique_ptr<Archive>> Archive::open(const std::string& data_dir, Mode mode, std::chrono::milliseconds wait_for_lock) {
  std::unique_ptr<Archive> a(new Archive());
  a->dir_ = data_dir;
  a->mode_ = mode;
  std::error_code ec;
  if (mode == Mode::kWrite) {
    fs::create_directories(data_dir, ec);
    if (ec) return Error::io("cannot create data directory " + data_dir + ": " + ec.message());
    int open_errno = 0;
    a->lock_fd_ = lock_writer(data_dir, wait_for_lock, &open_errno);
    if (a->lock_fd_ < 0 && open_errno != 0) {
      return Error::io("cannot write in the data directory " + data_dir + ": " + std::strerror(open_errno) +
                       (open_errno == EROFS || open_errno == EACCES ? " (a read-only disk or a directory without write permission: importing needs write access)" : ""));
    }
    if (a->lock_fd_ < 0) {
      return Error::busy("another arkiv process is writing " + data_dir +
                         (wait_for_lock.count() > 0 ? "; gave up waiting for it" : "; wait for it to finish, or use import --wait"));
    }
  } else if (!fs::exists(catalog_path(data_dir))) {
    return Error::not_found("no archive in " + data_dir + " (import documents first: arkiv --data " + data_dir + " import PATH)");
  }
  auto cat = store::Catalog::open(catalog_path(data_dir));
  if (!cat) return cat.error();
  a->catalog_ = std::move(cat).value();
  if (Status s = a->open_index(); !s) return s.error();
  if (Status s = a->load_authority_variants(); !s) return s.error();
  return a;
}

Status Archive::open_index() {
  if (mode_ == Mode::kWrite) {
    auto idx = open_or_recreate_writable(index_path(dir_));
    if (!idx) return idx.error();
    index_ = std::move(idx).value();
    wire_index();
    return sync_index();
  }
  auto idx = index::SearchIndex::open_readonly(index_path(dir_));
  bool behind = !idx;
  if (idx) {
    auto position = index_position(**idx, *catalog_);
    if (!position) return position.error();
    behind = position->state != IndexState::kCurrent;
  }
  if (behind) {
    // A reader repairs the index when no writer is at work; otherwise the writer will.
    int fd = try_lock_writer(dir_);
    if (fd >= 0) {
      auto w = open_or_recreate_writable(index_path(dir_));
      if (w) {
        index_ = std::move(w).value();
        wire_index();
        // A repair that fails (a full disk) leaves the index as it was: read it as it is,
        // as when a writer holds the lock.
        (void)sync_index();
        index_.reset();
      }
      unlock_writer(fd);
      idx = index::SearchIndex::open_readonly(index_path(dir_));
    }
  }
  if (!idx) return idx.error();
  index_ = std::move(idx).value();
  std::error_code ec;
  index_stamp_ = fs::last_write_time(index_path(dir_) + "/iamglass", ec);
  return note_revision();
}

Status Archive::note_revision() {
  index_->keep_facets_in_memory(facets_in_memory_ && mode_ == Mode::kRead);
  auto uuid = index_->catalog_uuid();
  if (!uuid) return uuid.error();
  auto applied = index_->applied_seq();
  if (!applied) return applied.error();
  revision_ = *uuid + "/" + std::to_string(*applied) + "\x1e";
  return Status::success();
}

Status Archive::sync_index() {
  auto position = index_position(*index_, *catalog_);
  if (!position) return position.error();
  if (position->state == IndexState::kCurrent) return Status::success();
  std::int64_t applied = position->applied;
  const std::int64_t target = position->target;
  if (position->state == IndexState::kForeign) {
    // Built for another catalog, by another term scheme, or ahead of it: start again.
    auto count = index_->document_count();
    if (!count) return count.error();
    if (*count > 0 || applied != 0) {
      index_.reset();
      std::error_code ec;
      fs::remove_all(index_path(dir_), ec);
      auto idx = index::SearchIndex::open_writable(index_path(dir_));
      if (!idx) return idx.error();
      index_ = std::move(idx).value();
    }
    applied = 0;
  }
  Status failed;
  std::int64_t last = applied;
  Status s = catalog_->changes_since(applied, [&](const store::Change& c) {
    if (!failed.ok()) return;
    Status r = c.doc ? index_->replace(*c.doc) : index_->remove(c.id);
    if (!r) failed = r;
    last = c.seq;
  });
  if (!s) return s;
  if (!failed) return failed;
  return index_->commit(std::max(last, target), catalog_->uuid());
}

Status Archive::commit_index() {
  auto seq = catalog_->change_seq();
  if (!seq) return seq.error();
  return index_->commit(*seq, catalog_->uuid());
}

bool Archive::refresh() {
  if (!index_) return false;
  bool changed = refresh_index();
  if (changed) {
    // A reader that cannot read where the index stands keeps its old key: the next refresh
    // tries again.
    (void)note_revision();
    similar_cache_.clear();
    authority_names_.clear();
    (void)load_authority_variants();  // names an archivist added or merged since
  }
  return changed;
}

bool Archive::refresh_index() {
  // `reindex` swaps in a new directory; an open index would go on reading the old one.
  std::error_code ec;
  auto stamp = fs::last_write_time(index_path(dir_) + "/iamglass", ec);
  if (!ec && stamp != index_stamp_) {
    index_stamp_ = stamp;
    if (auto idx = index::SearchIndex::open_readonly(index_path(dir_))) {
      index_ = std::move(idx).value();
      return true;
    }
  }
  return index_->reopen();
}

namespace {

// The values of the title and of the name fields searched as words (subject, person...) in
// which the highlighter marks a query word, "; "-joined, and the names of those fields in
// `fields`; empty when none has a match.
MarkedText field_matches(const model::Document& doc, const index::Highlighter& highlighter, std::vector<std::string>& fields) {
  MarkedText out;
  for (const model::Field& f : model::fields()) {
    if (!f.is(model::kFieldQuery) || f.word_prefix.empty() || !f.values) continue;
    bool matched = false;
    for (const std::string& value : f.values(doc)) {
      MarkedText m = highlighter.mark_all(value);
      if (!m.has_marks()) continue;
      matched = true;
      if (!out.text.empty()) out.text += "; ";
      const std::size_t base = out.text.size();
      out.text += m.text;
      for (const MarkedText::Span& span : m.marks) out.marks.push_back({base + span.begin, base + span.end});
    }
    if (matched) fields.emplace_back(f.name);
  }
  return out;
}

}  // namespace

Result<SearchHit> Archive::make_hit(const std::string& id, const index::Highlighter* highlighter) const {
  if (!highlighter) {
    // No snippet wanted: the brief columns say all a list shows.
    auto b = catalog_->brief(id);
    if (!b) return b.error();
    return SearchHit{b->id, b->title, b->date, {}, "", {}, b->languages, b->document_type};
  }
  auto doc = catalog_->get(id);
  if (!doc) return doc.error();
  SearchHit hit{doc->id, doc->title, doc->date, {}, "", {}, model::record_languages(*doc), doc->document_type};
  if (highlighter) {
    // The first text with a match gives the snippet; else the summary or the text's start.
    std::vector<std::pair<const std::string*, std::string>> texts;  // text, its language
    for (const auto& c : doc->contents) texts.emplace_back(&c.text, c.language);
    texts.emplace_back(&doc->summary, "");
    for (const auto& [t, language] : texts) {
      MarkedText s = highlighter->snippet(*t);
      if (s.has_marks()) {
        hit.snippet = std::move(s);
        hit.snippet_language = language;
        break;
      }
    }
    if (hit.snippet.empty()) {
      // Not in a text: perhaps only in the title or a name field ("matched in: subject").
      hit.snippet = field_matches(*doc, *highlighter, hit.matched_in);
    }
    if (hit.snippet.empty()) {
      bool use_summary = !doc->summary.empty() || doc->contents.empty();
      hit.snippet = highlighter->snippet(use_summary ? doc->summary : doc->contents[0].text);
      if (!use_summary) hit.snippet_language = doc->contents[0].language;
    }
  }
  return hit;
}

namespace {

void add_key_part(std::string& k, const std::string& s) {
  k += '\x1f';
  k += s;
}

// The index's form of a reader's query.
index::SearchQuery index_query(const SearchQuery& q, double count_budget_seconds,
                               const std::shared_ptr<const model::NameVariants>& variants) {
  index::SearchQuery out;
  if (q.name_variants) out.name_variants = variants;
  out.text = q.text;
  out.filters = q.filters;
  out.from = q.from;
  out.to = q.to;
  out.date_mode = q.date_mode == DateMode::kWithin ? index::DateMode::kWithin : index::DateMode::kOverlaps;
  switch (q.undated) {
    case UndatedChoice::kDefault: out.undated = index::UndatedChoice::kDefault; break;
    case UndatedChoice::kInclude: out.undated = index::UndatedChoice::kInclude; break;
    case UndatedChoice::kExclude: out.undated = index::UndatedChoice::kExclude; break;
  }
  switch (q.sort) {
    case SortOrder::kRelevance: out.sort = index::SortOrder::kRelevance; break;
    case SortOrder::kDateAscending: out.sort = index::SortOrder::kDateAscending; break;
    case SortOrder::kDateDescending: out.sort = index::SortOrder::kDateDescending; break;
    case SortOrder::kCollection: out.sort = index::SortOrder::kCollection; break;
  }
  out.offset = q.offset;
  out.limit = q.limit;
  out.facets = q.facets;
  out.facet_limit = q.facet_limit;
  if (q.audience == Audience::kReaders) out.visible_on = model::today_utc();
  out.count_budget_seconds = q.exact_counts ? 0 : count_budget_seconds;
  return out;
}

std::vector<Facet> archive_facets(std::vector<index::Facet>&& facets) {
  std::vector<Facet> out;
  out.reserve(facets.size());
  for (index::Facet& f : facets) {
    Facet a{std::move(f.field), {}};
    a.values.reserve(f.values.size());
    for (index::FacetValue& v : f.values) a.values.push_back({std::move(v.value), v.count});
    out.push_back(std::move(a));
  }
  return out;
}

// What the summary of a query depends on: everything but the page and the order.
std::string summary_key(const SearchQuery& q, double count_budget_seconds, const model::NameVariants& variants) {
  // Readers' answers change on the day an embargo ends.
  std::string k = q.audience == Audience::kReaders ? "R" + model::today_utc() : std::string("S");
  add_key_part(k, q.text);
  for (const auto& [field, value] : q.filters) add_key_part(k, field + "=" + value);
  add_key_part(k, q.from);
  add_key_part(k, q.to);
  add_key_part(k, std::to_string(static_cast<int>(q.date_mode)) + "/" + std::to_string(static_cast<int>(q.undated)));
  add_key_part(k, std::to_string(q.facet_limit));
  for (const auto& f : q.facets) add_key_part(k, f);
  add_key_part(k, q.exact_counts || count_budget_seconds <= 0 ? "exact" : "budget " + std::to_string(count_budget_seconds));
  add_key_part(k, q.name_variants ? "names " + variants.digest() : "names off");
  return k;
}

std::string page_key(const SearchQuery& q, double count_budget_seconds, const model::NameVariants& variants) {
  std::string k = summary_key(q, count_budget_seconds, variants);
  add_key_part(k, std::to_string(static_cast<int>(q.sort)) + "/" + std::to_string(q.offset) + "/" + std::to_string(q.limit));
  return k;
}

}  // namespace

Result<SearchPage> Archive::search(const SearchQuery& query) {
  // Text that is not UTF-8 cannot be matched, shown or written as JSON: a clear message
  // instead (the HTTP layer refuses such URLs before they get here; the CLI passes bytes on).
  if (std::size_t bad = 0; !is_valid_utf8(query.text, &bad)) {
    return Error::invalid("the query is not valid UTF-8 (at byte " + std::to_string(bad + 1) + ")");
  }
  for (const auto& [field, value] : query.filters) {
    if (!is_valid_utf8(field) || !is_valid_utf8(value)) return Error::invalid("filter '" + field + "': not valid UTF-8");
  }
  const bool cache = mode_ == Mode::kRead && caching_;
  std::string key, skey;
  std::shared_ptr<const SearchSummary> summary;
  index::SearchQuery q = index_query(query, count_budget_seconds_, name_variants_);
  if (cache) {
    key = revision_ + page_key(query, count_budget_seconds_, *name_variants_);
    if (auto hit = search_cache_->page(key)) return *hit;
    skey = revision_ + summary_key(query, count_budget_seconds_, *name_variants_);
    summary = search_cache_->summary(skey);
    // The counts are known: ask the index for this page of hits only.
    if (summary) {
      q.facets.clear();
      q.count_matches = false;
    }
  }
  auto r = index_->search(q);
  if (!r) return r.error();
  SearchPage page;
  page.undated = r->undated;
  for (index::NameExpansion& e : r->variants) page.variants.push_back(NameVariantUse{std::move(e.matched), std::move(e.forms)});
  if (summary) {
    page.total = summary->total;
    page.total_exact = summary->total_exact;
    page.count_stopped = summary->count_stopped;
    page.facets = summary->facets;
    page.suggestion = summary->suggestion;
  } else {
    page.total = r->total;
    page.total_exact = r->total_exact;
    page.count_stopped = r->count_stopped;
    page.facets = archive_facets(std::move(r->facets));
    // Values that are authority ids carry the authority's preferred name.
    for (Facet& f : page.facets) {
      for (FacetValue& v : f.values) {
        if (model::is_authority_id(v.value)) v.label = authority_name(v.value);
      }
    }
    // Suggest another spelling only when the query as typed finds nothing.
    if (r->total == 0) page.suggestion = std::move(r->suggestion);
    if (cache) {
      search_cache_->put_summary(
          skey, std::make_shared<SearchSummary>(SearchSummary{page.total, page.total_exact, page.count_stopped, page.facets, page.suggestion}));
    }
  }
  for (const std::string& id : r->ids) {
    auto hit = make_hit(id, &r->highlighter);
    if (!hit) {
      // The index names a record the catalog does not have: the index is behind a deletion.
      // Leave it out; the next writer's sync removes it.
      page.total = std::max<std::int64_t>(0, page.total - 1);
      continue;
    }
    page.hits.push_back(std::move(hit).value());
  }
  if (cache) search_cache_->put_page(key, std::make_shared<const SearchPage>(page));
  return page;
}

Result<model::Document> Archive::document(const std::string& id, Audience audience) const {
  auto doc = catalog_->get(id);
  if (doc && audience == Audience::kReaders && !model::visible_to_readers(*doc, model::today_utc())) {
    return Error::not_found("no record with id '" + id + "'");
  }
  return doc;
}

namespace {

bool brief_hidden(const store::Brief& b, std::string_view today) {
  auto p = b.publication.empty() ? model::Publication::kPublished : model::parse_publication(b.publication).value_or(model::Publication::kDraft);
  return !model::visible_to_readers(p, b.embargo_until, today);
}

}  // namespace

bool Archive::hidden_from_readers(const std::string& id) const {
  auto b = catalog_->brief(id);
  return b && brief_hidden(*b, model::today_utc());
}

Result<SaveOutcome> Archive::save(model::Document doc, const SaveOptions& options) {
  if (mode_ != Mode::kWrite) return Error::internal("save needs the archive opened for writing");
  // A link whose value the editor removed goes with it; new values are linked by name.
  std::erase_if(doc.links, [&](const model::NameLink& l) {
    const model::Field* f = model::find_field(l.field);
    return !f || !f->list || std::find((doc.*f->list).begin(), (doc.*f->list).end(), l.form) == (doc.*f->list).end();
  });
  if (Status v = model::validate(doc); !v) return v.error();
  internal::LinkPlan plan;
  {
    auto linker = internal::NameLinker::load_lazily(*catalog_);
    if (!linker) return linker.error();
    std::vector<std::string> warnings;
    if (Status s = linker->link(doc, plan, warnings); !s) return s.error();
  }
  // The stored JSON is the canonical form; a record that does not survive it is refused.
  model::Provenance prov{"(edited in arkiv by " + (options.user.empty() ? std::string("an operator") : options.user) + ")", "edit",
                         sha256_hex(model::to_json_line(doc)), now_utc()};
  store::SaveInfo info{options.user, options.message, options.expected_revision};
  // One transaction, as an import's batch: the authorities and units it links to, the record,
  // its names to review.
  auto stored = internal::store_records({&doc}, prov, info, *catalog_, plan);
  if (!stored) return stored.error();
  forget_authority_names(plan);
  const model::PutOutcome* outcome = &stored->front().outcome;
  SaveOutcome out{*outcome, 0};
  auto rev = catalog_->current_revision(doc.id);
  if (!rev) return rev.error();
  out.revision = *rev;
  if (*outcome == model::PutOutcome::kUnchanged) return out;
  // Index it now: readers pick the commit up at their next refresh.
  if (Status s = sync_index(); !s) return s.error();
  (void)update_similar();  // its own "more like this" list; the record is saved either way
  return out;
}

Result<std::int64_t> Archive::current_revision(const std::string& id) const { return catalog_->current_revision(id); }

Result<std::string> Archive::owner(const std::string& id) const { return catalog_->owner(id); }

Result<std::vector<RevisionEntry>> Archive::history(const std::string& id) const {
  auto revs = catalog_->revisions(id);
  if (!revs) return revs.error();
  std::vector<RevisionEntry> out;
  for (auto& r : *revs) out.push_back({r.revision, std::move(r.saved_at), std::move(r.saved_by), std::move(r.message)});
  return out;
}

Result<model::Document> Archive::revision(const std::string& id, std::int64_t number) const { return catalog_->revision(id, number); }

Result<std::vector<model::Provenance>> Archive::provenance(const std::string& id) const { return catalog_->provenance(id); }

Result<std::vector<SearchHit>> Archive::similar(const std::string& id, int limit, Audience audience) {
  auto stored = catalog_->similar(id);
  if (!stored) return stored.error();
  std::vector<std::string> ids;
  std::string live_key;  // set when the list comes from the index, not the catalog
  if (*stored) {
    ids = std::move(**stored);
    if (ids.size() > static_cast<std::size_t>(std::max(limit, 0))) ids.resize(static_cast<std::size_t>(std::max(limit, 0)));
  } else {
    // No list for this version of the record yet (an import is still running, or stopped
    // before it got to the lists): ask the index, and keep the answer a while.
    live_key = id + "\x1f" + std::to_string(limit) + "\x1f" + (audience == Audience::kReaders ? "R" + model::today_utc() : "S");
    if (mode_ == Mode::kRead && caching_) {
      if (const auto* hit = similar_cache_.get(live_key)) return *hit;
    }
    auto live = index_->similar(id, limit);
    if (!live) return live.error();
    ids = std::move(live).value();
  }
  std::vector<SearchHit> out;
  const std::string today = model::today_utc();
  for (const std::string& other : ids) {
    // A record deleted since the list was made is left out, and so, for readers, is one they
    // may not see (the lists are made over every record).
    auto b = catalog_->brief(other);
    if (!b) continue;
    if (audience == Audience::kReaders && brief_hidden(*b, today)) continue;
    out.push_back(SearchHit{b->id, b->title, b->date, {}, "", {}, b->languages, b->document_type});
  }
  if (!live_key.empty() && mode_ == Mode::kRead && caching_) similar_cache_.put(live_key, out);
  return out;
}

Result<std::int64_t> Archive::update_similar(const std::function<void(std::int64_t, std::int64_t)>& progress) {
  if (mode_ != Mode::kWrite) return Error::internal("update_similar needs the archive opened for writing");
  auto pending = catalog_->similar_pending();
  if (!pending) return pending.error();
  const auto total = static_cast<std::int64_t>(pending->size());
  if (total == 0) return 0;
  // One read-only view of the committed index per thread; each list is an independent query.
  unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  std::vector<std::unique_ptr<index::SearchIndex>> readers;
  for (unsigned t = 0; t < threads; ++t) {
    auto r = index::SearchIndex::open_readonly(index_path(dir_));
    if (!r) return r.error();
    readers.push_back(std::move(r).value());
  }
  // Blocks: each is computed in parallel, then written in one catalog transaction, so an
  // interrupted run keeps what it finished and the next one goes on from there.
  constexpr std::size_t kBlock = 2000;
  std::int64_t done = 0;
  for (std::size_t start = 0; start < pending->size(); start += kBlock) {
    std::size_t end = std::min(pending->size(), start + kBlock);
    std::vector<std::optional<Result<std::vector<std::string>>>> lists(end - start);
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (std::size_t i = start + t; i < end; i += threads) lists[i - start] = readers[t]->similar((*pending)[i].first, kSimilarKept);
      });
    }
    for (auto& w : workers) w.join();
    if (Status s = catalog_->begin(); !s) return s.error();
    for (std::size_t i = start; i < end; ++i) {
      const auto& list = *lists[i - start];
      if (!list) {
        if (list.error().code() == ErrorCode::kNotFound) continue;  // not in the index: nothing to compare
        catalog_->rollback();
        return list.error();
      }
      if (Status s = catalog_->put_similar((*pending)[i].first, (*pending)[i].second, *list); !s) {
        catalog_->rollback();
        return s.error();
      }
    }
    if (Status s = catalog_->commit(); !s) return s.error();
    done += static_cast<std::int64_t>(end - start);
    if (progress) progress(done, total);
  }
  return total;
}

Result<std::vector<std::pair<std::string, std::string>>> Archive::recent(int limit, Audience audience) const {
  return catalog_->recent(limit, audience == Audience::kReaders ? model::today_utc() : "");
}

Result<std::vector<DateToReview>> Archive::dates_to_review() const {
  auto rows = catalog_->unbounded_dates();
  if (!rows) return rows.error();
  std::vector<DateToReview> out;
  for (auto& [id, title, display] : *rows) {
    auto date = model::parse_date(display);
    std::string problem = date ? date->problem : date.error().message();
    if (!problem.empty()) out.push_back({std::move(id), std::move(title), std::move(display), std::move(problem)});
  }
  return out;
}

Status Archive::for_each_document(const std::function<bool(const model::Document&)>& fn) const {
  return catalog_->for_each(fn);
}

Status Archive::export_jsonl(std::ostream& out, bool history) const {
  // Authority records, arrangement units and merge redirects first (one per line, with
  // "type"), so that an import of the file knows them before the records that link to them.
  if (!history) {
    Status a = catalog_->for_each_authority([&](const model::Authority& a) {
      out << model::to_json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return static_cast<bool>(out);
    });
    if (!a) return a;
    Status u = catalog_->for_each_unit([&](const model::Unit& u) {
      out << model::to_json(u).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return static_cast<bool>(out);
    });
    if (!u) return u;
    Status r = catalog_->for_each_authority_redirect([&](const model::AuthorityRedirect& r) {
      out << model::to_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return static_cast<bool>(out);
    });
    if (!r) return r;
  }
  Status s = history ? catalog_->for_each_revision([&](const std::string& id, const store::RevisionInfo& r, const model::Document& d) {
    nlohmann::json line = {{"id", id}, {"revision", r.revision}, {"saved_at", r.saved_at}, {"saved_by", r.saved_by},
                           {"message", r.message}, {"record", model::to_json(d)}};
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return static_cast<bool>(out);
  })
                     : catalog_->for_each([&](const model::Document& d) {
                         out << model::to_json_line(d) << '\n';
                         return static_cast<bool>(out);
                       });
  if (!s) return s;
  if (!out) return Error::io("export: cannot write to the output");
  return Status::success();
}

Result<std::int64_t> Archive::reindex(const std::function<void(std::int64_t, std::int64_t)>& progress,
                                      const std::function<void(std::int64_t, std::int64_t)>& similar_progress) {
  if (mode_ != Mode::kWrite) return Error::internal("reindex needs the archive opened for writing");
  std::string fresh = index_path(dir_) + ".new";
  std::error_code ec;
  fs::remove_all(fresh, ec);
  auto idx = index::SearchIndex::open_writable(fresh);
  if (!idx) return idx.error();
  (*idx)->set_authority_names([this](const std::string& id) { return authority_names(id); });
  auto st = catalog_->stats();
  if (!st) return st.error();
  std::int64_t total = st->documents, done = 0;
  auto seq_now = catalog_->change_seq();
  if (!seq_now) return seq_now.error();
  const std::int64_t seq = *seq_now;
  Status failed;
  Status s = catalog_->for_each([&](const model::Document& d) {
    failed = (*idx)->replace(d, /*known_new=*/true);  // a fresh index: every record is new
    ++done;
    if (progress && (done % 500 == 0 || done == total)) progress(done, total);
    return failed.ok();
  });
  if (!s) return s.error();
  if (!failed) return failed.error();
  if (Status c = (*idx)->commit(seq, catalog_->uuid()); !c) return c.error();
  idx->reset();
  // Swap: readers holding the old index keep their open files until they reopen.
  index_.reset();
  std::string old = index_path(dir_) + ".old";
  fs::remove_all(old, ec);
  fs::rename(index_path(dir_), old, ec);
  fs::rename(fresh, index_path(dir_), ec);
  if (ec) return Error::io("reindex: cannot move the new index into place: " + ec.message());
  fs::remove_all(old, ec);
  if (Status o = open_index(); !o) return o.error();
  if (Status c = catalog_->clear_similar(); !c) return c.error();
  if (auto n = update_similar(similar_progress); !n) return n.error();
  return done;
}

Result<ArchiveStats> Archive::stats(Audience audience) const {
  auto cs = catalog_->stats(audience == Audience::kReaders ? model::today_utc() : "");
  if (!cs) return cs.error();
  if (audience == Audience::kReaders) {
    // Readers learn nothing of hidden records, not even how many there are.
    ArchiveStats st;
    st.catalog = {cs->documents, cs->change_seq, std::move(cs->original_languages), std::move(cs->content_languages)};
    st.index = {cs->documents, cs->change_seq, cs->change_seq};
    return st;
  }
  auto documents = index_->document_count();
  if (!documents) return documents.error();
  auto applied = index_->applied_seq();
  if (!applied) return applied.error();
  ArchiveStats st;
  st.catalog = {cs->documents, cs->change_seq, std::move(cs->original_languages), std::move(cs->content_languages)};
  st.index = {*documents, *applied, cs->change_seq};
  return st;
}

void Archive::keep_facets_in_memory(bool on) {
  facets_in_memory_ = on;
  if (index_) index_->keep_facets_in_memory(on);
}

}  // namespace arkiv::archive
