// The collector half of the gol heap (design in heap.h): stop-the-world, non-moving mark-sweep.
//
// Mark: every root word is validated against the page map (heapObjectBase semantics: interior
// pointers count), marked objects go on an explicit stack and are scanned by kind (Bytes: none,
// Str: its 3 header words, others: every word). Sweep: unmarked slots are zeroed and freed, empty
// spans give their pages back, partial lists and free page runs are rebuilt.
//
// The scheduler seam (sched.h): stopTheWorld/startTheWorld, forEachGoroutineStack (stacks from
// their saved SP, the G structs above them), forEachG (G structs of goroutines not started yet),
// forEachTimerArg. Called off a goroutine (unit tests, before sched::run) collect() cannot stop
// the world: it then scans only the calling thread's stack and the caller guarantees no other
// thread touches the heap meanwhile.
#include <pthread.h>

#include <algorithm>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "runtime/heap_internal.h"
#include "sched/sched.h"


namespace gol::rt {
using namespace heapimpl;

namespace {

struct Roots {
  std::mutex mu;
  std::vector<std::pair<const void*, const void*>> ranges;
  std::vector<std::pair<RootScanner, void*>> scanners;
  std::unordered_map<const void*, int> pins;
};
Roots& roots() {
  static Roots* r = new Roots;
  return *r;
}

std::mutex gcMu;
std::atomic<int> enabledFlag{-1};  // -1: read GOL_GC on first use
std::vector<uintptr_t> markStack;
// Bytes of roots (stacks, globals, G structs) the last collection scanned. The pacer counts
// them with the live heap, as Go's has since 1.18: 100,000 parked goroutines own little heap
// but cost a collection their whole stacks, so pacing on the heap alone would collect over and
// over while they are being created.
std::atomic<uint64_t> rootBytes{0};
uint64_t scannedBytes = 0;  // under gcMu, while marking

// Marks the object containing word w (if any) and queues it for scanning.
inline void markWord(uintptr_t w) {
  Span* s = spanOf(w);
  if (!s) return;
  int64_t i = slotOf(s, w);
  if (i < 0) return;
  uint8_t st = s->state[i];
  if (!(st & kAllocated) || (st & kMarked)) return;
  s->state[i] = st | kMarked;
  if (ObjKind(st & kKindMask) != ObjKind::Bytes) markStack.push_back(s->start + size_t(i) * s->objSize);
}

// Conservative scanning reads whole stacks (other frames' redzones, other threads' words).
__attribute__((no_sanitize("address", "thread"))) void markRangeImpl(const void* lo, const void* hi) {
  auto a = (reinterpret_cast<uintptr_t>(lo) + 7) & ~uintptr_t(7);
  auto b = reinterpret_cast<uintptr_t>(hi);
  if (b > a) scannedBytes += b - a;
  for (; a + 8 <= b; a += 8) markWord(*reinterpret_cast<const uintptr_t*>(a));
}

// Scans queued objects until none is left.
void drain() {
  while (!markStack.empty()) {
    uintptr_t obj = markStack.back();
    markStack.pop_back();
    Span* s = spanOf(obj);
    size_t words = s->objSize / 8;
    if (ObjKind(s->state[slotOf(s, obj)] & kKindMask) == ObjKind::Str) words = 3;
    auto* w = reinterpret_cast<const uintptr_t*>(obj);
    for (size_t k = 0; k < words; k++) markWord(w[k]);
  }
}

// The calling thread's stack from here to its top (used when not on a goroutine).
void markOwnThreadStack() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
  void* addr;
  size_t size;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  char here;
  markRangeImpl(&here, static_cast<char*>(addr) + size);
}

void markRoots(bool onGoroutine) {
  Roots& r = roots();
  scannedBytes = 0;
  {
    std::lock_guard<std::mutex> g(r.mu);
    for (auto& [lo, hi] : r.ranges) markRangeImpl(lo, hi);
    for (auto& [fn, ctx] : r.scanners) fn(markRangeImpl, ctx);
    for (auto& [p, n] : r.pins) markWord(reinterpret_cast<uintptr_t>(p));
  }
  if (onGoroutine) {
    sched::forEachGoroutineStack([](const void* lo, const void* hi, void*) { markRangeImpl(lo, hi); }, nullptr);
    sched::forEachG([](sched::G* g, void*) { markRangeImpl(g, g + 1); }, nullptr);
    sched::forEachTimerArg([](void* arg, void*) { markWord(reinterpret_cast<uintptr_t>(arg)); }, nullptr);
  } else {
    markOwnThreadStack();
  }
  rootBytes.store(scannedBytes, std::memory_order_relaxed);
}

// Sweeps one span: clears marks, frees unmarked objects (zeroing them, unless the whole span
// dies and the caller frees its pages lazily-zeroed). Returns whether nothing in it is live.
bool sweepSpan(Span* s, uint64_t* live, uint64_t* freed) {
  uint32_t marked = 0, allocated = 0;
  for (uint32_t i = 0; i < s->nobjs; i++) {
    uint8_t st = s->state[i];
    allocated += (st & kAllocated) != 0;
    marked += (st & kMarked) != 0;
  }
  *freed += uint64_t(allocated - marked) * s->objSize;
  *live += uint64_t(marked) * s->objSize;
  if (marked == 0 && !s->owned) {
    if (auto f = hooks().raceFree) f(reinterpret_cast<void*>(s->start), size_t(s->nobjs) * s->objSize);
    std::memset(s->state, 0, s->nobjs);
    s->nfree = s->nobjs;
    return true;
  }
  for (uint32_t i = 0; i < s->nobjs; i++) {
    uint8_t st = s->state[i];
    if (st & kMarked) {
      s->state[i] = st & uint8_t(~kMarked);
    } else if (st & kAllocated) {
      s->state[i] = 0;
      if (auto f = hooks().raceFree) f(reinterpret_cast<void*>(s->start + size_t(i) * s->objSize), s->objSize);
      std::memset(reinterpret_cast<void*>(s->start + size_t(i) * s->objSize), 0, s->objSize);
      s->nfree++;
    }
  }
  return marked == 0;
}

// Frees unmarked objects, clears marks, rebuilds the partial lists and free page runs.
void sweep() {
  Heap& h = heap();
  std::lock_guard<std::mutex> g(h.mu);
  for (auto& p : h.partial) p.clear();
  uint64_t live = 0, freed = 0;
  std::vector<Span*> kept;
  kept.reserve(h.spans.size());
  for (Span* s : h.spans) {
    if (sweepSpan(s, &live, &freed) && !s->owned) {
      freeSpanLocked(s, true);
      continue;
    }
    s->inPartial = false;
    kept.push_back(s);
    if (s->cls != 0 && s->nfree > 0 && !s->owned) {
      s->inPartial = true;
      h.partial[s->cls].push_back(s);
    }
  }
  h.spans.swap(kept);
  __atomic_store_n(&h.liveBytes, live, __ATOMIC_RELAXED);
  rebuildFreeRunsLocked();
  h.lastFreed = freed;
  h.numGC++;
  h.allocatedSinceGC.store(0, std::memory_order_relaxed);
}

}  // namespace

