// The one gate in front of every native that reaches the host machine: the file system (open,
// stat, readdir, mkdir, remove, rename, chdir, getwd), processes (os/exec), the environment and
// the host name. Such natives are registered with GOL_HOST_NATIVE instead of GOL_NATIVE; before
// each call the wrapper asks the installed policy, so a mode that must not touch the host (a
// web playground) is one setHostPolicy() call. Console I/O on fds 0-2, os.Args, os.Exit and
// time are not gated.
#pragma once
#include <string_view>

#include "native/native.h"

namespace gol::native {

// Returns null to allow the call, or the message of the panic that refuses it. Null policy (the
// default): everything is allowed.
using HostPolicy = const char* (*)(std::string_view qualifiedName);
void setHostPolicy(HostPolicy p);

// Panics with the policy's message when `qualifiedName` is refused; returns otherwise.
void checkHostAccess(std::string_view qualifiedName);

}  // namespace gol::native

#define GOL_HOST_NATIVE(ident, qualified)                                          \
  static void ident(::gol::rt::NativeCall& call);                                  \
  static void ident##_gated(::gol::rt::NativeCall& call) {                         \
    ::gol::native::checkHostAccess(qualified);                                     \
    ident(call);                                                                   \
  }                                                                                \
  static ::gol::native::NativeRegistrar ident##_registrar(qualified, &ident##_gated); \
  static void ident([[maybe_unused]] ::gol::rt::NativeCall& call)
