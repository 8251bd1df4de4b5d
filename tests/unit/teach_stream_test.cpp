// Tests of RunBuilder (teach/run_builder.h), which turns the scheduler's events into slices and
// arrows, and of the streamed trace (teach/trace_stream.h): what -trace writes while a program
// runs must hold the same events as the trace of the Timeline built from the same events.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "teach/render.h"
#include "teach/run_builder.h"
#include "teach/trace_out.h"
#include "teach/trace_stream.h"

using namespace gol::teach;
using gol::sched::Event;
using gol::sched::WaitReason;

namespace {

std::string positionOf(uint32_t pos) { return "prog.go:" + std::to_string(pos); }

RunEvent ev(Event kind, int64_t ts, int64_t g, int64_t arg = 0, WaitReason reason = WaitReason::None,
            uint32_t pos = 0, const char* function = nullptr) {
  return {kind, reason, pos, ts, g, arg, function};
}

// main (G1) spawns G2 at 1 and waits for it on a channel at 2; G2 runs from 2, is preempted at
// 4 and picked again at once by the same P, spawns G3 (which sleeps before it ever runs) and
// G4, wakes main at 5 and ends at 6; main runs again on P1 at 7, waits on a WaitGroup at 8 and
// is woken by G4 at the same instant (virtual time), so its running stretch goes on; a timer
// wakes G3 at 8; the run ends at 10 with G1, G3 and G4 alive.
std::vector<RunEvent> sampleEvents() {
  return {
      ev(Event::Spawn, 0, 1),
      ev(Event::Run, 0, 1, 0),
      ev(Event::Spawn, 1, 2, 1, WaitReason::None, 7),
      ev(Event::Block, 2, 1, 0, WaitReason::ChanReceive, 9, "main.main"),
      ev(Event::Run, 2, 2, 0),
      ev(Event::Spawn, 3, 3, 2, WaitReason::None, 11),
      ev(Event::Yield, 4, 2, 0, WaitReason::None, 0, "main.worker"),
      ev(Event::Run, 4, 2, 0),
      ev(Event::Block, 4, 3, 0, WaitReason::Sleep, 12, "main.sleeper"),
      ev(Event::Unblock, 5, 1, 2),
      ev(Event::Spawn, 5, 4, 2, WaitReason::None, 13),
      ev(Event::Run, 5, 2, kPrintNote, WaitReason::None, 0, "main.worker"),
      ev(Event::End, 6, 2),
      ev(Event::Run, 7, 1, 1),
      ev(Event::Run, 7, 4, 0),
      ev(Event::Unblock, 8, 3, 0),  // a timer
      ev(Event::Block, 8, 1, 0, WaitReason::SyncWaitGroupWait, 15),
      ev(Event::Unblock, 8, 1, 4),
      ev(Event::Run, 8, 1, 1),
  };
}

const Goroutine& byId(const Timeline& t, int64_t id) {
  auto it =
      std::find_if(t.goroutines.begin(), t.goroutines.end(), [&](const Goroutine& g) { return g.id == id; });
  REQUIRE(it != t.goroutines.end());
  return *it;
}

Timeline sampleTimeline() {
  Timeline t;
  t.file = "prog.go";
  t.procs = 2;
  t.end = 10;
  buildTimeline(t, sampleEvents(), positionOf);
  t.prints = {{5, 2, "hi\n", false}};
  return t;
}

// The trace's events, one per line, without separators, sorted: the stream writes them in the
// order they became final, the Timeline's trace goroutine by goroutine.
std::vector<std::string> eventLines(const std::string& json) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < json.size()) {
    size_t nl = json.find('\n', start);
    if (nl == std::string::npos) nl = json.size();
    std::string line = json.substr(start, nl - start);
    if (!line.empty() && line.back() == ',') line.pop_back();
    if (line.rfind("{\"name\"", 0) == 0) lines.push_back(line);
    start = nl + 1;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("run builder: slices tile each lifetime, a resumed run is one slice, arrows land on the next run") {
  Timeline t = sampleTimeline();
  REQUIRE(t.goroutines.size() == 4);
  CHECK(t.goroutines[0].id == 1);

  const Goroutine& main = byId(t, 1);
  CHECK(main.function == "main.main");
  REQUIRE(main.slices.size() == 4);
  CHECK((main.slices[0].start == 0 && main.slices[0].end == 2 && main.slices[0].state == GState::Running &&
         main.slices[0].p == 0));
  CHECK((main.slices[1].state == GState::Blocked && main.slices[1].reason == "chan receive" &&
         main.slices[1].where == "prog.go:9" && main.slices[1].end == 5));
  CHECK((main.slices[2].state == GState::Runnable && main.slices[2].start == 5 && main.slices[2].end == 7));
  // Blocked and woken at 8 with no time between: one running stretch on P1.
  CHECK((main.slices[3].state == GState::Running && main.slices[3].p == 1 && main.slices[3].start == 7 &&
         main.slices[3].end == 10));
  CHECK(main.end == 10);

  const Goroutine& worker = byId(t, 2);
  CHECK(worker.function == "main.worker");
  CHECK(worker.createdAt == "prog.go:7");
  REQUIRE(worker.slices.size() == 2);  // runnable [1,2), then one running stretch [2,6)
  CHECK((worker.slices[1].start == 2 && worker.slices[1].end == 6 &&
         worker.slices[1].state == GState::Running));
  CHECK(worker.end == 6);

  for (const Goroutine& g : t.goroutines) {
    int64_t at = g.start;
    for (const Slice& s : g.slices) {
      CHECK(s.start == at);
      CHECK(s.end > s.start);
      at = s.end;
    }
    CHECK(at == g.end);
  }

  REQUIRE(t.arrows.size() == 6);
  CHECK((t.arrows[0].kind == ArrowKind::Spawn && t.arrows[0].from == 1 && t.arrows[0].to == 2 &&
         t.arrows[0].fromTs == 1 && t.arrows[0].toTs == 2));
  const Arrow& wakeMain = t.arrows[2];
  CHECK((wakeMain.kind == ArrowKind::Wake && wakeMain.from == 2 && wakeMain.to == 1 && wakeMain.fromTs == 5 &&
         wakeMain.toTs == 7));
  CHECK((t.arrows[1].to == 3 && t.arrows[1].toTs == t.arrows[1].fromTs));  // G3 never ran
  CHECK((t.arrows[3].from == 2 && t.arrows[3].to == 4 && t.arrows[3].toTs == 7));
  const Arrow& timer = t.arrows[4];
  CHECK((timer.from == 0 && timer.to == 3 && timer.toTs == timer.fromTs));
  CHECK((t.arrows[5].from == 4 && t.arrows[5].to == 1 && t.arrows[5].toTs == 8));
  CHECK(byId(t, 3).slices.back().state == GState::Runnable);
  CHECK(byId(t, 4).end == 10);
}

TEST_CASE("streamed trace: the same events as the trace of the Timeline") {
  Timeline t = sampleTimeline();
  std::string fromTimeline;
  writeTraceJson(t, fromTimeline);

  std::string streamed;
  {
    TraceOut out(&streamed);
    TraceStream stream(out);
    RunBuilder builder(stream, positionOf);
    for (const RunEvent& e : sampleEvents()) {
      builder.add(e);
      if (e.kind == Event::Run && e.arg == kPrintNote) stream.printed(t.prints[0]);
    }
    builder.finish(t.end);
    CHECK(stream.finish(t));
  }
  CHECK(streamed.rfind("{\"traceEvents\":[", 0) == 0);
  CHECK(streamed.find("\"otherData\":{") != std::string::npos);
  std::vector<std::string> a = eventLines(fromTimeline), b = eventLines(streamed);
  CHECK(a.size() > 30);
  CHECK(a == b);
  auto count = [&](std::string_view needle) {
    return std::count_if(b.begin(), b.end(),
                         [&](const std::string& l) { return l.find(needle) != std::string::npos; });
  };
  // Arrows end on "woken" slices where no running slice starts: G3 never ran after its spawn,
  // and G4's wake-up of main lands inside a running stretch.
  CHECK(count("\"woken\"") == 2);
  CHECK(count("\"timer wakes G3\"") == 1);
  CHECK(count("\"flow_out\":true") == 5);  // every arrow but the timer's
  CHECK(count("\"flow_in\":true") == 5);
  CHECK(count("\"thread_name\"") == 4 + 2);  // goroutines, Ps
}
