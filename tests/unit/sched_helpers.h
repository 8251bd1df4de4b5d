// Helpers for scheduler/runtime unit tests: run a lambda as goroutine 1 on a fresh scheduler
// session (Config::returnFromRun, so the test process survives), spawn lambdas as goroutines.
// Assertions inside goroutines must be CHECKs (never REQUIRE: an exception must not leave a
// goroutine); tests collect results into variables and check them after run() returns.
#pragma once
#include <atomic>
#include <utility>

#include "sched/sched.h"

namespace gol::testutil {

template <class F>
int runMain(int procs, F f) {
  sched::Config c;
  c.procs = procs;
  c.returnFromRun = true;
  return sched::run(c, [](void* p) { (*static_cast<F*>(p))(); }, &f);
}

template <class F>
sched::G* go(F f) {
  auto* p = new F(std::move(f));
  return sched::spawn(
      [](void* a) {
        auto* q = static_cast<F*>(a);
        (*q)();
        delete q;
      },
      p);
}

}  // namespace gol::testutil
