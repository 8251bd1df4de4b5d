// The hidden representation of exact constants: big integers and exact rationals.
#pragma once
#include <boost/multiprecision/cpp_int.hpp>

#include "types/const.h"

namespace gol {

using BigInt = boost::multiprecision::cpp_int;
using BigRat = boost::multiprecision::cpp_rational;

struct ConstRep {
  bool isInt = true;
  BigInt i;
  BigRat r;   // Float, or a Complex's real part
  BigRat im;  // Complex: the imaginary part
  static ConstRep ofInt(BigInt v) { ConstRep c; c.isInt = true; c.i = std::move(v); return c; }
  static ConstRep ofRat(BigRat v) { ConstRep c; c.isInt = false; c.r = std::move(v); return c; }
};

double toDouble(const ConstRep& r, int mantBits);  // nearest float64 (53) / float32 (24) value

inline ConstValue intValue(BigInt v) {
  ConstValue c;
  c.kind = ConstValue::Kind::Int;
  c.num = std::make_shared<ConstRep>(ConstRep::ofInt(std::move(v)));
  return c;
}
inline ConstValue floatValue(BigRat v) {
  ConstValue c;
  c.kind = ConstValue::Kind::Float;
  c.num = std::make_shared<ConstRep>(ConstRep::ofRat(std::move(v)));
  return c;
}
inline ConstValue complexValue(BigRat re, BigRat im) {
  ConstValue c;
  c.kind = ConstValue::Kind::Complex;
  auto rep = std::make_shared<ConstRep>(ConstRep::ofRat(std::move(re)));
  rep->im = std::move(im);
  c.num = rep;
  return c;
}
inline BigRat asImag(const ConstValue& v) {
  return v.kind == ConstValue::Kind::Complex && v.num ? v.num->im : BigRat(0);
}
inline BigRat asRat(const ConstValue& v) {
  if (!v.num) return BigRat(0);
  return v.num->isInt ? BigRat(v.num->i) : v.num->r;
}
inline BigInt asInt(const ConstValue& v) {
  if (!v.num) return BigInt(0);
  if (v.num->isInt) return v.num->i;
  return BigInt(boost::multiprecision::numerator(v.num->r) / boost::multiprecision::denominator(v.num->r));
}

}  // namespace gol
