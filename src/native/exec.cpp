// Natives of package os/exec (stdlib/os/exec/exec.gol): starting a child with posix_spawn and
// waiting for it without holding a worker. Each started child gets a helper thread that feeds
// its stdin, collects the output pipes and reaps it; the goroutine in Wait parks (reason
// "syscall", with an external wait open so an idle scheduler is not a deadlock) and the helper
// readies it, as a channel sender readies a receiver; park's unlock function (run after the
// switch, DESIGN.md §8.2) and the helper agree through one atomic on which of them readies the
// goroutine, so it is readied exactly once and only when really parked. In a seeded run
// (a policy installed) the goroutine polls instead, in steps of real and virtual time.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "native/host.h"
#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"
#include "sched/policy.h"
#include "sched/sched.h"

extern char** environ;

namespace gol::native {
namespace {

// One started child. Owned by the table until Wait collects it.
struct Proc {
  std::mutex mu;  // guards out, err, status and done; each side locks and unlocks it itself
  std::condition_variable exited;  // seeded runs: the goroutine polls on it
  pid_t pid = -1;
  bool done = false;
  int status = 0;
  std::string out, err;  // captured stdout / stderr (combined output goes to out)
  // Who readies the waiter: kRunning until one side moves it. The parked goroutine's unlock
  // function sets kParked, the helper sets kDone; whichever comes second readies the waiter
  // (no lock is held across the park: a lock taken by the goroutine and released on g0 would
  // be released by another fiber).
  enum : int { kRunning, kParked, kDone };
  std::atomic<int> handoff{kRunning};
  sched::G* waiter = nullptr;  // written before the park, read by whoever readies it
  uint64_t waiterRun = 0;      // the run the waiter belongs to (sched::readyExternal)
  int64_t id = 0;              // its key in table()
};

std::mutex gTableMu;
std::map<int64_t, Proc*>& table() {
  static auto* t = new std::map<int64_t, Proc*>;  // never destroyed: helpers may outlive exit
  return *t;
}
int64_t gNextId = 1;

Proc* lookup(int64_t id) {
  std::lock_guard<std::mutex> lk(gTableMu);
  auto it = table().find(id);
  return it == table().end() ? nullptr : it->second;
}

void setNonblock(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

// The helper thread: writes `input` to inFd, drains outFd/errFd until EOF, reaps the child,
// then wakes the waiter (if one has parked).
void helper(Proc* p, int inFd, std::string input, int outFd, int errFd) {
  size_t written = 0;
  if (inFd >= 0) setNonblock(inFd);
  char buf[65536];
  while (inFd >= 0 || outFd >= 0 || errFd >= 0) {
    pollfd fds[3];
    int n = 0, iIn = -1, iOut = -1, iErr = -1;
    if (inFd >= 0) {
      if (written >= input.size()) {
        close(inFd);
        inFd = -1;
        continue;
      }
      iIn = n;
      fds[n++] = {inFd, POLLOUT, 0};
    }
    if (outFd >= 0) {
      iOut = n;
      fds[n++] = {outFd, POLLIN, 0};
    }
    if (errFd >= 0) {
      iErr = n;
      fds[n++] = {errFd, POLLIN, 0};
    }
    if (poll(fds, nfds_t(n), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (iIn >= 0 && fds[iIn].revents) {
      ssize_t w = write(inFd, input.data() + written, input.size() - written);
      if (w > 0) written += size_t(w);
      else if (w < 0 && errno != EAGAIN && errno != EINTR) {  // the child closed its stdin
        close(inFd);
        inFd = -1;
      }
    }
    auto drain = [&](int& fd, int idx, std::string& into) {
      if (idx < 0 || !fds[idx].revents) return;
      ssize_t r = read(fd, buf, sizeof buf);
      if (r > 0) {
        std::lock_guard<std::mutex> lk(p->mu);
        into.append(buf, size_t(r));
      } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
        close(fd);
        fd = -1;
      }
    };
    drain(outFd, iOut, p->out);
    drain(errFd, iErr, p->err);
  }
  int st = 0;
  while (waitpid(p->pid, &st, 0) < 0 && errno == EINTR) {
  }
  {
    std::lock_guard<std::mutex> lk(p->mu);
    p->done = true;
    p->status = st;
    p->exited.notify_all();
  }
  if (p->handoff.exchange(Proc::kDone, std::memory_order_acq_rel) != Proc::kParked) return;
  // The waiter's run may have ended meanwhile (an in-process run: tests, fuzzing), its
  // goroutines freed: then nobody will collect this child, and the helper forgets it.
  if (sched::readyExternal(p->waiter, p->waiterRun)) return;
  {
    std::lock_guard<std::mutex> lk(gTableMu);
    table().erase(p->id);
  }
  delete p;
}

std::vector<std::string> stringList(Value slice) {
  Value* e;
  int64_t n = sliceElems(slice, &e);
  std::vector<std::string> out;
  for (int64_t i = 0; i < n; i++) out.emplace_back(rt::strView(rt::load(&e[i])));
  return out;
}

std::vector<char*> cstrs(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

// start(path, args, env, useEnv, dir, stdinFd, stdinData, useStdinData, stdoutFd, stderrFd)
//   (id, pid, errno)
// A descriptor of -1 means /dev/null; -2 means a pipe to the helper (stdin: fed stdinData;
// stdout/stderr: captured); stderrFd -3 means the same pipe as stdout (CombinedOutput).
GOL_HOST_NATIVE(exec_start, "os/exec.start") {
  std::string path(sv(call.args[0]));
  std::vector<std::string> args = stringList(call.args[1]);
  std::vector<std::string> env = stringList(call.args[2]);
  bool useEnv = call.args[3].u != 0;
  std::string dir(sv(call.args[4]));
  int inSpec = int(call.args[5].i);
  std::string input(sv(call.args[6]));
  int outSpec = int(call.args[8].i), errSpec = int(call.args[9].i);
  call.results[0] = Value::I(0);
  call.results[1] = Value::I(0);

  // The child may write to our stdout directly: what gol has buffered goes out first (writing
  // nothing to stderr flushes stdout, as os.Exit relies on too).
  if (auto f = rt::hooks().flushStdout) f();
  else if (auto w = rt::hooks().writeStderr) w("");
  std::vector<int> toClose;  // the child's ends, closed in the parent after the spawn
  int inPipe[2] = {-1, -1}, outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1};
  auto fail = [&](int e) {
    for (int fd : {inPipe[0], inPipe[1], outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
      if (fd >= 0) close(fd);
    call.results[2] = Value::I(e);
  };
  if (inSpec == -2 && pipe2(inPipe, O_CLOEXEC) != 0) return fail(errno);
  if (outSpec == -2 && pipe2(outPipe, O_CLOEXEC) != 0) return fail(errno);
  if (errSpec == -2 && pipe2(errPipe, O_CLOEXEC) != 0) return fail(errno);

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  auto wire = [&](int spec, int pipeEnd, int target, int flags) {
    if (spec == -1) posix_spawn_file_actions_addopen(&fa, target, "/dev/null", flags, 0);
    else if (spec == -2) posix_spawn_file_actions_adddup2(&fa, pipeEnd, target);
    else if (spec == -3) posix_spawn_file_actions_adddup2(&fa, 1, target);
    else if (spec != target) posix_spawn_file_actions_adddup2(&fa, spec, target);
  };
  wire(inSpec, inPipe[0], 0, O_RDONLY);
  wire(outSpec, outPipe[1], 1, O_WRONLY);
  wire(errSpec, errPipe[1], 2, O_WRONLY);
  if (!dir.empty()) posix_spawn_file_actions_addchdir_np(&fa, dir.c_str());
  // The child starts with the default signal mask and dispositions: gol's threads block the
  // termination signals (DESIGN.md §10, 31), and a child must not inherit that.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> argv = cstrs(args);
  std::vector<char*> envp = cstrs(env);
  pid_t pid;
  int e = posix_spawn(&pid, path.c_str(), &fa, &attr, argv.data(), useEnv ? envp.data() : environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  if (e != 0) return fail(e);
  for (int fd : {inPipe[0], outPipe[1], errPipe[1]})
    if (fd >= 0) close(fd);

  auto* p = new Proc;
  p->pid = pid;
  int64_t id;
  {
    std::lock_guard<std::mutex> lk(gTableMu);
    id = gNextId++;
    p->id = id;
    table()[id] = p;
  }
  std::thread(helper, p, inPipe[1], std::move(input), outPipe[0], errPipe[0]).detach();
  call.results[0] = Value::I(id);
  call.results[1] = Value::I(pid);
  call.results[2] = Value::I(0);
}

// wait(id) (status int, out, err string): parks until the child has exited and its output is
// collected; the raw wait status (see exitCode) and the captured output.
GOL_NATIVE(exec_wait, "os/exec.wait") {
  Proc* p = lookup(call.args[0].i);
  if (!p) {
    call.results[0] = Value::I(-1);
    call.results[1] = Value();
    call.results[2] = Value();
    return;
  }
  if (sched::detail::g_policy) {
    // A seeded run has one worker and a policy that only its own thread may drive (ready from
    // the helper would race it). So the goroutine polls: it waits up to a millisecond of real
    // time for the child, then sleeps a millisecond of the run's (virtual) time, so other
    // goroutines and timers go on (a CommandContext deadline can kill the child).
    std::unique_lock<std::mutex> lk(p->mu);
    while (!p->exited.wait_for(lk, std::chrono::milliseconds(1), [p] { return p->done; })) {
      lk.unlock();
      sched::sleep(1000000);
      lk.lock();
    }
  } else if (p->handoff.load(std::memory_order_acquire) != Proc::kDone) {
    p->waiter = sched::current();
    p->waiterRun = sched::runId();
    sched::beginExternalWait();
    sched::park(
        sched::WaitReason::Syscall,
        [](void* arg) {  // on g0, after the switch: the goroutine is really parked now
          auto* q = static_cast<Proc*>(arg);
          if (q->handoff.exchange(Proc::kParked, std::memory_order_acq_rel) == Proc::kDone) sched::ready(q->waiter);
        },
        p);
    sched::endExternalWait();
  }
  p->mu.lock();
  int st = p->status;
  std::string out = std::move(p->out), err = std::move(p->err);
  p->mu.unlock();
  {
    std::lock_guard<std::mutex> lk(gTableMu);
    table().erase(call.args[0].i);
  }
  delete p;
  call.results[0] = Value::I(st);
  call.results[1] = str(out);
  call.results[2] = str(err);
}

// statusInfo(status) (exited bool, code int, signal int)
GOL_NATIVE(exec_statusInfo, "os/exec.statusInfo") {
  int st = int(call.args[0].i);
  bool exited = WIFEXITED(st);
  call.results[0] = Value::B(exited);
  call.results[1] = Value::I(exited ? WEXITSTATUS(st) : -1);
  call.results[2] = Value::I(WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

// signalName(sig) string: Go's spelling ("killed", "terminated", ...).
GOL_NATIVE(exec_signalName, "os/exec.signalName") {
  static const std::map<int, const char*> names = {
      {SIGHUP, "hangup"},        {SIGINT, "interrupt"},          {SIGQUIT, "quit"},
      {SIGILL, "illegal instruction"}, {SIGTRAP, "trace/breakpoint trap"}, {SIGABRT, "aborted"},
      {SIGBUS, "bus error"},     {SIGFPE, "floating point exception"}, {SIGKILL, "killed"},
      {SIGUSR1, "user defined signal 1"}, {SIGSEGV, "segmentation fault"},
      {SIGUSR2, "user defined signal 2"}, {SIGPIPE, "broken pipe"}, {SIGALRM, "alarm clock"},
      {SIGTERM, "terminated"},
  };
  auto it = names.find(int(call.args[0].i));
  call.results[0] = str(it != names.end() ? it->second : "signal " + std::to_string(call.args[0].i));
}

// kill(pid, sig) errno
GOL_HOST_NATIVE(exec_kill, "os/exec.kill") {
  call.results[0] = Value::I(::kill(pid_t(call.args[0].i), int(call.args[1].i)) != 0 ? errno : 0);
}

// isExecutable(path) (ok bool, isDir bool, errno int)
GOL_HOST_NATIVE(exec_isExecutable, "os/exec.isExecutable") {
  std::string path(sv(call.args[0]));
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    call.results[0] = Value::B(false);
    call.results[1] = Value::B(false);
    call.results[2] = Value::I(errno);
    return;
  }
  bool dir = S_ISDIR(st.st_mode);
  bool ok = !dir && (st.st_mode & 0111) != 0;
  call.results[0] = Value::B(ok);
  call.results[1] = Value::B(dir);
  call.results[2] = Value::I(ok ? 0 : EACCES);
}

}  // namespace gol::native
