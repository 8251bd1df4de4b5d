// Package fmt, native side: the formatting primitives of one verb — padding to a width counted
// in runes, integers in every base with sign/precision/zero-padding rules, %c %q %U on runes,
// strings with precision, hex of strings and bytes, and strconv-compatible quoting. Also the
// per-kind verb dispatch for booleans, integers, strings and floats (Go's print.go level).
#include "native/fmt_internal.h"
#include "native/stdlib_util.h"

namespace gol::native::fmtimpl {

namespace {
constexpr const char* kLower = "0123456789abcdefx";
constexpr const char* kUpper = "0123456789ABCDEFX";
constexpr int32_t kMaxRune = 0x10FFFF;
constexpr int32_t kRuneError = 0xFFFD;

bool validRune(int64_t r) { return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= kMaxRune); }

// Decodes one rune of s at i (0xFFFD with width 1 on invalid input), as Go's utf8 does.
int32_t decode(std::string_view s, size_t i, int* width) {
  unsigned char c = s[i];
  *width = 1;
  if (c < 0x80) return c;
  int n;
  int32_t r;
  int32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, r = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, r = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, r = c & 0x07, min = 0x10000;
  } else {
    return kRuneError;
  }
  if (i + n > s.size()) return kRuneError;
  for (int k = 1; k < n; k++) {
    unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) return kRuneError;
    r = (r << 6) | (d & 0x3F);
  }
  if (r < min || !validRune(r)) return kRuneError;
  *width = n;
  return r;
}

}  // namespace

void appendRune(std::string& out, int32_t r) {
  if (!validRune(r)) r = kRuneError;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

int runeCount(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
    } else {
      int w;
      decode(s, i, &w);
      i += w;
    }
    n++;
  }
  return n;
}

// Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols, ASCII space), shared
// with strconv and unicode (unicode_tables.cpp).
bool isPrint(int32_t r) { return uni::isPrint(r); }

bool canBackquote(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int w;
    int32_t r = decode(s, i, &w);
    i += w;
    if (w > 1) {
      if (r == 0xFEFF) return false;
      continue;
    }
    if (r == kRuneError) return false;
    if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) return false;
  }
  return true;
}

