// Natives of package sort (stdlib/sort/sort.gol): Ints/Strings/Float64s on the slice's words, and
// Slice/SliceStable, which sort any slice (given as `any`) in place by swapping its element words
// while calling the gol `less(i, j)` through the evaluator. The algorithms are Go's
// (sort_algo.h), so that equal elements end where Go puts them; Ints and Strings use std::sort,
// as their equal elements cannot be told apart.
#include <algorithm>
#include <cmath>
#include <vector>

#include "native/native.h"
#include "native/sort_algo.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"

namespace gol::native {
namespace {

// Sorting by index with a gol less function.
struct LessData {
  Value less;
  Value* e;
  bool lessAt(int64_t i, int64_t j) const {
    Value args[2] = {Value::I(i), Value::I(j)};
    Value r;
    rt::hooks().callFunc(less, args, 2, &r, 1);
    return r.u != 0;
  }
  void swap(int64_t i, int64_t j) const {
    Value a = rt::load(&e[i]), b = rt::load(&e[j]);
    rt::store(&e[i], b);
    rt::store(&e[j], a);
  }
};

// Sorting a vector of words by a C++ less function.
template <class T, class Less>
struct VecData {
  std::vector<T>& v;
  Less less;
  bool lessAt(int64_t i, int64_t j) const { return less(v[size_t(i)], v[size_t(j)]); }
  void swap(int64_t i, int64_t j) const { std::swap(v[size_t(i)], v[size_t(j)]); }
};

// The slice inside an `any` argument.
int64_t anySlice(Value x, Value** e) {
  if (!x.p) rt::panicPlain("reflect: call of Swapper on zero Value");
  const Type* t = rt::ifaceType(x);
  if (t->ukind() != Kind::Slice)
    rt::panicPlain("reflect: call of Swapper on " + typeString(t) + " Value");
  return sliceElems(rt::ifaceValue(x), e);
}

template <class T, class Get, class Put, class Less>
void sortWords(Value s, Get get, Put put, Less less) {
  Value* e;
  int64_t n = sliceElems(s, &e);
  if (n < 2) return;
  std::vector<T> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) v[size_t(i)] = get(rt::load(&e[i]));
  std::sort(v.begin(), v.end(), less);
  for (int64_t i = 0; i < n; i++) rt::store(&e[i], put(v[size_t(i)]));
}

}  // namespace

GOL_NATIVE(sort_Ints, "sort.Ints") {
  sortWords<int64_t>(
      call.args[0], [](Value v) { return v.i; }, [](int64_t i) { return Value::I(i); },
      [](int64_t a, int64_t b) { return a < b; });
}
GOL_NATIVE(sort_Float64s, "sort.Float64s") {
  // Go's pdqsort: -0 and 0 (and NaNs) are equal but print differently.
  Value* e;
  int64_t n = sliceElems(call.args[0], &e);
  if (n < 2) return;
  std::vector<double> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) v[size_t(i)] = rt::load(&e[i]).f;
  auto less = [](double a, double b) { return a < b || (std::isnan(a) && !std::isnan(b)); };
  sortalgo::sortUnstable(VecData<double, decltype(less)>{v, less}, n);
  for (int64_t i = 0; i < n; i++) rt::store(&e[i], Value::F(v[size_t(i)]));
}
GOL_NATIVE(sort_Strings, "sort.Strings") {
  // Sort the StrObj pointers by their bytes (the Values stay alive in the slice meanwhile).
  Value* e;
  int64_t n = sliceElems(call.args[0], &e);
  if (n < 2) return;
  std::vector<Value> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) v[size_t(i)] = rt::load(&e[i]);
  std::sort(v.begin(), v.end(), [](Value a, Value b) { return sv(a) < sv(b); });
  for (int64_t i = 0; i < n; i++) rt::store(&e[i], v[size_t(i)]);
}
GOL_NATIVE(sort_Slice, "sort.Slice") {
  Value* e;
  int64_t n = anySlice(call.args[0], &e);
  LessData d{call.args[1], e};
  sortalgo::sortUnstable(d, n);
}
GOL_NATIVE(sort_SliceStable, "sort.SliceStable") {
  Value* e;
  int64_t n = anySlice(call.args[0], &e);
  LessData d{call.args[1], e};
  sortalgo::stableSort(d, n);
}
GOL_NATIVE(sort_sliceLen, "sort.sliceLen") {
  Value* e;
  call.results[0] = Value::I(anySlice(call.args[0], &e));
}

}  // namespace gol::native
