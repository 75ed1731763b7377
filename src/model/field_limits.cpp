#include "model/field_limits.h"

#include <string>

namespace arkiv::model {

Status check_field_size(std::string_view name, std::string_view value, std::size_t limit) {
  if (value.size() <= limit) return Status::success();
  return Error::too_large(std::string(name) + ": " + std::to_string(value.size()) + " bytes, over the limit of " + std::to_string(limit) +
                          " bytes");
}

namespace {

Status check_list(std::string_view name, const std::vector<std::string>& items, std::size_t limit) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].size() > limit) return check_field_size(std::string(name) + "[" + std::to_string(i) + "]", items[i], limit);
  }
  return Status::success();
}

}  // namespace

Status check_field_sizes(const Document& d) {
  struct Field {
    const char* name;
    const std::string& value;
    std::size_t limit;
  };
  const Field fields[] = {
      {"title", d.title, kMaxTitleBytes},
      {"date.display", d.date.display, kMaxDateBytes},
      {"summary", d.summary, kMaxSummaryBytes},
      {"document_type", d.document_type, kMaxShortFieldBytes},
      {"document_state", d.document_state, kMaxShortFieldBytes},
      {"publication", d.publication, kMaxShortFieldBytes},
      {"embargo_until", d.embargo_until, kMaxShortFieldBytes},
      {"staff_notes", d.staff_notes, kMaxSummaryBytes},
  };
  for (const Field& f : fields) {
    if (Status s = check_field_size(f.name, f.value, f.limit); !s) return s;
  }
  for (const CitationPart& p : citation_parts()) {
    if (Status s = check_field_size(std::string("citation.") + p.key, d.citation.*p.member, kMaxShortFieldBytes); !s) return s;
  }
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
      {"credits", &d.credits},   {"subjects", &d.subjects},           {"places", &d.places},
      {"people", &d.people},     {"organizations", &d.organizations}, {"collections", &d.collections},
      {"related", &d.related}};
  for (const auto& [name, items] : lists) {
    if (Status s = check_list(name, *items, std::string_view(name) == "credits" ? kMaxShortFieldBytes : kMaxListItemBytes); !s) return s;
  }
  for (std::size_t i = 0; i < d.contents.size(); ++i) {
    const Content& c = d.contents[i];
    std::string path = "contents[" + std::to_string(i) + "]";
    if (Status s = check_field_size(path + ".title", c.title, kMaxShortFieldBytes); !s) return s;
    if (Status s = check_field_size(path + ".translator", c.translator, kMaxShortFieldBytes); !s) return s;
    if (Status s = check_field_size(path + ".text", c.text, kMaxTextBytes); !s) return s;
    for (std::size_t n = 0; n < c.notes.size(); ++n) {
      if (Status s = check_field_size(path + ".notes[" + std::to_string(n) + "].text", c.notes[n].text, kMaxNoteBytes); !s) return s;
    }
  }
  return Status::success();
}

}  // namespace arkiv::model
