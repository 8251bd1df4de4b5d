// gol run -sandbox: the flag behind native/sandbox.h.
#include "native/sandbox.h"

#include <cerrno>

namespace gol::native {
namespace {
bool gSandboxed = false;  // set once before the program starts; read-only afterwards
}

void setSandboxed(bool on) { gSandboxed = on; }
bool sandboxed() { return gSandboxed; }

bool refused(int* err) {
  if (!gSandboxed) return false;
  *err = EPERM;
  return true;
}

}  // namespace gol::native
