// Built-in policies and names: the seeded deterministic policy (GOL_SCHED_SEED) and the
// strings printed for wait reasons and events.
#include "sched/policy.h"

#include <algorithm>
#include <climits>
#include <cstddef>

namespace gol::sched {

const char* waitReasonString(WaitReason r) {
  switch (r) {
    case WaitReason::None: return "";
    case WaitReason::ChanReceive: return "chan receive";
    case WaitReason::ChanSend: return "chan send";
    case WaitReason::ChanReceiveNil: return "chan receive (nil chan)";
    case WaitReason::ChanSendNil: return "chan send (nil chan)";
    case WaitReason::Select: return "select";
    case WaitReason::SelectNoCases: return "select (no cases)";
    case WaitReason::Sleep: return "sleep";
    case WaitReason::Semacquire:
    case WaitReason::SyncMutexLock:
    case WaitReason::SyncRWMutexRLock:
    case WaitReason::SyncRWMutexLock:
    case WaitReason::SyncWaitGroupWait: return "semacquire";
    case WaitReason::CondWait: return "sync.Cond.Wait";
    case WaitReason::Syscall: return "syscall";
    case WaitReason::Preempted: return "preempted";
  }
  return "";
}

const char* waitReasonDetail(WaitReason r) {
  switch (r) {
    case WaitReason::SyncMutexLock: return "sync.Mutex.Lock";
    case WaitReason::SyncRWMutexRLock: return "sync.RWMutex.RLock";
    case WaitReason::SyncRWMutexLock: return "sync.RWMutex.Lock";
    case WaitReason::SyncWaitGroupWait: return "sync.WaitGroup.Wait";
    default: return waitReasonString(r);
  }
}

const char* eventName(Event e) {
  switch (e) {
    case Event::Spawn: return "spawn";
    case Event::Run: return "run";
    case Event::Block: return "block";
    case Event::Unblock: return "unblock";
    case Event::Yield: return "yield";
    case Event::End: return "end";
    case Event::WorkerStart: return "worker-start";
    case Event::WorkerStop: return "worker-stop";
  }
  return "";
}

SeededPolicy::SeededPolicy(uint64_t seed, int procs, Schedule* script)
    : clock_(static_cast<size_t>(procs < 1 ? 1 : procs), 0), state_(seed * 0x9E3779B97F4A7C15ull + 1), script_(script) {}

uint32_t SeededPolicy::choose(uint32_t k, Decision kind, const G* const* options) {
  if (!script_) return k ? static_cast<uint32_t>(next64() % k) : 0;  // draws even for k = 1: seeds stay as they were
  if (k <= 1) return 0;
  size_t i = script_->log.size();
  uint32_t c = i < script_->prefix.size() ? script_->prefix[i] : script_->ask ? script_->ask(kind, k, options) : 0;
  if (c >= k) c = 0;  // a schedule for another program version: stay valid
  script_->log.push_back({c, k});
  std::vector<int64_t>& ids = script_->optionIds.emplace_back();
  for (uint32_t j = 0; options && j < k; j++) ids.push_back(options[j]->id);
  return c;
}

bool SeededPolicy::atVisiblePoint() {
  if (!script_ || runnable_.empty()) return false;
  if (script_->preemptionBound >= 0 && script_->preemptions >= script_->preemptionBound) return false;
  std::vector<const G*> opts{currentWorker()->curg};
  for (const Entry& e : runnable_) opts.push_back(e.g);
  uint32_t c = choose(static_cast<uint32_t>(opts.size()), Decision::KeepOrSwitch, opts.data());  // 0: keep running
  if (c == 0) return false;
  script_->preemptions++;
  forced_ = runnable_[c - 1].g;
  return true;
}

uint64_t SeededPolicy::next64() {
  // splitmix64: tiny, good enough, and fully determined by the seed.
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Small choices (select cases) are decisions a schedule records; large ones (seeds, map
// starts through rand64) stay pseudo-random, still fixed by the seed.
uint32_t SeededPolicy::randn(uint32_t n) {
  if (script_ && n <= 8) return choose(n);
  return n ? static_cast<uint32_t>(next64() % n) : 0;
}

int SeededPolicy::earliestP() const {
  int best = 0;
  for (int p = 1; p < procs(); p++)
    if (clock_[p] < clock_[best]) best = p;
  return best;
}

// Runnable from the moment it was made so: the running P's time, never before the time it
// blocked (a waker on a P whose clock is behind cannot wake it in its past).
void SeededPolicy::push(G* g, bool) {
  int64_t t = now(0);
  WorkerHot* w = currentWorker();
  if (w->curg) t = now(w->sliceBudget - w->budget.load(std::memory_order_relaxed));
  if (t < g->blockedAt) t = g->blockedAt;
  runnable_.push_back({g, t});
}

G* SeededPolicy::pop() {
  if (runnable_.empty()) return nullptr;
  curP_ = earliestP();
  if (forced_) {  // a visible point switched to it
    for (size_t i = 0; i < runnable_.size(); i++) {
      if (runnable_[i].g != forced_) continue;
      if (runnable_[i].readyAt > clock_[curP_]) clock_[curP_] = runnable_[i].readyAt;
      runnable_.erase(runnable_.begin() + static_cast<std::ptrdiff_t>(i));
      G* g = forced_;
      forced_ = nullptr;
      return g;
    }
    forced_ = nullptr;
  }
  int64_t t = clock_[curP_];
  int64_t earliest = INT64_MAX;
  for (const Entry& e : runnable_) earliest = e.readyAt < earliest ? e.readyAt : earliest;
  if (earliest > t) clock_[curP_] = t = earliest;  // idle until the first one is ready
  uint32_t ready = 0;
  for (const Entry& e : runnable_) ready += e.readyAt <= t;
  std::vector<const G*> opts;
  if (script_)
    for (const Entry& e : runnable_)
      if (e.readyAt <= t) opts.push_back(e.g);
  uint32_t pick = pctDepth_ ? static_cast<uint32_t>(pctPick(t)) : choose(ready, Decision::NextGoroutine, script_ ? opts.data() : nullptr);
  for (size_t i = 0; i < runnable_.size(); i++) {
    if (runnable_[i].readyAt > t || pick-- != 0) continue;
    G* g = runnable_[i].g;
    runnable_.erase(runnable_.begin() + static_cast<std::ptrdiff_t>(i));  // keeps the order seeded
    return g;
  }
  return nullptr;
}

void SeededPolicy::startSlice(G*, int* p, int32_t* budget) {
  *p = curP_;
  sliceStart_ = clock_[curP_];
  // Slices of 1..256 safepoints: short enough that goroutines interleave within a loop.
  // Scripted: no preemption by count (visible points decide), only a bound against spinning.
  *budget = script_ ? kScriptedSlice : 1 + static_cast<int32_t>(next64() % 256);
  if (pctDepth_) {  // PCT: run on until it blocks, or until the next change point
    int64_t left = changePoints_.empty() ? kScriptedSlice : changePoints_.front() - pctSteps_;
    *budget = static_cast<int32_t>(std::clamp<int64_t>(left, 1, kScriptedSlice));
  }
}

void SeededPolicy::usePct(int depth) {
  pctDepth_ = depth;
  for (int i = 1; i < depth; i++) changePoints_.push_back(1 + int64_t(next64() % uint64_t(kPctSteps)));
  std::sort(changePoints_.begin(), changePoints_.end());
}

// A goroutine's priority, drawn when it is first seen (high: 2^32 and up); change points give
// the running one 1, 2, ...: below everyone.
uint64_t SeededPolicy::priorityOf(const G* g) {
  for (auto& [id, prio] : priority_)
    if (id == g->id) return prio;
  priority_.push_back({g->id, (uint64_t(1) << 32) + next64() % (uint64_t(1) << 62)});
  return priority_.back().second;
}

// Index among the goroutines ready at t (in runnable_ order) of the highest-priority one.
size_t SeededPolicy::pctPick(int64_t t) {
  size_t best = 0, k = 0;
  uint64_t bestPrio = 0;
  for (const Entry& e : runnable_) {
    if (e.readyAt > t) continue;
    uint64_t p = priorityOf(e.g);
    if (p > bestPrio) {
      bestPrio = p;
      best = k;
    }
    k++;
  }
  return best;
}

// A slice costs one step more than its safepoints: switching to a goroutine is work too, and
// so whatever it does (print, spawn, exit) happens strictly inside its slice, which is never
// empty on a timeline.
void SeededPolicy::endSlice(G* g, int32_t steps) {
  clock_[curP_] = sliceStart_ + int64_t((steps < 0 ? 0 : steps) + 1) * kStepNs;
  g->blockedAt = clock_[curP_];
  if (!pctDepth_) return;
  pctSteps_ += steps < 0 ? 0 : steps;
  while (!changePoints_.empty() && pctSteps_ >= changePoints_.front()) {
    changePoints_.erase(changePoints_.begin());
    priorityOf(g);
    for (auto& [id, prio] : priority_)
      if (id == g->id) prio = uint64_t(pctDepth_ - int(changePoints_.size()));  // lowest so far
  }
}

int64_t SeededPolicy::now(int32_t steps) {
  WorkerHot* w = currentWorker();
  if (!w->curg) return clock_[curP_];
  return sliceStart_ + int64_t((steps < 0 ? 0 : steps) + 1) * kStepNs;
}

// New virtual Ps start at the present (the latest clock); removed ones just stop being picked.
int SeededPolicy::setProcs(int n) {
  int prev = procs();
  if (n <= 0 || n == prev) return prev;
  int64_t latest = *std::max_element(clock_.begin(), clock_.end());
  if (curP_ >= n) curP_ = 0;
  clock_.resize(static_cast<size_t>(n), latest);
  return prev;
}

void SeededPolicy::advanceTo(int64_t when) {
  for (int64_t& c : clock_)
    if (c < when) c = when;
}

}  // namespace gol::sched
