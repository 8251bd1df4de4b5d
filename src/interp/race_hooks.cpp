// The evaluator's side of gol run -race (teach/race.h): which statement of which function
// makes an access, goroutine creation and end, and the exit status. The same watch feeds
// gol explore -exhaustive's footprints (teach/footprint.h): either or both may be on.
#include <fmt/format.h>

#include "base/source.h"
#include "interp/nodes.h"
#include "interp/race_hooks.h"
#include "teach/footprint.h"
#include "teach/race.h"

namespace gol::interp {

bool gRaceWatch = false;

namespace {

bool gRaceOn = false;       // -race
bool gFootprints = false;   // explore -exhaustive

int64_t currentGoroutineId() {
  GState* g = currentG();
  return g ? g->id : 0;
}

teach::race::Site siteHere() {
  GState* g = currentG();
  Frame* f = g ? g->top : nullptr;
  while (f && !f->fn) f = f->parent;
  if (!f) return {};
  return {f->pos, f->fn->name.c_str()};
}

std::string stackHere() {
  std::string out;
  GState* g = currentG();
  int n = 0;
  for (Frame* f = g ? g->top : nullptr; f && n < 20; f = f->parent) {
    if (!f->fn) continue;
    out += fmt::format("  {}()\n      {}\n", f->fn->name, posString(f->pos));
    n++;
  }
  return out;
}

std::string lineText(uint32_t pos) {
  if (!pos) return "";
  std::string_view t = SourceTable::global().lineText(pos);
  size_t first = t.find_first_not_of(" \t");
  return first == std::string_view::npos ? "" : std::string(t.substr(first));
}

}  // namespace

void raceReadSlow(const void* addr) {
  if (gFootprints) teach::footprint::access(currentGoroutineId(), addr, false);
  if (gRaceOn) teach::race::read(addr, siteHere());
}
void raceWriteSlow(const void* addr) {
  if (gFootprints) teach::footprint::access(currentGoroutineId(), addr, true);
  if (gRaceOn) teach::race::write(addr, siteHere());
}

void enableRace() {
  teach::race::enable({stackHere, posString, lineText});
  gRaceWatch = gRaceOn = true;
}

void enableFootprints(const sched::Schedule* schedule) {
  teach::footprint::enable(schedule);
  gRaceWatch = gFootprints = true;
}

void footprintSpawned(int64_t child) {
  if (gFootprints) teach::footprint::spawn(currentGoroutineId(), child);
}

void footprintPrint() {
  if (gFootprints) teach::footprint::print(currentGoroutineId());
}

void* raceFork(Pos goStatement) {
  if (!gRaceOn) return nullptr;
  teach::race::Site s = siteHere();
  s.pos = goStatement;
  return teach::race::fork(s);
}

void raceStart(int64_t id, void* forked) {
  if (forked) teach::race::start(id, forked);
}

void raceGoroutineEnd(int64_t id) {
  if (gRaceOn) teach::race::finished(id);
}

int raceExitStatus(int status) { return gRaceOn ? teach::race::finish(status) : status; }

}  // namespace gol::interp
