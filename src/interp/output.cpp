// Program output (src/DESIGN.md §4): stdout behaves like Go's unbuffered os.Stdout seen from
// outside, but is buffered for speed in one process-wide buffer (a mutex: goroutines on
// several workers print). It is flushed before any stderr write, at exit, os.Exit, panic and
// fatal errors, when it grows large, and soon after output stops or on a fatal signal
// (output_flush.cpp). A closed pipe ends the program quietly as Go does
// (killed by SIGPIPE).
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <mutex>
#include <string>

#include "interp/race_hooks.h"
#include "interp/recording.h"
#include "sched/policy.h"
#include "interp/nodes.h"

namespace gol::interp {

namespace {
std::mutex gOutMu;
std::string gOut;
bool gInteractive = false;  // stdout is a terminal: flush every write
std::string* gCapOut = nullptr;  // tests: output goes to strings instead of fds 1 and 2
std::string* gCapErr = nullptr;
void (*gSink)(std::string_view) = nullptr;  // REPL: stdout and stderr both go to the sink
bool gRepl = false;

void writeAll(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE && fd == 1) {
        signal(SIGPIPE, SIG_DFL);
        raise(SIGPIPE);
        _exit(141);
      }
      return;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
}

void flushLocked() {
  if (gOut.empty()) return;
  if (gSink) {
    gSink(gOut);
    gOut.clear();
    return;
  }
  if (gCapOut) {
    gCapOut->append(gOut);
    gOut.clear();
    return;
  }
  writeAll(1, gOut.data(), gOut.size());
  gOut.clear();
}
}  // namespace

void writeStdout(std::string_view s) {
  // A scripted schedule may switch goroutines before a print: output order is what explore
  // and step are about.
  if (sched::Policy* p = sched::policy(); p && p->scripted()) {
    sched::visiblePoint();
    footprintPrint();
  }
  recordPrint(s, false);
  std::lock_guard<std::mutex> lk(gOutMu);
  bool wasEmpty = gOut.empty();
  gOut.append(s.data(), s.size());
  if (gInteractive || gRepl || gOut.size() >= (1 << 16)) flushLocked();
  else if (wasEmpty) noteStdoutBuffered();  // the flusher writes it out soon (output_flush.cpp)
}

void flushStdout() {
  std::lock_guard<std::mutex> lk(gOutMu);
  flushLocked();
}

void writeStderr(std::string_view s) {
  recordPrint(s, true);
  std::lock_guard<std::mutex> lk(gOutMu);
  flushLocked();
  if (gSink) gSink(s);
  else if (gCapErr) gCapErr->append(s.data(), s.size());
  else writeAll(2, s.data(), s.size());
}

void setOutputCapture(std::string* out, std::string* err) {
  std::lock_guard<std::mutex> lk(gOutMu);
  gCapOut = out;
  gCapErr = err;
}

void setOutputSink(void (*sink)(std::string_view)) {
  std::lock_guard<std::mutex> lk(gOutMu);
  gSink = sink;
}

void setReplMode(bool on) { gRepl = on; }
bool replMode() { return gRepl; }

void installOutputHooks() {
  gInteractive = isatty(1);
  signal(SIGPIPE, SIG_IGN);  // EPIPE is reported by write(); we then die by SIGPIPE as Go does
  rt::hooks().writeStdout = writeStdout;
  rt::hooks().writeStderr = writeStderr;
}

}  // namespace gol::interp
