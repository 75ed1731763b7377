#include "base/result.h"

namespace arkiv {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid input";
    case ErrorCode::kNotFound: return "not found";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kIo: return "i/o error";
    case ErrorCode::kBusy: return "busy";
    case ErrorCode::kTooLarge: return "too large";
    case ErrorCode::kInternal: return "internal error";
    case ErrorCode::kConflict: return "conflict";
  }
  return "error";
}

}  // namespace arkiv
