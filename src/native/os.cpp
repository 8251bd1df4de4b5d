// Natives of package os (stdlib/os/os.gol): thin system-call wrappers returning errno (the gol
// side builds *PathError), os.Args, the environment and os.Exit. Writes to fd 1 and 2 go through
// the evaluator's output hooks so they interleave correctly with fmt's buffered stdout.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "native/host.h"
#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"
#include "sched/sched.h"

extern char** environ;

namespace gol::native {
namespace {

std::string cstr(Value v) { return std::string(sv(v)); }

// Go's syscall error strings (lower case, as Go's table has them).
std::string errnoText(int e) {
  switch (e) {
    case ENOENT: return "no such file or directory";
    case EACCES: return "permission denied";
    case EEXIST: return "file exists";
    case EISDIR: return "is a directory";
    case ENOTDIR: return "not a directory";
    case ENOTEMPTY: return "directory not empty";
    case EINVAL: return "invalid argument";
    case EBADF: return "bad file descriptor";
    case EPERM: return "operation not permitted";
    case ENOSPC: return "no space left on device";
    case EROFS: return "read-only file system";
    case EMFILE: return "too many open files";
    case ENAMETOOLONG: return "file name too long";
    case EPIPE: return "broken pipe";
    case EAGAIN: return "resource temporarily unavailable";
    case EXDEV: return "invalid cross-device link";
    case ELOOP: return "too many levels of symbolic links";
    case EBUSY: return "device or resource busy";
    case EIO: return "input/output error";
  }
  std::string s = std::strerror(e);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] + 32);
  return s;
}

int64_t writeAll(int fd, const char* p, size_t n, int* err) {
  *err = 0;
  if (fd == 1 || fd == 2) {
    auto& h = rt::hooks();
    auto fn = fd == 1 ? h.writeStdout : h.writeStderr;
    if (fn) {
      fn(std::string_view(p, n));
      return int64_t(n);
    }
  }
  size_t done = 0;
  while (done < n) {
    ssize_t w = ::write(fd, p + done, n - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      *err = errno;
      break;
    }
    done += size_t(w);
  }
  return int64_t(done);
}

int removeAll(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return errno == ENOENT ? 0 : errno;
  if (S_ISDIR(st.st_mode)) {
    DIR* d = opendir(path.c_str());
    if (!d) return errno;
    while (dirent* ent = readdir(d)) {
      if (!std::strcmp(ent->d_name, ".") || !std::strcmp(ent->d_name, "..")) continue;
      int e = removeAll(path + "/" + ent->d_name);
      if (e) {
        closedir(d);
        return e;
      }
    }
    closedir(d);
    if (rmdir(path.c_str()) != 0) return errno;
    return 0;
  }
  if (unlink(path.c_str()) != 0) return errno;
  return 0;
}

// Go's FileMode bits for a stat mode: permissions, setuid/setgid/sticky and the type bits.
uint32_t goModeBits(mode_t m) {
  uint32_t g = m & 0777;
  if (m & S_ISUID) g |= 1u << 23;
  if (m & S_ISGID) g |= 1u << 22;
  if (m & S_ISVTX) g |= 1u << 20;
  switch (m & S_IFMT) {
    case S_IFDIR: g |= 1u << 31; break;
    case S_IFLNK: g |= 1u << 27; break;
    case S_IFIFO: g |= 1u << 25; break;
    case S_IFSOCK: g |= 1u << 24; break;
    case S_IFBLK: g |= 1u << 26; break;
    case S_IFCHR: g |= (1u << 26) | (1u << 21); break;
    default: break;
  }
  return g;
}

// The type bits of a dirent (DT_UNKNOWN: lstat decides).
uint32_t direntType(const std::string& dir, const dirent* ent) {
  switch (ent->d_type) {
    case DT_DIR: return 1u << 31;
    case DT_LNK: return 1u << 27;
    case DT_FIFO: return 1u << 25;
    case DT_SOCK: return 1u << 24;
    case DT_BLK: return 1u << 26;
    case DT_CHR: return (1u << 26) | (1u << 21);
    case DT_REG: return 0;
    default: {
      struct stat st;
      std::string p = dir + "/" + ent->d_name;
      const uint32_t typeBits = (1u << 31) | (1u << 27) | (1u << 26) | (1u << 25) | (1u << 24) | (1u << 21);
      return lstat(p.c_str(), &st) == 0 ? goModeBits(st.st_mode) & typeBits : 0;
    }
  }
}

}  // namespace

