// Go's memory layout of types (amd64 gc): sizes, alignments, pointer-freeness, and the malloc
// size-class rounding that decides cap() after append. gol itself stores one word per value;
// these numbers only reproduce what a Go program observes (cap growth, unsafe.Sizeof).
#include <algorithm>

#include "runtime/heap_internal.h"
#include "types/type.h"

namespace gol::rt {

int64_t goAlignof(const Type* t) {
  t = t->underlying();
  switch (t->kind) {
    case Kind::Bool: case Kind::Int8: case Kind::Uint8: return 1;
    case Kind::Int16: case Kind::Uint16: return 2;
    case Kind::Int32: case Kind::Uint32: case Kind::Float32: case Kind::Complex64: return 4;
    case Kind::Array: return goAlignof(t->elem);
    case Kind::Struct: {
      int64_t a = 1;
      for (auto& f : t->fields) a = std::max(a, goAlignof(f.type));
      return a;
    }
    default: return 8;
  }
}

int64_t goSizeof(const Type* t) {
  t = t->underlying();
  switch (t->kind) {
    case Kind::Bool: case Kind::Int8: case Kind::Uint8: return 1;
    case Kind::Int16: case Kind::Uint16: return 2;
    case Kind::Int32: case Kind::Uint32: case Kind::Float32: return 4;
    case Kind::Complex128: case Kind::String: case Kind::Interface: return 16;
    case Kind::Slice: return 24;
    case Kind::Array: return t->length * goSizeof(t->elem);
    case Kind::Struct: {
      int64_t off = 0;
      for (auto& f : t->fields) {
        int64_t a = goAlignof(f.type);
        off = (off + a - 1) / a * a + goSizeof(f.type);
      }
      // Go pads a struct ending in a zero-size field so &last does not point past the object.
      if (!t->fields.empty() && off > 0 && goSizeof(t->fields.back().type) == 0) off++;
      int64_t a = goAlignof(t);
      return (off + a - 1) / a * a;
    }
    default: return 8;  // ints, floats, pointers, maps, chans, funcs, complex64
  }
}

bool goHasPointers(const Type* t) {
  t = t->underlying();
  switch (t->kind) {
    case Kind::String: case Kind::Slice: case Kind::Pointer: case Kind::Map: case Kind::Chan:
    case Kind::Func: case Kind::Interface: case Kind::UnsafePointer: return true;
    case Kind::Array: return t->length > 0 && goHasPointers(t->elem);
    case Kind::Struct:
      for (auto& f : t->fields)
        if (goHasPointers(f.type)) return true;
      return false;
    default: return false;
  }
}

int64_t goRoundupsize(int64_t bytes, bool noscan) {
  using namespace heapimpl;
  constexpr int64_t kHeader = 8, kMinForHeader = 512, kGoPage = 8192;
  if (bytes <= 0) return 0;
  if (bytes <= int64_t(kMaxSmall) - kHeader) {
    int64_t req = bytes;
    if (!noscan && req > kMinForHeader) req += kHeader;
    return int64_t(kClassSize[sizeClassOf(size_t(req))]) - (req - bytes);
  }
  return (bytes + kGoPage - 1) / kGoPage * kGoPage;
}

}  // namespace gol::rt
