// Queries that must never make a search fail (issue 11, item 7): unbalanced quotes and brackets,
// stray operators, unknown field names, 10,000-character queries, control characters and
// invalid UTF-8. The CLI test and the HTTP test (pages and API) send every one. Test-only.
#pragma once

#include <string>
#include <vector>

namespace arkiv::testing {

inline std::vector<std::string> hostile_queries() {
  std::string long_words;
  while (long_words.size() < 10000) long_words += "korea pyongyang ";
  return {"\"unbalanced quote", "unbalanced quote\"", "\"", "((korea", "korea))", "(", ")", "[korea", "{korea}",
          "AND", "OR", "NOT", "korea AND", "AND korea", "korea OR OR pyongyang", "NOT NOT", "+", "-", "+-korea",
          "korea NEAR/3", "NEAR/x", "ADJ/", "*", "ko*", "**", "XOR", "korea ~", "title:", ":", "person:\"", "place:(",
          "colour:red", "nonsense: korea", "year:abc", "language:xx",
          // Long: just within the API's 1,000 bytes, and 10,000 characters.
          std::string(990, 'a'), std::string(1000, '('), std::string(999, '"'), long_words.substr(0, 1000),
          long_words, std::string(10000, 'a'), std::string(10000, '('), std::string(5000, '"'),
          "korea\x01\x02", "\x07\x1b[31mkorea", "tab\there", "new\nline", "\x7f",
          "\xff\xfe", "kor\xc3", "\xed\xa0\x80", "\xc0\xaf korea",
          // Xapian 1.4.22 refused a CJK word between two words and leaked on a stray operator.
          "x \xea\xb9\x80\xec\x9d\xbc\xec\x84\xb1 a", "OR R \xec\x85\xa0" "a"};
}

}  // namespace arkiv::testing
