// gol play's command line (play.h): flags, the private work folder, and a clean stop. SIGINT and
// SIGTERM are blocked in every thread and taken by one thread with sigwait, which kills the
// running programs, removes the work folder and ends the process with status 0.
#include "play.h"

#include <fmt/format.h>
#include <ftw.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "base/flag_values.h"
#include "child.h"
#include "server.h"

namespace gol::play {
namespace {

constexpr const char* kHelp = R"(usage: gol play [flags] [FILE|DIR]

Starts the classroom playground: a local web page where students edit a program, run it on
seeded virtual processors (the seed is shown, so any run can be replayed and shared), see its
goroutine timeline (GOMAXPROCS 1 vs N side by side), explore every output it can print, check it
for data races, and step through it as the scheduler. FILE opens in the editor; DIR's .go and
.gol files are the lessons (default: the lessons built into gol). Everything the page needs is
inside gol: it works with no network. Ctrl-C stops the server and its running programs.

Every program runs as a child process, gol run -sandbox: no files, processes, environment or
host name, no standard input, and the limits below; a stopped run says why.

Flags:
  -addr HOST:PORT     where to listen (default 127.0.0.1:7070; 0.0.0.0:7070 serves a classroom
                      on the local network; port 0 picks a free one)
  -runs K             programs running at once; the others wait in line (default: CPU count)
  -timeout D          wall-clock limit per run, a Go duration (default 10s)
  -maxheap SIZE       heap limit per run (default 256MB)
  -maxoutput SIZE     output limit per run, stdout and stderr together (default 1MB)
  -maxgoroutines N    goroutines at once per run (default 10000)
)";

std::string gWorkDir;

int removeEntry(const char* path, const struct stat*, int, struct FTW*) { return remove(path); }

void removeWorkDir() {
  if (!gWorkDir.empty()) nftw(gWorkDir.c_str(), removeEntry, 16, FTW_DEPTH | FTW_PHYS);
}

// The thread that owns SIGINT and SIGTERM: a clean stop from any state of the server.
void waitForStop(sigset_t set) {
  int sig = 0;
  sigwait(&set, &sig);
  killAllChildren();
  removeWorkDir();
  std::fprintf(stderr, "\ngol play: stopped\n");
  std::fflush(stderr);
  _exit(0);
}

std::string gListenHost;

void printListening(int port) {
  std::printf("gol play: serving on http://%s:%d/ (Ctrl-C stops)\n", gListenHost.c_str(), port);
  std::fflush(stdout);
}

bool parseAddr(const std::string& v, PlayOptions* o) {
  size_t colon = v.rfind(':');
  if (colon == std::string::npos) return false;
  char* end = nullptr;
  long port = std::strtol(v.c_str() + colon + 1, &end, 10);
  if (colon + 1 == v.size() || *end || port < 0 || port > 65535) return false;
  o->host = colon == 0 ? "127.0.0.1" : v.substr(0, colon);
  if (o->host.size() > 2 && o->host.front() == '[' && o->host.back() == ']') o->host = o->host.substr(1, o->host.size() - 2);
  o->port = int(port);
  return true;
}

bool parseFlag(const std::string& name, const std::string& value, PlayOptions* o) {
  char* end = nullptr;
  if (name == "addr") return parseAddr(value, o);
  if (name == "runs" || name == "maxgoroutines") {
    long n = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end || n < 1 || n > 1000000) return false;
    if (name == "runs") o->runs = int(n);
    else o->maxGoroutines = n;
    return true;
  }
  if (name == "timeout") return parseDuration(value, &o->timeout);
  if (name == "maxheap") {
    if (parseSize(value) == 0) return false;
    o->maxHeap = value;
    return true;
  }
  if (name == "maxoutput") {
    uint64_t n = parseSize(value);
    o->maxOutput = size_t(n);
    return n > 0;
  }
  return false;
}

}  // namespace

int command(const std::vector<std::string>& args, size_t i) {
  PlayOptions o;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; i++) {
    std::string name = args[i].substr(args[i].rfind("--", 0) == 0 ? 2 : 1), value;
    if (name == "h" || name == "help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    }
    static const char* known[] = {"addr", "runs", "timeout", "maxheap", "maxoutput", "maxgoroutines"};
    if (std::find(std::begin(known), std::end(known), name) == std::end(known)) {
      fmt::print(stderr, "gol: flag provided but not defined: -{}\nRun 'gol help play' for usage.\n", name);
      return 2;
    }
    if (!parseFlag(name, value, &o)) {
      fmt::print(stderr, "gol: invalid value {:?} for flag -{}\nRun 'gol help play' for usage.\n", value, name);
      return 2;
    }
  }
  if (i < args.size()) o.path = args[i++];
  if (i < args.size()) {
    fmt::print(stderr, "gol play: one FILE or DIR at most\n");
    return 2;
  }
  if (!o.path.empty() && access(o.path.c_str(), R_OK) != 0) {
    fmt::print(stderr, "gol play: cannot read {}\n", o.path);
    return 1;
  }
  if (o.runs == 0) o.runs = int(std::max(1u, std::thread::hardware_concurrency()));
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) {
    fmt::print(stderr, "gol play: cannot find its own executable\n");
    return 1;
  }
  o.gol.assign(self, size_t(n));
  char tmpl[] = "/tmp/gol-play-XXXXXX";
  if (!mkdtemp(tmpl)) {
    fmt::print(stderr, "gol play: cannot make a work folder in /tmp\n");
    return 1;
  }
  gWorkDir = tmpl;
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // before any thread starts: they all inherit it
  signal(SIGPIPE, SIG_IGN);                     // a client that goes away is a failed write
  std::thread(waitForStop, stop).detach();
  gListenHost = o.host;
  Api api(o, gWorkDir);
  std::string error;
  int port = 0;
  serve(o.host, o.port, api, &error, &port, printListening);
  fmt::print(stderr, "gol play: cannot listen on {}:{}: {}\n", o.host, o.port, error);
  removeWorkDir();
  return 1;
}

const char* helpText() { return kHelp; }

}  // namespace gol::play
