// gol's command line, in Go's style (src/DESIGN.md §1):
//   gol run [flags] FILE... [args]    gol FILE [args]    gol (REPL, or a script on stdin)
//   gol version | gol help
// Flags are single-dash like Go's (-procs 4, -dump=ast); two dashes are accepted too.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <random>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "driver.h"
#include "repl/repl.h"
#include "runtime/object.h"

namespace {

constexpr const char* kVersion = "gol version 0.1 (Go 1.22 subset)";

constexpr const char* kHelp = R"(gol runs programs written in a statically typed subset of Go.

Usage:
  gol run [flags] FILE... [args]   run a program (.gol or .go files of package main, or one script)
  gol FILE [args]                  same as gol run FILE
  gol                              interactive REPL (reads a script from stdin when it is not a terminal)
  gol -                            read a script from stdin
  gol version                      print the version
  gol help                         print this help

Run 'gol help run' for the flags of gol run (procs, seed, trace, timeline, maxheap).

A file with a package clause is a Go program (package main, imports, func main). A file without
one is a script: top-level statements run in order, and standard packages need no import.

The subset leaves out: generics (type parameters), goto, complex numbers (complex64/128,
complex/real/imag), imports of packages other than the standard ones gol provides, unsafe,
reflect, cgo, struct tags' meaning, and runtime/debug tooling.
Standard packages: fmt strings strconv errors math math/rand sort slices maps os io bufio
unicode unicode/utf8 sync sync/atomic time context runtime.
)";

constexpr const char* kRunHelp = R"(usage: gol run [flags] FILE... [args]

Runs a program: one script, or the .go/.gol files of package main. Arguments after the files
are the program's (os.Args[1:]).

Flags:
  -procs N        GOMAXPROCS: worker threads running goroutines (with -seed: virtual
                  processors); default: the GOMAXPROCS environment variable, else the CPU count
  -seed N         a reproducible run: one OS thread simulates the -procs processors and every
                  scheduling choice (which goroutine runs next and for how long, select cases,
                  map order, math/rand's default source) comes from N. Goroutines are preempted
                  after a number of steps, never by wall time, and time is virtual: it advances
                  with the work done and jumps to the next timer when every goroutine waits, so
                  time.Sleep(time.Hour) returns at once. Same program, input, N and -procs: the
                  same output and trace, every time.
  -seed random    pick a seed, print it on stderr ("gol: -seed N") so the run can be replayed
  -trace FILE     write a Chrome trace-event JSON file (open it in ui.perfetto.dev or
                  chrome://tracing): a lane per P and per goroutine, run/runnable/blocked slices
                  with the wait reason and source line, spawn and wake-up arrows, prints
  -timeline FILE  draw the goroutine timeline; the format follows the extension: .html (a page
                  with hover and zoom), .svg, .mmd (a Mermaid gantt chart), or - for a text chart
                  on stderr
  -trace-limit N  stop recording after N events (default 1000000); the trace says it was cut
  -maxheap SIZE   cap the program's heap at SIZE bytes, or with a suffix KB, MB or GB (powers of
                  1024), e.g. -maxheap 512MB; reaching it ends the program as running out of
                  memory does: "fatal error: runtime: out of memory", exit status 2. Default:
                  the GOL_MAXHEAP environment variable, else the memory of the machine
  -dump=tokens    print the tokens (with inserted semicolons) instead of running
  -dump=ast       print the syntax tree instead of running

Environment: GOL_MAXHEAP=SIZE is -maxheap SIZE.
Test knobs: GOL_SCHED_SEED=N is -seed N; GOL_STRESS=1 yields at every safepoint;
GOL_FLUSH_MS=N flushes buffered output N ms after it stops (default 100; 0: only at exit).
)";

