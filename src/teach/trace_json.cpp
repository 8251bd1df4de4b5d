// The trace-event JSON writer (trace_stream.h), and a whole Timeline written through it.
//
// A trace can hold a million events (-trace-limit), so this is built for volume: an event is a
// small record pointing at what RunBuilder hands over (no strings of its own), written the
// moment it is final through TraceOut (trace_out.h), one reservation per event. Bytes are cost
// too (a 100 MB file takes longer to write than the run it shows), so events carry only what a
// viewer uses (no "cat").
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <iterator>
#include <unordered_set>
#include <utility>

#include "teach/render.h"
#include "teach/render_util.h"
#include "teach/trace_out.h"
#include "teach/trace_stream.h"

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
  ProcSlice,  // X on a P lane, named after the goroutine it ran ("G7"; src: Slice, goid)
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
  int64_t goid = 0;  // the goroutine the event names
  int64_t bindId = 0;
  int pid = kGoroutinesPid;
  int64_t tid = 0;  // 0: process-scoped
};

TraceEvent onGoroutine(EventKind kind, int64_t goid, int64_t ts, const void* src = nullptr) {
  TraceEvent e{kind};
  e.ts = ts;
  e.src = src;
  e.goid = goid;
  e.tid = goroutineTid(goid);
  return e;
}

// ---------------------------------------------------------------- writing events

// The longest text of an event apart from its strings (names, keys, numbers, flow fields).
constexpr size_t kEventFixedRoom = 256;

const Slice& sliceOf(const TraceEvent& e) { return *static_cast<const Slice*>(e.src); }

// The strings an event writes, for the room it reserves.
size_t stringRoom(const TraceEvent& e) {
  switch (e.kind) {
    case EventKind::Slice:
      return 2 * jsonRoom(sliceOf(e).reason) + jsonRoom(sliceOf(e).where);
    case EventKind::Spawned:
      return jsonRoom(static_cast<const Goroutine*>(e.src)->createdAt);
    case EventKind::Printed:
      return jsonRoom(static_cast<const Print*>(e.src)->text);
    default:
      return 0;
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
    case EventKind::ProcSlice:
      p = put(p, "\"G");
      break;
    case EventKind::Spawned:
      p = put(p, "\"go G");
      break;
    case EventKind::FlowOut:
      p = put(p, e.spawnArrow ? std::string_view("\"spawn G") : std::string_view("\"wake G"));
      break;
    case EventKind::TimerWake:
      p = put(p, "\"timer wakes G");
      break;
    case EventKind::Woken:
      return put(p, "\"woken\"");
    case EventKind::Printed:
      return put(p, "\"print\"");
    case EventKind::Truncated:
      return put(p, "\"trace truncated\"");
  }
  p = putInt(p, e.goid);  // the kinds that name a goroutine: "G7", "wake G7", ...
  *p++ = '"';
  return p;
}

// The "args" object of an event, or nothing.
char* putArgs(char* p, const TraceEvent& e) {
  switch (e.kind) {
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
    default:
      return p;
  }
  *p++ = '}';
  return p;
}

bool isInstant(EventKind k) {
  return k == EventKind::Spawned || k == EventKind::TimerWake || k == EventKind::Printed ||
         k == EventKind::Truncated;
}

// One event, after the ",\n" that separates it from the previous one (none before the first).
void writeEvent(TraceOut& out, bool& first, const TraceEvent& e) {
  char* p = out.reserve(kEventFixedRoom + stringRoom(e));
  bool instant = isInstant(e.kind);
  p = first ? put(p, "\n{\"name\":") : put(p, ",\n{\"name\":");
  first = false;
  p = putName(p, e);
  p = put(p, instant ? std::string_view(",\"ph\":\"i\",\"ts\":") : std::string_view(",\"ph\":\"X\",\"ts\":"));
  p = putMicros(p, e.ts);
  if (!instant) {
    p = put(p, ",\"dur\":");
    p = putMicros(p, e.dur);
  }
  p = put(p, ",\"pid\":");
  p = putInt(p, e.pid);
  if (e.tid != 0) {
    p = put(p, ",\"tid\":");
    p = putInt(p, e.tid);
  }
  if (instant)
    p = put(p, e.kind == EventKind::Truncated ? std::string_view(",\"s\":\"p\"")
                                              : std::string_view(",\"s\":\"t\""));
  if (e.flow != FlowDir::None) {
    p = put(p, ",\"bind_id\":");
    p = putInt(p, e.bindId);
    p = put(p, e.flow == FlowDir::In ? std::string_view(",\"flow_in\":true")
                                     : std::string_view(",\"flow_out\":true"));
  }
  p = putArgs(p, e);
  *p++ = '}';
  out.commit(p);
}

