#include "model/fields.h"
#include "api/endpoints.h"

#include "http/url.h"

#include <filesystem>
#include <limits>

#include "api/editing.h"
#include "api/json_views.h"
#include "api/search_params.h"
#include "base/digest.h"
#include "base/strings.h"
#include "text/language.h"

namespace arkiv::api {

using nlohmann::json;

namespace {

void add_cors(http::Response& r) {
  r.set_header("Access-Control-Allow-Origin", "*");
  r.set_header("Access-Control-Expose-Headers", "ETag");
}

// True when the If-None-Match header lists `etag` (or is "*"); weak tags compare equal.
bool etag_matches(const std::string& header, const std::string& etag) {
  for (const std::string& part : split(header, ',')) {
    std::string_view t = trim(part);
    if (t == "*") return true;
    if (t.substr(0, 2) == "W/") t.remove_prefix(2);
    if (t == etag) return true;
  }
  return false;
}

// An empty answer says why when a filter's value is found in no record at all:
// "unmatched_filters": [{field, value}] and a "message" naming them.
Status add_unmatched(json& body, const archive::SearchPage& page, const archive::SearchQuery& q, archive::Archive& archive) {
  json unmatched = json::array();
  std::string message;
  if (page.total == 0 && !q.filters.empty()) {
    auto none = filters_matching_nothing(archive, q);
    if (!none) return none.error();
    for (const auto& [field, value] : *none) {
      unmatched.push_back({{"field", field}, {"value", value}});
      message += std::string(message.empty() ? "" : "; ") + "no document has " + field + " '" + value + "'";
    }
  }
  body["unmatched_filters"] = unmatched;
  if (!message.empty()) body["message"] = message;
  return Status::success();
}

}  // namespace

http::Response json_response(const json& body, int status) {
  http::Response r = http::Response::json(body.dump(2, ' ', false, json::error_handler_t::replace) + "\n", status);
  add_cors(r);
  return r;
}

http::Response error_response(int status, const std::string& message) {
  return json_response({{"error", {{"status", status}, {"message", message}}}}, status);
}

http::Response error_response(const Error& error) {
  int status = http::http_status(error.code());
  if (status >= 500) {
    http::Response r = error_response(status, status == 503 ? "the archive is busy; try again later" : "internal error");
    r.log_detail = error.message();
    return r;
  }
  return error_response(status, error.message());
}

http::Response search_endpoint(const http::Request& req, archive::Archive& archive) {
  if (Status known = only_search_params(req.query, {"facet_limit"}); !known) return error_response(known.error());
  auto params = parse_search_params(req.query, 10);
  if (!params) return error_response(params.error());
  params->query.facets = model::field_names(model::kFacet);
  auto facet_limit = int_param(req.query, "facet_limit", 1, 100, 20);
  if (!facet_limit) return error_response(facet_limit.error());
  params->query.facet_limit = *facet_limit;
  params->query.audience = audience_of(req);
  auto page = archive.search(params->query);
  if (!page) {
    if (page.error().code() == ErrorCode::kInvalidInput) return error_response(400, "parameter 'q': " + page.error().message());
    return error_response(page.error());
  }
  json body = search_page_json(*page, params->query, req.base_url);
  body["page"] = params->page;
  if (Status s = add_unmatched(body, *page, params->query, archive); !s) return error_response(s.error());
  body["sort"] = params->sort.empty() ? "relevance" : params->sort;
  return json_response(body);
}

http::Response document_endpoint(const http::Request& req, archive::Archive& archive) {
  const std::string& id = req.path_param("id");
  const archive::Audience audience = audience_of(req);
  auto doc = archive.document(id, audience);
  if (!doc) {
    if (doc.error().code() == ErrorCode::kNotFound) return error_response(404, "no document with id '" + id + "'");
    return error_response(doc.error());
  }
  if (audience == archive::Audience::kReaders) {
    // Related records that exist but readers may not see are not named to them either (an id the
    // archive does not hold is the source's own data and stays).
    std::erase_if(doc->related, [&](const std::string& other) { return archive.hidden_from_readers(other); });
  }
  auto prov = archive.provenance(id);
  if (!prov) return error_response(prov.error());
  // Where the server keeps its source files is its own business: show only the file's name.
  for (auto& p : *prov) p.source_path = std::filesystem::path(p.source_path).filename().string();
  json body = record_json(*doc, &*prov, audience == archive::Audience::kStaff);
  // "More like this", the list the document page shows (the record's own `related` is apart).
  auto similar = archive.similar(id, archive::Archive::kSimilarShown, audience);
  if (!similar) return error_response(similar.error());
  body["similar"] = similar_json(*similar, req.base_url);
  // Where it sits in the arrangement: the collection and series above it, its neighbours.
  auto place = archive.place_of(*doc, audience);
  if (!place) return error_response(place.error());
  if (!place->trail.empty()) {
    json trail = json::array();
    for (const auto& t : place->trail) trail.push_back({{"id", t.id}, {"title", t.name}});
    auto entry = [](const std::optional<archive::UnitEntry>& e) -> json {
      if (!e) return nullptr;
      return {{"id", e->id}, {"title", e->title}, {"date", e->date}, {"number", e->number}};
    };
    body["place"] = {{"trail", trail}, {"number", place->number}, {"previous", entry(place->previous)}, {"next", entry(place->next)}};
  }
  http::Response r = json_response(body);
  auto revision = archive.current_revision(id);
  if (!revision) return error_response(revision.error());
  // The revision, for If-Match on a later save (api/editing.h), and the body's hash.
  std::string etag = revision_etag(*revision, r.body);
  if (etag_matches(req.header("if-none-match"), etag)) {
    r = http::Response::not_modified();
    add_cors(r);
  }
  r.set_header("ETag", etag);
  r.set_header("Cache-Control", "no-cache");
  return r;
}

namespace {

json unit_node_json(const archive::UnitNode& n) {
  json children = json::array();
  for (const archive::UnitNode& c : n.children) children.push_back(unit_node_json(c));
  return {{"id", n.unit.id},       {"level", n.unit.level}, {"title", n.unit.title}, {"scope_note", n.unit.scope_note},
          {"dates", n.unit.dates}, {"position", n.unit.position}, {"documents", n.documents}, {"children", children}};
}

}  // namespace

http::Response authority_endpoint(const http::Request& req, archive::Archive& archive) {
  const std::string& id = req.path_param("authority");
  if (Status known = only_search_params(req.query, {}); !known) return error_response(known.error());
  auto found = archive.authority(id, audience_of(req));
  if (!found) return error_response(found.error());
  if (!*found) return error_response(404, "no authority with id '" + id + "'");
  const archive::AuthorityView& v = **found;
  json body = model::to_json(v.authority);
  body.erase("type");
  if (v.authority.id != id) body["merged_from"] = id;
  json narrower = json::array();
  for (const auto& n : v.narrower) narrower.push_back({{"id", n.id}, {"name", n.name}});
  body["narrower"] = narrower;
  body["forms"] = v.forms;
  // The records that name it, as the search API counts them for this caller.
  archive::SearchQuery q;
  q.filters = {{v.authority.kind, v.authority.id}};
  q.limit = 0;
  q.audience = audience_of(req);
  auto page = archive.search(q);
  if (!page) return error_response(page.error());
  body["documents"] = page->total;
  body["search"] = "/api/v1/search?" + http::build_query({{v.authority.kind, v.authority.id}});
  return json_response(body);
}

http::Response collections_endpoint(const http::Request& req, archive::Archive& archive) {
  if (Status known = only_search_params(req.query, {}); !known) return error_response(known.error());
  auto list = archive.collections();
  if (!list) return error_response(list.error());
  json out = json::array();
  for (const model::Unit& u : *list) {
    auto view = archive.unit(u.id, audience_of(req));
    if (!view) return error_response(view.error());
    std::int64_t n = *view ? (*view)->tree.documents : 0;
    if (n == 0 && audience_of(req) == archive::Audience::kReaders) continue;
    out.push_back({{"id", u.id}, {"title", u.title}, {"documents", n}});
  }
  return json_response(json{{"collections", out}});
}

http::Response collection_endpoint(const http::Request& req, archive::Archive& archive) {
  const std::string& id = req.path_param("unit");
  if (Status known = only_search_params(req.query, {}); !known) return error_response(known.error());
  auto found = archive.unit(id, audience_of(req));
  if (!found) return error_response(found.error());
  if (!*found) return error_response(404, "no collection or series with id '" + id + "'");
  const archive::UnitView& v = **found;
  json trail = json::array();
  for (const auto& t : v.trail) trail.push_back({{"id", t.id}, {"title", t.name}});
  json docs = json::array();
  for (const auto& d : v.documents) docs.push_back({{"id", d.id}, {"title", d.title}, {"date", d.date}, {"number", d.number}});
  json body = unit_node_json(v.tree);
  body["parent"] = v.unit.parent;
  body["trail"] = trail;
  body["items"] = docs;
  return json_response(body);
}

http::Response facet_endpoint(const http::Request& req, archive::Archive& archive) {
  const std::string& field = req.path_param("field");
  if (!model::has_role(field, model::kFacet)) {
    return error_response(404, "no facet '" + field + "'; expected one of " + join(model::field_names(model::kFacet), ", "));
  }
  if (Status known = only_search_params(req.query, {}); !known) return error_response(known.error());
  // `limit` here is how many values (1-1000), not how many hits: the search takes none.
  http::Params search;
  for (const auto& [k, v] : req.query) {
    if (k != "limit") search.emplace_back(k, v);
  }
  auto params = parse_search_params(search, 0);
  if (!params) return error_response(params.error());
  auto limit = int_param(req.query, "limit", 1, kMaxFacetValues, 100);
  if (!limit) return error_response(limit.error());
  params->query.limit = 0;
  params->query.offset = 0;
  params->query.facets = {field};
  // Every value is counted anyway; asking for all of them tells how many there are.
  params->query.facet_limit = std::numeric_limits<int>::max();
  params->query.audience = audience_of(req);
  auto page = archive.search(params->query);
  if (!page) {
    if (page.error().code() == ErrorCode::kInvalidInput) return error_response(400, "parameter 'q': " + page.error().message());
    return error_response(page.error());
  }
  json values = page->facets.empty() ? json::array() : facets_json(page->facets)[field];
  const std::size_t values_total = values.size();
  if (static_cast<int>(values.size()) > *limit) values.erase(values.begin() + *limit, values.end());
  json body = {{"field", field},         {"documents", page->total}, {"values_total", values_total},
               {"count_stopped", page->count_stopped}, {"values", values}};
  // Undated records are in no year or decade: how many there are among the matches.
  const model::ValueKind kind = model::find_field(field)->kind;
  if (kind == model::ValueKind::kYear || kind == model::ValueKind::kDecade) body["undated"] = page->undated;
  if (Status s = add_unmatched(body, *page, params->query, archive); !s) return error_response(s.error());
  return json_response(body);
}

http::Response stats_endpoint(const http::Request& req, archive::Archive& archive) {
  auto stats = archive.stats(audience_of(req));
  if (!stats) return error_response(stats.error());
  return json_response(stats_json(*stats));
}

http::Response preflight_endpoint(const http::Request&, archive::Archive&) {
  http::Response r;
  r.status = 204;
  r.content_type.clear();
  add_cors(r);
  r.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
  r.set_header("Access-Control-Allow-Headers", "If-None-Match");
  r.set_header("Access-Control-Max-Age", "86400");
  return r;
}

}  // namespace arkiv::api
