// arkiv's CSL-JSON checked by a real CSL processor (issue 12): pandoc's citeproc renders it with
// the Chicago full-note style of Debian's citation-style-language-styles, and the note it makes
// is compared with arkiv's own Chicago note field by field: title, sender, volume, imprint
// (place, publisher, year), pages, translator, archive, archive location, document number, URL.
// Where the style does not print a variable for the item's type (the document number; the
// archive of a chapter) the test checks that arkiv's note has it and that pandoc read it.
// The records are read by arkiv's own importers from a FRUS volume and a Wilson Center record
// written here (not the repository's fixtures), plus the fixture's frus1919Parisv01/d10.
//
// Needs pandoc and the styles (scripts/setup installs both); without them the test fails.
// ARKIV_CSL_STYLE overrides the style's path.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/strings.h"
#include "base/temp_dir.h"
#include "ingest/tei_importer.h"
#include "ingest/wilson_text_importer.h"
#include "web/citation.h"

namespace arkiv {
namespace {

const std::string kStyle = std::getenv("ARKIV_CSL_STYLE") ? std::getenv("ARKIV_CSL_STYLE")
                                                          : "/usr/share/citation-style-language/styles/chicago-fullnote-bibliography.csl";
const std::string kPermalinkBase = "http://localhost/documents/";

// A FRUS volume in the 1930 volume's shape (no list of persons, the sender's surname in the
// head), with a document over three pages and one that opens with its own page beginning.
const std::string kFrusVolume = R"(<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">
  <teiHeader><fileDesc>
    <titleStmt>
      <title type="complete">Papers relating to the foreign relations of the United States, 1927, Volume II</title>
      <title type="series">Papers relating to the foreign relations of the United
        States</title>
      <title type="subseries">1927</title>
      <title type="volumenumber">Volume II</title>
      <title type="volume"/>
    </titleStmt>
    <publicationStmt>
      <publisher>United States Government Printing Office</publisher>
      <pubPlace>Washington</pubPlace>
      <date>1942</date>
      <idno type="frus">frus1927v02</idno>
    </publicationStmt>
  </fileDesc></teiHeader>
  <text><body>
    <div type="chapter" xml:id="ch1"><head>China</head>
      <pb n="301" xml:id="pg_301"/>
      <div type="document" xml:id="d211" n="211">
        <note rend="inline" type="source">893.00/8410: Telegram</note>
        <head><hi rend="italic">The Minister in China</hi> (<persName type="from"><hi rend="italic">MacMurray</hi></persName>),
          temporarily at Shanghai, <hi rend="italic">to the <gloss type="to">Secretary of State</gloss></hi></head>
        <dateline><placeName>Peking</placeName>, <date when="1927-03-24">March 24, 1927</date>.</dateline>
        <p>The situation at Nanking remains grave; the consulate reports that foreign residents
          have taken <pb n="302" xml:id="pg_302"/>refuge on the hill, and that the warships stand by.</p>
        <p>Further reports follow <pb n="303" xml:id="pg_303"/>as they come in.</p>
      </div>
      <div type="document" xml:id="d212" n="212"><pb n="304" xml:id="pg_304"/>
        <note rend="inline" type="source">893.00/8411: Telegram</note>
        <head><hi rend="italic">The <gloss type="from">Secretary of State</gloss> to the Minister in China</hi>
          (<persName type="to"><hi rend="italic">MacMurray</hi></persName>)</head>
        <dateline><placeName>Washington</placeName>, <date when="1927-03-25">March 25, 1927</date>.</dateline>
        <p>Your telegram received. Keep the Department informed.</p>
      </div>
    </div>
  </body></text>
</TEI>
)";

// A Wilson Center record in the archive's export shape, with its archival citation and address.
const std::string kWilsonRecord = R"(

**1962****Record of a Conversation with the Ambassador of the DPRK****Citation:**

"Record of a Conversation with the Ambassador of the DPRK", June 12, 1962, Wilson Center Digital Archive, AVPRF, f. 0102, op. 18, p. 93, d. 5. Translated by Sergey Radchenko.  
<https://digitalarchive.wilsoncenter.org/document/300417>

**Summary:**

The ambassador reports on the harvest and asks for grain.

**Original Language:**

Russian

**Contents:**

Translation - English

The ambassador said that the harvest had been poor this year and that the government asks for help with grain.
)";

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_all(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; its output (stdout and stderr) in `out`. The exit status.
int run(const std::string& command, const std::string& output_file, std::string& out) {
  int status = std::system((command + " >" + shell_quote(output_file) + " 2>&1").c_str());
  out = read_all(output_file);
  return status;
}

struct Cited {
  model::Document doc;
  std::string url;         // the record's permalink here
  nlohmann::json item;     // arkiv's CSL-JSON item
  std::string arkiv_note;  // arkiv's own Chicago note
  std::string csl_note;    // the note pandoc's citeproc makes of the item
};

class CslPandoc : public ::testing::Test {
 protected:
  void SetUp() override {
    // Fail, not skip: CI installs both (scripts/setup).
    std::string out;
    ASSERT_EQ(run("pandoc --version", dir_.file("version.txt"), out), 0)
        << "pandoc is needed for this test (scripts/setup installs it): " << out;
    ASSERT_TRUE(std::filesystem::exists(kStyle)) << "missing CSL style " << kStyle
                                                 << " (scripts/setup installs citation-style-language-styles)";
  }

  void add(const model::Document& d) {
    Cited c{d, kPermalinkBase + d.id, {}, {}, {}};
    c.item = web::csl_json(d, c.url)[0];
    c.arkiv_note = web::chicago_note(d, c.url);
    cited_.push_back(std::move(c));
  }

  // Renders every item in one pandoc run: each cited in its own paragraph, so each note is one
  // footnote of the plain-text output, "[N] …", in order.
  void render() {
    nlohmann::json items = nlohmann::json::array();
    std::string markdown;
    for (const Cited& c : cited_) {
      items.push_back(c.item);
      markdown += "Cited [@" + c.doc.id + "].\n\n";
    }
    write_all(dir_.file("items.json"), items.dump(2));
    write_all(dir_.file("cite.md"), markdown);
    std::string out;
    int status = run("pandoc --citeproc --bibliography=" + shell_quote(dir_.file("items.json")) + " --csl=" + shell_quote(kStyle) +
                         " -t plain --wrap=none " + shell_quote(dir_.file("cite.md")),
                     dir_.file("out.txt"), out);
    ASSERT_EQ(status, 0) << out;
    for (std::size_t i = 0; i < cited_.size(); ++i) {
      std::string mark = "[" + std::to_string(i + 1) + "] ";
      std::size_t at = out.rfind("\n" + mark);
      ASSERT_NE(at, std::string::npos) << "no note " << mark << "in pandoc's output:\n" << out;
      std::size_t end = out.find('\n', at + 1);
      cited_[i].csl_note = out.substr(at + 1 + mark.size(), end == std::string::npos ? std::string::npos : end - at - 1 - mark.size());
    }
    // What pandoc read of the items, for the variables the style does not print.
    ASSERT_EQ(run("pandoc -f csljson -t csljson " + shell_quote(dir_.file("items.json")), dir_.file("read.json"), out), 0) << out;
    read_ = nlohmann::json::parse(out, nullptr, false);
    ASSERT_TRUE(read_.is_array()) << out;
  }

  const nlohmann::json& read_item(const std::string& id) {
    for (const auto& it : read_) {
      if (it.value("id", "") == id) return it;
    }
    static const nlohmann::json none = nlohmann::json::object();
    ADD_FAILURE() << "pandoc did not read item " << id;
    return none;
  }

  // `text` is in arkiv's note and in pandoc's: the field appears in both and agrees.
  void in_both(const Cited& c, const std::string& field, const std::string& text) {
    EXPECT_NE(c.arkiv_note.find(text), std::string::npos) << c.doc.id << " " << field << ": \"" << text << "\" not in arkiv's note\n  " << c.arkiv_note;
    EXPECT_NE(c.csl_note.find(text), std::string::npos) << c.doc.id << " " << field << ": \"" << text << "\" not in pandoc's note\n  " << c.csl_note
                                                        << "\n  arkiv: " << c.arkiv_note;
  }

  // A variable the Chicago style does not print for this item's type (`number` it prints for
  // patents and legal cases only, the archive not for a chapter of a book): arkiv's note has it,
  // and pandoc read the same value from the CSL-JSON.
  void in_arkiv_and_read(const Cited& c, const std::string& variable, const std::string& text) {
    EXPECT_NE(c.arkiv_note.find(text), std::string::npos) << c.doc.id << " " << variable << ": \"" << text << "\" not in arkiv's note\n  " << c.arkiv_note;
    const nlohmann::json& it = read_item(c.doc.id);
    ASSERT_TRUE(it.contains(variable)) << c.doc.id << ": pandoc did not read " << variable << ": " << it.dump();
    EXPECT_EQ(it[variable], c.item[variable]) << c.doc.id << " " << variable;
  }

  void compare(const Cited& c) {
    const nlohmann::json& j = c.item;
    const bool chapter = j["type"] == "chapter";
    SCOPED_TRACE(c.doc.id + "\n  arkiv:  " + c.arkiv_note + "\n  pandoc: " + c.csl_note);
    // The title as the source gives it; the style sets English titles in headline capitals
    // (CMOS 8.159: "temporarily at" -> "Temporarily At"), so pandoc's agrees but for case.
    // The whole title: in quotation marks, followed by the closing mark (",”" or "”").
    auto whole_title = [&](std::string note) {
      const std::string open = to_lower_ascii("\u201c" + j["title"].get<std::string>());
      note = to_lower_ascii(note);
      std::size_t at = note.find(open);
      if (at == std::string::npos) return false;
      std::string_view rest = std::string_view(note).substr(at + open.size());
      return rest.starts_with("\u201d") || rest.starts_with(",\u201d");
    };
    EXPECT_NE(c.arkiv_note.find("\u201c" + j["title"].get<std::string>() + ",\u201d"), std::string::npos) << c.doc.id << " title not in arkiv's note";
    EXPECT_TRUE(whole_title(c.csl_note)) << c.doc.id << " title not in pandoc's note";
    if (j.contains("author")) in_both(c, "author", j["author"][0]["literal"].get<std::string>() + ", \u201c");
    if (j.contains("container-title")) in_both(c, "volume", "in " + j["container-title"].get<std::string>());
    if (chapter) {
      std::string imprint = j["publisher-place"].get<std::string>() + ": " + j["publisher"].get<std::string>() + ", " +
                            std::to_string(j["issued"]["date-parts"][0][0].get<int>());
      in_both(c, "imprint", "(" + imprint + ")");
      // Right after the imprint, in Chicago's short form of a range ("301–3"), which both make.
      in_both(c, "pages", "), " + web::chicago_pages(j["page"].get<std::string>()) + ", ");
    } else if (j.contains("publisher")) {
      in_both(c, "publisher", j["publisher"].get<std::string>());
    }
    if (j.contains("translator")) {
      // The same name, marked as the translator's in both: "trans. NAME" (the style puts a
      // translator without an author first: "NAME, trans.").
      const std::string name = j["translator"][0]["literal"].get<std::string>();
      in_both(c, "translator", name);
      EXPECT_NE(c.arkiv_note.find("trans. " + name), std::string::npos) << c.arkiv_note;
      EXPECT_TRUE(c.csl_note.find("trans. " + name) != std::string::npos || c.csl_note.find(name + ", trans.") != std::string::npos) << c.csl_note;
    }
    in_both(c, "URL", j["URL"].get<std::string>() + ".");
    if (j.contains("number")) in_arkiv_and_read(c, "number", "doc. " + j["number"].get<std::string>());
    for (const char* v : {"archive", "archive_location"}) {
      if (!j.contains(v)) continue;
      if (chapter) in_arkiv_and_read(c, v, j[v].get<std::string>());
      else in_both(c, v, j[v].get<std::string>());
    }
  }

  TempDir dir_{"csl-pandoc"};
  std::vector<Cited> cited_;
  nlohmann::json read_;
};

const model::Document& only(const ingest::ParseOutput& out, const std::string& id) {
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  for (const auto& d : out.records) {
    if (d.id == id) return d;
  }
  ADD_FAILURE() << "no record " << id;
  static const model::Document none;
  return none;
}

TEST_F(CslPandoc, ChicagoNoteAgreesFieldByField) {
  ingest::ParseOutput frus = ingest::TeiImporter().parse({"frus1927v02.xml", kFrusVolume});
  ingest::ParseOutput wilson = ingest::WilsonTextImporter().parse({"record.txt", kWilsonRecord});
  ingest::ParseOutput paris = ingest::TeiImporter().parse(
      {"frus1919Parisv01-excerpt.xml", read_all(std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/frus/frus1919Parisv01-excerpt.xml")});

  const model::Document& d211 = only(frus, "frus1927v02/d211");
  EXPECT_EQ(d211.citation.pages, "301\u2013303");
  EXPECT_EQ(d211.citation.author, "MacMurray");
  EXPECT_EQ(d211.citation.volume, "Foreign Relations of the United States, 1927, Volume II");
  const model::Document& d212 = only(frus, "frus1927v02/d212");
  EXPECT_EQ(d212.citation.pages, "304");
  EXPECT_EQ(d212.citation.author, "");
  const model::Document& w = only(wilson, "wcda/300417");
  EXPECT_EQ(w.citation.reference, "AVPRF, f. 0102, op. 18, p. 93, d. 5");
  EXPECT_EQ(w.citation.url, "https://digitalarchive.wilsoncenter.org/document/300417");
  EXPECT_EQ(w.citation.translator, "Sergey Radchenko");

  add(d211);
  add(d212);
  add(w);
  add(only(paris, "frus1919Parisv01/d10"));
  ASSERT_NO_FATAL_FAILURE(render());
  for (const Cited& c : cited_) {
    std::cout << c.doc.id << "\n  arkiv:  " << c.arkiv_note << "\n  pandoc: " << c.csl_note << "\n";
    compare(c);
  }

  // The example the issue names: number 10, pages 4–5 (it begins on page 4; <pb n="5"/> falls
  // inside it), the volume once, the imprint from the TEI header.
  const Cited& d10 = cited_.back();
  EXPECT_NE(d10.csl_note.find("in Foreign Relations of the United States, 1919, The Paris Peace Conference, Volume I "
                              "(Washington: United States Government Printing Office, 1942), 4\u20135, "),
            std::string::npos)
      << d10.csl_note;
  EXPECT_EQ(d10.item["number"], "10");
  EXPECT_EQ(d10.arkiv_note.find("Foreign Relations of the United States"), d10.arkiv_note.rfind("Foreign Relations of the United States"));
}

}  // namespace
}  // namespace arkiv
