// Chrome trace-event JSON of a Timeline (Object format; opens in Perfetto and chrome://tracing):
// P lanes in pid 1, goroutine lanes in pid 2, spawns and wakes as v2 flow arrows.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "teach/render.h"
#include "teach/render_util.h"

namespace gol::teach {

namespace {

constexpr int kProcsPid = 1;
constexpr int kGoroutinesPid = 2;

int64_t procTid(int p) { return p + 1; }
int64_t goroutineTid(int64_t goid) { return 1000 + goid; }

// The "args" object of an event, built key by key.
class JsonArgs {
 public:
  JsonArgs& str(std::string_view key, std::string_view value) {
    separate(key);
    appendJsonString(body_, value);
    return *this;
  }
  JsonArgs& num(std::string_view key, int64_t value) { return raw(key, fmt::format("{}", value)); }
  // `json` is already JSON text: a number, true/false/null or a nested value.
  JsonArgs& raw(std::string_view key, std::string_view json) {
    separate(key);
    body_ += json;
    return *this;
  }
  std::string json() const { return "{" + body_ + "}"; }

 private:
  void separate(std::string_view key) {
    if (!body_.empty()) body_ += ',';
    appendJsonString(body_, key);
    body_ += ':';
  }
  std::string body_;
};

enum class FlowDir : uint8_t { None, In, Out };

// One X slice or instant on a lane.
struct TraceEvent {
  char phase = 'X';  // 'X' slice or 'i' instant
  std::string name, cat;
  int64_t ts = 0, dur = 0;
  std::string args;  // JSON object, or "" for none
  int64_t bindId = 0;
  FlowDir flow = FlowDir::None;
  char scope = 't';  // instants: 't' thread, 'p' process
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
    bindArrows();
    for (size_t gi = 0; gi < t_.goroutines.size(); ++gi) addGoroutine(gi);
    addPrints();
    if (t_.truncated) {
      TraceEvent e{'i', "trace truncated", "trace", t_.truncatedAt, 0, "", 0, FlowDir::None, 'p'};
      lanes_.back().events.push_back(e);
    }
  }

  void write(std::string& out) const;

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
  std::map<int64_t, size_t> goroutineIndex_;  // Go id -> index in t_.goroutines
  // (goroutine index, slice index) of a Running slice -> the bind_id of the arrow landing on it.
  std::map<std::pair<size_t, size_t>, int64_t> flowInOfSlice_;
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
    std::string target = fmt::format("G{}", a.to);
    if (!known(a.from)) {
      // A timer (or an unknown goroutine) woke it: nothing to draw an arrow from.
      goroutineLane(a.to).push_back(
          {'i', "timer wakes " + target, "flow", a.fromTs, 0, "", 0, FlowDir::None, 't'});
      continue;
    }
    int64_t bindId = nextBindId++;
    std::string name = (a.kind == ArrowKind::Spawn ? "spawn " : "wake ") + target;
    goroutineLane(a.from).push_back({'X', name, "flow", a.fromTs, 0, "", bindId, FlowDir::Out, 't'});
    bindArrowTarget(a, bindId);
  }
}

// The arrow ends on the Running slice that starts at toTs; that slice carries at most one
// bind_id, so a second arrow (or one with no such slice) ends on a zero-length "woken" child.
void TraceBuilder::bindArrowTarget(const Arrow& a, int64_t bindId) {
  size_t gi = goroutineIndex_.at(a.to);
  int slice = runningSliceAt(t_.goroutines[gi], a.toTs);
  if (slice >= 0 && flowInOfSlice_.emplace(std::pair{gi, size_t(slice)}, bindId).second) return;
  goroutineLane(a.to).push_back({'X', "woken", "flow", a.toTs, 0, "", bindId, FlowDir::In, 't'});
}

TraceEvent sliceEvent(const Slice& s) {
  TraceEvent e{'X', stateName(s.state), "goroutine", s.start, s.end - s.start, "", 0, FlowDir::None, 't'};
  JsonArgs args;
  if (s.state == GState::Running) {
    args.num("p", s.p);
  } else if (s.state == GState::Blocked) {
    e.name = s.reason.empty() ? "blocked" : "blocked: " + s.reason;
    args.str("reason", s.reason);
    if (!s.where.empty()) args.str("at", s.where);
  } else if (!s.where.empty()) {
    args.str("at", s.where);
  }
  e.args = args.json();
  return e;
}

void TraceBuilder::addGoroutine(size_t gi) {
  const Goroutine& g = t_.goroutines[gi];
  std::vector<TraceEvent>& lane = goroutineLane(g.id);
  if (g.parent != 0) {
    JsonArgs args;
    args.num("parent", g.parent).str("at", g.createdAt);
    lane.push_back(
        {'i', fmt::format("go G{}", g.id), "goroutine", g.start, 0, args.json(), 0, FlowDir::None, 't'});
  }
  for (size_t si = 0; si < g.slices.size(); ++si) {
    const Slice& s = g.slices[si];
    TraceEvent e = sliceEvent(s);
    auto bound = flowInOfSlice_.find({gi, si});
    if (bound != flowInOfSlice_.end()) {
      e.bindId = bound->second;
      e.flow = FlowDir::In;
    }
    lane.push_back(std::move(e));
    if (s.state == GState::Running && s.p >= 0 && s.p < t_.procs) {
      JsonArgs args;
      args.num("g", g.id);
      lanes_[size_t(s.p)].events.push_back({'X', fmt::format("G{}", g.id), "proc", s.start, s.end - s.start,
                                            args.json(), 0, FlowDir::None, 't'});
    }
  }
}

