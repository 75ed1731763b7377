// Stemmers by ISO 639-1 code, private to the index module: Snowball's, and arkiv's own light
// Albanian stemmer (text/albanian_stemmer.h) plugged in as a Xapian::StemImplementation, so
// that the term generator and the query parser use it as they use Snowball's.
// Xapian objects must not be shared between threads: a Xapian::Stem copy shares its stemmer,
// whose reference count is a plain integer and which keeps its working state in itself. So
// each thread gets its own set.
#pragma once

#include <xapian.h>

#include <string>

namespace arkiv::index {

// This thread's stemmer for `language`, or an identity stemmer (the word itself) where
// there is none, so that stemmed query terms still meet the text's words.
Xapian::Stem stemmer_for(const std::string& language);
// True if `language` has a stemmer of its own (Snowball's or arkiv's).
bool has_stemmer(const std::string& language);

}  // namespace arkiv::index
