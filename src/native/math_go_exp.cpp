// Go's exponentials, logarithms and powers (Exp, Exp2, Expm1, Log, Log2, Log10, Log1p, Pow, Cbrt,
// Hypot, Frexp, Ldexp, Modf), written to give Go's results bit for bit. gol does not use libm
// here: glibc rounds these correctly (or nearly), Go does not, so results differ in the last bit
// and show in printed output. On amd64 Go computes Exp, Log and Hypot in assembly, with
// algorithms of their own (Exp: Shibata's method, a Taylor series of e^(r/16) squared four
// times, with fused multiply-adds when the CPU has AVX and FMA; Log: FreeBSD's polynomial in
// s = f/(2+f) without normalizing subnormals; Hypot: max*sqrt(1+(min/max)^2)); the others are
// pure Go over FreeBSD msun's algorithms. We follow each, keeping Go's operation order.
#include <emmintrin.h>

#include <cmath>
#include <initializer_list>

#include "native/math_go.h"

namespace gol::gomath {

namespace {

const double kLn2Hi = frombits(0x3fe62e42fee00000);
const double kLn2Lo = frombits(0x3dea39ef35793c76);
const double kInvLn10 = frombits(0x3fdbcb7b1526e50e);  // Go's 1/Ln10, rounded once
const double kInvLn2 = frombits(0x3ff71547652b82fe);   // Go's 1/Ln2
const uint64_t kSignMask = 1ULL << 63, kPosInf = 0x7FF0000000000000ULL, kNegInf = 0xFFF0000000000000ULL;
const uint64_t kFracMask = (1ULL << 52) - 1;

bool exp_uses_fma() {
  static const bool yes = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
  return yes;
}

// Go's normalize: subnormals scaled into the normal range, with the exponent they lost.
double normalize(double x, int64_t& exp) {
  if (std::fabs(x) < 2.2250738585072014e-308) {
    exp = -52;
    return x * 4503599627370496.0;  // 2^52
  }
  exp = 0;
  return x;
}

// r = hi - lo, |r| <= ln2/2: e^r via FreeBSD's rational approximation, scaled by 2^k.
double expmulti(double hi, double lo, int64_t k) {
  const double P1 = 1.66666666666666657415e-01, P2 = -2.77777777770155933842e-03,
               P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
               P5 = 4.13813679705723846039e-08;
  double r = hi - lo;
  double t = r * r;
  double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return ldexp(y, k);
}

bool isOddInt(double x) {
  double frac;
  double whole = modf(x, frac);
  return frac == 0 && (toInt64(whole) & 1) == 1;
}

}  // namespace

double exp(double x) {
  const double kLn2U = 0.69314718055966295651160180568695068359375;
  const double kLn2L = 0.28235290563031577122588448175013436025525412068e-12;
  const double kLog2E = 1.4426950408889634073599246810018920;
  const double kOverflow = 7.09782712893384e+02;
  const double c[] = {0.5,
                      1.0,
                      2.0,
                      1.6666666666666666667e-1,
                      4.1666666666666666667e-2,
                      8.3333333333333333333e-3,
                      1.3888888888888888889e-3,
                      1.9841269841269841270e-4,
                      2.4801587301587301587e-5};
  uint64_t b = bits(x);
  if ((b & ~kSignMask) >= kPosInf) return b == kNegInf ? 0 : x;
  if (x > kOverflow) return inf(1);
  int32_t k = _mm_cvtsd_si32(_mm_set_sd(kLog2E * x));  // rounds to nearest, as CVTSD2SL does
  double kf = double(k), y;
  if (exp_uses_fma()) {
    x = std::fma(-kf, kLn2U, x);
    x = std::fma(-kf, kLn2L, x);
    x *= 0.0625;
    y = c[8];
    for (int i : {7, 6, 5, 4, 3, 0, 1}) y = std::fma(y, x, c[i]);
    x *= y;
    for (int i = 0; i < 3; i++) x *= x + 2.0;
    x = std::fma(x + 2.0, x, 1.0);
  } else {
    x -= kf * kLn2U;
    x -= kf * kLn2L;
    x *= 0.0625;
    y = c[8];
    for (int i : {7, 6, 5, 4, 3, 0, 1}) y = y * x + c[i];
    x *= y;
    for (int i = 0; i < 4; i++) x *= x + 2.0;  // (e^r - 1)(e^r + 1) = e^2r - 1
    x += 1.0;
  }
  // The result times 2^k, built in the exponent field; below the normal range in two steps.
  int32_t biased = k + 0x3FF;
  if (biased <= 0) {
    if (biased < -52) return 0;
    x *= frombits(uint64_t(biased + 0x3FE) << 52);
    biased = 1;
  } else if (biased >= 0x7FF) {
    return inf(1);
  }
  return x * frombits(uint64_t(biased) << 52);
}

double log(double x) {
  const double kHalfSqrt2 = 7.07106781186547524401e-01;
  const double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01, L3 = 2.857142874366239149e-01,
               L4 = 2.222219843214978396e-01, L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
               L7 = 1.479819860511658591e-01;
  uint64_t b = bits(x);
  if ((b & ~kSignMask) == 0) return inf(-1);
  if (int64_t(b) < 0) return nan();
  if (b >= kPosInf) return x;
  // x = f1 * 2^k with f1 in [0.5, 1) taken from the bits as they are (subnormals too).
  double f1 = frombits((b & kFracMask) | 0x3FE0000000000000ULL);
  double k = double(int32_t((b >> 52) & 0x7FF) - 0x3FE);
  if (f1 <= kHalfSqrt2) {
    k -= 1;
    f1 *= 2;
  }
  double f = f1 - 1;
  double s = f / (2 + f);
  double s2 = s * s, s4 = s2 * s2;
  double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
  double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
  double R = t1 + t2;
  double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (hfsq + R) + k * kLn2Lo)) - f);
}

