// One program run of gol play: a child process (gol itself, with -sandbox) under limits, its
// output handed over as it arrives. The child has its own process group, an empty environment,
// /dev/null as stdin, no inherited descriptors but its pipes, a CPU-time rlimit, and dies with
// the server (PR_SET_PDEATHSIG). The server kills it at the wall-clock or output limit, when the
// client goes away, or when the server stops.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gol::play {

struct ChildLimits {
  double wallSeconds = 10;    // killed after this long
  int cpuSeconds = 10;        // RLIMIT_CPU
  size_t maxOutput = 1 << 20; // stdout + stderr bytes; killed past it
};

enum class Stream { Stdout, Stderr };

struct ChildResult {
  int exitCode = -1;     // the exit status, or 128 + signal
  std::string killedBy;  // "", "timeout", "cpu", "output", "client", "server"
  double seconds = 0;    // wall-clock time it ran
};

// Runs argv (argv[0] the program to execute) in `dir`. onOutput gets each piece of output as it
// arrives; returning false (the client is gone) kills the child.
ChildResult runChild(const std::vector<std::string>& argv, const std::string& dir, const ChildLimits& limits,
                     const std::function<bool(Stream, std::string_view)>& onOutput);

// Kills every running child (the server is stopping); runChild then reports killedBy "server".
void killAllChildren();

}  // namespace gol::play
