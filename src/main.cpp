// gol's command line, in Go's style (src/DESIGN.md §1):
//   gol run [flags] FILE... [args]    gol FILE [args]    gol (REPL, or a script on stdin)
//   gol vet FILE...    gol version | gol help
// Flags are single-dash like Go's (-procs 4, -dump=ast); two dashes are accepted too.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "base/flag_values.h"
#include "check/std_packages.h"
#include "driver.h"
#include "play/play.h"
#include "repl/repl.h"
#include "runtime/object.h"

namespace {

constexpr const char* kVersion = "gol version 0.1 (Go 1.22 subset)";

constexpr const char* kHelp = R"(gol runs programs written in a statically typed subset of Go.

Usage:
  gol run [flags] FILE... [args]   run a program (.gol or .go files of package main, or one script)
  gol explore [flags] FILE...      run it under many schedules and list every outcome
  gol step [flags] FILE...         be the scheduler: choose which goroutine runs at each point
  gol vet FILE...                  report likely mistakes without running the program
  gol play [FILE|DIR]              the classroom playground: a local web page (gol help play)
  gol FILE [args]                  same as gol run FILE
  gol                              interactive REPL (reads a script from stdin when it is not a terminal)
  gol -                            read a script from stdin
  gol version                      print the version
  gol help                         print this help

Run 'gol help run' for the flags of gol run (procs, seed, trace, timeline, maxheap), 'gol help vet' for
what gol vet reports.

A file with a package clause is a Go program (package main, imports, func main), held to Go's
rules; in .go files that includes Go's errors for unused variables and imports (a .gol program
may leave them unused). A file without one is a script: top-level statements run in order,
standard packages need no import, and unused names are allowed (as in the REPL).

The subset leaves out: generics (type parameters), imports of packages other than the standard
ones gol provides, unsafe, reflect, cgo, and runtime/debug tooling.
)";

// The "Standard packages:" paragraph of gol help, from the checker's table of packages.
std::string stdPackagesHelp() {
  std::string out = "Standard packages:";
  size_t col = out.size();
  for (auto& p : gol::check::stdPackages()) {
    size_t n = std::strlen(p.path);
    if (col + 1 + n > 100) {
      out += "\n ";
      col = 1;
    }
    out += ' ';
    out += p.path;
    col += 1 + n;
  }
  out += '\n';
  return out;
}

constexpr const char* kRunHelp = R"help(usage: gol run [flags] FILE... [args]

Runs a program: one script, or the .go/.gol files of package main. Arguments after the files
are the program's (os.Args[1:]).