double hypot(double p, double q) {
  uint64_t pb = bits(p) & ~kSignMask, qb = bits(q) & ~kSignMask;
  if (pb >= kPosInf || qb >= kPosInf) return pb == kPosInf || qb == kPosInf ? inf(1) : nan();
  if ((pb | qb) == 0) return 0;
  double a = frombits(pb), c = frombits(qb);
  double big = a > c ? a : c, small = a > c ? c : a;
  small /= big;
  return big * __builtin_sqrt(small * small + 1.0);
}

double exp2(double x) {
  if (isNaN(x) || isInf(x, 1)) return x;
  if (isInf(x, -1)) return 0;
  if (x > 1.0239999999999999e+03) return inf(1);
  if (x < -1.0740e+03) return 0;
  int64_t k = 0;
  if (x > 0) k = int64_t(x + 0.5);
  if (x < 0) k = int64_t(x - 0.5);
  double t = x - double(k);
  return expmulti(t * kLn2Hi, -t * kLn2Lo, k);
}

double expm1(double x) {
  const double kOverflow = 7.09782712893383973096e+02, kLn2X56 = 3.88162421113569373274e+01,
               kLn2HalfX3 = 1.03972077083991796413e+00, kLn2Half = 3.46573590279972654709e-01,
               kInvLn2e = 1.44269504088896338700e+00, kTiny = 0x1p-54;
  const double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
               Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
               Q5 = -2.01099218183624371326e-07;
  if (isInf(x, 1) || isNaN(x)) return x;
  if (isInf(x, -1)) return -1;
  bool negative = x < 0;
  double absx = negative ? -x : x;
  if (absx >= kLn2X56) {
    if (negative) return -1;
    if (absx >= kOverflow) return inf(1);
  }
  double c = 0;
  int64_t k = 0;
  if (absx > kLn2Half) {  // x = hi - lo + k ln2 with |hi - lo| <= ln2/2
    double hi, lo;
    if (absx < kLn2HalfX3) {
      hi = negative ? x + kLn2Hi : x - kLn2Hi;
      lo = negative ? -kLn2Lo : kLn2Lo;
      k = negative ? -1 : 1;
    } else {
      k = negative ? int64_t(kInvLn2e * x - 0.5) : int64_t(kInvLn2e * x + 0.5);
      double t = double(k);
      hi = x - t * kLn2Hi;
      lo = t * kLn2Lo;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (absx < kTiny) {
    return x;
  }
  double hfx = 0.5 * x;
  double hxs = x * hfx;
  double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  double t = 3 - r1 * hfx;
  double e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k == 0) return x - (x * e - hxs);
  e = (x * (e - c) - c);
  e -= hxs;
  auto addExponent = [](double y, int64_t k) { return frombits(bits(y) + (uint64_t(k) << 52)); };
  if (k == -1) return 0.5 * (x - e) - 0.5;
  if (k == 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) return addExponent(1 - (e - x), k) - 1;
  if (k < 20) {
    double one_minus = frombits(0x3ff0000000000000ULL - (0x20000000000000ULL >> k));  // 1 - 2^-k
    return addExponent(one_minus - (e - x), k);
  }
  double y = x - (e + frombits(uint64_t(0x3ff - k) << 52));
  y++;
  return addExponent(y, k);
}

double log10(double x) { return log(x) * kInvLn10; }

double log2(double x) {
  int64_t e;
  double frac = frexp(x, e);
  if (frac == 0.5) return double(e - 1);  // exact powers of two are exact
  return log(frac) * kInvLn2 + double(e);
}

double log1p(double x) {
  const double kSqrt2M1 = 4.142135623730950488017e-01, kSqrt2HalfM1 = -2.928932188134524755992e-01;
  const double Lp1 = 6.666666666666735130e-01, Lp2 = 3.999999999940941908e-01, Lp3 = 2.857142874366239149e-01,
               Lp4 = 2.222219843214978396e-01, Lp5 = 1.818357216161805012e-01, Lp6 = 1.531383769920937332e-01,
               Lp7 = 1.479819860511658591e-01;
  if (x < -1 || isNaN(x)) return nan();
  if (x == -1) return inf(-1);
  if (isInf(x, 1)) return inf(1);
  double absx = std::fabs(x), f = 0, c = 0;
  uint64_t iu = 0;
  int64_t k = 1;
  if (absx < kSqrt2M1) {
    if (absx < 0x1p-29) return absx < 0x1p-54 ? x : x - x * x * 0.5;
    if (x > kSqrt2HalfM1) {
      k = 0;
      f = x;
      iu = 1;
    }
  }
  if (k != 0) {  // 1+x = 2^k * u with u in [sqrt(2)/2, sqrt(2)), c the rounding error of 1+x
    double u;
    if (absx < 0x1p53) {
      u = 1.0 + x;
      iu = bits(u);
      k = int64_t((iu >> 52) - 1023);
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      iu = bits(u);
      k = int64_t((iu >> 52) - 1023);
      c = 0;
    }
    iu &= kFracMask;
    if (iu < 0x0006a09e667f3bcdULL) {
      u = frombits(iu | 0x3ff0000000000000ULL);
    } else {
      k++;
      u = frombits(iu | 0x3fe0000000000000ULL);
      iu = (0x0010000000000000ULL - iu) >> 2;
    }
    f = u - 1.0;
  }
  double hfsq = 0.5 * f * f;
  double kf = double(k);
  if (iu == 0) {  // |f| < 2^-20
    if (f == 0) {
      if (k == 0) return 0;
      c += kf * kLn2Lo;
      return kf * kLn2Hi + c;
    }
    double R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k == 0) return f - R;
    return kf * kLn2Hi - ((R - (kf * kLn2Lo + c)) - f);
  }
  double s = f / (2.0 + f);
  double z = s * s;
  double R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
  if (k == 0) return f - (hfsq - s * (hfsq + R));
  return kf * kLn2Hi - ((hfsq - (s * (hfsq + R) + (kf * kLn2Lo + c))) - f);
}

