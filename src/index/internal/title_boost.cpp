#include "index/internal/title_boost.h"

#include <string>

#include "index/internal/query_languages.h"
#include "model/fields.h"

namespace arkiv::index {

Xapian::Query title_phrase(Xapian::QueryParser& qp, std::string_view query) {
  if (query.find_first_of("\"()[]{}:*+") != std::string_view::npos) return {};
  int words = 0;
  std::size_t i = 0;
  while (i < query.size()) {
    std::size_t end = query.find(' ', i);
    if (end == std::string_view::npos) end = query.size();
    std::string_view w = query.substr(i, end - i);
    if (!w.empty()) {
      if (is_query_operator(w) || w[0] == '-') return {};
      ++words;
    }
    i = end + 1;
  }
  if (words < 2) return {};
  const model::Field* title = model::find_field("title");
  if (!title) return {};
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
  return qp.parse_query("\"" + std::string(query) + "\"", Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_CJK_NGRAM,
                        std::string(title->word_prefix));
}

}  // namespace arkiv::index
