// Relevance harness: how well arkiv ranks, on an archive a user has imported (FRUS volumes).
// Three kinds of queries, each scored by MRR@10 (1/rank of the first relevant hit, 0 past 10)
// and recall@10 (the share of relevant records in the first 10):
//  - known-item titles: the first 4-8 words of a record's title should find that record.
//    Only titles that are unique in the archive count; repeated titles ("The Secretary of
//    State to the Minister in China") are reported apart, any record with the title counting;
//  - known-item sentences: about 10 words of a sentence from the middle of a record's text;
//  - topics: queries with judged relevant records (a TSV: query<TAB>id id ...).
// Queries are typed as a user would: words, no quotes or operators.
//   relevance --data DIR [--topics bench/relevance_topics.tsv] [--misses 5]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "archive/archive.h"
#include "text/fold.h"

namespace {

struct Record {
  std::string id;
  std::string title;
  std::string text;  // the longest version's text
};

struct Score {
  int queries = 0;
  double rr = 0, recall = 0;
  std::vector<std::string> misses;  // "query -> expected"
  void add(double reciprocal_rank, double recall_at_10) {
    ++queries;
    rr += reciprocal_rank;
    recall += recall_at_10;
  }
};

// Words as a user would type or paste them: split at spaces, punctuation trimmed from their
// ends but kept inside (39,000,000; U.S.), no query syntax (quotes, brackets, colons),
// operator words in lower case.
std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  auto word_char = [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)); };
  for (std::string w; in >> w;) {
    for (char& c : w) {
      if (c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == ':' || c == '*' || c == '+') c = ' ';
    }
    std::istringstream parts(w);
    for (std::string p; parts >> p;) {
      std::size_t b = 0, e = p.size();
      while (b < e && !word_char(p[b])) ++b;
      while (e > b && !word_char(p[e - 1])) --e;
      p = p.substr(b, e - b);
      if (p == "AND" || p == "OR" || p == "NOT" || p == "XOR" || p == "NEAR" || p == "ADJ") p = arkiv::text::lower(p);
      if (!p.empty()) out.push_back(p);
    }
  }
  return out;
}

std::string join_words(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string q;
  for (std::size_t i = from; i < from + n && i < words.size(); ++i) q += (q.empty() ? "" : " ") + words[i];
  return q;
}

// The title as compared for uniqueness: folded words.
std::string title_key(const std::string& title) {
  std::string k;
  for (const std::string& w : words_of(arkiv::text::fold(title))) k += w + " ";
  return k;
}

std::vector<std::string> search(arkiv::archive::Archive& archive, const std::string& q) {
  arkiv::archive::SearchQuery query;
  query.text = q;
  query.limit = 10;
  auto page = archive.search(query);
  std::vector<std::string> ids;
  if (!page.ok()) {
    std::cerr << "query '" << q << "': " << page.error().message() << "\n";
    return ids;
  }
  for (const auto& h : page->hits) ids.push_back(h.id);
  return ids;
}

void score(Score& s, const std::vector<std::string>& hits, const std::set<std::string>& relevant, const std::string& query, std::size_t misses) {
  double rr = 0;
  int found = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (!relevant.count(hits[i])) continue;
    if (rr == 0) rr = 1.0 / static_cast<double>(i + 1);
    ++found;
  }
  s.add(rr, static_cast<double>(found) / static_cast<double>(relevant.size()));
  if (rr < 1 && s.misses.size() < misses) s.misses.push_back("\"" + query + "\" -> " + *relevant.begin() + (rr == 0 ? " (not in 10)" : " (rank " + std::to_string(static_cast<int>(1 / rr)) + ")"));
}

