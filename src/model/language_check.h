// Checks each version's declared language against its text by detection (text/language_guess):
// the findings a reviewer should see. Used by the importers (warnings) and `arkiv review
// languages`. Pure functions of the record, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/document.h"

namespace arkiv::model {

struct LanguageFinding {
  std::size_t content = 0;   // index into Document::contents
  std::string declared;      // what the source declared (verbatim when arkiv could not read it)
  std::string detected;      // what the text reads as; empty when detection cannot tell
  bool relabelled = false;   // the record carries the detected language, the declaration kept beside it
};

// Versions whose text reads as another language than the one they carry, and versions whose
// declared language was set aside at import (Content::declared_language).
std::vector<LanguageFinding> check_languages(const Document& doc);

// For each version whose text the detector reads as another language than the declared one,
// and whose declared language the detector knows (so the disagreement is evidence): carries
// the detected language, keeps the declared one in Content::declared_language, and says so in
// the returned findings. Other mismatches are returned without a change.
std::vector<LanguageFinding> apply_language_check(Document& doc);

}  // namespace arkiv::model