// Metadata: a lane's or process's name and its sort order in the viewer.
template <class Value>
void writeMeta(TraceOut& out, bool& first, int pid, int64_t tid, std::string_view name,
               std::string_view argKey, Value argValue) {
  std::string text = first ? "\n" : ",\n";
  first = false;
  fmt::format_to(std::back_inserter(text), "{{\"name\":\"{}\",\"ph\":\"M\",\"pid\":{}", name, pid);
  if (tid != 0) fmt::format_to(std::back_inserter(text), ",\"tid\":{}", tid);
  fmt::format_to(std::back_inserter(text), ",\"args\":{{\"{}\":", argKey);
  if constexpr (std::is_integral_v<Value>)
    fmt::format_to(std::back_inserter(text), "{}", argValue);
  else
    appendJsonString(text, argValue);
  text += "}}";
  out.text(text);
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

}  // namespace

// ---------------------------------------------------------------- the stream

TraceStream::TraceStream(TraceOut& out) : out_(out) { out_.text("{\"traceEvents\":["); }

void TraceStream::started(const Goroutine& g, size_t) {
  if (g.parent != 0) writeEvent(out_, first_, onGoroutine(EventKind::Spawned, g.id, g.start, &g));
}

void TraceStream::arrow(size_t id, const Arrow& a, bool fromKnown) {
  if (!fromKnown) {  // a timer (or a goroutine from before the recording): no arrow to draw
    writeEvent(out_, first_, onGoroutine(EventKind::TimerWake, a.to, a.fromTs));
    return;
  }
  TraceEvent e = onGoroutine(EventKind::FlowOut, a.to, a.fromTs);
  e.tid = goroutineTid(a.from);
  e.flow = FlowDir::Out;
  e.spawnArrow = a.kind == ArrowKind::Spawn;
  e.bindId = int64_t(id) + 1;
  writeEvent(out_, first_, e);
}

void TraceStream::landed(size_t id, const Arrow& a, bool fromKnown) {
  if (fromKnown) landings_[a.to].list.push_back({a.toTs, int64_t(id) + 1});
}

// The arrows landing on g before `limit` that no running slice starts at: each ends on a
// zero-length "woken" slice.
void TraceStream::wokenBefore(const Goroutine& g, Due& due, int64_t limit) {
  for (; !due.empty() && due.front().ts < limit; ++due.head) {
    TraceEvent woken = onGoroutine(EventKind::Woken, g.id, due.front().ts);
    woken.flow = FlowDir::In;
    woken.bindId = due.front().bindId;
    writeEvent(out_, first_, woken);
  }
}

// The first arrow landing where a running slice starts binds to it; the others landing by its
// end get "woken" slices.
void TraceStream::slice(const Goroutine& g, size_t, const Slice& s) {
  TraceEvent e = onGoroutine(EventKind::Slice, g.id, s.start, &s);
  e.dur = s.end - s.start;
  if (auto it = landings_.find(g.id); it != landings_.end() && !it->second.empty()) {
    Due& due = it->second;
    wokenBefore(g, due, s.start);
    if (s.state == GState::Running && !due.empty() && due.front().ts == s.start) {
      e.flow = FlowDir::In;
      e.bindId = due.front().bindId;
      ++due.head;
    }
    wokenBefore(g, due, s.end);
    if (due.empty()) {  // kept for the goroutine's next landings, without a reallocation
      due.list.clear();
      due.head = 0;
    }
  }
  writeEvent(out_, first_, e);
  if (s.state == GState::Running && s.p >= 0) {
    TraceEvent onP{EventKind::ProcSlice, FlowDir::None, false, s.start, e.dur, &s, g.id, 0, kProcsPid,
                   procTid(s.p)};
    writeEvent(out_, first_, onP);
    lanesOfPs_ = std::max(lanesOfPs_, s.p + 1);
  }
}

