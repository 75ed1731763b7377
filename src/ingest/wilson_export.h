// The stages that read one Wilson Center archive-record export (docs/import-formats.md):
// sections → header fields → contents list → body texts → content items. Each stage is a pure
// function of its input, linear in its size, and tested on its own (wilson_export_test.cpp).
// Internal to ingest; WilsonTextImporter::parse runs them in order. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace arkiv::ingest::wilson {

// A blank-line separated paragraph, its lines joined by a space, and the line it starts on.
struct Paragraph {
  std::string text;
  std::size_t line = 0;  // 1-based
};

// "**Label:**" and the byte range of what follows it up to the next label.
struct Section {
  std::string label;  // "Citation", "Summary"...
  std::size_t line = 0;
  std::size_t begin = 0, end = 0;  // bytes of the body in the text
};

struct Sections {
  std::size_t header_end = 0;  // the header is text[0, header_end)
  std::vector<Section> sections;
};

// Stage 1: the labelled sections, found in one pass over the text (a file of 100,000 labels
// takes 100,000 steps, not 100,000²).
Sections find_sections(std::string_view text);

// Paragraphs of `body`, whose first line is line `first_line` of the file.
std::vector<Paragraph> paragraphs_of(std::string_view body, std::size_t first_line);

// Stage 2: the header "**1966****Albanian-Korean Joint Declaration**": its bold runs, the
// first a date when there are two.
struct Header {
  std::string date;   // verbatim, may be empty
  std::string title;  // empty when the header has none
};
Header read_header(std::string_view header);

// One entry of the contents list: "Original Scan", "Transcript - Russian", "Translation - English".
struct ContentsEntry {
  std::string label;     // verbatim
  std::string kind;      // original, transcript, translation
  std::string language;  // canonical code; empty when unnamed or unknown
  std::string declared;  // the language as named, when arkiv does not know it
  bool scan = false;     // an image of the document: never text in the export
  std::size_t line = 0;
};
std::optional<ContentsEntry> parse_contents_entry(const Paragraph& p);

// Stage 3: the leading paragraphs of the Contents section that are entries; the rest is the body.
struct ContentsList {
  std::vector<ContentsEntry> entries;
  std::vector<Paragraph> body;
};
ContentsList read_contents_list(std::vector<Paragraph> paragraphs);

// Stage 4: the body split into texts. A paragraph repeating an entry's label starts that
// entry's text; otherwise a change of detected language (lasting more than one paragraph)
// starts a new text. Page breaks inside a text are joined (join_broken_paragraphs).
struct Text {
  std::vector<Paragraph> paragraphs;
  std::optional<std::size_t> entry;  // an entry named by a label line before the text
  std::string language;              // detected from the whole text; empty if it cannot tell
};
std::vector<Text> split_texts(const std::vector<Paragraph>& body, const std::vector<ContentsEntry>& entries);

// A first paragraph such as "Draft" that states what the historical document is: "draft",
// "final", "copy", "excerpt"; empty if `paragraph` is not one.
std::string document_state_of(std::string_view paragraph);

// Joins paragraphs that a page break split in mid-sentence: one that does not end a sentence,
// followed by one that starts in lower case (Latin, Greek or Cyrillic), is one paragraph.
std::vector<Paragraph> join_broken(const std::vector<Paragraph>& paragraphs);

// Stage 5: one content item per entry, each text in the entry whose language it is written in
// (or that names it), entries without text kept as not in this export, texts that fit no entry
// kept with their detected language. Appends warnings that name the line.
std::vector<model::Content> content_items(const std::vector<ContentsEntry>& entries, const std::vector<Text>& texts,
                                          const model::Document& doc, std::vector<std::string>& warnings);

}  // namespace arkiv::ingest::wilson
