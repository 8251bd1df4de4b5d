// Scheduling policy and event sink (src/DESIGN.md §9): the two seams teaching and testing tools
// build on.
//
// Policy: with no policy installed (the default), the scheduler uses its built-in Go-like fast
// path (per-worker run queues, runnext, stealing, a per-worker PRNG). Installing a Policy forces
// a single worker thread and routes every decision through it: which runnable G runs next, on
// which virtual P, for how long, every random choice, and the clock. SeededPolicy makes a run
// reproducible from a seed (Config::seeded, `gol run -seed N`; env GOL_SCHED_SEED=n for tests).
//
// EventSink: runtime events go to one sink; when none is installed each emit point costs one
// predictable branch on a global pointer.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "sched/sched.h"

namespace gol::sched {

class Policy {
 public:
  virtual ~Policy() = default;
  // G became runnable. `next`: readied or spawned by the running goroutine (Go's runnext).
  virtual void push(G* g, bool next) = 0;
  // The next G to run, or nullptr when none is runnable.
  virtual G* pop() = 0;
  virtual bool empty() = 0;
  // Random number in [0, n): select case order and other random choices.
  virtual uint32_t randn(uint32_t n) = 0;

  // ---- virtual processors and clock (seeded mode); other policies keep the real clock.
  virtual bool virtualTime() const { return false; }
  // g starts a slice: the virtual P it runs on and how many safepoints until it is preempted.
  virtual void startSlice(G* g, int* p, int32_t* budget) {}
  // The running slice ended after `steps` safepoints (park, yield, exit or preemption).
  virtual void endSlice(G* g, int32_t steps) {}
  // Virtual now, in ns: the running P's clock plus `steps` of its slice so far.
  virtual int64_t now(int32_t steps) { return 0; }
  // Every G is blocked and a timer is due at `when`: time jumps there.
  virtual void advanceTo(int64_t when) {}
  virtual int procs() const { return 1; }
  virtual int setProcs(int n) { return procs(); }  // runtime.GOMAXPROCS(n): returns the old value
  // A visible operation (shared access, print) is about to run: true = switch goroutines here.
  virtual bool atVisiblePoint() { return false; }
  virtual bool scripted() const { return false; }
};

// A schedule as a list of choices (gol run -schedule, gol explore -exhaustive): at each decision
// with k > 1 options the next number in `prefix` picks one (0 past its end); `log` records
// every decision taken as (choice, options), which is how a depth-first search finds the next
// schedule to try.
// preemptionBound (CHESS's context bounding): at most that many switches away from a goroutine
// that could have continued; -1: no bound. Switches where a goroutine blocks or ends are free.
// ask (gol step): past the end of the prefix, a person chooses instead of 0.
enum class Decision : uint8_t {
  NextGoroutine,  // options: the ready goroutines
  KeepOrSwitch,   // options: the running goroutine (0 = keep running it), then the ready ones
  SelectCase,     // options: none given (select's shuffled case order)
};
struct Schedule {
  std::vector<uint32_t> prefix;
  std::vector<std::pair<uint32_t, uint32_t>> log;
  // For each entry of log: the goroutine ids of the options (empty for select cases), which
  // gol explore -exhaustive's partial-order reduction needs to know who could have run there.
  std::vector<std::vector<int64_t>> optionIds;
  int preemptionBound = -1;
  int preemptions = 0;
  uint32_t (*ask)(Decision kind, uint32_t n, const G* const* options) = nullptr;
};

// Seeded mode (gol run -seed N): one OS thread simulates `procs` virtual processors, and every
// choice comes from one generator seeded by N, so a run is reproducible byte for byte.
//   * Discrete events: the P with the smallest clock runs next (ties: lowest index); it takes a
//     goroutine uniformly at random among those already runnable at its time (a goroutine woken
//     at time t cannot run before t), else idles forward to the earliest.
//   * A slice lasts a random number of safepoints (loop back-edges and calls), never wall time;
//     each costs kStepNs of virtual time on its P. When every goroutine is blocked, time jumps
//     to the next timer, so time.Sleep(time.Hour) returns at once at virtual hour 1.
//   * Select cases, map iteration starts, math/rand's default seed: randn()/rand64() here.
//   * Scripted (a Schedule): choices come from the list instead of the generator; slices never
//     end by step count, and goroutines switch only where they block or end, or at a visible
//     operation (loads and stores of shared variables, map writes, prints) — the points where
//     an order can change what the program does.
// Only one OS thread calls it (the single worker, or a timer callback on it): no locking.
class SeededPolicy final : public Policy {
 public:
  static constexpr int64_t kStepNs = 20;
  static constexpr int32_t kScriptedSlice = 1 << 20;  // a spinning goroutine still yields
  SeededPolicy(uint64_t seed, int procs, Schedule* script = nullptr);
  // PCT (Burckhardt et al., ASPLOS 2010) instead of the random walk: every goroutine gets a
  // random priority, the highest-priority ready one always runs, and at depth-1 random steps
  // the running goroutine drops below all others. Finds "one goroutine runs long before another"
  // orders that a random walk rarely makes. depth 0: off.
  void usePct(int depth);
  static constexpr int64_t kPctSteps = 20000;  // change points are drawn in [1, kPctSteps]
  void push(G* g, bool next) override;
  G* pop() override;
  bool empty() override { return runnable_.empty(); }
  uint32_t randn(uint32_t n) override;
  bool virtualTime() const override { return true; }
  void startSlice(G* g, int* p, int32_t* budget) override;
  void endSlice(G* g, int32_t steps) override;
  int64_t now(int32_t steps) override;
  void advanceTo(int64_t when) override;
  int procs() const override { return static_cast<int>(clock_.size()); }
  int setProcs(int n) override;
  bool atVisiblePoint() override;
  bool scripted() const override { return script_ != nullptr; }