double pow(double x, double y) {
  if (y == 0 || x == 1) return 1;
  if (y == 1) return x;
  if (isNaN(x) || isNaN(y)) return nan();
  if (x == 0) {
    if (y < 0) return isOddInt(y) ? std::copysign(inf(1), x) : inf(1);
    if (y > 0) return isOddInt(y) ? x : 0;
  } else if (isInf(y, 0)) {
    if (x == -1) return 1;
    return (std::fabs(x) < 1) == isInf(y, 1) ? 0 : inf(1);
  } else if (isInf(x, 0)) {
    if (isInf(x, -1)) return pow(1 / x, -y);  // Pow(-0, -y)
    if (y < 0) return 0;
    if (y > 0) return inf(1);
  } else if (y == 0.5) {
    return __builtin_sqrt(x);
  } else if (y == -0.5) {
    return 1 / __builtin_sqrt(x);
  }
  double yf;
  double yi = modf(std::fabs(y), yf);
  if (yf != 0 && x < 0) return nan();
  if (yi >= 0x1p63) {  // y is an even integer too large for the loop below
    if (x == -1) return 1;
    return (std::fabs(x) < 1) == (y > 0) ? 0 : inf(1);
  }
  // x^y = e^(yf ln x) * x^yi, the integer power by repeated squaring of x's mantissa with its
  // exponent kept apart so that nothing overflows before the end.
  double a1 = 1.0;
  int64_t ae = 0;
  if (yf != 0) {
    if (yf > 0.5) {
      yf--;
      yi++;
    }
    a1 = exp(yf * log(x));
  }
  int64_t xe;
  double x1 = frexp(x, xe);
  for (int64_t i = int64_t(yi); i != 0; i >>= 1) {
    if (xe < -(1 << 12) || (1 << 12) < xe) {
      ae += xe;
      break;
    }
    if ((i & 1) == 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < .5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

double cbrt(double x) {
  const uint64_t B1 = 715094163, B2 = 696219795;
  const double C = 5.42857142857142815906e-01, D = -7.05306122448979611050e-01,
               E = 1.41428571428571436819e+00, F = 1.60714285714285720630e+00, G = 3.57142857142857150787e-01;
  if (x == 0 || isNaN(x) || isInf(x, 0)) return x;
  bool negative = x < 0;
  if (negative) x = -x;
  // A first guess from the exponent bits divided by 3, polished to 35 bits, rounded to 21 bits
  // (so that t*t is exact), then one Newton step.
  double t = frombits(bits(x) / 3 + (B1 << 32));
  if (x < 2.22507385850720138309e-308) {
    t = 18014398509481984.0;  // 2^54
    t *= x;
    t = frombits(bits(t) / 3 + (B2 << 32));
  }
  double r = t * t / x;
  double s = C + r * t;
  t *= G + F / (s + E + D / s);
  t = frombits((bits(t) & (0xFFFFFFFFCULL << 28)) + (1ULL << 30));
  s = t * t;
  r = x / s;
  double w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return negative ? -t : t;
}

double frexp(double f, int64_t& exp) {
  exp = 0;
  if (f == 0 || isInf(f, 0) || isNaN(f)) return f;
  f = normalize(f, exp);
  uint64_t x = bits(f);
  exp += int64_t((x >> 52) & 0x7FF) - 1023 + 1;
  x &= ~(0x7FFULL << 52);
  x |= uint64_t(1023 - 1) << 52;
  return frombits(x);
}

double ldexp(double frac, int64_t exp) {
  if (frac == 0 || isInf(frac, 0) || isNaN(frac)) return frac;
  int64_t e;
  frac = normalize(frac, e);
  exp += e;
  uint64_t x = bits(frac);
  exp += int64_t((x >> 52) & 0x7FF) - 1023;
  if (exp < -1075) return std::copysign(0, frac);
  if (exp > 1023) return frac < 0 ? inf(-1) : inf(1);
  double m = 1;
  if (exp < -1022) {  // subnormal: build it 2^53 higher and scale down, one rounding
    exp += 53;
    m = 0x1p-53;
  }
  x &= ~(0x7FFULL << 52);
  x |= uint64_t(exp + 1023) << 52;
  return m * frombits(x);
}

double modf(double f, double& frac) {
  if (f < 1) {
    if (f < 0) {
      double whole = modf(-f, frac);
      frac = -frac;
      return -whole;
    }
    if (f == 0) {  // ±0, ±0
      frac = f;
      return f;
    }
    frac = f;
    return 0;
  }
  uint64_t x = bits(f);
  unsigned e = unsigned((x >> 52) & 0x7FF) - 1023;
  if (e < 64 - 12) x &= ~((1ULL << (64 - 12 - e)) - 1);  // clear the fraction bits
  double whole = frombits(x);
  frac = f - whole;  // Inf - Inf is NaN: Go's Modf(±Inf) = ±Inf, NaN
  return whole;
}

}  // namespace gol::gomath
