// Natives of package strconv (stdlib/strconv/strconv.gol): integer and float parsing with Go's
// syntax rules (status codes; the gol side builds *NumError), Go's float formatting ('e' 'E'
// 'f' 'g' 'G', shortest with precision -1, float32 or float64), quoting and unquoting.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "native/fmt_internal.h"
#include "native/native.h"
#include "native/stdlib_util.h"

namespace gol::native {

// Go's underscoreOK: underscores only between digits or after a base prefix (base-0 syntax).
// Shared with fmt's scanner (declared in stdlib_util.h).
static int lowerAscii(char c) { return c | 0x20; }
bool underscoreOK(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s = s.substr(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (lowerAscii(s[1]) == 'b' || lowerAscii(s[1]) == 'o' || lowerAscii(s[1]) == 'x')) {
    hex = lowerAscii(s[1]) == 'x';
    i = 2;
    saw = '0';
  }
  for (; i < s.size(); i++) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lowerAscii(c) >= 'a' && lowerAscii(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

namespace {

enum Status { kOk = 0, kSyntax = 1, kRange = 2, kBadBase = 3, kBadBits = 4 };

int lower(char c) { return c | 0x20; }


// Parses an unsigned integer with Go's rules. max: the largest allowed value (by bit size).
int parseUintCore(std::string_view s0, int64_t base, int64_t bitSize, uint64_t* out) {
  *out = 0;
  if (s0.empty()) return kSyntax;
  bool base0 = base == 0;
  std::string_view s = s0;
  if (base >= 2 && base <= 36) {
  } else if (base == 0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && lower(s[1]) == 'b') {
        base = 2;
        s = s.substr(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'o') {
        base = 8;
        s = s.substr(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'x') {
        base = 16;
        s = s.substr(2);
      } else {
        base = 8;
        s = s.substr(1);
      }
    }
  } else {
    return kBadBase;
  }
  if (bitSize == 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) return kBadBits;
  uint64_t maxVal = bitSize == 64 ? ~uint64_t(0) : (uint64_t(1) << bitSize) - 1;
  uint64_t cutoff = ~uint64_t(0) / uint64_t(base) + 1;
  bool underscores = false;
  uint64_t n = 0;
  for (char c : s) {
    int d;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') d = c - '0';
    else if (lower(c) >= 'a' && lower(c) <= 'z') d = lower(c) - 'a' + 10;
    else return kSyntax;
    if (d >= base) return kSyntax;
    if (n >= cutoff) {
      *out = maxVal;
      return kRange;
    }
    n *= uint64_t(base);
    uint64_t n1 = n + uint64_t(d);
    if (n1 < n || n1 > maxVal) {
      *out = maxVal;
      return kRange;
    }
    n = n1;
  }
  if (underscores && !underscoreOK(s0)) return kSyntax;
  *out = n;
  return kOk;
}

int parseIntCore(std::string_view s0, int64_t base, int64_t bitSize, int64_t* out) {
  *out = 0;
  if (s0.empty()) return kSyntax;
  std::string_view s = s0;
  bool neg = false;
  if (s[0] == '+') s = s.substr(1);
  else if (s[0] == '-') {
    neg = true;
    s = s.substr(1);
  }
  uint64_t un;
  int st = parseUintCore(s, base, bitSize, &un);
  if (st != kOk && st != kRange) return st;
  if (bitSize == 0) bitSize = 64;
  uint64_t cutoff = uint64_t(1) << (bitSize - 1);
  if (st == kRange) {
    *out = neg ? -int64_t(cutoff - 1) - 1 : int64_t(cutoff - 1);
    return kRange;
  }
  if (!neg && un >= cutoff) {
    *out = int64_t(cutoff - 1);
    return kRange;
  }
  if (neg && un > cutoff) {
    *out = -int64_t(cutoff - 1) - 1;
    return kRange;
  }
  *out = neg ? int64_t(0 - un) : int64_t(un);
  return kOk;
}

bool eqFold(std::string_view a, const char* b) {
  size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; i++)
    if (lower(a[i]) != b[i]) return false;
  return true;
}

// Validates Go float syntax and returns a cleaned copy (underscores removed) for strtod.
bool floatSyntax(std::string_view s, std::string* clean) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
  bool hex = false;
  if (i + 1 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool digits = false, sawdot = false, sawexp = false, underscores = false;
  for (; i < s.size(); i++) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (c == '.') {
      if (sawdot) return false;
      sawdot = true;
      continue;
    }
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      digits = true;
      continue;
    }
    break;
  }
  if (!digits) return false;
  if (i < s.size() && lower(s[i]) == (hex ? 'p' : 'e')) {
    i++;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
    bool ed = false;
    for (; i < s.size(); i++) {
      if (s[i] >= '0' && s[i] <= '9') ed = true;
      else if (s[i] == '_') underscores = true;
      else break;
    }
    if (!ed) return false;
    sawexp = true;
  }
  if (i != s.size()) return false;
  if (hex && !sawexp) return false;
  if (underscores && !underscoreOK(s)) return false;  // Go: "1_000.5" parses, "1__0" does not
  clean->clear();
  for (char c : s)
    if (c != '_') clean->push_back(c);
  return true;
}

int parseFloatCore(std::string_view s, int64_t bitSize, double* out) {
  *out = 0;
  std::string_view t = s;
  bool neg = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    neg = t[0] == '-';
    t = t.substr(1);
  }
  if (eqFold(t, "inf") || eqFold(t, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return kOk;
  }
  if (eqFold(s, "nan")) {
    *out = std::nan("");
    return kOk;
  }
  std::string clean;
  if (!floatSyntax(s, &clean)) return kSyntax;
  errno = 0;
  char* end;
  if (bitSize == 32) {
    float f = std::strtof(clean.c_str(), &end);
    *out = f;
    if (errno == ERANGE && std::isinf(f)) return kRange;
  } else {
    double d = std::strtod(clean.c_str(), &end);
    *out = d;
    if (errno == ERANGE && std::isinf(d)) return kRange;
  }
  return kOk;
}

std::string formatBits(uint64_t u, int64_t base, bool neg) {
  if (base < 2 || base > 36) rt::panicPlain("strconv: illegal AppendInt/FormatInt base");
  char buf[72];
  int i = 72;
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  if (u == 0) buf[--i] = '0';
  while (u > 0) {
    buf[--i] = digits[u % uint64_t(base)];
    u /= uint64_t(base);
  }
  if (neg) buf[--i] = '-';
  return std::string(buf + i, size_t(72 - i));
}

}  // namespace