void TraceStream::printed(const Print& p) {
  writeEvent(out_, first_, onGoroutine(EventKind::Printed, p.g, p.ts, &p));
}

void TraceStream::ended(const Goroutine& g, size_t index) {
  if (auto it = landings_.find(g.id); it != landings_.end()) {  // arrows to a goroutine that never ran again
    wokenBefore(g, it->second, INT64_MAX);
    landings_.erase(it);
  }
  writeMeta(out_, first_, kGoroutinesPid, goroutineTid(g.id), "thread_name", "name",
            std::string_view(goroutineLabel(g)));
  writeMeta(out_, first_, kGoroutinesPid, goroutineTid(g.id), "thread_sort_index", "sort_index",
            int64_t(index));
}

bool TraceStream::finish(const Timeline& run) {
  if (run.truncated) {
    TraceEvent e{EventKind::Truncated, FlowDir::None, false, run.truncatedAt};
    e.pid = kProcsPid;
    writeEvent(out_, first_, e);
  }
  writeMeta(out_, first_, kProcsPid, 0, "process_name", "name", std::string_view("Ps (processors)"));
  writeMeta(out_, first_, kProcsPid, 0, "process_sort_index", "sort_index", int64_t(0));
  for (int p = 0; p < std::max(run.procs, lanesOfPs_); ++p) {
    writeMeta(out_, first_, kProcsPid, procTid(p), "thread_name", "name",
              std::string_view(fmt::format("P{}", p)));
    writeMeta(out_, first_, kProcsPid, procTid(p), "thread_sort_index", "sort_index", int64_t(p));
  }
  writeMeta(out_, first_, kGoroutinesPid, 0, "process_name", "name", std::string_view("goroutines"));
  writeMeta(out_, first_, kGoroutinesPid, 0, "process_sort_index", "sort_index", int64_t(1));
  std::string tail = "\n],\"displayTimeUnit\":\"ms\",\"otherData\":";
  appendOtherData(tail, run);
  tail += "}\n";
  out_.text(tail);
  return out_.finish();
}

// ---------------------------------------------------------------- a whole Timeline

namespace {

// The Timeline's pieces, in an order the stream accepts: every goroutine started, every arrow
// with its landing (in landing order), then each goroutine's slices, then the prints.
bool writeTimeline(const Timeline& t, TraceOut& out) {
  TraceStream stream(out);
  std::unordered_set<int64_t> ids;
  for (size_t i = 0; i < t.goroutines.size(); ++i) {
    ids.insert(t.goroutines[i].id);
    stream.started(t.goroutines[i], i);
  }
  auto known = [&](int64_t id) { return ids.count(id) != 0; };
  std::vector<size_t> landingOrder;
  for (size_t id = 0; id < t.arrows.size(); ++id) {
    const Arrow& a = t.arrows[id];
    if (!known(a.to)) continue;
    stream.arrow(id, a, known(a.from));
    landingOrder.push_back(id);
  }
  std::stable_sort(landingOrder.begin(), landingOrder.end(),
                   [&](size_t a, size_t b) { return t.arrows[a].toTs < t.arrows[b].toTs; });
  for (size_t id : landingOrder) stream.landed(id, t.arrows[id], known(t.arrows[id].from));
  for (size_t i = 0; i < t.goroutines.size(); ++i) {
    for (const Slice& s : t.goroutines[i].slices) stream.slice(t.goroutines[i], i, s);
    stream.ended(t.goroutines[i], i);
  }
  for (const Print& p : t.prints)
    if (known(p.g)) stream.printed(p);
  return stream.finish(t);
}

}  // namespace

void writeTraceJson(const Timeline& t, std::string& out) {
  TraceOut sink(&out);
  writeTimeline(t, sink);
}

}  // namespace gol::teach
