// The REPL runtime (see session.h).
//
// Threads: the REPL's own thread edits lines and never runs gol code. The scheduler runs on a
// second thread (sched::run) whose goroutine 1 is the "server": it waits for an input, compiles
// and initialises it, and spawns a goroutine that runs it. The REPL thread hands inputs over
// under gMu and sleeps on gDone until the input goroutine reports how it ended.
//
// Ending an input without its cooperation: Ctrl-C marks the input interrupted and asks the
// scheduler to run onInterrupt at the input goroutine's next safepoint (a panic that unwinds it);
// a blocked input is simply left parked. When every goroutine is blocked and no timer is pending
// the scheduler asks onStall: while an input runs that means it can never finish (reported as
// the input's deadlock); otherwise the session is just waiting for the user.
#include "interp/session.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <condition_variable>
#include <mutex>
#include <new>
#include <thread>

#include "interp/compiler.h"
#include "interp/recording.h"
#include "interp/nodes.h"
#include "native/native.h"
#include "sched/sched.h"

namespace gol::interp {
namespace {

std::mutex gMu;
std::condition_variable gDone;
Program* gRequest = nullptr;       // input waiting for the server
sched::G* gServer = nullptr;
bool gServerParked = false;
std::atomic<sched::G*> gInputG{nullptr};
std::atomic<int> gState{0};        // InputOutcome of the running input; -1 while it runs
std::atomic<bool> gSigint{false};
int gExitCode = 0;
ReplRuntime::Sink gSink;

constexpr int kRunning = -1;
constexpr int kGlobalsCapacity = 1 << 16;  // globals never move: compiled code holds addresses

void finish(InputOutcome o) {
  std::lock_guard lk(gMu);
  int expected = kRunning;
  gState.compare_exchange_strong(expected, static_cast<int>(o));
  gDone.notify_all();
}

struct InputStart {
  Func* fn;
};

void inputEntry(void* arg) {
  Func* fn = static_cast<InputStart*>(arg)->fn;
  delete static_cast<InputStart*>(arg);
  GState* g = newGState();
  gInputG.store(sched::current());
  Frame root;
  root.g = g;
  try {
    runFunc(fn, root);
    flushStdout();
    finish(InputOutcome::Done);
  } catch (PanicUnwind&) {
    g->top = &root;
    if (gState.load() == kRunning) printPanic(g);  // an interrupted input was reported already
    finish(InputOutcome::Panicked);
  } catch (const std::bad_alloc&) {  // fatal, as in a run: it ends the session (never parks here)
    g->top = &root;
    rt::outOfMemory();
  }
  gInputG.store(nullptr);
}

// Compiles and initialises one input on the server goroutine, then starts it.
void startInput(Program* chunk, Frame& root) {
  try {
    runPackageInits(chunk, root);
    Func* fn = compileScript(chunk);
    sched::spawn(inputEntry, new InputStart{fn});
  } catch (PanicUnwind&) {
    root.g->top = &root;
    printPanic(root.g);
    finish(InputOutcome::Panicked);
  } catch (const std::bad_alloc&) {
    root.g->top = &root;
    rt::outOfMemory();
  }
}

void serverMain(void*) {
  GState* g = newGState();
  Frame root;
  root.g = g;
  gServer = sched::current();
  while (true) {
    std::unique_lock lk(gMu);
    while (!gRequest) {
      gServerParked = true;
      sched::park(sched::WaitReason::None, [](void*) { gMu.unlock(); });
      lk.release();
      lk = std::unique_lock(gMu);
    }
    Program* chunk = gRequest;
    gRequest = nullptr;
    lk.unlock();
    startInput(chunk, root);
  }
}

bool onStall() {
  // Called with the scheduler's lock held: only flags and a notify here.
  if (gState.load() == kRunning && !gRequest) {
    int expected = kRunning;
    if (gState.compare_exchange_strong(expected, static_cast<int>(InputOutcome::Deadlocked))) gDone.notify_all();
  }
  return true;
}

void onInterrupt() {
  GState* g = currentG();
  gopanic(g, runtimeErrorValue("interrupted", false));
}

void onExit(int code) {
  flushStdout();
  gExitCode = code;
}

void onSigint(int) { gSigint.store(true); }

struct ListCtx {
  std::string out;
};
void listG(sched::G* g, void* arg) {
  if (g == gServer) return;
  auto* c = static_cast<ListCtx*>(arg);
  auto st = g->status.load();
  std::string state = st == sched::GStatus::Running ? "running"
                      : st == sched::GStatus::Runnable ? "runnable"
                                                       : sched::waitReasonString(g->waitReason.load());
  c->out += "goroutine " + std::to_string(g->id) + " [" + state + "]:\n";
  if (st == sched::GStatus::Waiting && g->user) c->out += captureTrace(static_cast<GState*>(g->user));
}

}  // namespace

void ReplRuntime::start(const RunOptions& opts, Sink sink) {
  gSink = std::move(sink);
  rt::setHeapLimit(opts.maxHeap);
  setOutputSink([](std::string_view s) { gSink(s); });
  setProgramArgs(opts.args);
  installOutputHooks();
  installPanicHooks();
  startReplRecording();
  native::registerAll();
  setReplMode(true);
  allocGlobals(kGlobalsCapacity);
  sched::hooks().onExit = onExit;
  sched::hooks().onStall = onStall;
  sched::hooks().onInterrupt = onInterrupt;
  sched::setCancellableWaits(true);  // Ctrl-C withdraws a blocked input
  int procs = opts.procs;
  std::thread([procs] {
    sched::Config cfg;
    cfg.procs = procs;
    sched::run(cfg, serverMain, nullptr);
  }).detach();
}

InputOutcome ReplRuntime::run(Program* chunk) {
  if (chunk->numGlobals >= kGlobalsCapacity) {
    gSink("gol: too many global variables in this session (:reset forgets them)\n");
    return InputOutcome::Panicked;
  }
  setEchoStatements(chunk->echo);
  restartReplRecording();
  struct sigaction sa {}, old{};
  sa.sa_handler = onSigint;
  sigaction(SIGINT, &sa, &old);
  gSigint.store(false);
  std::unique_lock lk(gMu);
  gState.store(kRunning);
  gRequest = chunk;
  while (!gServer) {  // the scheduler thread is still starting
    lk.unlock();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    lk.lock();
  }
  if (gServerParked) {
    gServerParked = false;
    sched::ready(gServer);
  }
  while (gState.load() == kRunning) {
    gDone.wait_for(lk, std::chrono::milliseconds(20));
    if (gSigint.exchange(false) && gState.load() == kRunning) {
      gState.store(static_cast<int>(InputOutcome::Interrupted));
      if (sched::G* g = gInputG.load()) sched::interrupt(g);
    }
  }
  auto outcome = static_cast<InputOutcome>(gState.load());
  lk.unlock();
  sigaction(SIGINT, &old, nullptr);
  flushStdout();
  if (outcome == InputOutcome::Interrupted) gSink("interrupted\n");
  if (outcome == InputOutcome::Deadlocked)
    gSink("fatal error: all goroutines are asleep - deadlock! (this input can never finish; back to the prompt)\n" +
          goroutineList());
  return outcome;
}

void ReplRuntime::quit(int code) {
  flushStdout();
  std::fflush(stdout);
  std::fflush(stderr);
  _exit(code);
}

int ReplRuntime::exitCode() const { return gExitCode; }

std::string ReplRuntime::goroutineList() {
  ListCtx c;
  sched::forEachG(listG, &c);
  return c.out.empty() ? "no goroutines\n" : c.out;
}

std::string ReplRuntime::timeline() { return replTimelineText(); }

int ReplRuntime::procs(int n) { return n > 0 ? sched::setProcs(n) : sched::procs(); }

}  // namespace gol::interp
