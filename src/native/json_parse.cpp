// encoding/json's parser: JSON text to a Node tree, with the syntax errors Go's scanner reports
// (same message and offset: "invalid character 'x' looking for beginning of value", "unexpected
// end of JSON input"). Strings are decoded as Go does: \u escapes with surrogate pairs, and a
// lone surrogate or invalid UTF-8 becomes U+FFFD.
#include <string>

#include "native/json_internal.h"

namespace gol::native::json {

namespace {

std::string quoteChar(unsigned char c) {
  if (c == '\'') return "'\\''";
  if (c == '"') return "'\"'";
  std::string r;  // Go quotes string(c): the byte as a rune, so 0xC3 is 'Ã'
  appendRune(r, c);
  std::string q = quoteWith(r, '"', false);
  return "'" + q.substr(1, q.size() - 2) + "'";
}

struct Parser {
  std::string_view s;
  size_t i = 0;
  std::string msg;
  int64_t offset = 0;
  int depth = 0;

  bool fail(const std::string& context) {
    if (i >= s.size()) {
      msg = "unexpected end of JSON input";
      offset = int64_t(s.size());
    } else {
      msg = "invalid character " + quoteChar(static_cast<unsigned char>(s[i])) + " " + context;
      offset = int64_t(i) + 1;
    }
    return false;
  }

  // Inside a literal or a number, Go's scanner meets the end of input as a space: the message
  // names ' ' and the offset is the input's length.
  bool failInToken(const std::string& context) {
    if (i < s.size()) return fail(context);
    msg = "invalid character ' ' " + context;
    offset = int64_t(s.size());
    return false;
  }

  void space() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
  }
  bool isDigit(size_t k) const { return k < s.size() && s[k] >= '0' && s[k] <= '9'; }

  bool value(Node* n) {
    bool ok = true;
    deep([&] { ok = valueImpl(n); });
    return ok;
  }

  bool valueImpl(Node* n) {
    space();
    n->begin = i;
    if (i >= s.size()) return fail("");
    char c = s[i];
    switch (c) {
      case '{': return object(n);
      case '[': return array(n);
      case '"':
        n->kind = Node::String;
        return string(&n->text) && (n->end = i, true);
      case 't': return literal(n, "true", Node::Bool, true);
      case 'f': return literal(n, "false", Node::Bool, false);
      case 'n': return literal(n, "null", Node::Null, false);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number(n);
        return fail("looking for beginning of value");
    }
  }

  bool literal(Node* n, const char* word, Node::Kind k, bool b) {
    std::string w = word;
    for (size_t j = 1; j < w.size(); j++) {
      i++;
      if (i >= s.size() || s[i] != w[j])
        return failInToken("in literal " + w + " (expecting " + quoteChar(static_cast<unsigned char>(w[j])) + ")");
    }
    i++;
    n->kind = k;
    n->b = b;
    n->end = i;
    return true;
  }

  bool number(Node* n) {
    size_t start = i;
    if (s[i] == '-') {
      i++;
      if (!isDigit(i)) return failInToken("in numeric literal");
    }
    if (s[i] == '0') {
      i++;
    } else {
      while (isDigit(i)) i++;
    }
    if (i < s.size() && s[i] == '.') {
      i++;
      if (!isDigit(i)) return failInToken("after decimal point in numeric literal");
      while (isDigit(i)) i++;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      i++;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
      if (!isDigit(i)) return failInToken("in exponent of numeric literal");
      while (isDigit(i)) i++;
    }
    n->kind = Node::Number;
    n->text = std::string(s.substr(start, i - start));
    n->end = i;
    return true;
  }

  int hex4(size_t k) const {
    int v = 0;
    for (size_t j = k; j < k + 4; j++) {
      char c = s[j];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return -1;
    }
    return v;
  }

