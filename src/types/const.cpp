// ConstValue: the big-number representation and the conversions the evaluator uses.
#include "types/const.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "types/constrep.h"

namespace gol {

namespace {
// Nearest double (round half to even) of n/d, n and d positive.
double ratToDouble(const BigInt& n, const BigInt& d, int mantBits) {
  if (n == 0) return 0.0;
  long nb = long(boost::multiprecision::msb(n)), db = long(boost::multiprecision::msb(d));
  long s = (mantBits + 2) - (nb - db);  // quotient gets mantBits+2 or +3 bits
  BigInt num = s >= 0 ? BigInt(n << s) : BigInt(n >> 0);
  BigInt den = s < 0 ? BigInt(d << (-s)) : d;
  BigInt q, r;
  boost::multiprecision::divide_qr(num, den, q, r);
  bool sticky = r != 0;
  long qb = long(boost::multiprecision::msb(q)) + 1;
  long exp2 = -s;  // value = q * 2^exp2
  // Keep mantBits bits; account for subnormals of the target format.
  long minExp = mantBits == 53 ? -1074 : -149;
  long drop = qb - mantBits;
  if (exp2 + drop < minExp) drop = minExp - exp2;
  if (drop > 0) {
    BigInt half = BigInt(1) << (drop - 1);
    BigInt rem = q & ((BigInt(1) << drop) - 1);
    q >>= drop;
    exp2 += drop;
    if (rem > half || (rem == half && (sticky || (q & 1) != 0))) q += 1;
  }
  return std::ldexp(q.convert_to<double>(), int(std::max<long>(std::min<long>(exp2, 4000), -4000)));
}
}  // namespace

double toDouble(const ConstRep& r, int mantBits) {
  if (r.isInt) {
    BigRat q(r.i);
    return toDouble(ConstRep::ofRat(q), mantBits);
  }
  BigInt n = boost::multiprecision::numerator(r.r), d = boost::multiprecision::denominator(r.r);
  bool neg = n < 0;
  if (neg) n = -n;
  double v = ratToDouble(n, d, mantBits);
  return neg ? -v : v;
}

int64_t ConstValue::toInt64() const {
  if (kind == Kind::Bool) return b;
  if (!num) return 0;
  BigInt i = num->isInt ? num->i : BigInt(boost::multiprecision::numerator(num->r) /
                                          boost::multiprecision::denominator(num->r));
  // Wrap to 64 bits (two's complement).
  BigInt m = i & ((BigInt(1) << 64) - 1);
  return int64_t(m.convert_to<uint64_t>());
}

uint64_t ConstValue::toUint64() const { return uint64_t(toInt64()); }

double ConstValue::toFloat64() const {
  if (!num) return 0;
  return toDouble(*num, 53);
}

float ConstValue::toFloat32() const {
  if (!num) return 0;
  return float(toDouble(*num, 24));
}

double ConstValue::realPart() const {
  if (!num) return 0;
  return toDouble(ConstRep::ofRat(asRat(*this)), 53);
}
double ConstValue::imagPart() const {
  if (!num || kind != Kind::Complex) return 0;
  return toDouble(ConstRep::ofRat(num->im), 53);
}

std::string ConstValue::toString() const {
  switch (kind) {
    case Kind::Bool: return b ? "true" : "false";
    case Kind::String: {
      std::string out = "\"";
      for (unsigned char c : s) {
        if (c == '"' || c == '\\') { out += '\\'; out += char(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof buf, "\\x%02x", c); out += buf; }
        else out += char(c);
      }
      return out + "\"";
    }
    case Kind::Int: return num ? num->i.str() : "0";
    case Kind::Float: {
      // go/constant's floatVal.String: %.6g within float64's range (%g when that hides a
      // fraction), else an approximate "m.mmmmme+N" computed from the binary exponent.
      if (!num) return "0";
      char buf[64];
      double d = toFloat64();
      BigRat r = asRat(*this);
      bool isInt = boost::multiprecision::denominator(r) == 1;
      if (d != 0 && std::isfinite(d)) {
        snprintf(buf, sizeof buf, "%.6g", d);
        if (!isInt && !strchr(buf, '.') && !strchr(buf, 'e')) snprintf(buf, sizeof buf, "%g", d);
        return buf;
      }
      if (r == 0) return "0";
      auto n = boost::multiprecision::numerator(r), q = boost::multiprecision::denominator(r);
      bool neg = n < 0;
      if (neg) n = -n;
      // r = mant * 2**exp with 0.5 <= mant < 1
      long exp = long(boost::multiprecision::msb(n)) - long(boost::multiprecision::msb(q)) + 1;
      BigRat mant = BigRat(n, q);
      if (exp > 0) mant /= BigRat(BigInt(1) << exp);
      else mant *= BigRat(BigInt(1) << -exp);
      double m = toDouble(ConstRep::ofRat(mant), 53);
      double dd = double(exp) * (std::log(2.0) / std::log(10.0));
      long e = long(dd);
      m *= std::pow(10.0, dd - double(e));
      if (std::fabs(m) < 1 - 0.5e-6) m *= 10, e--;
      else if (std::fabs(m) >= 10) m /= 10, e++;
      snprintf(buf, sizeof buf, "%s%.6ge%+ld", neg ? "-" : "", m, e);
      return buf;
    }
    case Kind::Complex: {  // go/constant: "(re + imi)" with each part spelled as a float
      ConstValue re = constant::realOf(*this), im = constant::imagOf(*this);
      return "(" + re.toString() + " + " + im.toString() + "i)";
    }
    default: return "unknown";
  }
}

}  // namespace gol