namespace {
void appendEscaped(std::string& out, int32_t r, char quote, bool asciiOnly) {
  if (r == quote || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (asciiOnly ? (r < 0x80 && isPrint(r)) : isPrint(r)) {
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
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    out += kLower[(r >> 4) & 0xF];
    out += kLower[r & 0xF];
    return;
  }
  if (!validRune(r)) r = kRuneError;
  int digits = r < 0x10000 ? 4 : 8;
  out += r < 0x10000 ? "\\u" : "\\U";
  for (int s = (digits - 1) * 4; s >= 0; s -= 4) out += kLower[(r >> s) & 0xF];
}
}  // namespace

void appendQuoted(std::string& out, std::string_view s, char quote, bool asciiOnly) {
  out += quote;
  for (size_t i = 0; i < s.size();) {
    int w;
    int32_t r = decode(s, i, &w);
    if (w == 1 && r == kRuneError) {
      unsigned char c = s[i];
      out += "\\x";
      out += kLower[c >> 4];
      out += kLower[c & 0xF];
      i++;
      continue;
    }
    appendEscaped(out, r, quote, asciiOnly);
    i += w;
  }
  out += quote;
}

void appendQuotedRune(std::string& out, int32_t r, bool asciiOnly) {
  if (!validRune(r)) r = kRuneError;
  out += '\'';
  appendEscaped(out, r, '\'', asciiOnly);
  out += '\'';
}

// ---------------------------------------------------------------- padding

void Printer::writePadding(int n) {
  if (n <= 0) return;
  buf.append(static_cast<size_t>(n), f.zero ? '0' : ' ');
}

void Printer::pad(std::string_view s) {
  if (!f.widPresent || f.wid == 0) {
    buf += s;
    return;
  }
  int width = f.wid - runeCount(s);
  if (!f.minus) {
    writePadding(width);
    buf += s;
  } else {
    buf += s;
    writePadding(width);
  }
}

void Printer::padString(std::string_view s) { pad(s); }

void Printer::fmtBoolean(bool v) { padString(v ? "true" : "false"); }

// ---------------------------------------------------------------- integers

void Printer::fmtInteger(uint64_t u, int base, bool isSigned, char32_t verb, bool upper) {
  const char* digits = upper ? kUpper : kLower;
  bool negative = isSigned && static_cast<int64_t>(u) < 0;
  if (negative) u = -u;
  int prec = 0;
  if (f.precPresent) {
    prec = f.prec;
    if (prec == 0 && u == 0) {  // precision 0 and value 0 print nothing but padding
      bool oldZero = f.zero;
      f.zero = false;
      writePadding(f.wid);
      f.zero = oldZero;
      return;
    }
  } else if (f.zero && f.widPresent) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--;  // room for the sign
  }
  // Digits right to left into a scratch buffer.
  std::string tmp;
  tmp.reserve(72 + static_cast<size_t>(prec > 0 ? prec : 0));
  switch (base) {
    case 10:
      while (u >= 10) {
        tmp += static_cast<char>('0' + u % 10);
        u /= 10;
      }
      break;
    case 16:
      while (u >= 16) {
        tmp += digits[u & 0xF];
        u >>= 4;
      }
      break;
    case 8:
      while (u >= 8) {
        tmp += static_cast<char>('0' + (u & 7));
        u >>= 3;
      }
      break;
    case 2:
      while (u >= 2) {
        tmp += static_cast<char>('0' + (u & 1));
        u >>= 1;
      }
      break;
  }
  tmp += digits[u];
  while (static_cast<int>(tmp.size()) < prec) tmp += '0';
  if (f.sharp) {
    switch (base) {
      case 2:
        tmp += 'b';
        tmp += '0';
        break;
      case 8:
        if (tmp.back() != '0') tmp += '0';
        break;
      case 16:
        tmp += digits[16];
        tmp += '0';
        break;
    }
  }
  if (verb == 'O') {
    tmp += 'o';
    tmp += '0';
  }
  if (negative) {
    tmp += '-';
  } else if (f.plus) {
    tmp += '+';
  } else if (f.space) {
    tmp += ' ';
  }
  std::string out(tmp.rbegin(), tmp.rend());
  bool oldZero = f.zero;
  f.zero = false;  // zero padding was done above as precision
  pad(out);
  f.zero = oldZero;
}

void Printer::fmt0x64(uint64_t v, bool leading0x) {
  bool sharp = f.sharp;
  f.sharp = leading0x;
  fmtInteger(v, 16, false, 'v', false);
  f.sharp = sharp;
}

void Printer::fmtUnicode(uint64_t u) {
  int prec = 4;
  if (f.precPresent && f.prec > 4) prec = f.prec;
  std::string hex;
  uint64_t x = u;
  do {
    hex += kUpper[x & 0xF];
    x >>= 4;
  } while (x != 0);
  while (static_cast<int>(hex.size()) < prec) hex += '0';
  std::string out = "U+";
  out.append(hex.rbegin(), hex.rend());
  if (f.sharp && u <= static_cast<uint64_t>(kMaxRune) && isPrint(static_cast<int32_t>(u))) {
    out += " '";
    appendRune(out, static_cast<int32_t>(u));
    out += '\'';
  }
  bool oldZero = f.zero;
  f.zero = false;
  pad(out);
  f.zero = oldZero;
}

void Printer::fmtC(uint64_t c) {
  int32_t r = c > static_cast<uint64_t>(kMaxRune) ? kRuneError : static_cast<int32_t>(c);
  std::string out;
  appendRune(out, r);
  pad(out);
}

void Printer::fmtQc(uint64_t c) {
  int32_t r = c > static_cast<uint64_t>(kMaxRune) ? kRuneError : static_cast<int32_t>(c);
  std::string out;
  if (f.sharp && isPrint(r)) {
    out += '\'';
    appendRune(out, r);
    out += '\'';
  } else {
    appendQuotedRune(out, r, f.plus);
  }
  pad(out);
}

// ---------------------------------------------------------------- strings

