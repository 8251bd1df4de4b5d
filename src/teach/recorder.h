// The recorder: an event sink (sched/policy.h) that keeps what the scheduler reports about a
// run — spawns, runs on Ps, blocks with their reason, wake-ups, yields, ends — plus the prints
// the evaluator reports. It keeps them to make a Timeline (timeline.h) for the charts, and/or
// streams them as -trace's JSON (trace_stream.h) while the program runs; RunBuilder
// (run_builder.h) turns events into slices for both.
// Timestamps come from sched::nanotime(): virtual in seeded runs (so the recording is
// byte-identical from run to run), monotonic otherwise. Events may arrive from several worker
// threads at once in real runs: one mutex orders them.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sched/policy.h"
#include "teach/handoff.h"
#include "teach/run_builder.h"
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

class TraceOut;
class TraceStream;

class Recorder final : public sched::EventSink {
 public:
  // keepEvents: keep the events for finish() (the charts, the REPL); else only stream a trace.
  Recorder(size_t eventLimit, DescribeFn describe, PositionFn position, bool keepEvents = true);
  ~Recorder() override;
  // Writes the trace JSON to path as the run goes (before the scheduler starts); false if the
  // file cannot be opened.
  bool streamTrace(const std::string& path);
  // Ends the streamed trace at program end: false if writing it failed.
  bool finishTrace(const std::string& file, int procs, bool seeded, uint64_t seed);
  void event(sched::Event e, const sched::G* g, int64_t arg, sched::WaitReason reason) override;
  // Output written by the running goroutine (the evaluator calls this for stdout and stderr).
  void print(std::string_view text, bool toStderr);
  // Closes every goroutine still alive at `now` and returns the run as a Timeline.
  Timeline finish(const std::string& file, int procs, bool seeded, uint64_t seed);
  bool truncated() const { return truncated_.load(); }
  // Forgets everything recorded so far (the REPL: a new input starts a new recording).
  void reset();

 private:
  static size_t traceEventsOf(sched::Event e);
  void record(const RunEvent& e);  // under mu_
  Timeline header(const std::string& file, int procs, bool seeded, uint64_t seed);  // under mu_
  bool admit(size_t events);       // under mu_: false once the cap is reached
  int64_t now();
  static constexpr int64_t kUnset = INT64_MIN;

  std::mutex mu_;
  size_t limit_;
  DescribeFn describe_;
  PositionFn position_;
  std::atomic<int64_t> origin_{kUnset};
  bool keep_;
  std::vector<RunEvent> raw_;
  std::vector<Print> prints_;
  size_t written_ = 0;                  // trace events the recorded ones make (traceEventsOf)
  std::atomic<bool> truncated_{false};  // read without mu_ by event()
  int64_t truncatedAt_ = 0;
  // -trace is a pipeline: the run's threads fill batch_ (under mu_); a thread of its own feeds
  // each full batch through traceBuilder_ into trace_, whose JSON traceOut_'s writer thread
  // writes to traceFile_. Building and formatting use the other core, not the program's time.
  struct Batch {
    std::vector<RunEvent> events;
    std::vector<Print> prints;  // one per print note (Run, arg kPrintNote) in events
  };
  static constexpr size_t kBatchEvents = size_t(1) << 15;  // 1.3 MB
  static constexpr size_t kBatchesWaiting = 16;
  void consume(Batch& b);  // on the pipeline's thread
  std::FILE* traceFile_ = nullptr;
  std::unique_ptr<TraceOut> traceOut_;
  std::unique_ptr<TraceStream> trace_;
  std::unique_ptr<RunBuilder> traceBuilder_;
  Batch batch_;
  std::unique_ptr<HandOff<Batch>> pipe_;  // last: destroyed (joined) first
};

}  // namespace gol::teach
