// Natives of package sync/atomic (stdlib/sync/atomic/atomic.gol). A pointer argument to a
// non-struct word is a PtrObj (value.h) and the operation works on *addr; the typed wrappers
// (Int32 ... Value) are structs whose first word holds the value. Results of 32-bit operations
// wrap and are sign- (int32) or zero- (uint32) extended back to a full word.
#include "native/native.h"
#include "sched/policy.h"
#include "native/stdlib_util.h"

namespace gol::native {
namespace {

uint64_t* wordOf(Value ptr) {
  auto* p = ptr.as<rt::PtrObj>();
  if (!p || !p->addr) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  return &p->addr->u;
}
uint64_t* fieldOf(Value recv) {
  auto* s = recv.as<rt::StructObj>();
  if (!s) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  return &s->fields[0].u;
}

inline uint64_t ext32s(uint64_t v) { return uint64_t(int64_t(int32_t(uint32_t(v)))); }
inline uint64_t ext32u(uint64_t v) { return uint64_t(uint32_t(v)); }
inline uint64_t ext64(uint64_t v) { return v; }

// Every atomic operation is a decision point of scripted runs and a sync point for -race
// (acquire and release on its address).
inline void syncOp(uint64_t* a) {
  sched::syncPoint(a);
  rt::raceAcquireRelease(a);
}

// Operations on one word; W chooses the wrap-around of a 32-bit type.
template <uint64_t (*W)(uint64_t)>
uint64_t opAdd(uint64_t* a, uint64_t d) {
  syncOp(a);
  uint64_t old = __atomic_load_n(a, __ATOMIC_RELAXED);
  for (;;) {
    uint64_t nw = W(old + d);
    if (__atomic_compare_exchange_n(a, &old, nw, false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) return nw;
  }
}
template <uint64_t (*W)(uint64_t)>
uint64_t opAnd(uint64_t* a, uint64_t m) {
  syncOp(a);
  return __atomic_fetch_and(a, W(m), __ATOMIC_SEQ_CST);
}
template <uint64_t (*W)(uint64_t)>
uint64_t opOr(uint64_t* a, uint64_t m) {
  syncOp(a);
  return __atomic_fetch_or(a, W(m), __ATOMIC_SEQ_CST);
}
inline uint64_t opLoad(uint64_t* a) {
  syncOp(a);
  return __atomic_load_n(a, __ATOMIC_SEQ_CST);
}
inline void opStore(uint64_t* a, uint64_t v) {
  syncOp(a);
  __atomic_store_n(a, v, __ATOMIC_SEQ_CST);
}
inline uint64_t opSwap(uint64_t* a, uint64_t v) {
  syncOp(a);
  return __atomic_exchange_n(a, v, __ATOMIC_SEQ_CST);
}
inline bool opCas(uint64_t* a, uint64_t old, uint64_t nw) {
  syncOp(a);
  return __atomic_compare_exchange_n(a, &old, nw, false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
}

}  // namespace

// Package-level functions on pointers. The argument words are already normalised for their
// types (sign/zero extended), so CAS compares exact words.
#define GOL_ATOMIC_FUNCS(T, W)                                                                       \
  GOL_NATIVE(atomic_Add##T, "sync/atomic.Add" #T) {                                                  \
    call.results[0] = Value::U(opAdd<W>(wordOf(call.args[0]), call.args[1].u));                      \
  }                                                                                                  \
  GOL_NATIVE(atomic_Load##T, "sync/atomic.Load" #T) { call.results[0] = Value::U(opLoad(wordOf(call.args[0]))); } \
  GOL_NATIVE(atomic_Store##T, "sync/atomic.Store" #T) { opStore(wordOf(call.args[0]), call.args[1].u); }         \
  GOL_NATIVE(atomic_Swap##T, "sync/atomic.Swap" #T) {                                                \
    call.results[0] = Value::U(opSwap(wordOf(call.args[0]), call.args[1].u));                        \
  }                                                                                                  \
  GOL_NATIVE(atomic_CompareAndSwap##T, "sync/atomic.CompareAndSwap" #T) {                            \
    call.results[0] = Value::B(opCas(wordOf(call.args[0]), call.args[1].u, call.args[2].u));         \
  }

#define GOL_ATOMIC_BITS(T, W)                                                                        \
  GOL_NATIVE(atomic_And##T, "sync/atomic.And" #T) {                                                  \
    call.results[0] = Value::U(opAnd<W>(wordOf(call.args[0]), call.args[1].u));                      \
  }                                                                                                  \
  GOL_NATIVE(atomic_Or##T, "sync/atomic.Or" #T) {                                                    \
    call.results[0] = Value::U(opOr<W>(wordOf(call.args[0]), call.args[1].u));                       \
  }

GOL_ATOMIC_FUNCS(Int32, ext32s)
GOL_ATOMIC_FUNCS(Int64, ext64)
GOL_ATOMIC_FUNCS(Uint32, ext32u)
GOL_ATOMIC_FUNCS(Uint64, ext64)
GOL_ATOMIC_FUNCS(Uintptr, ext64)
GOL_ATOMIC_BITS(Int32, ext32s)
GOL_ATOMIC_BITS(Int64, ext64)
GOL_ATOMIC_BITS(Uint32, ext32u)
GOL_ATOMIC_BITS(Uint64, ext64)

// Methods of the typed wrappers (value in the struct's first word).
#define GOL_ATOMIC_TYPE(T, W)                                                                        \
  GOL_NATIVE(atomic_##T##_Load, "sync/atomic.(*" #T ").Load") {                                      \
    call.results[0] = Value::U(opLoad(fieldOf(call.args[0])));                                       \
  }                                                                                                  \
  GOL_NATIVE(atomic_##T##_Store, "sync/atomic.(*" #T ").Store") { opStore(fieldOf(call.args[0]), call.args[1].u); } \
  GOL_NATIVE(atomic_##T##_Swap, "sync/atomic.(*" #T ").Swap") {                                      \
    call.results[0] = Value::U(opSwap(fieldOf(call.args[0]), call.args[1].u));                       \
  }                                                                                                  \
  GOL_NATIVE(atomic_##T##_CompareAndSwap, "sync/atomic.(*" #T ").CompareAndSwap") {                  \
    call.results[0] = Value::B(opCas(fieldOf(call.args[0]), call.args[1].u, call.args[2].u));        \
  }                                                                                                  \
  GOL_NATIVE(atomic_##T##_Add, "sync/atomic.(*" #T ").Add") {                                        \
    call.results[0] = Value::U(opAdd<W>(fieldOf(call.args[0]), call.args[1].u));                     \
  }

#define GOL_ATOMIC_TYPE_BITS(T, W)                                                                   \
  GOL_NATIVE(atomic_##T##_And, "sync/atomic.(*" #T ").And") {                                        \
    call.results[0] = Value::U(opAnd<W>(fieldOf(call.args[0]), call.args[1].u));                     \
  }                                                                                                  \
  GOL_NATIVE(atomic_##T##_Or, "sync/atomic.(*" #T ").Or") {                                          \
    call.results[0] = Value::U(opOr<W>(fieldOf(call.args[0]), call.args[1].u));                      \
  }

GOL_ATOMIC_TYPE(Int32, ext32s)
GOL_ATOMIC_TYPE(Int64, ext64)
GOL_ATOMIC_TYPE(Uint32, ext32u)
GOL_ATOMIC_TYPE(Uint64, ext64)
GOL_ATOMIC_TYPE(Uintptr, ext64)
GOL_ATOMIC_TYPE_BITS(Int32, ext32s)
GOL_ATOMIC_TYPE_BITS(Int64, ext64)
GOL_ATOMIC_TYPE_BITS(Uint32, ext32u)
GOL_ATOMIC_TYPE_BITS(Uint64, ext64)

GOL_NATIVE(atomic_Bool_Load, "sync/atomic.(*Bool).Load") { call.results[0] = Value::B(opLoad(fieldOf(call.args[0])) != 0); }
GOL_NATIVE(atomic_Bool_Store, "sync/atomic.(*Bool).Store") { opStore(fieldOf(call.args[0]), call.args[1].u ? 1 : 0); }
GOL_NATIVE(atomic_Bool_Swap, "sync/atomic.(*Bool).Swap") {
  call.results[0] = Value::B(opSwap(fieldOf(call.args[0]), call.args[1].u ? 1 : 0) != 0);
}
GOL_NATIVE(atomic_Bool_CompareAndSwap, "sync/atomic.(*Bool).CompareAndSwap") {
  call.results[0] = Value::B(opCas(fieldOf(call.args[0]), call.args[1].u ? 1 : 0, call.args[2].u ? 1 : 0));
}

// atomic.Value: the first word holds the interface box (immutable), so swapping the pointer is
// the whole store. Go panics on nil and on a changed dynamic type.
namespace {
void checkStore(Value cur, Value nw, const char* what) {
  if (!nw.p) rt::panicPlain(std::string("sync/atomic: ") + what + " of nil value into Value");
  if (cur.p && rt::ifaceType(cur) != rt::ifaceType(nw) && !identical(rt::ifaceType(cur), rt::ifaceType(nw)))
    rt::panicPlain(std::string("sync/atomic: ") + what + " of inconsistently typed value into Value");
}
}  // namespace

GOL_NATIVE(atomic_Value_Load, "sync/atomic.(*Value).Load") { call.results[0] = Value::U(opLoad(fieldOf(call.args[0]))); }
GOL_NATIVE(atomic_Value_Store, "sync/atomic.(*Value).Store") {
  uint64_t* f = fieldOf(call.args[0]);
  Value cur;
  cur.u = opLoad(f);
  checkStore(cur, call.args[1], "store");
  opStore(f, call.args[1].u);
}
GOL_NATIVE(atomic_Value_Swap, "sync/atomic.(*Value).Swap") {
  uint64_t* f = fieldOf(call.args[0]);
  Value cur;
  cur.u = opLoad(f);
  checkStore(cur, call.args[1], "swap");
  call.results[0] = Value::U(opSwap(f, call.args[1].u));
}
GOL_NATIVE(atomic_Value_CompareAndSwap, "sync/atomic.(*Value).CompareAndSwap") {
  uint64_t* f = fieldOf(call.args[0]);
  Value cur;
  cur.u = opLoad(f);
  checkStore(cur, call.args[2], "compare and swap");
  Value old = call.args[1];
  if (old.p && cur.p && rt::ifaceType(old) != rt::ifaceType(cur) && !identical(rt::ifaceType(old), rt::ifaceType(cur))) {
    call.results[0] = Value::B(false);
    return;
  }
  // Go compares by value (==): retry while the current box is equal to old.
  for (;;) {
    bool eq = (!old.p && !cur.p) ||
              (old.p && cur.p && rt::equalValues(TypeTable::get().anyType(), old, cur));
    if (!eq) {
      call.results[0] = Value::B(false);
      return;
    }
    if (opCas(f, cur.u, call.args[2].u)) {
      call.results[0] = Value::B(true);
      return;
    }
    cur.u = opLoad(f);
  }
}

}  // namespace gol::native
