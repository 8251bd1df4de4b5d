// stackHeadroom (see stack.h): the thread's stack bounds are read once per thread from pthreads
// (for the main thread glibc derives them from RLIMIT_STACK and the process's mappings).
#include "base/stack.h"

#include <pthread.h>

#include <cstdint>

namespace gol {

namespace {
struct Bounds {
  uintptr_t lo = 0, hi = 0;  // hi == 0: not known yet; lo == hi: unknown
};
thread_local Bounds tBounds;

void readBounds(Bounds& b) {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  b.lo = b.hi = 1;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
  if (pthread_attr_getstack(&attr, &addr, &size) == 0 && size > 0) {
    b.lo = reinterpret_cast<uintptr_t>(addr);
    b.hi = b.lo + size;
  }
  pthread_attr_destroy(&attr);
}
}  // namespace

size_t stackReserve() {
  Bounds& b = tBounds;
  if (b.hi == 0) readBounds(b);
  size_t quarter = (b.hi - b.lo) / 4;
  return quarter > 0 && quarter < (1u << 20) ? quarter : 1u << 20;
}

size_t stackHeadroom() {
  Bounds& b = tBounds;
  if (b.hi == 0) readBounds(b);
  auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (here <= b.lo || here >= b.hi) return SIZE_MAX;
  return here - b.lo;
}

}  // namespace gol
