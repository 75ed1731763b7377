#include "http/router.h"

#include <gtest/gtest.h>

namespace arkiv::http {
namespace {

// The router never touches its context; handlers here ignore it.
struct NoContext {};
NoContext no_context;
using Router = http::Router<NoContext>;

Router::Handler named(std::string name) {
  return [name](const Request& req, NoContext&) {
    std::string body = name;
    for (const auto& [k, v] : req.path_params) body += " " + k + "=" + v;
    return Response::text(body);
  };
}

Router table() {
  Router r;
  r.get("/", named("home"));
  r.get("/documents/{id+}/cite.bib", named("bib"));
  r.get("/documents/{id+}", named("doc"));
  r.get("/browse/{field}", named("browse"));
  return r;
}

Response call(const Router& r, std::string method, std::string path) {
  Request req;
  req.method = std::move(method);
  req.path = std::move(path);
  return r.handle(req, no_context);
}

TEST(RouterTest, MatchesIdsWithSlashes) {
  Router r = table();
  EXPECT_EQ(call(r, "GET", "/").body, "home");
  EXPECT_EQ(call(r, "GET", "/documents/wcda/114408").body, "doc id=wcda/114408");
  EXPECT_EQ(call(r, "GET", "/documents/wcda/114408/cite.bib").body, "bib id=wcda/114408");
  EXPECT_EQ(call(r, "GET", "/documents/x").body, "doc id=x");
  EXPECT_EQ(call(r, "GET", "/browse/year").body, "browse field=year");
}

TEST(RouterTest, UnknownPathIs404AndWrongMethod405) {
  Router r = table();
  EXPECT_EQ(call(r, "GET", "/browse/a/b").status, 404);
  EXPECT_EQ(call(r, "GET", "/documents").status, 404);
  Response res = call(r, "POST", "/browse/year");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow"), "GET, HEAD");  // GET routes answer HEAD too (issue 10)
}

}  // namespace
}  // namespace arkiv::http
