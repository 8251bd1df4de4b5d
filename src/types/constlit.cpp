// Literal parsing for constants: integer (0x 0b 0o 0 prefixes, '_' separators), decimal and
// hexadecimal floats (exactly, as rationals), rune and string literals with Go's escapes.
#include <cctype>
#include <cstring>

#include "types/constrep.h"

namespace gol::constant {

namespace {
std::string stripUnderscores(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '_') out += c;
  return out;
}

int digitVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

bool parseDigits(const std::string& s, int base, BigInt* out) {
  if (s.empty()) return false;
  BigInt v = 0;
  for (char c : s) {
    int d = digitVal(c);
    if (d >= base) return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

void appendUtf8(std::string* out, uint32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
  if (r < 0x80) {
    *out += char(r);
  } else if (r < 0x800) {
    *out += char(0xC0 | (r >> 6));
    *out += char(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    *out += char(0xE0 | (r >> 12));
    *out += char(0x80 | ((r >> 6) & 0x3F));
    *out += char(0x80 | (r & 0x3F));
  } else {
    *out += char(0xF0 | (r >> 18));
    *out += char(0x80 | ((r >> 12) & 0x3F));
    *out += char(0x80 | ((r >> 6) & 0x3F));
    *out += char(0x80 | (r & 0x3F));
  }
}

// Decodes one UTF-8 sequence at s[i]; advances i.
uint32_t decodeUtf8(const std::string& s, size_t* i) {
  unsigned char c = s[*i];
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  uint32_t r = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n && *i + k < s.size(); k++) r = (r << 6) | (s[*i + k] & 0x3F);
  *i += n;
  return r;
}

// One escape after a backslash at s[*i] (pointing past '\'). isByte: \x and octal give bytes.
bool escape(const std::string& s, size_t* i, char quote, std::string* out, uint32_t* rune, bool* isByte) {
  if (*i >= s.size()) return false;
  char c = s[(*i)++];
  *isByte = false;
  auto hex = [&](int n, uint32_t* v) {
    *v = 0;
    for (int k = 0; k < n; k++) {
      if (*i >= s.size() || digitVal(s[*i]) >= 16) return false;
      *v = *v * 16 + digitVal(s[(*i)++]);
    }
    return true;
  };
  uint32_t v = 0;
  switch (c) {
    case 'a': v = 7; break;
    case 'b': v = 8; break;
    case 'f': v = 12; break;
    case 'n': v = 10; break;
    case 'r': v = 13; break;
    case 't': v = 9; break;
    case 'v': v = 11; break;
    case '\\': v = '\\'; break;
    case '\'': case '"':
      if (c != quote) return false;
      v = uint32_t(c);
      break;
    case 'x': if (!hex(2, &v)) return false; *isByte = true; break;
    case 'u': if (!hex(4, &v)) return false; break;
    case 'U': if (!hex(8, &v)) return false; break;
    default:
      if (c < '0' || c > '7') return false;
      v = c - '0';
      for (int k = 0; k < 2; k++) {
        if (*i >= s.size() || s[*i] < '0' || s[*i] > '7') return false;
        v = v * 8 + (s[(*i)++] - '0');
      }
      if (v > 255) return false;
      *isByte = true;
  }
  *rune = v;
  if (*isByte) *out += char(v);
  else appendUtf8(out, v);
  return true;
}
}  // namespace

bool parseInt(const std::string& raw, ConstValue* out) {
  std::string s = stripUnderscores(raw);
  BigInt v;
  bool ok;
  if (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) ok = parseDigits(s.substr(2), 16, &v);
  else if (s.size() > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) ok = parseDigits(s.substr(2), 2, &v);
  else if (s.size() > 1 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) ok = parseDigits(s.substr(2), 8, &v);
  else if (s.size() > 1 && s[0] == '0') ok = parseDigits(s.substr(1), 8, &v);
  else ok = parseDigits(s, 10, &v);
  if (ok) *out = intValue(v);
  return ok;
}

bool parseFloat(const std::string& raw, ConstValue* out) {
  std::string s = stripUnderscores(raw);
  bool hexf = s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  int base = hexf ? 16 : 10;
  size_t i = hexf ? 2 : 0;
  BigInt mant = 0;
  long fracDigits = 0;
  bool seenDot = false, any = false;
  for (; i < s.size(); i++) {
    char c = s[i];
    if (c == '.') { if (seenDot) return false; seenDot = true; continue; }
    int d = digitVal(c);
    if (d >= base) break;
    mant = mant * base + d;
    any = true;
    if (seenDot) fracDigits++;
  }
  if (!any) return false;
  long exp = 0;
  if (i < s.size()) {
    char e = char(std::tolower(s[i]));
    if ((hexf && e != 'p') || (!hexf && e != 'e')) return false;
    i++;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i >= s.size()) return false;
    for (; i < s.size(); i++) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      exp = exp * 10 + (s[i] - '0');
      if (exp > 100000) return false;
    }
    if (neg) exp = -exp;
  }
  BigRat r(mant);
  if (hexf) {
    long e2 = exp - 4 * fracDigits;
    if (e2 >= 0) r *= BigRat(BigInt(BigInt(1) << e2));
    else r /= BigRat(BigInt(BigInt(1) << (-e2)));
  } else {
    long e10 = exp - fracDigits;
    BigInt p = boost::multiprecision::pow(BigInt(10), unsigned(e10 < 0 ? -e10 : e10));
    if (e10 >= 0) r *= BigRat(p);
    else r /= BigRat(p);
  }
  *out = floatValue(r);
  return true;
}

