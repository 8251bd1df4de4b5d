// Timers: one global min-heap of sched::Timer under a mutex (Go keeps one heap per P; at gol's
// scale a global heap is simpler and cheap enough), plus time.Sleep.
//
// Timers fire on worker threads only — in findRunnable (scheduler stack) or in a safepoint when
// a worker has been busy — never on the monitor thread, so stop-the-world also stops timer
// callbacks. An idle worker (the timerWaiter, schedule.cpp) sleeps until the earliest `when`;
// a timer that becomes the new earliest wakes it via timersChanged().
//
// A timer is removed from the heap before its callback runs (periodic ones are re-armed first),
// and the callback's fn/arg are copied under the lock, so once delTimer returns the Timer memory
// may be reused even if it raced with firing (as in Go, Stop returning false means "already
// fired or firing").
#include <time.h>

#include <climits>
#include <mutex>
#include <thread>
#include <vector>

#include "sched/proc.h"

namespace gol::sched {
namespace {

std::mutex g_mu;
std::vector<Timer*> g_heap;
std::atomic<int64_t> g_next{INT64_MAX};

bool less(const Timer* a, const Timer* b) { return a->when < b->when; }

void place(size_t i, Timer* t) {
  g_heap[i] = t;
  t->heapIndex = static_cast<int32_t>(i);
}

void siftUp(size_t i) {
  Timer* t = g_heap[i];
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (!less(t, g_heap[p])) break;
    place(i, g_heap[p]);
    i = p;
  }
  place(i, t);
}

void siftDown(size_t i) {
  size_t n = g_heap.size();
  Timer* t = g_heap[i];
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && less(g_heap[c + 1], g_heap[c])) c++;
    if (!less(g_heap[c], t)) break;
    place(i, g_heap[c]);
    i = c;
  }
  place(i, t);
}

void removeAt(size_t i) {
  Timer* t = g_heap[i];
  Timer* last = g_heap.back();
  g_heap.pop_back();
  t->heapIndex = -1;
  if (i < g_heap.size()) {
    place(i, last);
    siftDown(i);
    siftUp(last->heapIndex);
  }
}

// Returns true when t became the earliest timer.
bool pushLocked(Timer* t) {
  g_heap.push_back(t);
  siftUp(g_heap.size() - 1);
  return g_heap[0] == t;
}

void publishNextLocked() {
  g_next.store(g_heap.empty() ? INT64_MAX : g_heap[0]->when, std::memory_order_release);
}

}  // namespace

bool virtualClock() { return detail::g_policy && detail::g_policy->virtualTime(); }

int64_t nanotime() {
  if (Policy* p = detail::g_policy; p && p->virtualTime()) {
    WorkerHot* w = currentWorker();
    return p->now(w->curg ? w->sliceBudget - w->budget.load(std::memory_order_relaxed) : 0);
  }
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void walltime(int64_t* sec, int64_t* nsec) {
  if (virtualClock()) {
    constexpr int64_t kPlaygroundEpoch = 1257894000;  // 2009-11-10 23:00:00 UTC, as Go's playground
    int64_t t = nanotime();
    *sec = kPlaygroundEpoch + t / 1000000000;
    *nsec = t % 1000000000;
    return;
  }
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  *sec = ts.tv_sec;
  *nsec = ts.tv_nsec;
}

bool timersPending() { return g_next.load(std::memory_order_relaxed) != INT64_MAX; }
int64_t nextTimerWhen() { return g_next.load(std::memory_order_acquire); }

void addTimer(Timer* t) {
  bool earliest;
  {
    std::lock_guard<std::mutex> lk(g_mu);
    earliest = pushLocked(t);
    publishNextLocked();
  }
  if (earliest) timersChanged();
}

bool delTimer(Timer* t) {
  std::lock_guard<std::mutex> lk(g_mu);
  if (t->heapIndex < 0) return false;
  removeAt(static_cast<size_t>(t->heapIndex));
  publishNextLocked();
  return true;
}

bool modTimer(Timer* t, int64_t when, int64_t period) {
  bool was, earliest;
  {
    std::lock_guard<std::mutex> lk(g_mu);
    was = t->heapIndex >= 0;
    if (was) removeAt(static_cast<size_t>(t->heapIndex));
    t->when = when;
    t->period = period;
    earliest = pushLocked(t);
    publishNextLocked();
  }
  if (earliest) timersChanged();
  return was;
}

bool runTimers(int64_t now) {
  struct Fire {
    void (*fn)(void*, int64_t);
    void* arg;
  };
  bool any = false;
  for (;;) {
    Fire fired[32];
    int n = 0;
    {
      std::lock_guard<std::mutex> lk(g_mu);
      while (!g_heap.empty() && g_heap[0]->when <= now && n < 32) {
        Timer* t = g_heap[0];
        removeAt(0);
        fired[n++] = {t->fn, t->arg};
        if (t->period > 0) {  // re-arm at the next multiple of period after now
          t->when += t->period * (1 + (now - t->when) / t->period);
          pushLocked(t);
        }
      }
      publishNextLocked();
    }
    for (int i = 0; i < n; i++) fired[i].fn(fired[i].arg, now);
    any |= n > 0;
    if (n < 32) return any;
  }
}

void clearTimers() {
  std::lock_guard<std::mutex> lk(g_mu);
  for (Timer* t : g_heap) t->heapIndex = -1;
  g_heap.clear();
  publishNextLocked();
}

void forEachTimerArg(void (*cb)(void* arg, void* ctx), void* c) {
  std::lock_guard<std::mutex> lk(g_mu);
  for (Timer* t : g_heap) cb(t->arg, c);
}

void sleep(int64_t ns) {
  G* g = current();
  if (!g) {
    if (ns > 0) std::this_thread::sleep_for(std::chrono::nanoseconds(ns));
    return;
  }
  if (ns <= 0) {
    yield();
    return;
  }
  // The timer lives in this frame, which stays alive while we are parked. It is armed only
  // after the switch (park's unlock function) so it cannot ready us before we are parked.
  Timer t;
  t.when = nanotime() + ns;
  t.fn = [](void* a, int64_t) { ready(static_cast<G*>(a)); };
  t.arg = g;
  armCancel(
      g,
      [](G* sg, void* timer) {  // the timer not fired yet: it will never wake us
        if (!delTimer(static_cast<Timer*>(timer))) return false;
        sg->waitCancelled = true;
        return true;
      },
      &t);
  park(WaitReason::Sleep, [](void* a) { addTimer(static_cast<Timer*>(a)); }, &t);
  wasInterrupted();
}

}  // namespace gol::sched
