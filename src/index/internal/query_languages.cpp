#include "index/internal/query_languages.h"

#include <set>

#include "base/strings.h"
#include "index/internal/stemmers.h"
#include "text/fold.h"
#include "text/korean_particles.h"

namespace arkiv::index {

std::vector<std::string> stemmed_languages(const Xapian::Database& db) {
  std::vector<std::string> out;
  for (auto t = db.allterms_begin("L"); t != db.allterms_end("L"); ++t) {
    std::string code = (*t).substr(1);
    if (has_stemmer(code)) out.push_back(code);
  }
  return out;
}

bool is_query_operator(std::string_view word) {
  static const std::set<std::string_view> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  return kOperators.count(word.substr(0, word.find('/'))) > 0;
}

std::string lower_words(std::string_view query) {
  std::string out;
  std::size_t i = 0;
  while (i < query.size()) {
    std::size_t end = query.find(' ', i);
    if (end == std::string_view::npos) end = query.size();
    std::string_view chunk = query.substr(i, end - i);
    out += is_query_operator(chunk) ? std::string(chunk) : text::lower(chunk);
    if (end < query.size()) out += ' ';
    i = end + 1;
  }
  return out;
}

namespace {

// Every run of Hangul syllables with its particles stripped.
std::string strip_hangul_particles(std::string_view query) {
  std::string out;
  std::size_t i = 0;
  auto hangul_at = [&](std::size_t k) {
    // Hangul syllables U+AC00..U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8.
    if (k + 2 >= query.size()) return false;
    auto b = static_cast<unsigned char>(query[k]);
    if (b < 0xEA || b > 0xED) return false;
    unsigned cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(query[k + 1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(query[k + 2]) & 0x3Fu);
    return cp >= 0xAC00 && cp <= 0xD7A3;
  };
  while (i < query.size()) {
    if (!hangul_at(i)) {
      out += query[i++];
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && hangul_at(end)) end += 3;
    out += text::strip_korean_particles(query.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace

LanguageParses parse_in_languages(Xapian::QueryParser& qp, std::string_view query, unsigned flags,
                                  const std::vector<std::string>& languages) {
  LanguageParses out;
  std::vector<Xapian::Query> parses;
  std::set<std::string> seen;
  const std::string lowered = lower_words(query);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  for (const std::string& language : languages) {
    qp.set_stemmer(stemmer_for(language));
    Xapian::Query parse = qp.parse_query(lowered, flags);
    if (!seen.insert(parse.get_description()).second) continue;
    parses.push_back(parse);
    out.languages.push_back(language);
  }
  const std::string korean = strip_hangul_particles(query);
  if (korean != query) {
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    parses.push_back(qp.parse_query(korean, flags));
  }
  out.query = parses.empty() ? Xapian::Query::MatchNothing : Xapian::Query(Xapian::Query::OP_OR, parses.begin(), parses.end());
  return out;
}

}  // namespace arkiv::index
