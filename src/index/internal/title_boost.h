// The boost for a query typed as a title: its words as one phrase in the title (the `S`
// terms), added to the query's own weight, so that the record whose title holds the words as
// typed ranks above records that only have the words. Private to the index module;
// thread-compatible (a QueryParser belongs to one thread).
#pragma once

#include <xapian.h>

#include <string_view>

namespace arkiv::index {

// The title phrase of `query` (diacritics already stripped), or an empty Xapian::Query when
// the query is not plain words (quotes, brackets, operators, fields, wildcards) or is one
// word. The phrase is built from the query's title terms (tokenized as titles are indexed),
// never by handing the text to the parser in quotes. Leaves `qp` unstemmed.
Xapian::Query title_phrase(Xapian::QueryParser& qp, std::string_view query);

}  // namespace arkiv::index
