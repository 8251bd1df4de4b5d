// gol explore: runs one program under many schedules and reports every distinct outcome (its
// stdout, exit status and the first line of a panic or fatal error), with the command that
// replays each. Two searches: seeded random schedules (one seed per run), or -exhaustive, a
// depth-first search over the decisions of scripted schedules (sched/policy.h's Schedule).
// Each run is a child process forked after the program was checked, so a run that crashes,
// deadlocks or hangs costs only itself; the caller supplies how to run the program in a child.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace gol::teach {

struct ExploreOptions {
  std::string file;        // as given on the command line (for the replay commands)
  int procs = 1;           // virtual processors of every run
  int maxRuns = 1000;
  double maxSeconds = 10;
  uint64_t firstSeed = 1;  // random search: seeds firstSeed, firstSeed+1, ...
  bool exhaustive = false;
  int preemptionBound = 2;  // -exhaustive: at most this many preemptions per schedule; -1: none
  bool json = false;
  bool race = false;  // every run with -race; a race is part of the outcome
  double runTimeout = 10;  // seconds before a run is killed (and reported as a hang)
};

// One run to make, in the child: a seed, and for -exhaustive the choices to replay.
struct RunSpec {
  uint64_t seed = 0;
  bool scripted = false;
  std::vector<uint32_t> prefix;
  int preemptionBound = -1;
  int pctDepth = 0;  // random search: 0 = random walk, 2 or 3 = PCT of that depth
  std::string decisionLogPath;  // where the child writes "choice options ids..." lines at exit
  std::string footprintPath;    // -exhaustive: where it writes its footprints (footprint.h)
};
// Runs the program in the (forked) child with stdout/stderr already redirected; must end the
// process (it never returns).
using RunInChild = void (*)(const RunSpec& spec);

// Searches, prints the report (text or JSON) on stdout, and returns the exit status for gol:
// 0 when the search ran (whatever the outcomes), 2 when it could not.
int explore(const ExploreOptions& opts, RunInChild run);

}  // namespace gol::teach
