// Go's hyperbolic functions, Gamma, Erf, Erfc, Pow10 and the exact operations whose special
// values Go defines in its own way (Mod, Remainder, Round, RoundToEven, Min, Max, Nextafter), all
// giving Go's results bit for bit. gol does not use libm here: the hyperbolic functions, Gamma
// and Erf are Cephes' and FreeBSD's algorithms over Go's own Exp and Log, so their last bits
// differ from glibc's; Pow10 multiplies two table entries rather than rounding 10^n once; and
// where Go returns NaN() it has Go's NaN bits, not the x86 default NaN libm gives.
#include <cmath>

#include "native/math_go.h"

namespace gol::gomath {

namespace {

const double kPi = frombits(0x400921fb54442d18);
const double kLn2 = frombits(0x3fe62e42fefa39ef);

// Stirling's formula for Gamma(x), x > 33, as two factors so that the caller can avoid overflow.
void stirling(double x, double& y1, double& y2) {
  const double S[] = {7.87311395793093628397e-04, -2.29549961613378126380e-04, -2.68132617805781232825e-03,
                      3.47222221605458667310e-03, 8.33333333333482257126e-02};
  const double kSqrtTwoPi = 2.506628274631000502417, kMaxStirling = 143.01608;
  if (x > 200) {
    y1 = inf(1), y2 = 1;
    return;
  }
  double w = 1 / x;
  w = 1 + w * ((((S[0] * w + S[1]) * w + S[2]) * w + S[3]) * w + S[4]);
  y1 = exp(x);
  y2 = 1.0;
  if (x > kMaxStirling) {  // x^(x-0.5) would overflow: x^(x/2-1/4) twice
    double v = pow(x, 0.5 * x - 0.25);
    y2 = v / y1;
    y1 = v;
  } else {
    y1 = pow(x, x - 0.5) / y1;
  }
  y2 = kSqrtTwoPi * w * y2;
}

bool isNegInt(double x) {
  if (!(x < 0)) return false;
  double frac;
  modf(x, frac);
  return frac == 0;
}

// The rational approximations of erf and erfc on [0.84375, 1.25) and of erfc's e^(-x^2) factor
// beyond, shared by Erf and Erfc (FreeBSD's s_erf.c coefficients).
const double kErx = 8.45062911510467529297e-01;
const double pp[] = {1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
                     -5.77027029648944159157e-03, -2.37630166566501626084e-05};
const double qq[] = {0,
                     3.97917223959155352819e-01,
                     6.50222499887672944485e-02,
                     5.08130628187576562776e-03,
                     1.32494738004321644526e-04,
                     -3.96022827877536812320e-06};
const double pa[] = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,  -3.72207876035701323847e-01,
                     3.18346619901161753674e-01,  -1.10894694282396677476e-01, 3.54783043256182359371e-02,
                     -2.16637559486879084300e-03};
const double qa[] = {0,
                     1.06420880400844228286e-01,
                     5.40397917702171048937e-01,
                     7.18286544141962662868e-02,
                     1.26171219808761642112e-01,
                     1.36370839120290507362e-02,
                     1.19844998467991074170e-02};
const double ra[] = {-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
                     -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
                     -8.12874355063065934246e+01, -9.81432934416914548592e+00};
const double sa[] = {0,
                     1.96512716674392571292e+01,
                     1.37657754143519042600e+02,
                     4.34565877475229228821e+02,
                     6.45387271733267880336e+02,
                     4.29008140027567833386e+02,
                     1.08635005541779435134e+02,
                     6.57024977031928170135e+00,
                     -6.04244152148580987438e-02};
const double rb[] = {-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
                     -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
                     -4.83519191608651397019e+02};
const double sb[] = {0,
                     3.03380607434824582924e+01,
                     3.25792512996573918826e+02,
                     1.53672958608443695994e+03,
                     3.19985821950859553908e+03,
                     2.55305040643316442583e+03,
                     4.74528541206955367215e+02,
                     -2.24409524465858183362e+01};

// erf(x) = x + x*y on [0, 0.84375): y's rational function of z = x*x.
double erfSmallRatio(double z) {
  double r = pp[0] + z * (pp[1] + z * (pp[2] + z * (pp[3] + z * pp[4])));
  double s = 1 + z * (qq[1] + z * (qq[2] + z * (qq[3] + z * (qq[4] + z * qq[5]))));
  return r / s;
}
// P/Q around 1, with s = x - 1.
double erfNearOne(double s) {
  double P = pa[0] + s * (pa[1] + s * (pa[2] + s * (pa[3] + s * (pa[4] + s * (pa[5] + s * pa[6])))));
  double Q = 1 + s * (qa[1] + s * (qa[2] + s * (qa[3] + s * (qa[4] + s * (qa[5] + s * qa[6])))));
  return P / Q;
}
// erfc(x) * x for x in [1.25, 28): e^(-x^2 - 0.5625 + R/S) in two exponentials so that the
// squaring of x loses nothing (z is x with its low 32 bits cleared).
double erfcTail(double x) {
  double s = 1 / (x * x), R, S;
  if (x < frombits(0x4006db6db6db6db7)) {  // 1/0.35
    R = ra[0] + s * (ra[1] + s * (ra[2] + s * (ra[3] + s * (ra[4] + s * (ra[5] + s * (ra[6] + s * ra[7]))))));
    S = 1 +
        s * (sa[1] +
             s * (sa[2] + s * (sa[3] + s * (sa[4] + s * (sa[5] + s * (sa[6] + s * (sa[7] + s * sa[8])))))));
  } else {
    R = rb[0] + s * (rb[1] + s * (rb[2] + s * (rb[3] + s * (rb[4] + s * (rb[5] + s * rb[6])))));
    S = 1 + s * (sb[1] + s * (sb[2] + s * (sb[3] + s * (sb[4] + s * (sb[5] + s * (sb[6] + s * sb[7]))))));
  }
  double z = frombits(bits(x) & 0xffffffff00000000ULL);
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + R / S);
}

}  // namespace

