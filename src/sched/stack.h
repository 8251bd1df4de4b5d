// Goroutine stack memory: segments carved from large MAP_NORESERVE slabs and pooled.
//
// No guard pages: each guarded stack costs two VMAs and vm.max_map_count (65530) would cap us
// near 32k goroutines. Overflow is detected in software instead (stackLow() + growAndCall).
// Only touched pages cost RSS, so a 64 KiB segment whose top page or two is used costs 4-8 KiB.
//
// Sizes are powers of two from 64 KiB. Small classes (<= 1 MiB) are carved from 256 MiB slabs
// and kept on per-class free lists; larger segments (deep recursion) are mmap'ed and unmapped
// one by one. Freed segments above the base size are madvise(DONTNEED)'d so a deep recursion
// does not keep its RSS after it returns.
#pragma once
#include <cstddef>

namespace gol::sched {

struct StackMem {
  char* lo = nullptr;
  size_t size = 0;
};

StackMem allocStack(size_t size);  // size rounded up to a power of two >= 64 KiB
void freeStack(StackMem s);
size_t stackPoolBytes();  // virtual bytes reserved, for tests/diagnostics

// An extra segment pushed by growAndCall. The header sits at the top of its own memory.
struct StackSeg {
  StackMem mem;
  StackSeg* outer = nullptr;   // the segment we came from (nullptr: the G's base segment)
  void* outerSp = nullptr;     // stack pointer saved in the outer segment while this one runs
  char* outerLimit = nullptr;  // the outer segment's limit, restored on return
  void* outerCtx = nullptr;    // fcontext to return to
};

}  // namespace gol::sched