// One float formatter for fmt and strconv (fmt_float.cpp): every verb, 'b' and 'x' too.
std::string formatFloat(double f, char fmt, int prec, int bitSize) {
  if (bitSize == 32) f = double(float(f));
  return fmtimpl::formatFloat(f, fmt, prec, bitSize);
}

namespace {

void appendEscapedRune(std::string& out, int32_t r, int width, char quote, bool ascii, bool graphicOnly) {
  static const char* hex = "0123456789abcdef";
  if (r == quote || r == '\\') {
    out.push_back('\\');
    out.push_back(char(r));
    return;
  }
  if (ascii) {
    if (r < 0x80 && uni::isPrint(r)) {
      out.push_back(char(r));
      return;
    }
  } else if (uni::isPrint(r) || (graphicOnly && uni::isGraphic(r))) {
    appendRune(out, r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
  }
  if (r < ' ' || r == 0x7F || (width == 1 && r == 0xFFFD)) {
    // invalid byte (caller passes the byte in r when width==1 && invalid) or control
    out += "\\x";
    out.push_back(hex[(r >> 4) & 0xF]);
    out.push_back(hex[r & 0xF]);
  } else if (r < 0x10000) {
    out += "\\u";
    for (int s = 12; s >= 0; s -= 4) out.push_back(hex[(r >> s) & 0xF]);
  } else {
    out += "\\U";
    for (int s = 28; s >= 0; s -= 4) out.push_back(hex[(r >> s) & 0xF]);
  }
}

}  // namespace

std::string quoteWith(std::string_view s, char quote, bool asciiOnly, bool graphicOnly) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back(quote);
  for (size_t i = 0; i < s.size();) {
    int w;
    int32_t r = decode(s, i, &w);
    if (w == 1 && r == 0xFFFD) {  // invalid byte
      static const char* hex = "0123456789abcdef";
      uint8_t b = uint8_t(s[i]);
      out += "\\x";
      out.push_back(hex[b >> 4]);
      out.push_back(hex[b & 0xF]);
      i++;
      continue;
    }
    appendEscapedRune(out, r, w, quote, asciiOnly, graphicOnly);
    i += size_t(w);
  }
  out.push_back(quote);
  return out;
}