double sinh(double x) {
  const double P0 = -0.6307673640497716991184787251e+6, P1 = -0.8991272022039509355398013511e+5,
               P2 = -0.2894211355989563807284660366e+4, P3 = -0.2630563213397497062819489e+2;
  const double Q0 = -0.6307673640497716991212077277e+6, Q1 = 0.1521517378790019070696485176e+5,
               Q2 = -0.173678953558233699533450911e+3;
  bool negative = x < 0;
  if (negative) x = -x;
  double t;
  if (x > 21) {
    t = exp(x) * 0.5;
  } else if (x > 0.5) {
    double ex = exp(x);
    t = (ex - 1 / ex) * 0.5;
  } else {
    double sq = x * x;
    t = (((P3 * sq + P2) * sq + P1) * sq + P0) * x;
    t = t / (((sq + Q2) * sq + Q1) * sq + Q0);
  }
  return negative ? -t : t;
}

double cosh(double x) {
  x = std::fabs(x);
  if (x > 21) return exp(x) * 0.5;
  double ex = exp(x);
  return (ex + 1 / ex) * 0.5;
}

double tanh(double x) {
  const double P[] = {-9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3};
  const double Q[] = {1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3};
  const double kMaxLog = 8.8029691931113054295988e+01;  // log(2^127)
  double z = std::fabs(x);
  if (z > 0.5 * kMaxLog) return x < 0 ? -1 : 1;
  if (z >= 0.625) {
    double s = exp(2 * z);
    z = 1 - 2 / (s + 1);
    return x < 0 ? -z : z;
  }
  if (x == 0) return x;
  double s = x * x;
  return x + x * s * ((P[0] * s + P[1]) * s + P[2]) / (((s + Q[0]) * s + Q[1]) * s + Q[2]);
}

double asinh(double x) {
  if (isNaN(x) || isInf(x, 0)) return x;
  bool negative = x < 0;
  if (negative) x = -x;
  double t;
  if (x > 0x1p28) {
    t = log(x) + kLn2;
  } else if (x > 2) {
    t = log(2 * x + 1 / (__builtin_sqrt(x * x + 1) + x));
  } else if (x < 0x1p-28) {
    t = x;
  } else {
    t = log1p(x + x * x / (1 + __builtin_sqrt(1 + x * x)));
  }
  return negative ? -t : t;
}

double acosh(double x) {
  if (x < 1 || isNaN(x)) return nan();
  if (x == 1) return 0;
  if (x >= 0x1p28) return log(x) + kLn2;
  if (x > 2) return log(2 * x - 1 / (x + __builtin_sqrt(x * x - 1)));
  double t = x - 1;
  return log1p(t + __builtin_sqrt(2 * t + t * t));
}

