// A record's place in its publication lifecycle: draft → in review → published → withdrawn,
// an embargo date that keeps a published record hidden until that day, and notes for staff.
// These are the archive's own administrative fields, not the description of the document:
// readers never see them, and only published records whose embargo has passed are shown to
// readers anywhere (docs/access.md, "Lifecycle"). Stored in Document (publication,
// embargo_until, staff_notes) so the catalog, the index and the JSON form carry them;
// empty means "published, no embargo, no notes". Plain functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "model/document.h"

namespace arkiv::model {

enum class Publication { kDraft, kReview, kPublished, kWithdrawn };

// "draft", "review", "published", "withdrawn".
std::string_view publication_name(Publication p);
std::optional<Publication> parse_publication(std::string_view name);
// The record's state ("" in Document::publication is published).
Publication publication_of(const Document& doc);
// Sets doc.publication in its canonical form ("" for published).
void set_publication(Document& doc, Publication p);

// True when readers (anonymous, and anyone without the right to read unpublished records) may
// see the record on `today` ("YYYY-MM-DD", UTC): published, and no embargo or one that ended
// on or before today.
bool visible_to_readers(const Document& doc, std::string_view today);
bool visible_to_readers(Publication p, std::string_view embargo_until, std::string_view today);

// Today's date in UTC, "YYYY-MM-DD".
std::string today_utc();

// Checks and normalises the lifecycle fields: publication one of the four names ("published"
// becomes ""), embargo_until empty or a valid "YYYY-MM-DD". Errors name the field.
Status validate_lifecycle(Document& doc);

}  // namespace arkiv::model
