#include "web/template.h"

#include <sstream>
#include <stdexcept>

namespace arkiv::web {

namespace {

struct Token {
  enum class Type { kText, kEscaped, kRaw, kOpen, kInverted, kClose, kPartial, kComment } type = Type::kText;
  std::string value;   // text, or the tag's name
  int line = 1;
  std::string indent;  // standalone partials: the whitespace before the tag
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

[[noreturn]] void fail(int line, const std::string& what) {
  throw std::invalid_argument("template line " + std::to_string(line) + ": " + what);
}

// Splits `source` into text (one token per line piece, newline included) and tags.
std::vector<Token> lex(std::string_view source) {
  std::vector<Token> out;
  int line = 1;
  auto add_text = [&](std::string_view text) {
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
      out.push_back({Token::Type::kText, std::string(text.substr(0, len)), line, ""});
      if (nl != std::string_view::npos) ++line;
      text.remove_prefix(len);
    }
  };
  std::size_t pos = 0;
  while (pos < source.size()) {
    std::size_t open = source.find("{{", pos);
    if (open == std::string_view::npos) {
      add_text(source.substr(pos));
      break;
    }
    add_text(source.substr(pos, open - pos));
    bool triple = open + 2 < source.size() && source[open + 2] == '{';
    std::string_view closer = triple ? "}}}" : "}}";
    std::size_t body = open + (triple ? 3 : 2);
    std::size_t close = source.find(closer, body);
    if (close == std::string_view::npos) fail(line, "a tag opened with {{ is never closed");
    std::string content = trim(source.substr(body, close - body));
    Token t{Token::Type::kEscaped, content, line, ""};
    if (triple) {
      t.type = Token::Type::kRaw;
    } else if (!content.empty()) {
      switch (content[0]) {
        case '#': t.type = Token::Type::kOpen; break;
        case '^': t.type = Token::Type::kInverted; break;
        case '/': t.type = Token::Type::kClose; break;
        case '>': t.type = Token::Type::kPartial; break;
        case '!': t.type = Token::Type::kComment; break;
        case '&': t.type = Token::Type::kRaw; break;
        case '=': fail(line, "changing delimiters is not supported");
        default: break;
      }
      if (t.type != Token::Type::kEscaped) t.value = trim(std::string_view(content).substr(1));
    }
    for (std::size_t i = open; i < close; ++i) line += source[i] == '\n';
    out.push_back(std::move(t));
    pos = close + closer.size();
  }
  return out;
}

bool is_standalone_type(Token::Type t) {
  return t == Token::Type::kOpen || t == Token::Type::kInverted || t == Token::Type::kClose || t == Token::Type::kPartial ||
         t == Token::Type::kComment;
}

bool blank(const std::string& s) {
  for (char c : s) {
    if (!is_space(c)) return false;
  }
  return true;
}

// The spec's standalone rule: a line holding only section, partial or comment tags and
// whitespace leaves no trace in the output (a standalone partial indents its lines instead).
std::vector<Token> strip_standalone(std::vector<Token> tokens) {
  std::vector<Token> out;
  std::size_t line_start = 0;  // index in `tokens`
  auto finish_line = [&](std::size_t end) {  // tokens[line_start, end)
    bool has_tag = false, other = false;
    for (std::size_t i = line_start; i < end; ++i) {
      const Token& t = tokens[i];
      if (t.type == Token::Type::kText) other |= !blank(t.value);
      else if (is_standalone_type(t.type)) has_tag = true;
      else other = true;
    }
    bool standalone = has_tag && !other;
    std::string indent;
    for (std::size_t i = line_start; i < end; ++i) {
      Token& t = tokens[i];
      if (standalone && t.type == Token::Type::kText) {
        if (t.value.find('\n') == std::string::npos) indent += t.value;
        continue;
      }
      if (standalone && t.type == Token::Type::kPartial) t.indent = indent;
      out.push_back(std::move(t));
    }
    line_start = end;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].type == Token::Type::kText && !tokens[i].value.empty() && tokens[i].value.back() == '\n') finish_line(i + 1);
  }
  finish_line(tokens.size());
  return out;
}

std::vector<std::string> split_name(const std::string& name) {
  std::vector<std::string> parts;
  if (name == ".") return parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

std::string indent_lines(const std::string& text, const std::string& indent) {
  if (indent.empty()) return text;
  std::string out = indent;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += indent;
  }
  return out;
}

struct Builder {
  const std::map<std::string, std::string>& partials;

