// Links the pages build from user data: document addresses (ids may contain '/'), filtered
// searches, and variations of the current search (add or remove a filter, sort, page), so every
// state lives in the URL. All values are percent-encoded. Value type, thread-compatible.
#pragma once

#include <string>

#include "http/request.h"

namespace arkiv::web {

std::string document_url(const std::string& id);
// "/authorities/person/lansing-robert"; "/collections/frus1919Parisv01/ch3".
std::string authority_url(const std::string& id);
std::string unit_url(const std::string& id);
// "/search?field=value"
std::string filter_url(const std::string& field, const std::string& value);
// The server's public address (http::Request::base_url, from serve --base-url), else
// "http://localhost"; never taken from the request's Host header.
std::string base_url(const http::Request& req);

class SearchLinks {
 public:
  // Keeps the parameters that make up a search's state (q, sort, from, to, filters, limit).
  explicit SearchLinks(const http::Params& params);

  std::string with_filter(const std::string& field, const std::string& value) const;
  std::string without_filter(const std::string& field, const std::string& value) const;
  std::string without(const std::string& key) const;
  std::string with(const std::string& key, const std::string& value) const;  // replaces key
  std::string page(int n) const;
  const http::Params& state() const { return state_; }

 private:
  static std::string url(const http::Params& p);
  http::Params state_;
};

}  // namespace arkiv::web
