// SpinLock: the short internal lock of channels and sync primitives (Go's runtime `mutex`).
//
// Critical sections under it are a few dozen instructions and never park while holding it
// (park releases it from the scheduler stack after the switch), so: try a CAS, spin briefly,
// then sleep on a futex. 0 = unlocked, 1 = locked, 2 = locked and someone may sleep on it.
// Zero-initialised memory is an unlocked SpinLock (objects come zeroed from the gol heap).
#pragma once
#include <atomic>
#include <cstdint>

#include "sched/futex.h"

namespace gol::sched {

class SpinLock {
 public:
  void lock() {
    uint32_t z = 0;
    if (__builtin_expect(s_.compare_exchange_strong(z, 1, std::memory_order_acquire), 1)) return;
    lockSlow();
  }
  bool tryLock() {
    uint32_t z = 0;
    return s_.compare_exchange_strong(z, 1, std::memory_order_acquire);
  }
  void unlock() {
    if (__builtin_expect(s_.exchange(0, std::memory_order_release) == 2, 0)) futexWake(&s_, 1);
  }

 private:
  [[gnu::noinline]] void lockSlow() {
    for (int i = 0; i < 100; i++) {
      cpuRelax();
      uint32_t z = 0;
      if (s_.load(std::memory_order_relaxed) == 0 &&
          s_.compare_exchange_weak(z, 1, std::memory_order_acquire))
        return;
    }
    while (s_.exchange(2, std::memory_order_acquire) != 0) futexWait(&s_, 2);
  }
  std::atomic<uint32_t> s_{0};
};

}  // namespace gol::sched