Flags:
  -procs N        GOMAXPROCS: worker threads running goroutines (with -seed: virtual
                  processors), 1 to 256; default: the GOMAXPROCS environment variable, else the
                  CPU count
  -procs 1,4      run once per value (same seed); the first run's output is printed, and
                  -timeline draws every run on one time axis: one chef vs many chefs
  -seed N         a reproducible run: one OS thread simulates the -procs processors and every
                  scheduling choice (which goroutine runs next and for how long, select cases,
                  map order, math/rand's default source) comes from N. Goroutines are preempted
                  after a number of steps, never by wall time, and time is virtual: it advances
                  with the work done and jumps to the next timer when every goroutine waits, so
                  time.Sleep(time.Hour) returns at once. Same program, input, N and -procs: the
                  same output and trace, every time.
  -seed random    pick a seed, print it on stderr ("gol: -seed N") so the run can be replayed
  -pct D          with -seed: PCT schedules of depth D instead of the random walk (gol explore
                  alternates both and prints -pct in the replays it finds that way)
  -trace FILE     write a Chrome trace-event JSON file (open it in ui.perfetto.dev or
                  chrome://tracing): a lane per P and per goroutine, run/runnable/blocked slices
                  with the wait reason and source line, spawn and wake-up arrows, prints
  -timeline FILE  draw the goroutine timeline; the format follows the extension: .html (a page
                  with hover and zoom), .svg, .mmd (a Mermaid gantt chart), or - for a text chart
                  on stderr
  -trace-limit N  stop recording once the trace holds N events (default 1000000, about 100 MB
                  of JSON); the trace says it was cut
  -schedule S     replay a scripted schedule: a list of choices such as 0,1,0 (as gol explore
                  -exhaustive prints them) or a file with one choice per line
  -race           the data race detector: reports unsynchronised accesses to the same variable
                  in Go's layout with both source lines, "Found N data race(s)", exit 66
  -hints          notes in plain words on stderr (stdout stays Go's): goroutines still running
                  when main returned, why each goroutine of a deadlock can never wake, the
                  Done that made a WaitGroup negative
  -maxheap SIZE   cap the program's heap at SIZE bytes, or with a suffix KB, MB or GB (powers of
                  1024), e.g. -maxheap 512MB; reaching it ends the program as running out of
                  memory does: "fatal error: runtime: out of memory", exit status 2. Default:
                  the GOL_MAXHEAP environment variable, else the memory of the machine
  -maxgoroutines N  more than N goroutines at once end the program: "fatal error: program
                  exceeds N-goroutine limit", exit status 2 (gol play's limit; default: none)
  -sandbox        the os package refuses the file system, other processes and the host name
                  ("operation not permitted"), as gol play runs every program (explore and step
                  take it too)
  -dump=tokens    print the tokens (with inserted semicolons) instead of running
  -dump=ast       print the syntax tree instead of running

Environment: GOL_MAXHEAP=SIZE is -maxheap SIZE.
Test knobs: GOL_SCHED_SEED=N is -seed N; GOL_STRESS=1 yields at every safepoint;
GOL_FLUSH_MS=N flushes buffered output N ms after it stops (default 100; 0: only at exit).
)help";

bool isSourceFile(const std::string& a) {
  auto ends = [&](const char* s) {
    std::string suf(s);
    return a.size() > suf.size() && a.compare(a.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends(".gol") || ends(".go");
}

// -procs N, or a list (-procs 1,4): one run per value, drawn side by side by -timeline.
bool parseProcs(const std::string& value, gol::driver::Options& opts) {
  opts.procsList.clear();
  size_t start = 0;
  while (true) {
    size_t comma = value.find(',', start);
    std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    char* end = nullptr;
    long n = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != 0 || n < 1 || n > gol::driver::kMaxProcs) {
      fmt::print(stderr, "gol: invalid value {:?} for flag -procs: want a number from 1 to {} (gol's limit), or a list such as 1,4\n",
                 value, gol::driver::kMaxProcs);
      return false;
    }
    opts.procsList.push_back(static_cast<int>(n));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  opts.procs = opts.procsList[0];
  return true;
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

constexpr const char* kExploreHelp = R"(usage: gol explore [flags] FILE...

Runs the program under many schedules and lists every distinct outcome it reached: what it
printed, its exit status and the first line of a panic or fatal error (deadlock, concurrent
map writes), each with how many runs gave it and the command that replays it (checked by
replaying it once). Every run is a seeded run on virtual processors (see gol help run).

Flags:
  -runs N         at most N runs (default 1000)
  -time D         at most this long, as a Go duration: 10s, 500ms, 1m (default 10s)
  -procs N        virtual processors of every run (default: GOMAXPROCS, else the CPU count)
  -seed N         random search: the first seed (default 1); run k uses seed N+k
  -exhaustive     depth-first search over every decision of a scripted schedule — which ready
                  goroutine runs, whether to switch before each visible operation (loads and
                  stores of shared variables, map writes, prints, sync operations), select
                  cases — with partial-order reduction: two steps that touch different objects
                  (or only read one) are tried in one order only. Ends when every order of
                  conflicting steps was tried ("all N schedules explored": every outcome) or
                  when the budget ends
  -preemptions N  with -exhaustive: also bound each schedule to N switches away from a
                  goroutine that could go on (CHESS; most concurrency bugs need 2 or fewer);
                  default -1, no bound. Switches where a goroutine blocks or ends are free
  -race           run each schedule with the race detector: a race is an outcome of its own,
                  with the seed that shows it
  -json           the report as JSON: {"runs", "complete", "outcomes": [{"stdout", "exit",
                  "error", "count", "seed", "procs", "replay", "replay_verified"}]}

Test knob: GOL_EXPLORE_NO_REDUCTION=1 makes -exhaustive try every option of every decision
(the unreduced search the reduction is checked against).
)";

constexpr const char* kStepHelp = R"(usage: gol step [-o FILE] [-procs N] [-schedule S] FILE... [args]

Be the scheduler: runs the program as a scripted schedule on virtual processors and, at every
point where the order could change what it does, stops and asks which goroutine goes next —
showing each ready goroutine with the source line it would run next. At a goroutine that is
about to touch shared memory or print, it asks whether to keep running it or switch. Enter
takes the default (0), t prints the timeline so far, d takes the defaults from there on. The
program's output appears as it is printed. At the end the choices are saved (default:
FILE.sched, or -o FILE), and `gol run -schedule FILE.sched FILE` replays the run exactly.
-schedule S starts from the choices of S and asks after them.

  -question FILE  do not ask on the terminal: at the first decision past -schedule, write it to
                  FILE as JSON ({"decision", "kind", "question", "options": [{"choice",
                  "goroutine", "function", "line", "text"}], "timeline": SVG so far}) and end
                  the run there, exit status 0; no FILE written means the program ended first.
                  This is how gol play's page lets a student step. -maxheap, -maxgoroutines and
                  -sandbox work as for gol run.
)";

constexpr const char* kVetHelp = R"(usage: gol vet [-h] FILE...

Checks the program (one script, or the .go/.gol files of package main) as a run would, then
reports likely mistakes without running it, as go vet does: one line per finding on stderr,
"file:line:col: message". Exit status 1 when it reports anything (or the program does not
compile), else 0.

Checks:
  copylocks  a value containing a lock (sync.Mutex, RWMutex, WaitGroup, Once, Cond, an atomic
             type, or a struct or array holding one) copied: a parameter or receiver of that
             type, a call argument, an assignment, a return value, a range variable. In go
             vet's words ("call of f copies lock value: sync.WaitGroup contains sync.noCopy").
  printf     fmt.Printf, Sprintf, Fprintf, Errorf (constant format) whose verbs do not match
             their arguments, too few or too many arguments, %w outside Errorf; Print and
             Println with a Printf directive or a redundant trailing newline. Go vet's words.
  goroutines (gol's own) wg.Add called inside the goroutine it counts; wg.Done not deferred
             in a goroutine that can return or panic before it; main (or a script) waiting for
             its goroutines with time.Sleep instead of a WaitGroup or a channel.
)";


enum class Command { Run, Explore, Step };

bool parsePositive(const std::string& name, const std::string& value, long* out) {
  char* end = nullptr;
  long n = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != 0 || n < 1) {
    fmt::print(stderr, "gol: invalid value {:?} for flag -{}: want a positive number\n", value, name);
    return false;
  }
  *out = n;
  return true;
}

