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

// Callbacks into the evaluator, set by interp/ at start-up. Natives that take gol functions
// (sort.Slice's less, sync.Once.Do's f) or print values with String()/Error() methods use these.
struct EvalHooks {
  // Calls func value f with args (one word each) and stores its results.
  void (*callFunc)(Value f, const Value* args, int nargs, Value* results, int nresults) = nullptr;
  // Finds method `name` of dynamic type t (value receiver set for t, or pointer set when t is a
  // pointer) and returns a func value bound to receiver v, or null Value if t has no such method.
  Value (*boundMethod)(const Type* t, Value v, std::string_view name) = nullptr;
  // Writes program output (stdout, buffered and flushed as DESIGN.md §4 says) or stderr.
  void (*writeStdout)(std::string_view s) = nullptr;
  void (*writeStderr)(std::string_view s) = nullptr;
  // Builds an error value from a message (errors.New semantics) — used by natives that return error.
  Value (*newError)(std::string_view msg) = nullptr;
  // Flushes buffered program output to stdout (fmt calls it before reading standard input, so a
  // prompt appears first as with Go's unbuffered os.Stdout). Null: nothing is buffered.
  void (*flushStdout)() = nullptr;
};
EvalHooks& evalHooks();

}  // namespace gol::rt
