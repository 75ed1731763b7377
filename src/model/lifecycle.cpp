#include "model/lifecycle.h"

#include <array>
#include <ctime>

namespace arkiv::model {

namespace {

constexpr std::array<std::string_view, 4> kNames = {"draft", "review", "published", "withdrawn"};

bool valid_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

}  // namespace

std::string_view publication_name(Publication p) { return kNames[static_cast<std::size_t>(p)]; }

std::optional<Publication> parse_publication(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Publication>(i);
  }
  return std::nullopt;
}

Publication publication_of(const Document& doc) {
  if (doc.publication.empty()) return Publication::kPublished;
  return parse_publication(doc.publication).value_or(Publication::kDraft);  // validated on the way in
}

void set_publication(Document& doc, Publication p) {
  doc.publication = p == Publication::kPublished ? "" : std::string(publication_name(p));
}

bool visible_to_readers(Publication p, std::string_view embargo_until, std::string_view today) {
  return p == Publication::kPublished && (embargo_until.empty() || embargo_until <= today);
}

bool visible_to_readers(const Document& doc, std::string_view today) {
  return visible_to_readers(publication_of(doc), doc.embargo_until, today);
}

std::string today_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

Status validate_lifecycle(Document& doc) {
  if (!doc.publication.empty()) {
    auto p = parse_publication(doc.publication);
    if (!p) return Error::invalid("publication: '" + doc.publication + "', expected draft, review, published or withdrawn");
    set_publication(doc, *p);
  }
  if (!doc.embargo_until.empty() && !valid_day(doc.embargo_until)) {
    return Error::invalid("embargo_until: '" + doc.embargo_until + "', expected a day as YYYY-MM-DD");
  }
  return Status::success();
}

}  // namespace arkiv::model