void TraceBuilder::addPrints() {
  for (const Print& p : t_.prints) {
    if (!known(p.g)) continue;
    JsonArgs args;
    args.str("text", p.text);
    if (p.toStderr) args.str("stream", "stderr");
    goroutineLane(p.g).push_back({'i', "print", "print", p.ts, 0, args.json(), 0, FlowDir::None, 't'});
  }
}

void appendEvent(std::string& out, const Lane& lane, const TraceEvent& e) {
  out += "{\"name\":";
  appendJsonString(out, e.name);
  out += fmt::format(",\"cat\":\"{}\",\"ph\":\"{}\",\"ts\":{}", e.cat, e.phase, formatMicros(e.ts));
  if (e.phase == 'X') out += fmt::format(",\"dur\":{}", formatMicros(e.dur));
  out += fmt::format(",\"pid\":{}", lane.pid);
  if (e.scope == 't') out += fmt::format(",\"tid\":{}", lane.tid);
  if (e.phase == 'i') out += fmt::format(",\"s\":\"{}\"", e.scope);
  if (e.flow != FlowDir::None)
    out +=
        fmt::format(",\"bind_id\":{},\"{}\":true", e.bindId, e.flow == FlowDir::In ? "flow_in" : "flow_out");
  if (!e.args.empty()) out += ",\"args\":" + e.args;
  out += '}';
}

// Metadata: process and lane names, and their sort order in the viewer.
void appendMetadata(std::vector<std::string>& events, const Timeline& t) {
  auto meta = [&](int pid, int64_t tid, std::string_view name, std::string args) {
    std::string e = fmt::format("{{\"name\":\"{}\",\"ph\":\"M\",\"pid\":{}", name, pid);
    if (tid != 0) e += fmt::format(",\"tid\":{}", tid);
    events.push_back(e + ",\"args\":" + args + "}");
  };
  auto named = [](std::string_view name) { return JsonArgs().str("name", name).json(); };
  auto sortIndex = [](int64_t index) { return JsonArgs().num("sort_index", index).json(); };
  meta(kProcsPid, 0, "process_name", named("Ps (processors)"));
  meta(kProcsPid, 0, "process_sort_index", sortIndex(0));
  for (int p = 0; p < t.procs; ++p) {
    meta(kProcsPid, procTid(p), "thread_name", named(fmt::format("P{}", p)));
    meta(kProcsPid, procTid(p), "thread_sort_index", sortIndex(p));
  }
  meta(kGoroutinesPid, 0, "process_name", named("goroutines"));
  meta(kGoroutinesPid, 0, "process_sort_index", sortIndex(1));
  for (size_t i = 0; i < t.goroutines.size(); ++i) {
    const Goroutine& g = t.goroutines[i];
    meta(kGoroutinesPid, goroutineTid(g.id), "thread_name", named(goroutineLabel(g)));
    meta(kGoroutinesPid, goroutineTid(g.id), "thread_sort_index", sortIndex(int64_t(i)));
  }
}

void TraceBuilder::write(std::string& out) const {
  std::vector<std::string> events;
  appendMetadata(events, t_);
  for (const Lane& lane : lanes_) {
    // Parents before the children they enclose: by start, then longest first; ties keep the
    // order they were added in, so the output is the same for the same input.
    std::vector<const TraceEvent*> sorted;
    for (const TraceEvent& e : lane.events) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(), [](const TraceEvent* a, const TraceEvent* b) {
      return a->ts != b->ts ? a->ts < b->ts : a->dur > b->dur;
    });
    for (const TraceEvent* e : sorted) {
      events.emplace_back();
      appendEvent(events.back(), lane, *e);
    }
  }
  for (size_t i = 0; i < events.size(); ++i) {
    out += i == 0 ? "\n" : ",\n";
    out += events[i];
  }
}

void appendOtherData(std::string& out, const Timeline& t) {
  JsonArgs data;
  data.str("gol_version", kGolVersion).str("file", t.file);
  data.raw("seed", t.seeded ? fmt::format("{}", t.seed) : "null");
  data.num("gomaxprocs", t.procs).str("clock", t.seeded ? "virtual" : "real");
  data.raw("truncated", t.truncated ? "true" : "false");
  out += data.json();
}

}  // namespace

void writeTraceJson(const Timeline& t, std::string& out) {
  TraceBuilder builder(t);
  builder.build();
  out += "{\"displayTimeUnit\":\"ms\",\"otherData\":";
  appendOtherData(out, t);
  out += ",\"traceEvents\":[";
  builder.write(out);
  out += "\n]}\n";
}

}  // namespace gol::teach
