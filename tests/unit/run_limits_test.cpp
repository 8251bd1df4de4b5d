// Unit tests of what the fuzz target fuzz_program (tests/fuzz) relies on: an in-process run
// (RunOptions::returnFromRun) that loops or sleeps past sched::setRunTimeLimit ends with
// kOverTimeExit, and a fatal error (out of memory at the heap cap) ends the run with status 2
// instead of the process, as often as it happens; so does os.Exit.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/interp.h"
#include "sched/sched.h"
#include "stdlib.h"
#include "syntax/parser.h"
#include "run_helpers.h"

using namespace gol;

namespace {

struct Outcome {
  int code = -1;
  std::string out, err;
  double seconds = 0;
};

Outcome runLimited(const std::string& src, uint64_t maxHeap = 0) {
  interp::RunOptions opts;
  opts.maxHeap = maxHeap;
  auto start = std::chrono::steady_clock::now();
  testutil::RunResult run = testutil::runSource("run_limits", src, opts);
  Outcome r{run.code, run.out, run.err};
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

const char* kSpin = "package main\n\nfunc main() {\n\tprintln(\"start\")\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n";
const char* kSleep = "package main\n\nimport \"time\"\n\nfunc main() { time.Sleep(time.Hour) }\n";
const char* kHuge = "package main\n\nfunc main() {\n\tb := make([]byte, 1<<30)\n\tprintln(len(b))\n}\n";
const char* kHello = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n";

}  // namespace

TEST_CASE("in-process run: a spinning or sleeping program stops at the time limit") {
  sched::setRunTimeLimit(200'000'000);
  Outcome spin = runLimited(kSpin);
  CHECK(spin.code == sched::kOverTimeExit);
  CHECK(spin.err == "start\n");
  CHECK(spin.seconds < 5);
  Outcome sleep = runLimited(kSleep);
  CHECK(sleep.code == sched::kOverTimeExit);
  CHECK(sleep.seconds < 5);
  sched::setRunTimeLimit(0);
  Outcome hello = runLimited(kHello);
  CHECK(hello.code == 0);
  CHECK(hello.out == "hello\n");
}

// src runs out of memory at a 32 MB cap: twice, each run ends with the fatal error, and a run
// after them works.
static void checkOutOfMemoryEndsRun(const char* src) {
  for (int i = 0; i < 2; i++) {
    Outcome r = runLimited(src, 32 << 20);
    CHECK(r.code == 2);
    CHECK(r.err.find("fatal error: runtime: out of memory") != std::string::npos);
  }
  Outcome hello = runLimited(kHello);
  CHECK(hello.code == 0);
  CHECK(hello.out == "hello\n");
}

TEST_CASE("in-process run: out of memory at the heap cap ends the run, every time") {
  checkOutOfMemoryEndsRun(kHuge);
}

TEST_CASE("in-process run: the heap cap reached by small allocations leaves the heap unlocked") {
  // Each allocation is small: the cap is reached when a size class needs a new span, with the
  // heap's lock held (found by fuzz_program: the next run waited for that lock for ever).
  const char* list = "package main\n\ntype node struct {\n\tnext *node\n\tpad  [7]int\n}\n\n"
                     "func main() {\n\tvar l *node\n\tfor {\n\t\tl = &node{next: l}\n\t}\n}\n";
  checkOutOfMemoryEndsRun(list);
}

TEST_CASE("in-process run: os.Exit ends the run with its status, not the process") {
  Outcome r = runLimited("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"bye\")\n\tos.Exit(3)\n}\n");
  CHECK(r.code == 3);
  CHECK(r.out == "bye\n");
  Outcome hello = runLimited(kHello);
  CHECK(hello.code == 0);
}
