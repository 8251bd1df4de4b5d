// Natives of package sort (stdlib/sort/sort.gol): Ints/Strings/Float64s with std::sort on the
// slice's words, and Slice/SliceStable, which sort any slice (given as `any`) in place by
// swapping its element words while calling the gol `less(i, j)` through the evaluator.
#include <algorithm>
#include <cmath>
#include <vector>

#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"

namespace gol::native {
namespace {

// Sorting by index with a gol less function (the same algorithms as sort.Sort/Stable in gol).
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

template <class D>
void insertionSort(const D& d, int64_t a, int64_t b) {
  for (int64_t i = a + 1; i < b; i++)
    for (int64_t j = i; j > a && d.lessAt(j, j - 1); j--) d.swap(j, j - 1);
}

template <class D>
void siftDown(const D& d, int64_t lo, int64_t hi, int64_t first) {
  int64_t root = lo;
  for (;;) {
    int64_t child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.lessAt(first + child, first + child + 1)) child++;
    if (!d.lessAt(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

template <class D>
void heapSort(const D& d, int64_t a, int64_t b) {
  int64_t hi = b - a;
  for (int64_t i = (hi - 1) / 2; i >= 0; i--) siftDown(d, i, hi, a);
  for (int64_t i = hi - 1; i >= 0; i--) {
    d.swap(a, a + i);
    siftDown(d, 0, i, a);
  }
}

template <class D>
void quickSort(const D& d, int64_t a, int64_t b, int depth) {
  while (b - a > 12) {
    if (depth == 0) {
      heapSort(d, a, b);
      return;
    }
    depth--;
    int64_t m = a + (b - a) / 2, c = b - 1;
    // median of three moved to a
    if (d.lessAt(m, a)) d.swap(m, a);
    if (d.lessAt(c, m)) {
      d.swap(c, m);
      if (d.lessAt(m, a)) d.swap(m, a);
    }
    d.swap(a, m);
    int64_t i = a + 1, j = b - 1;
    for (;;) {
      while (i <= j && d.lessAt(i, a)) i++;
      while (i <= j && d.lessAt(a, j)) j--;
      if (i >= j) break;
      d.swap(i, j);
      i++;
      j--;
    }
    d.swap(a, j);
    if (j - a < b - j - 1) {
      quickSort(d, a, j, depth);
      a = j + 1;
    } else {
      quickSort(d, j + 1, b, depth);
      b = j;
    }
  }
  insertionSort(d, a, b);
}

template <class D>
void swapRange(const D& d, int64_t a, int64_t b, int64_t n) {
  for (int64_t i = 0; i < n; i++) d.swap(a + i, b + i);
}

template <class D>
void rotate(const D& d, int64_t a, int64_t m, int64_t b) {
  int64_t i = m - a, j = b - m;
  while (i != j) {
    if (i > j) {
      swapRange(d, m - i, m, j);
      i -= j;
    } else {
      swapRange(d, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(d, m - i, m, i);
}

template <class D>
void symMerge(const D& d, int64_t a, int64_t m, int64_t b) {
  if (m - a == 1) {
    int64_t i = m, j = b;
    while (i < j) {
      int64_t h = int64_t(uint64_t(i + j) >> 1);
      if (d.lessAt(h, a)) i = h + 1;
      else j = h;
    }
    for (int64_t k = a; k < i - 1; k++) d.swap(k, k + 1);
    return;
  }
  if (b - m == 1) {
    int64_t i = a, j = m;
    while (i < j) {
      int64_t h = int64_t(uint64_t(i + j) >> 1);
      if (!d.lessAt(m, h)) i = h + 1;
      else j = h;
    }
    for (int64_t k = m; k > i; k--) d.swap(k, k - 1);
    return;
  }
  int64_t mid = int64_t(uint64_t(a + b) >> 1);
  int64_t n = mid + m;
  int64_t start, r;
  if (m > mid) {
    start = n - b;
    r = mid;
  } else {
    start = a;
    r = m;
  }
  int64_t p = n - 1;
  while (start < r) {
    int64_t c = int64_t(uint64_t(start + r) >> 1);
    if (!d.lessAt(p - c, c)) start = c + 1;
    else r = c;
  }
  int64_t end = n - start;
  if (start < m && m < end) rotate(d, start, m, end);
  if (a < start && start < mid) symMerge(d, a, start, mid);
  if (mid < end && end < b) symMerge(d, mid, end, b);
}

template <class D>
void stableSort(const D& d, int64_t n) {
  int64_t block = 20, a = 0, b = block;
  while (b <= n) {
    insertionSort(d, a, b);
    a = b;
    b += block;
  }
  insertionSort(d, a, n);
  while (block < n) {
    a = 0;
    b = 2 * block;
    while (b <= n) {
      symMerge(d, a, a + block, b);
      a = b;
      b += 2 * block;
    }
    if (a + block < n) symMerge(d, a, a + block, n);
    block *= 2;
  }
}

int depthFor(int64_t n) {
  int d = 0;
  for (int64_t i = n; i > 0; i >>= 1) d++;
  return 2 * d;
}

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
  sortWords<double>(
      call.args[0], [](Value v) { return v.f; }, [](double f) { return Value::F(f); },
      [](double a, double b) { return a < b || (std::isnan(a) && !std::isnan(b)); });
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
  quickSort(d, 0, n, depthFor(n));
}
GOL_NATIVE(sort_SliceStable, "sort.SliceStable") {
  Value* e;
  int64_t n = anySlice(call.args[0], &e);
  LessData d{call.args[1], e};
  stableSort(d, n);
}
GOL_NATIVE(sort_sliceLen, "sort.sliceLen") {
  Value* e;
  call.results[0] = Value::I(anySlice(call.args[0], &e));
}

}  // namespace gol::native
