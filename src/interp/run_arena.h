// Who owns what the evaluator compiles. Nodes, assignable places (LValue), compiled functions
// and method entries derive from RunOwned: `new` takes them from the current run's arena, which
// an in-process run (RunOptions::returnFromRun: unit tests, fuzz_program) destroys when it ends,
// together with the run's other state (interp/goroutines.cpp's endRun). A gol process that runs
// one program ends in _exit and never frees it; the REPL keeps one arena for its whole session.
// Per-process singletons (the runtime error types' methods) go to a permanent arena instead.
#pragma once
#include <cstddef>

namespace gol::interp {

// Base of every class whose objects belong to a run. The virtual destructor lets the arena
// destroy an object without knowing its type; Node and LValue are polymorphic anyway, so their
// layout does not change.
struct RunOwned {
  virtual ~RunOwned() = default;
  static void* operator new(std::size_t size);
  static void operator delete(void* p) noexcept;  // destroyed early: leaves the arena's list
};

// The same ownership for small structs that must stay aggregates (no base class: the
// evaluator's inline caches): GOL_RUN_OWNED(T) in the body of struct T. destroy(p) deletes the
// object as a T.
void* runAllocate(std::size_t size, void (*destroy)(void*));
void runRelease(void* p) noexcept;
#define GOL_RUN_OWNED(T)                                                                          \
  static void* operator new(std::size_t n) {                                                       \
    return ::gol::interp::runAllocate(n, [](void* p) { delete static_cast<T*>(p); });             \
  }                                                                                                \
  static void operator delete(void* p) noexcept { ::gol::interp::runRelease(p); }

// Destroys every object of the current arena and frees its memory; allocations from then on go
// to a fresh arena. Only when nothing runs: no worker may be compiling.
void resetRunArena();

// Objects allocated (on this thread) while one of these is alive are never freed.
class PermanentAllocs {
 public:
  PermanentAllocs();
  ~PermanentAllocs();
  PermanentAllocs(const PermanentAllocs&) = delete;
  PermanentAllocs& operator=(const PermanentAllocs&) = delete;

 private:
  bool saved_;
};

// Live objects in the current arena (tests).
size_t runArenaObjects();

}  // namespace gol::interp
