// Structural operations on gol values driven by their Type: zero values, deep copies of struct
// and array values (which are owned objects, value.h), Go's == and a hash consistent with it,
// and interface boxing. Pointers to non-struct/array values are PtrObj boxes compared by the
// address they hold (two boxes from two &x expressions are equal).
#include <atomic>
#include <cmath>

#include "runtime/hash.h"
#include "runtime/heap.h"
#include "types/type.h"

namespace gol::rt {

namespace {

StructObj* newStruct(size_t nfields) {
  return static_cast<StructObj*>(alloc(nfields * sizeof(Value), ObjKind::Struct));
}

bool ptrToObject(const Type* ptrType) {  // pointer represented by the object itself
  Kind k = ptrType->underlying()->elem ? ptrType->underlying()->elem->ukind() : Kind::Invalid;
  return k == Kind::Struct || k == Kind::Array;
}

const void* pointerIdentity(const Type* t, Value v) {
  if (!v.p || ptrToObject(t)) return v.p;
  return v.as<PtrObj>()->addr;
}

[[noreturn]] void uncomparable(const Type* t) { panicRuntimeError("comparing uncomparable type " + typeString(t)); }

bool isBlank(const StructField& f) { return f.name == "_"; }

// The element count of an array value, clamped to the object's real length.
int64_t arrLen(const Type* at, Value v) {
  auto* a = v.as<ArrObj>();
  return a ? std::min(at->length, a->len) : 0;
}

}  // namespace

// The structural operations accept t == nullptr (no type known, e.g. a blank `_` target) and
// treat it as a plain word.
bool needsCopy(const Type* t) {
  if (!t) return false;
  Kind k = t->ukind();
  return k == Kind::Struct || k == Kind::Array;
}

bool isComparableValueType(const Type* t) {
  t = t->underlying();
  switch (t->kind) {
    case Kind::Slice: case Kind::Map: case Kind::Func: return false;
    case Kind::Array: return isComparableValueType(t->elem);
    case Kind::Struct:
      for (auto& f : t->fields)
        if (!isComparableValueType(f.type)) return false;
      return true;
    default: return true;
  }
}

Value zeroValue(const Type* t) {
  if (!t) return Value();
  const Type* u = t->underlying();
  if (u->kind == Kind::Struct) {
    StructObj* s = newStruct(u->fields.size());
    for (size_t i = 0; i < u->fields.size(); i++)
      if (needsCopy(u->fields[i].type)) s->fields[i] = zeroValue(u->fields[i].type);
    return Value::P(s);
  }
  if (u->kind == Kind::Array) {
    ArrObj* a = newArray(u->length);
    if (needsCopy(u->elem))
      for (int64_t i = 0; i < u->length; i++) a->elems[i] = zeroValue(u->elem);
    return Value::P(a);
  }
  return Value();
}

Value copyValue(const Type* t, Value v) {
  if (!t) return v;
  const Type* u = t->underlying();
  if (u->kind != Kind::Struct && u->kind != Kind::Array) return v;
  if (!v.p) return zeroValue(t);
  if (u->kind == Kind::Struct) {
    StructObj* s = newStruct(u->fields.size());
    auto* src = v.as<StructObj>();
    for (size_t i = 0; i < u->fields.size(); i++) s->fields[i] = copyValue(u->fields[i].type, load(&src->fields[i]));
    return Value::P(s);
  }
  ArrObj* a = newArray(u->length);
  auto* src = v.as<ArrObj>();
  int64_t n = arrLen(u, v);
  bool deep = needsCopy(u->elem);
  for (int64_t i = 0; i < n; i++) a->elems[i] = deep ? copyValue(u->elem, load(&src->elems[i])) : load(&src->elems[i]);
  if (deep)
    for (int64_t i = n; i < u->length; i++) a->elems[i] = zeroValue(u->elem);
  return Value::P(a);
}

void assignInPlace(const Type* t, Value dst, Value src) {
  if (dst.p == src.p || !dst.p || !t) return;
  const Type* u = t->underlying();
  if (!src.p) src = zeroValue(t);
  // One slot of the destination: nested struct/array objects stay owned by dst and are
  // overwritten in place (so pointers into them see the new value).
  auto assignSlot = [](const Type* ft, Value* d, Value s) {
    if (!needsCopy(ft)) return store(d, s);
    Value cur = load(d);
    if (cur.p) assignInPlace(ft, cur, s);
    else store(d, copyValue(ft, s));
  };
  if (u->kind == Kind::Struct) {
    auto* d = dst.as<StructObj>();
    auto* s = src.as<StructObj>();
    for (size_t i = 0; i < u->fields.size(); i++) assignSlot(u->fields[i].type, &d->fields[i], load(&s->fields[i]));
  } else if (u->kind == Kind::Array) {
    int64_t n = std::min(arrLen(u, dst), arrLen(u, src));
    for (int64_t i = 0; i < n; i++)
      assignSlot(u->elem, &dst.as<ArrObj>()->elems[i], load(&src.as<ArrObj>()->elems[i]));
  }
}

Value makeComplex(double re, double im) {
  if (re == 0 && im == 0 && !std::signbit(re) && !std::signbit(im)) return Value();
  auto* c = static_cast<ComplexObj*>(alloc(sizeof(ComplexObj), ObjKind::Bytes));
  c->re = re;
  c->im = im;
  return Value::P(c);
}

bool equalValues(const Type* t, Value a, Value b) {
  const Type* u = t->underlying();
  switch (u->kind) {
    case Kind::Float32: case Kind::Float64: return a.f == b.f;
    case Kind::Complex64: case Kind::Complex128:
      return complexReal(a) == complexReal(b) && complexImag(a) == complexImag(b);
    case Kind::String: return equalStrings(a, b);
    case Kind::Pointer: return pointerIdentity(u, a) == pointerIdentity(u, b);
    case Kind::Slice: case Kind::Map: case Kind::Func:
      if (!a.p || !b.p) return a.p == b.p;  // comparison with nil
      uncomparable(t);
    case Kind::Interface: {
      if (!a.p || !b.p) return a.p == b.p;
      auto *x = a.as<IfaceObj>(), *y = b.as<IfaceObj>();
      if (x->type != y->type && !identical(x->type, y->type)) return false;
      if (!isComparableValueType(x->type)) uncomparable(x->type);
      return equalValues(x->type, x->v, y->v);
    }
    case Kind::Struct: {
      if (!a.p || !b.p) return a.p == b.p || equalValues(t, a.p ? a : zeroValue(t), b.p ? b : zeroValue(t));
      auto *x = a.as<StructObj>(), *y = b.as<StructObj>();
      for (size_t i = 0; i < u->fields.size(); i++) {
        if (isBlank(u->fields[i])) continue;
        if (!equalValues(u->fields[i].type, load(&x->fields[i]), load(&y->fields[i]))) return false;
      }
      return true;
    }
    case Kind::Array: {
      if (!a.p || !b.p) return a.p == b.p || equalValues(t, a.p ? a : zeroValue(t), b.p ? b : zeroValue(t));
      int64_t n = std::min(arrLen(u, a), arrLen(u, b));
      for (int64_t i = 0; i < n; i++)
        if (!equalValues(u->elem, load(&a.as<ArrObj>()->elems[i]), load(&b.as<ArrObj>()->elems[i]))) return false;
      return true;
    }
    default: return a.u == b.u;  // bools, integers, chans, unsafe pointers
  }
}

uint64_t hashValue(const Type* t, Value v, uint64_t seed) {
  const Type* u = t->underlying();
  switch (u->kind) {
    case Kind::Complex64: case Kind::Complex128: {  // the parts hashed as float64s are
      const Type* f = TypeTable::get().basic(Kind::Float64);
      return hashValue(f, Value::F(complexImag(v)), hashValue(f, Value::F(complexReal(v)), seed));
    }
    case Kind::Float32: case Kind::Float64: {
      if (v.f == 0) return hashWord(0, seed);  // +0 == -0
      if (v.f != v.f) {                        // NaN != NaN: any hash will do; spread them
        static std::atomic<uint64_t> nanCounter{0};
        return hashWord(nanCounter.fetch_add(1, std::memory_order_relaxed), seed ^ 0x9E3779B97F4A7C15ull);
      }
      return hashWord(v.u, seed);
    }
    case Kind::String: {
      std::string_view s = strView(v);
      return hashBytes(s.data(), s.size(), seed);
    }
    case Kind::Pointer: return hashWord(reinterpret_cast<uint64_t>(pointerIdentity(u, v)), seed);
    case Kind::Slice: case Kind::Map: case Kind::Func:
      panicRuntimeError("hash of unhashable type " + typeString(t));
    case Kind::Interface: {
      if (!v.p) return hashWord(0, seed ^ 0x1F);
      auto* x = v.as<IfaceObj>();
      if (!isComparableValueType(x->type)) panicRuntimeError("hash of unhashable type " + typeString(x->type));
      return hashValue(x->type, x->v, seed);
    }
    case Kind::Struct: {
      Value s = v.p ? v : zeroValue(t);
      uint64_t h = seed;
      for (size_t i = 0; i < u->fields.size(); i++)
        if (!isBlank(u->fields[i])) h = hashValue(u->fields[i].type, load(&s.as<StructObj>()->fields[i]), h);
      return hashWord(h, seed);
    }
    case Kind::Array: {
      Value a = v.p ? v : zeroValue(t);
      uint64_t h = seed;
      for (int64_t i = 0; i < arrLen(u, a); i++) h = hashValue(u->elem, load(&a.as<ArrObj>()->elems[i]), h);
      return hashWord(h, seed);
    }
    default: return hashWord(v.u, seed);
  }
}

Value boxIface(const Type* t, Value v) {
  if (t->ukind() == Kind::Interface) return v;  // already an interface value
  auto* b = static_cast<IfaceObj*>(alloc(sizeof(IfaceObj), ObjKind::Iface));
  b->type = t;
  b->v = needsCopy(t) ? copyValue(t, v) : v;
  return Value::P(b);
}

}  // namespace gol::rt
