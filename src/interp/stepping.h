// gol step: the student is the scheduler. A scripted schedule (sched/policy.h) asks at every
// decision with more than one option; this file shows the options — the ready goroutines with
// the source line each would run next — reads the choice from the terminal, and at the end
// the choices are a schedule file that `gol run -schedule FILE` replays exactly.
#pragma once
#include <string>

#include "sched/policy.h"

namespace gol::interp {

// Makes `schedule` ask on stdin/stderr past its prefix; with a questionFile (gol step
// -question), writes the first question there as JSON and ends the run instead.
void installStepper(sched::Schedule* schedule, const std::string& questionFile);

}  // namespace gol::interp
