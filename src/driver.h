// The one place the pipeline stages meet: source -> syntax -> check -> interp.
#pragma once
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace gol::driver {

struct Options {
  std::vector<std::string> files;  // one script, or several `package main` files
  std::vector<std::string> args;   // os.Args[1:]
  int procs = 0;                   // 0: GOMAXPROCS env, else CPU count
  std::string dump;                // "", "tokens" or "ast": print instead of running
  bool seeded = false;             // -seed N: a reproducible run on virtual processors
  uint64_t seed = 0;
  std::string traceFile;           // -trace FILE.json
  std::string timelineFile;        // -timeline FILE (.html .svg .mmd, or - for text on stderr)
  size_t traceLimit = 1000000;     // -trace-limit N events
  uint64_t maxHeap = 0;            // -maxheap SIZE / GOL_MAXHEAP: cap on the gol heap (0: RAM)
};

// Longest source gol reads: a file (or standard input) past it is refused before it is read.
constexpr uint64_t kMaxSourceBytes = uint64_t(64) << 20;

// Runs (or dumps) a program; returns the process exit code.
int runFiles(const Options& opts);
// Runs a script read from standard input (up to kMaxSourceBytes).
int runStdin(const Options& opts);
// Reads all of `in` into text; false when it is longer than kMaxSourceBytes.
bool readSource(std::istream& in, std::string* text);
// Runs a script given as text (stdin when it is not a terminal).
int runSource(const std::string& name, std::string text, const Options& opts);

}  // namespace gol::driver