void addRootRange(Value* lo, Value* hi) { addRootRange(static_cast<const void*>(lo), static_cast<const void*>(hi)); }

void addRootRange(const void* lo, const void* hi) {
  std::lock_guard<std::mutex> g(roots().mu);
  roots().ranges.emplace_back(lo, hi);
}

void removeRootRange(const void* lo) {
  std::lock_guard<std::mutex> g(roots().mu);
  auto& v = roots().ranges;
  for (size_t i = 0; i < v.size(); i++) {
    if (v[i].first == lo) {
      v.erase(v.begin() + long(i));
      return;
    }
  }
}

void addRootScanner(RootScanner fn, void* ctx) {
  std::lock_guard<std::mutex> g(roots().mu);
  roots().scanners.emplace_back(fn, ctx);
}

void pin(const void* obj) {
  std::lock_guard<std::mutex> g(roots().mu);
  roots().pins[obj]++;
}

void unpin(const void* obj) {
  std::lock_guard<std::mutex> g(roots().mu);
  auto it = roots().pins.find(obj);
  if (it != roots().pins.end() && --it->second <= 0) roots().pins.erase(it);
}

bool gcEnabled() {
  int e = enabledFlag.load(std::memory_order_relaxed);
  if (e < 0) {
    const char* env = std::getenv("GOL_GC");
    e = (env && std::strcmp(env, "off") == 0) ? 0 : 1;
    enabledFlag.store(e, std::memory_order_relaxed);
  }
  return e == 1;
}

void setGcEnabled(bool on) { enabledFlag.store(on ? 1 : 0, std::memory_order_relaxed); }

// Collect when the heap has grown by twice what was live plus the roots scanned (at least 4 MiB), or, under a heap cap,
// when it is within an eighth of the cap: reaching the cap is fatal, so garbage must go first.
bool gcWanted() {
  Heap& h = heap();
  uint64_t since = h.allocatedSinceGC.load(std::memory_order_relaxed);
  uint64_t limit = h.limit.load(std::memory_order_relaxed);
  uint64_t floor = uint64_t(4) << 20;
  if (limit) floor = std::min(floor, limit / 16);
  if (since <= floor) return false;
  uint64_t live = __atomic_load_n(&h.liveBytes, __ATOMIC_RELAXED) + rootBytes.load(std::memory_order_relaxed);
  bool nearLimit = limit && live + since > limit - limit / 8;
  return (since > live * 2 || nearLimit) && gcEnabled();
}

void collect() {
  if (!gcEnabled()) return;
  bool onGoroutine = sched::current() != nullptr;  // else see the top comment
  std::unique_lock<std::mutex> lock(gcMu, std::try_to_lock);
  if (!lock.owns_lock()) return;  // another thread is collecting; we'll be stopped at a safepoint
  if (onGoroutine) sched::stopTheWorld();
  // Spill every callee-saved register into this frame (setjmp alone mangles rbp), so pointers
  // that live only in registers of our own goroutine are on the scanned stack.
  __builtin_unwind_init();
  jmp_buf regs;
  setjmp(regs);
  markRoots(onGoroutine);
  drain();
  sweep();
  if (onGoroutine) sched::startTheWorld();
}

}  // namespace gol::rt