// -schedule 0,1,0 or -schedule FILE (one choice per line; lines starting with # are comments);
// a leading "bN:" is the preemption bound the schedule was found under.
bool parseSchedule(const std::string& given, gol::driver::Options& opts) {
  std::string value = given;
  opts.preemptionBound = -1;
  if (value.size() > 2 && value[0] == 'b' && value.find(':') != std::string::npos &&
      value.find_first_not_of("0123456789", 1) == value.find(':')) {
    opts.preemptionBound = std::atoi(value.c_str() + 1);
    value = value.substr(value.find(':') + 1);
  }
  std::string text = value;
  if (value.find_first_not_of("0123456789,") != std::string::npos) {
    std::ifstream in(value);
    if (!in) {
      fmt::print(stderr, "gol: -schedule {}: no such file (or a list such as 0,1,0)\n", value);
      return false;
    }
    std::string line;
    text.clear();
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#') text += line + ",";
  }
  opts.schedule.clear();
  size_t p = 0;
  while (p < text.size()) {
    size_t q = text.find_first_of(",\n", p);
    std::string item = text.substr(p, q == std::string::npos ? std::string::npos : q - p);
    if (!item.empty()) {
      if (item.find_first_not_of("0123456789") != std::string::npos) {
        fmt::print(stderr, "gol: -schedule: {:?} is not a choice number\n", item);
        return false;
      }
      opts.schedule.push_back(static_cast<uint32_t>(std::strtoul(item.c_str(), nullptr, 10)));
    }
    if (q == std::string::npos) break;
    p = q + 1;
  }
  opts.scripted = true;
  return true;
}

