// The scheduler loop: finding work, idle workers, waking, program start and end, deadlock
// detection, stop-the-world, GOMAXPROCS changes and the monitor thread (Go's proc.go
// schedule/findRunnable/wakep/checkdead/sysmon, simplified).
//
// Finding work, in order (findRunnable): stop/GC requests; due timers; every 61st tick one G
// from the global queue (fairness); runnext (at most kRunnextCap times in a row while the local
// queue waits); the local queue; a batch from the global queue; stealing half a random victim's
// queue (4 rounds, runnext on the last); otherwise the worker goes idle.
//
// Spinning: a worker looking for work to steal is "spinning". At most half the busy workers
// spin; wakep() wakes an idle worker only when nobody spins, and a spinner that finds work wakes
// another (so bursts get full parallelism without a thundering herd). The lost-wake-up race is
// closed as in Go: a submitter publishes its G, fences, then reads npidle/nmspinning; a worker
// going idle increments npidle, fences, then re-checks every queue.
//
// Idle: a worker sleeps on its futex token. One idle worker (timerWaiter) sleeps only until the
// next timer; a new earliest timer wakes it (timersChanged). The last worker to go idle with no
// runnable G and no pending timer declares deadlock (Go's checkdead).
//
// Monitor: wakes every 1 ms while any worker runs a G (sleeps when all are idle). It preempts a
// G that has run kPreemptNs (proc.h) without a switch (sets the worker's budget to 0 so its next safepoint
// yields), wakes an idle worker when a G has waited behind a long-running one, and forces
// safepoints when a timer is overdue and no idle worker is waiting for it.
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "sched/futex.h"
#include "sched/proc.h"

