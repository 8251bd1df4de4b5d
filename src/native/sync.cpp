// Natives of package sync (stdlib/sync/sync.gol): Mutex, RWMutex, WaitGroup and Cond live
// in place in the words of their gol structs (the runtime primitives' all-zero state is valid,
// so zero values work and nothing is allocated); a pointer receiver is the StructObj itself.
#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"
#include "runtime/sync.h"

namespace gol::native {
namespace {

static_assert(sizeof(rt::Mutex) <= 3 * sizeof(Value), "sync.Mutex has 3 words");
static_assert(sizeof(rt::RWMutex) <= 6 * sizeof(Value), "sync.RWMutex has 6 words");
static_assert(sizeof(rt::WaitGroup) <= 4 * sizeof(Value), "sync.WaitGroup has 4 words");
static_assert(sizeof(rt::Cond) <= 3 * sizeof(Value), "sync.Cond has 3 words after L");

template <class T>
T* inPlace(Value recv, int firstWord = 0) {
  auto* s = recv.as<rt::StructObj>();
  if (!s) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  return reinterpret_cast<T*>(&s->fields[firstWord]);
}

// A gol Locker (interface value) seen as an rt::Locker: Lock/Unlock through the evaluator.
struct GolLocker {
  Value lockFn, unlockFn;
};
void golLock(void* self) {
  auto* l = static_cast<GolLocker*>(self);
  rt::hooks().callFunc(l->lockFn, nullptr, 0, nullptr, 0);
}
void golUnlock(void* self) {
  auto* l = static_cast<GolLocker*>(self);
  rt::hooks().callFunc(l->unlockFn, nullptr, 0, nullptr, 0);
}

}  // namespace

GOL_NATIVE(sync_Mutex_Lock, "sync.(*Mutex).Lock") { inPlace<rt::Mutex>(call.args[0])->lock(); }
GOL_NATIVE(sync_Mutex_Unlock, "sync.(*Mutex).Unlock") { inPlace<rt::Mutex>(call.args[0])->unlock(); }
GOL_NATIVE(sync_Mutex_TryLock, "sync.(*Mutex).TryLock") {
  call.results[0] = Value::B(inPlace<rt::Mutex>(call.args[0])->tryLock());
}

GOL_NATIVE(sync_RWMutex_Lock, "sync.(*RWMutex).Lock") { inPlace<rt::RWMutex>(call.args[0])->lock(); }
GOL_NATIVE(sync_RWMutex_Unlock, "sync.(*RWMutex).Unlock") { inPlace<rt::RWMutex>(call.args[0])->unlock(); }
GOL_NATIVE(sync_RWMutex_RLock, "sync.(*RWMutex).RLock") { inPlace<rt::RWMutex>(call.args[0])->rlock(); }
GOL_NATIVE(sync_RWMutex_RUnlock, "sync.(*RWMutex).RUnlock") { inPlace<rt::RWMutex>(call.args[0])->runlock(); }
GOL_NATIVE(sync_RWMutex_TryLock, "sync.(*RWMutex).TryLock") {
  call.results[0] = Value::B(inPlace<rt::RWMutex>(call.args[0])->tryLock());
}
GOL_NATIVE(sync_RWMutex_TryRLock, "sync.(*RWMutex).TryRLock") {
  call.results[0] = Value::B(inPlace<rt::RWMutex>(call.args[0])->tryRLock());
}

GOL_NATIVE(sync_WaitGroup_Add, "sync.(*WaitGroup).Add") { inPlace<rt::WaitGroup>(call.args[0])->add(call.args[1].i); }
GOL_NATIVE(sync_WaitGroup_Done, "sync.(*WaitGroup).Done") { inPlace<rt::WaitGroup>(call.args[0])->done(); }
GOL_NATIVE(sync_WaitGroup_Wait, "sync.(*WaitGroup).Wait") { inPlace<rt::WaitGroup>(call.args[0])->wait(); }

GOL_NATIVE(sync_Cond_Wait, "sync.(*Cond).Wait") {
  auto* c = inPlace<rt::Cond>(call.args[0], 1);
  Value l = rt::load(&call.args[0].as<rt::StructObj>()->fields[0]);
  if (!l.p) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  const Type* t = rt::ifaceType(l);
  Value v = rt::ifaceValue(l);
  GolLocker gl{rt::hooks().boundMethod(t, v, "Lock"), rt::hooks().boundMethod(t, v, "Unlock")};
  rt::Locker locker;
  locker.lock = golLock;
  locker.unlock = golUnlock;
  locker.self = &gl;
  c->wait(locker);
}
GOL_NATIVE(sync_Cond_Signal, "sync.(*Cond).Signal") { inPlace<rt::Cond>(call.args[0], 1)->signal(); }
GOL_NATIVE(sync_Cond_Broadcast, "sync.(*Cond).Broadcast") { inPlace<rt::Cond>(call.args[0], 1)->broadcast(); }

}  // namespace gol::native
