// Go's float64 algorithms of package math, computed the way Go 1.19 computes them on amd64, so that
// gol's math results are Go's to the last bit (math_go_*.cpp say why gol leaves libm there).
// Only what Go itself leaves to the hardware stays on it: Sqrt, Floor, Ceil, Trunc, Abs, Copysign
// and FMA are exact operations that Go compiles to instructions, and libm gives the same bits.
#pragma once
#include <cstdint>
#include <cstring>

namespace gol::gomath {

inline uint64_t bits(double x) {
  uint64_t b;
  std::memcpy(&b, &x, 8);
  return b;
}
inline double frombits(uint64_t b) {
  double x;
  std::memcpy(&x, &b, 8);
  return x;
}
// Go's NaN() has its own bits, unlike the NaN an invalid operation produces on x86.
inline double nan() { return frombits(0x7FF8000000000001ULL); }
inline double inf(int sign) { return frombits(sign >= 0 ? 0x7FF0000000000000ULL : 0xFFF0000000000000ULL); }
inline bool isNaN(double x) { return x != x; }
inline bool isInf(double x, int sign) {
  return (sign >= 0 && x > 1.7976931348623157e308) || (sign <= 0 && x < -1.7976931348623157e308);
}
// Go's float64 → int64 conversion on amd64 (CVTTSD2SQ): out of range it is the minimum int64,
// which Go code relies on without saying so (isOddInt of a huge float).
int64_t toInt64(double x);

double sin(double x);
double cos(double x);
double tan(double x);
void sincos(double x, double& s, double& c);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);

double exp(double x);
double exp2(double x);
double expm1(double x);
double log(double x);
double log2(double x);
double log10(double x);
double log1p(double x);
double pow(double x, double y);
double cbrt(double x);
double hypot(double p, double q);
double frexp(double f, int64_t& exp);
double ldexp(double frac, int64_t exp);
double modf(double f, double& frac);

double sinh(double x);
double cosh(double x);
double tanh(double x);
double asinh(double x);
double acosh(double x);
double atanh(double x);
double gamma(double x);
double erf(double x);
double erfc(double x);
double pow10(int64_t n);
double mod(double x, double y);
double remainder(double x, double y);
double round(double x);
double roundToEven(double x);
double min(double x, double y);
double max(double x, double y);
double nextafter(double x, double y);

}  // namespace gol::gomath
