// Citations of a record in the formats readers and reference managers use: Chicago notes and
// bibliography (plain text), BibTeX, RIS and CSL-JSON. Each carries the holding archive and
// its reference. `url` is the record's permanent address in this reading room.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/document.h"

namespace arkiv::web {

std::string chicago_note(const model::Document& doc, const std::string& url);
std::string chicago_bibliography(const model::Document& doc, const std::string& url);
// Both Chicago forms plus the citation as the source gives it, for cite.txt.
std::string chicago_text(const model::Document& doc, const std::string& url);
std::string bibtex(const model::Document& doc, const std::string& url);
std::string ris(const model::Document& doc, const std::string& url);
// A page range as Chicago writes it: "301–303" -> "301–3", "321–328" -> "321–28" (CMOS 9.64, the
// rule citeproc applies for the Chicago styles); a single page or non-numeric pages as they are.
std::string chicago_pages(const std::string& pages);
// The record's translators, each once: the citation's, then each version's.
std::vector<std::string> translators(const model::Document& doc);
// A CSL-JSON array with one item.
nlohmann::json csl_json(const model::Document& doc, const std::string& url);

}  // namespace arkiv::web
