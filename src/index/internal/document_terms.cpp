#include "index/internal/document_terms.h"

#include <algorithm>
#include <cstdio>

#include "base/strings.h"
#include "index/internal/date_terms.h"
#include "index/internal/stemmers.h"
#include "index/internal/term_scheme.h"
#include "text/words.h"
#include "model/authority.h"
#include "model/lifecycle.h"
#include "model/fields.h"
#include "text/fold.h"
#include "text/transliterate.h"

namespace arkiv::index {

namespace sc = scheme;

namespace {

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (v.empty()) continue;
    if (!out.empty()) out += sc::kSep;
    out += v;
  }
  return out;
}

}  // namespace

void DocumentTerms::index_free(Xapian::Document& xd, const std::string& text, Xapian::termcount weight, const char* prefix) {
  if (text.empty()) return;
  tg_.index_text(text::fold(text), weight, prefix);
  tg_.increase_termpos();
  // Words in other scripts also under their Latin-ASCII form (text/transliterate.h: "Тирана"
  // as "tirana", "평양" as "pyeongyang"): each run of them a positional run of its own after the
  // text, so a phrase of Latin forms matches where the words stand together and never across
  // a Latin word or a number between them.
  text::for_each_non_latin_run(text, [&](const std::string& latin) {
    tg_.index_text(text::fold(latin), weight, prefix);
    tg_.increase_termpos();
  });
  text::for_each_non_ascii_word(text, [&](std::string_view w) {
    std::string lower = text::lower(w), folded = text::fold(w);
    if (lower != folded) {
      xd.add_term(sc::term(sc::kExact, lower));
      xd.add_boolean_term(sc::term(sc::kHasAccented, folded));
    }
  });
}

// A field's values as the index files them: a value linked to an authority by the
// authority's id (so every form of a name counts once, as one), others as written.
std::vector<std::string> filed_values(const model::Field& f, const model::Document& d) {
  std::vector<std::string> values = f.values(d);
  if (d.links.empty() || f.kind != model::ValueKind::kName) return values;
  std::vector<std::string> out;
  for (std::string& v : values) {
    std::string filed = std::move(v);
    for (const model::NameLink& l : d.links) {
      if (l.field == f.name && l.form == filed) {
        filed = l.authority;
        break;
      }
    }
    if (std::find(out.begin(), out.end(), filed) == out.end()) out.push_back(std::move(filed));
  }
  return out;
}

