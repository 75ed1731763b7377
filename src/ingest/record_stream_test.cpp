// Streams: JSON Lines and CSV read record by record, with limits per record, not per file.
#include "ingest/record_stream.h"

#include <gtest/gtest.h>

#include <sstream>

#include "ingest/csv_importer.h"
#include "ingest/csv_reader.h"
#include "ingest/json_importer.h"
#include "ingest/text_input.h"

namespace arkiv::ingest {
namespace {

std::string record(int i) {
  return R"({"id":"s/)" + std::to_string(i) + R"(","title":"Record )" + std::to_string(i) + R"("})";
}

TEST(LineReader, LongLinesAreSkippedAndReportedWithTheirSize) {
  std::istringstream in("short\n" + std::string(100, 'x') + "\nafter\nlast");
  LineReader r(in, 10);
  std::string line;
  EXPECT_EQ(r.next(line), LineReader::Got::kLine);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(r.next(line), LineReader::Got::kTooLong);
  EXPECT_EQ(r.too_long_bytes(), 100u);
  EXPECT_EQ(r.line_number(), 2u);
  EXPECT_EQ(r.next(line), LineReader::Got::kLine);
  EXPECT_EQ(line, "after");
  EXPECT_EQ(r.next(line), LineReader::Got::kLine);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(r.line_number(), 4u);
  EXPECT_EQ(r.next(line), LineReader::Got::kEnd);
}

TEST(JsonStream, ANumberOutOfRangeCostsItsRecordOnly) {
  // Issue 10: one "title":1e999 once cost the whole file ("internal error: number overflow").
  std::string text = record(1) + "\n" + R"({"id":"s/2","title":1e999})" + "\n" + record(3) + "\n";
  ParseOutput out = JsonImporter().parse({"a.jsonl", text});
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[1].id, "s/3");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].message().find("line 2: invalid JSON (number overflow"), std::string::npos) << out.errors[0].message();
  // The same when the bad record is the first line, and in a JSON array.
  out = JsonImporter().parse({"a.jsonl", std::string(R"({"id":"s/2","title":1e999})") + "\n" + record(3) + "\n"});
  EXPECT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.errors.size(), 1u);
}

TEST(JsonStream, OversizedAndDeepRecordsAreRefusedOneByOne) {
  std::string deep = R"({"id":"s/9","title":"Deep","x":)" + std::string(100, '[') + std::string(100, ']') + "}";
  std::string big = R"({"id":"s/8","title":")" + std::string(kMaxRecordBytes + 10, 'a') + "\"}";
  std::string text = record(1) + "\n" + deep + "\n" + big + "\n" + record(2) + "\n";
  ParseOutput out = JsonImporter().parse({"a.jsonl", text});
  ASSERT_EQ(out.records.size(), 2u);
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_NE(out.errors[0].message().find("line 2: the record is nested 101 levels deep, over the limit of 64"), std::string::npos)
      << out.errors[0].message();
  EXPECT_EQ(out.errors[1].code(), ErrorCode::kTooLarge);
  EXPECT_NE(out.errors[1].message().find("line 3: the record is " + std::to_string(big.size()) + " bytes, over the limit of"),
            std::string::npos)
      << out.errors[1].message();
}

TEST(JsonStream, ReadsInBatchesFromAnIstream) {
  std::string text;
  for (int i = 0; i < 2500; ++i) text += record(i) + "\n";
  std::istringstream in(text);
  auto stream = JsonImporter().open_stream({"big.jsonl", text.substr(0, 100)}, in);
  ASSERT_NE(stream, nullptr);
  std::size_t batches = 0, records = 0;
  for (bool more = true; more;) {
    ParseOutput batch;
    more = stream->next(batch, 1000);
    EXPECT_LE(batch.records.size(), 1000u);
    records += batch.records.size();
    ++batches;
  }
  EXPECT_EQ(records, 2500u);
  EXPECT_GE(batches, 3u);
}

TEST(CsvStream, ABadRowCostsThatRowAndTheRestIsRead) {
  std::string text = "id,title,date\n"
                     "c/1,One,1966\n"
                     "c/2,Two \"quoted\" badly,1966\n"
                     "c/3,Three,\xFF\n"
                     "c/4,Four,4 Mar" + std::string(2000, 'A') + "ch 1966\n"
                     "c/5,\"Five, with\nnewline\",1967\n";
  ParseOutput out = CsvImporter().parse({"a.csv", text});
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[1].id, "c/5");
  EXPECT_EQ(out.records[1].title, "Five, with newline");
  ASSERT_EQ(out.errors.size(), 3u);
  EXPECT_NE(out.errors[0].message().find("row 2 (line 3): line 3: '\"' inside an unquoted field"), std::string::npos) << out.errors[0].message();
  EXPECT_NE(out.errors[1].message().find("line 4, column 11: not valid UTF-8 (byte 0xFF)"), std::string::npos) << out.errors[1].message();
  EXPECT_NE(out.errors[2].message().find("row 4 (line 5): date: 2012 bytes, over the limit of 1024 bytes"), std::string::npos)
      << out.errors[2].message();
}

TEST(CsvStream, RowsWithoutAnIdTakeThePathRelativeToTheImportRoot) {
  SourceFile f{"/x/in/lists/My List.csv", "title\nA\nB\n", "lists/My List.csv"};
  ParseOutput out = CsvImporter().parse(f);
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[0].id, "file/lists/my-list/1");
  EXPECT_EQ(out.records[1].id, "file/lists/my-list/2");
}

TEST(FileRecordId, EveryPartOfTheRelativePathCounts) {
  EXPECT_EQ(file_record_id("a/notes.md"), "file/a/notes");
  EXPECT_EQ(file_record_id("b/notes.md"), "file/b/notes");
  EXPECT_EQ(file_record_id("Geneva Memo.pdf"), "file/geneva-memo");
  EXPECT_EQ(file_record_id("./x/.hidden"), "file/x/hidden");
  EXPECT_EQ(file_record_id("***"), "file/untitled");
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "folder" + std::to_string(i) + "/";
  std::string id = file_record_id(deep + "x.txt");
  EXPECT_EQ(id.size(), 200u);
  EXPECT_NE(id, file_record_id(deep + "y.txt"));  // the hash keeps long paths apart
}

}  // namespace
}  // namespace arkiv::ingest
