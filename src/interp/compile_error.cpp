// The compiler's loud failure (compilerBug), its record of which node kinds it compiled, and
// whether it compiles seeded-mode decision points (shared_access.h).
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

#include "base/source.h"
#include "interp/compiler.h"
#include "interp/shared_access.h"
#include "interp/nodes.h"
#include "runtime/object.h"
#include "sched/sched.h"

namespace gol::interp {

namespace {
// Functions compile lazily, on whichever worker first calls them, so several compile at once.
constexpr size_t kKinds = static_cast<size_t>(ast::NodeKind::FuncDecl) + 1;
std::atomic<bool> gKindSeen[kKinds];
}  // namespace

void noteKindCompiled(ast::NodeKind k) { gKindSeen[static_cast<size_t>(k)].store(true, std::memory_order_relaxed); }

std::vector<bool> kindsCompiled() {
  std::vector<bool> out(kKinds);
  for (size_t i = 0; i < kKinds; i++) out[i] = gKindSeen[i].load(std::memory_order_relaxed);
  return out;
}

namespace {
bool gSharedDecisionPoints = false;
}
void setSharedDecisionPoints(bool on) { gSharedDecisionPoints = on; }
bool sharedDecisionPoints() { return gSharedDecisionPoints; }

void compilerBug(Pos pos, const std::string& what) {
  Position p = SourceTable::global().decode(pos);
  std::string text = fmt::format("fatal error: internal error: {}:{}:{}: gol cannot compile {} (this is a bug in gol)\n",
                                 p.file, p.line, p.col, what);
  flushStdout();
  if (auto write = rt::hooks().writeStderr) write(text);
  else std::fputs(text.c_str(), stderr);
  // Compilation is lazy, so this usually runs on a goroutine: end the program the scheduler's
  // way (in-process test runs return from run()); elsewhere, end the process.
  if (sched::current()) sched::exitProgram(2);
  std::fflush(stderr);
  _exit(2);
}

}  // namespace gol::interp
