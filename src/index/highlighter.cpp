#include "index/highlighter.h"

#include <xapian.h>

#include <vector>

#include "base/strings.h"
#include "index/internal/stemmers.h"
#include "text/fold.h"
#include "text/words.h"

namespace arkiv::index {

namespace {

using Token = text::WordSpan;

std::vector<Token> tokenize(std::string_view text) { return text::word_spans(text); }

}  // namespace

Highlighter::Highlighter(std::set<std::string> words, std::set<std::string> stems, std::vector<std::string> stem_languages)
    : words_(std::move(words)), stems_(std::move(stems)), stem_languages_(std::move(stem_languages)) {}

bool Highlighter::matches(std::string_view folded) const {
  if (words_.count(std::string(folded))) return true;
  if (stems_.empty()) return false;
  // A word and its stem share their first two letters; most words of a text share them with
  // no query stem, and need no stemming (the costly part of making a snippet).
  std::string head(folded.substr(0, 2));
  auto it = stems_.lower_bound(head);
  if (it == stems_.end() || it->compare(0, head.size(), head) != 0) return false;
  try {
    const std::string word(folded);
    for (const std::string& language : stem_languages_) {
      if (stems_.count(stemmer_for(language)(word))) return true;
    }
    return false;
  } catch (const Xapian::Error&) {
    return false;
  }
}

MarkedText Highlighter::mark_all(std::string_view text) const {
  std::vector<Token> tokens = tokenize(text);
  std::vector<bool> match(tokens.size(), false);
  auto folded = [&](const Token& t) { return text::fold(text.substr(t.begin, t.end - t.begin)); };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.cjk) {
      std::string self = folded(t);
      std::string prev = k > 0 && tokens[k - 1].cjk && tokens[k - 1].end == t.begin ? folded(tokens[k - 1]) : "";
      std::string next = k + 1 < tokens.size() && tokens[k + 1].cjk && tokens[k + 1].begin == t.end ? folded(tokens[k + 1]) : "";
      bool bigram = (!prev.empty() && words_.count(prev + self)) || (!next.empty() && words_.count(self + next));
      bool longer_asked = false;
      for (auto it = words_.lower_bound(self); it != words_.end() && it->compare(0, self.size(), self) == 0; ++it) {
        longer_asked |= it->size() > self.size();
      }
      match[k] = bigram || (words_.count(self) && !longer_asked);
    } else {
      match[k] = !empty() && matches(folded(t));
    }
  }
  MarkedText out;
  out.text = std::string(text);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (match[k]) out.marks.push_back({tokens[k].begin, tokens[k].end});
  }
  return out;
}

MarkedText Highlighter::snippet(std::string_view text, std::size_t max_chars) const {
  // Find the window of max_chars bytes holding the most matches, then mark inside it only.
  std::vector<Token> tokens = tokenize(text);
  std::vector<std::size_t> hits;
  if (!empty()) {
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      std::string f = text::fold(text.substr(t.begin, t.end - t.begin));
      bool m = t.cjk ? words_.count(f) > 0 : matches(f);
      if (m) hits.push_back(t.begin);
    }
  }
  std::size_t start = 0;
  if (!hits.empty()) {
    std::size_t best = 0, best_count = 0, j = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      while (j < hits.size() && hits[j] < hits[i] + max_chars * 3 / 4) ++j;
      if (j - i > best_count) {
        best_count = j - i;
        best = i;
      }
    }
    start = hits[best] > max_chars / 4 ? hits[best] - max_chars / 4 : 0;
  }
  std::size_t end = std::min(text.size(), start + max_chars);
  // Move the cut points to token boundaries so no word or UTF-8 sequence is split.
  for (const Token& t : tokens) {
    if (t.begin < start && t.end > start) start = t.end;
    if (t.begin < end && t.end > end) {
      end = t.begin;
      break;
    }
  }
  while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  std::string body(trim(text.substr(start, end > start ? end - start : 0)));
  MarkedText out = mark_all(collapse_spaces(body));
  if (start > 0) {
    const std::string lead = "… ";
    out.text.insert(0, lead);
    for (auto& m : out.marks) {
      m.begin += lead.size();
      m.end += lead.size();
    }
  }
  if (end < text.size()) out.text += " …";
  return out;
}

}  // namespace arkiv::index
