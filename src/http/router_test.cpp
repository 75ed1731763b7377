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

// Routes with an action and a gate; the router is generic over both (the app uses auth::Action
// and http/access_gate.h).
enum class Act { kRead, kAccount };
using GatedRouter = http::Router<NoContext, Act>;

TEST(RouterTest, TheGateSeesEachRoutesActionAndItsRefusalStopsTheHandler) {
  GatedRouter r(Act::kRead);
  r.get("/browse/{field}", named("browse"));
  r.post("/logout", named("logout"), Act::kAccount);
  std::vector<Act> asked;
  r.set_gate([&](Request& req, const Act& action) -> std::optional<Response> {
    asked.push_back(action);
    if (action == Act::kRead || !req.header("x-user").empty()) return std::nullopt;
    Response no = Response::text("no");
    no.status = 401;
    return no;
  });
  auto call_gated = [&](std::string method, std::string path) {
    Request req;
    req.method = std::move(method);
    req.path = std::move(path);
    return r.handle(req, no_context);
  };
  EXPECT_EQ(call_gated("GET", "/browse/year").body, "browse field=year");
  Response refused = call_gated("POST", "/logout");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.body, "no");
  EXPECT_EQ(call_gated("GET", "/nowhere").status, 404);  // no route, no gate
  std::vector<Act> expected = {Act::kRead, Act::kAccount};
  EXPECT_EQ(asked, expected);

  auto list = r.route_list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].method, "GET");
  EXPECT_EQ(list[0].pattern, "/browse/{field}");
  EXPECT_EQ(list[0].action, Act::kRead);
  EXPECT_EQ(list[1].method, "POST");
  EXPECT_EQ(list[1].pattern, "/logout");
  EXPECT_EQ(list[1].action, Act::kAccount);
}

TEST(RequestTest, CookiesAreFoundByExactName) {
  Request req;
  req.headers = {{"cookie", "a=1; arkiv_session=tok; arkiv_session_x=no"}, {"cookie", "b=2"}};
  EXPECT_EQ(req.cookie("arkiv_session"), "tok");
  EXPECT_EQ(req.cookie("b"), "2");
  EXPECT_EQ(req.cookie("arkiv"), "");
  EXPECT_EQ(req.cookie("session"), "");
}

}  // namespace
}  // namespace arkiv::http
