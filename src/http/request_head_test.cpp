#include "http/request_head.h"

#include <gtest/gtest.h>

namespace arkiv::http {
namespace {

using State = HeadCheck::State;

HeadCheck check(const std::string& head) { return check_request_head(head, HeadLimits{}); }

TEST(RequestHeadTest, AcceptsAPlainRequestAndFindsItsEnd) {
  std::string head = "GET /search?q=x HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n";
  HeadCheck c = check(head + "GET / HTTP/1.1\r\n");
  EXPECT_EQ(c.state, State::kComplete) << c.message;
  EXPECT_EQ(c.head_size, head.size());
  EXPECT_EQ(c.method, "GET");
  EXPECT_EQ(c.target, "/search?q=x");
  EXPECT_EQ(check("GET / HTTP/1.0\r\n\r\n").state, State::kComplete);
  EXPECT_EQ(check("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:  Chunked \r\n\r\n").state, State::kComplete);
}

TEST(RequestHeadTest, WaitsForTheRestOfAnUnfinishedHead) {
  for (const char* part : {"", "GE", "GET /search?q=", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\nHost: a\r\n", "GET / HTTP/1.1\r\nHost: a\r\n\r"}) {
    EXPECT_EQ(check(part).state, State::kIncomplete) << part;
  }
}

TEST(RequestHeadTest, LongTargetIs414AndLargeHeaderIs431) {
  HeadCheck url = check("GET /api/v1/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(url.state, State::kRejected);
  EXPECT_EQ(url.status, 414);
  EXPECT_EQ(url.target.rfind("/api/v1/search?q=aaa", 0), 0u);  // answered as JSON under /api/
  // Known before the start line ends.
  EXPECT_EQ(check("GET /" + std::string(9000, 'a')).status, 414);
  HeadCheck big = check("GET /api/v1/stats HTTP/1.1\r\nHost: a\r\nX-Pad: " + std::string(9000, 'x') + "\r\n\r\n");
  EXPECT_EQ(big.status, 431);
  EXPECT_EQ(big.target, "/api/v1/stats");
  EXPECT_EQ(check("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + std::string(9000, 'x')).status, 431);
  // Exactly at the limits is fine.
  std::string fields = "Host: a\r\nX-Pad: ";
  fields += std::string(8 * 1024 - fields.size() - 2, 'x') + "\r\n";
  EXPECT_EQ(check("GET /" + std::string(8 * 1024 - 1, 'a') + " HTTP/1.1\r\n" + fields + "\r\n").state, State::kComplete);
}

TEST(RequestHeadTest, SmugglingShapesAre400) {
  for (const char* head : {
           "GET / HTTP/1.1\r\n\r\n",                                           // no Host
           "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n",                     // two Hosts
           "GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n",                     // two Hosts, HTTP/1.0
           "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  folded\r\n\r\n",          // obsolete line folding
           "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n\tfolded\r\n\r\n",
           "GET / HTTP/1.1\r\n Host: a\r\n\r\n",                               // first field folded
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n",
           "GET / HTTP/1.1\r\nHost: a\r\nNo colon here\r\n\r\n",
           "GET / HTTP/1.1\nHost: a\n\n",                                      // bare LF
       }) {
    HeadCheck c = check(head);
    EXPECT_EQ(c.state, State::kRejected) << head;
    EXPECT_EQ(c.status, 400) << head;
    EXPECT_FALSE(c.message.empty());
  }
}

TEST(RequestHeadTest, DecidableScansOnlyNewBytes) {
  HeadLimits limits;
  std::string bytes = "GET / HTTP/1.1\r\nHost: a\r\n\r";
  EXPECT_FALSE(head_decidable(bytes, 0, limits));
  std::size_t scanned = bytes.size();
  bytes += "\n";
  EXPECT_TRUE(head_decidable(bytes, scanned, limits));  // the terminator straddles the two pieces
  EXPECT_TRUE(head_decidable("GET / HTTP/1.1\nHost", 0, limits));
  EXPECT_TRUE(head_decidable("GET /" + std::string(20000, 'a'), 19000, limits));
  EXPECT_FALSE(head_decidable("GET /" + std::string(2000, 'a'), 1000, limits));
}

}  // namespace
}  // namespace arkiv::http
