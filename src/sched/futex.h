// Thin wrappers over Linux futex(2) on a std::atomic<uint32_t>: how workers sleep when idle
// (with a timeout up to the next timer) and how runtime locks block an OS thread when spinning
// has not helped. Cross-thread ordering always comes from the atomic itself, so TSan is happy.
#pragma once
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>

namespace gol::sched {

// Sleeps while *a == val, at most timeoutNs (< 0: no timeout). Spurious wake-ups happen.
inline void futexWait(std::atomic<uint32_t>* a, uint32_t val, int64_t timeoutNs = -1) {
  timespec ts;
  timespec* tsp = nullptr;
  if (timeoutNs >= 0) {
    ts.tv_sec = timeoutNs / 1000000000;
    ts.tv_nsec = timeoutNs % 1000000000;
    tsp = &ts;
  }
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(a), FUTEX_WAIT_PRIVATE, val, tsp, nullptr, 0);
}

inline void futexWake(std::atomic<uint32_t>* a, int n = 1) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(a), FUTEX_WAKE_PRIVATE, n, nullptr, nullptr, 0);
}

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

}  // namespace gol::sched
