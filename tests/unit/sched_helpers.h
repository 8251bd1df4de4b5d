// Helpers for scheduler/runtime unit tests: run a lambda as goroutine 1 on a fresh scheduler
// session (Config::returnFromRun, so the test process survives), spawn lambdas as goroutines.
// Assertions inside goroutines must be CHECKs (never REQUIRE: an exception must not leave a
// goroutine); tests collect results into variables and check them after run() returns.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "sched/sched.h"

namespace gol::testutil {

// The closures go() spawned during the current runMain. A goroutine still blocked when its run
// ends is unwound (sched::RunEndUnwind) before it reaches the end of its function, so runMain
// frees them all afterwards instead of each goroutine freeing its own.
struct Closure {
  virtual ~Closure() = default;
};
template <class F>
struct ClosureOf : Closure {
  F f;
  explicit ClosureOf(F g) : f(std::move(g)) {}
};
inline std::mutex& closuresMu() {
  static std::mutex mu;
  return mu;
}
inline std::vector<std::unique_ptr<Closure>>& closures() {
  static std::vector<std::unique_ptr<Closure>> all;
  return all;
}

template <class F>
int runMain(int procs, F f) {
  sched::Config c;
  c.procs = procs;
  c.returnFromRun = true;
  int code = sched::run(c, [](void* p) { (*static_cast<F*>(p))(); }, &f);
  std::lock_guard<std::mutex> lk(closuresMu());
  closures().clear();
  return code;
}

template <class F>
sched::G* go(F f) {
  auto* p = new ClosureOf<F>(std::move(f));
  {
    std::lock_guard<std::mutex> lk(closuresMu());
    closures().emplace_back(p);
  }
  return sched::spawn([](void* a) { static_cast<ClosureOf<F>*>(a)->f(); }, p);
}

}  // namespace gol::testutil
