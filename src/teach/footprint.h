// What each step of a scripted run touched, for gol explore -exhaustive's dynamic partial-order
// reduction (teach/dpor.h). While a run's schedule makes its decisions, every access to shared
// memory (the addresses -race watches), every sync operation where it is attempted (channels,
// select, mutexes, WaitGroups, Cond, atomics: sched/policy.h's syncPoint), every print and every `go`
// statement is noted with the goroutine that did it and the number of decisions taken so far.
// At the end the notes go to a file the explorer reads:
//   a K G OBJ W     goroutine G accessed object OBJ (hex address) after K decisions; W: 1 write
//   s K PARENT CHILD
//   overflow K      the cap was reached after K decisions: later steps are not described
// Addresses are compared only within one run, so they need not be stable across runs.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "sched/policy.h"

namespace gol::teach::footprint {

// Starts noting; decisions are counted by schedule->log. Installs sched::Hooks::syncAttempt.
void enable(const sched::Schedule* schedule, size_t maxEvents = 2000000);
bool enabled();

void access(int64_t goroutine, const void* object, bool write);
void spawn(int64_t parent, int64_t child);
void print(int64_t goroutine);  // a write of the program's output

// Writes the notes to path (once, at the end of the run).
void writeTo(const std::string& path);

}  // namespace gol::teach::footprint
