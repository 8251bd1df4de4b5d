// Recording a run (recorder.h): raw events while it runs, the Timeline at the end.
#include "teach/recorder.h"

#include <algorithm>
#include <unordered_map>

namespace gol::teach {

using sched::Event;

Recorder::Recorder(size_t eventLimit, DescribeFn describe, PositionFn position)
    : limit_(eventLimit), describe_(describe), position_(position) {
  // Nearly every event makes a trace event, so the cap bounds the raw records too. Reserved
  // address space costs nothing until used; growing a vector of a million copies it twice over.
  raw_.reserve(std::min<size_t>(limit_, size_t(1) << 22));
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
    case Event::Spawn: return 3;
    case Event::Run:
    case Event::Unblock: return 2;
    case Event::End: return 0;
    default: return 1;
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
  Raw r{e, reason, 0, now(), g->id, arg, nullptr};
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
  if (admit(traceEventsOf(e))) raw_.push_back(r);
}

void Recorder::print(std::string_view text, bool toStderr) {
  const sched::G* g = sched::current();
  const char* function = g ? describe_(g).function : nullptr;
  std::lock_guard<std::mutex> lk(mu_);
  if (!admit(1)) return;
  prints_.push_back({now(), g ? g->id : 0, std::string(text), toStderr});
  if (g && function) raw_.push_back({Event::Run, {}, 0, prints_.back().ts, g->id, -1, function});
}

// ---------------------------------------------------------------- building the Timeline

struct Recorder::Live {
  size_t index;  // into Timeline::goroutines
  GState state = GState::Runnable;
  int64_t since = 0;
  int p = -1;
  std::string reason, where;
  bool ended = false;
};

Timeline Recorder::finish(const std::string& file, int procs, bool seeded, uint64_t seed) {
  std::lock_guard<std::mutex> lk(mu_);
  Timeline t;
  t.file = file;
  t.procs = procs;
  t.seeded = seeded;
  t.seed = seed;
  t.end = now();
  t.truncated = truncated_.load();
  t.truncatedAt = truncatedAt_;
  // Hash maps and a cache of position texts: a trace can hold a million events.
  std::unordered_map<int64_t, Live> live;
  std::unordered_map<int64_t, std::vector<size_t>> pendingArrows;  // goroutine -> arrows waiting for its next run
  std::unordered_map<uint32_t, std::string> positions;
  auto positionText = [&](uint32_t pos) -> const std::string& {
    auto [it, fresh] = positions.try_emplace(pos);
    if (fresh) it->second = position_(pos);
    return it->second;
  };
  auto close = [&](Live& l, int64_t ts) {
    Goroutine& g = t.goroutines[l.index];
    ts = std::max(ts, l.since);
    if (ts > l.since) {
      Slice s{l.since, ts, l.state, l.state == GState::Running ? l.p : -1, l.reason, l.where};
      Slice* last = g.slices.empty() ? nullptr : &g.slices.back();
      // Preempted and picked again by the same P at once: one running stretch, not two.
      if (last && last->end == s.start && last->state == s.state && last->p == s.p && last->reason == s.reason)
        last->end = s.end;
      else
        g.slices.push_back(std::move(s));
    }
    l.since = ts;
  };
  // Each event starts at most one slice: reserve them, since growing a million slices costs
  // more than building them.
  std::unordered_map<int64_t, size_t> eventsPerGoroutine;
  for (const Raw& r : raw_) ++eventsPerGoroutine[r.g];
  for (const Raw& r : raw_) {
    if (r.kind == Event::Spawn) {
      Goroutine g;
      g.id = r.g;
      g.parent = r.arg;
      g.start = r.ts;
      g.createdAt = r.arg && r.pos ? positionText(r.pos) : "";
      if (!r.arg) g.function = "main.main";
      g.slices.reserve(eventsPerGoroutine[r.g]);
      live[r.g] = Live{t.goroutines.size(), GState::Runnable, r.ts, -1, {}, {}, false};
      t.goroutines.push_back(std::move(g));
      if (r.arg) {
        t.arrows.push_back({ArrowKind::Spawn, r.arg, r.g, r.ts, r.ts});
        pendingArrows[r.g].push_back(t.arrows.size() - 1);
      }
      continue;
    }
    auto it = live.find(r.g);
    if (it == live.end() || it->second.ended) continue;
    Live& l = it->second;
    Goroutine& g = t.goroutines[l.index];
    if (r.function && g.function.empty()) g.function = r.function;
    switch (r.kind) {
      case Event::Run:
        if (r.arg < 0) break;  // a print's note of the function name only
        close(l, r.ts);
        l.state = GState::Running;
        l.p = static_cast<int>(r.arg);
        l.reason.clear();
        l.where.clear();
        if (auto pending = pendingArrows.find(r.g); pending != pendingArrows.end()) {
          for (size_t a : pending->second) t.arrows[a].toTs = std::max(l.since, t.arrows[a].fromTs);
          pending->second.clear();
        }
        break;
      case Event::Yield:
        close(l, r.ts);
        l.state = GState::Runnable;
        break;
      case Event::Block:
        close(l, r.ts);
        l.state = GState::Blocked;
        l.reason = sched::waitReasonDetail(r.reason);
        if (r.pos) l.where = positionText(r.pos);
        else l.where.clear();
        break;
      case Event::Unblock:
        close(l, r.ts);
        l.state = GState::Runnable;
        l.reason.clear();
        t.arrows.push_back({ArrowKind::Wake, r.arg, r.g, l.since, l.since});
        pendingArrows[r.g].push_back(t.arrows.size() - 1);
        break;
      case Event::End:
        close(l, r.ts);
        g.end = l.since;
        l.ended = true;
        break;
      default: break;
    }
  }
  for (auto& [id, l] : live) {
    if (l.ended) continue;
    close(l, t.end);
    t.goroutines[l.index].end = std::max(t.end, l.since);
  }
  for (Goroutine& g : t.goroutines) {
    if (g.function.empty()) g.function = "goroutine";
    if (g.end < g.start) g.end = g.start;
  }
  t.prints = prints_;
  return t;
}

}  // namespace gol::teach
