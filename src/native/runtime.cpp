// Natives of package runtime (stdlib/runtime/runtime.gol): scheduler queries and controls.
#include <thread>

#include "native/native.h"
#include "native/stdlib_util.h"
#include "sched/sched.h"

namespace gol::native {

GOL_NATIVE(runtime_GOMAXPROCS, "runtime.GOMAXPROCS") { call.results[0] = Value::I(sched::setProcs(int(call.args[0].i))); }
GOL_NATIVE(runtime_NumCPU, "runtime.NumCPU") {
  unsigned n = std::thread::hardware_concurrency();
  call.results[0] = Value::I(n ? int64_t(n) : 1);
}
GOL_NATIVE(runtime_NumGoroutine, "runtime.NumGoroutine") { call.results[0] = Value::I(sched::numGoroutine()); }
GOL_NATIVE(runtime_Gosched, "runtime.Gosched") { sched::yield(); }
GOL_NATIVE(runtime_GC, "runtime.GC") {
  // A collection needs a safepoint; request one by yielding (the evaluator collects at its
  // next poll when gcWanted()).
  sched::yield();
}
GOL_NATIVE(runtime_Goexit, "runtime.Goexit") { rt::panicPlain("runtime.Goexit is not supported by gol"); }
GOL_NATIVE(runtime_Caller, "runtime.Caller") {
  std::string file;
  int64_t line = 0;
  auto f = rt::hooks().callerPos;
  bool ok = f && call.args[0].i >= 0 && call.args[0].i < (1 << 20) && f(int(call.args[0].i), &file, &line);
  call.results[0] = Value::U(0);
  call.results[1] = ok ? str(file) : Value();
  call.results[2] = Value::I(ok ? line : 0);
  call.results[3] = Value::B(ok);
}
GOL_NATIVE(runtime_Version, "runtime.Version") { call.results[0] = str("go1.22-gol"); }

}  // namespace gol::native
