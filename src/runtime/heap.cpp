// The allocator half of the gol heap (design in heap.h): page reservation, spans, Go's size
// classes, per-thread span caches, object lookup. The collector is in gc.cpp.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/heap_internal.h"
#include "sched/sched.h"

namespace gol::rt::heapimpl {

// Go's malloc size classes (runtime/sizeclasses.go); slot sizes of small spans.
const uint32_t kClassSize[kNumClasses] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,   176,
    192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,   512,   576,
    640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,  2688,  3072,
    3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

namespace {

// size -> class lookup: by 8-byte steps up to 1024, by 128-byte steps above.
struct ClassTable {
  uint8_t small[1024 / 8 + 1];
  uint8_t large[(kMaxSmall - 1024) / 128 + 1];
  ClassTable() {
    int c = 1;
    for (size_t i = 0; i <= 1024 / 8; i++) {
      while (kClassSize[c] < i * 8) c++;
      small[i] = uint8_t(c);
    }
    for (size_t i = 0; i <= (kMaxSmall - 1024) / 128; i++) {
      while (kClassSize[c] < 1024 + i * 128) c++;
      large[i] = uint8_t(c);
    }
  }
};
const ClassTable kClassTable;

// An anonymous MAP_NORESERVE mapping (only touched pages cost memory), or nullptr.
void* mapNoReserve(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// Reserves the heap's address space (and its page tables) once, as large as the OS allows.
void reserve(Heap& h) {
  for (size_t gib = 64; gib >= 1; gib /= 2) {
    size_t bytes = gib << 30, pages = bytes >> kPageShift;
    void* p = mapNoReserve(bytes);
    void* pm = p ? mapNoReserve(pages * sizeof(std::atomic<Span*>)) : nullptr;
    void* pd = pm ? mapNoReserve(pages) : nullptr;
    if (!pd) {
      if (pm) munmap(pm, pages * sizeof(std::atomic<Span*>));
      if (p) munmap(p, bytes);
      continue;
    }
    h.base = reinterpret_cast<uintptr_t>(p);
    h.maxPages = pages;
    h.pageMap = static_cast<std::atomic<Span*>*>(pm);
    h.pageDirty = static_cast<uint8_t*>(pd);
    return;
  }
  std::fputs("fatal error: runtime: cannot reserve heap memory\n", stderr);
  std::_Exit(2);
}

// Zeroes the dirty pages among [first, first + n).
void cleanPages(Heap& h, size_t first, size_t n) {
  for (size_t i = first; i < first + n;) {
    if (!h.pageDirty[i]) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < first + n && h.pageDirty[j]) h.pageDirty[j++] = 0;
    std::memset(reinterpret_cast<void*>(h.base + (i << kPageShift)), 0, (j - i) << kPageShift);
    i = j;
  }
}

constexpr size_t kNoPages = SIZE_MAX;

// With h.mu held: npages contiguous zeroed pages (first fit, else from the high-water mark), or
// kNoPages when the reservation is used up.
size_t allocPagesLocked(Heap& h, size_t npages) {
  for (auto& run : h.freeRuns) {
    if (run.second < npages) continue;
    size_t first = run.first;
    run.first += npages;
    run.second -= npages;
    if (run.second == 0) {
      run = h.freeRuns.back();
      h.freeRuns.pop_back();
    }
    cleanPages(h, first, npages);
    return first;
  }
  if (h.hwPages + npages > h.maxPages) return kNoPages;
  size_t first = h.hwPages;
  h.hwPages += npages;
  return first;
}

// With h.mu held: a span of npages registered in the page map, or null when the heap is out of
// memory (its cap, or its reservation). The caller reports that after releasing h.mu: an
// in-process run ends at the report, and must not leave the heap locked for the next one.
Span* newSpanLocked(Heap& h, size_t npages) {
  uint64_t limit = h.limit.load(std::memory_order_relaxed);
  if (limit && h.heapBytes + npages * kPageSize > limit) return nullptr;
  size_t first = allocPagesLocked(h, npages);
  if (first == kNoPages) return nullptr;
  Span* s;
  if (!h.spare.empty()) {
    s = h.spare.back();
    h.spare.pop_back();
  } else {
    s = new Span;
  }
  s->start = h.base + (first << kPageShift);
  s->npages = npages;
  s->owned = s->inPartial = false;
  s->cursor = 0;
  for (size_t i = 0; i < npages; i++) h.pageMap[first + i].store(s, std::memory_order_relaxed);
  h.spans.push_back(s);
  h.heapBytes += npages * kPageSize;
  return s;
}

// A fresh span for size class cls: at least 8 KiB and at least 8 slots.
Span* newSmallSpanLocked(Heap& h, int cls) {
  size_t size = kClassSize[cls];
  size_t bytes = std::max(kPageSize, (size * 8 + kPageSize - 1) & ~(kPageSize - 1));
  Span* s = newSpanLocked(h, bytes >> kPageShift);
  if (!s) return nullptr;
  s->cls = uint8_t(cls);
  s->objSize = size;
  s->divMagic = ((uint64_t(1) << 48) + size - 1) / size;
  s->nobjs = uint32_t(bytes / size);
  s->nfree = s->nobjs;
  s->stateBuf.assign(s->nobjs, 0);
  s->state = s->stateBuf.data();
  return s;
}

// Per-thread cache: the span this thread allocates from, per class. Trivially constructible so
// the fast path reads it without a TLS init guard; the releaser (touched on the slow path only)
// hands the spans back to the pool when the thread exits.
struct ThreadCache {
  Span* cur[kNumClasses];
};
thread_local ThreadCache tcache;

struct CacheReleaser {
  bool armed = false;
  ~CacheReleaser() {
    Heap& h = heap();
    std::lock_guard<std::mutex> g(h.mu);
    for (Span*& s : tcache.cur) {
      if (!s) continue;
      s->owned = false;
      if (s->nfree > 0 && !s->inPartial) {
        s->inPartial = true;
        h.partial[s->cls].push_back(s);
      }
      s = nullptr;
    }
  }
};
thread_local CacheReleaser releaser;

// Replaces the thread's exhausted span of class cls by one with free slots.
Span* refill(ThreadCache& c, int cls) {
  releaser.armed = true;  // constructs the releaser on this thread's first refill
  Heap& h = heap();
  {
    std::lock_guard<std::mutex> g(h.mu);
    if (Span* old = c.cur[cls]) old->owned = false;  // full: on no list until the sweeper frees slots
    c.cur[cls] = nullptr;
    Span* s = nullptr;
    auto& part = h.partial[cls];
    while (!part.empty() && !s) {
      s = part.back();
      part.pop_back();
      s->inPartial = false;
      if (s->nfree == 0) s = nullptr;
    }
    if (!s) s = newSmallSpanLocked(h, cls);
    if (s) {
      s->owned = true;
      c.cur[cls] = s;
      h.allocatedSinceGC.fetch_add(uint64_t(s->nfree) * s->objSize, std::memory_order_relaxed);
      return s;
    }
  }
  outOfMemory();
}

// Takes a free slot of s (which has nfree > 0), scanning from the cursor and wrapping once.
void* takeSlot(Span* s, ObjKind kind) {
  uint32_t i = s->cursor;
  while (true) {
    if (i >= s->nobjs) i = 0;
    if (loadState(s, i) == 0) break;
    i++;
  }
  storeState(s, i, uint8_t(kAllocated | uint8_t(kind)));
  s->nfree--;
  s->cursor = i + 1;
  return reinterpret_cast<void*>(s->start + size_t(i) * s->objSize);
}

void* allocLarge(size_t bytes, ObjKind kind) {
  Heap& h = heap();
  if (bytes > h.maxPages * kPageSize) outOfMemory();  // before rounding up can overflow
  size_t npages = (bytes + kPageSize - 1) >> kPageShift;
  std::unique_lock<std::mutex> g(h.mu);
  Span* s = newSpanLocked(h, npages);
  if (!s) {
    g.unlock();
    outOfMemory();
  }
  s->cls = 0;
  s->objSize = (bytes + 7) & ~size_t(7);
  s->nobjs = 1;
  s->nfree = 0;
  s->state = &s->one;
  s->one = uint8_t(kAllocated | uint8_t(kind));
  h.allocatedSinceGC.fetch_add(npages * kPageSize, std::memory_order_relaxed);
  return reinterpret_cast<void*>(s->start);
}

}  // namespace

int sizeClassOf(size_t bytes) {
  if (bytes <= 1024) return kClassTable.small[(bytes + 7) / 8];
  return kClassTable.large[(bytes - 1024 + 127) / 128];
}

Heap& heap() {
  static Heap* h = [] {
    Heap* x = new Heap;  // never destroyed: threads may allocate during exit
    reserve(*x);
    return x;
  }();
  return *h;
}

void freeSpanLocked(Span* s, bool dirty) {
  Heap& h = heap();
  size_t first = (s->start - h.base) >> kPageShift;
  for (size_t i = 0; i < s->npages; i++) {
    h.pageMap[first + i].store(nullptr, std::memory_order_relaxed);
    if (dirty) h.pageDirty[first + i] = 1;
  }
  h.heapBytes -= s->npages * kPageSize;
  s->stateBuf.clear();
  s->stateBuf.shrink_to_fit();
  s->state = nullptr;
  h.spare.push_back(s);
}

// Free pages that were used (dirty) hold RSS. Keep enough of them for the next GC cycle
// (the trigger lets 2x live be allocated) and give the rest back to the OS, highest addresses
// first (first-fit allocation reuses low addresses). MADV_DONTNEED pages read back as zero.
void releaseExcess(Heap& h) {
  uint64_t retain = std::max<uint64_t>(uint64_t(64) << 20, 2 * h.liveBytes) >> kPageShift;
  uint64_t dirty = 0;
  for (auto& [first, n] : h.freeRuns)
    for (size_t i = first; i < first + n; i++) dirty += h.pageDirty[i];
  for (size_t r = h.freeRuns.size(); r-- > 0 && dirty > retain;) {
    auto [first, n] = h.freeRuns[r];
    if (n < 16) continue;
    madvise(reinterpret_cast<void*>(h.base + (first << kPageShift)), n << kPageShift, MADV_DONTNEED);
    for (size_t i = first; i < first + n; i++) {
      dirty -= h.pageDirty[i];
      h.pageDirty[i] = 0;
    }
  }
}

void rebuildFreeRunsLocked() {
  Heap& h = heap();
  h.freeRuns.clear();
  size_t i = 0;
  while (i < h.hwPages) {
    if (h.pageMap[i].load(std::memory_order_relaxed)) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < h.hwPages && !h.pageMap[j].load(std::memory_order_relaxed)) j++;
    h.freeRuns.emplace_back(i, j - i);
    i = j;
  }
  releaseExcess(h);
}

}  // namespace gol::rt::heapimpl

