#include "http/multipart.h"

#include <gtest/gtest.h>

namespace arkiv::http {
namespace {

TEST(Multipart, ReadsFieldsAndFilesAsBrowsersSendThem) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken123\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes \\\"x\\\".md\"\r\nContent-Type: text/markdown\r\n\r\n"
      "# Minutes\r\n\r\nText with --XyZ inside a line.\r\n"
      "--XyZ--\r\n";
  auto parts = parse_multipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(parts.ok()) << parts.error().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf");
  EXPECT_EQ((*parts)[0].body, "token123");
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].filename, "notes \"x\".md");
  EXPECT_EQ((*parts)[1].content_type, "text/markdown");
  EXPECT_EQ((*parts)[1].body, "# Minutes\r\n\r\nText with --XyZ inside a line.");
}

TEST(Multipart, RefusesMalformedBodiesWithAReason) {
  EXPECT_FALSE(parse_multipart("text/plain", "x").ok());
  EXPECT_FALSE(parse_multipart("multipart/form-data", "--a\r\n").ok());  // no boundary
  EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=a", "no delimiter").ok());
  EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=a", "--a\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nnever ends").ok());
  std::string many;
  for (int i = 0; i < 101; ++i) many += "--a\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  many += "--a--";
  auto r = parse_multipart("multipart/form-data; boundary=a", many);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("more than 100 parts"), std::string::npos);
}

}  // namespace
}  // namespace arkiv::http
