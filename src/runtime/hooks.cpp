// Runtime error reporting: the entry points object.h declares, forwarding to the hooks the
// interpreter installs. Without hooks (unit tests, early start-up) they print Go's wording to
// stderr and exit with status 2, as an unrecovered panic does. Running out of memory is one
// path too (outOfMemory), whatever allocation failed.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "runtime/hooks.h"
#include "runtime/object.h"
#include "sched/sched.h"

namespace gol::rt {

Hooks g_hooks;

namespace {
[[noreturn]] void die(const std::string& text) {
  std::fflush(stdout);
  std::fprintf(stderr, "%s\n", text.c_str());
  std::fflush(stderr);
  std::_Exit(2);
}
}  // namespace

void panicRuntimeError(const std::string& msg) {
  if (auto f = hooks().panicRuntimeError) f(msg);
  die("panic: runtime error: " + msg + "\n\ngoroutine 1 [running]:");
}

void panicPlain(const std::string& msg) {
  if (auto f = hooks().panicPlain) f(msg);
  die("panic: " + msg + "\n\ngoroutine 1 [running]:");
}

void fatal(const std::string& msg) {
  if (auto f = hooks().fatal) f(msg);
  die("fatal error: " + msg);
}

namespace {
// Given back to malloc when memory runs out, so that the report (strings, a traceback) can
// still be built.
void* gEmergency = std::malloc(256 << 10);
std::atomic<bool> gOutOfMemory{false};
}  // namespace

// Made at start, not when memory is short.
static const std::string kOutOfMemory = "runtime: out of memory";

void outOfMemory() {
  if (gOutOfMemory.exchange(true)) {  // another thread is reporting it and will end the process
    for (;;) pause();
  }
  std::free(gEmergency);
  gEmergency = nullptr;
  // An in-process run (tests, fuzzing) ends here but the process goes on: the next run may run
  // out of memory too and must report it, not wait forever above.
  if (sched::returningFromRun()) gOutOfMemory.store(false);
  try {
    fatal(kOutOfMemory);
  } catch (const sched::RunEndUnwind&) {  // an in-process run ends here
    throw;
  } catch (...) {  // the report itself ran out of memory: say it without allocating
  }
  static const char kMsg[] = "fatal error: runtime: out of memory\n";
  ssize_t ignored = ::write(2, kMsg, sizeof kMsg - 1);
  (void)ignored;
  _exit(2);
}

}  // namespace gol::rt
