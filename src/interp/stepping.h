// gol step: the student is the scheduler. A scripted schedule (sched/policy.h) asks at every
// decision with more than one option; this file shows the options — the ready goroutines with
// the source line each would run next — reads the choice from the terminal, and at the end
// the choices are a schedule file that `gol run -schedule FILE` replays exactly.
#pragma once
#include "sched/policy.h"

namespace gol::interp {

// Makes `schedule` ask on stdin/stderr past its prefix.
void installStepper(sched::Schedule* schedule);

}  // namespace gol::interp
