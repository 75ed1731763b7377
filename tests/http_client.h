// A tiny blocking HTTP/1.1 client on plain sockets for the end-to-end tests: one request per
// connection (Connection: close), or raw bytes for slow and malformed clients. Test-only.
#pragma once

#include <map>
#include <string>

namespace arkiv::test {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// Connects to 127.0.0.1:port; returns -1 on failure.
int connect_to(int port);
// Sends a request and reads the response until the server closes the connection.
HttpResponse request(int port, const std::string& method, const std::string& target,
                     const std::map<std::string, std::string>& headers = {}, const std::string& body = "");
inline HttpResponse get(int port, const std::string& target, const std::map<std::string, std::string>& headers = {}) {
  return request(port, "GET", target, headers);
}
// Sends `raw` and reads until the server closes (or `timeout_ms` passes); returns what came back.
std::string exchange_raw(int port, const std::string& raw, int timeout_ms = 5000);
HttpResponse parse_response(const std::string& raw);
// Decodes the entities html_escape produces (&amp; &lt; &gt; &quot; &#39;).
std::string html_unescape(std::string s);
// Every byte but letters and digits as %XX, as a browser's form would send it.
std::string percent_encode(const std::string& s);

}  // namespace arkiv::test
