#include "web/template.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "base/strings.h"

namespace arkiv::web {
namespace {

void escape(std::string_view s, std::string& out) { html_escape_append(s, out); }

std::string render(const std::string& source, const mstch::node& data, const std::map<std::string, std::string>& partials = {}) {
  return Template::compile(source, partials).render(data, escape);
}

TEST(Template, EscapesVariablesButNotRawOnes) {
  mstch::map data{{"x", std::string("<a href=\"q\">&'")}};
  EXPECT_EQ(render("{{x}}|{{{x}}}|{{&x}}|{{ x }}", data),
            "&lt;a href=&quot;q&quot;&gt;&amp;&#39;|<a href=\"q\">&'|<a href=\"q\">&'|&lt;a href=&quot;q&quot;&gt;&amp;&#39;");
  EXPECT_EQ(render("[{{missing}}]", data), "[]");
  EXPECT_EQ(render("{{n}} {{b}}", mstch::map{{"n", 42}, {"b", false}}), "42 false");
}

TEST(Template, SectionsIterateListsAndEnterMaps) {
  mstch::map data{{"items", mstch::array{mstch::map{{"name", std::string("a")}}, mstch::map{{"name", std::string("b")}}}},
                  {"who", mstch::map{{"name", std::string("c")}}},
                  {"name", std::string("outer")},
                  {"yes", true},
                  {"no", false},
                  {"empty", mstch::array{}},
                  {"word", std::string("w")},
                  {"blank", std::string("")}};
  EXPECT_EQ(render("{{#items}}<{{name}}>{{/items}}", data), "<a><b>");
  EXPECT_EQ(render("{{#who}}{{name}}{{/who}} {{who.name}} {{#yes}}{{name}}{{/yes}}", data), "c c outer");
  EXPECT_EQ(render("{{#no}}x{{/no}}{{^no}}not{{/no}}{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", data), "notnone");
  EXPECT_EQ(render("{{#word}}[{{.}}]{{/word}}{{#blank}}x{{/blank}}{{^blank}}blank{{/blank}}", data), "[w]blank");
  EXPECT_EQ(render("{{^missing}}absent{{/missing}}{{#missing}}x{{/missing}}", data), "absent");
  // Names not found in a section's data come from the enclosing ones.
  EXPECT_EQ(render("{{#items}}{{word}}{{/items}}", data), "ww");
}

TEST(Template, StandaloneTagLinesLeaveNoTrace) {
  mstch::map data{{"on", true}, {"off", false}};
  EXPECT_EQ(render("a\n  {{#on}}\nb\n  {{/on}}\nc\n", data), "a\nb\nc\n");
  EXPECT_EQ(render("a\n{{^off}}\nb\n{{/off}}\n{{! a comment }}\nc", data), "a\nb\nc");
  EXPECT_EQ(render("a {{#on}}b{{/on}} c\n", data), "a b c\n");  // not standalone: kept
  EXPECT_EQ(render("a\n  {{#on}}  {{/on}}  \nc", data), "a\nc");
  EXPECT_EQ(render("| {{#on}}\n|{{/on}}", data), "| \n|");
}

TEST(Template, PartialsAreInlinedAndIndented) {
  std::map<std::string, std::string> partials{{"p", "x\ny\n"}, {"q", "[{{v}}]"}};
  EXPECT_EQ(render("a\n  {{> p}}\nb", mstch::map{}, partials), "a\n  x\n  y\nb");
  EXPECT_EQ(render("{{#list}}{{>q}}{{/list}}", mstch::map{{"list", mstch::array{mstch::map{{"v", 1}}, mstch::map{{"v", 2}}}}}, partials),
            "[1][2]");
}

TEST(Template, MalformedTemplatesAreRefusedWithTheLine) {
  auto error = [](const std::string& source) {
    try {
      Template::compile(source, {{"self", "{{> self}}"}});
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("compiled");
  };
  EXPECT_EQ(error("a\n{{#s}}\nb"), "template line 2: {{#s}} is never closed");
  EXPECT_EQ(error("{{#s}}\n\n{{/t}}"), "template line 3: {{/t}} closes {{#s}}");
  EXPECT_EQ(error("{{/t}}"), "template line 1: {{/t}} closes no section");
  EXPECT_EQ(error("x {{> nope}}"), "template line 1: no partial named 'nope'");
  EXPECT_EQ(error("{{=<% %>=}}"), "template line 1: changing delimiters is not supported");
  EXPECT_EQ(error("a {{b"), "template line 1: a tag opened with {{ is never closed");
  EXPECT_EQ(error("{{> self}}"), "template partials nest more than 8 deep");
}

}  // namespace
}  // namespace arkiv::web
