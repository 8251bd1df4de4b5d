// Package fmt, native side: float formatting exactly as Go's strconv.FormatFloat ('e' 'E' 'f'
// 'g' 'G' 'b' 'x' 'X', shortest round-trip digits for precision -1, float32 shortest as float32)
// and fmt's layer on top of it (sign, space and zero padding, Inf/NaN, the '#' flag).
// Decimal digits come from std::to_chars, which is exact: shortest round-trip without a
// precision, correctly rounded (ties to even on exact halves) with one.
#include <charconv>
#include <cmath>
#include <cstring>

#include "native/fmt_internal.h"

namespace gol::native::fmtimpl {

namespace {

// A decimal digit string d (no leading or trailing zeros; empty for zero) with the decimal point
// after dp digits: value = 0.d × 10^dp.
struct Digits {
  std::string d;
  int dp = 0;
};

void trim(Digits* x) {
  size_t lead = 0;
  while (lead < x->d.size() && x->d[lead] == '0') lead++;
  x->d.erase(0, lead);
  x->dp -= static_cast<int>(lead);
  while (!x->d.empty() && x->d.back() == '0') x->d.pop_back();
  if (x->d.empty()) x->dp = 0;
}

// Parses to_chars scientific output "d[.ddd]e±XX".
Digits fromScientific(const char* s, const char* end) {
  Digits x;
  const char* e = s;
  while (e < end && *e != 'e') e++;
  for (const char* p = s; p < e; p++)
    if (*p != '.') x.d += *p;
  int exp = 0;
  if (e < end) exp = std::atoi(std::string(e + 1, end).c_str());
  x.dp = exp + 1;
  trim(&x);
  return x;
}

// Parses to_chars fixed output "ddd[.ddd]".
Digits fromFixed(const char* s, const char* end) {
  Digits x;
  int intDigits = 0;
  bool seenPoint = false;
  for (const char* p = s; p < end; p++) {
    if (*p == '.') {
      seenPoint = true;
      continue;
    }
    x.d += *p;
    if (!seenPoint) intDigits++;
  }
  x.dp = intDigits;
  trim(&x);
  return x;
}

Digits shortestDigits(double a, int bitSize) {
  char tmp[64];
  std::to_chars_result r = bitSize == 32
                               ? std::to_chars(tmp, tmp + sizeof tmp, static_cast<float>(a), std::chars_format::scientific)
                               : std::to_chars(tmp, tmp + sizeof tmp, a, std::chars_format::scientific);
  return fromScientific(tmp, r.ptr);
}

Digits scientificDigits(double a, int prec) {  // prec digits after the first
  std::string tmp(static_cast<size_t>(prec) + 32, '\0');
  std::to_chars_result r = std::to_chars(tmp.data(), tmp.data() + tmp.size(), a, std::chars_format::scientific, prec);
  return fromScientific(tmp.data(), r.ptr);
}

Digits fixedDigits(double a, int prec) {
  std::string tmp(static_cast<size_t>(prec) + 330, '\0');
  std::to_chars_result r = std::to_chars(tmp.data(), tmp.data() + tmp.size(), a, std::chars_format::fixed, prec);
  return fromFixed(tmp.data(), r.ptr);
}

void fmtE(std::string& out, bool neg, const Digits& x, int prec, char fmt) {
  if (neg) out += '-';
  int nd = static_cast<int>(x.d.size());
  out += nd != 0 ? x.d[0] : '0';
  if (prec > 0) {
    out += '.';
    int i = 1;
    int m = std::min(nd, prec + 1);
    if (i < m) {
      out.append(x.d, 1, static_cast<size_t>(m - 1));
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  int exp = nd == 0 ? 0 : x.dp - 1;
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  if (exp < 10) out += '0';
  out += std::to_string(exp);
}

void fmtF(std::string& out, bool neg, const Digits& x, int prec) {
  if (neg) out += '-';
  int nd = static_cast<int>(x.d.size());
  if (x.dp > 0) {
    int m = std::min(nd, x.dp);
    out.append(x.d, 0, static_cast<size_t>(m));
    for (; m < x.dp; m++) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; i++) {
      int j = x.dp + i - 1;
      out += (j >= 0 && j < nd) ? x.d[j] : '0';
    }
  }
}

// %b: decimal mantissa "p" binary exponent.
std::string fmtB(bool neg, uint64_t mant, int exp, int mantbits) {
  std::string out;
  if (neg) out += '-';
  out += std::to_string(mant);
  out += 'p';
  exp -= mantbits;
  if (exp >= 0) out += '+';
  out += std::to_string(exp);
  return out;
}

// %x: -0x1.yyyyp±dd (hex mantissa, decimal binary exponent).
std::string fmtX(int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits) {
  if (mant == 0) exp = 0;
  mant <<= 60 - mantbits;  // leading 1 (if any) at bit 60
  while (mant != 0 && (mant & (uint64_t(1) << 60)) == 0) {
    mant <<= 1;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    unsigned shift = static_cast<unsigned>(prec * 4);
    uint64_t extra = (mant << shift) & ((uint64_t(1) << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t(1) << 59)) mant++;
    mant <<= 60 - shift;
    if (mant & (uint64_t(1) << 61)) {
      mant >>= 1;
      exp++;
    }
  }
  const char* hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  if (neg) out += '-';
  out += '0';
  out += fmt;
  out += static_cast<char>('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    out += '.';
    while (mant != 0) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  } else if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; i++) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  }
  out += fmt == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  if (exp < 10) out += '0';
  out += std::to_string(exp);
  return out;
}

}  // namespace