// The flags gol explore adds to those of gol run.
bool parseExploreFlag(const std::string& name, const std::string& value, gol::driver::Options& opts) {
  long n;
  if (name == "preemptions") {
    char* end = nullptr;
    n = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end || n < -1) {
      fmt::print(stderr, "gol: invalid value {:?} for flag -preemptions: want a number, or -1 for no bound\n", value);
      return false;
    }
    opts.preemptionBound = static_cast<int>(n);
    return true;
  }
  if (name == "runs") {
    if (!parsePositive(name, value, &n)) return false;
    opts.exploreRuns = static_cast<int>(n);
    return true;
  }
  if (!gol::parseDuration(value, &opts.exploreSeconds)) {
    fmt::print(stderr, "gol: invalid value {:?} for flag -time: want a duration such as 10s or 500ms\n", value);
    return false;
  }
  return true;
}

// -maxheap SIZE, or GOL_MAXHEAP (from = "GOL_MAXHEAP") when no flag is given.
bool parseMaxHeap(const std::string& value, const char* from, gol::driver::Options& opts) {
  opts.maxHeap = gol::parseSize(value);
  if (opts.maxHeap == 0)
    fmt::print(stderr, "gol: invalid value {:?} for {}: want a size such as 512MB (KB, MB, GB or bytes)\n", value,
               from);
  return opts.maxHeap != 0;
}

// Parses flags from args[i...]; returns false (after printing why) on a bad flag.
bool parseFlag(const std::vector<std::string>& args, size_t& i, gol::driver::Options& opts, Command cmd) {
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
    fmt::print("{}", cmd == Command::Run ? kRunHelp : cmd == Command::Explore ? kExploreHelp : kStepHelp);
    std::exit(0);
  }
  if (cmd == Command::Run && (name == "hints" || name == "race") && !hasValue) {
    (name == "hints" ? opts.hints : opts.race) = true;
    return true;
  }
  if (name == "sandbox" && !hasValue) {
    opts.sandbox = true;
    return true;
  }
  if (cmd == Command::Explore && (name == "exhaustive" || name == "json" || name == "race") && !hasValue) {
    (name == "exhaustive" ? opts.exhaustive : name == "json" ? opts.json : opts.race) = true;
    return true;
  }
  static const char* runFlags[] = {"procs",    "dump",    "seed", "trace",        "timeline", "trace-limit",
                                   "schedule", "maxheap", "pct",  "maxgoroutines"};
  static const char* exploreFlags[] = {"procs", "seed", "runs", "time", "preemptions", "maxheap", "maxgoroutines"};
  static const char* stepFlags[] = {"procs", "schedule", "o", "question", "maxheap", "maxgoroutines"};
  auto in = [&](auto& table) { return std::find(std::begin(table), std::end(table), name) != std::end(table); };
  bool known = cmd == Command::Run ? in(runFlags) : cmd == Command::Explore ? in(exploreFlags) : in(stepFlags);
  if (known) {
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
    if (name == "schedule") return parseSchedule(value, opts);
    if (name == "o" || name == "question") {
      (name == "o" ? opts.scheduleOut : opts.stepQuestionFile) = value;
      return true;
    }
    if (name == "maxgoroutines") {
      long n;
      if (!parsePositive(name, value, &n)) return false;
      opts.maxGoroutines = n;
      return true;
    }
    if (name == "runs" || name == "time" || name == "preemptions") return parseExploreFlag(name, value, opts);
    if (name == "maxheap") return parseMaxHeap(value, "flag -maxheap", opts);
    if (name == "pct") {
      long d;
      if (!parsePositive(name, value, &d)) return false;
      opts.pctDepth = static_cast<int>(std::min(d, 8L));
      return true;
    }
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
    return parseProcs(value, opts);
  }
  fmt::print(stderr, "gol: flag provided but not defined: -{}\nRun 'gol help {}' for usage.\n", name,
             cmd == Command::Run ? "run" : cmd == Command::Explore ? "explore" : "step");
  return false;
}

