#include "ingest/pdf_importer.h"

#include <gtest/gtest.h>

#include "base/strings.h"

namespace arkiv::ingest {
namespace {

// A minimal valid PDF: one page per entry of `pages` (each a list of text lines; an empty list
// is a page with only a drawn rectangle, i.e. no text layer), Helvetica, xref offsets computed.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& title = "") {
  std::vector<std::string> objects;  // objects[i] is object i+1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(5 + 2 * i) + " 0 R >>");
    std::string stream;
    if (pages[i].empty()) {
      stream = "0 0 1 rg 100 100 200 200 re f\n";
    } else {
      stream = "BT /F1 12 Tf 14 TL 72 720 Td\n";
      for (const std::string& line : pages[i]) stream += line.empty() ? "T*\n" : "(" + line + ") Tj T*\n";
      stream += "ET\n";
    }
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
  }
  if (!title.empty()) objects.push_back("<< /Title (" + title + ") >>");
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" +
         (title.empty() ? "" : " /Info " + std::to_string(objects.size()) + " 0 R") + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(PdfImporter, PagesBecomeParagraphGroupsWithPageNotes) {
  std::string pdf = make_pdf({{"Memorandum on the Conference", "The delegates met in Geneva and agreed to the terms of the treaty."}, {"Second page text."}},
                             "Geneva Memorandum");
  ParseOutput out = PdfImporter().parse({"scans/geneva memo.pdf", pdf});
  for (const Error& e : out.errors) ADD_FAILURE() << e.message();
  ASSERT_EQ(out.records.size(), 1u);
  const model::Document& d = out.records[0];
  EXPECT_EQ(d.id, "file/geneva-memo");
  EXPECT_EQ(d.title, "Geneva Memorandum");
  ASSERT_EQ(d.contents.size(), 1u);
  const model::Content& c = d.contents[0];
  EXPECT_EQ(c.text, "Memorandum on the Conference The delegates met in Geneva and agreed to the terms of the treaty.\n\nSecond page text.");
  EXPECT_EQ(c.language, "en");
  ASSERT_EQ(c.notes.size(), 2u);
  EXPECT_EQ(c.notes[0].label, "page 1");
  EXPECT_EQ(c.notes[0].offset, 0u);
  EXPECT_EQ(c.notes[1].label, "page 2");
  EXPECT_EQ(c.text.substr(utf8_byte_offset(c.text, c.notes[1].offset)), "Second page text.");
}

TEST(PdfImporter, TitleFromTheFirstLineWithoutMetadata) {
  ParseOutput out = PdfImporter().parse({"a.pdf", make_pdf({{}, {"Report of the Commission", "", "Body."}})});
  ASSERT_EQ(out.records.size(), 1u) << (out.errors.empty() ? "" : out.errors[0].message());
  EXPECT_EQ(out.records[0].title, "Report of the Commission");
  const model::Content& c = out.records[0].contents.at(0);
  ASSERT_EQ(c.notes.size(), 2u);  // page 1 has no text: both page notes sit at offset 0
  EXPECT_EQ(c.notes[0].offset, 0u);
  EXPECT_EQ(c.notes[1].offset, 0u);
}

TEST(PdfImporter, NoTextLayerNeedsOcr) {
  ParseOutput out = PdfImporter().parse({"scan.pdf", make_pdf({{}, {}, {}})});
  EXPECT_TRUE(out.records.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("needs OCR: no text layer on any of 3 pages"), std::string::npos)
      << out.errors[0].message();
}

TEST(PdfImporter, NotAPdfIsNotClaimedAndDamagedIsAnError) {
  EXPECT_EQ(PdfImporter().sniff({"fake.pdf", "This is a text file named .pdf"}), 0);
  EXPECT_EQ(PdfImporter().sniff({"real.bin", make_pdf({{"x"}})}), 100);
  ParseOutput out = PdfImporter().parse({"fake.pdf", "This is a text file named .pdf"});
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("not a PDF"), std::string::npos);
  out = PdfImporter().parse({"cut.pdf", make_pdf({{"Some text"}}).substr(0, 60)});
  EXPECT_TRUE(out.records.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("PDF"), std::string::npos) << out.errors[0].message();
}

}  // namespace
}  // namespace arkiv::ingest
