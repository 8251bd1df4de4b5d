// Chrome trace-event JSON of a Timeline (Object format; opens in Perfetto and chrome://tracing):
// P lanes in pid 1, goroutine lanes in pid 2, spawns and wakes as v2 flow arrows.
//
// A trace can hold millions of events (-trace-limit, default 1M), so this is built for volume:
// an event is a small record pointing into the Timeline (no strings of its own), each lane is
// sorted once, and the text is written through a buffer that goes to the file in 1 MB pieces,
// instead of growing one string of hundreds of megabytes (whose page faults and copies used to
// cost 50x the run itself).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "teach/render.h"
#include "teach/render_util.h"

namespace gol::teach {

namespace {

constexpr int kProcsPid = 1;
constexpr int kGoroutinesPid = 2;
constexpr size_t kFlushBytes = 1 << 20;

int64_t procTid(int p) { return p + 1; }
int64_t goroutineTid(int64_t goid) { return 1000 + goid; }

// Where the JSON text goes: a string (kept whole), or a file written in pieces.
class TraceSink {
 public:
  explicit TraceSink(std::string* whole) : out_(*whole) {}
  explicit TraceSink(std::FILE* file) : out_(buffer_), file_(file) { buffer_.reserve(kFlushBytes + 65536); }
  std::string& out() { return out_; }
  void maybeFlush() {
    if (file_ && out_.size() >= kFlushBytes) flush();
  }
  bool flush() {
    if (file_ && !out_.empty()) {
      ok_ = ok_ && std::fwrite(out_.data(), 1, out_.size(), file_) == out_.size();
      out_.clear();
    }
    return ok_;
  }

 private:
  std::string buffer_;
  std::string& out_;
  std::FILE* file_ = nullptr;
  bool ok_ = true;
};

void appendInt(std::string& out, int64_t v) {
  fmt::format_int text(v);
  out.append(text.data(), text.size());
}

// Appends microseconds with up to 3 decimals, as formatMicros does, without a temporary string.
void appendMicros(std::string& out, int64_t ns) {
  if (ns < 0) {
    out += '-';
    ns = -ns;
  }
  appendInt(out, ns / 1000);
  int frac = int(ns % 1000);
  if (frac == 0) return;
  char digits[4] = {'.', char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10)};
  size_t n = frac % 100 == 0 ? 2 : frac % 10 == 0 ? 3 : 4;
  out.append(digits, n);
}

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

  void write(TraceSink& sink);

 private:
  bool known(int64_t goid) const { return goroutineIndex_.count(goid) != 0; }
  std::vector<TraceEvent>& goroutineLane(int64_t goid) {
    return lanes_[firstGoroutineLane_ + goroutineIndex_.at(goid)].events;
  }
  void bindArrows();
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
};

