// Fuzz target: the Wilson Center archive-record text parser, called directly (no sniffing).
#include <string>

#include "fuzz_target.h"
#include "ingest/wilson_text_importer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const arkiv::ingest::WilsonTextImporter importer;
  arkiv::ingest::SourceFile file{"fuzz/input.txt", std::string(reinterpret_cast<const char*>(data), size)};
  (void)importer.sniff(file);
  (void)importer.parse(file);
  return 0;
}
