#include "ingest/html_importer.h"

#include <gtest/gtest.h>

#include "ingest/html_text.h"

namespace arkiv::ingest {
namespace {

const char* kPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Report on the
  Conference &amp; Its Results</title>
<style>p { color: red; }</style><script>if (a < b) document.write("<p>no</p>");</script></head>
<body><!-- a <p>comment</p> -->
<h1>Report</h1>
<p>The delegates met at <b>Geneva</b> on 4&nbsp;March 1966.<br>They agreed.
<p>Second paragraph with &lt;brackets&gt;, &quot;quotes&quot;, &#233; and &#x42F; and 3 < 4.
<ul><li>First item</li><li>Second item</ul>
<table><tr><th>Name<th>Role</tr><tr><td>Hoxha</td><td>First Secretary</td></tr></table>
</body></html>)";

TEST(HtmlText, StripsTagsAndDecodesEntities) {
  auto html = read_html(kPage);
  ASSERT_TRUE(html.ok()) << html.error().message();
  EXPECT_EQ(html->title, "Report on the Conference & Its Results");
  EXPECT_EQ(html->first_heading, "Report");
  EXPECT_EQ(html->lang, "en-GB");
  EXPECT_EQ(html->paragraphs, (std::vector<std::string>{
                                  "Report",
                                  "The delegates met at Geneva on 4 March 1966. They agreed.",
                                  "Second paragraph with <brackets>, \"quotes\", é and Я and 3 < 4.",
                                  "First item", "Second item", "Name | Role", "Hoxha | First Secretary"}));
}

TEST(HtmlText, UnknownEntitiesStayAndUnclosedScriptEndsTheText) {
  auto html = read_html("<p>A &bogus; B &#xZZ; C</p><script>never closed <p>x</p>");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->paragraphs, std::vector<std::string>{"A &bogus; B &#xZZ; C"});
  std::string out;
  EXPECT_EQ(decode_html_entity("&#0;", out), 4u);
  EXPECT_EQ(out, "\xEF\xBF\xBD");  // NUL becomes U+FFFD
}

TEST(HtmlText, RejectsAHugeAttribute) {
  std::string big = "<p title=\"" + std::string(2 << 20, 'a') + "\">x</p>";
  auto html = read_html("<html>\n" + big);
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.error().message().find("line 2: attribute 'title' of <p> is 2097152 bytes long"), std::string::npos)
      << html.error().message();
}

TEST(HtmlImporter, OneRecordWithTitleLanguageAndParagraphs) {
  ParseOutput out = HtmlImporter().parse({"pages/Geneva Report.html", kPage});
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  ASSERT_EQ(out.records.size(), 1u);
  const model::Document& d = out.records[0];
  EXPECT_EQ(d.id, "file/geneva-report");
  EXPECT_EQ(d.title, "Report on the Conference & Its Results");
  ASSERT_EQ(d.contents.size(), 1u);
  EXPECT_EQ(d.contents[0].language, "en");
  EXPECT_EQ(d.contents[0].text.rfind("Report\n\nThe delegates met at Geneva", 0), 0u);
}

TEST(HtmlImporter, TitleFromHeadingAndLanguageGuessed) {
  ParseOutput out = HtmlImporter().parse(
      {"x.htm", "<body><h2>Sub</h2><h1>Deklaratë e përbashkët</h1><p>Delegacioni shqiptar dhe delegacioni korean "
                "janë takuar në Phenian për të biseduar për një marrëveshje.</p>"});
  ASSERT_EQ(out.records.size(), 1u) << (out.errors.empty() ? "" : out.errors[0].message());
  EXPECT_EQ(out.records[0].title, "Deklaratë e përbashkët");
  EXPECT_EQ(out.records[0].contents.at(0).language, "sq");
}

TEST(HtmlImporter, RejectsLatin1AndEmptyPages) {
  ParseOutput out = HtmlImporter().parse({"l.html", "<html><body>\n<p>Tiran\xEB</p>"});
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("line 2, column 9: not valid UTF-8 (byte 0xEB)"), std::string::npos)
      << out.errors[0].message();
  out = HtmlImporter().parse({"e.html", "<html><body>  </body></html>"});
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("no title and no text"), std::string::npos);
}

TEST(HtmlImporter, SniffsByContent) {
  EXPECT_GE(HtmlImporter().sniff({"a.txt", kPage}), 90);
  EXPECT_EQ(HtmlImporter().sniff({"a.html", "just words"}), 0);
}

}  // namespace
}  // namespace arkiv::ingest