  void build(std::string_view source, std::vector<Template::Node>& root, int depth) {
    if (depth > 8) throw std::invalid_argument("template partials nest more than 8 deep");
    std::vector<Token> tokens = strip_standalone(lex(source));
    struct Open {
      std::vector<Template::Node>* nodes;
      std::string name;
      int line;
    };
    std::vector<Open> stack{{&root, "", 0}};
    for (Token& t : tokens) {
      std::vector<Template::Node>& nodes = *stack.back().nodes;
      switch (t.type) {
        case Token::Type::kText:
          if (!nodes.empty() && nodes.back().kind == Template::Node::Kind::kText) nodes.back().text += t.value;
          else nodes.push_back({Template::Node::Kind::kText, std::move(t.value), {}, {}});
          break;
        case Token::Type::kEscaped:
        case Token::Type::kRaw:
          nodes.push_back({t.type == Token::Type::kRaw ? Template::Node::Kind::kRaw : Template::Node::Kind::kEscaped, "",
                           split_name(t.value), {}});
          break;
        case Token::Type::kOpen:
        case Token::Type::kInverted:
          nodes.push_back({t.type == Token::Type::kOpen ? Template::Node::Kind::kSection : Template::Node::Kind::kInverted, "",
                           split_name(t.value), {}});
          stack.push_back({&nodes.back().children, t.value, t.line});
          break;
        case Token::Type::kClose:
          if (stack.size() == 1) fail(t.line, "{{/" + t.value + "}} closes no section");
          if (stack.back().name != t.value) fail(t.line, "{{/" + t.value + "}} closes {{#" + stack.back().name + "}}");
          stack.pop_back();
          break;
        case Token::Type::kPartial: {
          auto it = partials.find(t.value);
          if (it == partials.end()) fail(t.line, "no partial named '" + t.value + "'");
          std::vector<Template::Node> inlined;
          build(indent_lines(it->second, t.indent), inlined, depth + 1);
          for (auto& n : inlined) {
            if (n.kind == Template::Node::Kind::kText && !nodes.empty() && nodes.back().kind == Template::Node::Kind::kText) {
              nodes.back().text += n.text;
            } else {
              nodes.push_back(std::move(n));
            }
          }
          break;
        }
        case Token::Type::kComment: break;
      }
    }
    if (stack.size() > 1) fail(stack.back().line, "{{#" + stack.back().name + "}} is never closed");
  }
};

bool truthy(const mstch::node& n) {
  switch (n.which()) {
    case 0: return false;                                   // nullptr
    case 1: return !boost::get<std::string>(n).empty();
    case 2: return boost::get<int>(n) != 0;
    case 3: return boost::get<double>(n) != 0;
    case 4: return boost::get<bool>(n);
    case 8: return !boost::get<mstch::array>(n).empty();
    default: return true;                                   // lambda, object, map
  }
}

void append_text(const mstch::node& n, std::string& out, Template::Escape escape) {
  std::string text;
  switch (n.which()) {
    case 1: {
      const std::string& s = boost::get<std::string>(n);
      if (escape) escape(s, out);
      else out += s;
      return;
    }
    case 2: text = std::to_string(boost::get<int>(n)); break;
    case 3: {
      std::ostringstream o;
      o << boost::get<double>(n);
      text = o.str();
      break;
    }
    case 4: text = boost::get<bool>(n) ? "true" : "false"; break;
    default: return;
  }
  if (escape) escape(text, out);
  else out += text;
}

struct Renderer {
  Template::Escape escape;
  std::string& out;
  std::vector<const mstch::node*> stack;

  const mstch::node* lookup(const std::vector<std::string>& name) const {
    if (name.empty()) return stack.back();
    const mstch::node* found = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend() && !found; ++it) {
      if (const auto* m = boost::get<mstch::map>(*it)) {
        auto f = m->find(name[0]);
        if (f != m->end()) found = &f->second;
      }
    }
    for (std::size_t i = 1; found && i < name.size(); ++i) {
      const auto* m = boost::get<mstch::map>(found);
      if (!m) return nullptr;
      auto f = m->find(name[i]);
      found = f == m->end() ? nullptr : &f->second;
    }
    return found;
  }

  void render(const std::vector<Template::Node>& nodes) {
    for (const Template::Node& n : nodes) {
      switch (n.kind) {
        case Template::Node::Kind::kText: out += n.text; break;
        case Template::Node::Kind::kEscaped:
        case Template::Node::Kind::kRaw:
          if (const mstch::node* v = lookup(n.name)) append_text(*v, out, n.kind == Template::Node::Kind::kEscaped ? escape : nullptr);
          break;
        case Template::Node::Kind::kSection: {
          const mstch::node* v = lookup(n.name);
          if (!v || !truthy(*v)) break;
          if (const auto* list = boost::get<mstch::array>(v)) {
            for (const mstch::node& item : *list) {
              stack.push_back(&item);
              render(n.children);
              stack.pop_back();
            }
          } else {
            stack.push_back(v);
            render(n.children);
            stack.pop_back();
          }
          break;
        }
        case Template::Node::Kind::kInverted: {
          const mstch::node* v = lookup(n.name);
          if (!v || !truthy(*v)) render(n.children);
          break;
        }
      }
    }
  }
};

}  // namespace

Template Template::compile(std::string_view source, const std::map<std::string, std::string>& partials) {
  Template t;
  Builder{partials}.build(source, t.nodes_, 0);
  return t;
}

std::string Template::render(const mstch::node& data, Escape escape) const {
  std::string out;
  out.reserve(16384);
  Renderer r{escape, out, {&data}};
  r.render(nodes_);
  return out;
}

}  // namespace arkiv::web
