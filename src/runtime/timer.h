// Timers for package time: Sleep, After, NewTimer, Ticker, AfterFunc (on sched timers).
//
// A Timer fires fire(arg) on a worker's scheduler stack: fire must not block. time.After and
// NewTimer use a callback doing a non-blocking send on a 1-buffered channel (trySend), Ticker
// the same with a period, AfterFunc a callback that spawns a goroutine. Timers are allocated on
// the gol heap (ObjKind::Other, scanned word by word, so `arg` keeps its channel alive); while a
// timer is pending the scheduler reports it to the collector (sched::forEachTimerArg).
#pragma once
#include <cstdint>

#include "sched/sched.h"

namespace gol::rt {

struct Timer {
  sched::Timer t;  // must stay first: t.arg points back at this Timer
  void (*fire)(void* arg) = nullptr;
  void* arg = nullptr;
};

int64_t nanotime();          // monotonic clock, ns
void sleep(int64_t ns);      // time.Sleep: parks with reason "sleep"; ns <= 0 yields
// Starts a timer firing at whenNs (nanotime() clock), then every periodNs if periodNs > 0.
Timer* startTimer(int64_t whenNs, int64_t periodNs, void (*fire)(void*), void* arg);
bool stopTimer(Timer* t);                 // true if it was pending (it will not fire now)
bool resetTimer(Timer* t, int64_t whenNs);  // re-arm (keeps the period); true if it was pending
bool resetTimer(Timer* t, int64_t whenNs, int64_t periodNs);

}  // namespace gol::rt
