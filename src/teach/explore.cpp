// The schedule explorer (explore.h): the searches, one forked child per run, grouping runs by
// outcome, replay checks and the report.
#include "teach/explore.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <thread>

#include "teach/dpor.h"
#include "teach/render_util.h"

namespace gol::teach {
namespace {

using Clock = std::chrono::steady_clock;
using Decisions = std::vector<DecisionRecord>;

struct RunResult {
  std::string out, err;
  int exit = 0;
  bool hung = false;
  Decisions log;
  Footprints footprints;  // -exhaustive
};

struct Outcome {
  std::string stdoutText, error;
  int exit = 0;
  bool hung = false;
  int count = 0;
  RunSpec first;  // the run that replays it
  bool replayChecked = false, replayOk = false;
};

std::string readAll(int fd) {
  std::string s;
  char buf[65536];
  lseek(fd, 0, SEEK_SET);
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
  return s;
}

// "choice options [ids...]" lines.
Decisions parseLog(const std::string& text) {
  Decisions d;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    const char* p = line.c_str();
    char* end = nullptr;
    DecisionRecord r;
    r.choice = uint32_t(std::strtoul(p, &end, 10));
    if (end == p) break;
    p = end;
    r.options = uint32_t(std::strtoul(p, &end, 10));
    if (end == p) break;
    for (p = end;; p = end) {
      long long id = std::strtoll(p, &end, 10);
      if (end == p) break;
      r.ids.push_back(id);
    }
    d.push_back(std::move(r));
  }
  return d;
}

// Waits for the child, killing it after `timeout` seconds; returns its exit status.
int waitChild(pid_t pid, double timeout, bool* hung) {
  auto deadline = Clock::now() + std::chrono::duration<double>(timeout);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      *hung = true;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

RunResult runOnce(RunSpec spec, RunInChild run, double timeout) {
  int out = memfd_create("gol-explore-out", 0), err = memfd_create("gol-explore-err", 0);
  int log = memfd_create("gol-explore-log", 0), prints = memfd_create("gol-explore-footprints", 0);
  RunResult r;
  if (out < 0 || err < 0 || log < 0 || prints < 0) {
    r.exit = -1;
    r.err = "gol explore: cannot create a buffer for a run";
    return r;
  }
  spec.decisionLogPath = fmt::format("/proc/{}/fd/{}", getpid(), log);
  if (spec.scripted) spec.footprintPath = fmt::format("/proc/{}/fd/{}", getpid(), prints);
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out, 1);
    dup2(err, 2);
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0) dup2(null, 0);
    run(spec);
    _exit(125);  // run() must not return
  }
  r.exit = pid < 0 ? -1 : waitChild(pid, timeout, &r.hung);
  r.out = readAll(out);
  r.err = readAll(err);
  r.log = parseLog(readAll(log));
  if (spec.scripted) r.footprints = parseFootprints(readAll(prints));
  close(out);
  close(err);
  close(log);
  close(prints);
  return r;
}

// The first line that says how the run failed: a panic or a fatal error (deadlock, concurrent
// map writes, out of memory), or under -race the first race's access; empty for a clean run.
std::string errorLine(const std::string& err) {
  size_t race = err.find("WARNING: DATA RACE\n");
  if (race != std::string::npos) {
    size_t start = race + 19, nl = err.find('\n', start);
    std::string line = err.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    size_t by = line.find(" by ");  // which goroutine varies from schedule to schedule
    return "data race: " + line.substr(0, by);
  }
  size_t pos = 0;
  while (pos < err.size()) {
    size_t nl = err.find('\n', pos);
    std::string line = err.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line.rfind("panic: ", 0) == 0 || line.rfind("fatal error: ", 0) == 0) return line;
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return "";
}

std::string outcomeKey(const RunResult& r) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}", r.out, r.exit, errorLine(r.err), r.hung);
}

std::string choicesOf(const RunSpec& spec) {
  std::string s = spec.preemptionBound >= 0 ? fmt::format("b{}:", spec.preemptionBound) : "";
  size_t start = s.size();
  for (uint32_t c : spec.prefix) s += (s.size() == start ? "" : ",") + std::to_string(c);
  return s.size() == start ? s + "0" : s;
}

