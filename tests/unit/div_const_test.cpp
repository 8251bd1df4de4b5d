// Unit tests of base/div_const.h: division by a constant through its reciprocal agrees with the
// hardware divide (Go's truncating / and %) for every divisor shape and the edge dividends.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "base/div_const.h"

using gol::DivByConst;

TEST_CASE("DivByConst: quotient and remainder equal the hardware divide's") {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min(), kMax = std::numeric_limits<int64_t>::max();
  std::vector<int64_t> divisors;
  for (int64_t d = 3; d < 3000; d++)
    if (DivByConst::applies(d)) divisors.push_back(d);
  for (int k = 2; k < 63; k++) {  // around each power of two, where l changes
    int64_t p = int64_t(1) << k;
    for (int64_t d : {p - 1, p + 1, p + 3}) if (DivByConst::applies(d)) divisors.push_back(d);
  }
  for (int64_t d : {int64_t(1000000007), int64_t(2147483647), kMax, kMax - 1, kMax / 3}) divisors.push_back(d);
  std::mt19937_64 rng(20261202);
  long checked = 0, wrong = 0;
  for (int64_t d : divisors) {
    DivByConst c = DivByConst::of(d);
    std::vector<int64_t> ns = {0, 1, -1, d, -d, d - 1, -(d - 1), kMin, kMin + 1, kMax, kMax - 1};
    if (d < kMax) {
      ns.push_back(d + 1);
      ns.push_back(-(d + 1));
    }
    for (int64_t q : {int64_t(2), int64_t(1000), kMax / d}) {
      if (q > kMax / d) continue;  // q * d must not overflow
      ns.push_back(q * d - 1);
      ns.push_back(-(q * d - 1));
      ns.push_back(q * d);
    }
    for (int i = 0; i < 200; i++) {
      int64_t r = static_cast<int64_t>(rng());
      ns.push_back(r);
      ns.push_back(r >> (rng() % 63));
    }
    for (int64_t n : ns) {
      checked++;
      if (c.quo(n) != n / d || c.rem(n) != n % d) wrong++;
    }
  }
  CHECK(checked > 500000);
  CHECK(wrong == 0);
}

TEST_CASE("DivByConst: applies only where the reciprocal fits") {
  CHECK(!DivByConst::applies(0));
  CHECK(!DivByConst::applies(1));
  CHECK(!DivByConst::applies(2));
  CHECK(!DivByConst::applies(8));
  CHECK(!DivByConst::applies(-7));
  CHECK(DivByConst::applies(3));
  CHECK(DivByConst::applies(12));
}
