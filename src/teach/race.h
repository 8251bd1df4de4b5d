// gol run -race: a happens-before data race detector in the FastTrack style (Flanagan & Freund,
// PLDI 2009): every goroutine has a vector clock; every watched word keeps the epoch (clock @
// goroutine) of its last write and of its last read, or the reads' clocks once two concurrent
// goroutines read it; sync operations join clocks through their object's clock. An access that
// is not ordered after a conflicting earlier one is a race, reported once per pair of source
// positions in Go's layout, and the program exits 66 at the end (Go's GORACE exitcode).
//
// Edges (the runtime and natives call raceAcquire/raceRelease, runtime/hooks.h): `go`; every
// channel operation acquires and releases the channel (an over-approximation of Go's rules:
// it can hide a race, never invent one); Mutex/RWMutex unlock -> lock; WaitGroup Done -> Wait;
// Cond signal -> wake; every sync/atomic operation; Once through its mutex and atomics.
// Watched words: what the evaluator reads and writes on the heap (captured and boxed variables,
// globals, struct fields, array and slice elements, pointees) and maps as wholes. Stack-only
// locals cannot race and are not watched.
#pragma once
#include <cstdint>
#include <string>

namespace gol::teach::race {

// Where an access happens, as the evaluator knows it: the statement and its function.
struct Site {
  uint32_t pos = 0;
  const char* function = nullptr;
};
// The evaluator's services: the current goroutine's stack as Go prints it, a position as
// "/abs/prog.go:12", and the text of a source line.
struct Describe {
  std::string (*stack)() = nullptr;
  std::string (*position)(uint32_t pos) = nullptr;
  std::string (*lineText)(uint32_t pos) = nullptr;
};

void enable(const Describe& d);  // installs the sync hooks (rt::hooks) and turns watching on
bool enabled();

// `go` at `site`, run by the current goroutine: fork() before the new goroutine can run (its
// clock is the parent's at that point), start() as the first thing the new goroutine does.
void* fork(Site site);
void start(int64_t child, void* forked);
void read(const void* addr, Site site);
void write(const void* addr, Site site);
void finished(int64_t goroutine);

int racesFound();
// At exit: "Found N data race(s)" when there were any; returns the exit status to use.
int finish(int status);

}  // namespace gol::teach::race