std::string formatFloat(double v, char fmt, int prec, int bitSize) {
  bool neg = std::signbit(v);
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return neg ? "-Inf" : "+Inf";
  if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
    uint64_t mant;
    int exp;
    int mantbits;
    if (bitSize == 32) {
      float fv = static_cast<float>(v);
      uint32_t bits;
      std::memcpy(&bits, &fv, 4);
      mantbits = 23;
      exp = static_cast<int>((bits >> 23) & 0xFF);
      mant = bits & ((1u << 23) - 1);
      if (exp == 0) {
        exp++;
      } else {
        mant |= uint64_t(1) << 23;
      }
      exp += -127;
    } else {
      uint64_t bits;
      std::memcpy(&bits, &v, 8);
      mantbits = 52;
      exp = static_cast<int>((bits >> 52) & 0x7FF);
      mant = bits & ((uint64_t(1) << 52) - 1);
      if (exp == 0) {
        exp++;
      } else {
        mant |= uint64_t(1) << 52;
      }
      exp += -1023;
    }
    if (fmt == 'b') return fmtB(neg, mant, exp, mantbits);
    return fmtX(prec, fmt, neg, mant, exp, mantbits);
  }

  double a = std::fabs(v);
  bool shortest = prec < 0;
  Digits x;
  if (shortest) {
    x = shortestDigits(a, bitSize);
    int nd = static_cast<int>(x.d.size());
    switch (fmt) {
      case 'e':
      case 'E': prec = std::max(nd - 1, 0); break;
      case 'f': prec = std::max(nd - x.dp, 0); break;
      case 'g':
      case 'G': prec = nd; break;
    }
  } else {
    switch (fmt) {
      case 'e':
      case 'E': x = scientificDigits(a, prec); break;
      case 'f': x = fixedDigits(a, prec); break;
      case 'g':
      case 'G':
        if (prec == 0) prec = 1;
        x = scientificDigits(a, prec - 1);
        break;
    }
  }

  std::string out;
  int nd = static_cast<int>(x.d.size());
  switch (fmt) {
    case 'e':
    case 'E': fmtE(out, neg, x, prec, fmt); break;
    case 'f': fmtF(out, neg, x, prec); break;
    case 'g':
    case 'G': {
      int eprec = prec;
      if (eprec > nd && nd >= x.dp) eprec = nd;
      if (shortest) eprec = 6;  // %e is used if the exponent is < -4 or >= the precision
      int exp = x.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        fmtE(out, neg, x, prec - 1, fmt == 'g' ? 'e' : 'E');
      } else {
        if (prec > x.dp) prec = nd;
        fmtF(out, neg, x, std::max(prec - x.dp, 0));
      }
      break;
    }
    default:
      out += '%';
      out += fmt;
  }
  return out;
}

// Go's fmt.fmtFloat: formats v with verb and precision (flag precision overrides), then applies
// the sign, '#', padding and zero-padding rules.
void Printer::fmtFloat(double v, int size, char32_t verb, int prec) {
  if (f.precPresent) prec = f.prec;
  char sv = verb == 'F' ? 'f' : static_cast<char>(verb);
  std::string num = "+";
  std::string body = formatFloat(v, sv, prec, size);
  if (body[0] == '-' || body[0] == '+') {
    num = body;
  } else {
    num += body;
  }
  if (f.space && num[0] == '+' && !f.plus) num[0] = ' ';
  // Infinities and NaN are not padded with zeros.
  if (num[1] == 'I' || num[1] == 'N') {
    bool oldZero = f.zero;
    f.zero = false;
    if (num[1] == 'N' && !f.space && !f.plus) num.erase(0, 1);
    pad(num);
    f.zero = oldZero;
    return;
  }
  // '#': always a decimal point; %g/%G/%v keep trailing zeros up to the precision.
  if (f.sharp && verb != 'b') {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
      digits = prec;
      if (digits == -1) digits = 6;
    }
    std::string tail;
    bool hasPoint = false, sawNonzero = false;
    for (size_t i = 1; i < num.size(); i++) {
      char c = num[i];
      if (c == '.') {
        hasPoint = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      } else {
        if (c != '0') sawNonzero = true;
        if (sawNonzero) digits--;
      }
    }
    if (!hasPoint) {
      if (num.size() == 2 && num[1] == '0') digits--;  // a lone 0 counts once
      num += '.';
    }
    while (digits > 0) {
      num += '0';
      digits--;
    }
    num += tail;
  }
  if (f.plus || num[0] != '+') {
    // Zero padding goes between the sign and the digits.
    if (f.zero && f.widPresent && f.wid > static_cast<int>(num.size())) {
      buf += num[0];
      writePadding(f.wid - static_cast<int>(num.size()));
      buf.append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

}  // namespace gol::native::fmtimpl