bool isSourceFile(const std::string& a) {
  auto ends = [&](const char* s) {
    std::string suf(s);
    return a.size() > suf.size() && a.compare(a.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends(".gol") || ends(".go");
}

// -seed N or -seed random (which picks one and says which, so the run can be replayed).
bool parseSeed(const std::string& value, gol::driver::Options& opts) {
  if (value == "random") {
    std::random_device rd;
    opts.seed = rd() % 1000000;
    fmt::print(stderr, "gol: -seed {}\n", opts.seed);
  } else {
    char* end = nullptr;
    opts.seed = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || *end != 0 || value[0] == '-') {
      fmt::print(stderr, "gol: invalid value {:?} for flag -seed: want a number or random\n", value);
      return false;
    }
  }
  opts.seeded = true;
  return true;
}

// A heap size: plain bytes, or a number with KB, MB or GB (powers of 1024; any case). 0: bad.
uint64_t parseSize(const std::string& value) {
  static const std::pair<const char*, int> kSuffixes[] = {{"KB", 10}, {"MB", 20}, {"GB", 30}};
  size_t digits = 0;
  while (digits < value.size() && std::isdigit(static_cast<unsigned char>(value[digits]))) digits++;
  if (digits == 0 || digits > 12) return 0;
  uint64_t n = std::stoull(value.substr(0, digits));
  std::string suffix = value.substr(digits);
  for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (suffix.empty() || suffix == "B") return n;
  for (auto [name, shift] : kSuffixes)
    if (suffix == name) return n > (UINT64_MAX >> shift) ? 0 : n << shift;
  return 0;
}

// -maxheap SIZE, or GOL_MAXHEAP (from = "GOL_MAXHEAP") when no flag is given.
bool parseMaxHeap(const std::string& value, const char* from, gol::driver::Options& opts) {
  opts.maxHeap = parseSize(value);
  if (opts.maxHeap == 0)
    fmt::print(stderr, "gol: invalid value {:?} for {}: want a size such as 512MB (KB, MB, GB or bytes)\n", value,
               from);
  return opts.maxHeap != 0;
}

// Parses flags from args[i...]; returns false (after printing why) on a bad flag.
bool parseFlag(const std::vector<std::string>& args, size_t& i, gol::driver::Options& opts) {
  std::string a = args[i];
  if (a.rfind("--", 0) == 0) a = a.substr(1);
  std::string name = a.substr(1), value;
  size_t eq = name.find('=');
  bool hasValue = eq != std::string::npos;
  if (hasValue) {
    value = name.substr(eq + 1);
    name = name.substr(0, eq);
  }
  if (name == "h" || name == "help") {
    fmt::print("{}", kRunHelp);
    std::exit(0);
  }
  static const char* withValue[] = {"procs", "dump", "seed", "trace", "timeline", "trace-limit", "maxheap"};
  if (std::find(std::begin(withValue), std::end(withValue), name) != std::end(withValue)) {
    if (!hasValue) {
      if (i + 1 >= args.size()) {
        fmt::print(stderr, "gol: flag needs an argument: -{}\n", name);
        return false;
      }
      value = args[++i];
    }
    if (name == "dump") {
      opts.dump = value;
      return true;
    }
    if (name == "trace" || name == "timeline") {
      (name == "trace" ? opts.traceFile : opts.timelineFile) = value;
      return true;
    }
    if (name == "seed") return parseSeed(value, opts);
    if (name == "maxheap") return parseMaxHeap(value, "flag -maxheap", opts);
    if (name == "trace-limit") {
      char* end = nullptr;
      unsigned long long n = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != 0 || n == 0) {
        fmt::print(stderr, "gol: invalid value {:?} for flag -trace-limit: want a positive number\n", value);
        return false;
      }
      opts.traceLimit = static_cast<size_t>(n);
      return true;
    }
    char* end = nullptr;
    long n = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != 0 || n < 1 || n > 1024) {
      fmt::print(stderr, "gol: invalid value {:?} for flag -procs: want a number from 1 to 1024\n", value);
      return false;
    }
    opts.procs = static_cast<int>(n);
    return true;
  }
  fmt::print(stderr, "gol: flag provided but not defined: -{}\nRun 'gol help' for usage.\n", name);
  return false;
}

// Settings the environment gives every run (flags parsed later override them).
bool applyEnvironment(gol::driver::Options& opts) {
  const char* maxHeap = std::getenv("GOL_MAXHEAP");
  return !maxHeap || !*maxHeap || parseMaxHeap(maxHeap, "GOL_MAXHEAP", opts);
}

int runCommand(const std::vector<std::string>& args, size_t i) {
  gol::driver::Options opts;
  if (!applyEnvironment(opts)) return 2;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; i++)
    if (!parseFlag(args, i, opts)) return 2;
  if (i < args.size() && args[i] == "-") {
    opts.args.assign(args.begin() + i + 1, args.end());
    return gol::driver::runStdin(opts);
  }
  if (i >= args.size()) {
    fmt::print(stderr, "gol run: no files listed\n");
    return 2;
  }
  // The first argument is always the program file (a #! script may have no extension); more
  // .go/.gol files after it join the same program; the rest are the program's arguments.
  opts.files.push_back(args[i++]);
  while (i < args.size() && isSourceFile(args[i])) opts.files.push_back(args[i++]);
  opts.args.assign(args.begin() + i, args.end());
  return gol::driver::runFiles(opts);
}

int dispatch(const std::vector<std::string>& args) {
  if (args.empty()) {
    gol::driver::Options opts;
    if (!applyEnvironment(opts)) return 2;
    if (isatty(STDIN_FILENO)) return gol::repl::run(opts);
    return gol::driver::runStdin(opts);
  }
  const std::string& cmd = args[0];
  if (cmd == "version" || cmd == "-version" || cmd == "--version") {
    fmt::print("{}\n", kVersion);
    return 0;
  }
  if (cmd == "help" || cmd == "-h" || cmd == "-help" || cmd == "--help") {
    if (args.size() > 1 && args[1] == "run") fmt::print("{}", kRunHelp);
    else fmt::print("{}", kHelp);
    return 0;
  }
  if (cmd == "run") return runCommand(args, 1);
  return runCommand(args, 0);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::bad_alloc&) {  // the front end ran out (the evaluator catches its own)
    gol::rt::outOfMemory();
  }
}