std::string replayCommand(const ExploreOptions& o, const RunSpec& spec) {
  const char* race = o.race ? "-race " : "";
  if (spec.scripted) return fmt::format("gol run {}-schedule {} -procs {} {}", race, choicesOf(spec), o.procs, o.file);
  std::string pct = spec.pctDepth ? fmt::format("-pct {} ", spec.pctDepth) : "";
  return fmt::format("gol run {}-seed {} {}-procs {} {}", race, spec.seed, pct, o.procs, o.file);
}

struct Search {
  const ExploreOptions& o;
  RunInChild run;
  std::map<std::string, Outcome> outcomes;
  std::vector<std::string> order;  // keys in order of first appearance
  int runs = 0;
  bool complete = false;
  Dpor dpor{std::getenv("GOL_EXPLORE_NO_REDUCTION") == nullptr};  // -exhaustive

  void record(const RunSpec& spec, const RunResult& r) {
    runs++;
    std::string key = outcomeKey(r);
    auto [it, fresh] = outcomes.try_emplace(key);
    Outcome& oc = it->second;
    if (fresh) {
      oc = Outcome{r.out, errorLine(r.err), r.exit, r.hung, 0, spec, false, false};
      // A replay needs the choices actually taken, not only the prefix that led there.
      if (spec.scripted) {
        oc.first.prefix.clear();
        for (auto& d : r.log) oc.first.prefix.push_back(d.choice);
      }
      order.push_back(key);
    }
    oc.count++;
  }

  void go() {
    auto deadline = Clock::now() + std::chrono::duration<double>(o.maxSeconds);
    RunSpec spec;
    spec.scripted = o.exhaustive;
    spec.preemptionBound = o.exhaustive ? o.preemptionBound : -1;
    spec.seed = o.firstSeed;
    while (runs < o.maxRuns && Clock::now() < deadline) {
      RunResult r = runOnce(spec, run, o.runTimeout);
      record(spec, r);
      if (!o.exhaustive) {
        spec.seed++;
        // Alternate the random walk with PCT of depth 2 and 3 (the orders a walk starves).
        int phase = int((spec.seed - o.firstSeed) % 4);
        spec.pctDepth = phase == 1 ? 2 : phase == 3 ? 3 : 0;
      } else {
        dpor.addRun(spec.prefix.size(), r.log, r.footprints);
        if (!dpor.next(&spec.prefix)) {
          complete = true;
          break;
        }
      }
    }
  }

  // Each printed replay is run once more and must give the same outcome.
  void checkReplays() {
    for (const std::string& key : order) {
      Outcome& oc = outcomes[key];
      RunResult r = runOnce(oc.first, run, o.runTimeout);
      oc.replayChecked = true;
      oc.replayOk = outcomeKey(r) == key;
    }
  }
};

std::string exhaustiveVerdict(const ExploreOptions& o, bool complete, int runs) {
  std::string bound = o.preemptionBound < 0 ? "" : fmt::format(" with at most {} preemption{}", o.preemptionBound,
                                                               o.preemptionBound == 1 ? "" : "s");
  if (complete) return fmt::format("all {} schedules{} explored: these are all the outcomes{}", runs, bound,
                                   bound.empty() ? "" : " within that bound (-preemptions -1: no bound)");
  return fmt::format("stopped after {} schedules{} (-runs / -time): not exhaustive", runs, bound);
}

