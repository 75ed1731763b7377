// The archival record: what arkiv stores, indexes, shows and exports. Plain value types with
// no behaviour beyond what the data itself implies; see docs/record-format.md for the meaning
// of each field and its JSON form (model/record_json.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"

namespace arkiv::model {

// How the record identifies where the document is held, as given and as understood.
struct Citation {
  std::string text;        // exactly as the source gives it
  std::string repository;  // holding archive, e.g. "AQPPSH"
  std::string reference;   // archival reference, e.g. "AQPPSH, MPP Korese, V. 1966, D 9"
  std::string url;         // the source's own address for the record
  std::string publisher;   // who published the record, e.g. "Wilson Center Digital Archive"
  std::string translator;  // "Translated by ..." when the citation names one
  // Where a published edition prints the document (FRUS), and who sent it. Empty when the
  // source does not say; in the JSON form only when set.
  std::string author;  // the sender, only when the source names a person: "Francis, David R."
  std::string volume;  // the volume that prints it: "Foreign Relations of the United States, 1919, ..."
  std::string number;  // its number in that volume: "10"
  std::string pages;   // the page or pages it takes there: "5", "5–7"
  std::string place;   // the volume's place of publication: "Washington"
  std::string year;    // the volume's year of publication: "1942"
};

// The parts of a Citation with their JSON keys (inside "citation") and edit-form labels, in
// the order the JSON form writes them. The first six are always written; the optional ones
// only when set, so that records without them keep their JSON byte for byte.
struct CitationPart {
  const char* key;
  const char* label;
  std::string Citation::*member;
  bool optional;
};
const std::vector<CitationPart>& citation_parts();

// A note the source attaches at a place in a version's text (a footnote).
struct Note {
  std::size_t offset = 0;  // code point offset in Content::text where the note is anchored
  std::string label;       // the note's mark, e.g. "1"
  std::string text;
};

// One version of the document's text.
struct Content {
  std::string kind;        // "original", "transcript" or "translation"
  std::string language;    // ISO 639 code
  std::string translator;  // for translations, when known
  std::string title;       // heading of this version, if the source has one
  std::string text;        // paragraphs separated by a blank line ("\n\n")
  std::vector<Note> notes;
  // What the source calls this version, verbatim ("Transcript - Russian"); empty if it names none.
  std::string label;
  // The language the source declares for this version when it is not `language`: the detected
  // language of the text differs, or the source names a language arkiv cannot identify. Kept
  // verbatim so nothing the source says is lost; empty when the declaration was taken as is.
  std::string declared_language;
  // False for a version the source lists but whose text the export does not hold (a scan).
  bool in_export = true;
};

// A place where the source itself leaves something out ("[date].....to.....", "[omission]").
struct Gap {
  std::size_t content = 0;  // index into Document::contents
  std::size_t offset = 0;   // code point offset in that content's text
  std::string text;         // the marker exactly as in the source
  std::string kind = "omission";  // one of gap_kinds(): omission, garbled, illegible, editorial
};

// A part of the document with its own heading: an enclosure or attachment. Its text stays in
// the content's text (so search and quotation see one document); the part says where it begins.
struct Part {
  std::size_t content = 0;  // index into Document::contents
  std::size_t offset = 0;   // code point offset in that content's text where the part begins
  std::string anchor;       // stable id for links and citations ("attachment-1", or the source's)
  std::string heading;      // as the source gives it
  std::string date;         // its own date, verbatim
  std::string source_note;  // its own source note, verbatim
  std::string signature;    // who signed it, verbatim
};

// A field the source gives that arkiv could not read ("Original Language: Klingonese"): kept
// verbatim instead of being dropped, and listed for review.
struct UnreadField {
  std::string field;  // the record field it was meant for, e.g. "original_languages"
  std::string text;   // exactly as the source gives it
};

// A record's link from one value of a name field to an authority. The value stays as the
// source wrote it ("Colonel House"); the link says whom it names.
struct NameLink {
  std::string field;      // "person", "organization", "place", "subject"
  std::string form;       // the value, verbatim as in the record's list
  std::string authority;  // authority id
  bool operator==(const NameLink&) const = default;
};

// Where a record sits in the arrangement: a unit and its place there. A record's first
// placement is its primary one (its breadcrumb and previous/next).
struct Placement {
  std::string unit;
  std::int64_t position = 0;  // e.g. the FRUS document number; 0 when the unit orders by date
  std::string number;         // the record's own number in that unit as printed ("10"), or ""
  bool operator==(const Placement&) const = default;
};

struct Document {
  std::string id;
  std::string title;
  DateRange date;
  std::string summary;
  Citation citation;
  std::vector<std::string> credits;
  std::vector<std::string> original_languages;  // ISO 639 codes
  std::string document_type;   // what the historical document is: "declaration", "telegram"
  std::string document_state;  // its own state: "draft", "final", "copy"...
  std::string extent;          // its physical extent as the archive describes it: "3 pages"
  std::vector<Content> contents;
  std::vector<std::string> subjects;
  std::vector<std::string> places;
  std::vector<std::string> people;
  std::vector<std::string> organizations;
  std::vector<std::string> collections;
  std::vector<std::string> related;  // ids of related records
  std::vector<Gap> gaps;
  std::vector<Part> parts;  // in the order of the text
  std::vector<UnreadField> unread;
  // Links from values of the name fields to authority records (model/authority.h), and the
  // record's places in the arrangement, primary first. Both only in the JSON when set.
  std::vector<NameLink> links;
  std::vector<Placement> arrangement;
  // The archive's own administrative fields (model/lifecycle.h), never shown to readers:
  // "" (published), "draft", "review" or "withdrawn"; a day before which the record stays
  // hidden ("YYYY-MM-DD", or ""); notes for staff.
  std::string publication;
  std::string embargo_until;
  std::string staff_notes;
};

// Where a stored record came from: one entry per import that created or changed it.
struct Provenance {
  std::string source_path;
  std::string format;
  std::string sha256;       // of the whole source file
  std::string imported_at;  // UTC, ISO 8601
};

// The kinds a gap may have, in the order the reading room explains them.
const std::vector<std::string>& gap_kinds();
// The kind of a gap marker: "[garbled group]" -> garbled, "[illegible]" -> illegible,
// "[sic]" -> editorial; dotted blanks and "[omission]" -> omission.
std::string gap_kind_of(std::string_view marker);

// Finds the gap markers in `text` and appends them to `gaps` for content `content_index`, in
// order: the seed's blanks ("[date].....", ".....", "..... .", ".....(about X)") and FRUS's
// bracketed editorial marks ("[omission]", "[omission?]", "[garbled group]", "[sic]"...).
void find_gaps(const std::string& text, std::size_t content_index, std::vector<Gap>& gaps);

// The stretches of `text` between the gaps of content `content_index` (gap markers left out),
// so that a phrase never runs across a gap. Views into `text`.
std::vector<std::string_view> text_between_gaps(const std::string& text, const std::vector<Gap>& gaps,
                                                std::size_t content_index);

}  // namespace arkiv::model
