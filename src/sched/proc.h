// Scheduler internals shared by proc.cpp (goroutine lifecycle and switching), schedule.cpp
// (finding work, idle workers, run/exit/deadlock/stop-the-world, monitor) and timer.cpp.
// Not for use outside src/sched/.
//
// Model (Go's G-M-P with M and P merged): one Worker per OS thread; Worker 0 is the thread that
// called run(). Each worker has a scheduler context "g0" (its thread stack) running schedule():
// every park, yield and goroutine exit switches G -> g0, and g0 picks the next G. What the G
// wanted done once it is off its stack (unlock a channel, requeue itself, free itself) is left
// in Worker::after and performed by g0 right after the switch — this is what makes park's
// unlock-after-switch (Go's gopark unlockf) safe against a waker on another thread.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "sched/context.h"
#include "sched/policy.h"
#include "sched/runq.h"
#include "sched/sched.h"

namespace gol::sched {

constexpr int kMaxProcs = 256;
constexpr int32_t kBudget = 2000;  // safepoints between slow-path checks
constexpr uint32_t kRunnextCap = 32;  // consecutive runnext picks before the queue gets a turn
constexpr int64_t kPreemptNs = 8'000'000;  // monitor preempts a G running this long (+ <= 1 ms tick)

enum class After : uint8_t { None, Park, Yield, Exit, Abandon };

struct alignas(64) Worker : WorkerHot {
  int id = 0;
  ctx::fcontext_t g0ctx = nullptr;  // g0's context while a G runs
  After after = After::None;
  void (*unlockFn)(void*) = nullptr;
  void* unlockArg = nullptr;
  bool inTimers = false;  // running timer callbacks: ready() must not use runnext

  LocalQueue runq;
  std::atomic<G*> runnext{nullptr};
  uint32_t schedtick = 0;
  uint32_t runnextStreak = 0;

  G* gfree = nullptr;  // dead Gs for reuse
  int ngfree = 0;
  void* stackCache = nullptr;  // free base stacks (LIFO, hot), see proc.cpp attachStack
  int nstackCache = 0;
  int64_t goidNext = 0, goidEnd = 0;  // batch of goroutine ids
  uint64_t rng = 0;

  // idle/wake (idle, idleNext under Sched::lock)
  std::atomic<uint32_t> wakeToken{0};
  bool idle = false;
  Worker* idleNext = nullptr;
  bool spinning = false;

  // monitor: a G is running (inG) and how many Gs this worker has started (runSeq)
  std::atomic<bool> inG{false};
  std::atomic<uint64_t> runSeq{0};
  std::atomic<bool> preempt{false};

  // sanitizers
  const void* g0Bottom = nullptr;
  size_t g0Size = 0;
  void* g0Fake = nullptr;
  void* tsanG0 = nullptr;

  std::thread thread;
};

struct Sched {
  std::mutex lock;  // idle list, STW accounting, deadlock decision, timer waiter, monitor sleep
  std::atomic<Worker*> workers[kMaxProcs] = {};
  std::atomic<int> nthreads{0};  // workers started (threads), never shrinks during a run
  std::atomic<int> nprocs{1};    // GOMAXPROCS: workers with id >= nprocs retire
  std::atomic<int> npidle{0};
  std::atomic<int> nmspinning{0};
  Worker* idleList = nullptr;
  Worker* timerWaiter = nullptr;  // the idle worker sleeping until the next timer
  GlobalQueue globalQ;

  std::mutex allgLock;
  std::vector<G*> allgs;
  std::mutex gfreeLock;
  G* gfree = nullptr;
  std::atomic<int64_t> ngoroutines{0};
  std::atomic<int64_t> goidGen{0};
  // Goroutines parked on something outside the scheduler (a child process): while any is, all
  // workers idle with no timer is not a deadlock (beginExternalWait).
  std::atomic<int> externalWaits{0};

  Config cfg;
  size_t stackSize = 0, redZone = 0;
  bool stress = false;
  std::atomic<bool> running{false};
  std::atomic<bool> stopping{false};
  int exitCode = 0;

  // stop the world
  std::atomic<bool> gcStop{false};
  int nStopped = 0;
  std::condition_variable stwCond;    // STW caller waits for workers to stop
  std::condition_variable startCond;  // stopped workers wait for startTheWorld

  // monitor
  std::thread monitor;
  bool monSleeping = false;
  std::condition_variable monCond;
};
extern Sched S;

inline Worker* asWorker(WorkerHot* h);  // nullptr off worker threads
namespace detail {
extern WorkerHot g_dummyHot;
}
inline Worker* asWorker(WorkerHot* h) {
  return h == &detail::g_dummyHot ? nullptr : static_cast<Worker*>(h);
}
inline Worker* thisWorker() { return asWorker(currentWorker()); }

// proc.cpp
void execute(Worker* w, G* g, bool inheritTime);
void setCurrentWorkerTls(WorkerHot* h);
void runqputSlow(Worker* w, G* g);
void runqput(Worker* w, G* g, bool next);
void gfput(Worker* w, G* g);
void freeAllGs();
void drainStackCache(Worker* w);  // end of a returnFromRun session
G* newMainG(void (*fn)(void*), void* arg);

// schedule.cpp
void wakep();
void timersChanged();  // a new earliest timer: make sure some worker will wake for it
[[noreturn]] void unwindCurrent();  // returnFromRun shutdown: throws RunEndUnwind
// After the workers are joined: resumes each G still alive on w's thread so that it unwinds.
void unwindLiveGs(Worker* w);

// timer.cpp
bool timersPending();
int64_t nextTimerWhen();  // INT64_MAX when none
bool runTimers(int64_t now);  // fires due timers; true if any fired
void clearTimers();

}  // namespace gol::sched
