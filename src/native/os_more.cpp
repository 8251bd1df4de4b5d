// More natives of package os (stdlib/os/fileops.gol): chmod, truncate, lseek, links and the
// process's ids. Like os.cpp's they return errno (0 on success) and leave the error value to
// the gol side. Calls that name a path go through the host gate (native/host.h).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "native/host.h"
#include "native/native.h"
#include "native/stdlib_util.h"

namespace gol::native {
namespace {

std::string path(Value v) { return std::string(sv(v)); }
int64_t errnoOf(int r) { return r != 0 ? errno : 0; }

}  // namespace

GOL_HOST_NATIVE(os_sysChmod, "os.sysChmod") {
  call.results[0] = Value::I(errnoOf(::chmod(path(call.args[0]).c_str(), mode_t(call.args[1].u))));
}
GOL_HOST_NATIVE(os_sysTruncate, "os.sysTruncate") {
  call.results[0] = Value::I(errnoOf(::truncate(path(call.args[0]).c_str(), off_t(call.args[1].i))));
}
GOL_HOST_NATIVE(os_sysSymlink, "os.sysSymlink") {
  call.results[0] = Value::I(errnoOf(::symlink(path(call.args[0]).c_str(), path(call.args[1]).c_str())));
}
GOL_HOST_NATIVE(os_sysLink, "os.sysLink") {
  call.results[0] = Value::I(errnoOf(::link(path(call.args[0]).c_str(), path(call.args[1]).c_str())));
}
GOL_HOST_NATIVE(os_sysReadlink, "os.sysReadlink") {
  std::string name = path(call.args[0]);
  // Grow the buffer until the link's text fits (readlink truncates silently).
  for (size_t size = 256;; size *= 2) {
    std::string buf(size, '\0');
    ssize_t n = ::readlink(name.c_str(), buf.data(), size);
    if (n < 0) {
      call.results[0] = Value();
      call.results[1] = Value::I(errno);
      return;
    }
    if (size_t(n) < size) {
      buf.resize(size_t(n));
      call.results[0] = str(buf);
      call.results[1] = Value::I(0);
      return;
    }
  }
}
// An open file's offset: the descriptor was already granted by the gate at open.
GOL_NATIVE(os_sysSeek, "os.sysSeek") {
  off_t r = ::lseek(int(call.args[0].i), off_t(call.args[1].i), int(call.args[2].i));
  call.results[0] = Value::I(r < 0 ? 0 : int64_t(r));
  call.results[1] = Value::I(r < 0 ? errno : 0);
}
GOL_NATIVE(os_Getppid, "os.Getppid") { call.results[0] = Value::I(getppid()); }
GOL_NATIVE(os_Getuid, "os.Getuid") { call.results[0] = Value::I(getuid()); }
GOL_NATIVE(os_Geteuid, "os.Geteuid") { call.results[0] = Value::I(geteuid()); }
GOL_NATIVE(os_Getgid, "os.Getgid") { call.results[0] = Value::I(getgid()); }
GOL_NATIVE(os_Getegid, "os.Getegid") { call.results[0] = Value::I(getegid()); }

}  // namespace gol::native
