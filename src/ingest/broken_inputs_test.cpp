// Every file in tests/fixtures/broken/ (and a few generated ones too large to keep in git) goes
// through the registry and the importer it picks: each must end in a clear error that says what
// is wrong and where, never a crash, a hang or a silently wrong record.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/importer.h"
#include "ingest/pdf_importer.h"

namespace arkiv::ingest {
namespace {

const std::string kDir = std::string(ARKIV_SOURCE_DIR) + "/tests/fixtures/broken/";

SourceFile fixture(const std::string& name) {
  std::ifstream in(kDir + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << kDir + name;
  std::stringstream ss;
  ss << in.rdbuf();
  return {kDir + name, ss.str()};
}

struct Outcome {
  std::string format;  // the importer picked, empty if none
  std::size_t records = 0;
  std::vector<std::string> errors;
  std::string first() const { return errors.empty() ? "(no error)" : errors.front(); }
};

Outcome import(const SourceFile& file) {
  static const ImporterRegistry registry = ImporterRegistry::with_builtin_importers();
  Outcome o;
  auto importer = registry.pick(file);
  if (!importer) {
    o.errors.push_back(importer.error().message());
    return o;
  }
  o.format = (*importer)->format();
  ParseOutput out = (*importer)->parse(file);
  o.records = out.records.size();
  for (const Error& e : out.errors) o.errors.push_back(e.message());
  return o;
}

void expect_rejected(const Outcome& o, const std::string& format, const std::string& message) {
  EXPECT_EQ(o.format, format);
  EXPECT_EQ(o.records, 0u);
  ASSERT_FALSE(o.errors.empty());
  EXPECT_NE(o.first().find(message), std::string::npos) << o.first();
}

TEST(BrokenInputs, TruncatedXml) {
  expect_rejected(import(fixture("truncated.xml")), "tei", "line 6: malformed XML");
  EXPECT_NE(import(fixture("truncated.xml")).first().find("truncated"), std::string::npos);
}

TEST(BrokenInputs, Latin1Text) {
  expect_rejected(import(fixture("latin1.txt")), "text", "line 1, column 9: not valid UTF-8 (byte 0xEB)");
}

TEST(BrokenInputs, Utf16WithByteOrderMark) {
  expect_rejected(import(fixture("utf16-bom.txt")), "", "UTF-16 text (byte-order mark found): convert the file to UTF-8");
}

TEST(BrokenInputs, UndefinedEntity) {
  expect_rejected(import(fixture("undefined-entity.xml")), "tei", "line 5: undefined entity '&mdash;'");
}

TEST(BrokenInputs, BillionLaughs) {
  expect_rejected(import(fixture("billion-laughs.xml")), "tei", "line 3: the DOCTYPE declares entities");
}

TEST(BrokenInputs, EmptyFile) {
  expect_rejected(import(fixture("empty.txt")), "", "empty file (0 bytes)");
}

TEST(BrokenInputs, PdfThatIsNotOne) {
  SourceFile png = fixture("not-a-pdf.pdf");
  EXPECT_EQ(PdfImporter().sniff(png), 0);
  expect_rejected(import(png), "", "binary file");
  ParseOutput out = PdfImporter().parse(png);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("no '%PDF-' header"), std::string::npos) << out.errors[0].message();
}

TEST(BrokenInputs, TruncatedPdf) {
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa";
  expect_rejected(import({"cut.pdf", pdf}), "pdf", "damaged or truncated");
}

TEST(BrokenInputs, TruncatedJsonLine) {
  Outcome o = import(fixture("truncated.jsonl"));
  EXPECT_EQ(o.format, "json");
  EXPECT_EQ(o.records, 1u);  // the complete line before it is still imported
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_NE(o.first().find("line 2: invalid JSON"), std::string::npos) << o.first();
}

TEST(BrokenInputs, UnclosedCsvQuote) {
  expect_rejected(import(fixture("unclosed-quote.csv")), "csv", "line 2: quoted field is never closed");
}

TEST(BrokenInputs, HugeAttribute) {
  const std::string huge(20u << 20, 'a');  // 20 MiB
  std::string tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text><body>\n<p rend=\"" + huge + "\">x</p></body></text></TEI>";
  expect_rejected(import({"huge.xml", tei}), "tei", "line 3: attribute 'rend' of <p> is 20971520 bytes long");
  std::string html = "<!DOCTYPE html>\n<html><body><p class=\"" + huge + "\">x</p></body></html>";
  expect_rejected(import({"huge.html", html}), "html", "line 2: attribute 'class' of <p> is 20971520 bytes long");
}

TEST(BrokenInputs, DeepNesting) {
  std::string deep = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>";
  for (int i = 0; i < 100000; ++i) deep += "<hi>";
  expect_rejected(import({"deep.xml", deep}), "tei", "malformed XML");  // unclosed: caught by the parser
  for (int i = 0; i < 100000; ++i) deep += "</hi>";
  deep += "</body></text></TEI>";
  expect_rejected(import({"deep.xml", deep}), "tei", "nested more than 256 levels deep");
}

TEST(BrokenInputs, EveryFixtureEndsInAnError) {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    ++n;
    Outcome o = import(fixture(entry.path().filename().string()));
    EXPECT_FALSE(o.errors.empty()) << entry.path() << " was imported without complaint";
  }
  EXPECT_GE(n, 9u);
}

}  // namespace
}  // namespace arkiv::ingest