Xapian::Document DocumentTerms::make(const model::Document& d, const std::function<std::vector<std::string>(const std::string&)>* names) {
  Xapian::Document xd;
  tg_.set_document(xd);
  tg_.set_stemmer(stemmer_for("en"));
  tg_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  // Title, summary, citation and names weigh more than body text.
  index_free(xd, d.title, 3);
  if (const model::Field* title = model::find_field("title")) {
    tg_.index_text(text::fold(d.title), 1, std::string(title->word_prefix));
    tg_.increase_termpos();
  }
  index_free(xd, d.summary, 2);
  index_free(xd, d.citation.text, 2);
  // They are stemmed as English above, and may be in the record's own language too
  // ("Deklaratë e përbashkët"): its stems as well, so a query in that language meets them.
  for (const std::string& l : d.original_languages) {
    if (l == "en" || !has_stemmer(l)) continue;
    tg_.set_stemmer(stemmer_for(l));
    tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    for (auto [text, weight] : {std::pair{&d.title, 3}, {&d.summary, 2}, {&d.citation.text, 2}}) {
      tg_.index_text_without_positions(text::fold(*text), static_cast<Xapian::termcount>(weight));
    }
    tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  }
  for (std::size_t ci = 0; ci < d.contents.size(); ++ci) {
    const model::Content& c = d.contents[ci];
    tg_.set_stemmer(stemmer_for(c.language));
    index_free(xd, c.title, 1);
    // A gap is a break: the text on either side is indexed apart, so no phrase spans it.
    for (std::string_view piece : model::text_between_gaps(c.text, d.gaps, ci)) index_free(xd, std::string(piece), 1);
    for (const model::Note& n : c.notes) index_free(xd, n.text, 1);
  }
  for (const model::Part& part : d.parts) {
    if (part.content < d.contents.size()) tg_.set_stemmer(stemmer_for(d.contents[part.content].language));
    index_free(xd, part.heading, 1);
    index_free(xd, part.source_note, 1);
  }
  tg_.set_stemmer(stemmer_for("en"));
  for (const std::string& credit : d.credits) index_free(xd, credit, 1);

  // Every field with exact terms: one per value; names also a term per word (field queries)
  // and their words in the free text.
  // Field queries match words as free text does ("person:lansing" finds "Lansing, Robert"),
  // and, for a linked value, the words of every name of its authority.
  auto add_words = [&](const model::Field& f, const std::string& value) {
    std::string folded = text::fold(value);
    for (const text::WordSpan& w : text::word_spans(folded)) {
      xd.add_boolean_term(sc::term(f.word_prefix, folded.substr(w.begin, w.end - w.begin)));
    }
  };
  for (const model::Field& f : model::fields()) {
    if (f.exact_prefix.empty()) continue;
    for (const std::string& v : f.values(d)) {
      // A linked value is filed under its authority's id too: facets count the authority, and
      // "more like this" counts a shared person once (record_terms in search_index.cpp).
      const model::NameLink* link = nullptr;
      if (f.kind == model::ValueKind::kName) {
        for (const model::NameLink& l : d.links) {
          if (l.field == f.name && l.form == v) link = &l;
        }
      }
      xd.add_boolean_term(sc::exact_term(f, v));  // filters by the value as written still work
      if (link) xd.add_boolean_term(sc::exact_term(f, link->authority));
      if (f.kind != model::ValueKind::kName) continue;
      add_words(f, v);
      index_free(xd, v, 1);
      if (link && names) {
        for (const std::string& n : (*names)(link->authority)) add_words(f, n);
      }
    }
  }
  // Dates: one rule for filters, facets and sorting (internal/date_terms.h, docs/dates.md).
  DateKeys dk = date_keys(d.date);
  xd.add_boolean_term(dk.undated ? sc::kUndated : sc::kDated);
  if (!dk.undated) {
    xd.add_value(sc::kSlotEarliest, dk.earliest);
    xd.add_value(sc::kSlotLatest, dk.latest);
    xd.add_value(sc::kSlotWithinEarliest, dk.within_earliest);
    xd.add_value(sc::kSlotWithinLatest, dk.within_latest);
  }
  xd.add_value(sc::kSlotSortAscending, dk.sort_ascending);
  xd.add_value(sc::kSlotSortDescending, dk.sort_descending);
  // Collection order: the primary place's collection (a series' id starts with its
  // collection's: "frus1919Parisv01/ch3"), the position there, then the date. Records placed
  // nowhere come last.
  for (const model::Placement& p : d.arrangement) xd.add_boolean_term(sc::term(sc::kUnit, p.unit));
  if (!d.arrangement.empty()) {
    const model::Placement& p = d.arrangement.front();
    std::string collection = p.unit.starts_with("collection/") ? p.unit : p.unit.substr(0, p.unit.find('/'));
    xd.add_value(sc::kSlotCollectionOrder, collection + '\x1f' + model::position_key(p.position) + '\x1f' + dk.sort_ascending);
  } else {
    xd.add_value(sc::kSlotCollectionOrder, "\xff" + dk.sort_ascending);
  }
  // The facet slot, in model::facet_fields() order.
  std::string facets;
  bool first = true;
  for (const model::Field* f : model::facet_fields()) {
    if (!first) facets += sc::kFieldSep;
    first = false;
    facets += joined(filed_values(*f, d));
  }
  xd.add_value(sc::kSlotFacets, facets);
  // Who may see it (model/lifecycle.h): readers' searches keep kVisible records, and kEmbargoed
  // ones whose day (kSlotEmbargo) has come. Staff notes are not indexed at all.
  model::Publication p = model::publication_of(d);
  xd.add_boolean_term(sc::term(sc::kPublication, model::publication_name(p)));
  if (p == model::Publication::kPublished) {
    if (d.embargo_until.empty()) {
      xd.add_boolean_term(sc::kVisible);
    } else {
      xd.add_boolean_term(sc::kEmbargoed);
      xd.add_value(sc::kSlotEmbargo, d.embargo_until);
    }
  }
  xd.add_boolean_term(sc::kId + d.id);
  xd.set_data(d.id);
  return xd;
}

}  // namespace arkiv::index
