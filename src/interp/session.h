// The evaluator's side of the REPL: the scheduler runs for the whole session on its worker
// threads, and each checked input runs as a goroutine of its own while the REPL's thread waits.
// Goroutines started by an input keep running after it ends; their output reaches the terminal
// through the sink given to start().
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "check/info.h"
#include "interp/interp.h"

namespace gol::interp {

enum class InputOutcome { Done, Panicked, Deadlocked, Interrupted, Exited };

class ReplRuntime {
 public:
  using Sink = std::function<void(std::string_view)>;
  // Starts the scheduler (on a thread of its own) with the REPL's output sink.
  void start(const RunOptions& opts, Sink sink);
  // Runs one checked input to its end, a panic (printed), a deadlock of the input (reported) or
  // Ctrl-C (SIGINT while it runs). Called from the REPL's thread.
  InputOutcome run(Program* chunk);
  int exitCode() const;
  // `:goroutines`: every goroutine but the REPL's own, with its state and where it is.
  std::string goroutineList();
  int procs(int n);  // n > 0 sets GOMAXPROCS; returns the previous value
  std::string timeline();  // `:timeline`: text chart of what ran since the previous input began
  // Ends the session's process: flushes output and _exit(code)s. The scheduler's workers and
  // monitor are still running (and may be blocked on its condition variables), so returning
  // from main and running static destructors would wait on them forever.
  [[noreturn]] void quit(int code);
};

}  // namespace gol::interp
