// gol play: the classroom playground. A local web server (server.cpp) for one page (assets/)
// where students edit, run, explore, race-check and step through Go programs; every program runs
// as a child `gol run -sandbox` with limits (child.h), at most K at once (slots.h). The HTTP API
// (api.cpp) is documented in src/DESIGN.md §14.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace gol::play {

struct PlayOptions {
  std::string host = "127.0.0.1";  // -addr HOST:PORT
  int port = 7070;
  std::string path;                // FILE (opened in the editor) or DIR (its .go/.gol files are the lessons)
  int runs = 0;                    // -runs K: programs at once (0: CPU count)
  double timeout = 10;             // -timeout: wall clock per run, seconds
  std::string maxHeap = "256MB";   // -maxheap: gol's heap cap per run
  size_t maxOutput = 1 << 20;      // -maxoutput: stdout + stderr bytes per run
  long maxGoroutines = 10000;      // -maxgoroutines per run
  int exploreRuns = 200;           // explore budget per request: runs and seconds
  double exploreSeconds = 3;
  std::string gol;                 // this executable, which every run executes
};

// gol play [flags] [FILE|DIR]: args[i...] are the flags and the path. Returns the exit status.
int command(const std::vector<std::string>& args, size_t i);
// The text of gol help play.
const char* helpText();

}  // namespace gol::play