namespace gol::rt {
using namespace heapimpl;

// The heap grew by a span: if that crossed the collection trigger, make the allocating
// goroutine's next safepoint take the slow path, where the evaluator's hook collects
// (src/DESIGN.md §7). Checked per span, not per object, so the fast path stays a slot take.
static void requestGcIfWanted() {
  if (gcWanted()) sched::requestSafepoint();
}

void* alloc(size_t bytes, ObjKind kind) {
  if (bytes > kMaxSmall) {
    void* p = allocLarge(bytes, kind);
    requestGcIfWanted();
    return p;
  }
  int cls = sizeClassOf(bytes == 0 ? 1 : bytes);
  ThreadCache& c = tcache;
  Span* s = c.cur[cls];
  if (!s || s->nfree == 0) {
    s = refill(c, cls);
    requestGcIfWanted();
  }
  return takeSlot(s, kind);
}

bool inHeap(const void* p) {
  Heap& h = heap();
  auto a = reinterpret_cast<uintptr_t>(p);
  return a >= h.base && a < h.base + h.maxPages * kPageSize;
}

void* heapObjectBase(const void* p) {
  auto a = reinterpret_cast<uintptr_t>(p);
  Span* s = spanOf(a);
  if (!s) return nullptr;
  int64_t i = slotOf(s, a);
  if (i < 0 || !(loadState(s, size_t(i)) & kAllocated)) return nullptr;
  return reinterpret_cast<void*>(s->start + size_t(i) * s->objSize);
}

size_t heapObjectSize(const void* obj) {
  Span* s = spanOf(reinterpret_cast<uintptr_t>(obj));
  return s ? s->objSize : 0;
}

ObjKind heapObjectKind(const void* obj) {
  auto a = reinterpret_cast<uintptr_t>(obj);
  Span* s = spanOf(a);
  if (!s) return ObjKind::Other;
  int64_t i = slotOf(s, a);
  return i < 0 ? ObjKind::Other : ObjKind(loadState(s, size_t(i)) & kKindMask);
}

// The memory this process can have: the machine's, or its cgroup's (a container) when smaller.
// Past it a program would be killed or thrash; with it as the default cap it stops cleanly.
static uint64_t availableMemory() {
  uint64_t bytes = uint64_t(sysconf(_SC_PHYS_PAGES)) * uint64_t(sysconf(_SC_PAGESIZE));
  if (FILE* f = std::fopen("/sys/fs/cgroup/memory.max", "r")) {
    unsigned long long cg = 0;
    if (std::fscanf(f, "%llu", &cg) == 1 && cg > 0) bytes = std::min<uint64_t>(bytes, cg);  // "max": no limit
    std::fclose(f);
  }
  return bytes;
}

void setHeapLimit(uint64_t bytes) {
  heap().limit.store(bytes ? bytes : availableMemory(), std::memory_order_relaxed);
}

HeapStats heapStats() {
  Heap& h = heap();
  std::lock_guard<std::mutex> g(h.mu);
  return HeapStats{h.numGC, h.liveBytes, h.allocatedSinceGC.load(std::memory_order_relaxed), h.heapBytes,
                   h.lastFreed};
}

}  // namespace gol::rt
