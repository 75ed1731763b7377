// Templates (templates/*.mustache) and static files (static/*) compiled into the binary by
// embed_files.cmake, so the server never reads files at run time. Immutable; thread-safe.
#pragma once

#include <map>
#include <string>

namespace arkiv::web {

// File name ("home.mustache", "arkiv.css") -> contents.
const std::map<std::string, std::string>& embedded_files();

}  // namespace arkiv::web
