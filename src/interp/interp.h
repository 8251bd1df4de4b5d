// The evaluator's public entry point: runs a checked program (src/DESIGN.md §4).
#pragma once
#include <string>
#include <cstdint>
#include <vector>

#include "check/info.h"

namespace gol::interp {

struct RunOptions {
  int procs = 0;                  // 0: GOMAXPROCS env or CPU count
  std::vector<std::string> args;  // os.Args
  // Tests: return from runProgram instead of ending the process, and collect output.
  bool returnFromRun = false;
  std::string* captureStdout = nullptr;
  std::string* captureStderr = nullptr;
  // Seeded mode (src/DESIGN.md §9): virtual processors and clock, every choice from `seed`.
  bool seeded = false;
  uint64_t seed = 0;
  int pctDepth = 0;  // -pct D: the seeded schedule is PCT of depth D
  // Teaching outputs: a Chrome trace (JSON) and a timeline (.html, .svg, .mmd, or "-": text on
  // stderr), recorded up to traceLimit events.
  std::string programFile;
  std::string traceFile, timelineFile;
  std::string timelineDump;  // one run of a -procs list: the Timeline's bytes go here instead
  // Scripted schedule (gol run -schedule, gol explore -exhaustive): the choices to replay, and
  // where to write every decision taken ("choice options" per line) when the program ends.
  bool scripted = false;
  std::vector<uint32_t> schedule;
  int preemptionBound = -1;
  std::string decisionLogFile;
  std::string footprintFile;  // gol explore -exhaustive: each step's footprint (teach/footprint.h)
  bool hints = false;        // -hints: plain-words notes on stderr (interp/hints.h)
  bool race = false;         // -race: the data race detector (teach/race.h)
  bool stepping = false;     // gol step: a person makes the choices past the schedule's prefix
  std::string scheduleOut;   // gol step: where the choices are saved
  size_t traceLimit = 1000000;
  // Cap on the gol heap in bytes (gol run -maxheap); 0: the machine's memory. Reaching it is
  // out of memory.
  uint64_t maxHeap = 0;
  int64_t maxGoroutines = 0;     // gol run -maxgoroutines N (0: no limit)
  std::string stepQuestionFile;  // gol step -question FILE: write the next question there, stop
};

// Runs a checked program: package var init in order (Program::packages, each Package::init
// steps, init funcs), then main.main or the script body. Returns the process exit code (0,
// os.Exit's n, 2 on unrecovered panic/deadlock/fatal). Output is flushed before returning.
int runProgram(Program* prog, const RunOptions& opts);

// os.Args for the os package's natives (reached through rt::hooks().programArgs).
void setProgramArgs(const std::vector<std::string>& args);

}  // namespace gol::interp
