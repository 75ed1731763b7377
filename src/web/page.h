// Rendering pages: the embedded mustache templates with the shared partials (head, footer),
// compiled once (web/template.h), and the context every page needs (title, navigation, meta
// tags). {{var}} is HTML-escaped; templates use {{{var}}} only for snippets the Highlighter has
// already escaped.
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
// Renders template `name` (without ".mustache") with the partials; returns an HTML response
// with the reading room's security headers.
http::Response render_page(const std::string& name, const mstch::map& context, int status = 200);
// The escaping of {{var}} in pages.
Template::Escape page_escape();
// Tests: render pages with mstch::render, the reference our compiled templates must match.
void render_pages_with_mstch(bool on);
// The language of a title for its lang attribute: "" (the page's English) for ASCII text,
// else `fallback`.
std::string title_language(const std::string& title, const std::string& fallback);
std::string count_text(std::int64_t n);

}  // namespace arkiv::web
