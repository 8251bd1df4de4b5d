// select (Go's select.go selectgo, simplified to one-word values).
//
//  1. Random poll order over the non-nil cases (Fisher-Yates with sched::randn, so a seeded
//     policy makes it reproducible) and a lock order sorted by channel address.
//  2. Lock every distinct channel in lock order (deadlock-free against other selects).
//  3. Pass 1, in poll order: the first case whose transfer (sendLocked/recvLocked, the same code
//     the plain channel operations use) proceeds wins — a uniform choice among the ready ones.
//     Otherwise, with default: unlock and return -1.
//  4. Pass 2: enqueue a select waiter (isSelect) on every channel, park; park unlocks all the
//     channels after the switch. A waker on any of them must win CAS(g->selectDone, 0, 1)
//     (WaitQ::dequeue) and records the winning waiter in g->param.
//  5. Woken: lock everything again, remove the losing waiters (some may already be gone),
//     unlock, and report the winner. A send case woken by close panics.
//
// Waiters and the order arrays live on this goroutine's stack (alloca), which the collector
// scans, so a value handed to a parked select is never invisible to it.
#include <alloca.h>

#include <algorithm>
#include <new>

#include "runtime/chan.h"
#include "runtime/chan_transfer.h"
#include "runtime/object.h"
#include "sched/policy.h"

namespace gol::rt {
namespace {

struct LockSet {
  Case* cases;
  uint16_t* lockorder;
  int n;
};

void lockAll(const LockSet& ls) {
  Chan* prev = nullptr;
  for (int i = 0; i < ls.n; i++) {
    Chan* c = ls.cases[ls.lockorder[i]].c;
    if (c != prev) c->lock.lock();
    prev = c;
  }
}

void unlockAll(const LockSet& ls) {
  for (int i = ls.n - 1; i >= 0; i--) {
    Chan* c = ls.cases[ls.lockorder[i]].c;
    if (i > 0 && ls.cases[ls.lockorder[i - 1]].c == c) continue;  // unlock each channel once
    c->lock.unlock();
  }
}

void unlockAllFn(void* p) { unlockAll(*static_cast<LockSet*>(p)); }

}  // namespace

int select(Case* cases, int n, bool hasDefault, Word* recvOut, bool* recvOk) {
  // A decision point of scripted runs (sched/policy.h); gol explore notes every case's channel.
  sched::syncPoint(n > 0 ? cases[0].c : nullptr);
  if (auto note = sched::hooks().syncAttempt)
    for (int i = 1; i < n; i++)
      if (cases[i].c) note(cases[i].c, false);
  // Non-nil cases, in random poll order.
  uint16_t* pollorder = static_cast<uint16_t*>(alloca(sizeof(uint16_t) * (n + 1)));
  uint16_t* lockorder = static_cast<uint16_t*>(alloca(sizeof(uint16_t) * (n + 1)));
  int m = 0;
  for (int i = 0; i < n; i++) {
    if (!cases[i].c) continue;
    uint32_t j = sched::randn(static_cast<uint32_t>(m + 1));
    pollorder[m] = pollorder[j];
    pollorder[j] = static_cast<uint16_t>(i);
    m++;
  }
  if (m == 0) {
    if (hasDefault) return -1;
    for (;;) sched::park(n == 0 ? sched::WaitReason::SelectNoCases : sched::WaitReason::Select);
  }
  for (int i = 0; i < m; i++) lockorder[i] = pollorder[i];
  std::sort(lockorder, lockorder + m, [&](uint16_t a, uint16_t b) {
    return reinterpret_cast<uintptr_t>(cases[a].c) < reinterpret_cast<uintptr_t>(cases[b].c);
  });
  LockSet ls{cases, lockorder, m};
  lockAll(ls);

  // ---- pass 1: find a ready case (the transfer is chan.cpp's, chan_transfer.h)
  for (int k = 0; k < m; k++) {
    int i = pollorder[k];
    sched::G* wake;
    Word v = 0;
    bool ok = false;
    Transfer t = cases[i].dir == Dir::Recv ? recvLocked(cases[i].c, &v, &ok, &wake)
                                           : sendLocked(cases[i].c, cases[i].sendValue, &wake);
    if (t == Transfer::NotReady) continue;
    unlockAll(ls);
    if (t == Transfer::Closed) panicPlain("send on closed channel");
    if (wake) sched::ready(wake);
    if (cases[i].dir == Dir::Recv) {
      if (recvOut) *recvOut = v;
      if (recvOk) *recvOk = ok;
    }
    return i;
  }
  if (hasDefault) {
    unlockAll(ls);
    return -1;
  }

  // ---- pass 2: wait on every channel
  sched::G* self = sched::current();
  Waiter* ws = static_cast<Waiter*>(alloca(sizeof(Waiter) * m));
  Word* slots = static_cast<Word*>(alloca(sizeof(Word) * m));
  self->selectDone.store(0, std::memory_order_relaxed);
  self->param = nullptr;
  for (int k = 0; k < m; k++) {
    int i = lockorder[k];
    Waiter* w = new (&ws[k]) Waiter;
    w->g = self;
    w->c = cases[i].c;
    w->caseIndex = i;
    w->isSelect = true;
    if (cases[i].dir == Dir::Recv) {
      slots[k] = 0;
      w->elem = &slots[k];
      cases[i].c->recvq.enqueue(w);
    } else {
      w->elem = &cases[i].sendValue;
      w->isSend = true;
      cases[i].c->sendq.enqueue(w);
    }
  }
  // interrupt() withdraws the select by winning selectDone itself: no channel can then claim it.
  sched::armCancel(
      self,
      [](sched::G* g, void*) {
        uint32_t z = 0;
        if (!g->selectDone.compare_exchange_strong(z, 1, std::memory_order_acq_rel)) return false;
        g->param = nullptr;
        g->waitCancelled = true;
        return true;
      },
      nullptr);
  sched::park(sched::WaitReason::Select, unlockAllFn, &ls);

  // ---- woken by the waker that won selectDone (or by interrupt: no winner)
  Waiter* won = static_cast<Waiter*>(self->param);
  self->param = nullptr;
  if (!won) {
    lockAll(ls);
    for (int k = 0; k < m; k++) (ws[k].isSend ? ws[k].c->sendq : ws[k].c->recvq).remove(&ws[k]);
    unlockAll(ls);
    sched::wasInterrupted();
    return -1;
  }
  sched::wasInterrupted();  // disarms (won: the select was not withdrawn)
  raceAcquire(won->c);
  lockAll(ls);
  for (int k = 0; k < m; k++) {
    Waiter* w = &ws[k];
    if (w == won) continue;
    int i = w->caseIndex;
    if (cases[i].dir == Dir::Recv) cases[i].c->recvq.remove(w);
    else cases[i].c->sendq.remove(w);
  }
  unlockAll(ls);
  int i = won->caseIndex;
  if (cases[i].dir == Dir::Recv) {
    if (recvOut) *recvOut = *won->elem;
    if (recvOk) *recvOk = won->success;
  } else if (!won->success) {
    panicPlain("send on closed channel");
  }
  return i;
}

}  // namespace gol::rt