double atanh(double x) {
  if (x < -1 || x > 1 || isNaN(x)) return nan();
  if (x == 1) return inf(1);
  if (x == -1) return inf(-1);
  bool negative = x < 0;
  if (negative) x = -x;
  double t;
  if (x < 0x1p-28) {
    t = x;
  } else if (x < 0.5) {
    t = x + x;
    t = 0.5 * log1p(t + t * x / (1 - x));
  } else {
    t = 0.5 * log1p((x + x) / (1 - x));
  }
  return negative ? -t : t;
}

double gamma(double x) {
  const double P[] = {1.60119522476751861407e-04, 1.19135147006586384913e-03, 1.04213797561761569935e-02,
                      4.76367800457137231464e-02, 2.07448227648435975150e-01, 4.94214826801497100753e-01,
                      9.99999999999999996796e-01};
  const double Q[] = {-2.31581873324120129819e-05, 5.39605580493303397842e-04, -4.45641913851797240494e-03,
                      1.18139785222060435552e-02,  3.58236398605498653373e-02, -2.34591795718243348568e-01,
                      7.14304917030273074085e-02,  1.00000000000000000320e+00};
  const double kEuler = frombits(0x3fe2788cfc6fb619);
  if (isNegInt(x) || isInf(x, -1) || isNaN(x)) return nan();
  if (isInf(x, 1)) return inf(1);
  if (x == 0) return std::signbit(x) ? inf(-1) : inf(1);
  double q = std::fabs(x), p = std::floor(q);
  if (q > 33) {
    double y1, y2;
    if (x >= 0) {
      stirling(x, y1, y2);
      return y1 * y2;
    }
    // The reflection formula Gamma(x) = -pi / (x sin(pi x) Gamma(-x)).
    int sign = (toInt64(p) & 1) == 0 ? -1 : 1;
    double z = q - p;
    if (z > 0.5) {
      p = p + 1;
      z = q - p;
    }
    z = q * sin(kPi * z);
    if (z == 0) return inf(sign);
    stirling(q, y1, y2);
    double absz = std::fabs(z);
    double d = absz * y1 * y2;
    z = isInf(d, 0) ? kPi / absz / y1 / y2 : kPi / d;
    return double(sign) * z;
  }
  // Shift x into [2, 3) multiplying (or dividing) the factors out, then a rational function.
  double z = 1.0;
  while (x >= 3) {
    x = x - 1;
    z = z * x;
  }
  bool small = false;
  while (!small && x < 0) {
    if (x > -1e-09)
      small = true;
    else
      z = z / x, x = x + 1;
  }
  while (!small && x < 2) {
    if (x < 1e-09)
      small = true;
    else
      z = z / x, x = x + 1;
  }
  if (small) return x == 0 ? inf(1) : z / ((1 + kEuler * x) * x);
  if (x == 2) return z;
  x = x - 2;
  p = (((((x * P[0] + P[1]) * x + P[2]) * x + P[3]) * x + P[4]) * x + P[5]) * x + P[6];
  q = ((((((x * Q[0] + Q[1]) * x + Q[2]) * x + Q[3]) * x + Q[4]) * x + Q[5]) * x + Q[6]) * x + Q[7];
  return z * p / q;
}

double erf(double x) {
  const double kEfx = 1.28379167095512586316e-01, kEfx8 = 1.02703333676410069053e+00;
  if (isNaN(x)) return nan();
  if (isInf(x, 1)) return 1;
  if (isInf(x, -1)) return -1;
  bool negative = x < 0;
  if (negative) x = -x;
  if (x < 0.84375) {
    double t;
    if (x < 0x1p-28) {
      t = x < 2.848094538889218e-306 ? 0.125 * (8.0 * x + kEfx8 * x) : x + kEfx * x;
    } else {
      t = x + x * erfSmallRatio(x * x);
    }
    return negative ? -t : t;
  }
  if (x < 1.25) {
    double r = erfNearOne(x - 1);
    return negative ? -kErx - r : kErx + r;
  }
  if (x >= 6) return negative ? -1 : 1;
  double r = erfcTail(x);
  return negative ? r / x - 1 : 1 - r / x;
}

double erfc(double x) {
  if (isNaN(x)) return nan();
  if (isInf(x, 1)) return 0;
  if (isInf(x, -1)) return 2;
  bool negative = x < 0;
  if (negative) x = -x;
  if (x < 0.84375) {
    double t;
    if (x < 0x1p-56) {
      t = x;
    } else {
      double y = erfSmallRatio(x * x);
      t = x < 0.25 ? x + x * y : 0.5 + (x * y + (x - 0.5));
    }
    return negative ? 1 + t : 1 - t;
  }
  if (x < 1.25) {
    double r = erfNearOne(x - 1);
    return negative ? 1 + kErx + r : 1 - kErx - r;
  }
  if (x < 28) {
    if (negative && x > 6) return 2;
    double r = erfcTail(x);
    return negative ? 2 - r / x : r / x;
  }
  return negative ? 2 : 0;
}