void printText(const ExploreOptions& o, const Search& s) {
  const char* how = !o.exhaustive ? "random walk and PCT d=2,3"
                    : std::getenv("GOL_EXPLORE_NO_REDUCTION") ? "depth-first over scripted schedules, unreduced"
                                                             : "depth-first over scripted schedules, partial-order reduced";
  fmt::print("gol explore: {} distinct outcome{} in {} run{} ({}, GOMAXPROCS {})\n", s.order.size(),
             s.order.size() == 1 ? "" : "s", s.runs, s.runs == 1 ? "" : "s", how, o.procs);
  if (o.exhaustive)
    fmt::print("{}\n", exhaustiveVerdict(o, s.complete, s.runs));
  else
    fmt::print("seeds {}..{}; not exhaustive (-exhaustive searches every schedule)\n", o.firstSeed,
               o.firstSeed + uint64_t(s.runs) - 1);
  int n = 0;
  for (const std::string& key : s.order) {
    const Outcome& oc = s.outcomes.at(key);
    fmt::print("\n#{}  {} of {} runs", ++n, oc.count, s.runs);
    if (oc.hung) fmt::print("  hang: killed after {} s", o.runTimeout);
    else if (!oc.error.empty()) fmt::print("  {}", oc.error);
    else if (oc.exit) fmt::print("  exit status {}", oc.exit);
    fmt::print("\n    replay: {}{}\n", replayCommand(o, oc.first),
               oc.replayOk ? "" : "   (replaying it gave another outcome)");
    std::string text = oc.stdoutText.empty() ? "(no output)\n" : oc.stdoutText;
    if (text.back() != '\n') text += '\n';
    for (size_t p = 0; p < text.size();) {
      size_t nl = text.find('\n', p);
      fmt::print("    | {}\n", text.substr(p, nl - p));
      p = nl + 1;
    }
  }
  int deadlocks = 0, panics = 0, races = 0;
  for (auto& [key, oc] : s.outcomes) {
    deadlocks += oc.error.find("deadlock") != std::string::npos ? oc.count : 0;
    panics += oc.error.rfind("panic: ", 0) == 0 ? oc.count : 0;
    races += oc.error.rfind("data race", 0) == 0 ? oc.count : 0;
  }
  fmt::print("\n{} of {} runs deadlock; {} panic{}.\n", deadlocks, s.runs, panics,
             o.race ? fmt::format("; {} race", races) : "");
  fmt::print("Decision points: which goroutine runs next{}, select cases, loads and stores of shared "
             "variables, map writes{}.\n",
             o.exhaustive ? "" : " and for how many steps",
             o.exhaustive ? ", prints, sync operations (lock, unlock, channel operations, WaitGroup, atomics); "
                            "orders of steps that touch different objects are tried once"
                          : "");
}

void printJson(const ExploreOptions& o, const Search& s) {
  std::string out = fmt::format(
      "{{\"runs\":{},\"complete\":{},\"search\":\"{}\",\"procs\":{},\"preemption_bound\":{},\"outcomes\":[", s.runs,
      s.complete ? "true" : "false", o.exhaustive ? "exhaustive" : "random", o.procs,
      o.exhaustive ? o.preemptionBound : -1);
  bool first = true;
  for (const std::string& key : s.order) {
    const Outcome& oc = s.outcomes.at(key);
    out += first ? "" : ",";
    first = false;
    out += "{\"stdout\":";
    appendJsonString(out, oc.stdoutText);
    out += fmt::format(",\"exit\":{},\"error\":", oc.hung ? -1 : oc.exit);
    appendJsonString(out, oc.hung ? std::string("hang") : oc.error);
    out += fmt::format(",\"count\":{},\"seed\":{},\"procs\":{},\"replay\":", oc.count,
                       oc.first.scripted ? std::string("null") : std::to_string(oc.first.seed), o.procs);
    appendJsonString(out, replayCommand(o, oc.first));
    out += fmt::format(",\"replay_verified\":{}}}", oc.replayOk ? "true" : "false");
  }
  out += "]}\n";
  fmt::print("{}", out);
}

}  // namespace

int explore(const ExploreOptions& opts, RunInChild run) {
  Search s{opts, run, {}, {}, 0, false};
  s.go();
  if (s.runs == 0) {
    fmt::print(stderr, "gol explore: no run finished within the budget\n");
    return 2;
  }
  s.checkReplays();
  if (opts.json) printJson(opts, s);
  else printText(opts, s);
  return 0;
}

}  // namespace gol::teach
