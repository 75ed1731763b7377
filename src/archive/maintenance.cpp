// Archive::check, Archive::backup, Archive::restore: keeping a copy that can be trusted.
#include <algorithm>
#include <filesystem>
#include <set>

#include "archive/archive.h"
#include "archive/writer_lock.h"
#include "index/search_index.h"
#include "store/maintenance.h"

namespace arkiv::archive {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxListed = 100;  // ids listed per kind of disagreement, then a count

void list_ids(const std::string& what, const std::vector<std::string>& ids, std::vector<std::string>& problems) {
  for (std::size_t i = 0; i < ids.size() && i < kMaxListed; ++i) problems.push_back("record '" + ids[i] + "': " + what);
  if (ids.size() > kMaxListed) problems.push_back(std::to_string(ids.size() - kMaxListed) + " more records: " + what);
}

}  // namespace

Result<CheckReport> Archive::check() const {
  auto cat = store::check_catalog(dir_ + "/catalog.db");
  if (!cat) return cat.error();
  CheckReport r;
  r.problems = std::move(cat->problems);
  r.records = static_cast<std::int64_t>(cat->ids.size());
  auto documents = index_->document_count();
  if (!documents) return documents.error();
  r.index_documents = *documents;
  auto uuid = index_->catalog_uuid();
  if (!uuid) return uuid.error();
  if (*uuid != cat->uuid) r.problems.push_back("index: built for catalog " + *uuid + ", not this one (" + cat->uuid + ")");
  auto applied_seq = index_->applied_seq();
  if (!applied_seq) return applied_seq.error();
  const std::int64_t applied = *applied_seq;
  if (applied > cat->change_seq) {
    r.problems.push_back("index: at change " + std::to_string(applied) + ", past the catalog's " + std::to_string(cat->change_seq));
  } else if (applied < cat->change_seq) {
    r.notes.push_back("index: at change " + std::to_string(applied) + " of the catalog's " + std::to_string(cat->change_seq) +
                      "; the next writer (or a reader that can take the lock) brings it up to date");
  }
  // Records changed or deleted after the index's change may or may not be in it yet.
  std::set<std::string> pending;
  for (const auto& [id, seq] : cat->deletions) {
    if (seq > applied) pending.insert(id);
  }
  for (std::size_t k = 0; k < cat->ids.size(); ++k) {
    if (cat->seqs[k] > applied) pending.insert(cat->ids[k]);
  }
  // Both lists are in id order (the index's terms sort bytewise, as SQLite's TEXT does).
  std::vector<std::string> missing, extra, doubled;
  std::size_t i = 0;
  Status s = index_->for_each_id([&](const std::string& id, std::int64_t documents) {
    while (i < cat->ids.size() && cat->ids[i] < id) missing.push_back(cat->ids[i++]);
    if (i < cat->ids.size() && cat->ids[i] == id) ++i;
    else extra.push_back(id);
    if (documents > 1) doubled.push_back(id);
  });
  if (!s) return s.error();
  while (i < cat->ids.size()) missing.push_back(cat->ids[i++]);
  auto not_pending = [&](std::vector<std::string>& ids) {
    ids.erase(std::remove_if(ids.begin(), ids.end(), [&](const std::string& id) { return pending.count(id) > 0; }), ids.end());
  };
  not_pending(missing);
  not_pending(extra);
  list_ids("in the catalog, not in the index", missing, r.problems);
  list_ids("in the index, not in the catalog", extra, r.problems);
  list_ids("more than once in the index", doubled, r.problems);
  if (pending.empty() && missing.empty() && extra.empty() && doubled.empty() && r.index_documents != r.records) {
    r.problems.push_back("index: " + std::to_string(r.index_documents) + " documents for " + std::to_string(r.records) + " records");
  }
  return r;
}

Result<std::int64_t> Archive::backup(const std::string& data_dir, const std::string& dest_dir) {
  const std::string catalog = data_dir + "/catalog.db";
  if (!fs::exists(catalog)) return Error::not_found("no archive in " + data_dir);
  std::error_code ec;
  if (fs::exists(dest_dir, ec) && !fs::is_empty(dest_dir, ec)) {
    return Error::invalid("backup: " + dest_dir + " exists and is not empty; give a new or empty folder");
  }
  fs::create_directories(dest_dir, ec);
  if (ec) return Error::io("backup: cannot create " + dest_dir + ": " + ec.message());
  if (Status s = store::copy_catalog(catalog, dest_dir + "/catalog.db"); !s) return s.error();
  // The index is derived: build it from the copy rather than copy files a writer may be changing.
  auto copy = open(dest_dir, Mode::kWrite);
  if (!copy) return copy.error();
  auto report = (*copy)->check();
  if (!report) return report.error();
  if (!report->ok()) return Error::corrupt("backup: the copy in " + dest_dir + " failed its check: " + report->problems.front());
  return report->records;
}

Result<std::int64_t> Archive::restore(const std::string& src_dir, const std::string& data_dir, std::chrono::milliseconds wait_for_lock) {
  const std::string source = src_dir + "/catalog.db";
  if (!fs::exists(source)) return Error::not_found("restore: no catalog in " + src_dir);
  auto checked = store::check_catalog(source);
  if (!checked) return checked.error();
  if (!checked->problems.empty()) {
    return Error::corrupt("restore: the backup in " + src_dir + " is not sound (" + checked->problems.front() + "); nothing was changed");
  }
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return Error::io("restore: cannot create " + data_dir + ": " + ec.message());
  int lock = lock_writer(data_dir, wait_for_lock);
  if (lock < 0) return Error::busy("restore: another arkiv process is writing " + data_dir + "; stop it first, or use --wait");
  Status copied = store::copy_catalog(source, data_dir + "/catalog.db");
  if (copied) {
    // The old index follows another history: move it aside; the open below builds a new one.
    fs::remove_all(data_dir + "/index.old", ec);
    fs::rename(data_dir + "/index", data_dir + "/index.old", ec);
  }
  unlock_writer(lock);
  if (!copied) return copied.error();
  auto a = open(data_dir, Mode::kWrite, wait_for_lock);
  if (!a) return a.error();
  fs::remove_all(data_dir + "/index.old", ec);
  auto report = (*a)->check();
  if (!report) return report.error();
  if (!report->ok()) return Error::corrupt("restore: the restored archive failed its check: " + report->problems.front());
  return report->records;
}

}  // namespace arkiv::archive
