// Authority pages and the arrangement's pages: /authorities/{id}, /collections,
// /collections/{id} (docs/authorities.md).
#include <algorithm>

#include "api/search_params.h"
#include "base/strings.h"
#include "http/url.h"
#include "model/fields.h"
#include "web/internal/views.h"
#include "web/links.h"
#include "web/page.h"
#include "web/pages.h"

namespace arkiv::web {

namespace {

constexpr int kAuthorityHits = 50;

// Addresses of the identifiers people follow.
std::string identifier_href(const model::AuthorityIdentifier& i) {
  auto safe = [](const std::string& v) {
    return !v.empty() && v.size() < 64 &&
           std::all_of(v.begin(), v.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
  };
  if (!safe(i.value)) return "";
  if (i.scheme == "wikidata") return "https://www.wikidata.org/wiki/" + i.value;
  if (i.scheme == "viaf") return "https://viaf.org/viaf/" + i.value;
  if (i.scheme == "geonames") return "https://www.geonames.org/" + i.value;
  return "";
}

// The table of contents below a unit: nested lists, every text escaped.
void contents_html(const archive::UnitNode& node, std::string& out, int depth) {
  if (node.children.empty() || depth > 16) return;
  out += "<ol class=\"toc-tree\">";
  for (const archive::UnitNode& c : node.children) {
    out += "<li><a href=\"";
    html_escape_append(unit_url(c.unit.id), out);
    out += "\">";
    html_escape_append(c.unit.title, out);
    out += "</a> <span class=\"count\">";
    html_escape_append(count_text(c.documents), out);
    out += "</span>";
    contents_html(c, out, depth + 1);
    out += "</li>";
  }
  out += "</ol>";
}

}  // namespace

Page authority_view(const http::Request& req, archive::Archive& archive) {
  const std::string id = req.path_param("authority");
  const archive::Audience audience = api::audience_of(req);
  auto found = archive.authority(id, audience);
  if (!found) return error_view(req, found.error());
  if (!*found) return error_view(req, 404, "There is no authority record with the id \u201c" + id + "\u201d.");
  const archive::AuthorityView& v = **found;
  const model::Authority& a = v.authority;
  if (a.id != id) {
    // Merged into another: its page is the one to cite.
    Page moved = make_page("error", page_context("Moved", ""), 301);
    moved.data["message"] = std::string("This authority record was merged.");
    moved.log_detail = authority_url(a.id);  // where authority_page() redirects
    return moved;
  }
  mstch::map ctx = page_context(a.name, "browse");
  ctx["id"] = a.id;
  ctx["name"] = a.name;
  ctx["kind"] = a.kind;
  ctx["kind_title"] = facet_title(a.kind);
  ctx["dates"] = a.dates;
  ctx["note"] = a.note;
  mstch::array variants;
  for (const model::NameVariant& n : a.variants) {
    std::string detail = n.script;
    if (!n.scheme.empty()) detail += (detail.empty() ? "" : ", ") + n.scheme;
    variants.push_back(mstch::map{{"name", n.name}, {"detail", detail}, {"lang", n.script}});
  }
  ctx["variants"] = variants;
  ctx["has_variants"] = !variants.empty();
  mstch::array forms;
  for (const std::string& f : v.forms) forms.push_back(f);
  ctx["forms"] = forms;
  ctx["has_forms"] = !v.forms.empty();
  auto refs = [](const std::vector<archive::AuthorityRef>& list) {
    mstch::array out;
    for (const auto& r : list) out.push_back(mstch::map{{"href", authority_url(r.id)}, {"label", r.name.empty() ? r.id : r.name}});
    return out;
  };
  ctx["broader"] = refs(v.broader);
  ctx["has_broader"] = !v.broader.empty();
  ctx["narrower"] = refs(v.narrower);
  ctx["has_narrower"] = !v.narrower.empty();
  mstch::array ids;
  for (const model::AuthorityIdentifier& i : a.identifiers) ids.push_back(mstch::map{{"label", i.scheme + ": " + i.value}, {"href", identifier_href(i)}});
  ctx["identifiers"] = ids;
  ctx["has_identifiers"] = !a.identifiers.empty();
  // Its documents: the field's filter with the authority's id, so readers see what they may.
  archive::SearchQuery q;
  q.filters = {{a.kind, a.id}};
  q.limit = kAuthorityHits;
  q.sort = archive::SortOrder::kDateAscending;
  q.audience = audience;
  auto page = archive.search(q);
  if (!page) return error_view(req, page.error());
  mstch::array hits;
  for (const archive::SearchHit& h : page->hits) {
    hits.push_back(mstch::map{{"href", document_url(h.id)}, {"title", h.title.empty() ? h.id : h.title},
                              {"date", h.date.display.empty() ? std::string("Undated") : h.date.display}});
  }
  ctx["hits"] = hits;
  ctx["total"] = count_text(page->total);
  ctx["empty"] = hits.empty();
  if (page->total > kAuthorityHits) ctx["more"] = filter_url(a.kind, a.id) + "&sort=date";
  return make_page("authority", std::move(ctx));
}

http::Response authority_page(const http::Request& req, archive::Archive& archive) {
  Page p = authority_view(req, archive);
  if (p.status == 301) {
    return http::Response::redirect(p.log_detail, 301);
  }
  return render_page(p);
}

Page collections_view(const http::Request& req, archive::Archive& archive) {
  auto list = archive.collections();
  if (!list) return error_view(req, list.error());
  const archive::Audience audience = api::audience_of(req);
  mstch::array items;
  for (const model::Unit& u : *list) {
    auto view = archive.unit(u.id, audience);
    if (!view) return error_view(req, view.error());
    std::int64_t n = *view ? (*view)->tree.documents : 0;
    if (n == 0 && audience == archive::Audience::kReaders) continue;  // nothing readers may see
    items.push_back(mstch::map{{"href", unit_url(u.id)}, {"label", u.title}, {"count", count_text(n)}});
  }
  mstch::map ctx = page_context("Collections", "collections");
  ctx["title"] = std::string("Collections");
  ctx["list"] = true;
  ctx["collections"] = items;
  ctx["empty"] = items.empty();
  return make_page("collection", std::move(ctx));
}

http::Response collections_page(const http::Request& req, archive::Archive& archive) { return render_page(collections_view(req, archive)); }

Page unit_view(const http::Request& req, archive::Archive& archive) {
  const std::string id = req.path_param("unit");
  const archive::Audience audience = api::audience_of(req);
  auto found = archive.unit(id, audience);
  if (!found) return error_view(req, found.error());
  if (!*found) return error_view(req, 404, "There is no collection or series with the id \u201c" + id + "\u201d.");
  const archive::UnitView& v = **found;
  mstch::map ctx = page_context(v.unit.title, "collections");
  ctx["title"] = v.unit.title;
  ctx["dates"] = v.unit.dates;
  ctx["scope_note"] = v.unit.scope_note;
  mstch::array trail;
  for (const archive::AuthorityRef& t : v.trail) trail.push_back(mstch::map{{"href", unit_url(t.id)}, {"label", t.name}});
  ctx["trail"] = trail;
  ctx["has_trail"] = !v.trail.empty();
  std::string contents;
  contents_html(v.tree, contents, 0);
  ctx["contents"] = contents;
  ctx["has_contents"] = !contents.empty();
  ctx["total"] = count_text(v.tree.documents);
  if (v.tree.documents > 0) {
    // Reading in order: the collection's records sorted by their place in it.
    // Reading in order: the collection's records (its name is their collection value) in
    // the order of the arrangement.
    std::string collection = v.trail.empty() ? v.unit.title : v.trail.front().name;
    ctx["read_in_order"] = "/search?" + http::build_query({{"collection", collection}, {"sort", "collection"}});
  }
  mstch::array docs;
  for (const archive::UnitEntry& e : v.documents) {
    docs.push_back(mstch::map{{"href", document_url(e.id)}, {"title", e.title.empty() ? e.id : e.title},
                              {"date", e.date.empty() ? std::string("Undated") : e.date}, {"number", e.number}});
  }
  ctx["documents"] = docs;
  ctx["has_documents"] = !docs.empty();
  ctx["list"] = false;
  return make_page("collection", std::move(ctx));
}

http::Response unit_page(const http::Request& req, archive::Archive& archive) { return render_page(unit_view(req, archive)); }

}  // namespace arkiv::web
