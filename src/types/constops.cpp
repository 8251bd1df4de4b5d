// Constant arithmetic, comparison, shifts and representability (Go spec "Constant expressions").
#include <cmath>

#include "base/token.h"
#include "types/constrep.h"
#include "types/type.h"

namespace gol::constant {

using gol::Tok;

ConstValue makeBool(bool b) { ConstValue c; c.kind = ConstValue::Kind::Bool; c.b = b; return c; }
ConstValue makeString(std::string s) {
  ConstValue c; c.kind = ConstValue::Kind::String; c.s = std::move(s); return c;
}
ConstValue makeInt(int64_t v) { return intValue(BigInt(v)); }
ConstValue makeUint(uint64_t v) { return intValue(BigInt(v)); }
ConstValue makeFloat(double v) {
  // Exact value of the double.
  if (v == 0) return floatValue(BigRat(0));
  int e;
  double m = std::frexp(v, &e);
  BigInt mant(int64_t(std::ldexp(m, 53)));
  e -= 53;
  BigRat r = e >= 0 ? BigRat(BigInt(mant << e)) : BigRat(mant, BigInt(BigInt(1) << (-e)));
  return floatValue(r);
}

ConstValue makeComplex(const ConstValue& re, const ConstValue& im) { return complexValue(asRat(re), asRat(im)); }
ConstValue realOf(const ConstValue& v) { return floatValue(asRat(v)); }
ConstValue imagOf(const ConstValue& v) { return floatValue(asImag(v)); }
ConstValue toComplexKind(const ConstValue& v) {
  if (v.kind != ConstValue::Kind::Int && v.kind != ConstValue::Kind::Float) return v;
  return complexValue(asRat(v), BigRat(0));
}

bool isIntegral(const ConstValue& v) {
  if (v.kind == ConstValue::Kind::Int) return true;
  if (v.kind == ConstValue::Kind::Complex && v.num && v.num->im != 0) return false;
  if ((v.kind != ConstValue::Kind::Float && v.kind != ConstValue::Kind::Complex) || !v.num) return false;
  return boost::multiprecision::denominator(v.num->r) == 1;
}
ConstValue toFloatKind(const ConstValue& v) {
  if (v.kind != ConstValue::Kind::Int) return v;
  return floatValue(asRat(v));
}
ConstValue toIntKind(const ConstValue& v) {
  if (v.kind != ConstValue::Kind::Float && v.kind != ConstValue::Kind::Complex) return v;
  return intValue(asInt(v));
}
int sign(const ConstValue& v) {
  if (!v.num) return 0;
  if (v.num->isInt) return v.num->i.sign();
  if (v.kind == ConstValue::Kind::Complex && v.num->r == 0) return v.num->im.sign() != 0;  // nonzero: 1
  return v.num->r.sign();
}
int bitLen(const ConstValue& v) {
  BigInt i = asInt(v);
  if (i < 0) i = -i;
  return i == 0 ? 0 : int(boost::multiprecision::msb(i)) + 1;
}

static ConstValue intBinary(Tok op, const BigInt& a, const BigInt& b, bool* divZero) {
  switch (op) {
    case Tok::Add: return intValue(a + b);
    case Tok::Sub: return intValue(a - b);
    case Tok::Mul: return intValue(a * b);
    case Tok::Quo: case Tok::Rem:
      if (b == 0) { *divZero = true; return ConstValue{}; }
      return intValue(op == Tok::Quo ? BigInt(a / b) : BigInt(a % b));  // truncated, as Go
    case Tok::And: return intValue(a & b);
    case Tok::Or: return intValue(a | b);
    case Tok::Xor: return intValue(a ^ b);
    case Tok::AndNot: return intValue(a & ~b);
    default: return ConstValue{};
  }
}

ConstValue binary(Tok op, const ConstValue& a, const ConstValue& b, bool* divZero) {
  *divZero = false;
  using K = ConstValue::Kind;
  if (a.kind == K::Bool && b.kind == K::Bool) {
    if (op == Tok::LAnd) return makeBool(a.b && b.b);
    if (op == Tok::LOr) return makeBool(a.b || b.b);
    return ConstValue{};
  }
  if (a.kind == K::String && b.kind == K::String) {
    if (op == Tok::Add) return makeString(a.s + b.s);
    return ConstValue{};
  }
  if (a.kind == K::Int && b.kind == K::Int) return intBinary(op, asInt(a), asInt(b), divZero);
  if (a.kind == K::Complex || b.kind == K::Complex) {  // exact (a+bi) op (c+di)
    BigRat ar = asRat(a), ai = asImag(a), br = asRat(b), bi = asImag(b);
    switch (op) {
      case Tok::Add: return complexValue(ar + br, ai + bi);
      case Tok::Sub: return complexValue(ar - br, ai - bi);
      case Tok::Mul: return complexValue(ar * br - ai * bi, ar * bi + ai * br);
      case Tok::Quo: {
        BigRat d = br * br + bi * bi;
        if (d == 0) { *divZero = true; return ConstValue{}; }
        return complexValue((ar * br + ai * bi) / d, (ai * br - ar * bi) / d);
      }
      default: return ConstValue{};
    }
  }
  if ((a.kind == K::Int || a.kind == K::Float) && (b.kind == K::Int || b.kind == K::Float)) {
    BigRat x = asRat(a), y = asRat(b);
    switch (op) {
      case Tok::Add: return floatValue(x + y);
      case Tok::Sub: return floatValue(x - y);
      case Tok::Mul: return floatValue(x * y);
      case Tok::Quo:
        if (y == 0) { *divZero = true; return ConstValue{}; }
        return floatValue(x / y);
      default: return ConstValue{};
    }
  }
  return ConstValue{};
}

ConstValue shift(Tok op, const ConstValue& a, uint64_t count) {
  BigInt x = asInt(a);
  if (op == Tok::Shl) {
    if (count > 10000) count = 10000;  // callers reject huge shifts first
    return intValue(x << unsigned(count));
  }
  if (count > 100000) return intValue(x < 0 ? BigInt(-1) : BigInt(0));
  // Arithmetic shift (floor), as Go's big.Int Rsh.
  if (x >= 0) return intValue(x >> unsigned(count));
  BigInt m = -x - 1;
  return intValue(-(m >> unsigned(count)) - 1);
}

ConstValue unary(Tok op, const ConstValue& a, int unsignedBits) {
  using K = ConstValue::Kind;
  switch (op) {
    case Tok::Add: return a;
    case Tok::Sub:
      if (a.kind == K::Int) return intValue(-asInt(a));
      if (a.kind == K::Float) return floatValue(-asRat(a));
      if (a.kind == K::Complex) return complexValue(-asRat(a), -asImag(a));
      return ConstValue{};
    case Tok::Xor: {
      if (a.kind != K::Int) return ConstValue{};
      BigInt x = asInt(a);
      if (unsignedBits > 0) return intValue(x ^ ((BigInt(1) << unsignedBits) - 1));
      return intValue(-x - 1);
    }
    case Tok::Not:
      if (a.kind == K::Bool) return makeBool(!a.b);
      return ConstValue{};
    default: return ConstValue{};
  }
}

static bool cmpResult(Tok op, int c) {
  switch (op) {
    case Tok::Eql: return c == 0;
    case Tok::Neq: return c != 0;
    case Tok::Lss: return c < 0;
    case Tok::Leq: return c <= 0;
    case Tok::Gtr: return c > 0;
    case Tok::Geq: return c >= 0;
    default: return false;
  }
}

bool compare(Tok op, const ConstValue& a, const ConstValue& b) {
  using K = ConstValue::Kind;
  if (a.kind == K::Bool) return cmpResult(op, a.b == b.b ? 0 : 1);
  if (a.kind == K::String) return cmpResult(op, a.s.compare(b.s) < 0 ? -1 : a.s == b.s ? 0 : 1);
  if (a.kind == K::Int && b.kind == K::Int) {
    BigInt x = asInt(a), y = asInt(b);
    return cmpResult(op, x < y ? -1 : x == y ? 0 : 1);
  }
  if (a.kind == K::Complex || b.kind == K::Complex)  // == and != only
    return cmpResult(op, asRat(a) == asRat(b) && asImag(a) == asImag(b) ? 0 : 1);
  BigRat x = asRat(a), y = asRat(b);
  return cmpResult(op, x < y ? -1 : x == y ? 0 : 1);
}

static bool intFits(const BigInt& x, Kind k) {
  int bits = 64;
  bool uns = false;
  switch (k) {
    case Kind::Int8: bits = 8; break;
    case Kind::Int16: bits = 16; break;
    case Kind::Int32: bits = 32; break;
    case Kind::Uint8: bits = 8; uns = true; break;
    case Kind::Uint16: bits = 16; uns = true; break;
    case Kind::Uint32: bits = 32; uns = true; break;
    case Kind::Uint: case Kind::Uint64: case Kind::Uintptr: uns = true; break;
    default: break;
  }
  if (uns) return x >= 0 && x < (BigInt(1) << bits);
  BigInt lim = BigInt(1) << (bits - 1);
  return x >= -lim && x < lim;
}

bool representable(const ConstValue& v, int kindInt, ConstValue* out, const char** reason) {
  using K = ConstValue::Kind;
  Kind k = Kind(kindInt);
  *reason = "overflows";
  if (v.kind == K::Complex && k != Kind::Complex64 && k != Kind::Complex128 && k != Kind::UntypedComplex) {
    // a complex constant has a real type only when its imaginary part is 0
    if (asImag(v) != 0) {
      if (k >= Kind::Int && k <= Kind::Uintptr) *reason = "truncated";
      return false;
    }
    ConstValue re = floatValue(asRat(v));
    return representable(re, kindInt, out, reason);
  }
  switch (k) {
    case Kind::Bool: case Kind::UntypedBool:
      *out = v;
      return v.kind == K::Bool;
    case Kind::String: case Kind::UntypedString:
      *out = v;
      return v.kind == K::String;
    case Kind::UntypedInt: case Kind::UntypedRune:
      if (!isIntegral(v)) { *reason = "truncated"; return false; }
      *out = toIntKind(v);
      return true;
    case Kind::UntypedFloat:
      if (v.kind != K::Int && v.kind != K::Float) return false;
      *out = toFloatKind(v);
      return true;
    case Kind::UntypedComplex:
      if (v.kind != K::Int && v.kind != K::Float && v.kind != K::Complex) return false;
      *out = toComplexKind(v);
      return true;
    case Kind::Complex64: case Kind::Complex128: {
      if (v.kind != K::Int && v.kind != K::Float && v.kind != K::Complex) return false;
      int bits = k == Kind::Complex64 ? 24 : 53;
      double re = toDouble(ConstRep::ofRat(asRat(v)), bits), im = toDouble(ConstRep::ofRat(asImag(v)), bits);
      if (std::isinf(re) || std::isinf(im) || (k == Kind::Complex64 && (std::isinf(float(re)) || std::isinf(float(im)))))
        return false;
      *out = makeComplex(makeFloat(re), makeFloat(im));
      return true;
    }
    case Kind::Float32: case Kind::Float64: {
      if (v.kind != K::Int && v.kind != K::Float) return false;
      double d = toDouble(*toFloatKind(v).num, k == Kind::Float32 ? 24 : 53);
      if (std::isinf(d) || (k == Kind::Float32 && std::isinf(float(d)))) return false;
      *out = makeFloat(d);
      return true;
    }
    default: break;
  }
  if (k >= Kind::Int && k <= Kind::Uintptr) {
    if (v.kind != K::Int && v.kind != K::Float) return false;
    if (!isIntegral(v)) { *reason = "truncated"; return false; }
    BigInt x = asInt(v);
    *out = intValue(x);
    if (v.kind == K::Float) *reason = "truncated";  // go/types: float -> integer is always "truncated"
    return intFits(x, k);
  }
  return false;
}

}  // namespace gol::constant
