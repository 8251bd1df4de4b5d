// libFuzzer target for whole programs: the input bytes are one gol source file; when it parses
// and checks, it runs in-process (RunOptions::returnFromRun) on one worker with its output
// captured, under a heap cap (kMaxHeap), a goroutine cap and a wall-time limit
// (sched::setRunTimeLimit), so a program that loops, sleeps or allocates without end costs one
// bounded run. The standard packages are parsed and checked once per process
// (check/std_cache.h); each input gets its own tree, checker and source table entry, freed when
// its run is done (the run frees its compiled code: interp/run_arena.h). A panic, deadlock, fatal error or
// os.Exit is an ordinary outcome; a crash, sanitizer report, hang or "this is a bug in gol" report of gol
// itself is a finding. GOL_FUZZ_STATS=1 prints, at exit, how many inputs reached the checker and the
// evaluator, and how the runs ended. Mutations are mostly of lines and tokens (source_mutator.h), so that
// mutants keep parsing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "check/std_cache.h"
#include "interp/interp.h"
#include "native/host.h"
#include "sched/sched.h"
#include "source_mutator.h"
#include "stdlib.h"
#include "syntax/parser.h"

using namespace gol;

namespace {

constexpr uint64_t kMaxHeap = 64ull << 20;
constexpr int64_t kMaxGoroutines = 1000;
constexpr int64_t kRunNanos = 300'000'000;
constexpr size_t kMaxInput = 16 << 10;  // longer programs add little but time

struct Stats {
  long inputs = 0, parsed = 0, ran = 0, exit0 = 0, exit2 = 0, overTime = 0;
  ~Stats() {
    if (std::getenv("GOL_FUZZ_STATS"))
      std::fprintf(stderr,
                   "fuzz_program: %ld inputs, %ld reached the checker, %ld reached the evaluator "
                   "(%ld exit 0, %ld exit 2, %ld over the time limit)\n",
                   inputs, parsed, ran, exit0, exit2, overTime);
  }
} gStats;

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed) {
  return fuzz::mutateSource(data, size, maxSize, seed);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return -1;  // not added to the corpus
  static check::StdCache stdCache(stdlib::packageFiles);
  gStats.inputs++;
  ast::Arena arena;  // this input's tree
  Diagnostics diags;
  FileId id = SourceTable::global().add("fuzz.gol", std::string(reinterpret_cast<const char*>(data), size));
  struct Forget {  // the input's source goes when it is done, however it ends
    FileId id;
    ~Forget() { SourceTable::global().forgetLast(id); }
  } forget{id};
  ast::File* f = syntax::parseFile(arena, id, diags);
  if (!f || diags.hasErrors()) return 0;
  gStats.parsed++;
  check::CheckedProgram checked = stdCache.check({f}, arena, diags);
  Program* prog = checked.program;
  if (!prog || diags.hasErrors()) return 0;
  gStats.ran++;
  std::string out, err;
  interp::RunOptions opts;
  opts.procs = 1;
  opts.returnFromRun = true;
  opts.captureStdout = &out;
  opts.captureStderr = &err;
  opts.maxHeap = kMaxHeap;
  opts.maxGoroutines = kMaxGoroutines;
  sched::setRunTimeLimit(kRunNanos);
  // As gol play -sandbox: mutated programs must not touch files, start processes or read the
  // environment (a seed's os.RemoveAll or exec.Command could do anything once mutated).
  native::setHostPolicy([](std::string_view) -> const char* { return "fuzz_program: no host access"; });
  int code = interp::runProgram(prog, opts);
  if (code == 0) gStats.exit0++;
  if (code == 2) gStats.exit2++;
  if (code == sched::kOverTimeExit) gStats.overTime++;
  // The evaluator's own report of a bug (interp/compile_error.cpp's compilerBug) is a finding.
  if (err.find("(this is a bug in gol)") != std::string::npos) {
    std::fprintf(stderr, "%s", err.c_str());
    std::abort();
  }
  return 0;
}
