// Runtime error reporting: the entry points object.h declares, forwarding to the hooks the
// interpreter installs. Without hooks (unit tests, early start-up) they print Go's wording to
// stderr and exit with status 2, as an unrecovered panic does.
#include <cstdio>
#include <cstdlib>

#include "runtime/hooks.h"
#include "runtime/object.h"

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

}  // namespace gol::rt
