// Natives of packages slices and maps (stdlib/slices, stdlib/maps). gol has no generics: the
// gol declarations take `any`, so each native reads the dynamic slice/map type from the
// interface box and works on the element words; results of type `any` are boxed with the
// element/slice type so the checker's special-cased result types see the right dynamic value.
#include <algorithm>
#include <vector>

#include "native/native.h"
#include "native/sort_algo.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"

namespace gol::native {
namespace {

struct SliceArg {
  const Type* type = nullptr;  // the slice type
  const Type* elem = nullptr;
  Value v;                     // the slice value
  Value* e = nullptr;
  int64_t n = 0;
};

SliceArg sliceArg(Value x, const char* fn) {
  SliceArg s;
  if (!x.p) return s;
  s.type = rt::ifaceType(x);
  if (s.type->ukind() != Kind::Slice) rt::panicPlain(std::string("slices.") + fn + ": argument is not a slice");
  s.elem = s.type->underlying()->elem;
  s.v = rt::ifaceValue(x);
  s.n = sliceElems(s.v, &s.e);
  return s;
}

// The word to compare with elements for a value passed as `any`.
bool valueFor(const Type* elem, Value anyV, Value* out) {
  if (isInterface(elem)) {
    *out = anyV;
    return true;
  }
  if (!anyV.p) return false;
  const Type* t = rt::ifaceType(anyV);
  Value v = rt::ifaceValue(anyV);
  if (identical(t, elem)) {
    *out = v;
    return true;
  }
  // untyped constants arrive with their default type: convert numbers
  if (isInteger(t) && isInteger(elem)) {
    *out = v;
    return true;
  }
  if (isFloat(elem) && isInteger(t)) {
    *out = Value::F(double(v.i));
    return true;
  }
  if (isFloat(elem) && isFloat(t)) {
    *out = v;
    return true;
  }
  if (isString(elem) && isString(t)) {
    *out = v;
    return true;
  }
  return false;
}

int compareWords(const Type* t, Value a, Value b) {
  if (isString(t)) return rt::compareStrings(a, b);
  if (isFloat(t)) {
    double x = a.f, y = b.f;
    bool xn = x != x, yn = y != y;
    if (xn || yn) return xn && yn ? 0 : xn ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (isUnsigned(t)) return a.u < b.u ? -1 : a.u > b.u ? 1 : 0;
  if (isInteger(t)) return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
  rt::panicPlain("slices: elements of type " + typeString(t) + " are not ordered");
}

int callCmp(Value f, Value a, Value b) {
  Value args[2] = {a, b};
  Value r;
  rt::hooks().callFunc(f, args, 2, &r, 1);
  return r.i < 0 ? -1 : r.i > 0 ? 1 : 0;
}
bool callPred(Value f, Value a) {
  Value r;
  rt::hooks().callFunc(f, &a, 1, &r, 1);
  return r.u != 0;
}

// Sorting a copy of the words (the originals stay in the slice until written back, so the
// collector still sees them while cmp runs): Go's pdqsort for Sort and SortFunc, whose equal
// elements then end where Go's do, and a stable merge for SortStableFunc.
template <class Less>
struct WordsData {
  std::vector<Value>& v;
  Less& less;
  bool lessAt(int64_t i, int64_t j) const { return less(v[size_t(i)], v[size_t(j)]); }
  void swap(int64_t i, int64_t j) const { std::swap(v[size_t(i)], v[size_t(j)]); }
};

template <class Less>
void mergeSort(std::vector<Value>& v, Less less) {
  std::vector<Value> tmp(v.size());
  for (size_t w = 1; w < v.size(); w *= 2) {
    for (size_t lo = 0; lo < v.size(); lo += 2 * w) {
      size_t mid = std::min(lo + w, v.size()), hi = std::min(lo + 2 * w, v.size());
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
      while (i < mid) tmp[k++] = v[i++];
      while (j < hi) tmp[k++] = v[j++];
    }
    v.swap(tmp);
  }
}

template <class Less>
void sortSlice(const SliceArg& s, Less less, bool stable) {
  if (s.n < 2) return;
  std::vector<Value> v(static_cast<size_t>(s.n));
  for (int64_t i = 0; i < s.n; i++) v[size_t(i)] = rt::load(&s.e[i]);
  if (stable) mergeSort(v, less);
  else sortalgo::sortUnstable(WordsData<Less>{v, less}, s.n);
  for (int64_t i = 0; i < s.n; i++) rt::store(&s.e[i], v[size_t(i)]);
}

Value funcOf(Value anyF) { return anyF.p ? rt::ifaceValue(anyF) : Value(); }

}  // namespace

GOL_NATIVE(slices_Sort, "slices.Sort") {
  SliceArg s = sliceArg(call.args[0], "Sort");
  sortSlice(s, [&](Value a, Value b) { return compareWords(s.elem, a, b) < 0; }, false);
}
GOL_NATIVE(slices_SortFunc, "slices.SortFunc") {
  SliceArg s = sliceArg(call.args[0], "SortFunc");
  Value f = funcOf(call.args[1]);
  sortSlice(s, [&](Value a, Value b) { return callCmp(f, a, b) < 0; }, false);
}
GOL_NATIVE(slices_SortStableFunc, "slices.SortStableFunc") {
  SliceArg s = sliceArg(call.args[0], "SortStableFunc");
  Value f = funcOf(call.args[1]);
  sortSlice(s, [&](Value a, Value b) { return callCmp(f, a, b) < 0; }, true);
}
GOL_NATIVE(slices_IsSorted, "slices.IsSorted") {
  SliceArg s = sliceArg(call.args[0], "IsSorted");
  bool ok = true;
  for (int64_t i = 1; i < s.n && ok; i++) ok = compareWords(s.elem, rt::load(&s.e[i]), rt::load(&s.e[i - 1])) >= 0;
  call.results[0] = Value::B(ok);
}
GOL_NATIVE(slices_IsSortedFunc, "slices.IsSortedFunc") {
  SliceArg s = sliceArg(call.args[0], "IsSortedFunc");
  Value f = funcOf(call.args[1]);
  bool ok = true;
  for (int64_t i = 1; i < s.n && ok; i++) ok = callCmp(f, rt::load(&s.e[i]), rt::load(&s.e[i - 1])) >= 0;
  call.results[0] = Value::B(ok);
}
GOL_NATIVE(slices_BinarySearch, "slices.BinarySearch") {
  SliceArg s = sliceArg(call.args[0], "BinarySearch");
  Value t;
  int64_t lo = 0, hi = s.n;
  bool have = s.elem && valueFor(s.elem, call.args[1], &t);
  if (have) {
    while (lo < hi) {
      int64_t m = (lo + hi) / 2;
      if (compareWords(s.elem, rt::load(&s.e[m]), t) < 0) lo = m + 1;
      else hi = m;
    }
  }
  call.results[0] = Value::I(lo);
  call.results[1] = Value::B(have && lo < s.n && compareWords(s.elem, rt::load(&s.e[lo]), t) == 0);
}
GOL_NATIVE(slices_Index, "slices.Index") {
  SliceArg s = sliceArg(call.args[0], "Index");
  Value t;
  int64_t r = -1;
  if (s.elem && valueFor(s.elem, call.args[1], &t))
    for (int64_t i = 0; i < s.n; i++)
      if (rt::equalValues(s.elem, rt::load(&s.e[i]), t)) {
        r = i;
        break;
      }
  call.results[0] = Value::I(r);
}
GOL_NATIVE(slices_Contains, "slices.Contains") {
  SliceArg s = sliceArg(call.args[0], "Contains");
  Value t;
  bool r = false;
  if (s.elem && valueFor(s.elem, call.args[1], &t))
    for (int64_t i = 0; i < s.n && !r; i++) r = rt::equalValues(s.elem, rt::load(&s.e[i]), t);
  call.results[0] = Value::B(r);
}
GOL_NATIVE(slices_IndexFunc, "slices.IndexFunc") {
  SliceArg s = sliceArg(call.args[0], "IndexFunc");
  Value f = funcOf(call.args[1]);
  int64_t r = -1;
  for (int64_t i = 0; i < s.n; i++)
    if (callPred(f, rt::load(&s.e[i]))) {
      r = i;
      break;
    }
  call.results[0] = Value::I(r);
}
GOL_NATIVE(slices_ContainsFunc, "slices.ContainsFunc") {
  SliceArg s = sliceArg(call.args[0], "ContainsFunc");
  Value f = funcOf(call.args[1]);
  bool r = false;
  for (int64_t i = 0; i < s.n && !r; i++) r = callPred(f, rt::load(&s.e[i]));
  call.results[0] = Value::B(r);
}
GOL_NATIVE(slices_Equal, "slices.Equal") {
  SliceArg a = sliceArg(call.args[0], "Equal"), b = sliceArg(call.args[1], "Equal");
  bool r = a.n == b.n;
  for (int64_t i = 0; i < a.n && r; i++) r = rt::equalValues(a.elem, rt::load(&a.e[i]), rt::load(&b.e[i]));
  call.results[0] = Value::B(r);
}
GOL_NATIVE(slices_Reverse, "slices.Reverse") {
  SliceArg s = sliceArg(call.args[0], "Reverse");
  for (int64_t i = 0, j = s.n - 1; i < j; i++, j--) {
    Value a = rt::load(&s.e[i]);
    rt::store(&s.e[i], rt::load(&s.e[j]));
    rt::store(&s.e[j], a);
  }
}
static void minMax(rt::NativeCall& call, bool wantMax, const char* fn) {
  SliceArg s = sliceArg(call.args[0], fn);
  if (s.n == 0) rt::panicPlain(std::string("slices.") + fn + ": empty list");
  Value best = rt::load(&s.e[0]);
  for (int64_t i = 1; i < s.n; i++) {
    Value v = rt::load(&s.e[i]);
    if (isFloat(s.elem) && v.f != v.f) {
      best = v;
      break;
    }
    int c = compareWords(s.elem, v, best);
    if (wantMax ? c > 0 : c < 0) best = v;
  }
  call.results[0] = isInterface(s.elem) ? best : rt::boxIface(s.elem, best);
}
GOL_NATIVE(slices_Max, "slices.Max") { minMax(call, true, "Max"); }
GOL_NATIVE(slices_Min, "slices.Min") { minMax(call, false, "Min"); }
GOL_NATIVE(slices_Clone, "slices.Clone") {
  SliceArg s = sliceArg(call.args[0], "Clone");
  if (!s.type || !s.v.p) {
    call.results[0] = call.args[0];
    return;
  }
  Value out = rt::appendValues(s.type, rt::makeSlice(s.type, 0, 0), s.e, s.n);
  call.results[0] = rt::boxIface(s.type, out);
}
GOL_NATIVE(slices_Compact, "slices.Compact") {
  SliceArg s = sliceArg(call.args[0], "Compact");
  if (s.n < 2) {
    call.results[0] = call.args[0];
    return;
  }
  int64_t k = 1;
  for (int64_t i = 1; i < s.n; i++) {
    Value v = rt::load(&s.e[i]);
    if (!rt::equalValues(s.elem, v, rt::load(&s.e[k - 1]))) rt::store(&s.e[k++], v);
  }
  for (int64_t i = k; i < s.n; i++) rt::store(&s.e[i], rt::zeroValue(s.elem));
  auto* h = s.v.as<rt::SliceObj>();
  call.results[0] = rt::boxIface(s.type, rt::sliceOf(h->arr, h->off, k, h->cap));
}
GOL_NATIVE(slices_Delete, "slices.Delete") {
  SliceArg s = sliceArg(call.args[0], "Delete");
  int64_t i = call.args[1].i, j = call.args[2].i;
  if (i < 0 || j > s.n || i > j)
    rt::panicRuntimeError("slice bounds out of range [" + std::to_string(i) + ":" + std::to_string(j) + "]");
  if (i == j) {
    call.results[0] = call.args[0];
    return;
  }
  int64_t k = i;
  for (int64_t m = j; m < s.n; m++) rt::store(&s.e[k++], rt::load(&s.e[m]));
  for (int64_t m = k; m < s.n; m++) rt::store(&s.e[m], rt::zeroValue(s.elem));
  auto* h = s.v.as<rt::SliceObj>();
  call.results[0] = rt::boxIface(s.type, rt::sliceOf(h->arr, h->off, k, h->cap));
}
GOL_NATIVE(slices_Insert, "slices.Insert") {
  SliceArg s = sliceArg(call.args[0], "Insert");
  int64_t i = call.args[1].i;
  if (!s.type) rt::panicPlain("slices.Insert: nil slice of unknown type");
  if (i < 0 || i > s.n) rt::panicRuntimeError("slice bounds out of range [" + std::to_string(i) + ":" + std::to_string(s.n) + "]");
  Value* ve;
  int64_t m = sliceElems(call.args[2], &ve);
  std::vector<Value> vals(static_cast<size_t>(m));
  for (int64_t k = 0; k < m; k++) {
    Value w;
    if (!valueFor(s.elem, rt::load(&ve[k]), &w)) rt::panicPlain("slices.Insert: value of wrong type");
    vals[size_t(k)] = rt::copyValue(s.elem, w);
  }
  // One append of v... and s[i:] to s[:i], as Go's Insert: in place when cap(s) has room, else
  // into a new array grown from cap(s) — never a partial write into s's array (two appends
  // would put v over s[i:] in place and only then move to a new array).
  vals.insert(vals.end(), s.e + i, s.e + s.n);
  auto* h = s.v.as<rt::SliceObj>();
  Value head = h ? rt::sliceOf(h->arr, h->off, i, h->cap) : Value();
  Value out = rt::appendValues(s.type, head, vals.data(), int64_t(vals.size()));
  call.results[0] = rt::boxIface(s.type, out);
}

// ---------------------------------------------------------------- maps

namespace {
struct MapArg {
  const Type* type = nullptr;
  rt::MapObj* m = nullptr;
};
MapArg mapArg(Value x, const char* fn) {
  MapArg a;
  if (!x.p) return a;
  a.type = rt::ifaceType(x);
  if (a.type->ukind() != Kind::Map) rt::panicPlain(std::string("maps.") + fn + ": argument is not a map");
  a.m = rt::ifaceValue(x).as<rt::MapObj>();
  return a;
}
Value keysOrValues(Value x, bool keys) {
  MapArg a = mapArg(x, keys ? "Keys" : "Values");
  if (!a.type) return Value();
  const Type* et = keys ? a.type->underlying()->key : a.type->underlying()->elem;
  const Type* st = TypeTable::get().slice(et);
  int64_t n = rt::mapLen(a.m);
  Value out = rt::makeSlice(st, 0, n);
  if (a.m) {
    rt::MapIter it;
    rt::mapIterInit(a.m, &it);
    Value k, v;
    while (rt::mapIterNext(&it, &k, &v)) {
      Value w = rt::copyValue(et, keys ? k : v);
      out = rt::appendValues(st, out, &w, 1);
    }
  }
  return rt::boxIface(st, out);
}
}  // namespace

GOL_NATIVE(maps_Keys, "maps.Keys") { call.results[0] = keysOrValues(call.args[0], true); }
GOL_NATIVE(maps_Values, "maps.Values") { call.results[0] = keysOrValues(call.args[0], false); }
GOL_NATIVE(maps_Clone, "maps.Clone") {
  MapArg a = mapArg(call.args[0], "Clone");
  if (!a.m) {
    call.results[0] = call.args[0];
    return;
  }
  rt::MapObj* out = rt::makeMap(a.type, rt::mapLen(a.m));
  rt::MapIter it;
  rt::mapIterInit(a.m, &it);
  Value k, v;
  const Type* vt = a.type->underlying()->elem;
  while (rt::mapIterNext(&it, &k, &v)) *rt::mapSlot(out, k) = rt::copyValue(vt, v);
  call.results[0] = rt::boxIface(a.type, Value::P(out));
}
GOL_NATIVE(maps_Copy, "maps.Copy") {
  MapArg d = mapArg(call.args[0], "Copy"), s = mapArg(call.args[1], "Copy");
  if (!s.m || rt::mapLen(s.m) == 0) return;
  const Type* vt = s.type->underlying()->elem;
  rt::MapIter it;
  rt::mapIterInit(s.m, &it);
  Value k, v;
  while (rt::mapIterNext(&it, &k, &v)) *rt::mapSlot(d.m, k) = rt::copyValue(vt, v);
}
GOL_NATIVE(maps_Equal, "maps.Equal") {
  MapArg a = mapArg(call.args[0], "Equal"), b = mapArg(call.args[1], "Equal");
  bool r = rt::mapLen(a.m) == rt::mapLen(b.m);
  if (r && a.m) {
    const Type* vt = a.type->underlying()->elem;
    rt::MapIter it;
    rt::mapIterInit(a.m, &it);
    Value k, v;
    while (r && rt::mapIterNext(&it, &k, &v)) {
      bool found;
      Value w = rt::mapGet(b.m, k, &found);
      r = found && rt::equalValues(vt, v, w);
    }
  }
  call.results[0] = Value::B(r);
}
GOL_NATIVE(maps_DeleteFunc, "maps.DeleteFunc") {
  MapArg a = mapArg(call.args[0], "DeleteFunc");
  if (!a.m) return;
  Value f = funcOf(call.args[1]);
  rt::MapIter it;
  rt::mapIterInit(a.m, &it);
  Value k, v;
  while (rt::mapIterNext(&it, &k, &v)) {
    Value args[2] = {k, v}, r;
    rt::hooks().callFunc(f, args, 2, &r, 1);
    if (r.u) rt::mapDelete(a.m, k);
  }
}

}  // namespace gol::native
