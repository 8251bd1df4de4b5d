// The interface between the evaluator and packages implemented in C++ (native/).
//
// Stdlib packages are gol source files (stdlib/*.gol); a function or method declared there
// without a body is implemented natively and bound by its qualified name:
//   "fmt.Println", "strings.(*Builder).WriteString", "time.Duration.String"
// A native receives its arguments one word per parameter (receiver first for methods; a variadic
// parameter arrives as one slice) and writes one word per result.
#pragma once
#include <string>
#include <string_view>

#include "runtime/hooks.h"
#include "runtime/value.h"

namespace gol::rt {

struct NativeCall {
  Value* args;
  Value* results;
  const Type* const* argTypes;  // static parameter types (receiver first)
  uint32_t pos;                 // call site position, for diagnostics
};
using NativeFn = void (*)(NativeCall& call);

// Registration (native/registry.cpp): packages register at start-up.
void registerNative(std::string qualifiedName, NativeFn fn);
NativeFn findNative(std::string_view qualifiedName);

// Callbacks into the evaluator (calling gol functions, printing, errors): runtime/hooks.h.

}  // namespace gol::rt
