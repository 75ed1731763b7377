#include "index/internal/title_boost.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "index/internal/query_languages.h"
#include "model/fields.h"
#include "text/fold.h"

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
  // The words as the index holds a title's (internal/document_terms.cpp: folded, the same
  // tokenizer, the title's prefix), in their order, as one exact phrase. Built from terms, never
  // by handing the user's text to a parser inside quotes.
  Xapian::TermGenerator tg;
  Xapian::Document scratch;
  tg.set_document(scratch);
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  tg.index_text(text::fold(std::string(query)), 1, std::string(title->word_prefix));
  std::vector<std::pair<Xapian::termpos, std::string>> at;
  for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at.emplace_back(*p, *t);
  }
  std::sort(at.begin(), at.end());
  if (at.size() < 2) return {};
  std::vector<Xapian::Query> terms;
  for (std::size_t i = 0; i < at.size(); ++i) terms.emplace_back(at[i].second, 1, static_cast<Xapian::termpos>(i + 1));
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
}

}  // namespace arkiv::index
