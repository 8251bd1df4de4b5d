// The one place the pipeline stages meet: source -> syntax -> check -> interp (or vet).
#pragma once
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace gol::driver {

constexpr int kMaxProcs = 256;  // the scheduler's limit on GOMAXPROCS

struct Options {
  std::vector<std::string> files;  // one script, or several `package main` files
  std::vector<std::string> args;   // os.Args[1:]
  int procs = 0;                   // 0: GOMAXPROCS env, else CPU count
  std::vector<int> procsList;      // -procs 1,4: one run per value
  std::string dump;                // "", "tokens" or "ast": print instead of running
  bool seeded = false;             // -seed N: a reproducible run on virtual processors
  int pctDepth = 0;                // -pct D
  uint64_t seed = 0;
  std::string traceFile;           // -trace FILE.json
  std::string timelineFile;        // -timeline FILE (.html .svg .mmd, or - for text on stderr)
  size_t traceLimit = 1000000;     // -trace-limit N events
  bool scripted = false;           // -schedule LIST|FILE: replay these choices
  bool stepping = false;           // gol step: ask at every decision past the schedule
  bool hints = false;              // -hints
  bool race = false;               // -race
  std::string scheduleOut;         // gol step -o FILE
  std::vector<uint32_t> schedule;
  int preemptionBound = -2;        // -schedule bN:...: at most N preemptions; explore -preemptions (-2: default)
  // gol explore
  int exploreRuns = 1000;
  double exploreSeconds = 10;
  bool exhaustive = false;
  bool json = false;
  uint64_t maxHeap = 0;            // -maxheap SIZE / GOL_MAXHEAP: cap on the gol heap (0: RAM)
  int64_t maxGoroutines = 0;       // -maxgoroutines N (0: no limit)
  bool sandbox = false;            // -sandbox: os refuses files, processes, the host (gol play)
  std::string stepQuestionFile;    // gol step -question FILE
};

// Longest source gol reads: a file (or standard input) past it is refused before it is read.
constexpr uint64_t kMaxSourceBytes = uint64_t(64) << 20;

// Runs (or dumps) a program; returns the process exit code.
int runFiles(const Options& opts);
// gol explore: checks the program once, then runs it under many schedules (teach/explore.h).
int exploreFiles(const Options& opts);
// gol vet: checks the program, then runs the static checks of src/vet; prints the findings on
// stderr, one "file:line:col: message" line each. 1 when it found anything (or the program
// does not compile), else 0.
int vetFiles(const Options& opts);
// Runs a script read from standard input (up to kMaxSourceBytes).
int runStdin(const Options& opts);
// Reads all of `in` into text; false when it is longer than kMaxSourceBytes.
bool readSource(std::istream& in, std::string* text);
// Runs a script given as text (stdin when it is not a terminal).
int runSource(const std::string& name, std::string text, const Options& opts);

}  // namespace gol::driver
