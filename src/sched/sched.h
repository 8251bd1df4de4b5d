// gol's goroutine scheduler: public API (src/DESIGN.md §6).
//
// A goroutine (G) is a fiber with its own native stack, switched with Boost.Context's fcontext.
// N worker threads each own one P (here merged into `Worker`): a 256-entry run queue plus a
// `runnext` slot; a global queue is shared. Blocking = park(); waking = ready(). The scheduler
// knows nothing about gol values: channels and sync primitives (src/runtime/) are built on
// park/ready, and timers (timer.cpp) call back into them.
//
// Threading rules for users of this header:
//   * park/yield/sleep/growAndCall may only be called from a goroutine (never from a timer
//     callback or a hook running on the scheduler stack).
//   * ready() may be called from anywhere (goroutine, timer callback, foreign thread).
//   * Never park while a C++ exception is in flight (inside a catch block).
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gol::sched {

class Policy;
class EventSink;
struct Schedule;

// Why a goroutine is blocked; printed in brackets by the deadlock report (Go 1.19 wording).
enum class WaitReason : uint8_t {
  None,
  ChanReceive,
  ChanSend,
  ChanReceiveNil,
  ChanSendNil,
  Select,
  SelectNoCases,
  Sleep,
  Semacquire,
  SyncMutexLock,      // the four below print as "semacquire" in the deadlock report, like
  SyncRWMutexRLock,   // Semacquire; the teaching tools name the call (waitReasonDetail)
  SyncRWMutexLock,
  SyncWaitGroupWait,
  CondWait,
  Syscall,    // waiting for a child process (os/exec), with an external wait open
  Preempted,  // internal: stopped by stop-the-world
};
const char* waitReasonString(WaitReason r);
const char* waitReasonDetail(WaitReason r);  // "sync.WaitGroup.Wait" where the report says "semacquire"

enum class GStatus : uint8_t { Idle, Runnable, Running, Waiting, Dead };

struct Worker;
struct StackSeg;

// A goroutine. Fields above the marker are part of the API; the rest belong to the scheduler
// and the runtime primitives (chan/select/sync use `param` and `selectDone`).
// G structs are pooled and reused after the goroutine ends (Go's gfget/gfput); the stack is
// attached when the G first runs and given back when it ends.
struct G {
  int64_t id = 0;
  void* user = nullptr;  // the interpreter's per-goroutine state (defer stack, panic, traceback)
  std::atomic<GStatus> status{GStatus::Idle};
  std::atomic<WaitReason> waitReason{WaitReason::None};

  // ---- runtime primitives
  std::atomic<uint32_t> selectDone{0};  // select: first waker to CAS 0->1 wins
  void* param = nullptr;                // waker -> wakee hand-off (the winning waiter record)
  std::atomic<bool> interruptRequested{false};  // interrupt(): Hooks::onInterrupt at a safepoint
  // A parked goroutine that interrupt() may wake: the primitive it waits in sets this before
  // parking (and clears it after). It withdraws the wait under the primitive's lock and returns
  // true only if it did — then nothing else will wake the goroutine, and interrupt() readies it.
  std::atomic<bool (*)(G* g, void* arg)> cancelWait{nullptr};
  std::atomic<void*> cancelArg{nullptr};
  std::atomic<bool> cancelBusy{false};  // interrupt() is running cancelWait: the waiter must stay
  bool waitCancelled = false;  // set by cancelWait: the operation did not happen

  // ---- scheduler private
  void* ctx = nullptr;  // saved fcontext while not running
  void (*fn)(void*) = nullptr;
  void* arg = nullptr;
  G* schedLink = nullptr;  // global queue / free list link
  char* stackLo = nullptr;  // base segment [stackLo, stackHi); null until the G first runs
  char* stackHi = nullptr;
  char* limit = nullptr;    // current segment's lo + red zone (stackLow compares against it)
  StackSeg* seg = nullptr;  // innermost extra segment (growAndCall), nullptr on the base segment
  StackSeg* spareSeg = nullptr;  // one cached segment, against hot split
  size_t stackTotal = 0;         // bytes of all segments in use (for the 1 GB cap)
  void* timer = nullptr;         // sleep timer (timer.cpp), created on first sleep
  void* asanFake = nullptr;
  void* tsanFiber = nullptr;
  bool isMain = false;
  int64_t blockedAt = 0;  // seeded mode: virtual time its last slice ended
};

// ---------------------------------------------------------------- starting and ending

struct Hooks {
  // Main returned or exitProgram was called: flush output. The scheduler then _exit(code)s.
  void (*onExit)(int code) = nullptr;
  // Every goroutine is blocked and no timer is pending. Print the report (use forEachG);
  // the scheduler then exits with status 2 (or ends run() when Config::returnFromRun).
  void (*onDeadlock)() = nullptr;
  // Unrecoverable runtime error (e.g. "stack overflow"): print "fatal error: <msg>" and exit 2.
  // If null or if it returns, the scheduler prints a plain message and _exit(2)s.
  void (*fatal)(const char* msg) = nullptr;
  // The REPL: called (with the scheduler lock held: must not block or call back in) when every
  // goroutine is blocked and no timer is pending, before declaring deadlock. Returning true
  // means "not a deadlock: input may still arrive from outside" — workers sleep until ready().
  bool (*onStall)() = nullptr;
  // Runs on a goroutine that interrupt() targeted, at its next safepoint; may throw to unwind it.
  void (*onInterrupt)() = nullptr;
  // Runs on the current goroutine at every slow-path safepoint (step 3 of safepoint() above):
  // may park, stop the world or throw.
  void (*atSafepoint)() = nullptr;
  // A scripted run: the current goroutine is about to operate on sync object obj (after the
  // decision point before it, sched/policy.h's syncPoint). gol explore -exhaustive notes it, so
  // an attempt that blocks still counts as touching the object.
  // commutes: the operation commutes with others of its kind on obj (WaitGroup.Done).
  void (*syncAttempt)(const void* obj, bool commutes) = nullptr;
};
Hooks& hooks();

struct Config {
  int procs = 0;                 // 0: GOMAXPROCS env, else CPU count
  bool seeded = false;           // seeded mode: SeededPolicy on `procs` virtual processors
  uint64_t seed = 0;
  Schedule* schedule = nullptr;  // seeded mode with scripted choices (gol run -schedule)
  int pctDepth = 0;              // seeded mode: PCT of this depth instead of the random walk
  size_t stackSize = 0;          // initial stack per goroutine (0: 64 KiB; 256 KiB under ASan)
  size_t redZone = 0;            // stackLow() threshold (0: 16 KiB; 64 KiB under ASan)
  size_t maxStack = 1000000000;  // total stack per goroutine before "stack overflow"
  bool returnFromRun = false;    // tests: run() returns instead of _exit()ing the process
  int64_t maxGoroutines = 0;     // gol run -maxgoroutines: more at once is a fatal error (0: none)
};

// Runs mainFn(arg) as goroutine 1 on `cfg.procs` workers. When main returns: hooks().onExit(0)
// then _exit(0). With cfg.returnFromRun, stops the workers and returns the exit code instead
// (0 normal, the code given to exitProgram, 2 for deadlock). Env: GOL_STRESS=1 yields at every
// safepoint; GOL_SCHED_SEED=n selects the deterministic single-worker policy.
int run(const Config& cfg, void (*mainFn)(void*), void* arg);
inline int run(int procs, void (*mainFn)(void*), void* arg) {
  Config c;
  c.procs = procs;
  return run(c, mainFn, arg);
}
// Fuzzing (tests/fuzz): a returnFromRun run that lasts longer than `nanos` of wall time is
// stopped as if main had called os.Exit(kOverTimeExit); 0 (the default) sets no limit. The
// monitor thread checks it, so a run whose goroutines all sleep or spin ends too. Not seeded runs.
constexpr int kOverTimeExit = 124;
void setRunTimeLimit(int64_t nanos);
// True while a run started with Config::returnFromRun is going on.
bool returningFromRun();
// Thrown on each goroutine still alive when an in-process run (Config::returnFromRun) ends:
// the one that called exitProgram, one that reaches a safepoint or is resumed while the run
// stops, and, once the workers are joined, every parked or runnable one, resumed a last time.
// It unwinds the goroutine's stack so the C++ objects on it are destroyed (its deferred calls
// do not run, as after Go's os.Exit); the goroutine's entry catches it. Code on a goroutine must
// let it pass: a catch (...) rethrows it.
struct RunEndUnwind {};
// Ends the program now (os.Exit, end of main, after a fatal panic): onExit hook, then _exit.
// Must be called from a goroutine. In returnFromRun mode it ends run() and does not return: it
// throws RunEndUnwind.
[[noreturn]] void exitProgram(int code);
// Unrecoverable error: hooks().fatal(msg), then exit 2.
[[noreturn]] void fatal(const char* msg);

// ---------------------------------------------------------------- goroutines

G* spawn(void (*fn)(void*), void* arg);  // `go fn(arg)`; may be called from any goroutine
G* current();                            // nullptr when not on a goroutine
void yield();                            // runtime.Gosched: to the tail of this worker's run queue
// Blocks the current goroutine. unlockFn(arg) (if any) runs on the scheduler stack after the
// switch away, so a waker holding the same lock can only ready G once it is really parked.
void park(WaitReason reason, void (*unlockFn)(void*) = nullptr, void* arg = nullptr);
// Makes a parked goroutine runnable (the current worker's runnext when called from a goroutine).
void ready(G* g);
// Asks goroutine g to run Hooks::onInterrupt at its next safepoint (the REPL's Ctrl-C). A
// goroutine blocked in a cancellable wait (channel operations, select, sleep) is woken with the
// wait withdrawn; it then runs onInterrupt at once (see wasInterrupted).
void interrupt(G* g);
// After park: if the wait was withdrawn by interrupt(), runs Hooks::onInterrupt (which may
// throw to unwind the goroutine) and returns true; the caller must not complete the operation.
bool wasInterruptedSlow(G* g);  // wasInterrupted() below, after currentWorker()
// Cancellable waits are only armed where interrupt() is used (the REPL): elsewhere a park costs
// nothing more. setCancellableWaits(true) before the scheduler starts.
extern bool g_cancellableWaits;
void setCancellableWaits(bool on);
// Before parking: how interrupt() may withdraw this wait (no-op unless armed).
inline void armCancel(G* g, bool (*fn)(G*, void*), void* arg) {
  if (!g_cancellableWaits) return;
  g->cancelArg.store(arg, std::memory_order_relaxed);
  g->cancelWait.store(fn, std::memory_order_seq_cst);
}
int64_t numGoroutine();
// Around a park whose ready() comes from outside the scheduler (a thread waiting for a child
// process): while such a wait is open, every worker idle with no timer is not a deadlock. The
// goroutine calls begin before parking and end after it wakes.
void beginExternalWait();
void endExternalWait();
// Such a wake-up may come after the goroutine's run has ended: an in-process run
// (Config::returnFromRun) frees its goroutines when it ends. runId() names the current run
// (read it before parking); readyExternal(g, id) readies g if run id still goes on, and
// otherwise returns false and touches nothing: g is gone and nobody waits any more.
uint64_t runId();
bool readyExternal(G* g, uint64_t id);
int procs();              // current GOMAXPROCS
int setProcs(int n);      // runtime.GOMAXPROCS(n): returns the previous value; n <= 0 only queries

// Iterates over live goroutines (not Dead, not idle in the pool). Safe while the world is
// stopped or during onDeadlock; otherwise a racy snapshot.
void forEachG(void (*cb)(G* g, void* ctx), void* ctx);

// ---------------------------------------------------------------- safepoints and stacks

// Per-worker hot state read by the inline checks below (the rest of Worker is in proc.h).
struct WorkerHot {
  std::atomic<int32_t> budget{0};  // safepoints left before the slow path; 0 forces it
  char* stackLimit = nullptr;      // the running G's limit
  G* curg = nullptr;
  int32_t sliceBudget = 0;         // seeded mode: the budget this slice started with
};
// The current thread's worker, read through the thread pointer with an asm volatile load so the
// compiler can never cache it across a fiber switch (a G may resume on another thread).
namespace detail {
extern intptr_t g_tlsOffset;  // &t_hot minus the thread pointer (static TLS: same in every thread)
WorkerHot* currentWorkerSlow();
}  // namespace detail
inline WorkerHot* currentWorker() {
#if defined(__x86_64__)
  char* tp;
  asm volatile("mov %%fs:0, %0" : "=r"(tp));
  return *reinterpret_cast<WorkerHot**>(tp + detail::g_tlsOffset);
#else
  return detail::currentWorkerSlow();
#endif
}
void safepointSlow();

inline bool wasInterrupted() {
  if (!g_cancellableWaits) return false;
  G* g = currentWorker()->curg;
  if (!g) return false;
  // Disarm, then wait out an interrupt() that may still be using the waiter (it lives on this
  // stack and is about to go away): Dekker-style, with the seq_cst pair in interrupt().
  g->cancelWait.store(nullptr, std::memory_order_seq_cst);
  while (g->cancelBusy.load(std::memory_order_seq_cst)) {
  }
  return __builtin_expect(g->waitCancelled, 0) && wasInterruptedSlow(g);
}

// THE SAFEPOINT (src/DESIGN.md §7). The evaluator calls safepoint() at every loop back-edge and
// every call, and nowhere else; every tool that must stop a running goroutine uses this one
// point instead of adding its own. The fast path is a decrement of the worker's budget. When it
// reaches 0 (after kBudget safepoints, or at once when someone zeroes it: the monitor to preempt,
// requestSafepoint() for the collector, stop-the-world, GOL_STRESS) safepointSlow() runs, in
// this order:
//   1. the scheduler is stopping (exit in returnFromRun mode): the goroutine unwinds (RunEndUnwind);
//   2. timers that are due run;
//   3. Hooks::atSafepoint (the evaluator: garbage collection when the heap asked for it);
//   4. the goroutine yields if it was preempted, the world is stopping, or under GOL_STRESS;
//   5. Hooks::onInterrupt if interrupt() targeted it (the REPL's Ctrl-C; may throw to unwind).
// What holds there: the goroutine is between two evaluator steps, so every live gol value is in
// a frame slot or a heap object (reachable from its stack, which the collector scans), no
// runtime lock is held, and no C++ exception is in flight; it may park, yield, throw or collect.
inline void safepoint() {
  WorkerHot* w = currentWorker();
  int32_t b = w->budget.load(std::memory_order_relaxed) - 1;
  w->budget.store(b, std::memory_order_relaxed);
  if (__builtin_expect(b <= 0, 0)) safepointSlow();
}
// A visible operation (a shared load or store, a map write, a print) in seeded mode: a
// safepoint, and with a scripted schedule a point where it may switch goroutines.
void visiblePoint();
// Makes the current worker's next safepoint take the slow path (no-op off a worker).
void requestSafepoint();
// True when the current goroutine has less than the red zone of stack left: the caller should
// continue through growAndCall.
inline bool stackLow() {
  WorkerHot* w = currentWorker();
  return static_cast<char*>(__builtin_frame_address(0)) < w->stackLimit;
}
// A call's entry (the evaluator's inline call path): the safepoint, with the stack check on the
// same load of the worker. When the stack is low it returns false without polling: the caller
// then takes its slow path, which polls and grows the stack.
inline bool safepointIfStackRoom() {
  WorkerHot* w = currentWorker();
  if (static_cast<char*>(__builtin_frame_address(0)) < w->stackLimit) return false;
  int32_t b = w->budget.load(std::memory_order_relaxed) - 1;
  w->budget.store(b, std::memory_order_relaxed);
  if (__builtin_expect(b <= 0, 0)) safepointSlow();
  return true;
}
// Runs fn(arg) on a fresh, larger stack segment of the current goroutine and returns. C++
// exceptions thrown by fn propagate to the caller. Past Config::maxStack: fatal "stack overflow"
// (hooks().fatal gets "stack overflow"; the interpreter prints Go's two lines).
void growAndCall(void (*fn)(void*), void* arg);

// ---------------------------------------------------------------- GC seam

// Brings every other worker to a safepoint (or idle) and keeps it there. Call from a goroutine.
void stopTheWorld();
void startTheWorld();
// For each goroutine that is not running: cb(lo, hi) for each live stack range (saved SP up to
// the segment's top, all segments). The caller's own goroutine is reported from the current SP.
void forEachGoroutineStack(void (*cb)(const void* lo, const void* hi, void* ctx), void* ctx);

// ---------------------------------------------------------------- time and timers (timer.cpp)

int64_t nanotime();  // monotonic clock, ns; in seeded mode the virtual clock (from 0)
// Wall clock for time.Now: real, or in seeded mode the Go Playground's epoch (2009-11-10
// 23:00:00 UTC) plus the virtual clock.
void walltime(int64_t* sec, int64_t* nsec);
bool virtualClock();  // seeded mode is on

// A timer fires fn(arg) on a worker's scheduler stack (or inside a safepoint): fn must not block
// or throw; it typically readies a G or does a non-blocking channel send. Periodic when
// period > 0. The Timer memory belongs to the caller (keep it alive while it is pending).
struct Timer {
  int64_t when = 0;
  int64_t period = 0;
  void (*fn)(void* arg, int64_t now) = nullptr;
  void* arg = nullptr;
  int32_t heapIndex = -1;  // -1: not pending
};
void addTimer(Timer* t);                  // t->when, period, fn, arg set by the caller
bool delTimer(Timer* t);                  // true if it was pending (so it will not fire)
bool modTimer(Timer* t, int64_t when, int64_t period);  // re-arm; returns whether it was pending
void sleep(int64_t ns);                   // time.Sleep; ns <= 0 yields
// GC roots: the arg of every pending timer.
void forEachTimerArg(void (*cb)(void* arg, void* ctx), void* ctx);

// ---------------------------------------------------------------- policy, events, randomness

// Random number in [0, n) for scheduling decisions (select case order, steal victim): from the
// policy when one is installed, else a fast per-worker generator.
uint32_t randn(uint32_t n);
uint64_t rand64();  // 64 random bits, from the same source as randn
void setPolicy(Policy* p);  // before run(); forces one worker when non-null
Policy* policy();
void setEventSink(EventSink* s);
EventSink* eventSink();

}  // namespace gol::sched
