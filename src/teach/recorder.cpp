// Recording a run (recorder.h): events while it runs, streamed to the trace and/or kept for
// the Timeline made at the end.
#include "teach/recorder.h"

#include <algorithm>
#include <unordered_map>

#include "teach/trace_out.h"
#include "teach/trace_stream.h"

namespace gol::teach {

using sched::Event;

Recorder::Recorder(size_t eventLimit, DescribeFn describe, PositionFn position, bool keepEvents)
    : limit_(eventLimit), describe_(describe), position_(position), keep_(keepEvents) {
  // Nearly every event makes a trace event, so the cap bounds the kept events too. Reserved
  // address space costs nothing until used; growing a vector of a million copies it twice over.
  if (keep_) raw_.reserve(std::min<size_t>(limit_, size_t(1) << 22));
}

Recorder::~Recorder() {
  pipe_.reset();
  traceBuilder_.reset();
  trace_.reset();
  traceOut_.reset();  // joins the writer thread
  if (traceFile_) std::fclose(traceFile_);
}

bool Recorder::streamTrace(const std::string& path) {
  traceFile_ = std::fopen(path.c_str(), "wb");
  if (!traceFile_) return false;
  traceOut_ = std::make_unique<TraceOut>(traceFile_);
  trace_ = std::make_unique<TraceStream>(*traceOut_);
  traceBuilder_ = std::make_unique<RunBuilder>(*trace_, position_);
  batch_.events.reserve(kBatchEvents);
  pipe_ = std::make_unique<HandOff<Batch>>([this](Batch& b) { consume(b); }, kBatchesWaiting);
  return true;
}

void Recorder::consume(Batch& b) {
  size_t print = 0;
  for (const RunEvent& e : b.events) {
    traceBuilder_->add(e);
    if (e.kind != Event::Run || e.arg != kPrintNote) continue;
    const Print& p = b.prints[print++];
    if (traceBuilder_->known(p.g)) trace_->printed(p);
  }
  b.events.clear();
  b.prints.clear();
}

bool Recorder::finishTrace(const std::string& file, int procs, bool seeded, uint64_t seed) {
  std::lock_guard<std::mutex> lk(mu_);
  if (!trace_) return true;
  Timeline run = header(file, procs, seeded, seed);
  if (!batch_.events.empty()) pipe_->give(batch_);
  pipe_->drain();
  pipe_.reset();
  traceBuilder_->finish(run.end);
  bool ok = trace_->finish(run);
  traceBuilder_.reset();
  trace_.reset();
  traceOut_.reset();
  ok = std::fclose(traceFile_) == 0 && ok;
  traceFile_ = nullptr;
  return ok;
}

void Recorder::record(const RunEvent& e) {
  if (keep_) raw_.push_back(e);
  if (!pipe_) return;
  batch_.events.push_back(e);
  if (batch_.events.size() >= kBatchEvents) {
    pipe_->give(batch_);
    batch_.events.reserve(kBatchEvents);
  }
}

// The run's first event sets the origin (the recorder is made before the scheduler starts, so
// before it knows whether the clock is virtual: virtual time already starts at 0).
int64_t Recorder::now() {
  int64_t t = sched::nanotime();
  int64_t o = origin_.load(std::memory_order_relaxed);
  if (o == kUnset) {
    int64_t fresh = sched::virtualClock() ? 0 : t;
    origin_.compare_exchange_strong(o, fresh);
    o = origin_.load(std::memory_order_relaxed);
  }
  return t - o;
}

// What a raw event becomes in the trace file (trace_json.cpp), counted against the cap, so that
// -trace-limit bounds the file (about 100 bytes an event), not an internal record. Each event
// starts a slice: a run's is drawn on the goroutine's lane and on its P's; a wake-up's also
// starts an arrow; a spawn adds an instant and an arrow; an end starts nothing.
size_t Recorder::traceEventsOf(Event e) {
  switch (e) {
    case Event::Spawn:
      return 3;
    case Event::Run:
    case Event::Unblock:
      return 2;
    case Event::End:
      return 0;
    default:
      return 1;
  }
}

bool Recorder::admit(size_t events) {
  if (written_ + events <= limit_) {
    written_ += events;
    return true;
  }
  if (!truncated_.load(std::memory_order_relaxed)) {
    truncated_.store(true, std::memory_order_relaxed);
    truncatedAt_ = now();
  }
  return false;
}

void Recorder::reset() {
  std::lock_guard<std::mutex> lk(mu_);
  raw_.clear();
  prints_.clear();
  written_ = 0;
  truncated_.store(false);
  origin_.store(kUnset);
}

void Recorder::event(Event e, const sched::G* g, int64_t arg, sched::WaitReason reason) {
  if (!g) return;  // worker start/stop: the P lanes come from the run slices
  // Past the cap the run goes on at full speed: no clock read, no lock.
  if (truncated_.load(std::memory_order_relaxed)) return;
  RunEvent r{e, reason, 0, now(), g->id, arg, nullptr};
  // The running goroutine is the spawner (for Spawn) or the goroutine itself (for Block): ask
  // the evaluator where it is now, while its frames are there to ask.
  if (e == Event::Spawn || e == Event::Block) {
    const sched::G* at = e == Event::Spawn ? sched::current() : g;
    if (at) {
      GoroutineView v = describe_(at);
      r.pos = v.pos;
      if (e == Event::Block) r.function = v.function;
    }
  } else if (e == Event::Yield || e == Event::Unblock) {
    r.function = describe_(g).function;  // parked with its frames: a CPU-bound G gets its name
  }
  std::lock_guard<std::mutex> lk(mu_);
  if (admit(traceEventsOf(e))) record(r);
}

void Recorder::print(std::string_view text, bool toStderr) {
  const sched::G* g = sched::current();
  const char* function = g ? describe_(g).function : nullptr;
  std::lock_guard<std::mutex> lk(mu_);
  if (!admit(1)) return;
  int64_t ts = now(), goid = g ? g->id : 0;
  // The text joins the batch before its note does: the note may fill the batch and send it.
  if (pipe_) batch_.prints.push_back({ts, goid, std::string(text), toStderr});
  if (keep_) prints_.push_back({ts, goid, std::string(text), toStderr});
  record({Event::Run, {}, 0, ts, goid, kPrintNote, function});
}

// ---------------------------------------------------------------- building the Timeline

// The run's fields of a Timeline, as far as they are known now (no goroutines yet).
Timeline Recorder::header(const std::string& file, int procs, bool seeded, uint64_t seed) {
  Timeline t;
  t.file = file;
  t.procs = procs;
  t.seeded = seeded;
  t.seed = seed;
  t.end = now();
  t.truncated = truncated_.load();
  t.truncatedAt = truncatedAt_;
  return t;
}

Timeline Recorder::finish(const std::string& file, int procs, bool seeded, uint64_t seed) {
  std::lock_guard<std::mutex> lk(mu_);
  Timeline t = header(file, procs, seeded, seed);
  buildTimeline(t, raw_, position_);
  t.prints = prints_;
  return t;
}

}  // namespace gol::teach
