// Fast non-cryptographic hashing for map keys (our own wyhash-style design: 64x64->128-bit
// multiply and fold). Seeds are per map, so collision patterns differ between maps and runs.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace gol::rt {

inline uint64_t hashMum(uint64_t a, uint64_t b) {
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

constexpr uint64_t kHashK0 = 0xa0761d6478bd642full;
constexpr uint64_t kHashK1 = 0xe7037ed1a0b428dbull;
constexpr uint64_t kHashK2 = 0x8ebc6af09c88c6e3ull;

inline uint64_t hashWord(uint64_t x, uint64_t seed) {
  return hashMum(hashMum(x ^ kHashK0, seed ^ kHashK1), kHashK2);
}

inline uint64_t hashRead64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t hashRead32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline uint64_t hashBytes(const char* p, size_t n, uint64_t seed) {
  uint64_t h = seed ^ kHashK0 ^ (n * kHashK2);
  size_t left = n;
  while (left > 16) {
    h = hashMum(hashRead64(p) ^ kHashK1, hashRead64(p + 8) ^ h);
    p += 16;
    left -= 16;
  }
  uint64_t a, b;
  if (left >= 8) {
    a = hashRead64(p);
    b = hashRead64(p + left - 8);
  } else if (left >= 4) {
    a = hashRead32(p);
    b = hashRead32(p + left - 4);
  } else if (left > 0) {
    a = uint64_t(uint8_t(p[0])) << 16 | uint64_t(uint8_t(p[left / 2])) << 8 | uint8_t(p[left - 1]);
    b = 0;
  } else {
    a = b = 0;
  }
  return hashMum(hashMum(a ^ kHashK1, b ^ h) ^ n, kHashK2 ^ seed);
}

}  // namespace gol::rt
