// Go's trigonometric functions (Sin, Cos, Tan, Sincos, Asin, Acos, Atan, Atan2), written to give
// Go's results bit for bit. gol does not use libm here: glibc's sin, cos, tan are correctly
// rounded while Go's are Cephes polynomials, so the two differ in the last bit for many inputs,
// and a program that prints math.Sin(x) with %v shows the difference. Go reduces |x| < 2^29 by
// pi/4 split in three parts (the first two exact in products with the octant), and larger |x| by
// Payne-Hanek reduction against 4/pi's bits. The constants are Cephes' published coefficients.
// Every expression keeps Go's operation order: floating-point arithmetic is not associative.
#include <emmintrin.h>

#include <utility>

#include "native/math_go.h"

namespace gol::gomath {

int64_t toInt64(double x) { return _mm_cvttsd_si64(_mm_set_sd(x)); }

namespace {

// Go's constant expressions are exact and rounded once; these are their float64 values.
const double kFourOverPi = frombits(0x3ff45f306dc9c883);  // 4/Pi
const double kPiOver4 = frombits(0x3fe921fb54442d18);
const double kPiOver2 = frombits(0x3ff921fb54442d18);
const double kThreePiOver4 = frombits(0x4002d97c7f3321d2);
const double kPi = frombits(0x400921fb54442d18);

// pi/4 = kPi4A + kPi4B + kPi4C; the first two have enough trailing zero bits that y*kPi4A and
// y*kPi4B are exact for octants y < 2^30.
const double kPi4A = frombits(0x3fe921fb40000000);
const double kPi4B = frombits(0x3e64442d00000000);
const double kPi4C = frombits(0x3ce8469898cc5170);
const double kReduceThreshold = 536870912.0;  // 2^29: above it Payne-Hanek

const double kSin[] = {1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
                       -1.98412698295895385996e-4, 8.33333333332211858878e-3,  -1.66666666666666307295e-1};
const double kCos[] = {-1.13585365213876817300e-11, 2.08757008419747316778e-9,  -2.75573141792967388112e-7,
                       2.48015872888517045348e-5,   -1.38888888888730564116e-3, 4.16666666666665929218e-2};

// 4/pi in binary: 4/pi = sum of kFourOverPiBits[i] * 2^(-64 i). 1217 bits reach the largest
// float64 exponent.
const uint64_t kFourOverPiBits[] = {
    0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083, 0xfca2c757bd778ac3,
    0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d, 0xd1046bea5d768909, 0xd338e04d68befc82,
    0x7323ac7306a673e9, 0x3908bf177bf25076, 0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e,
    0x9e8c7ecd3cbfd45a, 0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
};

// Go's shifts: a count of 64 or more gives 0 (C++ leaves it undefined).
uint64_t shl(uint64_t a, unsigned n) { return n >= 64 ? 0 : a << n; }
uint64_t shr(uint64_t a, unsigned n) { return n >= 64 ? 0 : a >> n; }

// Payne-Hanek for x >= 2^29: the mantissa times the 192 bits of 4/pi that matter at x's exponent,
// in 64-bit integer arithmetic. The top 3 bits of the product are the octant, the rest the
// fraction, which becomes a float64 again and is scaled by pi/4.
double reduceHuge(double x, uint64_t& octant) {
  uint64_t ix = bits(x);
  int exp = int((ix >> 52) & 0x7FF) - 1023 - 52;
  ix = (ix & ((1ULL << 52) - 1)) | (1ULL << 52);
  unsigned digit = unsigned(exp + 61) / 64, shift = unsigned(exp + 61) % 64;
  auto window = [&](unsigned i) {
    return shl(kFourOverPiBits[i], shift) | shr(kFourOverPiBits[i + 1], 64 - shift);
  };
  uint64_t z0 = window(digit), z1 = window(digit + 1), z2 = window(digit + 2);
  unsigned __int128 p2 = (unsigned __int128)z2 * ix, p1 = (unsigned __int128)z1 * ix;
  uint64_t z2hi = uint64_t(p2 >> 64), z1hi = uint64_t(p1 >> 64), z1lo = uint64_t(p1);
  uint64_t lo = z1lo + z2hi;
  uint64_t carry = lo < z1lo ? 1 : 0;
  uint64_t hi = z0 * ix + z1hi + carry;
  octant = hi >> 61;
  hi = hi << 3 | lo >> 61;
  unsigned lz = hi == 0 ? 64 : unsigned(__builtin_clzll(hi));
  uint64_t e = uint64_t(1023) - (lz + 1);
  hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
  hi >>= 64 - 52;
  hi |= e << 52;
  double z = frombits(hi);
  if (octant & 1) {  // odd octants count from the next multiple of pi/4
    octant = (octant + 1) & 7;
    z -= 1;
  }
  return z * kPiOver4;
}

// x >= 0, finite: the octant (mod 8, odd ones moved to the next even one) and the remainder.
double reduce(double x, uint64_t& octant) {
  if (x >= kReduceThreshold) return reduceHuge(x, octant);
  uint64_t j = uint64_t(x * kFourOverPi);
  double y = double(j);
  if (j & 1) {
    j++;
    y++;
  }
  octant = j & 7;
  return ((x - y * kPi4A) - y * kPi4B) - y * kPi4C;
}

double sinPoly(double z, double zz) {
  return z +
         z * zz *
             ((((((kSin[0] * zz) + kSin[1]) * zz + kSin[2]) * zz + kSin[3]) * zz + kSin[4]) * zz + kSin[5]);
}
double cosPoly(double zz) {
  return 1.0 - 0.5 * zz +
         zz * zz *
             ((((((kCos[0] * zz) + kCos[1]) * zz + kCos[2]) * zz + kCos[3]) * zz + kCos[4]) * zz + kCos[5]);
}

// Cephes' arctangent on [0, 0.66], and satan's reduction of any x >= 0 into it.
double xatan(double x) {
  const double P0 = -8.750608600031904122785e-01, P1 = -1.615753718733365076637e+01,
               P2 = -7.500855792314704667340e+01, P3 = -1.228866684490136173410e+02,
               P4 = -6.485021904942025371773e+01;
  const double Q0 = +2.485846490142306297962e+01, Q1 = +1.650270098316988542046e+02,
               Q2 = +4.328810604912902668951e+02, Q3 = +4.853903996359136964868e+02,
               Q4 = +1.945506571482613964425e+02;
  double z = x * x;
  z = z * ((((P0 * z + P1) * z + P2) * z + P3) * z + P4) /
      (((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4);
  return x * z + x;
}
double satan(double x) {
  const double kMorebits = 6.123233995736765886130e-17;  // pi/2 - float64(pi/2)
  const double kTan3Pi8 = 2.41421356237309504880;
  if (x <= 0.66) return xatan(x);
  if (x > kTan3Pi8) return kPiOver2 - xatan(1 / x) + kMorebits;
  return kPiOver4 + xatan((x - 1) / (x + 1)) + 0.5 * kMorebits;
}

}  // namespace

double sin(double x) {
  if (x == 0 || isNaN(x)) return x;
  if (isInf(x, 0)) return nan();
  bool negative = x < 0;
  if (negative) x = -x;
  uint64_t j;
  double z = reduce(x, j);
  if (j > 3) {
    negative = !negative;
    j -= 4;
  }
  double zz = z * z;
  double y = (j == 1 || j == 2) ? cosPoly(zz) : sinPoly(z, zz);
  return negative ? -y : y;
}

double cos(double x) {
  if (isNaN(x) || isInf(x, 0)) return nan();
  x = x < 0 ? -x : x;
  uint64_t j;
  double z = reduce(x, j);
  bool negative = false;
  if (j > 3) {
    j -= 4;
    negative = !negative;
  }
  if (j > 1) negative = !negative;
  double zz = z * z;
  double y = (j == 1 || j == 2) ? sinPoly(z, zz) : cosPoly(zz);
  return negative ? -y : y;
}

void sincos(double x, double& s, double& c) {
  if (x == 0) {
    s = x, c = 1;
    return;
  }
  if (isNaN(x) || isInf(x, 0)) {
    s = c = nan();
    return;
  }
  bool sinNeg = false, cosNeg = false;
  if (x < 0) {
    x = -x;
    sinNeg = true;
  }
  uint64_t j;
  double z = reduce(x, j);
  if (j > 3) {
    j -= 4;
    sinNeg = !sinNeg;
    cosNeg = !cosNeg;
  }
  if (j > 1) cosNeg = !cosNeg;
  double zz = z * z;
  c = cosPoly(zz);
  s = sinPoly(z, zz);
  if (j == 1 || j == 2) std::swap(s, c);
  if (cosNeg) c = -c;
  if (sinNeg) s = -s;
}

double tan(double x) {
  const double P[] = {-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7};
  const double Q[] = {1.00000000000000000000e0, 1.36812963470692954678e4, -1.32089234440210967447e6,
                      2.50083801823357915839e7, -5.38695755929454629881e7};
  if (x == 0 || isNaN(x)) return x;
  if (isInf(x, 0)) return nan();
  bool negative = x < 0;
  if (negative) x = -x;
  uint64_t j;
  double z = reduce(x, j);
  double zz = z * z, y = z;
  if (zz > 1e-14)
    y = z +
        z * (zz * (((P[0] * zz) + P[1]) * zz + P[2]) / ((((zz + Q[1]) * zz + Q[2]) * zz + Q[3]) * zz + Q[4]));
  if (j & 2) y = -1 / y;
  return negative ? -y : y;
}

double asin(double x) {
  if (x == 0) return x;
  bool negative = x < 0;
  if (negative) x = -x;
  if (x > 1) return nan();
  double t = __builtin_sqrt(1 - x * x);
  t = x > 0.7 ? kPiOver2 - satan(t / x) : satan(x / t);
  return negative ? -t : t;
}

double acos(double x) { return kPiOver2 - asin(x); }

double atan(double x) {
  if (x == 0) return x;
  return x > 0 ? satan(x) : -satan(-x);
}

double atan2(double y, double x) {
  auto copysign = [](double v, double s) { return __builtin_copysign(v, s); };
  if (isNaN(y) || isNaN(x)) return nan();
  if (y == 0) return x >= 0 && !__builtin_signbit(x) ? copysign(0, y) : copysign(kPi, y);
  if (x == 0) return copysign(kPiOver2, y);
  if (isInf(x, 0)) {
    if (isInf(x, 1)) return isInf(y, 0) ? copysign(kPiOver4, y) : copysign(0, y);
    return isInf(y, 0) ? copysign(kThreePiOver4, y) : copysign(kPi, y);
  }
  if (isInf(y, 0)) return copysign(kPiOver2, y);
  double q = atan(y / x);
  if (x < 0) return q <= 0 ? q + kPi : q - kPi;
  return q;
}

}  // namespace gol::gomath
