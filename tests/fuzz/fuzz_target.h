// The libFuzzer entry point every target in tests/fuzz defines, declared once so the plain
// replay driver (fuzz_replay.cpp) and the fuzzer runtime call the same function. Each target
// must be deterministic and keep no state between calls beyond read-only setup.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

// A property a target checks failed: stop the way a sanitizer would, so libFuzzer saves the input.
#define ARKIV_FUZZ_CHECK(cond) \
  do {                         \
    if (!(cond)) __builtin_trap(); \
  } while (0)
