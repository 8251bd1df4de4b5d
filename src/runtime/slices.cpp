// Slices and arrays: ArrObj backing stores (one word per element) and immutable SliceObj headers.
// append follows Go 1.22's growslice exactly as far as a program can observe (cap()): the
// nextslicecap rule, then rounding the byte size — in Go's element layout, not our words — up to
// Go's malloc size class. Struct/array elements are owned objects: growth deep-copies them into
// the new array (the old array keeps its own), writes into existing elements assign in place so
// pointers to elements (&s[i]) observe them, as in Go.
#include <algorithm>
#include <vector>

#include "runtime/heap.h"
#include "types/type.h"

namespace gol::rt {

namespace {

const Type* elemOf(const Type* sliceType) { return sliceType->underlying()->elem; }

// Fresh zero values in elems [from, to) for struct/array element types (others are zero words).
void fillZero(ArrObj* a, int64_t from, int64_t to, const Type* et) {
  if (!needsCopy(et)) return;
  for (int64_t i = from; i < to; i++) store(&a->elems[i], zeroValue(et));
}

// Element store with value semantics: slot = v.
void storeElem(const Type* et, bool deep, Value* slot, Value v) {
  if (!deep) {
    store(slot, v);
    return;
  }
  Value cur = load(slot);
  if (cur.p == v.p) return;
  if (cur.p) assignInPlace(et, cur, v);
  else store(slot, copyValue(et, v));
}

// Go 1.22 runtime.nextslicecap.
int64_t nextCap(int64_t need, int64_t oldCap) {
  int64_t dbl = oldCap + oldCap;
  if (need > dbl) return need;
  if (oldCap < 256) return dbl;
  int64_t c = oldCap;
  do c += (c + 3 * 256) >> 2;
  while (c < need);
  return c;
}

// The capacity Go's growslice ends with, after size-class rounding.
int64_t grownCap(int64_t need, int64_t oldCap, const Type* et) {
  int64_t c = nextCap(need, oldCap);
  int64_t size = goSizeof(et);
  if (size == 0) return need;
  if (c > (int64_t(1) << 40) / std::max<int64_t>(size, 8)) panicRuntimeError("growslice: len out of range");
  return goRoundupsize(c * size, !goHasPointers(et)) / size;
}

struct SliceParts {
  ArrObj* arr = nullptr;
  int64_t off = 0, len = 0, cap = 0;
};
// A slice's fields, clamped against the backing array's real size (a racy or buggy header can
// never make us index outside the object).
SliceParts partsOf(Value s) {
  SliceParts p;
  auto* h = s.as<SliceObj>();
  if (!h || !h->arr) return p;
  int64_t n = h->arr->len;
  p.arr = h->arr;
  p.off = std::clamp<int64_t>(h->off, 0, n);
  p.cap = std::clamp<int64_t>(h->cap, 0, n - p.off);
  p.len = std::clamp<int64_t>(h->len, 0, p.cap);
  return p;
}

}  // namespace

ArrObj* newArray(int64_t len) {
  if (len < 0 || len > (int64_t(1) << 40)) panicRuntimeError("makeslice: len out of range");
  auto* a = static_cast<ArrObj*>(alloc(sizeof(ArrObj) + size_t(len) * sizeof(Value), ObjKind::Arr));
  a->len = len;
  return a;
}

Value sliceOf(ArrObj* arr, int64_t off, int64_t len, int64_t cap) {
  auto* h = static_cast<SliceObj*>(alloc(sizeof(SliceObj), ObjKind::Slice));
  h->arr = arr;
  h->off = off;
  h->len = len;
  h->cap = cap;
  return Value::P(h);
}

Value makeSlice(const Type* sliceType, int64_t len, int64_t cap) {
  if (len < 0) panicRuntimeError("makeslice: len out of range");
  if (cap < len) panicRuntimeError("makeslice: cap out of range");
  ArrObj* a = newArray(cap);
  fillZero(a, 0, cap, elemOf(sliceType));
  return sliceOf(a, 0, len, cap);
}

Value appendValues(const Type* sliceType, Value s, const Value* vals, int64_t n) {
  if (n <= 0) return s;
  const Type* et = elemOf(sliceType);
  bool deep = needsCopy(et);
  SliceParts p = partsOf(s);
  int64_t need = p.len + n;
  // vals may alias the destination (append(s[:1], s...)): copy them first, as memmove would.
  std::vector<Value> tmp;
  if (p.arr && vals + n > p.arr->elems && vals < p.arr->elems + p.arr->len) {
    tmp.resize(size_t(n));
    for (int64_t i = 0; i < n; i++) tmp[size_t(i)] = deep ? copyValue(et, load(&vals[i])) : load(&vals[i]);
    vals = tmp.data();
  }
  if (need <= p.cap) {
    for (int64_t i = 0; i < n; i++) storeElem(et, deep, &p.arr->elems[p.off + p.len + i], load(&vals[i]));
    return sliceOf(p.arr, p.off, need, p.cap);
  }
  int64_t cap = grownCap(need, p.cap, et);
  ArrObj* a = newArray(cap);
  for (int64_t i = 0; i < p.len; i++) {
    Value v = load(&p.arr->elems[p.off + i]);
    a->elems[i] = deep ? copyValue(et, v) : v;
  }
  for (int64_t i = 0; i < n; i++) a->elems[p.len + i] = deep ? copyValue(et, load(&vals[i])) : load(&vals[i]);
  fillZero(a, need, cap, et);
  return sliceOf(a, 0, need, cap);
}

int64_t copySlice(Value dst, Value src) { return copySlice(nullptr, dst, src); }

int64_t copySlice(const Type* sliceType, Value dst, Value src) {
  SliceParts d = partsOf(dst), s = partsOf(src);
  int64_t n = std::min(d.len, s.len);
  if (n == 0) return 0;
  const Type* et = sliceType ? elemOf(sliceType) : nullptr;
  bool deep = et && needsCopy(et);
  Value* to = d.arr->elems + d.off;
  const Value* from = s.arr->elems + s.off;
  if (to == from) return n;
  // memmove semantics, word by word (relaxed atomics: racy programs stay data-race free in C++).
  if (to < from) {
    for (int64_t i = 0; i < n; i++) storeElem(et, deep, &to[i], load(&from[i]));
  } else {
    for (int64_t i = n - 1; i >= 0; i--) storeElem(et, deep, &to[i], load(&from[i]));
  }
  return n;
}

int64_t copyFromString(Value dst, Value str) {
  SliceParts d = partsOf(dst);
  std::string_view s = strView(str);
  int64_t n = std::min<int64_t>(d.len, int64_t(s.size()));
  for (int64_t i = 0; i < n; i++) store(&d.arr->elems[d.off + i], Value::U(uint8_t(s[size_t(i)])));
  return n;
}

}  // namespace gol::rt
