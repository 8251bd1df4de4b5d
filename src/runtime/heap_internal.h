// Internals shared by the allocator (heap.cpp) and the collector (gc.cpp). See heap.h for the
// design; nothing outside those two files includes this.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "runtime/heap.h"

namespace gol::rt::heapimpl {

constexpr size_t kPageShift = 13;
constexpr size_t kPageSize = size_t(1) << kPageShift;
constexpr size_t kMaxSmall = 32768;
constexpr int kNumClasses = 68;  // class 0 = large objects
extern const uint32_t kClassSize[kNumClasses];
int sizeClassOf(size_t bytes);   // 1..67 for bytes <= kMaxSmall

// Per-object state byte.
constexpr uint8_t kAllocated = 0x80;
constexpr uint8_t kMarked = 0x40;
constexpr uint8_t kKindMask = 0x0f;

struct Span {
  uintptr_t start = 0;
  size_t npages = 0;
  size_t objSize = 0;     // class size; for a large object its size rounded up to 8
  uint32_t nobjs = 0;
  uint32_t nfree = 0;     // free slots (owner thread and sweeper only)
  uint32_t cursor = 0;    // next slot to try (owner thread)
  uint64_t divMagic = 0;  // ceil(2^48 / objSize): slot = offset * divMagic >> 48 (no division)
  uint8_t cls = 0;        // 0: one large object
  bool owned = false;     // in some thread's cache
  bool inPartial = false; // on the global partial list of its class
  uint8_t* state = nullptr;  // nobjs state bytes (points at `one` for large spans)
  uint8_t one = 0;
  std::vector<uint8_t> stateBuf;
};

struct Heap {
  std::mutex mu;                    // guards everything below except atomics and the page map
  uintptr_t base = 0;
  size_t maxPages = 0;              // pages in the reservation
  size_t hwPages = 0;               // pages ever handed out (high-water mark)
  std::atomic<Span*>* pageMap = nullptr;  // span of each page, nullptr when free
  uint8_t* pageDirty = nullptr;     // free page not known to be zero (zeroed when reused)
  std::vector<Span*> spans;         // spans in use
  std::vector<Span*> spare;         // recycled Span structs
  std::vector<std::pair<size_t, size_t>> freeRuns;  // (first page, npages)
  std::vector<Span*> partial[kNumClasses];
  std::atomic<uint64_t> allocatedSinceGC{0};
  uint64_t liveBytes = 0;
  uint64_t heapBytes = 0;
  std::atomic<uint64_t> limit{0};   // setHeapLimit: cap on heapBytes, 0 for none
  uint64_t numGC = 0;
  uint64_t lastFreed = 0;
};
Heap& heap();

// The span holding address p, or nullptr (p outside the heap or on a free page).
inline Span* spanOf(uintptr_t p) {
  Heap& h = heap();
  if (p < h.base || p >= h.base + h.maxPages * kPageSize) return nullptr;  // maxPages: immutable
  return h.pageMap[(p - h.base) >> kPageShift].load(std::memory_order_relaxed);
}
// Slot index of p inside span s, or -1 if p is past the last slot.
// Exact for offset * objSize < 2^48 (spans are at most 256 KiB of slots up to 32 KiB).
inline int64_t slotOf(const Span* s, uintptr_t p) {
  uint64_t off = p - s->start;
  if (s->cls == 0) return off < s->objSize ? 0 : -1;
  size_t idx = size_t((off * s->divMagic) >> 48);
  return idx < s->nobjs ? int64_t(idx) : -1;
}
inline uint8_t loadState(const Span* s, size_t i) { return __atomic_load_n(&s->state[i], __ATOMIC_RELAXED); }
inline void storeState(Span* s, size_t i, uint8_t v) { __atomic_store_n(&s->state[i], v, __ATOMIC_RELAXED); }

// With heap().mu held: return a dead span's pages to the free pool. dirty: its memory may be
// non-zero (it is zeroed lazily when the pages are handed out again).
void freeSpanLocked(Span* s, bool dirty);
// With heap().mu held: rebuild freeRuns from the page map (coalesces neighbours), and give
// memory back to the OS when much more is free than live.
void rebuildFreeRunsLocked();

}  // namespace gol::rt::heapimpl
