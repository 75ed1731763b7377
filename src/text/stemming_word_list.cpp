#include "text/stemming_word_list.h"

#include <fstream>
#include <stdexcept>

namespace arkiv::text {

std::vector<WordForm> read_word_forms(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<WordForm> forms;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected form<TAB>group");
    }
    forms.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return forms;
}

StemmingRates measure_stemming(const std::vector<WordForm>& forms,
                               const std::function<bool(const std::string&, const std::string&)>& together, bool ordered) {
  constexpr std::size_t kExamples = 8;
  StemmingRates r;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    for (std::size_t j = ordered ? 0 : i + 1; j < forms.size(); ++j) {
      if (i == j) continue;
      const bool joined = together(forms[i].word, forms[j].word);
      const std::string pair = forms[i].word + " / " + forms[j].word;
      if (forms[i].group == forms[j].group) {
        ++r.same_pairs;
        if (joined) continue;
        ++r.missed;
        if (r.missed_examples.size() < kExamples) r.missed_examples.push_back(pair);
      } else {
        ++r.different_pairs;
        if (!joined) continue;
        ++r.conflated;
        if (r.conflated_examples.size() < kExamples) r.conflated_examples.push_back(pair);
      }
    }
  }
  return r;
}

}  // namespace arkiv::text
