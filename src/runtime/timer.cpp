// rt timers over sched timers (see timer.h).
#include "runtime/timer.h"

#include <new>

#include "runtime/object.h"

namespace gol::rt {

int64_t nanotime() { return sched::nanotime(); }
void sleep(int64_t ns) { sched::sleep(ns); }

static void fireAdapter(void* p, int64_t) {
  Timer* t = static_cast<Timer*>(p);
  if (t->fire) t->fire(t->arg);
}

Timer* startTimer(int64_t whenNs, int64_t periodNs, void (*fire)(void*), void* arg) {
  Timer* t = new (alloc(sizeof(Timer), ObjKind::Other)) Timer;
  t->fire = fire;
  t->arg = arg;
  t->t.when = whenNs;
  t->t.period = periodNs > 0 ? periodNs : 0;
  t->t.fn = fireAdapter;
  t->t.arg = t;
  sched::addTimer(&t->t);
  return t;
}

bool stopTimer(Timer* t) { return t && sched::delTimer(&t->t); }

bool resetTimer(Timer* t, int64_t whenNs) { return sched::modTimer(&t->t, whenNs, t->t.period); }
bool resetTimer(Timer* t, int64_t whenNs, int64_t periodNs) {
  return sched::modTimer(&t->t, whenNs, periodNs > 0 ? periodNs : 0);
}

}  // namespace gol::rt