  bool string(std::string* out) {
    i++;  // the opening quote
    for (;;) {
      if (i >= s.size()) return fail("");
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '"') {
        i++;
        return true;
      }
      if (c < 0x20) return fail("in string literal");
      if (c == '\\') {
        i++;
        if (i >= s.size()) return failInToken("in string escape code");
        char e = s[i];
        switch (e) {
          case '"': *out += '"'; break;
          case '\\': *out += '\\'; break;
          case '/': *out += '/'; break;
          case 'b': *out += '\b'; break;
          case 'f': *out += '\f'; break;
          case 'n': *out += '\n'; break;
          case 'r': *out += '\r'; break;
          case 't': *out += '\t'; break;
          case 'u': {
            for (size_t j = 1; j <= 4; j++) {
              if (i + j >= s.size()) {
                i += j;
                return failInToken("in \\u hexadecimal character escape");
              }
              char h = s[i + j];
              if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
                i += j;
                return fail("in \\u hexadecimal character escape");
              }
            }
            int r = hex4(i + 1);
            i += 4;
            if (r >= 0xD800 && r < 0xDC00) {  // a high surrogate: a low one must follow
              if (i + 6 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u') {
                int r2 = hex4(i + 3);
                if (r2 >= 0xDC00 && r2 < 0xE000) {
                  appendRune(*out, ((r - 0xD800) << 10 | (r2 - 0xDC00)) + 0x10000);
                  i += 6;
                  break;
                }
              }
              appendRune(*out, 0xFFFD);
            } else if (r >= 0xDC00 && r < 0xE000) {
              appendRune(*out, 0xFFFD);
            } else {
              appendRune(*out, r);
            }
            break;
          }
          default: return fail("in string escape code");
        }
        i++;
        continue;
      }
      if (c < 0x80) {
        *out += char(c);
        i++;
        continue;
      }
      int w;
      int32_t r = decode(s, i, &w);
      if (r == 0xFFFD && w == 1) appendRune(*out, 0xFFFD);
      else out->append(s.substr(i, size_t(w)));
      i += size_t(w);
    }
  }

  // The closing bracket or brace of n, at i.
  bool closeNode(Node* n) {
    i++;
    n->end = i;
    depth--;
    return true;
  }

  bool array(Node* n) {
    n->kind = Node::Array;
    if (++depth > kMaxDepth) return fail("exceeded max depth");
    i++;
    space();
    if (i < s.size() && s[i] == ']') return closeNode(n);
    for (;;) {
      n->elems.emplace_back();
      if (!value(&n->elems.back())) return false;
      space();
      if (i >= s.size()) return fail("");
      if (s[i] == ',') {
        i++;
        continue;
      }
      if (s[i] == ']') return closeNode(n);
      return fail("after array element");
    }
  }

  bool object(Node* n) {
    n->kind = Node::Object;
    if (++depth > kMaxDepth) return fail("exceeded max depth");
    i++;
    space();
    if (i < s.size() && s[i] == '}') return closeNode(n);
    for (;;) {
      space();
      if (i >= s.size()) return fail("");
      if (s[i] != '"') return fail("looking for beginning of object key string");
      std::string key;
      if (!string(&key)) return false;
      space();
      if (i >= s.size()) return fail("");
      if (s[i] != ':') return fail("after object key");
      i++;
      n->keys.push_back(std::move(key));
      n->elems.emplace_back();
      if (!value(&n->elems.back())) return false;
      space();
      if (i >= s.size()) return fail("");
      if (s[i] == ',') {
        i++;
        continue;
      }
      if (s[i] == '}') return closeNode(n);
      return fail("after object key:value pair");
    }
  }
};

}  // namespace

Node::~Node() {
  if (elems.empty()) return;
  std::vector<Node> work = std::move(elems);
  while (!work.empty()) {
    Node n = std::move(work.back());
    work.pop_back();
    for (auto& c : n.elems) work.push_back(std::move(c));
    n.elems.clear();  // its children were moved out: destroying n is now shallow
  }
}

bool parse(std::string_view src, Node* out, std::string* errMsg, int64_t* errOffset) {
  Parser p;
  p.s = src;
  bool ok = p.value(out);
  if (ok) {
    p.space();
    if (p.i < src.size()) ok = p.fail("after top-level value");
  }
  if (!ok) {
    *errMsg = p.msg;
    *errOffset = p.offset;
  }
  return ok;
}

bool validJSON(std::string_view src) {
  Node n;
  std::string m;
  int64_t off;
  return parse(src, &n, &m, &off);
}

}  // namespace gol::native::json
