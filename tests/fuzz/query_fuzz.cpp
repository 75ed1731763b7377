// Fuzz target: the query path over a small index built once from tests/fixtures/multilingual.jsonl:
// the input is the query text (Xapian syntax as users type it), its first byte also picks the
// sort order and a date range; every facet is counted and each hit's snippet highlighted.
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "base/temp_dir.h"
#include "fuzz_target.h"
#include "index/search_index.h"
#include "ingest/json_importer.h"
#include "model/fields.h"

namespace {

const arkiv::index::SearchIndex& small_index() {
  static arkiv::TempDir dir;
  static std::unique_ptr<arkiv::index::SearchIndex> index = [] {
    std::ifstream in(ARKIV_SOURCE_DIR "/tests/fixtures/multilingual.jsonl", std::ios::binary);
    arkiv::ingest::SourceFile file{"multilingual.jsonl", std::string(std::istreambuf_iterator<char>(in), {})};
    auto out = arkiv::ingest::JsonImporter().parse(file);
    auto writable = arkiv::index::SearchIndex::open_writable(dir.file("index"));
    if (!writable || out.records.empty()) __builtin_trap();
    for (const auto& doc : out.records) {
      if (!(*writable)->replace(doc)) __builtin_trap();
    }
    if (!(*writable)->commit(1, "fuzz")) __builtin_trap();
    writable->reset();
    auto readonly = arkiv::index::SearchIndex::open_readonly(dir.file("index"));
    if (!readonly) __builtin_trap();
    return std::move(readonly).value();
  }();
  return *index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& index = small_index();
  arkiv::index::SearchQuery q;
  q.text.assign(reinterpret_cast<const char*>(data), size);
  unsigned char pick = size > 0 ? data[0] : 0;
  q.sort = static_cast<arkiv::index::SortOrder>(pick % 3);
  if (pick & 4) q.from = "1960-01-01";
  if (pick & 8) q.to = "1969-12-31";
  if (pick & 16) q.filters.emplace_back("language", "sq");
  for (const auto* field : arkiv::model::facet_fields()) q.facets.emplace_back(field->name);
  auto r = index.search(q);
  if (!r) return 0;
  ARKIV_FUZZ_CHECK(r->total >= static_cast<std::int64_t>(r->ids.size()));
  (void)r->highlighter.snippet("Deklarata e përbashkët u nënshkrua në Tiranë. 조선로동당 중앙위원회 " + q.text);
  return 0;
}
