// The ceiling for arkiv's import: plain Xapian 1.4 indexing the same corpus with positions
// and English stemming (what arkiv's phrase search and stemming need), one writer, one commit,
// and none of arkiv's work (no catalog, validation, folding, facets, exact-form terms).
// With --pairs, each pair of adjacent words of the text is also a term ("Pword1 word2", no
// positions): what an index of word pairs, which would make two-word phrases single terms
// (exact counts without positional checks), would cost the import (issue 11).
// With --limit N, only the first N records are indexed.
// Usage: xapian_ceiling --corpus bench/out/corpus --db bench/out/xapian-ceiling [--pairs] [--limit N]
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>

namespace {

// Adjacent pairs of lower-cased ASCII words (letters and digits), as terms without positions.
void add_pairs(Xapian::Document& d, std::string_view text) {
  std::string prev, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!prev.empty()) d.add_term("P" + prev + " " + word);
    prev = std::move(word);
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Xapian indexing ceiling"};
  std::string corpus, path;
  bool pairs = false;
  long limit = -1;
  app.add_option("--corpus", corpus)->required();
  app.add_option("--db", path)->required();
  app.add_flag("--pairs", pairs, "also index adjacent word pairs as terms");
  app.add_option("--limit", limit, "index only the first N records");
  CLI11_PARSE(app, argc, argv);
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(corpus)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("en"));
  long n = 0;
  std::uint64_t bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    while ((limit < 0 || n < limit) && std::getline(in, line)) {
      bytes += line.size() + 1;
      auto j = nlohmann::json::parse(line);
      Xapian::Document d;
      tg.set_document(d);
      tg.index_text(j["title"].get<std::string>(), 3);
      tg.index_text(j["summary"].get<std::string>(), 2);
      for (const auto& c : j["contents"]) {
        tg.index_text(c["text"].get<std::string>());
        if (pairs) add_pairs(d, c["text"].get<std::string>());
      }
      d.add_boolean_term("Q" + j["id"].get<std::string>());
      db.add_document(d);
      ++n;
    }
  }
  db.commit();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("Xapian ceiling: %ld documents, %.1f MB in %.1f s = %.0f documents/s, %.2f MB/s\n", n, bytes / 1e6, s, n / s, bytes / 1e6 / s);
  return 0;
}
