// Natives of package math (stdlib/math/math.gol): float64 functions over libm, with Go's
// special cases where libm differs (Round half away from zero, Min/Max with NaN and ±0, Pow).
#include <cmath>
#include <cstring>

#include "native/native.h"
#include "native/stdlib_util.h"

namespace gol::native {

#define GOL_MATH1(name, expr)                                  \
  GOL_NATIVE(math_##name, "math." #name) {                     \
    double x = call.args[0].f;                                 \
    call.results[0] = Value::F(expr);                          \
  }
#define GOL_MATH2(name, expr)                                  \
  GOL_NATIVE(math_##name, "math." #name) {                     \
    double x = call.args[0].f, y = call.args[1].f;             \
    call.results[0] = Value::F(expr);                          \
  }

GOL_MATH1(Sqrt, std::sqrt(x))
GOL_MATH1(Abs, std::fabs(x))
GOL_MATH1(Floor, std::floor(x))
GOL_MATH1(Ceil, std::ceil(x))
GOL_MATH1(Trunc, std::trunc(x))
GOL_MATH1(Round, std::round(x))
GOL_MATH1(RoundToEven, std::nearbyint(x))
GOL_MATH1(Log, std::log(x))
GOL_MATH1(Log2, std::log2(x))
GOL_MATH1(Log10, std::log10(x))
GOL_MATH1(Log1p, std::log1p(x))
GOL_MATH1(Exp, std::exp(x))
GOL_MATH1(Exp2, std::exp2(x))
GOL_MATH1(Expm1, std::expm1(x))
GOL_MATH1(Sin, std::sin(x))
GOL_MATH1(Cos, std::cos(x))
GOL_MATH1(Tan, std::tan(x))
GOL_MATH1(Asin, std::asin(x))
GOL_MATH1(Acos, std::acos(x))
GOL_MATH1(Atan, std::atan(x))
GOL_MATH1(Sinh, std::sinh(x))
GOL_MATH1(Cosh, std::cosh(x))
GOL_MATH1(Tanh, std::tanh(x))
GOL_MATH1(Asinh, std::asinh(x))
GOL_MATH1(Acosh, std::acosh(x))
GOL_MATH1(Atanh, std::atanh(x))
GOL_MATH1(Gamma, std::tgamma(x))
GOL_MATH1(Erf, std::erf(x))
GOL_MATH1(Erfc, std::erfc(x))
GOL_MATH2(Atan2, std::atan2(x, y))
GOL_MATH2(Hypot, std::hypot(x, y))
GOL_MATH2(Copysign, std::copysign(x, y))
GOL_MATH2(Mod, std::fmod(x, y))
GOL_MATH2(Remainder, std::remainder(x, y))
GOL_MATH2(Nextafter, std::nextafter(x, y))

GOL_NATIVE(math_Cbrt, "math.Cbrt") {
  // glibc's cbrt is off by an ulp on exact cubes (cbrt(27) = 3.0000000000000004); one Newton
  // step in extended precision gives the correctly rounded result, as Go's Cbrt does.
  double x = call.args[0].f;
  double r = std::cbrt(x);
  if (std::isfinite(r) && r != 0) {
    long double lr = r;
    lr = lr - (lr * lr * lr - (long double)x) / (3 * lr * lr);
    r = double(lr);
  }
  call.results[0] = Value::F(r);
}
GOL_NATIVE(math_Pow, "math.Pow") {
  double x = call.args[0].f, y = call.args[1].f;
  // Go: Pow(-1, ±Inf) = 1 (as C99), Pow(x, 0) = 1 even for NaN x, Pow(1, y) = 1.
  call.results[0] = Value::F(std::pow(x, y));
}
GOL_NATIVE(math_Pow10, "math.Pow10") {
  int64_t n = call.args[0].i;
  double r = n < -323 ? 0 : n > 308 ? HUGE_VAL : std::pow(10.0, double(n));
  if (n >= 0 && n <= 22) {
    static const double p[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    r = p[n];
  }
  call.results[0] = Value::F(r);
}
GOL_NATIVE(math_Min, "math.Min") {
  double x = call.args[0].f, y = call.args[1].f;
  double r;
  if (std::isinf(x) && x < 0) r = x;
  else if (std::isinf(y) && y < 0) r = y;
  else if (std::isnan(x) || std::isnan(y)) r = std::nan("");
  else if (x == 0 && x == y) r = std::signbit(x) ? x : y;
  else r = x < y ? x : y;
  call.results[0] = Value::F(r);
}
GOL_NATIVE(math_Max, "math.Max") {
  double x = call.args[0].f, y = call.args[1].f;
  double r;
  if (std::isinf(x) && x > 0) r = x;
  else if (std::isinf(y) && y > 0) r = y;
  else if (std::isnan(x) || std::isnan(y)) r = std::nan("");
  else if (x == 0 && x == y) r = std::signbit(x) ? y : x;
  else r = x > y ? x : y;
  call.results[0] = Value::F(r);
}
GOL_NATIVE(math_Dim, "math.Dim") {
  double v = call.args[0].f - call.args[1].f;
  call.results[0] = Value::F(v <= 0 ? 0 : v);
}
GOL_NATIVE(math_Inf, "math.Inf") { call.results[0] = Value::F(call.args[0].i >= 0 ? HUGE_VAL : -HUGE_VAL); }
GOL_NATIVE(math_IsInf, "math.IsInf") {
  double f = call.args[0].f;
  int64_t sign = call.args[1].i;
  call.results[0] = Value::B((sign >= 0 && f > 1.7976931348623157e308) || (sign <= 0 && f < -1.7976931348623157e308));
}
GOL_NATIVE(math_IsNaN, "math.IsNaN") { call.results[0] = Value::B(std::isnan(call.args[0].f)); }
GOL_NATIVE(math_NaN, "math.NaN") {
  Value v;
  v.u = 0x7FF8000000000001ULL;  // Go's NaN bits
  call.results[0] = v;
}
GOL_NATIVE(math_Signbit, "math.Signbit") { call.results[0] = Value::B(std::signbit(call.args[0].f)); }
GOL_NATIVE(math_Modf, "math.Modf") {
  double ip;
  double f = call.args[0].f;
  double frac = std::modf(f, &ip);
  if (f < 1 && f > -1) {  // Go: Modf(-0.5) = (-0, -0.5)
    ip = std::copysign(0.0, f);
  }
  call.results[0] = Value::F(ip);
  call.results[1] = Value::F(frac);
}
GOL_NATIVE(math_Frexp, "math.Frexp") {
  int e;
  double fr = std::frexp(call.args[0].f, &e);
  call.results[0] = Value::F(fr);
  call.results[1] = Value::I(e);
}
GOL_NATIVE(math_Ldexp, "math.Ldexp") { call.results[0] = Value::F(std::ldexp(call.args[0].f, int(call.args[1].i))); }
GOL_NATIVE(math_Sincos, "math.Sincos") {
  call.results[0] = Value::F(std::sin(call.args[0].f));
  call.results[1] = Value::F(std::cos(call.args[0].f));
}
GOL_NATIVE(math_FMA, "math.FMA") { call.results[0] = Value::F(std::fma(call.args[0].f, call.args[1].f, call.args[2].f)); }
GOL_NATIVE(math_Float64bits, "math.Float64bits") { call.results[0] = Value::U(call.args[0].u); }
GOL_NATIVE(math_Float64frombits, "math.Float64frombits") { call.results[0] = Value::U(call.args[0].u); }
GOL_NATIVE(math_Float32bits, "math.Float32bits") {
  float f = float(call.args[0].f);
  uint32_t b;
  std::memcpy(&b, &f, 4);
  call.results[0] = Value::U(b);
}
GOL_NATIVE(math_Float32frombits, "math.Float32frombits") {
  uint32_t b = uint32_t(call.args[0].u);
  float f;
  std::memcpy(&f, &b, 4);
  call.results[0] = Value::F(double(f));
}

}  // namespace gol::native
