// Child processes of gol play (child.h). Between fork and exec the child calls only
// async-signal-safe functions: the server is multi-threaded.
#include "child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <mutex>
#include <set>

namespace gol::play {
namespace {

std::mutex gChildrenMu;
std::set<pid_t> gChildren;  // process group ids of running children
bool gStopping = false;     // under gChildrenMu: no new child starts once the server stops

using Clock = std::chrono::steady_clock;

// In the child, after fork: limits, descriptors, then exec. Never returns.
[[noreturn]] void execChild(char* const* argv, const char* dir, int outFd, int errFd, int cpuSeconds) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  rlimit cpu{rlim_t(cpuSeconds), rlim_t(cpuSeconds) + 1};
  setrlimit(RLIMIT_CPU, &cpu);
  rlimit core{0, 0};
  setrlimit(RLIMIT_CORE, &core);
  int in = open("/dev/null", O_RDONLY);
  dup2(in, 0);
  dup2(outFd, 1);
  dup2(errFd, 2);
  if (syscall(SYS_close_range, 3, ~0U, 0) != 0)
    for (int fd = 3; fd < 4096; fd++) close(fd);
  if (chdir(dir) != 0) _exit(127);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);  // the server blocks SIGINT in its threads
  char* const noEnv[] = {nullptr};
  execve(argv[0], argv, noEnv);
  _exit(127);
}

pid_t start(const std::vector<std::string>& args, const std::string& dir, int cpuSeconds, int* outRead,
            int* errRead) {
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) return -1;
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    return -1;
  }
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::lock_guard<std::mutex> lock(gChildrenMu);
  pid_t pid = gStopping ? -1 : fork();
  if (pid == 0) execChild(argv.data(), dir.c_str(), out[1], err[1], cpuSeconds);
  close(out[1]);
  close(err[1]);
  if (pid < 0) {
    close(out[0]);
    close(err[0]);
    return -1;
  }
  setpgid(pid, pid);  // also here: the kill below must find the group even before the child ran
  gChildren.insert(pid);
  *outRead = out[0];
  *errRead = err[0];
  return pid;
}

// Reads both pipes until they close, the deadline passes, the output limit is reached or the
// client goes; returns why it stopped early ("" when the pipes closed).
std::string pump(int fds[2], const ChildLimits& limits, Clock::time_point deadline,
                 const std::function<bool(Stream, std::string_view)>& onOutput) {
  size_t total = 0;
  std::string buf(65536, '\0');
  int open = 2;
  while (open > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return "timeout";
    pollfd p[2] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};
    int r = poll(p, 2, int(std::min<long long>(left, 1000)));
    if (r < 0 && errno != EINTR) return "server";
    for (int i = 0; i < 2; i++) {
      if (fds[i] < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i], buf.data(), buf.size());
      if (n <= 0) {
        close(fds[i]);
        fds[i] = -1;
        open--;
        continue;
      }
      size_t keep = std::min(size_t(n), limits.maxOutput - total);
      total += keep;
      if (keep && !onOutput(i == 0 ? Stream::Stdout : Stream::Stderr, std::string_view(buf.data(), keep)))
        return "client";
      if (keep < size_t(n) || total >= limits.maxOutput) return "output";
    }
  }
  return "";
}

}  // namespace

ChildResult runChild(const std::vector<std::string>& argv, const std::string& dir, const ChildLimits& limits,
                     const std::function<bool(Stream, std::string_view)>& onOutput) {
  ChildResult res;
  auto begin = Clock::now();
  int fds[2] = {-1, -1};
  pid_t pid = start(argv, dir, limits.cpuSeconds, &fds[0], &fds[1]);
  if (pid < 0) {
    res.killedBy = "server";
    return res;
  }
  auto deadline = begin + std::chrono::milliseconds(int64_t(limits.wallSeconds * 1000));
  res.killedBy = pump(fds, limits, deadline, onOutput);
  if (!res.killedBy.empty()) kill(-pid, SIGKILL);
  for (int fd : fds)
    if (fd >= 0) close(fd);
  int status = 0;
  // The pipes are closed: the child is ending (or was killed); wait for it, with the deadline.
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      if (res.killedBy.empty()) res.killedBy = "timeout";
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    usleep(2000);
  }
  kill(-pid, SIGKILL);  // anything the program left in its group
  {
    std::lock_guard<std::mutex> lock(gChildrenMu);
    gChildren.erase(pid);
    if (gStopping) res.killedBy = "server";
  }
  res.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (res.killedBy.empty() && WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL))
    res.killedBy = "cpu";
  res.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  return res;
}

void killAllChildren() {
  std::lock_guard<std::mutex> lock(gChildrenMu);
  gStopping = true;
  for (pid_t pid : gChildren) kill(-pid, SIGKILL);
}

}  // namespace gol::play
