// Unit tests of what an in-process run (RunOptions::returnFromRun) leaves behind when it ends:
// nothing of its compiled code (interp/run_arena.h), so a later program whose tree reuses the
// freed tree's addresses runs its own code; and nothing that a thread outside the scheduler may
// still touch (os/exec's helper finishing after the run: sched::readyExternal).
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/interp.h"
#include "interp/run_arena.h"
#include "run_helpers.h"
#include "stdlib.h"
#include "syntax/parser.h"

using namespace gol;

namespace {

// Parses, checks and runs src with its tree in an arena of its own, freed before returning.
std::string runInOwnArena(const std::string& src) {
  static int counter = 0;
  ast::Arena arena;
  Diagnostics diags;
  FileId id = SourceTable::global().add("run_end_" + std::to_string(counter++) + ".gol", src);
  ast::File* f = syntax::parseFile(arena, id, diags);
  Program* prog =
      f && !diags.hasErrors() ? check::checkProgram({f}, arena, diags, stdlib::packageFiles) : nullptr;
  if (!prog || diags.hasErrors()) return "compile error: " + diags.render();
  testutil::RunResult run = testutil::runChecked(prog);
  return run.out + run.err;
}

// After a run that ended with something left behind, the next in-process run goes on as usual.
void checkNextRunWorks(const char* name) {
  testutil::RunResult next = testutil::runSource(name, "package main\n\nfunc main() { println(\"next\") }\n");
  CHECK(next.code == 0);
  CHECK(next.err == "next\n");
}

}  // namespace

TEST_CASE("in-process run: a new tree at a freed tree's addresses runs its own code") {
  // Same shapes, so the second program's declarations are likely to land where the first's were.
  const char* a =
      "package main\n\nimport \"fmt\"\n\nfunc f() int { return 1 }\n\nfunc main() { fmt.Println(f()) }\n";
  const char* b =
      "package main\n\nimport \"fmt\"\n\nfunc f() int { return 2 }\n\nfunc main() { fmt.Println(f()) }\n";
  for (int i = 0; i < 3; i++) {
    CHECK(runInOwnArena(a) == "1\n");
    CHECK(runInOwnArena(b) == "2\n");
  }
  CHECK(interp::runArenaObjects() == 0);  // every node and function went with its run
}

TEST_CASE("in-process run: os/exec's helper finishing after the run has ended touches nothing of it") {
  // A goroutine waits for a child that outlives the run; main returns first, so the run ends
  // and frees its goroutines while the helper thread still waits for the child.
  const char* src =
      "package main\n\nimport (\n\t\"os/exec\"\n\t\"time\"\n)\n\n"
      "func main() {\n\tgo func() { exec.Command(\"sleep\", \"0.2\").Run() }()\n"
      "\ttime.Sleep(50 * time.Millisecond)\n\tprintln(\"main done\")\n}\n";
  testutil::RunResult r = testutil::runSource("exec_outlives_run", src);
  CHECK(r.code == 0);
  CHECK(r.err == "main done\n");
  // The helper reaps the child now and must not ready the freed goroutine (ASan reports a
  // heap-use-after-free in sched::ready if it does); a later run goes on as usual.
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  checkNextRunWorks("after_exec");
}

TEST_CASE("in-process run: goroutines left blocked at os.Exit unwind without running their defers") {
  // As in Go, os.Exit runs no deferred calls, on main or on any other goroutine; the run
  // unwinds those goroutines' stacks all the same (ASan's leak check sees what it would lose).
  const char* src =
      "package main\n\nimport (\n\t\"os\"\n\t\"sync\"\n\t\"time\"\n)\n\n"
      "func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tch := make(chan int)\n"
      "\tgo func() {\n\t\tdefer println(\"deferred in receiver\")\n\t\t<-ch\n\t}()\n"
      "\tgo func() {\n\t\tdefer println(\"deferred in locker\")\n\t\tmu.Lock()\n\t}()\n"
      "\tgo func() {\n\t\tdefer println(\"deferred in spinner\")\n\t\tfor {\n\t\t}\n\t}()\n"
      "\tdefer println(\"deferred in main\")\n\ttime.Sleep(20 * time.Millisecond)\n"
      "\tos.Exit(4)\n}\n";
  testutil::RunResult r = testutil::runSource("exit_with_blocked", src);
  CHECK(r.code == 4);
  CHECK(r.out == "");
  CHECK(r.err == "");
  checkNextRunWorks("after_exit_with_blocked");
}
