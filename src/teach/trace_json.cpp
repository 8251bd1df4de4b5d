// Chrome trace-event JSON of a Timeline (Object format; opens in Perfetto and chrome://tracing):
// P lanes in pid 1, goroutine lanes in pid 2, spawns and wakes as v2 flow arrows.
//
// A trace can hold a million events (-trace-limit), so this is built for volume: an event is a
// small record pointing into the Timeline (no strings of its own), a lane is put in order by
// merging the runs it was built from (not sorted), and the text goes through TraceOut
// (trace_out.h), one reservation per event. Bytes are cost too (a 100 MB file takes longer to
// write than the run it shows), so events carry only what a viewer uses (no "cat").
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "teach/render.h"
#include "teach/render_util.h"
#include "teach/trace_out.h"

namespace gol::teach {

namespace {

constexpr int kProcsPid = 1;
constexpr int kGoroutinesPid = 2;

int64_t procTid(int p) { return p + 1; }
int64_t goroutineTid(int64_t goid) { return 1000 + goid; }

enum class FlowDir : uint8_t { None, In, Out };

// What an event shows; its text is made only when it is written.
enum class EventKind : uint8_t {
  Slice,      // X: a goroutine's slice (src: Slice)
  ProcSlice,  // X on a P lane: the goroutine it ran (src: Slice, goid)
  Spawned,    // i: "go Gn" at the start of a goroutine (src: Goroutine)
  FlowOut,    // X, zero length: "spawn Gn" / "wake Gn" where an arrow starts (goid: its target)
  Woken,      // X, zero length: where a second arrow lands on a Running slice
  TimerWake,  // i: "timer wakes Gn" (goid)
  Printed,    // i: the text of a print (src: Print)
  Truncated,  // i, process-scoped: where recording stopped
};

struct TraceEvent {
  EventKind kind;
  FlowDir flow = FlowDir::None;
  bool spawnArrow = false;  // FlowOut: a `go` statement, else a wake
  int64_t ts = 0, dur = 0;
  const void* src = nullptr;
  int64_t goid = 0;
  int64_t bindId = 0;
};

struct Lane {
  int pid = 0;
  int64_t tid = 0;  // 0: process-scoped events only
  std::vector<TraceEvent> events;
};

// All lanes of the trace, in output order: Ps, goroutines, then the process-scoped events.
class TraceBuilder {
 public:
  explicit TraceBuilder(const Timeline& t) : t_(t) {
    for (int p = 0; p < t.procs; ++p) lanes_.push_back({kProcsPid, procTid(p), {}});
    firstGoroutineLane_ = lanes_.size();
    for (size_t i = 0; i < t.goroutines.size(); ++i) {
      lanes_.push_back({kGoroutinesPid, goroutineTid(t.goroutines[i].id), {}});
      goroutineIndex_[t.goroutines[i].id] = i;
    }
    lanes_.push_back({kProcsPid, 0, {}});
  }

  void build() {
    size_t running = 0;
    flowIn_.resize(t_.goroutines.size());
    cursor_.assign(t_.goroutines.size(), 0);
    for (size_t gi = 0; gi < t_.goroutines.size(); ++gi) {
      flowIn_[gi].assign(t_.goroutines[gi].slices.size(), 0);
      for (const Slice& s : t_.goroutines[gi].slices) running += s.state == GState::Running;
    }
    for (int p = 0; p < t_.procs; ++p) lanes_[size_t(p)].events.reserve(running / size_t(t_.procs) + 16);
    bindArrows();
    for (size_t gi = 0; gi < t_.goroutines.size(); ++gi) addGoroutine(gi);
    addPrints();
    if (t_.truncated) lanes_.back().events.push_back({EventKind::Truncated, FlowDir::None, false, t_.truncatedAt});
  }

  void write(TraceOut& out);

 private:
  bool known(int64_t goid) const { return goroutineIndex_.count(goid) != 0; }
  std::vector<TraceEvent>& goroutineLane(int64_t goid) {
    return lanes_[firstGoroutineLane_ + goroutineIndex_.at(goid)].events;
  }
  void bindArrows();
  int runningSliceAt(size_t gi, int64_t ts);
  void bindArrowTarget(const Arrow& a, int64_t bindId);
  void addGoroutine(size_t gi);
  void addPrints();

