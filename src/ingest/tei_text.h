// Turns TEI markup into a Content text: block elements (p, head, dateline, list items, table
// rows, closer, quote...) become paragraphs separated by "\n\n", white space is collapsed,
// footnotes (<note> other than type="source") leave the running text and become model::Note
// anchored at their code-point offset. Internal to ingest; one builder per text, not shared.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "model/document.h"

namespace arkiv::ingest {

class TeiTextBuilder {
 public:
  // Adds the content of `node` (its children), treating `node` itself as a block.
  // At `document_level`, <head> (the title) and source notes (the citation) are left out.
  void add_block(pugi::xml_node node, bool document_level = false);
  // Adds the footnotes inside `node` (e.g. a title) at the current end of the text.
  void add_notes_of(pugi::xml_node node);

  // Ends the open paragraph and returns the text; the builder is then spent.
  std::string take_text();
  std::vector<model::Note> take_notes() { return std::move(notes_); }
  // Editorial gaps the markup names: <gap/> (its marker written into the text as "[reason]")
  // and <unclear> (its words, marked illegible). For content 0; the caller renumbers.
  std::vector<model::Gap> take_gaps() { return std::move(gaps_); }
  // Attachments and enclosures (<frus:attachment>), each starting where its text starts; its
  // head and source notes leave the running text for the part's own fields.
  std::vector<model::Part> take_parts() { return std::move(parts_); }

 private:
  void walk(pugi::xml_node node, bool document_level);
  void element(pugi::xml_node el, bool document_level);
  void add_text(std::string_view s);
  void add_note(pugi::xml_node note);
  void add_gap(pugi::xml_node el);
  void add_attachment(pugi::xml_node el);
  void flush();
  std::size_t offset_here() const;

  std::string text_;             // finished paragraphs
  std::size_t text_cp_ = 0;      // code points in text_
  std::string cur_;              // the open paragraph
  std::size_t cur_cp_ = 0;
  bool pending_space_ = false;
  std::string pending_label_;    // a list <label> waiting for its <item>
  std::vector<model::Note> notes_;
  std::vector<model::Gap> gaps_;
  std::vector<model::Part> parts_;
};

// The text content of `node` with white space collapsed, footnotes left out, <lb/> as a space.
std::string tei_plain_text(pugi::xml_node node);
// A heading's text without any notes: post-1945 FRUS volumes put the source note in <head>.
std::string tei_heading_text(pugi::xml_node node);

// The first descendant named `name`, not looking inside attachments or notes.
pugi::xml_node tei_own_descendant(pugi::xml_node node, std::string_view name);

// True for a <note> that is a footnote rather than a source note.
bool is_footnote(pugi::xml_node node);

}  // namespace arkiv::ingest
