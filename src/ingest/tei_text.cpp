#include "ingest/tei_text.h"

#include <cstring>

#include "base/strings.h"
#include "ingest/xml_loader.h"

namespace arkiv::ingest {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Elements that make their own paragraph. Everything else (hi, persName, placeName, gloss,
// ref, date, seg, foreign...) is inline.
bool is_block(std::string_view name) {
  static const char* const kBlocks[] = {
      "p", "head", "dateline", "opener", "closer", "salute", "signed", "postscript", "quote", "list",
      "item", "table", "row", "attachment", "div", "ab", "lg", "l", "byline", "docAuthor", "trailer",
      "epigraph", "argument", "figure", "listBibl", "bibl", "sp", "speaker", "stage", "floatingText",
      "body", "front", "back", "text", "docTitle", "titlePart", "titlePage", "cit"};
  for (const char* b : kBlocks) {
    if (name == b) return true;
  }
  return false;
}

void plain_text_into(pugi::xml_node node, std::string& out, bool skip_all_notes = false) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
    } else if (c.type() == pugi::node_element) {
      std::string_view name = local_name(c);
      if (name == "note" && (skip_all_notes || is_footnote(c))) continue;
      if (name == "lb" || is_block(name)) out += ' ';
      plain_text_into(c, out, skip_all_notes);
      if (is_block(name)) out += ' ';
    }
  }
}

}  // namespace

pugi::xml_node tei_own_descendant(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view cn = local_name(c);
    if (cn == name) return c;
    if (cn == "attachment" || cn == "note") continue;
    if (pugi::xml_node found = tei_own_descendant(c, name)) return found;
  }
  return {};
}

bool is_footnote(pugi::xml_node node) {
  return local_name(node) == "note" && std::strcmp(node.attribute("type").value(), "source") != 0;
}

std::string tei_plain_text(pugi::xml_node node) {
  std::string out;
  plain_text_into(node, out);
  return collapse_spaces(out);
}

std::string tei_heading_text(pugi::xml_node node) {
  std::string out;
  plain_text_into(node, out, /*skip_all_notes=*/true);
  return collapse_spaces(out);
}

void TeiTextBuilder::add_block(pugi::xml_node node, bool document_level) {
  flush();
  walk(node, document_level);
  flush();
}

void TeiTextBuilder::add_notes_of(pugi::xml_node node) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    if (is_footnote(c)) {
      add_note(c);
    } else {
      add_notes_of(c);
    }
  }
}

std::string TeiTextBuilder::take_text() {
  flush();
  return std::move(text_);
}

void TeiTextBuilder::walk(pugi::xml_node node, bool document_level) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      add_text(c.value());
    } else if (c.type() == pugi::node_element) {
      element(c, document_level);
    }
  }
}

void TeiTextBuilder::element(pugi::xml_node el, bool document_level) {
  std::string_view name = local_name(el);
  if (name == "note") {
    if (is_footnote(el)) {
      add_note(el);
    } else if (!document_level) {
      // A source note inside an enclosure ("[Enclosure—Translation]") describes that
      // enclosure and stays in the text as its own paragraph.
      add_block(el);
    }
    return;
  }
  if (document_level && name == "head") return;
  if (name == "gap" || name == "unclear") return add_gap(el);
  if (name == "attachment") return add_attachment(el);
  if (name == "pb" || name == "fw" || name == "graphic" || name == "milestone") return;
  if (name == "lb") {
    add_text(" ");
    return;
  }
  if (name == "choice") {
    // Prefer the editor's reading: corr over sic, reg over orig, expan over abbr.
    for (const char* pick : {"corr", "reg", "expan"}) {
      for (pugi::xml_node c : el.children()) {
        if (local_name(c) == pick) return walk(c, false);
      }
    }
    if (pugi::xml_node first = el.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; })) walk(first, false);
    return;
  }
  if (name == "label" && local_name(el.parent()) == "list") {
    flush();
    pending_label_ = tei_plain_text(el);
    return;
  }
  if (!is_block(name)) {
    walk(el, false);
    return;
  }
  flush();
  if (name == "item" && !pending_label_.empty()) {
    add_text(pending_label_);
    add_text(" ");
  }
  pending_label_.clear();
  if (name == "row") {
    // One paragraph per table row, cells separated by " | ".
    bool first = true;
    for (pugi::xml_node cell : el.children()) {
      if (cell.type() != pugi::node_element) continue;
      if (!first) add_text(" | ");
      first = false;
      walk(cell, false);
    }
  } else {
    walk(el, false);
  }
  if (name == "list" && !pending_label_.empty()) {
    flush();
    add_text(pending_label_);  // a label with no item after it
    pending_label_.clear();
  }
  flush();
}

