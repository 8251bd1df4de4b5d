// Noting a scripted run's footprints (footprint.h). Seeded runs are single-threaded, so the
// notes need no lock.
#include "teach/footprint.h"

#include <fmt/format.h>

#include <cstdio>
#include <vector>

#include "sched/sched.h"

namespace gol::teach::footprint {
namespace {

struct Note {
  char kind;  // 'a' access, 's' spawn
  bool write;
  uint32_t decisions;
  int64_t g;
  uintptr_t object;  // access: the object; spawn: the child
};

const sched::Schedule* gSchedule = nullptr;
size_t gMax = 0;
bool gOverflow = false;
uint32_t gOverflowAt = 0;
std::vector<Note> gNotes;
const char kOutput = 0;  // the address that stands for the program's output

uint32_t decisions() { return static_cast<uint32_t>(gSchedule->log.size()); }

void note(Note n) {
  if (gOverflow) return;
  if (gNotes.size() >= gMax) {
    gOverflow = true;
    gOverflowAt = decisions();
    return;
  }
  gNotes.push_back(n);
}

int64_t currentId() {
  const sched::G* g = sched::current();
  return g ? g->id : 0;
}

}  // namespace

void enable(const sched::Schedule* schedule, size_t maxEvents) {
  gSchedule = schedule;
  gMax = maxEvents;
  gNotes.reserve(1 << 16);
  // A sync operation is noted where it is attempted, before it may block: an attempt counts
  // even when it then waits, which is what lets the search try the other goroutine taking the
  // lock first. It counts as a write of the object (so two operations on one object are never
  // reordered silently) unless it commutes with the others that commute (WaitGroup.Done).
  sched::hooks().syncAttempt = [](const void* obj, bool commutes) { access(currentId(), obj, !commutes); };
}

bool enabled() { return gSchedule != nullptr; }

void access(int64_t goroutine, const void* object, bool write) {
  if (gSchedule) note({'a', write, decisions(), goroutine, reinterpret_cast<uintptr_t>(object)});
}

void spawn(int64_t parent, int64_t child) {
  if (gSchedule) note({'s', false, decisions(), parent, static_cast<uintptr_t>(child)});
}

void print(int64_t goroutine) { access(goroutine, &kOutput, true); }

void writeTo(const std::string& path) {
  if (!gSchedule) return;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return;
  std::string buf;
  for (const Note& n : gNotes) {
    if (n.kind == 'a') fmt::format_to(std::back_inserter(buf), "a {} {} {:x} {}\n", n.decisions, n.g, n.object, int(n.write));
    else fmt::format_to(std::back_inserter(buf), "s {} {} {}\n", n.decisions, n.g, n.object);
    if (buf.size() > (1 << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), f);
      buf.clear();
    }
  }
  if (gOverflow) fmt::format_to(std::back_inserter(buf), "overflow {}\n", gOverflowAt);
  std::fwrite(buf.data(), 1, buf.size(), f);
  std::fclose(f);
}

}  // namespace gol::teach::footprint
