// The sandbox of gol run -sandbox, which gol play runs every program under: the os natives that
// reach the file system, other processes or the host ask refused() first and then fail as the
// system call would have with EPERM ("operation not permitted"), so a program sees Go's usual
// *PathError and a student's misuse reads like any other refused call. The environment is
// emptied by the caller (gol play starts the child with none). Every native that touches files,
// processes or the host must ask here: this is the one place the refusal is decided.
#pragma once

namespace gol::native {

void setSandboxed(bool on);
bool sandboxed();

// In the sandbox: sets *err to EPERM and returns true (the caller returns its error result).
bool refused(int* err);

}  // namespace gol::native
