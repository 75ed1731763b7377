// Generates the benchmark corpus: N records of about 5 KB in arkiv's JSON Lines format, built
// from the real text of ../shared/corpus (FRUS volumes, Milestones essays, visits, the subject
// taxonomy). Deterministic for a given --seed. Usage:
//   make_corpus --corpus ../shared/corpus --out bench/out/corpus --count 100000 --files 10
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>

namespace fs = std::filesystem;

namespace {

std::string collapse(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string text_of(const pugi::xml_node& n) {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    else if (c.type() == pugi::node_element && std::string(c.name()) != "note") out += text_of(c);
  }
  return out;
}

struct Pool {
  std::vector<std::string> paragraphs, titles, places, people, subjects, collections;
};

void add_unique(std::vector<std::string>& v, std::set<std::string>& seen, const std::string& s) {
  if (s.size() > 2 && s.size() < 80 && seen.insert(s).second) v.push_back(s);
}

Pool load(const fs::path& corpus) {
  Pool pool;
  std::set<std::string> seen_places, seen_people;
  std::vector<fs::path> tei;
  for (const auto& e : fs::directory_iterator(corpus / "frus")) tei.push_back(e.path());
  for (const auto& e : fs::directory_iterator(corpus / "milestones" / "chapters")) tei.push_back(e.path());
  std::sort(tei.begin(), tei.end());
  for (const fs::path& p : tei) {
    pugi::xml_document doc;
    if (!doc.load_file(p.c_str())) continue;
    std::string volume = collapse(text_of(doc.select_node("//*[local-name()='titleStmt']/*[local-name()='title'][@type='complete']").node()));
    if (!volume.empty()) pool.collections.push_back(volume);
    for (auto x : doc.select_nodes("//*[local-name()='body']//*[local-name()='p']")) {
      std::string t = collapse(text_of(x.node()));
      if (t.size() > 80) pool.paragraphs.push_back(t);
    }
    for (auto x : doc.select_nodes("//*[local-name()='div'][@type='document' or @type='section']/*[local-name()='head']")) {
      std::string t = collapse(text_of(x.node()));
      if (t.size() > 5 && t.size() < 200) pool.titles.push_back(t);
    }
    for (auto x : doc.select_nodes("//*[local-name()='placeName']")) add_unique(pool.places, seen_places, collapse(text_of(x.node())));
    for (auto x : doc.select_nodes("//*[local-name()='persName']")) add_unique(pool.people, seen_people, collapse(text_of(x.node())));
  }
  for (const auto& e : fs::directory_iterator(corpus / "visits" / "data")) {
    pugi::xml_document doc;
    if (!doc.load_file(e.path().c_str())) continue;
    for (auto v : doc.select_nodes("//visit")) {
      add_unique(pool.places, seen_places, collapse(v.node().child("from").text().get()));
      add_unique(pool.people, seen_people, collapse(v.node().child("visitor").text().get()));
      std::string d = collapse(v.node().child("description").text().get());
      if (d.size() > 80) pool.paragraphs.push_back(d);
    }
  }
  pugi::xml_document tags;
  if (tags.load_file((corpus / "tags" / "taxonomy" / "taxonomy.xml").c_str())) {
    for (auto t : tags.select_nodes("//tag/label")) pool.subjects.push_back(collapse(t.node().text().get()));
  }
  return pool;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Generate the arkiv benchmark corpus"};
  std::string corpus = "../shared/corpus", out = "bench/out/corpus";
  long count = 100000;
  int files = 10;
  unsigned seed = 1966;
  app.add_option("--corpus", corpus);
  app.add_option("--out", out);
  app.add_option("--count", count);
  app.add_option("--files", files);
  app.add_option("--seed", seed);
  CLI11_PARSE(app, argc, argv);

  Pool pool = load(corpus);
  if (pool.paragraphs.empty() || pool.titles.empty()) {
    std::cerr << "make_corpus: no text found under " << corpus << "\n";
    return 1;
  }
  std::cerr << "pool: " << pool.paragraphs.size() << " paragraphs, " << pool.titles.size() << " titles, " << pool.places.size()
            << " places, " << pool.people.size() << " people, " << pool.subjects.size() << " subjects\n";
  fs::create_directories(out);
  std::mt19937_64 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  const char* languages[] = {"en", "en", "en", "en", "en", "en", "en", "fr", "de", "es", "ru", "zh"};
  const char* months[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
  long per_file = (count + files - 1) / files;
  std::uint64_t bytes = 0;
  for (int f = 0; f < files; ++f) {
    char name[64];
    std::snprintf(name, sizeof name, "part-%02d.jsonl", f);
    std::ofstream o(fs::path(out) / name);
    for (long i = f * per_file; i < std::min(count, (f + 1) * per_file); ++i) {
      nlohmann::json d;
      char id[32];
      std::snprintf(id, sizeof id, "bench/%06ld", i);
      d["id"] = id;
      d["title"] = pick(pool.titles);
      int year = 1776 + static_cast<int>(rng() % 225);
      int month = 1 + static_cast<int>(rng() % 12), day = 1 + static_cast<int>(rng() % 28);
      int kind = static_cast<int>(rng() % 20);
      std::string date = kind < 12 ? std::to_string(day) + " " + months[month - 1] + " " + std::to_string(year)
                         : kind < 16 ? std::string(months[month - 1]) + " " + std::to_string(year)
                         : kind < 19 ? std::to_string(year)
                                     : "ca. " + std::to_string(year);
      d["date"] = date;
      std::string lang = languages[rng() % std::size(languages)];
      d["original_languages"] = {lang};
      std::string text;
      std::size_t start = rng() % pool.paragraphs.size();
      for (std::size_t k = start; text.size() < 4600; k = (k + 1) % pool.paragraphs.size()) {
        if (!text.empty()) text += "\n\n";
        text += pool.paragraphs[k];
      }
      const std::string& s = pick(pool.paragraphs);
      d["summary"] = s.substr(0, std::min<std::size_t>(s.size(), s.find(". ") == std::string::npos ? 200 : s.find(". ") + 1));
      d["citation"] = {{"text", "File No. " + std::to_string(100 + rng() % 900) + "." + std::to_string(rng() % 100) + "/" + std::to_string(i)},
                       {"repository", "National Archives"}};
      d["contents"] = {{{"kind", "original"}, {"language", lang}, {"text", text}}};
      nlohmann::json places = nlohmann::json::array(), people = nlohmann::json::array(), subjects = nlohmann::json::array();
      for (int k = 0, n = 1 + static_cast<int>(rng() % 3); k < n; ++k) places.push_back(pick(pool.places));
      for (int k = 0, n = static_cast<int>(rng() % 4); k < n; ++k) people.push_back(pick(pool.people));
      for (int k = 0, n = 1 + static_cast<int>(rng() % 3); k < n; ++k) subjects.push_back(pick(pool.subjects));
      d["places"] = places;
      d["people"] = people;
      d["subjects"] = subjects;
      d["collections"] = {pool.collections[i % pool.collections.size()]};
      d["document_type"] = (rng() % 3 == 0) ? "telegram" : "letter";
      std::string line = d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      bytes += line.size() + 1;
      o << line << '\n';
    }
  }
  std::cerr << "wrote " << count << " records, " << bytes << " bytes (" << bytes / count << " bytes/record) to " << out << "\n";
  return 0;
}
