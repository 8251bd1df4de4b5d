// Natives of package math (stdlib/math/math.gol). The exact operations Go compiles to
// instructions (Sqrt, Floor, Ceil, Trunc, Abs, Copysign, FMA) are libm's; every other function is
// Go's own algorithm (math_go_*.cpp), so that results match Go's to the last bit.
#include <cmath>
#include <cstring>

#include "native/math_go.h"
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

// Exact operations Go compiles to instructions: libm gives the same bits.
GOL_MATH1(Sqrt, std::sqrt(x))
GOL_MATH1(Abs, std::fabs(x))
GOL_MATH1(Floor, std::floor(x))
GOL_MATH1(Ceil, std::ceil(x))
GOL_MATH1(Trunc, std::trunc(x))
GOL_MATH2(Copysign, std::copysign(x, y))
// Go's own algorithms (math_go_*.cpp): libm's last bits and NaNs are not Go's.
GOL_MATH1(Round, gomath::round(x))
GOL_MATH1(RoundToEven, gomath::roundToEven(x))
GOL_MATH1(Log, gomath::log(x))
GOL_MATH1(Log2, gomath::log2(x))
GOL_MATH1(Log10, gomath::log10(x))
GOL_MATH1(Log1p, gomath::log1p(x))
GOL_MATH1(Exp, gomath::exp(x))
GOL_MATH1(Exp2, gomath::exp2(x))
GOL_MATH1(Expm1, gomath::expm1(x))
GOL_MATH1(Sin, gomath::sin(x))
GOL_MATH1(Cos, gomath::cos(x))
GOL_MATH1(Tan, gomath::tan(x))
GOL_MATH1(Asin, gomath::asin(x))
GOL_MATH1(Acos, gomath::acos(x))
GOL_MATH1(Atan, gomath::atan(x))
GOL_MATH1(Sinh, gomath::sinh(x))
GOL_MATH1(Cosh, gomath::cosh(x))
GOL_MATH1(Tanh, gomath::tanh(x))
GOL_MATH1(Asinh, gomath::asinh(x))
GOL_MATH1(Acosh, gomath::acosh(x))
GOL_MATH1(Atanh, gomath::atanh(x))
GOL_MATH1(Gamma, gomath::gamma(x))
GOL_MATH1(Erf, gomath::erf(x))
GOL_MATH1(Erfc, gomath::erfc(x))
GOL_MATH1(Cbrt, gomath::cbrt(x))
GOL_MATH2(Atan2, gomath::atan2(x, y))
GOL_MATH2(Hypot, gomath::hypot(x, y))
GOL_MATH2(Mod, gomath::mod(x, y))
GOL_MATH2(Remainder, gomath::remainder(x, y))
GOL_MATH2(Nextafter, gomath::nextafter(x, y))
GOL_MATH2(Pow, gomath::pow(x, y))
GOL_MATH2(Min, gomath::min(x, y))
GOL_MATH2(Max, gomath::max(x, y))
GOL_NATIVE(math_Pow10, "math.Pow10") { call.results[0] = Value::F(gomath::pow10(call.args[0].i)); }
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
  double frac;
  call.results[0] = Value::F(gomath::modf(call.args[0].f, frac));
  call.results[1] = Value::F(frac);
}
GOL_NATIVE(math_Frexp, "math.Frexp") {
  int64_t e;
  call.results[0] = Value::F(gomath::frexp(call.args[0].f, e));
  call.results[1] = Value::I(e);
}
GOL_NATIVE(math_Ldexp, "math.Ldexp") { call.results[0] = Value::F(gomath::ldexp(call.args[0].f, call.args[1].i)); }
GOL_NATIVE(math_Sincos, "math.Sincos") {
  double s, c;
  gomath::sincos(call.args[0].f, s, c);
  call.results[0] = Value::F(s);
  call.results[1] = Value::F(c);
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