std::string quoteRuneWith(int32_t r, char quote, bool asciiOnly, bool graphicOnly) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  std::string out;
  out.push_back(quote);
  appendEscapedRune(out, r, 3, quote, asciiOnly, graphicOnly);
  out.push_back(quote);
  return out;
}

namespace {

int hexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (lower(c) >= 'a' && lower(c) <= 'f') return lower(c) - 'a' + 10;
  return -1;
}

// Go's UnquoteChar for one escape or character at s[i]; appends to out.
bool unquoteChar(std::string_view s, size_t& i, char quote, std::string& out) {
  uint8_t c = uint8_t(s[i]);
  if (c == uint8_t(quote) && (quote == '\'' || quote == '"')) return false;
  if (c >= 0x80) {
    int w;
    int32_t r = decode(s, i, &w);
    appendRune(out, r);
    i += size_t(w);
    return true;
  }
  if (c != '\\') {
    out.push_back(char(c));
    i++;
    return true;
  }
  if (i + 1 >= s.size()) return false;
  char e = s[i + 1];
  i += 2;
  switch (e) {
    case 'a': out.push_back('\a'); return true;
    case 'b': out.push_back('\b'); return true;
    case 'f': out.push_back('\f'); return true;
    case 'n': out.push_back('\n'); return true;
    case 'r': out.push_back('\r'); return true;
    case 't': out.push_back('\t'); return true;
    case 'v': out.push_back('\v'); return true;
    case 'x':
    case 'u':
    case 'U': {
      int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (i + size_t(n) > s.size()) return false;
      int64_t v = 0;
      for (int k = 0; k < n; k++) {
        int h = hexVal(s[i + size_t(k)]);
        if (h < 0) return false;
        v = v << 4 | h;
      }
      i += size_t(n);
      if (e == 'x') {
        out.push_back(char(v));
        return true;
      }
      if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
      appendRune(out, int32_t(v));
      return true;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      if (i + 2 > s.size()) return false;
      int v = e - '0';
      for (int k = 0; k < 2; k++) {
        char d = s[i + size_t(k)];
        if (d < '0' || d > '7') return false;
        v = v * 8 + (d - '0');
      }
      if (v > 255) return false;
      i += 2;
      out.push_back(char(v));
      return true;
    }
    case '\\': out.push_back('\\'); return true;
    case '\'':
    case '"':
      if (e != quote) return false;
      out.push_back(e);
      return true;
  }
  return false;
}

bool unquote(std::string_view s, std::string* out) {
  if (s.size() < 2) return false;
  char q = s[0];
  if (q != s.back()) return false;
  std::string_view body = s.substr(1, s.size() - 2);
  if (q == '`') {
    if (body.find('`') != std::string_view::npos) return false;
    out->clear();
    for (char c : body)
      if (c != '\r') out->push_back(c);
    return true;
  }
  if (q != '"' && q != '\'') return false;
  if (body.find('\n') != std::string_view::npos) return false;
  out->clear();
  size_t i = 0;
  int count = 0;
  while (i < body.size()) {
    if (!unquoteChar(body, i, q, *out)) return false;
    count++;
    if (q == '\'' && count > 1) return false;
  }
  if (q == '\'' && count != 1) return false;
  return true;
}

}  // namespace