void print(const std::string& kind, const Score& s) {
  double n = s.queries ? s.queries : 1;
  std::printf("| %s | %d | %.3f | %.3f |\n", kind.c_str(), s.queries, s.rr / n, s.recall / n);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Relevance harness: MRR@10 and recall@10 of known-item and topical queries"};
  std::string data, topics;
  std::size_t misses = 5;
  app.add_option("--data", data, "arkiv data directory (records imported)")->required();
  app.add_option("--topics", topics, "topical queries: query<TAB>relevant id id ...");
  app.add_option("--misses", misses, "print this many missed queries of each kind");
  CLI11_PARSE(app, argc, argv);

  auto opened = arkiv::archive::Archive::open(data, arkiv::archive::Archive::Mode::kRead);
  if (!opened.ok()) {
    std::cerr << opened.error().message() << "\n";
    return 1;
  }
  auto& archive = **opened;
  archive.set_caching(false);
  std::stringstream jsonl;
  if (auto st = archive.export_jsonl(jsonl); !st.ok()) {
    std::cerr << st.error().message() << "\n";
    return 1;
  }
  std::vector<Record> records;
  for (std::string line; std::getline(jsonl, line);) {
    auto j = nlohmann::json::parse(line);
    Record r{j.value("id", ""), j.value("title", ""), ""};
    for (const auto& c : j.value("contents", nlohmann::json::array())) {
      std::string t = c.value("text", "");
      if (t.size() > r.text.size()) r.text = t;
    }
    records.push_back(std::move(r));
  }
  std::map<std::string, std::set<std::string>> by_title;
  for (const Record& r : records) by_title[title_key(r.title)].insert(r.id);

  Score unique, unique_prefix, ceiling, repeated, sentences, topical;
  std::set<std::string> repeated_done;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    std::vector<std::string> w = words_of(r.title);
    if (w.size() >= 4) {
      const std::set<std::string>& same = by_title[title_key(r.title)];
      std::string q = join_words(w, 0, 4 + i % 5);  // 4 to 8 words
      if (same.size() == 1) {
        std::vector<std::string> hits = search(archive, q);
        score(unique, hits, same, q, misses);
        // The first words of a unique title are often the start of other titles too ("The
        // Secretary of State to the"): no ranking can tell which one was meant. Reported apart.
        const std::string prefix = title_key(q);
        bool shared = false;
        std::size_t starting = 0;  // records whose title starts with the words typed
        for (const auto& [key, ids] : by_title) {
          if (key.compare(0, prefix.size(), prefix) != 0) continue;
          shared |= key != title_key(r.title);
          starting += ids.size();
        }
        if (!shared) score(unique_prefix, hits, same, q, 0);
        // The best a ranking can do from the words alone: the `starting` records first, in an
        // order the words cannot tell, so the record meant is at each of their places alike.
        double expected_rr = 0;
        for (std::size_t k = 1; k <= std::min<std::size_t>(starting, 10); ++k) expected_rr += 1.0 / static_cast<double>(k);
        ceiling.add(expected_rr / static_cast<double>(starting), static_cast<double>(std::min<std::size_t>(starting, 10)) / static_cast<double>(starting));
      }
      else if (repeated_done.insert(title_key(r.title)).second) score(repeated, search(archive, q), same, q, misses);
    }
    // About 10 words from the middle: from the first sentence that starts past the middle.
    std::vector<std::string> tw;
    std::istringstream in(r.text);
    std::vector<std::string> raw;
    for (std::string t; in >> t;) raw.push_back(t);
    if (raw.size() >= 40) {
      std::size_t start = raw.size() / 2;
      for (std::size_t k = start; k + 12 < raw.size() && k < start + 40; ++k) {
        if (!raw[k].empty() && raw[k].back() == '.') {
          start = k + 1;
          break;
        }
      }
      std::string sentence;
      for (std::size_t k = start; k < start + 10 && k < raw.size(); ++k) sentence += raw[k] + " ";
      std::string q = join_words(words_of(sentence), 0, 10);
      if (!q.empty()) score(sentences, search(archive, q), {r.id}, q, misses);
    }
  }
  if (!topics.empty()) {
    std::ifstream in(topics);
    if (!in) {
      std::cerr << "cannot read " << topics << "\n";
      return 1;
    }
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab == std::string::npos) {
        std::cerr << topics << ":" << number << ": expected query<TAB>relevant ids\n";
        return 1;
      }
      std::set<std::string> relevant;
      std::istringstream ids(line.substr(tab + 1));
      for (std::string id; ids >> id;) relevant.insert(id);
      if (relevant.empty()) continue;
      score(topical, search(archive, line.substr(0, tab)), relevant, line.substr(0, tab), misses);
    }
  }
  std::printf("%zu records, %zu distinct titles\n\n| queries | n | MRR@10 | recall@10 |\n|---|---|---|---|\n", records.size(), by_title.size());
  print("known-item: unique titles (first 4-8 words)", unique);
  print("... of which the words typed start no other title", unique_prefix);
  print("... expected if the titles the words start came first, in random order", ceiling);
  print("known-item: repeated titles (any record with the title)", repeated);
  print("known-item: ~10 words of a sentence from the middle", sentences);
  if (!topics.empty()) print("topical (judged)", topical);
  for (const auto& [kind, s] : {std::pair{"unique titles", &unique}, {"repeated titles", &repeated}, {"sentences", &sentences}, {"topical", &topical}}) {
    for (const std::string& m : s->misses) std::printf("\nmissed (%s): %s", kind, m.c_str());
  }
  std::printf("\n");
  return 0;
}
