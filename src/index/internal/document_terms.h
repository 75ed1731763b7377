// Turns a record into the Xapian document the index stores: free-text terms (stemmed per
// text's language, positional), exact forms of accented words, every registry field's exact
// and word terms, the date values and the facet slot. Private to the index module.
// One DocumentTerms per writer thread (it owns a TermGenerator).
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "model/document.h"

namespace arkiv::index {

class DocumentTerms {
 public:
  // `names`: the names of the authorities the record links to (SearchIndex::set_authority_names).
  Xapian::Document make(const model::Document& doc, const std::function<std::vector<std::string>(const std::string&)>* names = nullptr);
  // Lets go of the last document made, so that no other handle to it is left here.
  void release() { tg_.set_document(Xapian::Document()); }

 private:
  void index_free(Xapian::Document& xd, const std::string& text, Xapian::termcount weight, const char* prefix = "");
  Xapian::TermGenerator tg_;
};

}  // namespace arkiv::index
