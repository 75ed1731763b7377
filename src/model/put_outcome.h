// What storing a record did: created it, updated it, or found it unchanged. The catalog
// decides; the archive reports it per record.
#pragma once

namespace arkiv::model {

enum class PutOutcome { kCreated, kUpdated, kUnchanged };

inline const char* outcome_name(PutOutcome o) {
  switch (o) {
    case PutOutcome::kCreated: return "created";
    case PutOutcome::kUpdated: return "updated";
    case PutOutcome::kUnchanged: return "unchanged";
  }
  return "?";
}

}  // namespace arkiv::model