namespace {
std::string_view truncateRunes(std::string_view s, const Flags& f) {
  if (!f.precPresent) return s;
  int n = f.prec;
  for (size_t i = 0; i < s.size();) {
    if (n <= 0) return s.substr(0, i);
    int w;
    decode(s, i, &w);
    i += w;
    n--;
  }
  return s;
}
}  // namespace

void Printer::fmtS(std::string_view s) { padString(truncateRunes(s, f)); }

void Printer::fmtSbx(std::string_view s, bool upper) {
  const char* digits = upper ? kUpper : kLower;
  int length = static_cast<int>(s.size());
  if (f.precPresent && f.prec < length) length = f.prec;
  int width = 2 * length;
  if (width > 0) {
    if (f.space) {
      if (f.sharp) width *= 2;
      width += length - 1;
    } else if (f.sharp) {
      width += 2;
    }
  } else {
    if (f.widPresent) writePadding(f.wid);
    return;
  }
  if (f.widPresent && f.wid > width && !f.minus) writePadding(f.wid - width);
  if (f.sharp) {
    buf += '0';
    buf += digits[16];
  }
  for (int i = 0; i < length; i++) {
    if (f.space && i > 0) {
      buf += ' ';
      if (f.sharp) {
        buf += '0';
        buf += digits[16];
      }
    }
    unsigned char c = s[i];
    buf += digits[c >> 4];
    buf += digits[c & 0xF];
  }
  if (f.widPresent && f.wid > width && f.minus) writePadding(f.wid - width);
}

void Printer::fmtQ(std::string_view s) {
  s = truncateRunes(s, f);
  std::string out;
  if (f.sharp && canBackquote(s)) {
    out += '`';
    out += s;
    out += '`';
  } else {
    appendQuoted(out, s, '"', f.plus);
  }
  pad(out);
}

// ---------------------------------------------------------------- per-kind verb dispatch

void Printer::printBool(bool v, char32_t verb) {
  if (verb == 't' || verb == 'v') {
    fmtBoolean(v);
  } else {
    badVerb(verb);
  }
}

void Printer::printInteger(uint64_t v, bool isSigned, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f.sharpV && !isSigned) {
        fmt0x64(v, true);
      } else {
        fmtInteger(v, 10, isSigned, verb, false);
      }
      break;
    case 'd': fmtInteger(v, 10, isSigned, verb, false); break;
    case 'b': fmtInteger(v, 2, isSigned, verb, false); break;
    case 'o':
    case 'O': fmtInteger(v, 8, isSigned, verb, false); break;
    case 'x': fmtInteger(v, 16, isSigned, verb, false); break;
    case 'X': fmtInteger(v, 16, isSigned, verb, true); break;
    case 'c': fmtC(v); break;
    case 'q': fmtQc(v); break;
    case 'U': fmtUnicode(v); break;
    default: badVerb(verb);
  }
}

void Printer::printString(std::string_view s, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f.sharpV) {
        fmtQ(s);
      } else {
        fmtS(s);
      }
      break;
    case 's': fmtS(s); break;
    case 'x': fmtSbx(s, false); break;
    case 'X': fmtSbx(s, true); break;
    case 'q': fmtQ(s); break;
    default: badVerb(verb);
  }
}

void Printer::printFloat(double v, int size, char32_t verb) {
  switch (verb) {
    case 'v': fmtFloat(v, size, 'g', -1); break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmtFloat(v, size, verb, -1); break;
    case 'f':
    case 'e':
    case 'E':
    case 'F': fmtFloat(v, size, verb, 6); break;
    default: badVerb(verb);
  }
}

// Go's fmtComplex: "(re+imi)", each part formatted as a float of half the size, the imaginary
// part always with its sign.
void Printer::printComplex(double re, double im, int size, char32_t verb) {
  switch (verb) {
    case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e': case 'E': {
      bool oldPlus = f.plus;
      buf += '(';
      printFloat(re, size / 2, verb);
      f.plus = true;
      printFloat(im, size / 2, verb);
      buf += "i)";
      f.plus = oldPlus;
      break;
    }
    default: badVerb(verb);
  }
}

}  // namespace gol::native::fmtimpl
