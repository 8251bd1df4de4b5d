// Natives of package math/bits (stdlib/math/bits/bits.gol). Arguments of the sized types arrive
// zero-extended to 64 bits (runtime/value.h), and results must leave that way.
#include <cstdint>

#include "native/native.h"
#include "native/stdlib_util.h"

namespace gol::native {

using rt::NativeCall;

namespace {

int lenOf(uint64_t x) { return x == 0 ? 0 : 64 - __builtin_clzll(x); }
int trailing(uint64_t x, int width) { return x == 0 ? width : __builtin_ctzll(x); }

// Rotation by k mod width; a negative k rotates right, as Go's does.
uint64_t rotate(uint64_t x, int64_t k, int width) {
  uint64_t mask = width == 64 ? ~uint64_t(0) : (uint64_t(1) << width) - 1;
  unsigned s = unsigned(uint64_t(k) & uint64_t(width - 1));
  if (s == 0) return x & mask;
  return ((x << s) | (x >> (unsigned(width) - s))) & mask;
}

uint64_t reverse64(uint64_t x) {
  uint64_t r = 0;
  for (int i = 0; i < 64; i++, x >>= 1) r = r << 1 | (x & 1);
  return r;
}

// The quotient and remainder of (hi, lo) / y over `width` bits, with Go's panics.
void divide(NativeCall& call, int width) {
  uint64_t hi = call.args[0].u, lo = call.args[1].u, y = call.args[2].u;
  if (y == 0) rt::panicRuntimeError("integer divide by zero");
  if (y <= hi) rt::panicRuntimeError("integer overflow");
  unsigned __int128 n = (unsigned __int128)hi << width | lo;
  call.results[0] = Value::U(uint64_t(n / y));
  call.results[1] = Value::U(uint64_t(n % y));
}

// (hi, lo) mod y: Go reduces hi first, so there is no overflow panic here.
uint64_t remainder(NativeCall& call, int width) {
  uint64_t hi = call.args[0].u, lo = call.args[1].u, y = call.args[2].u;
  if (y == 0) rt::panicRuntimeError("integer divide by zero");
  unsigned __int128 n = (unsigned __int128)(hi % y) << width | lo;
  return uint64_t(n % y);
}

}  // namespace

#define GOL_BITS1(name, expr)                   \
  GOL_NATIVE(bits_##name, "math/bits." #name) { \
    uint64_t x = call.args[0].u;                \
    call.results[0] = Value::U(uint64_t(expr)); \
  }
#define GOL_BITS_WIDTHS(stem, fn) \
  GOL_BITS1(stem, fn(x, 64))      \
  GOL_BITS1(stem##8, fn(x, 8))    \
  GOL_BITS1(stem##16, fn(x, 16))  \
  GOL_BITS1(stem##32, fn(x, 32))  \
  GOL_BITS1(stem##64, fn(x, 64))

static int leadingOf(uint64_t x, int width) { return width - lenOf(x); }
static int lenWidth(uint64_t x, int) { return lenOf(x); }
static int onesOf(uint64_t x, int) { return __builtin_popcountll(x); }
static uint64_t reverseOf(uint64_t x, int width) { return reverse64(x) >> (64 - width); }
static uint64_t bytesOf(uint64_t x, int width) { return __builtin_bswap64(x) >> (64 - width); }

GOL_BITS_WIDTHS(LeadingZeros, leadingOf)
GOL_BITS_WIDTHS(TrailingZeros, trailing)
GOL_BITS_WIDTHS(OnesCount, onesOf)
GOL_BITS_WIDTHS(Len, lenWidth)
GOL_BITS_WIDTHS(Reverse, reverseOf)
GOL_BITS1(ReverseBytes, bytesOf(x, 64))
GOL_BITS1(ReverseBytes16, bytesOf(x, 16))
GOL_BITS1(ReverseBytes32, bytesOf(x, 32))
GOL_BITS1(ReverseBytes64, bytesOf(x, 64))

#define GOL_BITS_ROTATE(name, width)                                           \
  GOL_NATIVE(bits_##name, "math/bits." #name) {                                \
    call.results[0] = Value::U(rotate(call.args[0].u, call.args[1].i, width)); \
  }
GOL_BITS_ROTATE(RotateLeft, 64)
GOL_BITS_ROTATE(RotateLeft8, 8)
GOL_BITS_ROTATE(RotateLeft16, 16)
GOL_BITS_ROTATE(RotateLeft32, 32)
GOL_BITS_ROTATE(RotateLeft64, 64)

// Add and Sub: the carry/borrow in is assumed 0 or 1 (Go's contract); the 32-bit forms compute
// in 64 bits and split, the 64-bit ones use the 128-bit type.
#define GOL_BITS_ADDSUB(name, width, op)                                                         \
  GOL_NATIVE(bits_##name, "math/bits." #name) {                                                  \
    unsigned __int128 r = (unsigned __int128)call.args[0].u op call.args[1].u op call.args[2].u; \
    uint64_t mask = width == 64 ? ~uint64_t(0) : (uint64_t(1) << width) - 1;                     \
    call.results[0] = Value::U(uint64_t(r) & mask);                                              \
    call.results[1] = Value::U(uint64_t(r >> width) & 1);                                        \
  }
GOL_BITS_ADDSUB(Add, 64, +)
GOL_BITS_ADDSUB(Add32, 32, +)
GOL_BITS_ADDSUB(Add64, 64, +)
GOL_BITS_ADDSUB(Sub, 64, -)
GOL_BITS_ADDSUB(Sub32, 32, -)
GOL_BITS_ADDSUB(Sub64, 64, -)

#define GOL_BITS_MUL(name, width)                                             \
  GOL_NATIVE(bits_##name, "math/bits." #name) {                               \
    unsigned __int128 r = (unsigned __int128)call.args[0].u * call.args[1].u; \
    uint64_t mask = width == 64 ? ~uint64_t(0) : (uint64_t(1) << width) - 1;  \
    call.results[0] = Value::U(uint64_t(r >> width) & mask);                  \
    call.results[1] = Value::U(uint64_t(r) & mask);                           \
  }
GOL_BITS_MUL(Mul, 64)
GOL_BITS_MUL(Mul32, 32)
GOL_BITS_MUL(Mul64, 64)

GOL_NATIVE(bits_Div, "math/bits.Div") { divide(call, 64); }
GOL_NATIVE(bits_Div32, "math/bits.Div32") { divide(call, 32); }
GOL_NATIVE(bits_Div64, "math/bits.Div64") { divide(call, 64); }
GOL_NATIVE(bits_Rem, "math/bits.Rem") { call.results[0] = Value::U(remainder(call, 64)); }
GOL_NATIVE(bits_Rem32, "math/bits.Rem32") { call.results[0] = Value::U(remainder(call, 32)); }
GOL_NATIVE(bits_Rem64, "math/bits.Rem64") { call.results[0] = Value::U(remainder(call, 64)); }

}  // namespace gol::native
