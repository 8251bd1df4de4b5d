// Go's sorting algorithms over an index-based collection D (d.lessAt(i, j), d.swap(i, j)), shared
// by the natives of sort and slices. The unstable sorts are Go's pattern-defeating quicksort
// (pdqsort, Go 1.19+) step for step, so that equal elements end in the order Go leaves them:
// programs print sort.Slice results with ties. The stable sort is Go's insertion-sorted blocks of
// 20 merged with SymMerge (its result does not depend on the algorithm, but its less calls do).
#pragma once
#include <cstdint>

namespace gol::native::sortalgo {

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
      if (d.lessAt(h, a))
        i = h + 1;
      else
        j = h;
    }
    for (int64_t k = a; k < i - 1; k++) d.swap(k, k + 1);
    return;
  }
  if (b - m == 1) {
    int64_t i = a, j = m;
    while (i < j) {
      int64_t h = int64_t(uint64_t(i + j) >> 1);
      if (!d.lessAt(m, h))
        i = h + 1;
      else
        j = h;
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
    if (!d.lessAt(p - c, c))
      start = c + 1;
    else
      r = c;
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

// Go's bits.Len: the depth limit of pdqsort before it falls back to heapsort.
inline int bitLen(uint64_t n) { return n == 0 ? 0 : 64 - __builtin_clzll(n); }

enum class Hint { Unknown, Increasing, Decreasing };

template <class D>
void reverseRange(const D& d, int64_t a, int64_t b) {
  for (int64_t i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
}

// Sorts a and b (indices) by the elements there, counting the swaps the order needed.
template <class D>
void order2(const D& d, int64_t& a, int64_t& b, int& swaps) {
  if (d.lessAt(b, a)) {
    swaps++;
    int64_t t = a;
    a = b;
    b = t;
  }
}

template <class D>
int64_t median(const D& d, int64_t a, int64_t b, int64_t c, int& swaps) {
  order2(d, a, b, swaps);
  order2(d, b, c, swaps);
  order2(d, a, b, swaps);
  return b;
}

// The pivot: the median of three (of three medians of neighbours from 50 elements), with a hint
// of whether the samples were all increasing or all decreasing.
template <class D>
int64_t choosePivot(const D& d, int64_t a, int64_t b, Hint& hint) {
  const int64_t kShortestNinther = 50;
  const int kMaxSwaps = 4 * 3;
  int64_t l = b - a;
  int swaps = 0;
  int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
  if (l >= 8) {
    if (l >= kShortestNinther) {
      i = median(d, i - 1, i, i + 1, swaps);
      j = median(d, j - 1, j, j + 1, swaps);
      k = median(d, k - 1, k, k + 1, swaps);
    }
    j = median(d, i, j, k, swaps);
  }
  hint = swaps == 0 ? Hint::Increasing : swaps == kMaxSwaps ? Hint::Decreasing : Hint::Unknown;
  return j;
}

// Tries to finish an almost sorted range by shifting at most 5 out-of-order elements into place.
template <class D>
bool partialInsertionSort(const D& d, int64_t a, int64_t b) {
  const int kMaxSteps = 5;
  const int64_t kShortestShifting = 50;
  int64_t i = a + 1;
  for (int step = 0; step < kMaxSteps; step++) {
    while (i < b && !d.lessAt(i, i - 1)) i++;
    if (i == b) return true;
    if (b - a < kShortestShifting) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) {
      for (int64_t j = i - 1; j >= 1; j--) {
        if (!d.lessAt(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (int64_t j = i + 1; j < b; j++) {
        if (!d.lessAt(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
  }
  return false;
}

// Swaps three elements around the middle with pseudo-random ones (xorshift seeded by the length).
template <class D>
void breakPatterns(const D& d, int64_t a, int64_t b) {
  int64_t length = b - a;
  if (length < 8) return;
  uint64_t random = uint64_t(length);
  uint64_t modulus = uint64_t(1) << bitLen(uint64_t(length));
  for (int64_t idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
    random ^= random << 13;
    random ^= random >> 17;
    random ^= random << 5;
    int64_t other = int64_t(random & (modulus - 1));
    if (other >= length) other -= length;
    d.swap(idx, a + other);
  }
}

// Partitions [a, b) around the element at pivot; returns its final index and whether nothing
// had to move.
template <class D>
int64_t partition(const D& d, int64_t a, int64_t b, int64_t pivot, bool& alreadyPartitioned) {
  d.swap(a, pivot);
  int64_t i = a + 1, j = b - 1;
  while (i <= j && d.lessAt(i, a)) i++;
  while (i <= j && !d.lessAt(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    alreadyPartitioned = true;
    return j;
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.lessAt(i, a)) i++;
    while (i <= j && !d.lessAt(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  alreadyPartitioned = false;
  return j;
}

// Moves the elements equal to the pivot (none is less: the range follows an equal element) to
// the front; returns where the greater ones start.
template <class D>
int64_t partitionEqual(const D& d, int64_t a, int64_t b, int64_t pivot) {
  d.swap(a, pivot);
  int64_t i = a + 1, j = b - 1;
  for (;;) {
    while (i <= j && !d.lessAt(a, i)) i++;
    while (i <= j && d.lessAt(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

template <class D>
void pdqsort(const D& d, int64_t a, int64_t b, int limit) {
  const int64_t kMaxInsertion = 12;
  bool wasBalanced = true, wasPartitioned = true;
  for (;;) {
    int64_t length = b - a;
    if (length <= kMaxInsertion) {
      insertionSort(d, a, b);
      return;
    }
    if (limit == 0) {
      heapSort(d, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    Hint hint;
    int64_t pivot = choosePivot(d, a, b, hint);
    if (hint == Hint::Decreasing) {
      reverseRange(d, a, b);
      pivot = (b - 1) - (pivot - a);
      hint = Hint::Increasing;
    }
    if (wasBalanced && wasPartitioned && hint == Hint::Increasing && partialInsertionSort(d, a, b)) return;
    if (a > 0 && !d.lessAt(a - 1, pivot)) {  // the pivot equals the element before the range
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    bool alreadyPartitioned;
    int64_t mid = partition(d, a, b, pivot, alreadyPartitioned);
    wasPartitioned = alreadyPartitioned;
    int64_t leftLen = mid - a, rightLen = b - mid, balanceThreshold = length / 8;
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

// Go's sort.Sort / sort.Slice / slices.SortFunc entry: pdqsort with the depth limit bits.Len(n).
template <class D>
void sortUnstable(const D& d, int64_t n) {
  pdqsort(d, 0, n, bitLen(uint64_t(n)));
}

}  // namespace gol::native::sortalgo