namespace gol::sched {

namespace detail {
EventSink* g_sink = nullptr;
Policy* g_policy = nullptr;
}  // namespace detail

Hooks& hooks() {
  static Hooks h;
  return h;
}

void setPolicy(Policy* p) { detail::g_policy = p; }
Policy* policy() { return detail::g_policy; }
void setEventSink(EventSink* s) { detail::g_sink = s; }
EventSink* eventSink() { return detail::g_sink; }
int procs() {
  if (Policy* p = detail::g_policy) return p->procs();
  return S.nprocs.load(std::memory_order_relaxed);
}

static uint64_t wyrand(uint64_t* s) {
  *s += 0xa0761d6478bd642full;
  __uint128_t m = static_cast<__uint128_t>(*s) * (*s ^ 0xe7037ed1a0b428dbull);
  return static_cast<uint64_t>(m >> 64) ^ static_cast<uint64_t>(m);
}

uint64_t rand64() {
  if (detail::g_policy) return (uint64_t(detail::g_policy->randn(1u << 31)) << 33) ^
                               (uint64_t(detail::g_policy->randn(1u << 31)) << 2) ^ detail::g_policy->randn(4);
  return (uint64_t(randn(UINT32_MAX)) << 32) | randn(UINT32_MAX);
}

uint32_t randn(uint32_t n) {
  if (detail::g_policy) return detail::g_policy->randn(n);
  Worker* w = thisWorker();
  uint64_t r;
  if (w) {
    r = wyrand(&w->rng);
  } else {
    static std::atomic<uint64_t> seed{0x1234567};
    uint64_t s = seed.fetch_add(0x9E3779B97F4A7C15ull, std::memory_order_relaxed);
    r = wyrand(&s);
  }
  return static_cast<uint32_t>(((r >> 32) * n) >> 32);
}

// ---------------------------------------------------------------- idle list (under S.lock)

static void notifyMonitorLocked() {
  if (S.monSleeping) S.monCond.notify_one();
}

static void removeIdleLocked(Worker* w) {
  for (Worker** p = &S.idleList; *p; p = &(*p)->idleNext) {
    if (*p == w) {
      *p = w->idleNext;
      break;
    }
  }
  w->idleNext = nullptr;
  w->idle = false;
  S.npidle.fetch_sub(1, std::memory_order_seq_cst);
  if (S.timerWaiter == w) S.timerWaiter = nullptr;
  notifyMonitorLocked();
}

static void giveToken(Worker* w) {
  w->wakeToken.store(1, std::memory_order_release);
  futexWake(&w->wakeToken);
}

static void waitToken(Worker* w) {
  while (w->wakeToken.exchange(0, std::memory_order_acquire) == 0) futexWait(&w->wakeToken, 0);
}

// Wakes one idle worker eligible to run Gs. Returns false if there is none.
static bool wakeIdle(bool spinning) {
  std::unique_lock<std::mutex> lk(S.lock);
  int np = S.nprocs.load(std::memory_order_relaxed);
  Worker* w = S.idleList;
  while (w && w->id >= np) w = w->idleNext;
  if (!w) return false;
  removeIdleLocked(w);
  w->spinning = spinning;
  lk.unlock();
  giveToken(w);
  return true;
}

void wakep() {
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (S.npidle.load(std::memory_order_relaxed) == 0) return;
  if (S.nmspinning.load(std::memory_order_relaxed) != 0) return;
  int z = 0;
  if (!S.nmspinning.compare_exchange_strong(z, 1)) return;
  if (!wakeIdle(true)) S.nmspinning.fetch_sub(1);
}

void timersChanged() {
  std::unique_lock<std::mutex> lk(S.lock);
  Worker* w = S.timerWaiter;
  if (!w) {
    int np = S.nprocs.load(std::memory_order_relaxed);
    w = S.idleList;
    while (w && w->id >= np) w = w->idleNext;
    if (!w) return;  // every worker is busy: one will see the timer when it goes idle
  }
  removeIdleLocked(w);
  w->spinning = false;
  lk.unlock();
  giveToken(w);
}

static void resetSpinning(Worker* w) {
  if (!w->spinning) return;
  w->spinning = false;
  if (S.nmspinning.fetch_sub(1) == 1) wakep();  // the last spinner found work: find another
}

// ---------------------------------------------------------------- finding work

static bool workAvailable() {
  if (detail::g_policy) return !detail::g_policy->empty();
  if (!S.globalQ.empty()) return true;
  int n = S.nthreads.load(std::memory_order_acquire);
  for (int i = 0; i < n; i++) {
    Worker* v = S.workers[i].load(std::memory_order_acquire);
    if (v && (!v->runq.empty() || v->runnext.load(std::memory_order_acquire))) return true;
  }
  return false;
}

static G* runqget(Worker* w) {
  G* next = w->runnext.load(std::memory_order_relaxed);
  if (next && (w->runnextStreak < kRunnextCap || w->runq.empty())) {
    if (w->runnext.compare_exchange_strong(next, nullptr, std::memory_order_acq_rel)) {
      w->runnextStreak++;
      return next;
    }
  }
  w->runnextStreak = 0;
  if (G* g = w->runq.pop()) return g;
  return w->runnext.exchange(nullptr, std::memory_order_acq_rel);
}

static G* stealWork(Worker* w) {
  int np = S.nprocs.load(std::memory_order_relaxed);
  int nt = S.nthreads.load(std::memory_order_acquire);
  if (np > nt) np = nt;
  G* buf[LocalQueue::kSize / 2];
  for (int round = 0; round < 4; round++) {
    uint32_t start = randn(static_cast<uint32_t>(np));
    for (int i = 0; i < np; i++) {
      if (S.stopping.load(std::memory_order_relaxed) || S.gcStop.load(std::memory_order_relaxed))
        return nullptr;
      Worker* v = S.workers[(start + i) % np].load(std::memory_order_acquire);
      if (!v || v == w) continue;
      uint32_t k = v->runq.grabHalf(buf);
      if (k) {
        for (uint32_t j = 1; j < k; j++) w->runq.push(buf[j]);
        return buf[0];
      }
      if (round == 3) {
        G* rn = v->runnext.load(std::memory_order_acquire);
        if (rn && v->runnext.compare_exchange_strong(rn, nullptr, std::memory_order_acq_rel))
          return rn;
      }
    }
  }
  return nullptr;
}

static void stwPark() {
  std::unique_lock<std::mutex> lk(S.lock);
  S.nStopped++;
  S.stwCond.notify_all();
  S.startCond.wait(lk, [] { return !S.gcStop.load() || S.stopping.load(); });
  S.nStopped--;
}

static void runDueTimers(Worker* w) {
  if (!timersPending()) return;
  int64_t now = nanotime();
  if (nextTimerWhen() > now) return;
  w->inTimers = true;
  runTimers(now);
  w->inTimers = false;
}

static void onDeadlock();

// Sleeps on the worker's token, at most timeoutNs (< 0: forever). On return the worker is no
// longer on the idle list.
static void sleepIdle(Worker* w, int64_t timeoutNs) {
  if (timeoutNs < 0) {
    waitToken(w);
    return;
  }
  int64_t deadline = nanotime() + timeoutNs;
  for (;;) {
    if (w->wakeToken.exchange(0, std::memory_order_acquire)) return;
    int64_t left = deadline - nanotime();
    if (left <= 0) break;
    futexWait(&w->wakeToken, 0, left);
  }
  std::unique_lock<std::mutex> lk(S.lock);
  if (w->idle) {
    removeIdleLocked(w);
    return;
  }
  lk.unlock();
  waitToken(w);  // a waker took us off the list: its token is on the way
}

static G* findRunnable(Worker* w) {
  for (;;) {
    if (S.stopping.load(std::memory_order_acquire)) return nullptr;
    if (S.gcStop.load(std::memory_order_acquire)) {
      stwPark();
      continue;
    }
    bool retired = w->id >= S.nprocs.load(std::memory_order_relaxed);
    G* g = nullptr;
    if (retired) {
      // GOMAXPROCS shrank: hand our Gs to the others and sleep.
      while (G* x = runqget(w)) S.globalQ.push(x);
      wakep();
    } else {
      runDueTimers(w);
      if (Policy* p = detail::g_policy) {
        if ((g = p->pop())) return g;
        if (p->virtualTime() && timersPending()) {  // all blocked: time jumps to the next timer
          p->advanceTo(nextTimerWhen());
          continue;
        }
      } else {
        if (w->schedtick % 61 == 0 && !S.globalQ.empty() && (g = S.globalQ.pop())) {
          resetSpinning(w);
          return g;
        }
        if ((g = runqget(w))) {
          resetSpinning(w);
          return g;
        }
        int np = S.nprocs.load(std::memory_order_relaxed);
        uint32_t batch = static_cast<uint32_t>(S.globalQ.size() / np + 1);
        if (batch > LocalQueue::kSize / 2) batch = LocalQueue::kSize / 2;
        if ((g = S.globalQ.popBatch(&w->runq, batch - 1))) {
          resetSpinning(w);
          return g;
        }
        // Steal, unless too many workers already spin.
        if (!w->spinning) {
          int busy = np - S.npidle.load();
          if (2 * S.nmspinning.load() < busy) {
            w->spinning = true;
            S.nmspinning.fetch_add(1);
          }
        }
        if (w->spinning && (g = stealWork(w))) {
          resetSpinning(w);
          return g;
        }
      }
    }

    // ---- go idle
    std::unique_lock<std::mutex> lk(S.lock);
    if (S.stopping.load() || S.gcStop.load()) continue;
    if (!retired && !detail::g_policy && !S.globalQ.empty()) {
      lk.unlock();
      int np = S.nprocs.load(std::memory_order_relaxed);
      if ((g = S.globalQ.popBatch(&w->runq, static_cast<uint32_t>(S.globalQ.size() / np)))) {
        resetSpinning(w);
        return g;
      }
      continue;
    }
    w->idle = true;
    w->idleNext = S.idleList;
    S.idleList = w;
    S.npidle.fetch_add(1, std::memory_order_seq_cst);
    bool wasSpinning = w->spinning;
    if (wasSpinning) {
      w->spinning = false;
      S.nmspinning.fetch_sub(1, std::memory_order_seq_cst);
    }
    lk.unlock();
    std::atomic_thread_fence(std::memory_order_seq_cst);

    if (!retired && workAvailable()) {
      lk.lock();
      if (w->idle) {
        removeIdleLocked(w);
        lk.unlock();
      } else {
        lk.unlock();
        waitToken(w);
      }
      if (wasSpinning && !w->spinning) {
        w->spinning = true;
        S.nmspinning.fetch_add(1);
      }
      continue;
    }

    int64_t timeout = -1;
    lk.lock();
    if (w->idle) {
      bool allIdle = S.npidle.load() == S.nthreads.load();
      if (allIdle && !timersPending() && !S.stopping.load() && !S.gcStop.load() &&
          S.externalWaits.load() == 0 && !workAvailable() && !(hooks().onStall && hooks().onStall())) {
        removeIdleLocked(w);
        lk.unlock();
        onDeadlock();
        return nullptr;
      }
      if (!retired && timersPending() && (!S.timerWaiter || S.timerWaiter == w)) {
        S.timerWaiter = w;
        timeout = nextTimerWhen() - nanotime();
        if (timeout < 0) timeout = 0;
      }
    }
    lk.unlock();
    sleepIdle(w, timeout);
  }
}

static void workerLoop(Worker* w) {
  setCurrentWorkerTls(w);
  if (currentWorker() != w) {
    std::fputs("fatal error: gol scheduler: TLS offset differs between threads\n", stderr);
    std::_Exit(2);
  }
  w->tsanG0 = ctx::tsanCurrent();
  w->budget.store(S.stress ? 1 : kBudget, std::memory_order_relaxed);
  emit(Event::WorkerStart, nullptr, w->id);
  while (G* g = findRunnable(w)) execute(w, g, false);
  emit(Event::WorkerStop, nullptr, w->id);
  setCurrentWorkerTls(&detail::g_dummyHot);
}

static Worker* newWorker(int id) {
  Worker* w = new Worker;
  w->id = id;
  w->rng = 0x853c49e6748fea9bull ^ (uint64_t(id + 1) * 0x9E3779B97F4A7C15ull) ^
           static_cast<uint64_t>(nanotime());
  return w;
}

// Caller holds S.lock (or is run() before any thread exists).
static void startWorkerLocked(int id) {
  Worker* w = newWorker(id);
  S.workers[id].store(w, std::memory_order_release);
  S.nthreads.store(id + 1, std::memory_order_release);
  w->thread = std::thread(workerLoop, w);
}

// ---------------------------------------------------------------- ending

static void beginStop() {
  std::unique_lock<std::mutex> lk(S.lock);
  S.stopping.store(true, std::memory_order_seq_cst);
  int n = S.nthreads.load();
  for (int i = 0; i < n; i++) {
    Worker* w = S.workers[i].load();
    w->budget.store(0, std::memory_order_relaxed);
  }
  std::vector<Worker*> woken;
  while (Worker* w = S.idleList) {
    removeIdleLocked(w);
    woken.push_back(w);
  }
  S.monCond.notify_all();
  S.startCond.notify_all();
  S.stwCond.notify_all();
  lk.unlock();
  for (Worker* w : woken) giveToken(w);
}

static void onDeadlock() {
  {
    std::lock_guard<std::mutex> lk(S.lock);
    S.exitCode = 2;
  }
  if (hooks().onDeadlock) hooks().onDeadlock();
  else std::fputs("fatal error: all goroutines are asleep - deadlock!\n", stderr);
  if (!S.cfg.returnFromRun) _exit(2);
  beginStop();
}

void exitProgram(int code) {
  if (hooks().onExit) hooks().onExit(code);
  if (!S.cfg.returnFromRun || !current()) _exit(code);
  {
    std::lock_guard<std::mutex> lk(S.lock);
    S.exitCode = code;
  }
  beginStop();
  unwindCurrent();
}

void fatal(const char* msg) {
  if (hooks().fatal) {
    hooks().fatal(msg);
  } else {
    std::fprintf(stderr, "fatal error: %s\n", msg);
  }
  _exit(2);
}

// ---------------------------------------------------------------- stop the world

void stopTheWorld() {
  std::unique_lock<std::mutex> lk(S.lock);
  while (S.gcStop.load()) {  // another goroutine is stopping the world: let it
    lk.unlock();
    yield();
    lk.lock();
  }
  S.gcStop.store(true, std::memory_order_seq_cst);
  Worker* self = thisWorker();
  int n = S.nthreads.load();
  for (int i = 0; i < n; i++) {
    Worker* w = S.workers[i].load();
    if (w != self) w->budget.store(0, std::memory_order_relaxed);
  }
  int others = n - (self ? 1 : 0);
  while (S.nStopped + S.npidle.load() < others) {
    S.stwCond.wait_for(lk, std::chrono::microseconds(200));
    for (int i = 0; i < n; i++) {  // a worker may have reset its budget meanwhile
      Worker* w = S.workers[i].load();
      if (w != self) w->budget.store(0, std::memory_order_relaxed);
    }
  }
}

void startTheWorld() {
  {
    std::lock_guard<std::mutex> lk(S.lock);
    S.gcStop.store(false, std::memory_order_seq_cst);
    S.startCond.notify_all();
  }
  wakep();
}

// ---------------------------------------------------------------- GOMAXPROCS

int setProcs(int n) {
  if (Policy* p = detail::g_policy) return n > kMaxProcs ? p->setProcs(kMaxProcs) : p->setProcs(n);
  int prev = S.nprocs.load();
  if (n <= 0) return prev;
  if (n > kMaxProcs) n = kMaxProcs;
  if (!S.running.load()) {
    S.cfg.procs = n;
    S.nprocs.store(n);
    return prev;
  }
  {
    std::lock_guard<std::mutex> lk(S.lock);
    for (int i = S.nthreads.load(); i < n; i++) startWorkerLocked(i);
    S.nprocs.store(n, std::memory_order_seq_cst);
  }
  for (int i = prev; i < n; i++) wakeIdle(false);  // retired workers may come back
  return prev;
}

// ---------------------------------------------------------------- monitor

// setRunTimeLimit: the limit, and when the current run started.
// Wake-ups from outside the scheduler that may come after their run (readyExternal): the run
// they belong to, and whether it still goes on. Both change under gExternalMu, which a wake-up
// holds while it readies its goroutine, so a run's goroutines are freed only once none is in
// flight.
static std::mutex gExternalMu;
static uint64_t gRunId = 0;
static bool gRunLive = false;

uint64_t runId() {
  std::lock_guard<std::mutex> lk(gExternalMu);
  return gRunId;
}

bool readyExternal(G* g, uint64_t id) {
  std::lock_guard<std::mutex> lk(gExternalMu);
  if (!gRunLive || id != gRunId || S.stopping.load(std::memory_order_seq_cst)) return false;
  ready(g);
  return true;
}

static std::atomic<int64_t> gRunTimeLimit{0};
static int64_t gRunStart = 0;

void setRunTimeLimit(int64_t nanos) { gRunTimeLimit.store(nanos); }
bool returningFromRun() { return S.running.load() && S.cfg.returnFromRun; }

// The run is over its time limit: stop it as exitProgram(kOverTimeExit) would (every worker
// unwinds its goroutine at the next safepoint; sleepers unwind when run() ends).
static bool overTimeLimit(int64_t now) {
  int64_t limit = gRunTimeLimit.load(std::memory_order_relaxed);
  if (limit <= 0 || !S.cfg.returnFromRun || now - gRunStart <= limit) return false;
  {
    std::lock_guard<std::mutex> lk(S.lock);
    S.exitCode = kOverTimeExit;
  }
  beginStop();
  return true;
}

static void monitorLoop() {
  uint64_t lastSeq[kMaxProcs] = {};
  int64_t since[kMaxProcs] = {};
  std::unique_lock<std::mutex> lk(S.lock);
  while (!S.stopping.load()) {
    if (S.npidle.load() == S.nthreads.load()) {
      S.monSleeping = true;
      if (gRunTimeLimit.load(std::memory_order_relaxed) > 0) {
        S.monCond.wait_for(lk, std::chrono::milliseconds(10));
        S.monSleeping = false;
        lk.unlock();
        if (overTimeLimit(nanotime())) return;
        lk.lock();
        continue;
      }
      S.monCond.wait(lk);
      S.monSleeping = false;
      continue;
    }
    S.monCond.wait_for(lk, std::chrono::milliseconds(1));
    if (S.stopping.load()) break;
    Worker* waiter = S.timerWaiter;
    lk.unlock();
    int64_t now = nanotime();
    if (overTimeLimit(now)) return;
    int n = S.nthreads.load();
    bool stuck = false;
    for (int i = 0; i < n; i++) {
      Worker* w = S.workers[i].load();
      uint64_t seq = w->runSeq.load(std::memory_order_relaxed);
      if (!w->inG.load(std::memory_order_relaxed) || seq != lastSeq[i]) {
        lastSeq[i] = seq;
        since[i] = now;
        continue;
      }
      // Same G running since the last tick.
      if (w->runnext.load(std::memory_order_relaxed) || !w->runq.empty()) stuck = true;
      if (now - since[i] >= kPreemptNs) {
        w->preempt.store(true, std::memory_order_relaxed);
        w->budget.store(0, std::memory_order_relaxed);
        since[i] = now;
      }
    }
    if (stuck) wakep();
    if (!waiter && timersPending() && nextTimerWhen() + 1'000'000 < now) {
      for (int i = 0; i < n; i++) S.workers[i].load()->budget.store(0, std::memory_order_relaxed);
    }
    lk.lock();
  }
}

// ---------------------------------------------------------------- run

static int envInt(const char* name, int def) {
  const char* v = std::getenv(name);
  if (!v || !*v) return def;
  return std::atoi(v);
}

int run(const Config& cfg, void (*mainFn)(void*), void* arg) {
  S.cfg = cfg;
  S.stopping.store(false);
  S.gcStop.store(false);
  S.npidle.store(0);
  S.nmspinning.store(0);
  S.idleList = nullptr;
  S.timerWaiter = nullptr;
  S.exitCode = 0;
  S.nStopped = 0;
  S.ngoroutines.store(0);
  S.goidGen.store(0);
  S.externalWaits.store(0);  // a goroutine abandoned by the previous run may have left one open
  S.globalQ.clear();
  S.stress = envInt("GOL_STRESS", 0) != 0;

  int procs = cfg.procs;
  if (procs <= 0) procs = envInt("GOMAXPROCS", 0);
  if (procs <= 0) procs = static_cast<int>(std::thread::hardware_concurrency());
  if (procs <= 0) procs = 1;
  if (procs > kMaxProcs) procs = kMaxProcs;

  // Seeded mode: the virtual processors are the policy's; one worker thread runs them all.
  std::unique_ptr<SeededPolicy> seeded;
  const char* envSeed = std::getenv("GOL_SCHED_SEED");
  if ((cfg.seeded || (envSeed && *envSeed)) && !detail::g_policy) {
    seeded = std::make_unique<SeededPolicy>(cfg.seeded ? cfg.seed : std::strtoull(envSeed, nullptr, 10), procs,
                                            cfg.schedule);
    detail::g_policy = seeded.get();
    if (cfg.pctDepth > 0) seeded->usePct(cfg.pctDepth);
  }
  if (detail::g_policy) procs = 1;
#if defined(GOL_ASAN)
  size_t defStack = 256 * 1024, defRed = 64 * 1024;
#else
  size_t defStack = 64 * 1024, defRed = 16 * 1024;
#endif
  S.stackSize = cfg.stackSize ? cfg.stackSize : defStack;
  S.redZone = cfg.redZone ? cfg.redZone : defRed;
  S.nprocs.store(procs);

  G* mg = newMainG(mainFn, arg);
  if (detail::g_policy) detail::g_policy->push(mg, false);
  else S.globalQ.push(mg);

  S.running.store(true);
  {
    std::lock_guard<std::mutex> lk(gExternalMu);
    gRunId++;
    gRunLive = true;
  }
  gRunStart = nanotime();
  {
    std::lock_guard<std::mutex> lk(S.lock);
    Worker* w0 = newWorker(0);
    S.workers[0].store(w0);
    S.nthreads.store(1);
    for (int i = 1; i < procs; i++) startWorkerLocked(i);
  }
  // Seeded runs preempt by step count, never by wall time: no monitor.
  if (!detail::g_policy) S.monitor = std::thread(monitorLoop);
  workerLoop(S.workers[0].load());

  // Stopping (returnFromRun mode): join everything and reset for the next run.
  beginStop();
  {
    std::lock_guard<std::mutex> lk(gExternalMu);  // waits for a readyExternal in progress
    gRunLive = false;
  }
  int n = S.nthreads.load();
  for (int i = 1; i < n; i++) S.workers[i].load()->thread.join();
  if (S.monitor.joinable()) S.monitor.join();
  S.running.store(false);
  clearTimers();
  unwindLiveGs(S.workers[0].load());
  freeAllGs();
  S.globalQ.clear();
  for (int i = 0; i < n; i++) drainStackCache(S.workers[i].load());
  for (int i = 0; i < n; i++) {
    delete S.workers[i].load();
    S.workers[i].store(nullptr);
  }
  S.nthreads.store(0);
  if (seeded) detail::g_policy = nullptr;
  return S.exitCode;
}

}  // namespace gol::sched
