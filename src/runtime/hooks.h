// The evaluator's services to the layers below it, installed by interp/ at start-up: the runtime
// and native packages sit below the evaluator (src/DESIGN.md §1) and reach it only through this
// one table. (The scheduler, below the runtime, has its own: sched::Hooks in sched/sched.h.)
// Null entries mean "no evaluator" (unit tests, early start-up); each entry says what then.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/value.h"

namespace gol::rt {

struct Hooks {
  // Runtime errors (object.h's panicRuntimeError/panicPlain/fatal forward here). Never return.
  // Null: Go's wording on stderr and exit 2.
  void (*panicRuntimeError)(const std::string& msg) = nullptr;
  void (*panicPlain)(const std::string& msg) = nullptr;
  void (*fatal)(const std::string& msg) = nullptr;

  // Calls func value f with args (one word each) and stores its results (sort.Slice's less,
  // sync.Once.Do's f, String()/Error() methods when printing).
  void (*callFunc)(Value f, const Value* args, int nargs, Value* results, int nresults) = nullptr;
  // callFunc that recovers a panic of the call (fmt's catchPanic around String()/Error()): false
  // and the panic value as Go's %v prints it in *panicText. Null: use callFunc.
  bool (*callFuncRecover)(Value f, const Value* args, int nargs, Value* results, int nresults,
                          std::string* panicText) = nullptr;
  // Finds method `name` of dynamic type t (value receiver set for t, or pointer set when t is a
  // pointer) and returns a func value bound to receiver v, or null Value if t has no such method.
  Value (*boundMethod)(const Type* t, Value v, std::string_view name) = nullptr;
  // Builds an error value from a message (errors.New semantics).
  Value (*newError)(std::string_view msg) = nullptr;

  // Program output: stdout is buffered by the evaluator (flushed at exit, before reading
  // stdin, and when stderr is written); null writers mean plain stdio.
  void (*writeStdout)(std::string_view s) = nullptr;
  void (*writeStderr)(std::string_view s) = nullptr;
  void (*flushStdout)() = nullptr;

  // runtime.Caller(skip): the file and line of the gol frame `skip` levels above the caller of
  // runtime.Caller (0: that caller itself). False when there is no such frame. Null: false.
  bool (*callerPos)(int skip, std::string* file, int64_t* line) = nullptr;

  // os.Args of the running program (program name first). Null: empty.
  const std::vector<std::string>& (*programArgs)() = nullptr;

  // gol run -race (teach/race.h): happens-before edges through a sync object's address, and
  // freed heap memory. Null unless -race: each call site costs one branch.
  void (*raceAcquire)(const void* obj) = nullptr;
  void (*raceRelease)(const void* obj) = nullptr;
  void (*raceFree)(const void* p, size_t bytes) = nullptr;
};
extern Hooks g_hooks;  // constant-initialised (all null): usable during static initialisation
inline Hooks& hooks() { return g_hooks; }

inline void raceAcquire(const void* obj) {
  if (auto f = hooks().raceAcquire) f(obj);
}
inline void raceRelease(const void* obj) {
  if (auto f = hooks().raceRelease) f(obj);
}
// A sync operation that is both (channel operations, atomics).
inline void raceAcquireRelease(const void* obj) {
  if (auto f = hooks().raceAcquire) {
    f(obj);
    hooks().raceRelease(obj);
  }
}

}  // namespace gol::rt
