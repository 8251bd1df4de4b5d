// Unit tests of the value runtime (src/runtime): strings, slices and Go's cap() growth, maps,
// equality/hash, the heap and its collector. Types are built by hand (Type is a plain struct).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <memory>

#include "runtime/heap.h"
#include "sched/sched.h"
#include "runtime/map.h"
#include "runtime/object.h"
#include "types/type.h"

using namespace gol;
using namespace gol::rt;

namespace {

Type* mk(Kind k) {
  static std::vector<std::unique_ptr<Type>> arena;  // test types live until exit
  arena.push_back(std::make_unique<Type>());
  arena.back()->kind = k;
  return arena.back().get();
}
const Type* tInt = mk(Kind::Int);
const Type* tByte = mk(Kind::Uint8);
const Type* tRune = mk(Kind::Int32);
const Type* tF64 = mk(Kind::Float64);
const Type* tStr = mk(Kind::String);
const Type* tBool = mk(Kind::Bool);
Type* mkSlice(const Type* e) {
  Type* t = mk(Kind::Slice);
  t->elem = e;
  return t;
}
Type* mkArray(const Type* e, int64_t n) {
  Type* t = mk(Kind::Array);
  t->elem = e;
  t->length = n;
  return t;
}
Type* mkMap(const Type* k, const Type* v) {
  Type* t = mk(Kind::Map);
  t->key = k;
  t->elem = v;
  return t;
}
Type* mkStruct(std::vector<std::pair<std::string, const Type*>> fs) {
  Type* t = mk(Kind::Struct);
  for (auto& [n, ft] : fs) {
    StructField f;
    f.name = n;
    f.type = ft;
    t->fields.push_back(f);
  }
  return t;
}
Type* mkNamed(const std::string& name, const Type* u) {
  Type* t = mk(Kind::Named);
  t->name = name;
  t->pkg = "main";
  t->underlying_ = u;
  return t;
}
const Type* tAny = mk(Kind::Interface);

struct PanicError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
void throwPanic(const std::string& m) { throw PanicError(m); }
// Runtime panics become PanicError here. Installed per test case: other test files (the
// evaluator's) install hooks of their own, and test order is not fixed.
struct ThrowingHooks {
  Hooks saved = hooks();
  ThrowingHooks() {
    hooks().panicRuntimeError = throwPanic;
    hooks().panicPlain = throwPanic;
  }
  ~ThrowingHooks() { hooks() = saved; }
};

std::string str(Value v) { return std::string(strView(v)); }
Value S(const char* s) { return makeString(s); }
int64_t len(Value s) { return s.p ? s.as<SliceObj>()->len : 0; }
int64_t cap(Value s) { return s.p ? s.as<SliceObj>()->cap : 0; }
Value at(Value s, int64_t i) { return s.as<SliceObj>()->data()[i]; }

// Go's own output for an acceptance program. The corpus lives beside the project (../shared),
// which a plain clone does not have: then the comparison is skipped, and says so. When the
// corpus is there, a missing file is a failure, not a skip.
std::string readAcceptance(const std::string& name) {
  std::string dir = GOL_ACCEPTANCE_DIR;
  std::ifstream probe(dir + "/run");
  if (!probe) {
    MESSAGE("acceptance corpus not found at " << dir << ": comparison with Go's output skipped");
    return "";
  }
  std::ifstream in(dir + "/types/" + name);
  REQUIRE_MESSAGE(in.good(), "acceptance file missing: " << dir << "/types/" << name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("strings: substring shares bytes, concat copies, comparisons") {
  Value s = S("hello, world");
  Value sub = substring(s, 7, 12);
  CHECK(str(sub) == "world");
  CHECK(sub.as<StrObj>()->data == s.as<StrObj>()->data + 7);
  CHECK(sub.as<StrObj>()->base == s.as<StrObj>()->base);
  CHECK(substring(s, 3, 3).p == nullptr);
  CHECK(substring(s, 0, 12).p == s.p);
  Value c = concat(sub, S("!"));
  CHECK(str(c) == "world!");
  CHECK(concat(Value(), sub).p == sub.p);
  CHECK(compareStrings(S("abc"), S("abd")) < 0);
  CHECK(compareStrings(S("ab"), S("abc")) < 0);
  CHECK(compareStrings(Value(), S("")) == 0);
  CHECK(equalStrings(sub, S("world")));
  CHECK_FALSE(equalStrings(sub, S("worle")));
}

TEST_CASE("strings: runes and UTF-8 per Go") {
  CHECK(str(stringFromRune(65)) == "A");
  CHECK(str(stringFromRune(0x4E16)) == "\u4E16");
  CHECK(str(stringFromRune(-1)) == "\uFFFD");
  CHECK(str(stringFromRune(0xD800)) == "\uFFFD");
  CHECK(str(stringFromRune(0x110000)) == "\uFFFD");
  int w;
  CHECK(decodeRune("\xE4\xB8\x96", 0, &w) == 0x4E16);
  CHECK(w == 3);
  CHECK(decodeRune("\xFF", 0, &w) == 0xFFFD);
  CHECK(w == 1);
  CHECK(decodeRune("\xE4\xB8", 0, &w) == 0xFFFD);  // truncated
  CHECK(w == 1);
  CHECK(decodeRune("\xED\xA0\x80", 0, &w) == 0xFFFD);  // surrogate
  CHECK(w == 1);
  CHECK(decodeRune("\xC0\x80", 0, &w) == 0xFFFD);  // overlong
  CHECK(decodeRune("\xF0\x9F\x98\x80", 0, &w) == 0x1F600);
  CHECK(w == 4);
  CHECK(decodeRune("", 0, &w) == 0xFFFD);
  CHECK(w == 0);
  std::string out;
  appendRune(out, 0xDFFF);
  CHECK(out == "\uFFFD");
}

TEST_CASE("strings: []byte and []rune conversions") {
  Value b = bytesFromString(S("h\xC3\xA9llo"));
  CHECK(len(b) == 6);
  CHECK(cap(b) == 8);  // Go's rawbyteslice rounds to the size class
  CHECK(at(b, 1).u == 0xC3);
  CHECK(str(stringFromBytes(b)) == "h\xC3\xA9llo");
  Value r = runesFromString(S("h\xC3\xA9\xFFo"));
  CHECK(len(r) == 4);
  CHECK(at(r, 1).i == 0xE9);
  CHECK(at(r, 2).i == 0xFFFD);
  CHECK(str(stringFromRunes(r)) == "h\xC3\xA9\xEF\xBF\xBDo");
  Value e = bytesFromString(Value());
  CHECK(e.p != nullptr);  // []byte("") is empty, not nil
  CHECK(len(e) == 0);
  Value dst = makeSlice(mkSlice(tByte), 3, 3);
  CHECK(copyFromString(dst, S("abcdef")) == 3);
  CHECK(str(stringFromBytes(dst)) == "abc");
}

namespace {
// Runs the acceptance program's loop: print (len, cap) whenever cap changes.
std::string growthTrace(const Type* elem, Value v, int n, const char* prefix) {
  const Type* st = mkSlice(elem);
  Value s;
  int64_t last = -1;
  std::string out;
  for (int i = 0; i < n; i++) {
    s = appendValues(st, s, &v, 1);
    if (cap(s) != last) {
      out += prefix + std::to_string(len(s)) + " " + std::to_string(cap(s)) + "\n";
      last = cap(s);
    }
  }
  return out;
}
}  // namespace

TEST_CASE("slices: capacity growth matches Go (acceptance outputs)") {
  std::string ints = growthTrace(tInt, Value::I(1), 2000, "");
  std::string expect = readAcceptance("slice_capacity_growth.out");
  if (!expect.empty()) CHECK(ints == expect);
  CHECK(ints.find("513 848\n") != std::string::npos);
  std::string bs = growthTrace(tByte, Value::U('x'), 100, "bytes ") + growthTrace(tStr, S("s"), 20, "strings ");
  expect = readAcceptance("slice_capacity_growth_bytes_strings.out");
  if (!expect.empty()) CHECK(bs == expect);
  CHECK(bs.rfind("bytes 1 8\n", 0) == 0);
}

TEST_CASE("slices: append many at once (acceptance slice_append_many_capacity)") {
  const Type* si = mkSlice(tInt);
  Value v[9] = {Value::I(1), Value::I(2), Value::I(3), Value::I(4), Value::I(5)};
  std::string out;
  auto line = [&](Value s) { out += std::to_string(len(s)) + " " + std::to_string(cap(s)) + "\n"; };
  line(appendValues(si, Value(), v, 3));
  line(appendValues(si, Value(), v, 5));
  line(appendValues(si, appendValues(si, Value(), v, 2), v + 2, 3));  // []int{1,2}: cap 2
  Value nine[9] = {};
  line(appendValues(si, makeSlice(si, 0, 4), nine, 9));
  Value hello = bytesFromString(S("hello"));
  Value world = bytesFromString(S(" world"));
  Value e = appendValues(mkSlice(tByte), hello, world.as<SliceObj>()->data(), 6);
  out += str(stringFromBytes(e)) + " " + std::to_string(len(e)) + " " + std::to_string(cap(e)) + "\n";
  line(appendValues(si, makeSlice(si, 5, 5), v, 1));
  std::string expect = readAcceptance("slice_append_many_capacity.out");
  if (!expect.empty()) CHECK(out == expect);
  CHECK(out == "3 3\n5 6\n5 6\n9 10\n" "hello world 11 16\n6 10\n");
}

TEST_CASE("slices: Go 1.22 malloc headers for pointerful elements over 512 bytes") {
  // []*int growing from 64 to 128 elements: 1024 bytes + 8-byte header -> class 1152 -> 143.
  Type* pi = mk(Kind::Pointer);
  pi->elem = tInt;
  Value zeros[64] = {};
  Value s = appendValues(mkSlice(pi), Value(), zeros, 64);
  CHECK(cap(s) == 64);
  s = appendValues(mkSlice(pi), s, zeros, 1);
  CHECK(cap(s) == 143);
  CHECK(goRoundupsize(40000, true) == 40960);
}

TEST_CASE("slices: aliasing within capacity, copy with overlap") {
  const Type* si = mkSlice(tInt);
  Value s = makeSlice(si, 3, 10);
  for (int i = 0; i < 3; i++) s.as<SliceObj>()->data()[i] = Value::I(i + 1);
  Value x = Value::I(99);
  Value a = appendValues(si, s, &x, 1);
  Value y = Value::I(77);
  Value b = appendValues(si, s, &y, 1);
  CHECK(at(a, 3).i == 77);  // shared backing array, as in Go
  CHECK(at(b, 3).i == 77);
  // append(s[:1], s...) with enough capacity behaves like memmove
  Value head = sliceOf(s.as<SliceObj>()->arr, 0, 1, 10);
  Value r = appendValues(si, head, s.as<SliceObj>()->data(), 3);
  CHECK(at(r, 1).i == 1);
  CHECK(at(r, 2).i == 2);
  CHECK(at(r, 3).i == 3);
  // copy(s[1:], s) overlapping forwards
  Value t = makeSlice(si, 5, 5);
  for (int i = 0; i < 5; i++) t.as<SliceObj>()->data()[i] = Value::I(i);
  Value t1 = sliceOf(t.as<SliceObj>()->arr, 1, 4, 4);
  CHECK(copySlice(t1, t) == 4);
  for (int i = 0; i < 5; i++) CHECK(at(t, i).i == (i == 0 ? 0 : i - 1));
}

TEST_CASE("slices and values: struct elements are owned copies") {
  const Type* pt = mkStruct({{"X", tInt}, {"Y", tInt}});
  const Type* sp = mkSlice(pt);
  Value s = makeSlice(sp, 1, 1);
  CHECK(at(s, 0).p != nullptr);
  Value elem0 = at(s, 0);
  Value v = zeroValue(pt);
  v.as<StructObj>()->fields[0] = Value::I(5);
  Value grown = appendValues(sp, s, &v, 1);
  v.as<StructObj>()->fields[0] = Value::I(6);  // the appended copy is independent
  CHECK(at(grown, 1).as<StructObj>()->fields[0].i == 5);
  CHECK(at(grown, 0).p != elem0.p);  // growth copied elements: old array keeps its own
  // copy assigns in place: a pointer to dst[0] sees the new value
  Value dst = makeSlice(sp, 1, 1);
  Value p0 = at(dst, 0);
  copySlice(sp, dst, sliceOf(grown.as<SliceObj>()->arr, 1, 1, 1));
  CHECK(at(dst, 0).p == p0.p);
  CHECK(p0.as<StructObj>()->fields[0].i == 5);
}

TEST_CASE("values: zero, copy, assignInPlace of nested structs and arrays") {
  const Type* inner = mkStruct({{"A", tInt}});
  const Type* arr = mkArray(inner, 2);
  const Type* outer = mkStruct({{"In", inner}, {"Arr", arr}, {"S", tStr}});
  Value o = zeroValue(outer);
  auto* os = o.as<StructObj>();
  CHECK(os->fields[0].p != nullptr);
  CHECK(os->fields[1].as<ArrObj>()->len == 2);
  os->fields[0].as<StructObj>()->fields[0] = Value::I(3);
  os->fields[1].as<ArrObj>()->elems[1].as<StructObj>()->fields[0] = Value::I(4);
  os->fields[2] = S("x");
  Value c = copyValue(outer, o);
  CHECK(c.as<StructObj>()->fields[0].p != os->fields[0].p);
  CHECK(equalValues(outer, o, c));
  c.as<StructObj>()->fields[1].as<ArrObj>()->elems[1].as<StructObj>()->fields[0] = Value::I(5);
  CHECK_FALSE(equalValues(outer, o, c));
  Value innerPtr = os->fields[0];
  assignInPlace(outer, o, c);
  CHECK(os->fields[0].p == innerPtr.p);  // nested objects stay owned by the destination
  CHECK(equalValues(outer, o, c));
  CHECK(hashValue(outer, o, 1) == hashValue(outer, c, 1));
}

TEST_CASE("values: equality and hashing") {
  ThrowingHooks throwing;
  CHECK_FALSE(equalValues(tF64, Value::F(NAN), Value::F(NAN)));
  CHECK(equalValues(tF64, Value::F(0.0), Value::F(-0.0)));
  CHECK(hashValue(tF64, Value::F(0.0), 7) == hashValue(tF64, Value::F(-0.0), 7));
  CHECK(hashValue(tF64, Value::F(NAN), 7) != hashValue(tF64, Value::F(NAN), 7));
  CHECK(hashValue(tStr, S("abc"), 3) == hashValue(tStr, substring(S("xabc"), 1, 4), 3));
  const Type* myInt = mkNamed("MyInt", tInt);
  Value a = boxIface(tInt, Value::I(1)), b = boxIface(tInt, Value::I(1)), c = boxIface(myInt, Value::I(1));
  CHECK(equalValues(tAny, a, b));
  CHECK_FALSE(equalValues(tAny, a, c));  // different dynamic types
  CHECK_FALSE(equalValues(tAny, a, Value()));
  CHECK(equalValues(tAny, Value(), Value()));
  CHECK(hashValue(tAny, a, 9) == hashValue(tAny, b, 9));
  const Type* si = mkSlice(tInt);
  Value x = boxIface(si, makeSlice(si, 1, 1)), y = boxIface(si, makeSlice(si, 1, 1));
  CHECK_THROWS_WITH_AS(equalValues(tAny, x, y), "comparing uncomparable type []int", PanicError);
  CHECK_FALSE(equalValues(tAny, x, a));  // different types: false, no panic
  CHECK_THROWS_AS(hashValue(tAny, x, 1), PanicError);
  // boxing copies struct values
  const Type* pt = mkStruct({{"X", tInt}});
  Value p = zeroValue(pt);
  Value boxed = boxIface(pt, p);
  p.as<StructObj>()->fields[0] = Value::I(8);
  CHECK(ifaceValue(boxed).as<StructObj>()->fields[0].i == 0);
  // pointers to non-struct words compare by address
  Type* pint = mk(Kind::Pointer);
  pint->elem = tInt;
  Cell cell;
  PtrObj p1{&cell.v, &cell}, p2{&cell.v, &cell};
  CHECK(equalValues(pint, Value::P(&p1), Value::P(&p2)));
  CHECK(hashValue(pint, Value::P(&p1), 4) == hashValue(pint, Value::P(&p2), 4));
  // blank struct fields are ignored
  const Type* blank = mkStruct({{"_", tInt}, {"A", tInt}});
  Value s1 = zeroValue(blank), s2 = zeroValue(blank);
  s1.as<StructObj>()->fields[0] = Value::I(1);
  CHECK(equalValues(blank, s1, s2));
}

TEST_CASE("maps: basic operations with 100k int keys") {
  ThrowingHooks throwing;
  const Type* mt = mkMap(tInt, tInt);
  MapObj* m = makeMap(mt, 0);
  for (int i = 0; i < 100000; i++) store(mapSlot(m, Value::I(i * 7)), Value::I(i));
  CHECK(mapLen(m) == 100000);
  bool found;
  CHECK(mapGet(m, Value::I(700), &found).i == 100);
  CHECK(found);
  mapGet(m, Value::I(701), &found);
  CHECK_FALSE(found);
  for (int i = 0; i < 100000; i += 2) mapDelete(m, Value::I(i * 7));
  CHECK(mapLen(m) == 50000);
  int64_t n = 0, sum = 0;
  MapIter it;
  mapIterInit(m, &it);
  Value k, v;
  while (mapIterNext(&it, &k, &v)) {
    n++;
    sum += v.i;
    CHECK(v.i % 2 == 1);
  }
  CHECK(n == 50000);
  CHECK(sum == 2500000000LL);
  mapClear(m);
  CHECK(mapLen(m) == 0);
  CHECK(mapLen(nullptr) == 0);
  CHECK(mapGet(nullptr, Value::I(1), &found).u == 0);
  CHECK_THROWS_WITH_AS(mapSlot(nullptr, Value::I(1)), "assignment to entry in nil map", PanicError);
}

TEST_CASE("maps: delete and insert during iteration") {
  const Type* mt = mkMap(tStr, tInt);
  MapObj* m = makeMap(mt, 0);
  for (int i = 0; i < 1000; i++) store(mapSlot(m, makeString("k" + std::to_string(i))), Value::I(i));
  // Delete every key not yet reached, as `for k := range m { delete(m, other) }` may.
  std::set<std::string> seen;
  std::map<std::string, int> order;
  MapIter it;
  mapIterInit(m, &it);
  Value k, v;
  while (mapIterNext(&it, &k, &v)) {
    CHECK(seen.insert(str(k)).second);  // each key at most once
    order[str(k)] = int(order.size());
    int i = int(v.i);
    if (i % 2 == 0) mapDelete(m, makeString("k" + std::to_string(i + 1)));
    // inserting forces table rebuilds mid-range
    store(mapSlot(m, makeString("new" + std::to_string(i))), Value::I(-1));
  }
  for (auto& s : seen) {
    if (s[0] != 'k') continue;
    int i = std::stoi(s.substr(1));
    std::string prev = "k" + std::to_string(i - 1);
    if (i % 2 == 1 && seen.count(prev)) CHECK(order[s] < order[prev]);  // else deleted before reached
  }
  for (int i = 0; i < 1000; i += 2) CHECK(seen.count("k" + std::to_string(i)) + seen.count("k" + std::to_string(i + 1)) >= 1);
  // Random start: two ranges over a map rarely begin at the same key.
  std::set<std::string> firsts;
  for (int r = 0; r < 20; r++) {
    mapIterInit(m, &it);
    mapIterNext(&it, &k, &v);
    firsts.insert(str(k));
  }
  CHECK(firsts.size() > 1);
}

TEST_CASE("maps: struct, array and interface keys; sorted entries") {
  ThrowingHooks throwing;
  const Type* pt = mkStruct({{"X", tInt}, {"S", tStr}});
  MapObj* m = makeMap(mkMap(pt, tInt), 4);
  Value a = zeroValue(pt);
  a.as<StructObj>()->fields[0] = Value::I(2);
  a.as<StructObj>()->fields[1] = S("b");
  store(mapSlot(m, a), Value::I(1));
  a.as<StructObj>()->fields[0] = Value::I(1);  // the map holds its own copy of the key
  store(mapSlot(m, a), Value::I(2));
  Value probe = zeroValue(pt);
  probe.as<StructObj>()->fields[0] = Value::I(2);
  probe.as<StructObj>()->fields[1] = S("b");
  bool found;
  CHECK(mapGet(m, probe, &found).i == 1);
  CHECK(found);
  std::vector<std::pair<Value, Value>> es;
  mapSortedEntries(m, mkMap(pt, tInt), &es);
  REQUIRE(es.size() == 2);
  CHECK(es[0].first.as<StructObj>()->fields[0].i == 1);

  const Type* mi = mkMap(tAny, tInt);
  MapObj* im = makeMap(mi, 0);
  store(mapSlot(im, boxIface(tInt, Value::I(1))), Value::I(10));
  store(mapSlot(im, boxIface(tStr, S("1"))), Value::I(20));
  store(mapSlot(im, boxIface(mkNamed("MyInt", tInt), Value::I(1))), Value::I(30));
  CHECK(mapLen(im) == 3);
  CHECK(mapGet(im, boxIface(tInt, Value::I(1)), &found).i == 10);
  CHECK(mapGet(im, boxIface(tStr, S("1")), &found).i == 20);
  const Type* si = mkSlice(tInt);
  CHECK_THROWS_AS(mapSlot(im, boxIface(si, Value())), PanicError);
  store(mapSlot(im, Value::I(0)), Value::I(5));  // hmm: a nil interface key
  mapSortedEntries(im, mi, &es);
  CHECK(es[0].first.p == nullptr);  // nil first

  MapObj* fm = makeMap(mkMap(tF64, tInt), 0);
  store(mapSlot(fm, Value::F(NAN)), Value::I(1));
  store(mapSlot(fm, Value::F(NAN)), Value::I(2));
  store(mapSlot(fm, Value::F(-1.5)), Value::I(3));
  store(mapSlot(fm, Value::F(0.0)), Value::I(4));
  store(mapSlot(fm, Value::F(-0.0)), Value::I(5));
  CHECK(mapLen(fm) == 4);
  mapSortedEntries(fm, mkMap(tF64, tInt), &es);
  CHECK(std::isnan(es[0].first.f));
  CHECK(std::isnan(es[1].first.f));
  CHECK(es[2].first.f == -1.5);
  CHECK(es[3].second.i == 5);

  const Type* at2 = mkArray(tStr, 2);
  MapObj* am = makeMap(mkMap(at2, tBool), 0);
  Value arr = zeroValue(at2);
  arr.as<ArrObj>()->elems[0] = S("x");
  store(mapSlot(am, arr), Value::B(true));
  Value arr2 = zeroValue(at2);
  arr2.as<ArrObj>()->elems[0] = concat(S(""), S("x"));
  CHECK(mapGet(am, arr2, &found).u == 1);
}

TEST_CASE("maps: struct values read as zero values when missing") {
  const Type* pt = mkStruct({{"X", tInt}});
  MapObj* m = makeMap(mkMap(tInt, pt), 0);
  bool found;
  Value v = mapGet(m, Value::I(1), &found);
  CHECK_FALSE(found);
  REQUIRE(v.p != nullptr);
  CHECK(v.as<StructObj>()->fields[0].i == 0);
  Value* slot = mapSlot(m, Value::I(1));
  CHECK(load(slot).p != nullptr);  // fresh entries hold a zero struct
}

TEST_CASE("heap: object lookup, interior pointers, collection") {
  void* p = alloc(100, ObjKind::Words);
  CHECK(heapObjectBase(static_cast<char*>(p) + 57) == p);
  CHECK(heapObjectSize(p) >= 100);
  CHECK(heapObjectKind(p) == ObjKind::Words);
  void* big = alloc(100000, ObjKind::Arr);
  CHECK(heapObjectBase(static_cast<char*>(big) + 99999) == big);
  CHECK(heapObjectBase(&p) == nullptr);

  // A root range keeps a chain alive; unreachable garbage is freed and its memory reused.
  static Value root[1];
  addRootRange(root, root + 1);
  Value s = S("keep me, I am a fairly long string");
  Value sub = substring(s, 5, 7);
  ArrObj* a = newArray(3);
  a->elems[0] = sub;  // only an interior-pointing substring keeps s's bytes
  root[0] = sliceOf(a, 0, 3, 3);
  s = Value();
  sub = Value();
  a = nullptr;
  for (int i = 0; i < 20000; i++) (void)makeString("garbage garbage garbage garbage " + std::to_string(i));
  HeapStats before = heapStats();
  collect();
  HeapStats after = heapStats();
  CHECK(after.numGC == before.numGC + 1);
  CHECK(after.lastFreedBytes > 20000 * 32);
  for (int i = 0; i < 20000; i++) (void)makeString("more garbage to reuse the freed slots " + std::to_string(i));
  Value kept = root[0].as<SliceObj>()->data()[0];
  CHECK(str(kept) == "me");
  CHECK(std::string(static_cast<const StrObj*>(kept.as<StrObj>()->base)->data, 7) == "keep me");
  removeRootRange(root);
}

TEST_CASE("heap: large objects are freed and their pages reused") {
  uint64_t heapBefore = heapStats().heapBytes;
  for (int r = 0; r < 5; r++) {
    for (int i = 0; i < 50; i++) (void)newArray(200000);
    collect();
  }
  CHECK(heapStats().heapBytes < heapBefore + 50 * 1700000);
}

TEST_CASE("threads: concurrent allocation, private maps and shared map readers") {
  const Type* mt = mkMap(tStr, tInt);
  MapObj* shared = makeMap(mt, 0);
  for (int i = 0; i < 1000; i++) store(mapSlot(shared, makeString("w" + std::to_string(i))), Value::I(i));
  std::vector<std::thread> ts;
  std::atomic<int64_t> total{0};
  for (int t = 0; t < 4; t++) {
    ts.emplace_back([&, t] {
      MapObj* mine = makeMap(mt, 0);
      int64_t sum = 0;
      for (int i = 0; i < 20000; i++) {
        Value k = makeString("w" + std::to_string((i * 7 + t) % 1000));
        bool found;
        sum += mapGet(shared, k, &found).i;
        Value* slot = mapSlot(mine, k);
        store(slot, Value::I(load(slot).i + 1));
        (void)newArray(i % 50);
      }
      CHECK(mapLen(mine) == 1000);
      total += sum;
    });
  }
  for (auto& th : ts) th.join();
  CHECK(total.load() > 0);
  collect();  // threads have exited: their cached spans went back to the pool
  bool found;
  CHECK(mapGet(shared, S("w999"), &found).i == 999);
}

namespace {
// Goroutines build linked lists (struct {next *node; s string}) while collections run from
// safepoints on all workers; every list must come out intact.
const Type* tNode = mkStruct({{"next", tAny}, {"s", tStr}});
std::atomic<int> listsDone{0};
std::atomic<int> listsOk{0};

void buildList(void*) {
  Value head;
  for (int i = 0; i < 20000; i++) {
    Value n = zeroValue(tNode);
    n.as<StructObj>()->fields[0] = head;
    n.as<StructObj>()->fields[1] = makeString("node " + std::to_string(i));
    head = n;
    (void)makeString("garbage " + std::to_string(i));  // churn
    if (i % 64 == 0) {
      sched::safepoint();
      if (i % 4096 == 0) collect();
    }
  }
  int ok = 1;
  for (int i = 19999; i >= 0; i--, head = head.as<StructObj>()->fields[0])
    if (!head.p || str(head.as<StructObj>()->fields[1]) != "node " + std::to_string(i)) ok = 0;
  listsOk += ok;
  listsDone++;
}

void gcMain(void*) {
  for (int i = 0; i < 4; i++) sched::spawn(buildList, nullptr);
  while (listsDone.load() < 4) {
    sched::safepoint();
    sched::yield();
  }
}
}  // namespace

TEST_CASE("heap: collections under the scheduler keep every goroutine's data") {
  uint64_t gcs = heapStats().numGC;
  sched::Config cfg;
  cfg.procs = 2;
  cfg.returnFromRun = true;
  CHECK(sched::run(cfg, gcMain, nullptr) == 0);
  CHECK(listsOk.load() == 4);
  CHECK(heapStats().numGC > gcs);
}

#include <sys/wait.h>
#include <unistd.h>

namespace {
// Runs fn in a forked child with stderr captured; returns (exit status, stderr text).
std::pair<int, std::string> inChild(void (*fn)()) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t pid = fork();
  if (pid == 0) {
    alarm(60);  // never hang the suite (e.g. a lock held by another thread at fork time)
    dup2(fds[1], 2);
    fn();
    _exit(0);
  }
  close(fds[1]);
  std::string err;
  char buf[256];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) err.append(buf, size_t(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, err};
}

void racingWriters() {
  MapObj* m = makeMap(mkMap(tInt, tInt), 0);
  auto writer = [m](int base) {
    for (int i = 0; i < 20000000; i++) store(mapSlot(m, Value::I(base + i % 1000)), Value::I(i));
  };
  std::thread a(writer, 0), b(writer, 1000);
  a.join();
  b.join();
}
}  // namespace

TEST_CASE("maps: concurrent writers die with Go's fatal error, never corrupt memory") {
  auto [status, err] = inChild(racingWriters);
  CHECK(status == 2);
  CHECK(err.find("fatal error: concurrent map writes") != std::string::npos);
}
