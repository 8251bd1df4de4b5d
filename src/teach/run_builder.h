// The one place where the scheduler's events about a run become what the teaching tools show:
// each goroutine's slices (running on a P, runnable, blocked with its reason and position),
// spawn and wake-up arrows, and where those arrows land. RunBuilder is fed the events in the
// order they happened and hands every piece to a RunListener as soon as it is final. Two
// listeners exist: the Timeline collector (recorder.cpp), for the charts, and the trace stream
// (trace_stream.h), which writes -trace's JSON while the program runs, so that a million-event
// trace is never held in memory.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sched/policy.h"
#include "teach/timeline.h"

namespace gol::teach {

// What the recorder saw: one scheduler event, or (kind Run, arg kPrintNote) a print's note of
// the printing goroutine's function.
struct RunEvent {
  sched::Event kind;
  sched::WaitReason reason;
  uint32_t pos;  // Spawn: the `go` statement; Block: where it waits (0 = unknown)
  int64_t ts, g, arg;
  const char* function;  // entry function when known at this event, else null
};

inline constexpr int64_t kPrintNote = -1;

using PositionFn = std::string (*)(uint32_t pos);

// Calls come in time order per goroutine: started, then its slices in order (tiling its
// lifetime), then ended. Goroutines are numbered by `index` in creation order.
class RunListener {
 public:
  virtual ~RunListener() = default;
  // id, parent, start and createdAt are set; function may still be empty.
  virtual void started(const Goroutine& g, size_t index) = 0;
  virtual void slice(const Goroutine& g, size_t index, const Slice& s) = 0;
  // Arrow `id` (0, 1, ... in creation order) starts; its target is a recorded goroutine, and
  // fromKnown says whether its source is one too (false: a timer woke the target).
  virtual void arrow(size_t id, const Arrow& a, bool fromKnown) = 0;
  // Arrow `id` ends at toTs: where its target next starts running, or its own start if the
  // target never ran again. Comes before the slice it lands on.
  virtual void landed(size_t id, const Arrow& a, bool fromKnown) = 0;
  // function and end are final; no more slices of g follow.
  virtual void ended(const Goroutine& g, size_t index) = 0;
};

class RunBuilder {
 public:
  RunBuilder(RunListener& out, PositionFn position) : out_(out), position_(position) {}
  void add(const RunEvent& e);
  // Ends every goroutine still alive at `end`.
  void finish(int64_t end);
  bool known(int64_t goid) const { return live_.count(goid) != 0; }

 private:
  struct Pending {
    size_t id;
    Arrow arrow;
    bool fromKnown;
  };
  struct Live {
    Goroutine head;  // everything but slices
    size_t index;
    GState state = GState::Runnable;
    int64_t since = 0;  // the open slice's start
    int p = -1;
    std::string reason, where;
    bool holding = false;  // `held` is the last closed slice, kept back in case the next extends it
    Slice held;
    std::vector<Pending> arrows;  // arrows waiting for this goroutine's next run
  };
  void spawn(const RunEvent& e);
  void close(Live& l, int64_t ts);
  void land(Live& l);
  void end(Live& l, int64_t ts);
  void addArrow(ArrowKind kind, int64_t from, Live& to, int64_t ts);
  const std::string& positionText(uint32_t pos);

  RunListener& out_;
  PositionFn position_;
  std::unordered_map<int64_t, Live> live_;  // goroutines started and not ended
  std::unordered_map<uint32_t, std::string> positions_;
  size_t goroutines_ = 0, arrows_ = 0;
};

// The goroutines and arrows of a run from its events (in order), into t, whose header fields
// (end in particular: where the goroutines still alive are closed) the caller sets.
void buildTimeline(Timeline& t, const std::vector<RunEvent>& events, PositionFn position);

}  // namespace gol::teach
