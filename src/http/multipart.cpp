#include "http/multipart.h"

#include "base/strings.h"

namespace arkiv::http {

namespace {

// The value of parameter `name` in a header value ("form-data; name=\"file\"; filename=\"a.txt\"").
std::string parameter(std::string_view value, std::string_view name) {
  std::size_t pos = 0;
  while ((pos = value.find(';', pos)) != std::string_view::npos) {
    ++pos;
    std::string_view rest = trim(value.substr(pos));
    std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) continue;
    if (to_lower_ascii(trim(rest.substr(0, eq))) != name) continue;
    std::string_view v = trim(rest.substr(eq + 1));
    if (!v.empty() && v.front() == '"') {
      std::string out;
      for (std::size_t i = 1; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        out += v[i];
      }
      return out;
    }
    return std::string(v.substr(0, v.find(';')));
  }
  return "";
}

}  // namespace

bool is_multipart(std::string_view content_type) { return to_lower_ascii(content_type.substr(0, 19)) == "multipart/form-data"; }

Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body) {
  if (!is_multipart(content_type)) return Error::invalid("expected a multipart/form-data body");
  std::string boundary = parameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 70) return Error::invalid("multipart/form-data: missing or overlong boundary");
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return Error::invalid("multipart/form-data: no part begins");
  std::vector<FormPart> parts;
  at += delimiter.size();
  while (true) {
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return Error::invalid("multipart/form-data: a delimiter is not followed by a line end");
    at += 2;
    std::size_t head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) return Error::invalid("multipart/form-data: a part's header does not end");
    FormPart part;
    std::string_view head = body.substr(at, head_end - at);
    for (std::size_t line = 0; line <= head.size();) {
      std::size_t end = head.find("\r\n", line);
      if (end == std::string_view::npos) end = head.size();
      std::string_view field = head.substr(line, end - line);
      std::size_t colon = field.find(':');
      if (colon != std::string_view::npos) {
        std::string name = to_lower_ascii(trim(field.substr(0, colon)));
        std::string_view value = trim(field.substr(colon + 1));
        if (name == "content-disposition") {
          part.name = parameter(value, "name");
          part.filename = parameter(value, "filename");
        } else if (name == "content-type") {
          part.content_type = std::string(value);
        }
      }
      line = end + 2;
    }
    std::size_t content = head_end + 4;
    std::size_t next = body.find("\r\n" + delimiter, content);
    if (next == std::string_view::npos) return Error::invalid("multipart/form-data: a part does not end");
    part.body = std::string(body.substr(content, next - content));
    if (parts.size() >= kMaxParts) return Error::invalid("multipart/form-data: more than " + std::to_string(kMaxParts) + " parts");
    parts.push_back(std::move(part));
    at = next + 2 + delimiter.size();
  }
}

}  // namespace arkiv::http
