// The evaluator's side of gol run -race (teach/race.h); heap accesses report through
// nodes.h's heapLoad/heapStore.
#pragma once
#include <cstdint>

#include "base/source.h"
#include "sched/policy.h"

namespace gol::interp {

void enableRace();
void* raceFork(Pos goStatement);        // at a go statement, before the goroutine exists
void raceStart(int64_t id, void* forked);  // first thing in the new goroutine
void raceGoroutineEnd(int64_t id);
int raceExitStatus(int status);  // 66 when races were found (and the program would exit 0)

// gol explore -exhaustive: note every step's footprint (teach/footprint.h) under `schedule`.
void enableFootprints(const sched::Schedule* schedule);
void footprintSpawned(int64_t child);  // right after a go statement spawned `child`
void footprintPrint();                 // the program writes output

}  // namespace gol::interp
