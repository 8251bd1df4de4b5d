// Scheduling policy and event sink (src/DESIGN.md §9): the two seams teaching and testing tools
// build on.
//
// Policy: with no policy installed (the default), the scheduler uses its built-in Go-like fast
// path (per-worker run queues, runnext, stealing, a per-worker PRNG). Installing a Policy forces
// a single worker and routes every decision through it: which runnable G runs next and every
// random choice (select case order). SeededPolicy makes a run reproducible from a seed
// (env GOL_SCHED_SEED=n).
//
// EventSink: runtime events go to one sink; when none is installed each emit point costs one
// predictable branch on a global pointer.
#pragma once
#include <cstdint>
#include <mutex>
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
};

// Deterministic: picks uniformly among runnable Gs with a seeded generator (one worker).
class SeededPolicy final : public Policy {
 public:
  explicit SeededPolicy(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  void push(G* g, bool next) override;
  G* pop() override;
  bool empty() override;
  uint32_t randn(uint32_t n) override;

 private:
  uint64_t next64();
  std::mutex mu_;  // ready() may come from a timer or another thread
  std::vector<G*> runnable_;
  uint64_t state_;
};

enum class Event : uint8_t { Spawn, Run, Block, Unblock, End, WorkerStart, WorkerStop };
const char* eventName(Event e);

class EventSink {
 public:
  virtual ~EventSink() = default;
  // g: the goroutine concerned (nullptr for worker events). arg: Spawn -> parent id (0: none),
  // Run -> worker id, Unblock -> id of the waking goroutine (0: timer/none),
  // WorkerStart/WorkerStop -> worker id. reason: for Block. Called from any worker thread.
  virtual void event(Event e, const G* g, int64_t arg, WaitReason reason) = 0;
};

namespace detail {
extern EventSink* g_sink;
extern Policy* g_policy;
}  // namespace detail

inline void emit(Event e, const G* g, int64_t arg = 0, WaitReason r = WaitReason::None) {
  if (__builtin_expect(detail::g_sink != nullptr, 0)) detail::g_sink->event(e, g, arg, r);
}

}  // namespace gol::sched
