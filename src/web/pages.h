// The reading room's pages, server-rendered and usable without JavaScript: home, search,
// document (with versions, citations and downloads), browse, errors, and the stylesheet.
// Handlers for the route table (http/routes.cpp); thread-safe given one Archive per thread.
#pragma once

#include <string>

#include "archive/archive.h"
#include "http/request.h"
#include "http/response.h"

namespace arkiv::web {

http::Response home_page(const http::Request& req, archive::Archive& archive);
http::Response search_page(const http::Request& req, archive::Archive& archive);
// ?version=N picks the version to read; ?view=parallel shows all side by side.
http::Response document_page(const http::Request& req, archive::Archive& archive);
// /documents/{id}/cite.{txt,bib,ris,json}: Chicago, BibTeX, RIS, CSL-JSON downloads.
http::Response citation_download(const http::Request& req, archive::Archive& archive);
http::Response browse_index_page(const http::Request& req, archive::Archive& archive);
http::Response browse_page(const http::Request& req, archive::Archive& archive);
// Authority records (/authorities/{id}: names, variants, notes, identifiers, broader and
// narrower terms, the records that name it) and the arrangement (/collections: every
// collection; /collections/{id}: a collection or series with its table of contents).
http::Response authority_page(const http::Request& req, archive::Archive& archive);
http::Response collections_page(const http::Request& req, archive::Archive& archive);
http::Response unit_page(const http::Request& req, archive::Archive& archive);
http::Response stylesheet(const http::Request& req, archive::Archive& archive);

http::Response error_page(const http::Request& req, int status, const std::string& message);
// An error page for an archive error: 5xx say only that something went wrong.
http::Response error_page(const http::Request& req, const Error& error);

// Facet field names as pages show them.
std::string facet_title(const std::string& field);  // "Languages"
std::string facet_label(const std::string& field);  // "Language"
// A facet value as people read it: language codes become names.
std::string facet_value_label(const std::string& field, const std::string& value);
// The same, knowing the archive: a value that is an authority's id shows its preferred name.
std::string facet_value_label(const archive::Archive& archive, const std::string& field, const std::string& value);

}  // namespace arkiv::web