GOL_NATIVE(strconv_parseInt, "strconv.parseInt") {
  int64_t v;
  int st = parseIntCore(sv(call.args[0]), call.args[1].i, call.args[2].i, &v);
  call.results[0] = Value::I(v);
  call.results[1] = Value::I(st);
}
GOL_NATIVE(strconv_parseUint, "strconv.parseUint") {
  uint64_t v;
  std::string_view s = sv(call.args[0]);
  int st = parseUintCore(s, call.args[1].i, call.args[2].i, &v);
  call.results[0] = Value::U(v);
  call.results[1] = Value::I(st);
}
GOL_NATIVE(strconv_parseFloat, "strconv.parseFloat") {
  double v;
  int st = parseFloatCore(sv(call.args[0]), call.args[1].i, &v);
  call.results[0] = Value::F(v);
  call.results[1] = Value::I(st);
}
GOL_NATIVE(strconv_Itoa, "strconv.Itoa") {
  int64_t i = call.args[0].i;
  call.results[0] = str(formatBits(i < 0 ? 0 - uint64_t(i) : uint64_t(i), 10, i < 0));
}
GOL_NATIVE(strconv_FormatInt, "strconv.FormatInt") {
  int64_t i = call.args[0].i;
  call.results[0] = str(formatBits(i < 0 ? 0 - uint64_t(i) : uint64_t(i), call.args[1].i, i < 0));
}
GOL_NATIVE(strconv_FormatUint, "strconv.FormatUint") {
  call.results[0] = str(formatBits(call.args[0].u, call.args[1].i, false));
}
GOL_NATIVE(strconv_FormatFloat, "strconv.FormatFloat") {
  call.results[0] = str(formatFloat(call.args[0].f, char(call.args[1].u), int(call.args[2].i), int(call.args[3].i)));
}
GOL_NATIVE(strconv_Quote, "strconv.Quote") { call.results[0] = str(quoteWith(sv(call.args[0]), '"', false)); }
GOL_NATIVE(strconv_QuoteToASCII, "strconv.QuoteToASCII") {
  call.results[0] = str(quoteWith(sv(call.args[0]), '"', true));
}
GOL_NATIVE(strconv_QuoteRune, "strconv.QuoteRune") {
  call.results[0] = str(quoteRuneWith(int32_t(call.args[0].i), '\'', false));
}
GOL_NATIVE(strconv_QuoteRuneToASCII, "strconv.QuoteRuneToASCII") {
  call.results[0] = str(quoteRuneWith(int32_t(call.args[0].i), '\'', true));
}
GOL_NATIVE(strconv_CanBackquote, "strconv.CanBackquote") {
  std::string_view s = sv(call.args[0]);
  bool ok = true;
  for (size_t i = 0; i < s.size() && ok;) {
    int w;
    int32_t r = decode(s, i, &w);
    if (w == 1 && r == 0xFFFD) ok = false;
    else if (r == 0xFEFF || r == '`' || (r < ' ' && r != '\t') || r == 0x7F) ok = false;
    i += size_t(w);
  }
  call.results[0] = Value::B(ok);
}
GOL_NATIVE(strconv_QuoteToGraphic, "strconv.QuoteToGraphic") {
  call.results[0] = str(quoteWith(sv(call.args[0]), '"', false, true));
}
GOL_NATIVE(strconv_QuoteRuneToGraphic, "strconv.QuoteRuneToGraphic") {
  call.results[0] = str(quoteRuneWith(int32_t(call.args[0].i), '\'', false, true));
}
GOL_NATIVE(strconv_IsGraphic, "strconv.IsGraphic") {
  call.results[0] = Value::B(uni::isGraphic(int32_t(call.args[0].i)));
}
// unquoteChar(s string, quote byte) (decoded string, width int, ok bool): the bytes the first
// character or escape of s stands for, and how many bytes of s it took.
GOL_NATIVE(strconv_unquoteChar, "strconv.unquoteChar") {
  std::string_view s = sv(call.args[0]);
  std::string out;
  size_t i = 0;
  bool ok = !s.empty() && unquoteChar(s, i, char(call.args[1].u), out);
  call.results[0] = ok ? str(out) : Value();
  call.results[1] = Value::I(ok ? int64_t(i) : 0);
  call.results[2] = Value::B(ok);
}
GOL_NATIVE(strconv_IsPrint, "strconv.IsPrint") { call.results[0] = Value::B(uni::isPrint(int32_t(call.args[0].i))); }
GOL_NATIVE(strconv_unquote, "strconv.unquote") {
  std::string out;
  bool ok = unquote(sv(call.args[0]), &out);
  call.results[0] = ok ? str(out) : Value();
  call.results[1] = Value::B(ok);
}

}  // namespace gol::native