// Settings the environment gives every run (flags parsed later override them).
bool applyEnvironment(gol::driver::Options& opts) {
  const char* maxHeap = std::getenv("GOL_MAXHEAP");
  return !maxHeap || !*maxHeap || parseMaxHeap(maxHeap, "GOL_MAXHEAP", opts);
}

int exploreCommand(const std::vector<std::string>& args, size_t i) {
  gol::driver::Options opts;
  if (!applyEnvironment(opts)) return 2;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; i++)
    if (!parseFlag(args, i, opts, Command::Explore)) return 2;
  if (i >= args.size()) {
    fmt::print(stderr, "gol explore: no files listed\n");
    return 2;
  }
  for (; i < args.size(); i++) opts.files.push_back(args[i]);
  return gol::driver::exploreFiles(opts);
}

int vetCommand(const std::vector<std::string>& args, size_t i) {
  gol::driver::Options opts;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; i++) {
    std::string name = args[i].substr(args[i].rfind("--", 0) == 0 ? 2 : 1);
    if (name == "h" || name == "help") {
      fmt::print("{}", kVetHelp);
      return 0;
    }
    fmt::print(stderr, "gol: flag provided but not defined: -{}\nRun 'gol help vet' for usage.\n", name);
    return 2;
  }
  if (i >= args.size()) {
    fmt::print(stderr, "gol vet: no files listed\n");
    return 2;
  }
  opts.files.assign(args.begin() + i, args.end());
  return gol::driver::vetFiles(opts);
}

int runCommand(const std::vector<std::string>& args, size_t i, Command cmd = Command::Run) {
  gol::driver::Options opts;
  if (!applyEnvironment(opts)) return 2;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; i++)
    if (!parseFlag(args, i, opts, cmd)) return 2;
  if (cmd == Command::Step) {
    if (i >= args.size()) {
      fmt::print(stderr, "gol step: no files listed\n");
      return 2;
    }
    opts.stepping = opts.scripted = true;
    if (opts.scheduleOut.empty() && opts.stepQuestionFile.empty()) {
      std::string base = args[i].substr(args[i].rfind('/') == std::string::npos ? 0 : args[i].rfind('/') + 1);
      opts.scheduleOut = base + ".sched";
    }
  }
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
    else if (args.size() > 1 && args[1] == "explore") fmt::print("{}", kExploreHelp);
    else if (args.size() > 1 && args[1] == "step") fmt::print("{}", kStepHelp);
    else if (args.size() > 1 && args[1] == "vet") fmt::print("{}", kVetHelp);
    else if (args.size() > 1 && args[1] == "play") fmt::print("{}", gol::play::helpText());
    else fmt::print("{}{}", kHelp, stdPackagesHelp());
    return 0;
  }
  if (cmd == "run") return runCommand(args, 1);
  if (cmd == "explore") return exploreCommand(args, 1);
  if (cmd == "step") return runCommand(args, 1, Command::Step);
  if (cmd == "vet") return vetCommand(args, 1);
  if (cmd == "play") return gol::play::command(args, 1);
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
