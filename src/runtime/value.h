// gol's value model: every Go value is ONE 64-bit word (src/DESIGN.md §5).
//
//  scalar types (bool, ints, floats)  the word itself: ints sign/zero-extended to 64 bits after
//                                     every operation on a sized type; float32 is kept as a double
//                                     that is exactly a float (rounded after every operation)
//  string                             StrObj* (immutable box; nullptr = "")
//  slice                              SliceObj* (immutable header box; nullptr = nil slice)
//  array [N]T                         ArrObj* owned by the variable/field/element that holds it
//  struct                             StructObj* owned likewise: assignment copies the fields into
//                                     a fresh object (copyValue), so value semantics hold
//  pointer to struct or array         the StructObj* / ArrObj* itself (nullptr = nil)
//  pointer to anything else           PtrObj* {address of the word, base object} (nullptr = nil)
//  map                                MapObj* (nullptr = nil map)
//  chan                               Chan* (runtime/chan.h; nullptr = nil chan)
//  func                               FuncObj* (nullptr = nil func)
//  interface                          IfaceObj* {dynamic type, value} (immutable; nullptr = nil)
//
// Multi-word things are immutable boxes behind one pointer, so a racy program can never tear a
// value: it sees either the old box or the new one. Mutable heap words are accessed with release/acquire
// atomics (load()/store() below) — plain moves on x86, and no C++ data race.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace gol {
struct Type;
}

namespace gol::rt {

union Value {
  int64_t i;
  uint64_t u;
  double f;
  void* p;
  Value() : u(0) {}
  static Value I(int64_t v) { Value x; x.i = v; return x; }
  static Value U(uint64_t v) { Value x; x.u = v; return x; }
  static Value F(double v) { Value x; x.f = v; return x; }
  static Value P(const void* v) { Value x; x.p = const_cast<void*>(v); return x; }
  static Value B(bool v) { Value x; x.u = v ? 1 : 0; return x; }
  template <class T>
  T* as() const { return static_cast<T*>(p); }
};
static_assert(sizeof(Value) == 8);

// Race-safe access to a mutable heap word. Release/acquire (still plain moves on x86): a word
// may point at a box another goroutine has just filled in, and a racy reader must see the box's
// contents, never its uninitialised memory.
inline Value load(const Value* slot) {
  Value v;
  v.u = __atomic_load_n(&slot->u, __ATOMIC_ACQUIRE);
  return v;
}
inline void store(Value* slot, Value v) { __atomic_store_n(&slot->u, v.u, __ATOMIC_RELEASE); }

// ---------------------------------------------------------------- heap objects
// Allocated only through the heap (runtime/heap.h), which owns them and will collect them.

struct StrObj {  // immutable; data points into this object's tail or into `base`'s bytes
  const char* data;
  int64_t len;
  const void* base;  // the object owning the bytes (for the collector); may be this object
  std::string_view view() const { return {data, static_cast<size_t>(len)}; }
};
inline std::string_view strView(Value v) { return v.p ? v.as<StrObj>()->view() : std::string_view(); }

struct ArrObj {  // backing store of arrays and slices; elements are words
  int64_t len;
  Value elems[];
};

struct SliceObj {  // immutable header
  ArrObj* arr;
  int64_t off;
  int64_t len;
  int64_t cap;
  Value* data() const { return arr ? arr->elems + off : nullptr; }
};

struct StructObj {
  Value fields[0];  // GNU zero-length array: ISO C++ forbids a flexible member alone in a struct
};

struct Cell {  // a boxed variable: captured by a closure or whose address is taken
  Value v;
};

// A complex64/complex128 value is one word pointing to an immutable pair (ObjKind::Bytes: no
// pointers inside); the null word is 0+0i, so zero values need no allocation. A complex64's
// parts are doubles exactly representable as floats (as a float32's word is).
struct ComplexObj {
  double re, im;
};
inline double complexReal(Value v) { return v.p ? v.as<ComplexObj>()->re : 0.0; }
inline double complexImag(Value v) { return v.p ? v.as<ComplexObj>()->im : 0.0; }

struct PtrObj {  // pointer to a word that is not a whole struct/array object
  Value* addr;
  const void* base;  // the object containing addr (for the collector)
};

struct IfaceObj {  // immutable
  const Type* type;  // dynamic type, never null
  Value v;           // for struct/array dynamic types: a private copy
};

struct FuncObj {
  const void* code;  // interp: the compiled function (opaque here)
  int32_t ncaps;
  Value caps[];      // captured cells (Cell*) or a bound receiver for method values
};

struct MapObj;  // runtime/map.h

}  // namespace gol::rt