// Names (sorted) and FileMode type bits of a directory's entries, and an errno.
GOL_HOST_NATIVE(os_sysReadDir, "os.sysReadDir") {
  std::string name = cstr(call.args[0]);
  DIR* d = opendir(name.c_str());
  if (!d) {
    call.results[0] = Value();
    call.results[1] = Value();
    call.results[2] = Value::I(errno);
    return;
  }
  std::vector<std::pair<std::string, uint32_t>> ents;
  while (dirent* ent = readdir(d)) {
    if (!std::strcmp(ent->d_name, ".") || !std::strcmp(ent->d_name, "..")) continue;
    ents.emplace_back(ent->d_name, direntType(name, ent));
  }
  closedir(d);
  std::sort(ents.begin(), ents.end());  // Go's ReadDir sorts by file name
  Value *ne, *te;
  Value names = newWordSlice(int64_t(ents.size()), &ne);
  for (size_t i = 0; i < ents.size(); i++) ne[i] = str(ents[i].first);
  Value modes = newWordSlice(int64_t(ents.size()), &te);
  for (size_t i = 0; i < ents.size(); i++) te[i] = Value::U(ents[i].second);
  call.results[0] = names;
  call.results[1] = modes;
  call.results[2] = Value::I(0);
}

GOL_NATIVE(os_runtimeArgs, "os.runtimeArgs") {
  static const std::vector<std::string> none;
  const auto& args = rt::hooks().programArgs ? rt::hooks().programArgs() : none;
  Value* e;
  Value out = newWordSlice(int64_t(args.size()), &e);
  for (size_t i = 0; i < args.size(); i++) e[i] = str(args[i]);
  call.results[0] = out;
}
GOL_NATIVE(os_errnoString, "os.errnoString") { call.results[0] = str(errnoText(int(call.args[0].i))); }
GOL_HOST_NATIVE(os_sysOpen, "os.sysOpen") {
  std::string name = cstr(call.args[0]);
  int fd = ::open(name.c_str(), int(call.args[1].i) | O_CLOEXEC, mode_t(call.args[2].u));
  call.results[0] = Value::I(fd < 0 ? -1 : fd);
  call.results[1] = Value::I(fd < 0 ? errno : 0);
}
GOL_NATIVE(os_sysClose, "os.sysClose") {
  int fd = int(call.args[0].i);
  int r = fd <= 2 ? 0 : ::close(fd);
  call.results[0] = Value::I(r < 0 ? errno : 0);
}
GOL_NATIVE(os_sysWrite, "os.sysWrite") {
  std::string b = bytesToString(call.args[1]);
  int err;
  int64_t n = writeAll(int(call.args[0].i), b.data(), b.size(), &err);
  call.results[0] = Value::I(n);
  call.results[1] = Value::I(err);
}
GOL_NATIVE(os_sysWriteString, "os.sysWriteString") {
  std::string_view s = sv(call.args[1]);
  int err;
  int64_t n = writeAll(int(call.args[0].i), s.data(), s.size(), &err);
  call.results[0] = Value::I(n);
  call.results[1] = Value::I(err);
}
GOL_NATIVE(os_sysRead, "os.sysRead") {
  int fd = int(call.args[0].i);
  Value* e;
  int64_t n = sliceElems(call.args[1], &e);
  if (fd == 0 && rt::hooks().flushStdout) rt::hooks().flushStdout();
  std::string buf(size_t(n), '\0');
  ssize_t r;
  do {
    r = ::read(fd, buf.data(), size_t(n));
  } while (r < 0 && errno == EINTR);
  if (r < 0) {
    call.results[0] = Value::I(0);
    call.results[1] = Value::I(errno);
    return;
  }
  for (ssize_t i = 0; i < r; i++) rt::store(&e[i], Value::U(uint8_t(buf[size_t(i)])));
  call.results[0] = Value::I(r);
  call.results[1] = Value::I(0);
}
GOL_HOST_NATIVE(os_sysReadFile, "os.sysReadFile") {
  std::string name = cstr(call.args[0]);
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    call.results[0] = Value();
    call.results[1] = Value::I(errno);
    return;
  }
  std::string data;
  std::string chunk(65536, '\0');  // on the heap: goroutine stacks are small
  char* buf = chunk.data();
  int err = 0;
  for (;;) {
    ssize_t r = ::read(fd, buf, chunk.size());
    if (r < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    if (r == 0) break;
    data.append(buf, size_t(r));
  }
  ::close(fd);
  call.results[0] = err ? Value() : str(data);
  call.results[1] = Value::I(err);
}
GOL_HOST_NATIVE(os_sysRemove, "os.sysRemove") {
  std::string name = cstr(call.args[0]);
  int e = 0;
  if (unlink(name.c_str()) != 0) {  // as Go: unlink, then rmdir; rmdir's error unless ENOTDIR
    e = errno;
    if (rmdir(name.c_str()) == 0) e = 0;
    else if (errno != ENOTDIR) e = errno;
  }
  call.results[0] = Value::I(e);
}
GOL_HOST_NATIVE(os_sysRemoveAll, "os.sysRemoveAll") { call.results[0] = Value::I(removeAll(cstr(call.args[0]))); }
GOL_HOST_NATIVE(os_sysMkdir, "os.sysMkdir") {
  std::string name = cstr(call.args[0]);
  call.results[0] = Value::I(mkdir(name.c_str(), mode_t(call.args[1].u)) != 0 ? errno : 0);
}
GOL_HOST_NATIVE(os_sysRename, "os.sysRename") {
  std::string a = cstr(call.args[0]), b = cstr(call.args[1]);
  call.results[0] = Value::I(rename(a.c_str(), b.c_str()) != 0 ? errno : 0);
}
GOL_HOST_NATIVE(os_sysChdir, "os.sysChdir") {
  std::string d = cstr(call.args[0]);
  call.results[0] = Value::I(chdir(d.c_str()) != 0 ? errno : 0);
}
GOL_HOST_NATIVE(os_sysGetwd, "os.sysGetwd") {
  std::string b(4096, '\0');
  char* buf = b.data();
  if (!getcwd(buf, b.size())) {
    call.results[0] = Value();
    call.results[1] = Value::I(errno);
    return;
  }
  call.results[0] = str(buf);
  call.results[1] = Value::I(0);
}
GOL_HOST_NATIVE(os_sysStat, "os.sysStat") {
  std::string name = cstr(call.args[0]);
  struct stat st;
  int r = call.args[1].u ? ::stat(name.c_str(), &st) : ::lstat(name.c_str(), &st);
  if (r != 0) {
    for (int i = 0; i < 5; i++) call.results[i] = Value();
    call.results[5] = Value::I(errno);
    return;
  }
  call.results[0] = Value::I(st.st_size);
  call.results[1] = Value::U(goModeBits(st.st_mode));
  call.results[2] = Value::B(S_ISDIR(st.st_mode));
  call.results[3] = Value::I(st.st_mtim.tv_sec);
  call.results[4] = Value::I(st.st_mtim.tv_nsec);
  call.results[5] = Value::I(0);
}
GOL_HOST_NATIVE(os_Getenv, "os.Getenv") {
  std::string k = cstr(call.args[0]);
  const char* v = getenv(k.c_str());
  call.results[0] = v ? str(v) : Value();
}
GOL_HOST_NATIVE(os_LookupEnv, "os.LookupEnv") {
  std::string k = cstr(call.args[0]);
  const char* v = getenv(k.c_str());
  call.results[0] = v ? str(v) : Value();
  call.results[1] = Value::B(v != nullptr);
}
GOL_HOST_NATIVE(os_Environ, "os.Environ") {
  int64_t n = 0;
  for (char** p = environ; p && *p; p++) n++;
  Value* e;
  Value out = newWordSlice(n, &e);
  for (int64_t i = 0; i < n; i++) e[i] = str(environ[i]);
  call.results[0] = out;
}
GOL_HOST_NATIVE(os_sysSetenv, "os.sysSetenv") {
  std::string k = cstr(call.args[0]), v = cstr(call.args[1]);
  if (k.empty() || k.find('=') != std::string::npos) {
    call.results[0] = Value::I(EINVAL);
    return;
  }
  call.results[0] = Value::I(setenv(k.c_str(), v.c_str(), 1) != 0 ? errno : 0);
}
GOL_HOST_NATIVE(os_sysUnsetenv, "os.sysUnsetenv") {
  std::string k = cstr(call.args[0]);
  call.results[0] = Value::I(unsetenv(k.c_str()) != 0 ? errno : 0);
}
GOL_NATIVE(os_Exit, "os.Exit") {
  if (auto f = rt::hooks().flushStdout) f();
  else if (auto w = rt::hooks().writeStderr) w("");  // writing stderr flushes stdout first
  std::fflush(stdout);
  std::fflush(stderr);
  // An in-process run (tests, fuzzing) ends here, not the process.
  if (sched::returningFromRun()) sched::exitProgram(int(call.args[0].i));
  _exit(int(call.args[0].i));
}
GOL_NATIVE(os_Getpid, "os.Getpid") { call.results[0] = Value::I(getpid()); }
GOL_HOST_NATIVE(os_Hostname, "os.Hostname") {
  char buf[256];
  if (gethostname(buf, sizeof buf) != 0) {
    call.results[0] = Value();
    call.results[1] = rt::hooks().newError("hostname: " + errnoText(errno));
    return;
  }
  buf[255] = 0;
  call.results[0] = str(buf);
  call.results[1] = Value();
}

}  // namespace gol::native
