// Signed division by a constant as a multiply by its reciprocal (Granlund and Montgomery,
// "Division by invariant integers using multiplication", 1994, theorem 4.2): an integer divide
// costs tens of cycles, a 64x64->128-bit multiply a few. The evaluator uses it for `x / c` and
// `x % c` with a constant c that is not a power of two (those are a shift and a mask already).
#pragma once
#include <cstdint>

namespace gol {

// For a divisor d >= 3 that is not a power of two, and l = ceil(log2 d): m = ceil(2^(63+l) / d)
// satisfies 2^(63+l) <= m*d <= 2^(63+l) + 2^l, so for every 0 <= u < 2^63,
// floor(u/d) = floor(u*m / 2^(63+l)) = hi64(u*m) >> (l-1). m < 2^64 because d > 2^(l-1).
// Go truncates toward zero, so the magnitude of a signed dividend is divided and the sign put
// back; MinInt64, whose magnitude is 2^63, takes the hardware divide.
struct DivByConst {
  int64_t d = 3;
  uint64_t m = 0;
  int shift = 0;  // l - 1

  static bool applies(int64_t d) { return d >= 3 && (d & (d - 1)) != 0; }
  static DivByConst of(int64_t d) {
    DivByConst c;
    c.d = d;
    int l = 64 - __builtin_clzll(static_cast<uint64_t>(d - 1));
    __uint128_t p = static_cast<__uint128_t>(1) << (63 + l);
    c.m = static_cast<uint64_t>((p + static_cast<uint64_t>(d) - 1) / static_cast<uint64_t>(d));
    c.shift = l - 1;
    return c;
  }
  int64_t quo(int64_t n) const {
    uint64_t u = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    if (__builtin_expect(u >> 63, 0)) return n / d;
    uint64_t q = static_cast<uint64_t>((static_cast<__uint128_t>(u) * m) >> 64) >> shift;
    return n < 0 ? -static_cast<int64_t>(q) : static_cast<int64_t>(q);
  }
  int64_t rem(int64_t n) const { return n - quo(n) * d; }
};

}  // namespace gol
