// Packages implemented in C++. Each native .cpp registers its functions at static-initialisation
// time with a NativeRegistrar; gol_native is an OBJECT library so the linker keeps every one.
#pragma once
#include "runtime/native_api.h"

namespace gol::native {

// Registers `fn` under its qualified name ("fmt.Println", "strings.(*Builder).WriteString").
struct NativeRegistrar {
  NativeRegistrar(const char* name, rt::NativeFn fn) { rt::registerNative(name, fn); }
};

// Kept for the evaluator's start-up: registration already happened statically; this only makes
// sure the object files are linked in.
void registerAll();

}  // namespace gol::native

// GOL_NATIVE(fmt_Println, "fmt.Println") { ... uses `call` ... }
#define GOL_NATIVE(ident, qualified)                                              \
  static void ident(::gol::rt::NativeCall& call);                                \
  static ::gol::native::NativeRegistrar ident##_registrar(qualified, &ident);    \
  static void ident([[maybe_unused]] ::gol::rt::NativeCall& call)
