// Operations on gol values that need no evaluator: allocation, strings, slices, maps, structural
// copy/equality/hash by Type, interface boxing. Used by interp/ and native/.
// Runtime errors raise Go panics through panicHook (see below), never C++ exceptions of their own.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "runtime/hooks.h"
#include "runtime/value.h"

namespace gol::rt {

// ---------------------------------------------------------------- allocation (runtime/heap.cpp)
// Zeroed memory owned by the heap. `scanWords`: how many leading words may hold pointers
// (precise scanning); kind tags the object for the collector and debugging.
enum class ObjKind : uint8_t { Bytes, Words, Str, Slice, Arr, Struct, Cell, Ptr, Iface, Func, Map, Chan, Other };
void* alloc(size_t bytes, ObjKind kind);

// ---------------------------------------------------------------- runtime errors (runtime/hooks.h)
// Raise a Go runtime panic with a runtime.Error value whose Error() is "runtime error: " + msg
// (runtimeError=true), or a plain panic with a string message (e.g. "send on closed channel"
// is a runtime.Error too in Go: plainError). Never returns.
[[noreturn]] void panicRuntimeError(const std::string& msg);  // "index out of range [5] with length 3"
[[noreturn]] void panicPlain(const std::string& msg);         // panic(errorString) without the prefix
[[noreturn]] void fatal(const std::string& msg);              // "fatal error: " + msg, exit 2
// The one way out when memory runs out, whatever ran out: the gol heap (its reservation or the
// -maxheap cap), or a C++ allocation in a native or the evaluator (std::bad_alloc). Go's
// "fatal error: runtime: out of memory", exit 2. Safe to call with the heap lock held.
[[noreturn]] void outOfMemory();

// ---------------------------------------------------------------- strings
Value makeString(std::string_view s);             // copies
Value makeComplex(double re, double im);          // a fresh immutable ComplexObj (0+0i: null)
// A fresh string of len > 0 bytes, written by the caller at *bytes before anything else can see
// it (no safepoint in between). Builds a large result in place instead of copying it in.
Value newString(size_t len, char** bytes);
Value concat(Value a, Value b);
Value substring(Value s, int64_t lo, int64_t hi);  // no copy; bounds already checked
int compareStrings(Value a, Value b);              // <0, 0, >0 by bytes
bool equalStrings(Value a, Value b);
Value stringFromRune(int64_t r);                   // string(rune); invalid -> "\uFFFD"
Value stringFromBytes(Value byteSlice);            // string([]byte)
Value stringFromRunes(Value runeSlice);            // string([]rune)
Value bytesFromString(Value s);                    // []byte(s)
Value bytesFromConstString(Value s);               // []byte("constant"): cap == len, as Go
Value runesFromString(Value s);                    // []rune(s)
Value runesFromConstString(Value s);               // []rune("constant"): cap == len, as Go
// Decodes one UTF-8 rune at s[i]; returns the rune (0xFFFD on error) and sets *width (>=1).
int32_t decodeRune(std::string_view s, size_t i, int* width);
void appendRune(std::string& out, int32_t r);

// ---------------------------------------------------------------- slices and arrays
ArrObj* newArray(int64_t len);                      // zeroed words
Value makeSlice(const Type* sliceType, int64_t len, int64_t cap);  // elements zero-valued for elem type
Value sliceOf(ArrObj* arr, int64_t off, int64_t len, int64_t cap);
// append(s, vals...) with Go's growth rule (Go 1.19+ formula and size-class rounding by element
// size as Go's runtime reports cap()); elemType for zero values and size classes.
// Struct/array values are copied in (callers need not copy them first).
Value appendValues(const Type* sliceType, Value s, const Value* vals, int64_t n);
int64_t copySlice(Value dst, Value src);            // copy(dst, src) for slices of words
// copy(dst, src) for any element type: struct/array elements are assigned in place (deep).
int64_t copySlice(const Type* sliceType, Value dst, Value src);
int64_t copyFromString(Value dst, Value str);       // copy([]byte, string)

// ---------------------------------------------------------------- structural operations by type
Value zeroValue(const Type* t);                 // allocates objects for struct/array types
Value copyValue(const Type* t, Value v);        // deep copy of struct/array values; identity otherwise
void assignInPlace(const Type* t, Value dst, Value src);  // *dst = src for struct/array objects
bool equalValues(const Type* t, Value a, Value b);  // Go's ==; panics for uncomparable dynamic types
uint64_t hashValue(const Type* t, Value v, uint64_t seed);
bool needsCopy(const Type* t);                  // struct or array (by underlying type)
bool isComparableValueType(const Type* t);      // Go comparability (no slice/map/func inside)

// ---------------------------------------------------------------- Go memory layout (layout.cpp)
// Sizes as Go's gc compiler lays values out (amd64): what cap() growth and unsafe.Sizeof follow.
int64_t goSizeof(const Type* t);
int64_t goAlignof(const Type* t);
bool goHasPointers(const Type* t);              // whether Go's GC would scan a value of type t
// Go's runtime.roundupsize: the malloc size class (with Go 1.22's 8-byte malloc header for
// pointerful objects over 512 bytes) a request of `bytes` gets.
int64_t goRoundupsize(int64_t bytes, bool noscan);

// ---------------------------------------------------------------- interfaces
// Boxes a value of static (non-interface) type t into an interface value (copying structs/arrays).
Value boxIface(const Type* t, Value v);
inline const Type* ifaceType(Value v) { return v.p ? v.as<IfaceObj>()->type : nullptr; }
inline Value ifaceValue(Value v) { return v.p ? v.as<IfaceObj>()->v : Value(); }

// ---------------------------------------------------------------- maps (runtime/map.cpp)
// A hash map from word to word, hashed and compared by the key type. Iteration order is
// randomised per range loop as in Go. Concurrent writers are detected: Go's
// "fatal error: concurrent map writes" (and "concurrent map read and map write").
// Struct/array values: mapGet and mapIterNext return the object stored in the map (copy it
// before handing it to a variable); a missing key reads as a fresh zero value, except on a nil
// map, which has no type: the null word (zeroValue() it). mapSlot copies struct/array keys and
// initialises a new entry's value to the zero value; the caller stores into the slot right away.
MapObj* makeMap(const Type* mapType, int64_t hint);
int64_t mapLen(const MapObj* m);                         // nil -> 0
Value mapGet(MapObj* m, Value key, bool* found);         // nil map reads give zero, found=false
Value* mapSlot(MapObj* m, Value key);                    // insert-or-find; panics on nil map
void mapDelete(MapObj* m, Value key);
void mapClear(MapObj* m);
struct MapIter {  // live iteration: entries deleted during range are skipped, added may appear
  MapObj* map = nullptr;
  int64_t pos = 0;       // entries visited so far (0..count)
  int64_t start = 0;     // random first entry index
  int64_t count = 0;     // entry slots to visit (the table's fill at init)
  int64_t tableGen = 0;
  void* entries = nullptr;  // the entry table being walked (kept alive by this reference)
};
void mapIterInit(MapObj* m, MapIter* it);
bool mapIterNext(MapIter* it, Value* key, Value* val);
// Keys in sorted order for fmt (Go prints maps with sorted keys).
void mapSortedEntries(MapObj* m, const Type* mapType, std::vector<std::pair<Value, Value>>* out);

}  // namespace gol::rt
