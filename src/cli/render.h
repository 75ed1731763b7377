// Text and JSON renderings of records and search results for the command line (and the JSON
// API, which shares the JSON forms).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"

namespace arkiv::cli {

// A snippet for a terminal: its marks become bold when `color`, else plain text.
std::string snippet_for_terminal(const MarkedText& snippet, bool color);
std::string record_as_text(const model::Document& doc, const std::vector<model::Provenance>& provenance);

}  // namespace arkiv::cli
