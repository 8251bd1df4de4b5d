// A recorded run, as the teaching tools draw it: goroutines with the states they passed through,
// which P ran them, the prints they made and who woke whom. The recorder (teach/recorder.cpp)
// builds it from the scheduler's event sink; the renderers (trace JSON, SVG/HTML, Mermaid,
// text) only read it. Times are nanoseconds from the start of the run: virtual in seeded runs,
// monotonic otherwise.
//
// Invariants the renderers rely on (the recorder keeps them):
//   * a goroutine's slices are sorted, never overlap, and tile [start, end) without gaps;
//   * no two Running slices with the same P overlap (a P runs one goroutine at a time);
//   * goroutines are in creation order; goroutines[0] is main (id 1).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace gol::teach {

enum class GState : uint8_t { Running, Runnable, Blocked };

struct Slice {
  int64_t start = 0, end = 0;  // ns, end > start
  GState state = GState::Running;
  int p = -1;          // Running: the P (0-based) that ran it; else -1
  std::string reason;  // Blocked: Go's wait reason ("chan receive", "sync.WaitGroup.Wait", ...)
  std::string where;   // Blocked/Runnable: the source position it waits at ("prog.go:12"), or ""
};

struct Goroutine {
  int64_t id = 0;           // Go's goroutine id (main is 1)
  std::string function;     // "main.main", "main.worker", "main.main.func1"
  std::string createdAt;    // the `go` statement's position ("prog.go:7"); "" for main
  int64_t parent = 0;       // id of the goroutine that ran the `go` statement; 0 for main
  int64_t start = 0, end = 0;  // lifetime in ns
  std::vector<Slice> slices;
};

struct Print {
  int64_t ts = 0;
  int64_t g = 0;     // goroutine that printed
  std::string text;  // what was written (stdout or stderr), newline included if written
  bool toStderr = false;
};

enum class ArrowKind : uint8_t { Spawn, Wake };

// "from made to runnable": a `go` statement (Spawn) or a channel/sync hand-off (Wake). The arrow
// starts at (fromTs, from) and ends where `to` next starts running (toTs).
struct Arrow {
  ArrowKind kind = ArrowKind::Wake;
  int64_t from = 0, to = 0;  // goroutine ids; from == 0: woken by a timer
  int64_t fromTs = 0, toTs = 0;
};

struct Timeline {
  std::string file;      // program file as given on the command line
  int procs = 1;         // GOMAXPROCS of the run
  bool seeded = false;   // seeded runs use the virtual clock
  uint64_t seed = 0;
  int64_t end = 0;       // ns at which the program ended
  bool truncated = false;  // recording stopped at the event cap
  int64_t truncatedAt = 0;
  std::vector<Goroutine> goroutines;
  std::vector<Print> prints;  // in output order
  std::vector<Arrow> arrows;
};

}  // namespace gol::teach
