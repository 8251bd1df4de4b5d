// The recorder: an event sink (sched/policy.h) that keeps what the scheduler reports about a
// run — spawns, runs on Ps, blocks with their reason, wake-ups, yields, ends — plus the prints
// the evaluator reports, and turns them into a Timeline (timeline.h) for the renderers.
// Timestamps come from sched::nanotime(): virtual in seeded runs (so the recording is
// byte-identical from run to run), monotonic otherwise. Events may arrive from several worker
// threads at once in real runs: one mutex orders them.
#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sched/policy.h"
#include "teach/timeline.h"

namespace gol::teach {

// What the evaluator can tell about a goroutine that is running or parked: its entry function
// ("main.worker", a string that lives as long as the program, or null) and the source position
// it is at (an opaque number, 0 = unknown), which PositionFn spells ("prog.go:12") once, when
// the Timeline is built: recording stays allocation-free per event.
struct GoroutineView {
  const char* function = nullptr;
  uint32_t pos = 0;
};
using DescribeFn = GoroutineView (*)(const sched::G* g);
using PositionFn = std::string (*)(uint32_t pos);

class Recorder final : public sched::EventSink {
 public:
  Recorder(size_t eventLimit, DescribeFn describe, PositionFn position);
  void event(sched::Event e, const sched::G* g, int64_t arg, sched::WaitReason reason) override;
  // Output written by the running goroutine (the evaluator calls this for stdout and stderr).
  void print(std::string_view text, bool toStderr);
  // Closes every goroutine still alive at `now` and returns the run as a Timeline.
  Timeline finish(const std::string& file, int procs, bool seeded, uint64_t seed);
  bool truncated() const { return truncated_.load(); }
  // Forgets everything recorded so far (the REPL: a new input starts a new recording).
  void reset();

 private:
  struct Raw {
    sched::Event kind;
    sched::WaitReason reason;
    uint32_t pos;  // Spawn: the `go` statement; Block: where it waits
    int64_t ts, g, arg;
    const char* function;  // entry function when known at this event, else null
  };
  struct Live;  // per-goroutine state while building the Timeline
  static size_t traceEventsOf(sched::Event e);
  bool admit(size_t events);  // under mu_: false once the cap is reached
  int64_t now();
  static constexpr int64_t kUnset = INT64_MIN;

  std::mutex mu_;
  size_t limit_;
  DescribeFn describe_;
  PositionFn position_;
  std::atomic<int64_t> origin_{kUnset};
  std::vector<Raw> raw_;
  std::vector<Print> prints_;
  size_t written_ = 0;  // trace events the recorded ones make (traceEventsOf)
  std::atomic<bool> truncated_{false};  // read without mu_ by event()
  int64_t truncatedAt_ = 0;
};

}  // namespace gol::teach
