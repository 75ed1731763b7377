// The field registry (model/fields.h) is the one definition of the record's fields: this test
// checks that every place derived from it agrees with it — the JSON form, the index's facets,
// filters and field queries, the API's parameters and facets, the page labels and rows, the
// browse pages, and the enumerations in docs/openapi.yaml.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "api/endpoints.h"
#include "api/search_params.h"
#include "archive/archive.h"
#include "base/temp_dir.h"
#include "model/fields.h"
#include "model/record_json.h"
#include "web/internal/views.h"
#include "web/pages.h"

namespace arkiv {
namespace {

// A record in which every field has a value, so each shows where it should.
model::Document full_record() {
  model::Document d;
  d.id = "reg/1";
  d.title = "Registry record";
  d.date = *model::parse_date("4 March 1966");
  d.summary = "A summary.";
  d.citation.text = "Registry record, 1966.";
  d.citation.repository = "AQPPSH";
  d.citation.reference = "AQPPSH, MPP Korese, V. 1966, D 9";
  d.credits = {"A credit line"};
  d.original_languages = {"sq"};
  d.document_type = "declaration";
  d.document_state = "draft";
  d.extent = "3 pages";
  d.contents = {{"translation", "en", "", "", "The text of the registry record from [date].....to.....", {}}};
  model::find_gaps(d.contents[0].text, 0, d.gaps);
  d.parts.push_back({0, 0, "attachment-1", "Enclosure", "May 1, 1918", "[Enclosure]", "R. Lansing"});
  d.unread.push_back({"original_languages", "Klingonese"});
  d.subjects = {"Friendship"};
  d.places = {"Tirana"};
  d.people = {"Mehmet Shehu"};
  d.organizations = {"Albanian Labor Party"};
  d.collections = {"Albania-Korea Relations"};
  d.related = {"reg/2"};
  d.links = {{"person", "Mehmet Shehu", "person/shehu-mehmet"}};
  d.arrangement = {{"collection/albania-korea-relations", 0, ""}};
  return d;
}

http::Request request(const std::string& path, http::Params query = {}, std::map<std::string, std::string> path_params = {}) {
  http::Request r;
  r.method = "GET";
  r.path = r.target = path;
  r.query = std::move(query);
  r.path_params = std::move(path_params);
  r.headers = {{"host", "127.0.0.1:8080"}};
  return r;
}

class Registry : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_.file("records.jsonl")) << model::to_json_line(full_record()) << "\n";
    {
      auto w = archive::Archive::open(dir_.file("data"), archive::Archive::Mode::kWrite);
      ASSERT_TRUE(w.ok()) << w.error().message();
      auto r = (*w)->import({dir_.file("records.jsonl")}, {});
      ASSERT_TRUE(r.ok() && r->ok());
    }
    auto a = archive::Archive::open(dir_.file("data"), archive::Archive::Mode::kRead);
    ASSERT_TRUE(a.ok()) << a.error().message();
    archive_ = std::move(a).value();
  }
  TempDir dir_;
  std::unique_ptr<archive::Archive> archive_;
};

TEST_F(Registry, JsonFormHasEveryJsonFieldAndNoOther) {
  std::set<std::string> registry, written;
  for (const model::Field& f : model::fields()) {
    // The lifecycle's fields are written only when set (model/lifecycle.h; Lifecycle.* tests).
    if (f.is(model::kJson) && !f.is(model::kStaff)) registry.emplace(f.json_key);  // sparse fields: the full record has them
  }
  const nlohmann::json j = model::to_json(full_record());
  for (const auto& [key, value] : j.items()) written.insert(key);
  EXPECT_EQ(written, registry);
  for (const std::string& key : registry) {
    EXPECT_FALSE(model::to_json(full_record())[key].empty()) << key << " has no value in the full record";
  }
}

TEST_F(Registry, SearchCountsEveryFacetInRegistryOrder) {
  archive::SearchQuery q;
  q.facets = model::field_names(model::kFacet);
  auto page = archive_->search(q);
  ASSERT_TRUE(page.ok()) << page.error().message();
  ASSERT_EQ(page->facets.size(), q.facets.size());
  for (std::size_t i = 0; i < q.facets.size(); ++i) {
    EXPECT_EQ(page->facets[i].field, q.facets[i]);
    EXPECT_FALSE(page->facets[i].values.empty()) << q.facets[i] << " counted nothing for a record that has it";
  }
}

TEST_F(Registry, EveryFilterAndFieldQueryFindsTheRecord) {
  const model::Document d = full_record();
  for (const model::Field& f : model::fields()) {
    for (const std::string& value : f.values(d)) {
      if (f.is(model::kFilter)) {
        archive::SearchQuery q;
        q.filters = {{std::string(f.name), value}};
        auto page = archive_->search(q);
        ASSERT_TRUE(page.ok()) << f.name << ": " << page.error().message();
        EXPECT_EQ(page->total, 1) << "filter " << f.name << "=" << value;
      }
      if (f.is(model::kFieldQuery)) {
        archive::SearchQuery q;
        q.text = std::string(f.name) + ":\"" + value + "\"";
        auto page = archive_->search(q);
        ASSERT_TRUE(page.ok()) << q.text << ": " << page.error().message();
        EXPECT_EQ(page->total, 1) << q.text;
      }
    }
  }
}

