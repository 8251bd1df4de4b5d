// The evaluator's side of gol run -race (teach/race.h); heap accesses report through
// nodes.h's heapLoad/heapStore.
#pragma once
#include <cstdint>

#include "base/source.h"

namespace gol::interp {

void enableRace();
void* raceFork(Pos goStatement);        // at a go statement, before the goroutine exists
void raceStart(int64_t id, void* forked);  // first thing in the new goroutine
void raceGoroutineEnd(int64_t id);
int raceExitStatus(int status);  // 66 when races were found (and the program would exit 0)

}  // namespace gol::interp