double pow10(int64_t n) {
  static const double small[] = {1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09, 1e10,
                                 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21,
                                 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
  static const double up32[] = {1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288};
  static const double down32[] = {1e-00,  1e-32,  1e-64,  1e-96,  1e-128, 1e-160,
                                  1e-192, 1e-224, 1e-256, 1e-288, 1e-320};
  if (0 <= n && n <= 308) return up32[n / 32] * small[n % 32];
  if (-323 <= n && n <= 0) return down32[-n / 32] / small[-n % 32];
  return n > 0 ? inf(1) : 0;
}

double mod(double x, double y) {
  if (y == 0 || isInf(x, 0) || isNaN(x) || isNaN(y)) return nan();
  y = std::fabs(y);
  int64_t yexp, rexp;
  double yfr = frexp(y, yexp);
  double r = x < 0 ? -x : x;
  while (r >= y) {  // subtract the largest y*2^n below r: each step is exact
    double rfr = frexp(r, rexp);
    if (rfr < yfr) rexp = rexp - 1;
    r = r - ldexp(y, rexp - yexp);
  }
  return x < 0 ? -r : r;
}

double remainder(double x, double y) {
  const double kTiny = 4.45014771701440276618e-308;  // 2^-1021
  const double kHalfMax = frombits(0x7fdfffffffffffff);
  if (isNaN(x) || isNaN(y) || isInf(x, 0) || y == 0) return nan();
  if (isInf(y, 0)) return x;
  bool negative = x < 0;
  if (negative) x = -x;
  if (y < 0) y = -y;
  if (x == y) return negative ? -0.0 : 0;
  if (y <= kHalfMax) x = mod(x, y + y);  // x < 2y
  if (y < kTiny) {
    if (x + x > y) {
      x -= y;
      if (x + x >= y) x -= y;
    }
  } else {
    double yHalf = 0.5 * y;
    if (x > yHalf) {
      x -= y;
      if (x >= yHalf) x -= y;
    }
  }
  return negative ? -x : x;
}

// Round and RoundToEven on the bits, as Go does (a signaling NaN stays signaling).
double round(double x) {
  uint64_t b = bits(x);
  unsigned e = unsigned(b >> 52) & 0x7FF;
  if (e < 1023) {
    b &= 1ULL << 63;
    if (e == 1022) b |= 0x3FF0000000000000ULL;  // |x| in [0.5, 1): ±1
  } else if (e < 1023 + 52) {
    e -= 1023;
    b += (1ULL << 51) >> e;
    b &= ~(((1ULL << 52) - 1) >> e);
  }
  return frombits(b);
}

double roundToEven(double x) {
  uint64_t b = bits(x);
  unsigned e = unsigned(b >> 52) & 0x7FF;
  if (e >= 1023) {
    e -= 1023;
    if (e < 64) {  // Go's shifts of 64 or more give 0: e is at most 1024 (Inf, NaN)
      uint64_t odd = e <= 52 ? (b >> (52 - e)) & 1 : 0;
      b += (((1ULL << 51) - 1) + odd) >> e;
      b &= ~(((1ULL << 52) - 1) >> e);
    }
  } else if (e == 1022 && (b & ((1ULL << 52) - 1)) != 0) {
    b = (b & (1ULL << 63)) | 0x3FF0000000000000ULL;
  } else {
    b &= 1ULL << 63;
  }
  return frombits(b);
}

// Min and Max as Go's amd64 assembly: infinities first, then NaN, then the signed zeros.
double min(double x, double y) {
  if (isInf(x, -1) || isInf(y, -1)) return inf(-1);
  if (isNaN(x) || isNaN(y)) return nan();
  if (x == 0 && y == 0) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

double max(double x, double y) {
  if (isInf(x, 1) || isInf(y, 1)) return inf(1);
  if (isNaN(x) || isNaN(y)) return nan();
  if (x == 0 && y == 0) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}

double nextafter(double x, double y) {
  if (isNaN(x) || isNaN(y)) return nan();
  if (x == y) return x;
  if (x == 0) return std::copysign(frombits(1), y);
  return (y > x) == (x > 0) ? frombits(bits(x) + 1) : frombits(bits(x) - 1);
}

}  // namespace gol::gomath