 private:
  // A decision among k options: scripted (or asked), else random. `options` names the
  // goroutines behind the options when there are such (else null).
  uint32_t choose(uint32_t k, Decision kind = Decision::SelectCase, const G* const* options = nullptr);
  uint64_t next64();
  int earliestP() const;
  struct Entry {
    G* g;
    int64_t readyAt;
  };
  std::vector<Entry> runnable_;
  std::vector<int64_t> clock_;  // per virtual P
  int curP_ = 0;
  int64_t sliceStart_ = 0;
  uint64_t state_;
  Schedule* script_;
  G* forced_ = nullptr;  // scripted: the goroutine a visible point chose to run next
  // PCT
  int pctDepth_ = 0;
  int64_t pctSteps_ = 0;
  std::vector<int64_t> changePoints_;  // ascending step counts still to come
  std::vector<std::pair<int64_t, uint64_t>> priority_;  // goroutine id -> priority (small: low)
  uint64_t priorityOf(const G* g);
  size_t pctPick(int64_t t);
};

enum class Event : uint8_t { Spawn, Run, Block, Unblock, Yield, End, WorkerStart, WorkerStop };
const char* eventName(Event e);

class EventSink {
 public:
  virtual ~EventSink() = default;
  // g: the goroutine concerned (nullptr for worker events). arg: Spawn -> parent id (0: none),
  // Run -> worker id (seeded mode: the virtual P), Unblock -> id of the waking goroutine
  // (0: timer/none), Yield (back to runnable: preempted or Gosched) -> 0,
  // WorkerStart/WorkerStop -> worker id. reason: for Block. Called from any worker thread.
  virtual void event(Event e, const G* g, int64_t arg, WaitReason reason) = 0;
};

namespace detail {
extern EventSink* g_sink;
extern Policy* g_policy;
}  // namespace detail

// Before a sync operation (a lock or unlock, a channel operation or select, a WaitGroup or Cond
// call, an atomic): in a scripted run a decision point, as before a shared access, so that gol
// explore -exhaustive and gol step can order sync operations too (a lock-order deadlock needs a
// switch right after the first Lock). Elsewhere one predictable branch.
// commutes: the operation commutes with the others on obj that also say so (WaitGroup.Add and
// Done: changes of the counter in any order leave the same counter; only Wait, which is not
// one of them, sees it), which spares gol explore reorderings that cannot change anything.
void syncPointSlow(const void* obj, bool commutes);
inline void syncPoint(const void* obj, bool commutes = false) {
  if (__builtin_expect(detail::g_policy != nullptr, 0)) syncPointSlow(obj, commutes);
}

inline void emit(Event e, const G* g, int64_t arg = 0, WaitReason r = WaitReason::None) {
  if (__builtin_expect(detail::g_sink != nullptr, 0)) detail::g_sink->event(e, g, arg, r);
}

}  // namespace gol::sched
