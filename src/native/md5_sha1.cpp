// Natives of packages crypto/md5 and crypto/sha1 (stdlib/crypto/md5, stdlib/crypto/sha1): the
// compression functions of MD5 (RFC 1321) and SHA-1 (FIPS 180-4 §6.1.2) over whole 64-byte
// blocks, updating the state words in place; padding and output are in gol, as for sha256.
#include <cmath>
#include <cstdint>
#include <string>

#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"

namespace gol::native {
namespace {

inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

// MD5's additive constants: the integer part of 2^32 * |sin(i + 1)|, which doubles give exactly.
struct Md5Table {
  uint32_t k[64];
  Md5Table() {
    for (int i = 0; i < 64; i++)
      k[i] = uint32_t(std::floor(std::fabs(std::sin(double(i + 1))) * 4294967296.0));
  }
};

void md5Block(uint32_t h[4], const uint8_t* p) {
  static const Md5Table table;
  static const int shift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
  uint32_t m[16];
  for (int i = 0; i < 16; i++)
    m[i] = uint32_t(p[4 * i]) | uint32_t(p[4 * i + 1]) << 8 | uint32_t(p[4 * i + 2]) << 16 |
           uint32_t(p[4 * i + 3]) << 24;
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
  for (int i = 0; i < 64; i++) {
    uint32_t f;
    int g;
    switch (i / 16) {
      case 0:
        f = (b & c) | (~b & d), g = i;
        break;
      case 1:
        f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
        break;
      case 2:
        f = b ^ c ^ d, g = (3 * i + 5) % 16;
        break;
      default:
        f = c ^ (b | ~d), g = (7 * i) % 16;
        break;
    }
    f += a + table.k[i] + m[g];
    a = d;
    d = c;
    c = b;
    b += rotl(f, shift[i / 16][i % 4]);
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
}

void sha1Block(uint32_t h[5], const uint8_t* p) {
  uint32_t w[80];
  for (int i = 0; i < 16; i++)
    w[i] =
        uint32_t(p[4 * i]) << 24 | uint32_t(p[4 * i + 1]) << 16 | uint32_t(p[4 * i + 2]) << 8 | p[4 * i + 3];
  for (int i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; i++) {
    uint32_t f, k;
    if (i < 20)
      f = (b & c) | (~b & d), k = 0x5A827999;
    else if (i < 40)
      f = b ^ c ^ d, k = 0x6ED9EBA1;
    else if (i < 60)
      f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
    else
      f = b ^ c ^ d, k = 0xCA62C1D6;
    uint32_t t = rotl(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

// blocks(h []uint32, p []byte) for a state of n words: p's whole blocks; a partial one is left.
template <int N>
void runBlocks(rt::NativeCall& call, void (*block)(uint32_t*, const uint8_t*)) {
  Value* hw;
  if (sliceElems(call.args[0], &hw) < N) return;
  uint32_t h[N];
  for (int i = 0; i < N; i++) h[i] = uint32_t(rt::load(&hw[i]).u);
  std::string data = bytesToString(call.args[1]);
  for (size_t off = 0; off + 64 <= data.size(); off += 64)
    block(h, reinterpret_cast<const uint8_t*>(data.data() + off));
  for (int i = 0; i < N; i++) rt::store(&hw[i], Value::U(h[i]));
}

}  // namespace

GOL_NATIVE(md5_blocks, "crypto/md5.blocks") { runBlocks<4>(call, md5Block); }
GOL_NATIVE(sha1_blocks, "crypto/sha1.blocks") { runBlocks<5>(call, sha1Block); }

}  // namespace gol::native
