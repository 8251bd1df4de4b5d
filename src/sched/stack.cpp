// Stack segment pool (see stack.h for the design).
#include "sched/stack.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "sched/sched.h"

namespace gol::sched {
namespace {

constexpr size_t kMinStack = 64 * 1024;
constexpr size_t kMaxPooled = 1024 * 1024;  // classes 64K..1M are pooled
constexpr size_t kSlab = 256ull * 1024 * 1024;
constexpr int kClasses = 5;  // 64K,128K,256K,512K,1M

struct Pool {
  std::mutex mu;
  std::vector<char*> free[kClasses];
  char* slabCur = nullptr;  // carving cursor inside the current slab
  char* slabEnd = nullptr;
  size_t reserved = 0;
};
Pool& pool() {
  static Pool* p = new Pool;  // never destroyed: workers may still run at exit
  return *p;
}

int classOf(size_t size) {
  int c = 0;
  for (size_t s = kMinStack; s < size; s <<= 1) c++;
  return c;
}

char* mapOrDie(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) fatal("runtime: out of memory");  // Go's words for any exhausted memory
  return static_cast<char*>(p);
}

}  // namespace

StackMem allocStack(size_t size) {
  size_t sz = kMinStack;
  while (sz < size) sz <<= 1;
  if (sz > kMaxPooled) {
    Pool& p = pool();
    {
      std::lock_guard<std::mutex> lk(p.mu);
      p.reserved += sz;
    }
    return {mapOrDie(sz), sz};
  }
  int c = classOf(sz);
  Pool& p = pool();
  std::lock_guard<std::mutex> lk(p.mu);
  if (!p.free[c].empty()) {
    char* lo = p.free[c].back();
    p.free[c].pop_back();
    return {lo, sz};
  }
  if (p.slabCur == nullptr || size_t(p.slabEnd - p.slabCur) < sz) {
    // The tail of the old slab is abandoned (at most 1 MiB of untouched virtual memory).
    p.slabCur = mapOrDie(kSlab);
    p.slabEnd = p.slabCur + kSlab;
    p.reserved += kSlab;
  }
  // Slab offsets stay aligned to the segment size because every class divides the slab.
  char* lo = p.slabCur;
  p.slabCur += sz;
  return {lo, sz};
}

void freeStack(StackMem s) {
  if (!s.lo) return;
  Pool& p = pool();
  if (s.size > kMaxPooled) {
    munmap(s.lo, s.size);
    std::lock_guard<std::mutex> lk(p.mu);
    p.reserved -= s.size;
    return;
  }
  // Extra segments held deep frames: give their pages back (the base class keeps its few
  // touched pages hot for reuse by the next goroutine).
  if (s.size > kMinStack) madvise(s.lo, s.size, MADV_DONTNEED);
  std::lock_guard<std::mutex> lk(p.mu);
  p.free[classOf(s.size)].push_back(s.lo);
}

size_t stackPoolBytes() {
  Pool& p = pool();
  std::lock_guard<std::mutex> lk(p.mu);
  return p.reserved;
}

}  // namespace gol::sched
