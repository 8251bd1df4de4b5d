// The notes of gol run -hints (hints.h).
#include "interp/hints.h"

#include <fmt/format.h>

#include <map>
#include <mutex>
#include <vector>

#include "base/source.h"
#include "interp/nodes.h"
#include "interp/recording.h"
#include "sched/sched.h"

namespace gol::interp {
namespace {

bool gHints = false;
std::mutex gSpawnMu;
std::map<int64_t, uint32_t> gSpawnPos;  // goroutine id -> its go statement (with -hints only)

uint32_t spawnPos(int64_t id) {
  std::lock_guard<std::mutex> lk(gSpawnMu);
  auto it = gSpawnPos.find(id);
  return it == gSpawnPos.end() ? 0 : it->second;
}

struct Seen {
  int64_t id;
  std::string line;
};

// "G3 (main.worker, started at prog.go:7) blocked on chan send at prog.go:9"
std::string describeLive(sched::G* sg) {
  auto* g = static_cast<GState*>(sg->user);
  teach::GoroutineView v = describeGoroutine(sg);
  std::string who = fmt::format("G{}", sg->id);
  std::string fn = v.function ? v.function : "";
  uint32_t from = g && g->createdAt ? g->createdAt : spawnPos(sg->id);
  std::string started = from ? positionText(from) : "";
  if (!fn.empty() || !started.empty())
    who += fmt::format(" ({}{}{})", fn, !fn.empty() && !started.empty() ? ", " : "",
                       started.empty() ? "" : "started at " + started);
  sched::GStatus st = sg->status.load();
  std::string at = v.pos ? " at " + positionText(v.pos) : "";
  if (st == sched::GStatus::Waiting)
    return fmt::format("{} blocked in {}{}", who, sched::waitReasonDetail(sg->waitReason.load()), at);
  if (!g) return who + " never got to run";
  return fmt::format("{} was {}{}", who, st == sched::GStatus::Running ? "running" : "ready to run", at);
}

// Why nothing can release a goroutine blocked for this reason, once every goroutine is blocked.
const char* whyStuck(sched::WaitReason r) {
  using W = sched::WaitReason;
  switch (r) {
    case W::ChanReceive: return "no goroutine that could still send on that channel or close it is running";
    case W::ChanSend: return "no goroutine that could still receive from that channel is running";
    case W::ChanReceiveNil:
    case W::ChanSendNil: return "the channel is nil: nothing can ever happen on it";
    case W::Select: return "none of its cases can proceed, and no running goroutine could make one ready";
    case W::SelectNoCases: return "an empty select waits forever";
    case W::SyncWaitGroupWait:
      return "the counter is above zero and no goroutine that could call Done is running (an Add without its Done?)";
    case W::SyncMutexLock:
    case W::SyncRWMutexLock:
    case W::SyncRWMutexRLock: return "the goroutine holding the lock is blocked too (or it was never unlocked)";
    case W::CondWait: return "no running goroutine is left to Signal or Broadcast";
    default: return "every other goroutine is blocked as well";
  }
}

}  // namespace

void setHints(bool on) { gHints = on; }

void noteSpawn(int64_t goid, uint32_t goStatement) {
  std::lock_guard<std::mutex> lk(gSpawnMu);
  gSpawnPos[goid] = goStatement;
}
bool hintsOn() { return gHints; }

void hintMainReturned() {
  if (!gHints) return;
  sched::stopTheWorld();  // the others' frames hold still while we read where they are
  std::vector<std::string> lines;
  sched::G* self = sched::current();
  std::pair<sched::G*, std::vector<std::string>*> ctx{self, &lines};
  sched::forEachG(
      [](sched::G* g, void* c) {
        auto* out = static_cast<std::pair<sched::G*, std::vector<std::string>*>*>(c);
        if (g != out->first) out->second->push_back(describeLive(g));
      },
      &ctx);
  sched::startTheWorld();
  if (lines.empty()) return;
  std::string text = fmt::format("hint: main returned while {} goroutine{} still running; a Go program ends "
                                 "when main returns, so what they had left to do (and print) was lost:\n",
                                 lines.size(), lines.size() == 1 ? " was" : "s were");
  for (const std::string& l : lines) text += "hint:   " + l + "\n";
  text += "hint: wait for them with a sync.WaitGroup (or a channel) before main returns.\n";
  writeStderr(text);
}

void hintDeadlock() {
  if (!gHints) return;
  std::string text = "hint: every goroutine is blocked, so none can ever wake another:\n";
  sched::forEachG(
      [](sched::G* g, void* ctx) {
        *static_cast<std::string*>(ctx) +=
            fmt::format("hint:   {}: {}.\n", describeLive(g), whyStuck(g->waitReason.load()));
      },
      &text);
  writeStderr(text);
}

// The traceback captured when the panic was raised: its first "\tFILE:LINE" is where it happened.
std::string whereRaised(const std::string& trace) {
  size_t tab = trace.find('\t');
  if (tab == std::string::npos) return "?";
  size_t end = trace.find(' ', tab);
  std::string at = trace.substr(tab + 1, end == std::string::npos ? std::string::npos : end - tab - 1);
  size_t slash = at.rfind('/');
  return slash == std::string::npos ? at : at.substr(slash + 1);
}

void hintPanic(const std::string& message, const std::string& trace) {
  if (!gHints) return;
  if (message == "sync: negative WaitGroup counter")
    writeStderr(fmt::format("hint: the WaitGroup's counter went below zero at {}: Done was called more times than "
                            "Add counted (a Done without its Add, or one Done too many).\n",
                            whereRaised(trace)));
}

}  // namespace gol::interp
