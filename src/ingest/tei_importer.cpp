#include "ingest/tei_importer.h"

#include <cstring>

#include "base/strings.h"
#include "ingest/frus_volume.h"
#include "ingest/tei_text.h"
#include "ingest/text_input.h"
#include "ingest/xml_loader.h"
#include "text/language.h"

namespace arkiv::ingest {

namespace {

using pugi::xml_node;

xml_node first_named(xml_node n, std::string_view name) {
  return n.find_node([name](xml_node c) { return c.type() == pugi::node_element && local_name(c) == name; });
}

// A TEI file that is not a FRUS volume: the whole file is one record.
void parse_generic(const XmlSource& xml, const SourceFile& file, ParseOutput& out) {
  xml_node tei = xml.doc->document_element();
  xml_node header = first_named(tei, "teiHeader");
  model::Document doc;

  std::string id = tei.attribute("xml:id").value();
  doc.id = id.empty() ? file_record_id(file.id_path()) : "tei/" + id;

  xml_node title_stmt = first_named(header, "titleStmt");
  for (xml_node t : title_stmt.children()) {
    if (local_name(t) != "title") continue;
    std::string type = t.attribute("type").value();
    std::string text = tei_plain_text(t);
    if (text.empty()) continue;
    if (doc.title.empty() || type == "main" || type == "complete") doc.title = text;
    if (type == "main" || type == "complete") break;
  }

  // The date the document was made (profileDesc/creation), else the source's date.
  xml_node date = first_named(first_named(header, "creation"), "date");
  if (!date) date = first_named(first_named(header, "sourceDesc"), "date");
  if (date) {
    std::string display = tei_plain_text(date);
    auto attr = [&](const char* a) { return std::string(trim(date.attribute(a).value())); };
    std::string from = attr("when"), to;
    if (from.empty()) from = attr("from"), to = attr("to");
    if (from.empty()) from = attr("notBefore"), to = attr("notAfter");
    auto parsed = model::date_from_bounds_or_display(display, from, to);
    if (!parsed) {
      out.errors.push_back(parsed.error().within("line " + std::to_string(xml.line_of(date)) + ": teiHeader date"));
      return;
    }
    doc.date = *parsed;
  }

  for (xml_node lang : first_named(header, "langUsage").children()) {
    if (local_name(lang) != "language") continue;
    if (auto code = text::normalize_language(lang.attribute("ident").value())) doc.original_languages.push_back(*code);
  }
  xml_node text = first_named(tei, "text");
  std::string lang = text.attribute("xml:lang").value();
  if (lang.empty()) lang = tei.attribute("xml:lang").value();
  if (lang.empty() && !doc.original_languages.empty()) lang = doc.original_languages.front();
  if (!lang.empty() && doc.original_languages.empty()) doc.original_languages.push_back(lang);

  model::Content content;
  content.kind = "original";
  content.language = lang;
  TeiTextBuilder builder;
  if (xml_node body = first_named(text, "body")) builder.add_block(body);
  content.text = builder.take_text();
  content.notes = builder.take_notes();
  if (doc.title.empty()) {
    out.errors.push_back(Error::invalid("line " + std::to_string(xml.line_of(header ? header : tei)) +
                                        ": no title; expected teiHeader/fileDesc/titleStmt/title"));
    return;
  }
  if (!content.text.empty()) {
    model::find_gaps(content.text, 0, doc.gaps);
    doc.contents.push_back(std::move(content));
  }
  std::string where = "record '" + doc.title + "'";
  add_validated(std::move(doc), where, out);
}

}  // namespace

int TeiImporter::sniff(const SourceFile& file) const {
  std::string_view head = std::string_view(file.bytes).substr(0, 4096);
  bool tei_root = head.find("<TEI") != std::string_view::npos || head.find("<tei:TEI") != std::string_view::npos;
  bool tei_ns = head.find("http://www.tei-c.org/ns/1.0") != std::string_view::npos;
  if (tei_root && tei_ns) return 95;
  if (tei_root || (tei_ns && head.find("<teiHeader") != std::string_view::npos)) return 80;
  return 0;
}

ParseOutput TeiImporter::parse(const SourceFile& file) const {
  ParseOutput out;
  auto xml = load_xml(file.bytes);
  if (!xml) {
    out.errors.push_back(xml.error());
    return out;
  }
  if (local_name(xml->doc->document_element()) != "TEI") {
    out.errors.push_back(Error::invalid("line " + std::to_string(xml->line_of(xml->doc->document_element())) +
                                        ": root element is <" + xml->doc->document_element().name() +
                                        ">; expected <TEI>"));
    return out;
  }
  if (is_frus_volume(*xml)) {
    parse_frus_volume(*xml, file, out);
  } else {
    parse_generic(*xml, file, out);
  }
  return out;
}

}  // namespace arkiv::ingest
