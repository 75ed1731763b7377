#include "index/highlighter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <vector>

#include "base/strings.h"
#include "index/stemmers.h"
#include "text/fold.h"

namespace arkiv::index {

namespace {

bool is_cjk(UChar32 c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0x1100 && c <= 0x11FF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

struct Token {
  std::size_t begin, end;  // bytes
  bool cjk;
  bool match = false;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size()), i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (is_cjk(c)) {
      out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(i), true});
      continue;
    }
    if (!is_word_char(c)) continue;
    int32_t end = i;
    while (i < n) {
      int32_t save = i;
      UChar32 d;
      U8_NEXT(p, i, n, d);
      if (d < 0 || is_cjk(d) || !is_word_char(d)) {
        i = save;
        break;
      }
      end = i;
    }
    out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end), false});
  }
  return out;
}

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

std::string Highlighter::mark_all(std::string_view text) const {
  std::string out;
  std::vector<Token> tokens = tokenize(text);
  std::size_t pos = 0;
  auto folded = [&](const Token& t) { return text::fold(text.substr(t.begin, t.end - t.begin)); };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    Token& t = tokens[k];
    if (t.cjk) {
      std::string self = folded(t);
      std::string prev = k > 0 && tokens[k - 1].cjk && tokens[k - 1].end == t.begin ? folded(tokens[k - 1]) : "";
      std::string next = k + 1 < tokens.size() && tokens[k + 1].cjk && tokens[k + 1].begin == t.end ? folded(tokens[k + 1]) : "";
      bool bigram = (!prev.empty() && words_.count(prev + self)) || (!next.empty() && words_.count(self + next));
      bool longer_asked = false;
      for (auto it = words_.lower_bound(self); it != words_.end() && it->compare(0, self.size(), self) == 0; ++it) {
        longer_asked |= it->size() > self.size();
      }
      t.match = bigram || (words_.count(self) && !longer_asked);
    } else {
      t.match = !empty() && matches(folded(t));
    }
  }
  for (const Token& t : tokens) {
    html_escape_append(text.substr(pos, t.begin - pos), out);
    if (t.match) out += "<mark>";
    html_escape_append(text.substr(t.begin, t.end - t.begin), out);
    if (t.match) out += "</mark>";
    pos = t.end;
  }
  html_escape_append(text.substr(pos), out);
  return out;
}

std::string Highlighter::snippet(std::string_view text, std::size_t max_chars) const {
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
  std::string out;
  if (start > 0) out += "… ";
  out += mark_all(collapse_spaces(body));
  if (end < text.size()) out += " …";
  return out;
}

}  // namespace arkiv::index
