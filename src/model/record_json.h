// arkiv's JSON record format (docs/record-format.md): conversion both ways and validation.
// The JSON form is canonical: keys sorted, every field present, so that export -> import ->
// export is byte-identical.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "model/document.h"

namespace arkiv::model {

nlohmann::json to_json(const Document& doc);
// One line of JSON Lines: to_json(doc) dumped compactly, without the newline.
std::string to_json_line(const Document& doc);

// Reads a record; errors name the field ("contents[0].language: unknown language code 'xx'").
Result<Document> from_json(const nlohmann::json& j);

// Checks what every stored record must satisfy: an id and a title, valid dates, known language
// codes, known content kinds, gaps inside their content. Normalises language codes in place.
Status validate(Document& doc);

nlohmann::json to_json(const Provenance& p);

}  // namespace arkiv::model
