// Fuzz target: a file offered to the importer registry, as `arkiv import` does: the registry
// picks a format by content and that importer parses it. Every record it returns must have
// passed validation. PDF (poppler, a third-party parser run in a child process) is left out.
#include <string>

#include "fuzz_target.h"
#include "ingest/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto registry = arkiv::ingest::ImporterRegistry::with_builtin_importers();
  arkiv::ingest::SourceFile file{"fuzz/input", std::string(reinterpret_cast<const char*>(data), size)};
  auto importer = registry.pick(file);
  if (!importer || (*importer)->reads_binary()) return 0;
  arkiv::ingest::ParseOutput out = (*importer)->parse(file);
  for (const auto& doc : out.records) ARKIV_FUZZ_CHECK(!doc.id.empty());
  return 0;
}
