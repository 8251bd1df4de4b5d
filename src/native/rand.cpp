// Natives of package math/rand (stdlib/math/rand/rand.gol): a xoshiro256** generator whose
// state is the four words of a rngSource struct (deterministic per seed), and the global source:
// one generator seeded randomly at start-up, guarded by a spin lock (thread-safe).
#include <cmath>
#include <mutex>
#include <random>

#include "native/native.h"
#include "native/stdlib_util.h"
#include "sched/lock.h"

#include "sched/sched.h"

namespace gol::native {
namespace {

uint64_t splitmix(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t next(uint64_t* s) {
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

void seed(uint64_t* s, int64_t v) {
  uint64_t x = uint64_t(v);
  for (int i = 0; i < 4; i++) s[i] = splitmix(x);
}

struct Global {
  sched::SpinLock mu;
  uint64_t s[4];
  // Seeded runs take the global source's seed from the schedule's seed (first use is during
  // the run: global() is a function-local static).
  Global() {
    uint64_t v;
    if (sched::virtualClock()) {
      v = sched::rand64();
    } else {
      std::random_device rd;
      v = (uint64_t(rd()) << 32) ^ rd();
    }
    seed(s, int64_t(v));
  }
};
Global& global() {
  static Global g;
  return g;
}

uint64_t* stateOf(Value recv) {
  auto* o = recv.as<rt::StructObj>();
  if (!o) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  return &o->fields[0].u;
}

}  // namespace

GOL_NATIVE(rand_rngSource_Seed, "math/rand.(*rngSource).Seed") { seed(stateOf(call.args[0]), call.args[1].i); }
GOL_NATIVE(rand_rngSource_Uint64, "math/rand.(*rngSource).Uint64") {
  call.results[0] = Value::U(next(stateOf(call.args[0])));
}
GOL_NATIVE(rand_globalUint64, "math/rand.globalUint64") {
  Global& g = global();
  g.mu.lock();
  uint64_t v = next(g.s);
  g.mu.unlock();
  call.results[0] = Value::U(v);
}
GOL_NATIVE(rand_globalSeed, "math/rand.globalSeed") {
  Global& g = global();
  g.mu.lock();
  seed(g.s, call.args[0].i);
  g.mu.unlock();
}
GOL_NATIVE(rand_sqrt, "math/rand.sqrt") { call.results[0] = Value::F(std::sqrt(call.args[0].f)); }
GOL_NATIVE(rand_ln, "math/rand.ln") { call.results[0] = Value::F(std::log(call.args[0].f)); }

}  // namespace gol::native
