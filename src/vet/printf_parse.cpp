// Format strings split into directives the way x/tools' fmtstr package does:
//   '%' flags [index] (width | [index]*) ['.' [index] (precision | [index]*)] [index] verb
// and offsets in a string literal's source text, so a finding points at its directive.
#include <cstdlib>

#include "vet/printf.h"

namespace gol::vet {

namespace {

struct Scanner {
  const std::string& s;  // from the directive's '%' to the end of the format
  int firstArg, nargs;
  int argNum;            // the argument the next * or verb reads
  size_t n = 1;          // bytes consumed; the '%' is
  bool indexPending = false;
  Directive d;
  std::string err;

  Scanner(const std::string& rest, int first, int count, int arg) : s(rest), firstArg(first), nargs(count), argNum(arg) {}

  bool digits() {
    size_t start = n;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') n++;
    return n > start && n < s.size();
  }
  bool index();
  void size();
  bool precision() {
    if (n >= s.size() || s[n] != '.') return true;
    n++;
    if (!index()) return false;
    size();
    return true;
  }
  char32_t verb(size_t* width) const;
};

bool Scanner::index() {
  if (n == s.size() || s[n] != '[') return true;
  size_t start = ++n;
  digits();
  bool ok = true;
  if (n == s.size() || n == start || s[n] != ']') {
    ok = false;
    size_t close = s.find(']', start);
    if (close == std::string::npos) {
      err = "format " + s + " is missing closing ]";
      return false;
    }
    n = close;
  }
  std::string num = s.substr(start, n - start);
  char* end = nullptr;
  long v = std::strtol(num.c_str(), &end, 10);
  if (!ok || num.empty() || *end || v <= 0 || v > nargs - firstArg) {
    err = "format has invalid argument index [" + num + "]";
    return false;
  }
  n++;
  argNum = static_cast<int>(v) + firstArg - 1;
  d.indexed = true;
  indexPending = true;
  return true;
}

void Scanner::size() {
  if (n < s.size() && s[n] == '*') {
    n++;
    indexPending = false;  // an index before * belongs to the *
    d.starArgs.push_back(argNum++);
    return;
  }
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') n++;
}

// The verb's code point (UTF-8) and its length.
char32_t Scanner::verb(size_t* width) const {
  unsigned char c = static_cast<unsigned char>(s[n]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (n + len > s.size()) len = 1;
  char32_t r = len == 1 ? c : c & (0x7F >> len);
  for (int i = 1; i < len; i++) r = (r << 6) | (static_cast<unsigned char>(s[n + i]) & 0x3F);
  *width = len;
  return r;
}

bool parseOne(Scanner& sc) {
  while (sc.n < sc.s.size() && std::string("#0+- ").find(sc.s[sc.n]) != std::string::npos)
    sc.d.flags += sc.s[sc.n++];
  if (!sc.index()) return false;
  sc.size();
  if (!sc.precision()) return false;
  if (!sc.indexPending && !sc.index()) return false;
  if (sc.n == sc.s.size()) {
    sc.err = "format " + sc.s + " is missing verb at end of string";
    return false;
  }
  size_t w;
  sc.d.verb = sc.verb(&w);
  sc.d.verbArg = sc.argNum;
  sc.n += w;
  sc.d.text = sc.s.substr(0, sc.n);
  return true;
}

}  // namespace

bool parseFormat(const std::string& format, int firstArg, int nargs, std::vector<Directive>* out,
                 std::string* err) {
  int argNum = firstArg;
  for (size_t i = 0; i < format.size();) {
    if (format[i] != '%') {
      i++;
      continue;
    }
    std::string rest = format.substr(i);
    Scanner sc(rest, firstArg, nargs, argNum);
    if (!parseOne(sc)) {
      *err = sc.err;
      return false;
    }
    sc.d.offset = i;
    if (sc.d.verb != '%') argNum = sc.argNum + 1;
    i += sc.d.text.size();
    out->push_back(sc.d);
  }
  return true;
}

size_t literalOffset(const std::string& raw, size_t offset) {
  if (raw.empty()) return 0;
  size_t i = 1, v = 0;
  if (raw[0] == '`') {
    for (; i < raw.size() && v < offset; i++) v += raw[i] != '\r';
    return i;
  }
  while (i < raw.size() && v < offset) {
    if (raw[i] != '\\') {
      i++, v++;
      continue;
    }
    char c = i + 1 < raw.size() ? raw[i + 1] : 0;
    size_t len = c == 'x' ? 4 : c == 'u' ? 6 : c == 'U' ? 10 : (c >= '0' && c <= '7') ? 4 : 2;
    size_t bytes = 1;
    if (c == 'u' || c == 'U') {
      unsigned long cp = std::strtoul(raw.substr(i + 2, len - 2).c_str(), nullptr, 16);
      bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    if (v + bytes > offset) break;
    i += len, v += bytes;
  }
  return i;
}

}  // namespace gol::vet
