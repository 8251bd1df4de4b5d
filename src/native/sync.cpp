// Natives of package sync (stdlib/sync/sync.gol): Mutex, RWMutex, WaitGroup and Cond live
// in place in the words of their gol structs (the runtime primitives' all-zero state is valid,
// so zero values work and nothing is allocated); a pointer receiver is the StructObj itself.
#include "native/native.h"
#include "sched/policy.h"
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

// -race edges (rt::raceAcquire/raceRelease): unlock -> the next lock; Done -> Wait returning;
// Signal/Broadcast -> the woken Wait. An RWMutex's readers release into its second word, which
// the writer's Lock acquires too.
GOL_NATIVE(sync_Mutex_Lock, "sync.(*Mutex).Lock") {
  auto* m = inPlace<rt::Mutex>(call.args[0]);
  sched::syncPoint(m);
  m->lock();
  rt::raceAcquire(m);
}
GOL_NATIVE(sync_Mutex_Unlock, "sync.(*Mutex).Unlock") {
  auto* m = inPlace<rt::Mutex>(call.args[0]);
  sched::syncPoint(m);
  rt::raceRelease(m);
  m->unlock();
}
GOL_NATIVE(sync_Mutex_TryLock, "sync.(*Mutex).TryLock") {
  auto* m = inPlace<rt::Mutex>(call.args[0]);
  sched::syncPoint(m);
  bool ok = m->tryLock();
  if (ok) rt::raceAcquire(m);
  call.results[0] = Value::B(ok);
}

GOL_NATIVE(sync_RWMutex_Lock, "sync.(*RWMutex).Lock") {
  auto* m = inPlace<rt::RWMutex>(call.args[0]);
  sched::syncPoint(m);
  m->lock();
  rt::raceAcquire(m);
  rt::raceAcquire(reinterpret_cast<char*>(m) + 1);
}
GOL_NATIVE(sync_RWMutex_Unlock, "sync.(*RWMutex).Unlock") {
  auto* m = inPlace<rt::RWMutex>(call.args[0]);
  sched::syncPoint(m);
  rt::raceRelease(m);
  m->unlock();
}
GOL_NATIVE(sync_RWMutex_RLock, "sync.(*RWMutex).RLock") {
  auto* m = inPlace<rt::RWMutex>(call.args[0]);
  sched::syncPoint(m);
  m->rlock();
  rt::raceAcquire(m);
}
GOL_NATIVE(sync_RWMutex_RUnlock, "sync.(*RWMutex).RUnlock") {
  auto* m = inPlace<rt::RWMutex>(call.args[0]);
  sched::syncPoint(m);
  rt::raceRelease(reinterpret_cast<char*>(m) + 1);
  m->runlock();
}
GOL_NATIVE(sync_RWMutex_TryLock, "sync.(*RWMutex).TryLock") {
  auto* m = inPlace<rt::RWMutex>(call.args[0]);
  sched::syncPoint(m);
  bool ok = m->tryLock();
  if (ok) {
    rt::raceAcquire(m);
    rt::raceAcquire(reinterpret_cast<char*>(m) + 1);
  }
  call.results[0] = Value::B(ok);
}
GOL_NATIVE(sync_RWMutex_TryRLock, "sync.(*RWMutex).TryRLock") {
  auto* m = inPlace<rt::RWMutex>(call.args[0]);
  sched::syncPoint(m);
  bool ok = m->tryRLock();
  if (ok) rt::raceAcquire(m);
  call.results[0] = Value::B(ok);
}

GOL_NATIVE(sync_WaitGroup_Add, "sync.(*WaitGroup).Add") {
  auto* wg = inPlace<rt::WaitGroup>(call.args[0]);
  sched::syncPoint(wg, true);
  if (call.args[1].i < 0) rt::raceRelease(wg);
  wg->add(call.args[1].i);
}
GOL_NATIVE(sync_WaitGroup_Done, "sync.(*WaitGroup).Done") {
  auto* wg = inPlace<rt::WaitGroup>(call.args[0]);
  sched::syncPoint(wg, true);
  rt::raceRelease(wg);
  wg->done();
}
GOL_NATIVE(sync_WaitGroup_Wait, "sync.(*WaitGroup).Wait") {
  auto* wg = inPlace<rt::WaitGroup>(call.args[0]);
  sched::syncPoint(wg);
  wg->wait();
  rt::raceAcquire(wg);
}

GOL_NATIVE(sync_Cond_Wait, "sync.(*Cond).Wait") {
  auto* c = inPlace<rt::Cond>(call.args[0], 1);
  sched::syncPoint(c);
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
  rt::raceAcquire(c);
}
GOL_NATIVE(sync_Cond_Signal, "sync.(*Cond).Signal") {
  auto* c = inPlace<rt::Cond>(call.args[0], 1);
  sched::syncPoint(c);
  rt::raceRelease(c);
  c->signal();
}
GOL_NATIVE(sync_Cond_Broadcast, "sync.(*Cond).Broadcast") {
  auto* c = inPlace<rt::Cond>(call.args[0], 1);
  sched::syncPoint(c);
  rt::raceRelease(c);
  c->broadcast();
}

}  // namespace gol::native
