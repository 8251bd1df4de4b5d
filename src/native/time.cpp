// Natives of package time (stdlib/time/*.gol): wall and monotonic clocks, the local zone,
// Sleep, and channel timers on the runtime's timers (runtime/timer.h): when one fires it does a
// non-blocking send of the current Time on the timer's 1-buffered channel, as Go's sendTime.
#include <ctime>

#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/chan.h"
#include "runtime/timer.h"

#include "sched/sched.h"

namespace gol::native {
namespace {

constexpr int64_t kUnixToInternal = (1969LL * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86400;

// The monotonic reading kept in Time values: ns since process start, plus one (0 = none).
int64_t processStart() {
  static int64_t start = rt::nanotime();
  return start;
}
[[maybe_unused]] const int64_t kInitStart = processStart();
// Seeded runs: the virtual clock starts at 0 with the run, so it is the reading itself.
inline int64_t monoNow() { return sched::virtualClock() ? rt::nanotime() + 1 : rt::nanotime() - processStart() + 1; }

struct TimerArg {
  rt::Chan* c;
  Value loc;
};

Value makeTime(Value loc) {
  int64_t sec, nsec;
  sched::walltime(&sec, &nsec);
  auto* t = static_cast<rt::StructObj*>(rt::alloc(4 * sizeof(Value), rt::ObjKind::Struct));
  t->fields[0] = Value::I(sec + kUnixToInternal);
  t->fields[1] = Value::I(nsec);
  t->fields[2] = Value::I(monoNow());
  t->fields[3] = loc;
  return Value::P(t);
}

void sendTime(void* arg) {
  auto* a = static_cast<TimerArg*>(arg);
  if (rt::len(a->c) > 0) return;  // Go drops the tick when the buffer is full
  rt::trySend(a->c, makeTime(a->loc).u);
}

int64_t whenAfter(int64_t d) {
  int64_t now = rt::nanotime();
  if (d <= 0) return now;
  int64_t w = now + d;
  return w < now ? INT64_MAX : w;
}

}  // namespace

GOL_NATIVE(time_now, "time.now") {
  int64_t sec, nsec;
  sched::walltime(&sec, &nsec);
  call.results[0] = Value::I(sec);
  call.results[1] = Value::I(nsec);
  call.results[2] = Value::I(monoNow());
}
GOL_NATIVE(time_runtimeNano, "time.runtimeNano") { call.results[0] = Value::I(monoNow()); }
GOL_NATIVE(time_localZone, "time.localZone") {
  time_t t = time_t(call.args[0].i);
  struct tm tm;
  if (!localtime_r(&t, &tm)) {
    call.results[0] = str("UTC");
    call.results[1] = Value::I(0);
    return;
  }
  call.results[0] = str(tm.tm_zone ? tm.tm_zone : "UTC");
  call.results[1] = Value::I(tm.tm_gmtoff);
}
GOL_NATIVE(time_Sleep, "time.Sleep") { rt::sleep(call.args[0].i); }

// startTimer(c chan Time, d Duration, period Duration, loc *Location) uintptr
GOL_NATIVE(time_startTimer, "time.startTimer") {
  auto* a = static_cast<TimerArg*>(rt::alloc(sizeof(TimerArg), rt::ObjKind::Other));
  a->c = call.args[0].as<rt::Chan>();
  a->loc = call.args[3];
  rt::Timer* t = rt::startTimer(whenAfter(call.args[1].i), call.args[2].i, sendTime, a);
  call.results[0] = Value::P(t);
}
GOL_NATIVE(time_stopTimer, "time.stopTimer") {
  auto* t = call.args[0].as<rt::Timer>();
  call.results[0] = Value::B(t && rt::stopTimer(t));
}
// resetTimer(r uintptr, d Duration, period Duration) bool
GOL_NATIVE(time_resetTimer, "time.resetTimer") {
  auto* t = call.args[0].as<rt::Timer>();
  call.results[0] = Value::B(t && rt::resetTimer(t, whenAfter(call.args[1].i), call.args[2].i));
}

}  // namespace gol::native
