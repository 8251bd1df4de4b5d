// The gol heap: allocation of every gol object, and its non-moving mark-sweep collector
// (src/DESIGN.md §5). rt::alloc (object.h) is the allocation entry point; this header adds what the
// evaluator, the scheduler glue and tests need: object lookup, GC roots, the GC trigger.
//
// Layout. One big virtual reservation (MAP_NORESERVE) cut into 8 KiB pages. A *span* is a run of
// pages holding either objects of one size class (Go's classes, 8 B .. 32 KiB) or one large
// object. A page map gives the span of any address in O(1), so a word that points anywhere
// inside an object (interior pointer: StrObj::data, PtrObj::addr, a Value* into an ArrObj)
// resolves to that object; that is also how conservative stack words are validated.
//
// Object header. Kept out of line, in the span: one state byte per object (allocated bit, mark
// bit, ObjKind) plus the span's object size. The ObjKind decides precise scanning: Bytes holds
// no pointers, Str scans only its 3 header words (its tail is bytes), every other kind is scanned
// word by word, each word validated against the page map (so non-pointer words are harmless).
//
// Threads. Each thread owns at most one span per size class and allocates from it without a
// lock; spans and pages come from a global pool under a mutex. Free slots are always zero
// (fresh pages are zero, the sweeper zeroes what it frees), so alloc() does no memset.
//
// Collection. collect() is called by the evaluator at a safepoint when gcWanted(). It stops the
// world (sched::stopTheWorld), marks from the roots (registered ranges and scanners, pinned
// objects, every goroutine stack and G struct, pending timers' args), sweeps, restarts the world.
// Roots rule for other components: a Value held anywhere other than the gol heap, a goroutine
// stack or a registered root range/scanner is invisible to the collector — register it or pin.
// Env GOL_GC=off disables collection.
#pragma once
#include <cstddef>
#include <cstdint>

#include "runtime/object.h"

namespace gol::rt {

// ---------------------------------------------------------------- object lookup
// Start of the live heap object containing address p (interior pointers allowed), or nullptr.
void* heapObjectBase(const void* p);
// Usable size in bytes of the object starting at obj (>= the size asked of alloc()).
size_t heapObjectSize(const void* obj);
ObjKind heapObjectKind(const void* obj);
bool inHeap(const void* p);  // inside the heap's reservation (not necessarily a live object)

// ---------------------------------------------------------------- roots
// A range of words scanned conservatively at every collection (e.g. the evaluator's globals).
void addRootRange(Value* lo, Value* hi);
void addRootRange(const void* lo, const void* hi);
void removeRootRange(const void* lo);  // by the lo given to addRootRange
// A callback run at every collection; it reports its roots by calling markRange on word ranges.
using MarkRangeFn = void (*)(const void* lo, const void* hi);
using RootScanner = void (*)(MarkRangeFn markRange, void* ctx);
void addRootScanner(RootScanner fn, void* ctx);
// Keeps an object (and what it references) alive while pinned; counted (pin twice, unpin twice).
void pin(const void* obj);
void unpin(const void* obj);

// ---------------------------------------------------------------- collection
bool gcWanted();        // cheap: allocated-since-last-GC over the trigger (and GC enabled)
void collect();         // full stop-the-world collection; call only at a safepoint
void setGcEnabled(bool on);  // default: on unless GOL_GC=off
bool gcEnabled();

// Caps the pages in use by spans at `bytes` (gol run -maxheap, GOL_MAXHEAP); 0: the memory the
// machine (or the process's cgroup) has. Reaching the cap is outOfMemory(), as exhausting the
// reservation is. Collections start earlier as the heap nears the cap, so garbage does not count
// against it. Not called (unit tests): no cap but the reservation.
void setHeapLimit(uint64_t bytes);

struct HeapStats {
  uint64_t numGC;
  uint64_t liveBytes;        // after the last collection
  uint64_t allocatedSinceGC; // bytes handed out (at span granularity) since the last collection
  uint64_t heapBytes;        // pages in use by spans
  uint64_t lastFreedBytes;   // freed by the last collection
};
HeapStats heapStats();

}  // namespace gol::rt