void TeiTextBuilder::add_text(std::string_view s) {
  for (char c : s) {
    if (is_space(c)) {
      if (!cur_.empty()) pending_space_ = true;
      continue;
    }
    if (pending_space_) {
      cur_ += ' ';
      ++cur_cp_;
      pending_space_ = false;
    }
    cur_ += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cur_cp_;
  }
}

std::size_t TeiTextBuilder::offset_here() const {
  if (cur_.empty()) return text_cp_;
  return text_cp_ + (text_.empty() ? 0 : 2) + cur_cp_;
}

void TeiTextBuilder::add_note(pugi::xml_node note) {
  notes_.push_back({offset_here(), note.attribute("n").value(), tei_plain_text(note)});
}

void TeiTextBuilder::add_gap(pugi::xml_node el) {
  std::string marker;
  std::string kind;
  if (local_name(el) == "unclear") {
    marker = tei_plain_text(el);
    kind = "illegible";
  } else {
    std::string reason = collapse_spaces(el.attribute("reason").value());
    if (reason.empty()) reason = collapse_spaces(el.attribute("desc").value());
    if (reason.empty()) reason = tei_plain_text(el);  // <gap><desc>…</desc></gap>
    marker = "[" + (reason.empty() ? std::string("gap") : reason) + "]";
    kind = model::gap_kind_of(marker);
  }
  if (marker.empty()) marker = "[unclear]";
  if (pending_space_) {  // the space before the gap belongs before its offset
    cur_ += ' ';
    ++cur_cp_;
    pending_space_ = false;
  }
  gaps_.push_back({0, offset_here(), marker, kind});
  add_text(marker);
}

void TeiTextBuilder::add_attachment(pugi::xml_node el) {
  flush();
  model::Part part;
  // Where the attachment's first paragraph will begin: after the blank line that ends the text so far.
  const std::size_t before = text_cp_;
  part.offset = text_.empty() ? 0 : text_cp_ + 2;
  const std::size_t first_note = notes_.size();
  part.anchor = el.attribute("xml:id").value();
  if (part.anchor.empty()) part.anchor = "attachment-" + std::to_string(parts_.size() + 1);
  pugi::xml_node head;
  std::vector<std::string> sources;
  for (pugi::xml_node c : el.children()) {
    if (local_name(c) == "head" && !head) head = c;
    if (local_name(c) == "note" && !is_footnote(c)) sources.push_back(tei_plain_text(c));
  }
  if (head) {
    part.heading = tei_heading_text(head);
    for (pugi::xml_node c : head.children()) {  // reviewed volumes: the source note inside <head>
      if (local_name(c) == "note" && !is_footnote(c)) sources.push_back(tei_plain_text(c));
    }
  }
  part.source_note = join(sources, " ");
  if (pugi::xml_node dateline = tei_own_descendant(el, "dateline")) {
    pugi::xml_node date = tei_own_descendant(dateline, "date");
    part.date = tei_plain_text(date ? date : dateline);
  }
  if (pugi::xml_node sig = tei_own_descendant(el, "signed")) part.signature = tei_plain_text(sig);
  // Pushed before its text is walked, so that attachments inside it follow it, in text order.
  const std::size_t index = parts_.size();
  parts_.push_back(std::move(part));
  if (head) add_notes_of(head);  // footnotes on the heading anchor where the part starts
  // The head and source notes are the part's own fields; the rest is running text.
  walk(el, /*document_level=*/true);
  flush();
  // Notes before the attachment's first paragraph belong to it, not to the end of the letter.
  model::Part& added = parts_[index];
  for (std::size_t i = first_note; i < notes_.size(); ++i) {
    if (notes_[i].offset == before && added.offset <= text_cp_) notes_[i].offset = added.offset;
  }
  if (added.offset > text_cp_) added.offset = text_cp_;  // an attachment without text
}

void TeiTextBuilder::flush() {
  pending_space_ = false;
  if (cur_.empty()) return;
  if (!text_.empty()) {
    text_ += "\n\n";
    text_cp_ += 2;
  }
  text_ += cur_;
  text_cp_ += cur_cp_;
  cur_.clear();
  cur_cp_ = 0;
}

}  // namespace arkiv::ingest