// The index of g's Running slice that starts at ts, or -1. The slices are sorted by start.
int runningSliceAt(const Goroutine& g, int64_t ts) {
  auto it = std::lower_bound(g.slices.begin(), g.slices.end(), ts,
                             [](const Slice& s, int64_t t) { return s.start < t; });
  if (it == g.slices.end() || it->start != ts || it->state != GState::Running) return -1;
  return static_cast<int>(it - g.slices.begin());
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
  int slice = runningSliceAt(t_.goroutines[gi], a.toTs);
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

// Appends `"key":` after a comma unless it is the first member of an object.
void key(std::string& out, bool& first, const char* name) {
  if (!first) out += ',';
  first = false;
  out += '"';
  out += name;
  out += "\":";
}

// The "args" object of an event, or nothing.
void appendArgs(std::string& out, const TraceEvent& e) {
  bool first = true;
  auto open = [&] { out += first ? ",\"args\":{" : ""; };
  auto str = [&](const char* name, std::string_view v) {
    open();
    key(out, first, name);
    appendJsonString(out, v);
  };
  auto num = [&](const char* name, int64_t v) {
    open();
    key(out, first, name);
    appendInt(out, v);
  };
  switch (e.kind) {
    case EventKind::Slice: {
      const auto& s = *static_cast<const Slice*>(e.src);
      if (s.state == GState::Running) {
        num("p", s.p);
      } else if (s.state == GState::Blocked) {
        str("reason", s.reason);
        if (!s.where.empty()) str("at", s.where);
      } else if (!s.where.empty()) {
        str("at", s.where);
      } else {
        out += ",\"args\":{}";
        return;
      }
      break;
    }
    case EventKind::ProcSlice: num("g", e.goid); break;
    case EventKind::Spawned: {
      const auto& g = *static_cast<const Goroutine*>(e.src);
      num("parent", g.parent);
      str("at", g.createdAt);
      break;
    }
    case EventKind::Printed: {
      const auto& p = *static_cast<const Print*>(e.src);
      str("text", p.text);
      if (p.toStderr) str("stream", "stderr");
      break;
    }
    default: return;
  }
  out += '}';
}

void appendName(std::string& out, const TraceEvent& e) {
  switch (e.kind) {
    case EventKind::Slice: {
      const auto& s = *static_cast<const Slice*>(e.src);
      if (s.state != GState::Blocked) appendJsonString(out, stateName(s.state));
      else appendJsonString(out, s.reason.empty() ? std::string("blocked") : "blocked: " + s.reason);
      return;
    }
    case EventKind::ProcSlice:
      out += "\"G";
      appendInt(out, e.goid);
      out += '"';
      return;
    case EventKind::Spawned: fmt::format_to(std::back_inserter(out), "\"go G{}\"", e.goid); return;
    case EventKind::FlowOut:
      fmt::format_to(std::back_inserter(out), "\"{} G{}\"", e.spawnArrow ? "spawn" : "wake", e.goid);
      return;
    case EventKind::Woken: out += "\"woken\""; return;
    case EventKind::TimerWake: fmt::format_to(std::back_inserter(out), "\"timer wakes G{}\"", e.goid); return;
    case EventKind::Printed: out += "\"print\""; return;
    case EventKind::Truncated: out += "\"trace truncated\""; return;
  }
}

const char* categoryOf(EventKind k) {
  switch (k) {
    case EventKind::Slice:
    case EventKind::Spawned: return "goroutine";
    case EventKind::ProcSlice: return "proc";
    case EventKind::FlowOut:
    case EventKind::Woken:
    case EventKind::TimerWake: return "flow";
    case EventKind::Printed: return "print";
    case EventKind::Truncated: return "trace";
  }
  return "";
}

bool isInstant(EventKind k) {
  return k == EventKind::Spawned || k == EventKind::TimerWake || k == EventKind::Printed || k == EventKind::Truncated;
}

void appendEvent(std::string& out, const Lane& lane, const TraceEvent& e) {
  bool instant = isInstant(e.kind);
  char scope = e.kind == EventKind::Truncated ? 'p' : 't';
  out += "{\"name\":";
  appendName(out, e);
  out += ",\"cat\":\"";
  out += categoryOf(e.kind);
  out += instant ? "\",\"ph\":\"i\",\"ts\":" : "\",\"ph\":\"X\",\"ts\":";
  appendMicros(out, e.ts);
  if (!instant) {
    out += ",\"dur\":";
    appendMicros(out, e.dur);
  }
  out += ",\"pid\":";
  appendInt(out, lane.pid);
  if (scope == 't') {
    out += ",\"tid\":";
    appendInt(out, lane.tid);
  }
  if (instant) out += scope == 't' ? ",\"s\":\"t\"" : ",\"s\":\"p\"";
  if (e.flow != FlowDir::None) {
    out += ",\"bind_id\":";
    appendInt(out, e.bindId);
    out += e.flow == FlowDir::In ? ",\"flow_in\":true" : ",\"flow_out\":true";
  }
  appendArgs(out, e);
  out += '}';
}

// Metadata: process and lane names, and their sort order in the viewer.
void appendMetadata(std::string& out, const Timeline& t) {
  bool firstEvent = true;
  auto meta = [&](int pid, int64_t tid, std::string_view name, std::string_view argKey, auto argValue) {
    out += firstEvent ? "\n" : ",\n";
    firstEvent = false;
    fmt::format_to(std::back_inserter(out), "{{\"name\":\"{}\",\"ph\":\"M\",\"pid\":{}", name, pid);
    if (tid != 0) fmt::format_to(std::back_inserter(out), ",\"tid\":{}", tid);
    fmt::format_to(std::back_inserter(out), ",\"args\":{{\"{}\":", argKey);
    if constexpr (std::is_integral_v<decltype(argValue)>) fmt::format_to(std::back_inserter(out), "{}", argValue);
    else appendJsonString(out, argValue);
    out += "}}";
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
  }
}

void TraceBuilder::write(TraceSink& sink) {
  std::string& out = sink.out();
  appendMetadata(out, t_);
  for (Lane& lane : lanes_) {
    // Parents before the children they enclose: by start, then longest first; ties keep the
    // order they were added in, so the output is the same for the same input.
    auto before = [](const TraceEvent& a, const TraceEvent& b) { return a.ts != b.ts ? a.ts < b.ts : a.dur > b.dur; };
    if (!std::is_sorted(lane.events.begin(), lane.events.end(), before))
      std::stable_sort(lane.events.begin(), lane.events.end(), before);
    for (const TraceEvent& e : lane.events) {
      out += ",\n";
      appendEvent(out, lane, e);
      sink.maybeFlush();
    }
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

bool writeTrace(const Timeline& t, TraceSink& sink) {
  TraceBuilder builder(t);
  builder.build();
  sink.out() += "{\"displayTimeUnit\":\"ms\",\"otherData\":";
  appendOtherData(sink.out(), t);
  sink.out() += ",\"traceEvents\":[";
  builder.write(sink);
  sink.out() += "\n]}\n";
  return sink.flush();
}

}  // namespace

void writeTraceJson(const Timeline& t, std::string& out) {
  TraceSink sink(&out);
  writeTrace(t, sink);
}

bool writeTraceJsonFile(const Timeline& t, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  TraceSink sink(f);
  bool ok = writeTrace(t, sink);
  return std::fclose(f) == 0 && ok;
}

}  // namespace gol::teach