  const Timeline& t_;
  std::vector<Lane> lanes_;
  size_t firstGoroutineLane_ = 0;
  std::unordered_map<int64_t, size_t> goroutineIndex_;  // Go id -> index in t_.goroutines
  // [goroutine index][slice index] -> the bind_id of the arrow landing on that Running slice
  // (0: none). Vectors, not a map: a trace has up to a million arrows.
  std::vector<std::vector<int64_t>> flowIn_;
  std::vector<size_t> cursor_;  // per goroutine: where runningSliceAt looks first
};

// The index of goroutine gi's Running slice that starts at ts, or -1. Arrows reach a goroutine
// in time order (nearly always), so the search walks on from where the last one landed: linear
// in the goroutine's slices overall, where a binary search per arrow cost more than writing.
int TraceBuilder::runningSliceAt(size_t gi, int64_t ts) {
  const std::vector<Slice>& slices = t_.goroutines[gi].slices;
  size_t& i = cursor_[gi];
  if (i < slices.size() && slices[i].start > ts) {  // out of order: search from the start
    i = size_t(std::lower_bound(slices.begin(), slices.end(), ts,
                                [](const Slice& s, int64_t t) { return s.start < t; }) -
               slices.begin());
  }
  while (i < slices.size() && slices[i].start < ts) ++i;
  if (i == slices.size() || slices[i].start != ts || slices[i].state != GState::Running) return -1;
  return static_cast<int>(i);
}

void TraceBuilder::bindArrows() {
  int64_t nextBindId = 1;
  for (const Arrow& a : t_.arrows) {
    if (!known(a.to)) continue;
    if (!known(a.from)) {
      // A timer (or an unknown goroutine) woke it: nothing to draw an arrow from.
      goroutineLane(a.to).push_back({EventKind::TimerWake, FlowDir::None, false, a.fromTs, 0, nullptr, a.to});
      continue;
    }
    int64_t bindId = nextBindId++;
    goroutineLane(a.from).push_back(
        {EventKind::FlowOut, FlowDir::Out, a.kind == ArrowKind::Spawn, a.fromTs, 0, nullptr, a.to, bindId});
    bindArrowTarget(a, bindId);
  }
}

// The arrow ends on the Running slice that starts at toTs; that slice carries at most one
// bind_id, so a second arrow (or one with no such slice) ends on a zero-length "woken" child.
void TraceBuilder::bindArrowTarget(const Arrow& a, int64_t bindId) {
  size_t gi = goroutineIndex_.at(a.to);
  int slice = runningSliceAt(gi, a.toTs);
  if (slice >= 0 && flowIn_[gi][size_t(slice)] == 0) {
    flowIn_[gi][size_t(slice)] = bindId;
    return;
  }
  goroutineLane(a.to).push_back({EventKind::Woken, FlowDir::In, false, a.toTs, 0, nullptr, a.to, bindId});
}

void TraceBuilder::addGoroutine(size_t gi) {
  const Goroutine& g = t_.goroutines[gi];
  std::vector<TraceEvent>& lane = goroutineLane(g.id);
  lane.reserve(lane.size() + g.slices.size() + 1);
  if (g.parent != 0) lane.push_back({EventKind::Spawned, FlowDir::None, false, g.start, 0, &g, g.id});
  for (size_t si = 0; si < g.slices.size(); ++si) {
    const Slice& s = g.slices[si];
    TraceEvent e{EventKind::Slice, FlowDir::None, false, s.start, s.end - s.start, &s, g.id};
    if (int64_t bound = flowIn_[gi][si]) {
      e.bindId = bound;
      e.flow = FlowDir::In;
    }
    lane.push_back(e);
    if (s.state == GState::Running && s.p >= 0 && s.p < t_.procs)
      lanes_[size_t(s.p)].events.push_back(
          {EventKind::ProcSlice, FlowDir::None, false, s.start, s.end - s.start, &s, g.id});
  }
}

void TraceBuilder::addPrints() {
  for (const Print& p : t_.prints)
    if (known(p.g)) goroutineLane(p.g).push_back({EventKind::Printed, FlowDir::None, false, p.ts, 0, &p, p.g});
}

// ---------------------------------------------------------------- writing events

// The longest text of an event apart from its strings (names, keys, numbers, flow fields).
constexpr size_t kEventFixedRoom = 256;

const Slice& sliceOf(const TraceEvent& e) { return *static_cast<const Slice*>(e.src); }

// The strings an event writes, for the room it reserves.
size_t stringRoom(const TraceEvent& e) {
  switch (e.kind) {
    case EventKind::Slice: return 2 * jsonRoom(sliceOf(e).reason) + jsonRoom(sliceOf(e).where);
    case EventKind::Spawned: return jsonRoom(static_cast<const Goroutine*>(e.src)->createdAt);
    case EventKind::Printed: return jsonRoom(static_cast<const Print*>(e.src)->text);
    default: return 0;
  }
}

char* putName(char* p, const TraceEvent& e) {
  switch (e.kind) {
    case EventKind::Slice: {
      const Slice& s = sliceOf(e);
      if (s.state != GState::Blocked) {
        *p++ = '"';
        p = put(p, std::string_view(stateName(s.state)));
        *p++ = '"';
      } else if (s.reason.empty()) {
        p = put(p, "\"blocked\"");
      } else {
        p = put(p, "\"blocked: ");
        p = putJsonText(p, s.reason);
        *p++ = '"';
      }
      return p;
    }
    case EventKind::ProcSlice: p = put(p, "\"G"); break;
    case EventKind::Spawned: p = put(p, "\"go G"); break;
    case EventKind::FlowOut: p = put(p, e.spawnArrow ? std::string_view("\"spawn G") : std::string_view("\"wake G")); break;
    case EventKind::TimerWake: p = put(p, "\"timer wakes G"); break;
    case EventKind::Woken: return put(p, "\"woken\"");
    case EventKind::Printed: return put(p, "\"print\"");
    case EventKind::Truncated: return put(p, "\"trace truncated\"");
  }
  p = putInt(p, e.goid);  // the kinds that name a goroutine: "G7", "wake G7", ...
  *p++ = '"';
  return p;
}

// The "args" object of an event, or nothing.
char* putArgs(char* p, const TraceEvent& e) {
  switch (e.kind) {
    case EventKind::ProcSlice:
      p = put(p, ",\"args\":{\"g\":");
      p = putInt(p, e.goid);
      break;
    case EventKind::Slice: {
      const Slice& s = sliceOf(e);
      if (s.state == GState::Running) {
        p = put(p, ",\"args\":{\"p\":");
        p = putInt(p, s.p);
      } else if (s.state == GState::Blocked) {
        p = put(p, ",\"args\":{\"reason\":");
        p = putJsonString(p, s.reason);
        if (!s.where.empty()) {
          p = put(p, ",\"at\":");
          p = putJsonString(p, s.where);
        }
      } else if (!s.where.empty()) {
        p = put(p, ",\"args\":{\"at\":");
        p = putJsonString(p, s.where);
      } else {
        return p;
      }
      break;
    }
    case EventKind::Spawned: {
      const auto& g = *static_cast<const Goroutine*>(e.src);
      p = put(p, ",\"args\":{\"parent\":");
      p = putInt(p, g.parent);
      p = put(p, ",\"at\":");
      p = putJsonString(p, g.createdAt);
      break;
    }
    case EventKind::Printed: {
      const auto& pr = *static_cast<const Print*>(e.src);
      p = put(p, ",\"args\":{\"text\":");
      p = putJsonString(p, pr.text);
      if (pr.toStderr) p = put(p, ",\"stream\":\"stderr\"");
      break;
    }
    default: return p;
  }
  *p++ = '}';
  return p;
}

bool isInstant(EventKind k) {
  return k == EventKind::Spawned || k == EventKind::TimerWake || k == EventKind::Printed || k == EventKind::Truncated;
}

// One event, after the ",\n" that separates it from the previous one. laneFields is the
// lane's `,"pid":1,"tid":2` (only the pid for process-scoped events), made once per lane.
void writeEvent(TraceOut& out, std::string_view laneFields, const TraceEvent& e) {
  char* p = out.reserve(kEventFixedRoom + stringRoom(e));
  bool instant = isInstant(e.kind);
  p = put(p, ",\n{\"name\":");
  p = putName(p, e);
  p = put(p, instant ? std::string_view(",\"ph\":\"i\",\"ts\":") : std::string_view(",\"ph\":\"X\",\"ts\":"));
  p = putMicros(p, e.ts);
  if (!instant) {
    p = put(p, ",\"dur\":");
    p = putMicros(p, e.dur);
  }
  p = put(p, laneFields);
  if (instant) p = put(p, e.kind == EventKind::Truncated ? std::string_view(",\"s\":\"p\"") : std::string_view(",\"s\":\"t\""));
  if (e.flow != FlowDir::None) {
    p = put(p, ",\"bind_id\":");
    p = putInt(p, e.bindId);
    p = put(p, e.flow == FlowDir::In ? std::string_view(",\"flow_in\":true") : std::string_view(",\"flow_out\":true"));
  }
  p = putArgs(p, e);
  *p++ = '}';
  out.commit(p);
}

// Metadata: process and lane names, and their sort order in the viewer.
void writeMetadata(TraceOut& out, const Timeline& t) {
  std::string text;
  bool first = true;
  auto meta = [&](int pid, int64_t tid, std::string_view name, std::string_view argKey, auto argValue) {
    text += first ? "\n" : ",\n";
    first = false;
    fmt::format_to(std::back_inserter(text), "{{\"name\":\"{}\",\"ph\":\"M\",\"pid\":{}", name, pid);
    if (tid != 0) fmt::format_to(std::back_inserter(text), ",\"tid\":{}", tid);
    fmt::format_to(std::back_inserter(text), ",\"args\":{{\"{}\":", argKey);
    if constexpr (std::is_integral_v<decltype(argValue)>) fmt::format_to(std::back_inserter(text), "{}", argValue);
    else appendJsonString(text, argValue);
    text += "}}";
  };
  meta(kProcsPid, 0, "process_name", "name", std::string_view("Ps (processors)"));
  meta(kProcsPid, 0, "process_sort_index", "sort_index", int64_t(0));
  for (int p = 0; p < t.procs; ++p) {
    meta(kProcsPid, procTid(p), "thread_name", "name", std::string_view(fmt::format("P{}", p)));
    meta(kProcsPid, procTid(p), "thread_sort_index", "sort_index", int64_t(p));
  }
  meta(kGoroutinesPid, 0, "process_name", "name", std::string_view("goroutines"));
  meta(kGoroutinesPid, 0, "process_sort_index", "sort_index", int64_t(1));
  for (size_t i = 0; i < t.goroutines.size(); ++i) {
    const Goroutine& g = t.goroutines[i];
    std::string label = goroutineLabel(g);
    meta(kGoroutinesPid, goroutineTid(g.id), "thread_name", "name", std::string_view(label));
    meta(kGoroutinesPid, goroutineTid(g.id), "thread_sort_index", "sort_index", int64_t(i));
    out.text(text);  // a program can have a million goroutines: don't hold all their names
    text.clear();
  }
  out.text(text);
}

// Sorts v stably by `before` in O(n log r) for r ascending runs. A lane is made of a few runs
// that are each in order already (a goroutine's slices, its arrows, its prints; on a P lane the
// running slices of each goroutine in turn), so merging them beats sorting a million events.
template <class T, class Less>
void mergeRuns(std::vector<T>& v, Less before) {
  std::vector<size_t> bounds{0};
  for (size_t i = 1; i < v.size(); ++i)
    if (before(v[i], v[i - 1])) bounds.push_back(i);
  bounds.push_back(v.size());
  while (bounds.size() > 2) {
    std::vector<size_t> merged{0};
    size_t k = 0;
    for (; k + 2 < bounds.size(); k += 2) {
      std::inplace_merge(v.begin() + long(bounds[k]), v.begin() + long(bounds[k + 1]), v.begin() + long(bounds[k + 2]),
                         before);
      merged.push_back(bounds[k + 2]);
    }
    if (k + 1 < bounds.size()) merged.push_back(bounds.back());  // an odd run out: carried over
    bounds.swap(merged);
  }
}

void TraceBuilder::write(TraceOut& out) {
  writeMetadata(out, t_);
  for (Lane& lane : lanes_) {
    // Parents before the children they enclose: by start, then longest first; ties keep the
    // order they were added in, so the output is the same for the same input.
    mergeRuns(lane.events, [](const TraceEvent& a, const TraceEvent& b) {
      return a.ts != b.ts ? a.ts < b.ts : a.dur > b.dur;
    });
    std::string laneFields = fmt::format(",\"pid\":{}", lane.pid);
    if (lane.tid != 0) laneFields += fmt::format(",\"tid\":{}", lane.tid);
    for (const TraceEvent& e : lane.events) writeEvent(out, laneFields, e);
  }
}

void appendOtherData(std::string& out, const Timeline& t) {
  out += "{\"gol_version\":";
  appendJsonString(out, kGolVersion);
  out += ",\"file\":";
  appendJsonString(out, t.file);
  out += ",\"seed\":" + (t.seeded ? fmt::format("{}", t.seed) : std::string("null"));
  fmt::format_to(std::back_inserter(out), ",\"gomaxprocs\":{},\"clock\":\"{}\",\"truncated\":{}}}", t.procs,
                 t.seeded ? "virtual" : "real", t.truncated ? "true" : "false");
}

bool writeTrace(const Timeline& t, TraceOut& out) {
  TraceBuilder builder(t);
  builder.build();
  std::string header = "{\"displayTimeUnit\":\"ms\",\"otherData\":";
  appendOtherData(header, t);
  header += ",\"traceEvents\":[";
  out.text(header);
  builder.write(out);
  out.text("\n]}\n");
  return out.finish();
}

}  // namespace

void writeTraceJson(const Timeline& t, std::string& out) {
  TraceOut sink(&out);
  writeTrace(t, sink);
}

bool writeTraceJsonFile(const Timeline& t, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  TraceOut sink(f);
  bool ok = writeTrace(t, sink);
  return std::fclose(f) == 0 && ok;
}

}  // namespace gol::teach
