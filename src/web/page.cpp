#include "web/page.h"


#include "base/strings.h"
#include "web/embedded_files.h"
#include "web/template.h"

namespace arkiv::web {

namespace {

const std::string& file(const std::string& name) {
  const auto& files = embedded_files();
  auto it = files.find(name);
  if (it == files.end()) throw std::logic_error("no embedded file " + name);
  return it->second;
}


}  // namespace

const std::map<std::string, std::string>& page_partials() {
  static const std::map<std::string, std::string> p = {{"head", file("head.mustache")}, {"footer", file("footer.mustache")},
                                                        {"paragraph", file("paragraph.mustache")},
                                                        {"field", file("field.mustache")}};
  return p;
}

const std::string& page_template_source(const std::string& name) { return file(name + ".mustache"); }

namespace {

// Every page template, parsed once with the shared partials.
const Template& page_template(const std::string& name) {
  static const std::map<std::string, Template> templates = [] {
    std::map<std::string, Template> t;
    for (const char* page : {"home", "search", "document", "browse", "authority", "collection", "error", "login", "edit", "history", "upload"}) {
      t.emplace(page, Template::compile(file(std::string(page) + ".mustache"), page_partials()));
    }
    return t;
  }();
  auto it = templates.find(name);
  if (it == templates.end()) throw std::logic_error("no page template " + name);
  return it->second;
}

}  // namespace

mstch::map page_context(const std::string& title, const std::string& section) {
  mstch::array nav;
  const std::pair<const char*, const char*> items[] = {{"home", "/"}, {"search", "/search"}, {"browse", "/browse"}, {"collections", "/collections"}};
  const char* labels[] = {"Home", "Search", "Browse", "Collections"};
  for (std::size_t i = 0; i < 4; ++i) {
    nav.push_back(mstch::map{{"href", std::string(items[i].second)},
                             {"label", std::string(labels[i])},
                             {"current", section == items[i].first}});
  }
  return mstch::map{{"page_title", title}, {"nav", nav}, {"site_search", section != "home" && section != "search"},
                    {"meta", mstch::array{}}, {"links", mstch::array{}}};
}

Page make_page(const std::string& name, mstch::map data, int status) { return Page{name, std::move(data), status, ""}; }

http::Response render_page(const Page& page) {
  http::Response r = http::Response::html(page_template(page.name).render(page.data, page_escape()), page.status);
  r.log_detail = page.log_detail;
  // No scripts at all: the pages do not need them, and this blunts any injection that slips by.
  r.set_header("Content-Security-Policy",
               "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Referrer-Policy", "same-origin");
  return r;
}

Template::Escape page_escape() {
  // Not mstch's escaping, which also turns '/' into "&#x2F;" and so makes every link unreadable
  // in the page source: & < > " ' are all that text and quoted attributes need.
  return [](std::string_view text, std::string& out) { html_escape_append(text, out); };
}

std::string title_language(const std::string& title, const std::string& fallback) {
  for (unsigned char c : title) {
    if (c >= 0x80) return fallback;
  }
  return "";
}

std::string count_text(std::int64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace arkiv::web
