#include "index/internal/spelling.h"

#include <algorithm>
#include <vector>

#include "text/fold.h"
#include "text/words.h"

namespace arkiv::index {

namespace {

constexpr std::size_t kMaxCandidates = 50000;  // terms scanned per unknown word

bool is_plain_word(const std::string& w) {
  return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
}

}  // namespace

std::size_t edit_distance(const std::string& a8, const std::string& b8, std::size_t limit) {
  std::vector<std::int32_t> a = text::code_points(a8), b = text::code_points(b8);
  std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string suggest_spelling(const Xapian::Database& db, const std::string& text) {
  std::string out;
  bool changed = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    std::string folded = text::fold(word);
    std::string replacement = word;
    if (is_plain_word(folded) && word.find(':') == std::string::npos && db.get_termfreq(folded) == 0) {
      std::size_t limit = folded.size() <= 5 ? 1 : 2;
      std::size_t best_distance = limit + 1;
      Xapian::doccount best_freq = 0;
      std::string best;
      // Candidates share the first letter: most misspellings keep it, and it bounds the scan.
      std::string prefix = folded.substr(0, 1);
      std::size_t scanned = 0;
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < kMaxCandidates; ++t, ++scanned) {
        const std::string& term = *t;
        std::size_t d = edit_distance(folded, term, limit);
        if (d > limit) continue;
        Xapian::doccount f = t.get_termfreq();
        if (d < best_distance || (d == best_distance && f > best_freq)) {
          best_distance = d;
          best_freq = f;
          best = term;
        }
      }
      if (!best.empty()) {
        replacement = best;
        changed = true;
      }
    }
    if (!out.empty() || start > 0) out += start > 0 ? " " : "";
    out += replacement;
    start = end + 1;
    if (end == text.size()) break;
  }
  return changed ? out : "";
}

}  // namespace arkiv::index
