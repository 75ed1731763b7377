#include "http/url.h"

#include "base/strings.h"

namespace arkiv::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void encode_append(std::string_view s, bool keep_slash, std::string& out) {
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (is_unreserved(c) || (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

}  // namespace

Result<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return Error::invalid("bad percent escape");
      int h = hex_value(s[i + 1]), l = hex_value(s[i + 2]);
      if (h < 0 || l < 0) return Error::invalid("bad percent escape");
      out += static_cast<char>(h * 16 + l);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (out.find('\0') != std::string::npos) return Error::invalid("NUL character");
  if (!is_valid_utf8(out)) return Error::invalid("not valid UTF-8");
  return out;
}

Result<Params> parse_form(std::string_view query) {
  Params out;
  std::size_t start = 0;
  while (start <= query.size() && !query.empty()) {
    std::size_t end = query.find('&', start);
    std::string_view pair = query.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      auto k = percent_decode(pair.substr(0, eq), true);
      if (!k) return Error::invalid("query string: " + k.error().message());
      auto v = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
      if (!v) return Error::invalid("parameter '" + *k + "': " + v.error().message());
      out.emplace_back(std::move(k).value(), std::move(v).value());
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

Result<Target> parse_target(std::string_view target) {
  if (target.empty() || target[0] != '/') return Error::invalid("request target: expected a path starting with '/'");
  Target t;
  std::size_t q = target.find('?');
  std::string_view path = target.substr(0, q);
  std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  std::size_t hash = query.find('#');
  if (hash != std::string_view::npos) query = query.substr(0, hash);
  auto p = percent_decode(path, false);
  if (!p) return Error::invalid("path: " + p.error().message());
  t.path = std::move(p).value();
  auto params = parse_form(query);
  if (!params) return params.error();
  t.query = std::move(params).value();
  return t;
}

std::string percent_encode(std::string_view s) {
  std::string out;
  encode_append(s, false, out);
  return out;
}

std::string encode_path(std::string_view path) {
  std::string out;
  encode_append(path, true, out);
  return out;
}

std::string build_query(const Params& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    encode_append(k, false, out);
    out += '=';
    encode_append(v, false, out);
  }
  return out;
}

}  // namespace arkiv::http
