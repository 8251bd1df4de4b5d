// The race detector (race.h): vector clocks, shadow words, sync edges and Go-style reports.
//
// Invariant: a goroutine's clock entry for itself only grows, and it grows after every
// release, so an epoch c@t in a shadow word is ordered before goroutine u exactly when
// VC_u[t] >= c. One mutex guards all the state: -race trades speed for simplicity.
#include "teach/race.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <set>
#include <unordered_map>
#include <vector>

#include "runtime/hooks.h"
#include "sched/sched.h"

namespace gol::teach::race {
namespace {

using Clock = std::vector<uint32_t>;  // indexed by goroutine id

struct Epoch {
  int64_t g = 0;  // 0: none
  uint32_t clock = 0;
  Site site;
};

struct Shadow {
  Epoch write;
  std::vector<Epoch> reads;  // one per goroutine with a read not ordered before the others
};

struct Goroutine {
  Clock vc;
  Site createdAt;
  const char* parentFunction = nullptr;
  bool finished = false;
};

std::mutex gMu;
bool gOn = false;
Describe gDescribe;
std::unordered_map<int64_t, Goroutine> gGoroutines;
std::unordered_map<const void*, Clock> gSync;
std::unordered_map<const void*, Shadow> gShadow;
std::set<std::pair<uint32_t, uint32_t>> gReported;  // pairs of positions, each reported once
int gRaces = 0;

uint32_t at(const Clock& c, int64_t g) { return g < int64_t(c.size()) ? c[size_t(g)] : 0; }

void set(Clock& c, int64_t g, uint32_t v) {
  if (int64_t(c.size()) <= g) c.resize(size_t(g) + 1, 0);
  c[size_t(g)] = v;
}

void join(Clock& into, const Clock& from) {
  if (into.size() < from.size()) into.resize(from.size(), 0);
  for (size_t i = 0; i < from.size(); i++) into[i] = std::max(into[i], from[i]);
}

Goroutine& self(int64_t id) {
  Goroutine& g = gGoroutines[id];
  if (at(g.vc, id) == 0) set(g.vc, id, 1);  // main, or a goroutine started outside `go`
  return g;
}

int64_t currentId() {
  sched::G* g = sched::current();
  return g ? g->id : 0;
}

bool orderedBefore(const Epoch& e, const Clock& vc) { return e.g == 0 || e.clock <= at(vc, e.g); }

std::string who(int64_t g) { return g == 1 ? "main goroutine" : fmt::format("goroutine {}", g); }

std::string frame(const Site& s) {
  return fmt::format("  {}()\n      {}\n", s.function ? s.function : "?", gDescribe.position(s.pos));
}

std::string sourceLine(const Site& s) {
  return fmt::format("      > {}\n", gDescribe.lineText(s.pos));
}

std::string createdAt(int64_t id) {
  auto it = gGoroutines.find(id);
  if (id == 1 || it == gGoroutines.end() || !it->second.createdAt.pos) return "";
  const Goroutine& g = it->second;
  return fmt::format("\nGoroutine {} ({}) created at:\n{}", id, g.finished ? "finished" : "running",
                     frame(Site{g.createdAt.pos, g.parentFunction}));
}

void report(const char* kind, int64_t g, Site site, const char* prevKind, const Epoch& prev) {
  auto key = std::minmax(site.pos, prev.site.pos);
  if (!gReported.insert(key).second) return;
  gRaces++;
  std::string out = "==================\nWARNING: DATA RACE\n";
  out += fmt::format("{} at {} by {}:\n", kind, gDescribe.position(site.pos), who(g));
  out += gDescribe.stack();
  out += sourceLine(site);
  out += fmt::format("\n{} at {} by {}:\n", prevKind, gDescribe.position(prev.site.pos), who(prev.g));
  out += frame(prev.site) + sourceLine(prev.site);
  out += createdAt(g);
  if (prev.g != g) out += createdAt(prev.g);
  out += "==================\n";
  if (auto w = rt::hooks().writeStderr) w(out);
  else std::fputs(out.c_str(), stderr);
}

// ---- sync edges (called by the runtime through rt::hooks)

void acquireHook(const void* obj) {
  int64_t id = currentId();
  if (!id) return;
  std::lock_guard<std::mutex> lk(gMu);
  auto it = gSync.find(obj);
  if (it != gSync.end()) join(self(id).vc, it->second);
}

void releaseHook(const void* obj) {
  int64_t id = currentId();
  if (!id) return;
  std::lock_guard<std::mutex> lk(gMu);
  Goroutine& g = self(id);
  join(gSync[obj], g.vc);
  set(g.vc, id, at(g.vc, id) + 1);
}

// Freed memory forgets its history: a new object at the same address is a new variable.
void freeHook(const void* p, size_t bytes) {
  std::lock_guard<std::mutex> lk(gMu);
  if (gShadow.empty() && gSync.empty()) return;
  auto* b = static_cast<const char*>(p);
  for (size_t off = 0; off < bytes; off += 8) {
    gShadow.erase(b + off);
    gSync.erase(b + off);
  }
}

}  // namespace

void enable(const Describe& d) {
  gDescribe = d;
  gOn = true;
  rt::hooks().raceAcquire = acquireHook;
  rt::hooks().raceRelease = releaseHook;
  rt::hooks().raceFree = freeHook;
}

bool enabled() { return gOn; }

struct Forked {
  Clock vc;
  Site site;
};

void* fork(Site site) {
  int64_t id = currentId();
  std::lock_guard<std::mutex> lk(gMu);
  Goroutine& parent = self(id);
  auto* f = new Forked{parent.vc, site};
  set(parent.vc, id, at(parent.vc, id) + 1);
  return f;
}

void start(int64_t child, void* forked) {
  auto* f = static_cast<Forked*>(forked);
  std::lock_guard<std::mutex> lk(gMu);
  Goroutine& c = gGoroutines[child];
  c.vc = std::move(f->vc);
  set(c.vc, child, std::max<uint32_t>(at(c.vc, child), 1));
  c.createdAt = f->site;
  c.parentFunction = f->site.function;
  delete f;
}

void read(const void* addr, Site site) {
  int64_t id = currentId();
  if (!id) return;
  std::lock_guard<std::mutex> lk(gMu);
  Goroutine& g = self(id);
  Shadow& s = gShadow[addr];
  if (s.write.g != id && !orderedBefore(s.write, g.vc)) report("Read", id, site, "Previous write", s.write);
  Epoch mine{id, at(g.vc, id), site};
  // Keep only the reads not ordered before this one (FastTrack's read-shared set, as a list).
  size_t keep = 0;
  for (const Epoch& r : s.reads)
    if (r.g != id && !orderedBefore(r, g.vc)) s.reads[keep++] = r;
  s.reads.resize(keep);
  s.reads.push_back(mine);
}

void write(const void* addr, Site site) {
  int64_t id = currentId();
  if (!id) return;
  std::lock_guard<std::mutex> lk(gMu);
  Goroutine& g = self(id);
  Shadow& s = gShadow[addr];
  if (s.write.g != id && !orderedBefore(s.write, g.vc)) report("Write", id, site, "Previous write", s.write);
  for (const Epoch& r : s.reads)
    if (r.g != id && !orderedBefore(r, g.vc)) report("Write", id, site, "Previous read", r);
  s.reads.clear();
  s.write = Epoch{id, at(g.vc, id), site};
}

void finished(int64_t goroutine) {
  std::lock_guard<std::mutex> lk(gMu);
  auto it = gGoroutines.find(goroutine);
  if (it != gGoroutines.end()) it->second.finished = true;
}

int racesFound() {
  std::lock_guard<std::mutex> lk(gMu);
  return gRaces;
}

int finish(int status) {
  int n = racesFound();
  if (!gOn || n == 0) return status;
  std::string text = fmt::format("Found {} data race(s)\n", n);
  if (auto w = rt::hooks().writeStderr) w(text);
  else std::fputs(text.c_str(), stderr);
  return status == 0 ? 66 : status;
}

}  // namespace gol::teach::race
