// Rendering pages: each handler first builds a Page (which template, its mustache data, the
// status), then render_page() turns it into a response with the embedded templates and the
// shared partials (head, footer), compiled once (web/template.h). {{var}} is HTML-escaped;
// templates use {{{var}}} only for snippets already rendered by marked_html().
// Thread-safe.
#pragma once

#include <mstch/mstch.hpp>

#include <string>

#include "http/request.h"
#include "http/response.h"
#include "web/template.h"

namespace arkiv::web {

// Context for the layout: page title, navigation with the current section marked
// ("home", "search", "browse", ""), the header's search box.
mstch::map page_context(const std::string& title, const std::string& section);
// A page before rendering: template `name` (without ".mustache") and its data.
struct Page {
  std::string name;
  mstch::map data;
  int status = 200;
  std::string log_detail;  // for the server's log line, never shown (5xx causes)
};
Page make_page(const std::string& name, mstch::map data, int status = 200);
// Renders the page with the compiled templates; an HTML response with the reading room's
// security headers.
http::Response render_page(const Page& page);
// The escaping of {{var}} in pages.
Template::Escape page_escape();
// The template sources, as embedded: a page's and the shared partials (tests render them
// with mstch, the reference our compiled templates must match).
const std::string& page_template_source(const std::string& name);
const std::map<std::string, std::string>& page_partials();
// The language of a title for its lang attribute: "" (the page's English) for ASCII text,
// else `fallback`.
std::string title_language(const std::string& title, const std::string& fallback);
std::string count_text(std::int64_t n);

}  // namespace arkiv::web