TEST_F(Registry, ApiTakesEveryFilterAndAnswersEveryFacet) {
  for (const std::string& f : model::field_names(model::kFilter)) {
    EXPECT_TRUE(api::only_search_params({{f, "x"}}, {}).ok()) << f;
  }
  EXPECT_FALSE(api::only_search_params({{"extent", "x"}}, {}).ok()) << "extent is not a filter";
  http::Response r = api::search_endpoint(request("/api/v1/search"), *archive_);
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = nlohmann::json::parse(r.body);
  std::vector<std::string> facets;
  for (const auto& [key, value] : body["facets"].items()) facets.push_back(key);
  std::vector<std::string> expected = model::field_names(model::kFacet);
  std::sort(expected.begin(), expected.end());  // a JSON object's keys come sorted
  EXPECT_EQ(facets, expected);
  for (const std::string& f : model::field_names(model::kFacet)) {
    http::Response one = api::facet_endpoint(request("/api/v1/facets/" + f, {}, {{"field", f}}), *archive_);
    EXPECT_EQ(one.status, 200) << f << ": " << one.body;
  }
  http::Response none = api::facet_endpoint(request("/api/v1/facets/extent", {}, {{"field", "extent"}}), *archive_);
  EXPECT_EQ(none.status, 404);
}

TEST_F(Registry, PagesUseTheRegistrysLabelsRowsAndBrowseLists) {
  for (const model::Field* f : model::facet_fields()) {
    EXPECT_EQ(web::facet_title(std::string(f->name)), f->plural);
    EXPECT_EQ(web::facet_label(std::string(f->name)), f->label);
  }
  web::Page doc = web::document_view(request("/documents/reg/1", {}, {{"id", "reg/1"}}), *archive_);
  ASSERT_EQ(doc.status, 200);
  std::set<std::string> labels;
  for (const auto& row : boost::get<mstch::array>(doc.data.at("fields"))) {
    labels.insert(boost::get<std::string>(boost::get<mstch::map>(row).at("label")));
  }
  for (const model::Field& f : model::fields()) {
    if (!f.is(model::kShown) || f.kind == model::ValueKind::kStructured) continue;
    EXPECT_TRUE(labels.count(std::string(f.label)) || labels.count(std::string(f.plural))) << f.name << " has no row";
  }
  EXPECT_TRUE(labels.count("Extent"));
  for (const model::Field& f : model::fields()) {
    web::Page p = web::browse_view(request("/browse/" + std::string(f.name), {}, {{"field", std::string(f.name)}}), *archive_);
    EXPECT_EQ(p.status, f.is(model::kBrowse) ? 200 : 404) << "/browse/" << f.name;
  }
}

// docs/openapi.yaml is written by hand: its enumerations must name the registry's fields.
TEST(RegistryDocs, OpenApiAgrees) {
  std::ifstream in(std::string(ARKIV_SOURCE_DIR) + "/docs/openapi.yaml");
  ASSERT_TRUE(in) << "docs/openapi.yaml";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string spec = ss.str();
  // /facets/{field}: the enumeration of facet fields, in the registry's order.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(spec, m, std::regex(R"(/facets/\{field\}:[\s\S]*?enum: \[([^\]]*)\])")));
  std::vector<std::string> listed;
  std::stringstream items(m[1].str());
  for (std::string item; std::getline(items, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    listed.push_back(item);
  }
  EXPECT_EQ(listed, model::field_names(model::kFacet));
  // /search: one parameter per filter field.
  std::string search = spec.substr(spec.find("/search:"), spec.find("/documents/{id}:") - spec.find("/search:"));
  for (const std::string& f : model::field_names(model::kFilter)) {
    EXPECT_NE(search.find("{name: " + f + ", in: query"), std::string::npos) << "/search lacks parameter " << f;
  }
  // And every search parameter the API takes besides the filters (api/search_params.cpp).
  for (const char* p : {"q", "page", "limit", "sort", "from", "to", "date_mode", "undated", "exact", "variants"}) {
    EXPECT_TRUE(api::only_search_params({{p, "x"}}, {}).ok()) << p;
    EXPECT_NE(search.find(std::string("{name: ") + p + ", in: query"), std::string::npos) << "/search lacks parameter " << p;
  }
  // Record: a property per JSON key.
  std::string record = spec.substr(spec.find("    Record:"));
  for (const model::Field& f : model::fields()) {
    if (f.is(model::kJson)) EXPECT_NE(record.find("        " + std::string(f.json_key) + ":"), std::string::npos) << "Record lacks " << f.json_key;
  }
}

}  // namespace
}  // namespace arkiv
