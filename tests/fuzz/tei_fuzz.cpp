// Fuzz target: the TEI parser (pugixml loading, FRUS volume split, TEI text), called directly.
#include <string>

#include "fuzz_target.h"
#include "ingest/tei_importer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const arkiv::ingest::TeiImporter importer;
  arkiv::ingest::SourceFile file{"fuzz/input.xml", std::string(reinterpret_cast<const char*>(data), size)};
  (void)importer.sniff(file);
  (void)importer.parse(file);
  return 0;
}