bool unquote(const std::string& raw, std::string* out) {
  out->clear();
  if (raw.size() < 2) return false;
  char q = raw[0];
  if (q == '`') {
    for (size_t i = 1; i + 1 < raw.size(); i++)
      if (raw[i] != '\r') *out += raw[i];
    return raw.back() == '`';
  }
  if (q != '"' || raw.back() != '"') return false;
  std::string body = raw.substr(0, raw.size() - 1);  // escapes must not reach the closing quote
  for (size_t i = 1; i + 1 < raw.size();) {
    if (raw[i] == '\\') {
      i++;
      uint32_t r;
      bool isByte;
      if (!escape(body, &i, '"', out, &r, &isByte)) return false;
    } else {
      *out += raw[i++];
    }
  }
  return true;
}

bool parseString(const std::string& raw, ConstValue* out) {
  std::string s;
  if (!unquote(raw, &s)) return false;
  *out = makeString(std::move(s));
  return true;
}

bool parseRune(const std::string& raw, ConstValue* out) {
  if (raw.size() < 3 || raw[0] != '\'' || raw.back() != '\'') return false;
  std::string body = raw.substr(1, raw.size() - 2);
  uint32_t r;
  size_t i = 0;
  if (body[0] == '\\') {
    i = 1;
    std::string tmp;
    bool isByte;
    if (!escape(body, &i, '\'', &tmp, &r, &isByte)) return false;
  } else {
    r = decodeUtf8(body, &i);
  }
  if (i != body.size()) return false;
  *out = intValue(BigInt(r));
  return true;
}

// An imaginary literal: its digits as an integer or float literal (decimal even with a leading
// 0, as Go keeps for compatibility), times i.
bool parseImag(const std::string& raw, ConstValue* out) {
  if (raw.empty() || raw.back() != 'i') return false;
  std::string body = raw.substr(0, raw.size() - 1);
  ConstValue v;
  bool prefixed = body.size() > 1 && body[0] == '0' && std::strchr("xXbBoO", body[1]);
  bool floaty = body.find_first_of(".pP") != std::string::npos ||
                (!prefixed && body.find_first_of("eE") != std::string::npos);
  if (prefixed && !floaty) {
    if (!parseInt(body, &v)) return false;
  } else if (!parseFloat(body, &v)) {
    return false;
  }
  *out = complexValue(BigRat(0), asRat(v));
  return true;
}

}  // namespace gol::constant
