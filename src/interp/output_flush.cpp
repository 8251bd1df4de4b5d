// Getting buffered stdout out of the process (output.cpp buffers it, src/DESIGN.md §4.6) when
// nothing else would flush it:
//   - a flusher thread writes the buffer out about 100 ms after output stopped arriving, so a
//     program that prints a progress line and then works for a while shows that line through a
//     pipe or in a file at once, not at exit;
//   - SIGINT, SIGTERM and SIGHUP are taken by a signal thread (sigwait; every other thread has
//     them blocked), which flushes the buffer in ordinary thread context — a handler could not
//     take the output lock — and then lets the signal kill the process, so the status is the
//     conventional "killed by signal N".
// Started by runProgram for a real run only: not in the REPL (it handles Ctrl-C itself) nor in
// in-process test runs. Test knob: GOL_FLUSH_MS=N sets the flusher's delay, 0 turns it off (so
// a test can see that the signal path alone gets the output out).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "interp/nodes.h"

namespace gol::interp {

namespace {

std::chrono::milliseconds gFlushDelay{100};
// A flush blocked for this long (a full pipe nobody reads) must not keep a signal from killing
// the process: SIGALRM's default action ends it.
constexpr unsigned kSignalFlushSeconds = 2;

std::mutex gMu;
std::condition_variable gCv;
bool gPending = false;  // output arrived since the flusher last flushed
bool gStarted = false;  // startOutputFlush ran
bool gFlusher = false;  // the flusher thread runs

void flusherLoop() {
  std::unique_lock<std::mutex> lk(gMu);
  for (;;) {
    gCv.wait(lk, [] { return gPending; });
    lk.unlock();
    std::this_thread::sleep_for(gFlushDelay);  // what is printed meanwhile goes in the same write
    lk.lock();
    gPending = false;
    lk.unlock();
    flushStdout();
    lk.lock();
  }
}

sigset_t fatalSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

void signalLoop() {
  sigset_t set = fatalSignals();
  int sig = 0;
  while (sigwait(&set, &sig) != 0) {
  }
  alarm(kSignalFlushSeconds);
  flushStdout();
  signal(sig, SIG_DFL);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, sig);
  pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
  raise(sig);
  _exit(128 + sig);  // not reached: the signal's default action ends the process
}

}  // namespace

void noteStdoutBuffered() {
  std::lock_guard<std::mutex> lk(gMu);
  if (!gFlusher || gPending) return;
  gPending = true;
  gCv.notify_one();
}

void startOutputFlush() {
  std::lock_guard<std::mutex> lk(gMu);
  if (gStarted) return;
  gStarted = true;
  sigset_t set = fatalSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // before any other thread exists: all inherit it
  std::thread(signalLoop).detach();
  if (const char* ms = std::getenv("GOL_FLUSH_MS")) gFlushDelay = std::chrono::milliseconds(std::atoll(ms));
  gFlusher = gFlushDelay.count() > 0;
  if (gFlusher) std::thread(flusherLoop).detach();
}

}  // namespace gol::interp
