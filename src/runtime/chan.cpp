// Channel send/receive/close (Go's chan.go, over sched::park/ready). select is in select.cpp.
//
// The transfer itself — to a waiting receiver, from a waiting sender, through the buffer — is
// written once, in sendLocked/recvLocked (chan_transfer.h), and serves both the operations
// here and select, as Go's send/recv serve chansend, chanrecv and selectgo. What is left here:
// send = transfer, else queue a waiter holding the value and park (the lock is released by park
// after the switch); receive mirrors it. Close wakes every waiter: receivers get 0/false,
// senders wake with success=false and panic.
//
// The waker always unlocks the channel before calling ready(), keeping the lock hold short.
#include "runtime/chan.h"
#include "sched/policy.h"

#include <new>

#include "runtime/chan_transfer.h"

#include "runtime/object.h"

namespace gol::rt {

// ---------------------------------------------------------------- wait queues

void WaitQ::enqueue(Waiter* w) {
  w->next = nullptr;
  w->prev = last;
  if (last) last->next = w; else first = w;
  last = w;
  w->inQueue = true;
}

void WaitQ::remove(Waiter* w) {
  if (!w->inQueue) return;
  if (w->prev) w->prev->next = w->next; else first = w->next;
  if (w->next) w->next->prev = w->prev; else last = w->prev;
  w->next = w->prev = nullptr;
  w->inQueue = false;
}

Waiter* WaitQ::dequeue() {
  for (;;) {
    Waiter* w = first;
    if (!w) return nullptr;
    remove(w);
    // A select waiter is claimed by the first channel whose waker wins the CAS; the others
    // just drop it (the select's cleanup pass finds it already gone).
    if (w->isSelect) {
      uint32_t z = 0;
      if (!w->g->selectDone.compare_exchange_strong(z, 1, std::memory_order_acq_rel)) continue;
    }
    return w;
  }
}

// ---------------------------------------------------------------- make, len, cap

Chan* makeChan(size_t cap) {
  if (cap > (size_t(1) << 40)) panicPlain("makechan: size out of range");
  void* mem = alloc(sizeof(Chan), ObjKind::Chan);
  Chan* c = new (mem) Chan;
  c->dataqsiz = cap;
  if (cap) c->buf = static_cast<Word*>(alloc(cap * sizeof(Word), ObjKind::Words));
  return c;
}

int64_t len(const Chan* c) {
  return c ? static_cast<int64_t>(c->qcount.load(std::memory_order_relaxed)) : 0;
}
int64_t cap(const Chan* c) { return c ? static_cast<int64_t>(c->dataqsiz) : 0; }

static void unlockChan(void* c) { static_cast<Chan*>(c)->lock.unlock(); }

[[noreturn]] static void blockForever(sched::WaitReason r) {
  for (;;) sched::park(r);
}

// interrupt() (the REPL's Ctrl-C) withdraws a blocked send or receive: if the waiter is still
// queued, nobody has taken or given a value, so it can leave as if the operation never began.
static bool cancelChanWait(sched::G* g, void* arg) {
  auto* w = static_cast<Waiter*>(arg);
  Chan* c = w->c;
  c->lock.lock();
  bool queued = w->inQueue;
  if (queued) {
    (w->isSend ? c->sendq : c->recvq).remove(w);
    g->waitCancelled = true;
  }
  c->lock.unlock();
  return queued;
}

static void parkOn(Chan* c, Waiter* w, sched::WaitReason why) {
  sched::G* self = w->g;
  self->param = nullptr;
  sched::armCancel(self, cancelChanWait, w);
  (w->isSend ? c->sendq : c->recvq).enqueue(w);
  sched::park(why, unlockChan, c);
}

// ---------------------------------------------------------------- send

// Returns false only when !block and the send could not proceed.
static bool chansend(Chan* c, Word v, bool block) {
  sched::syncPoint(c);  // a decision point of scripted runs (sched/policy.h)
  if (!c) {
    if (!block) return false;
    blockForever(sched::WaitReason::ChanSendNil);
  }
  // Non-blocking fast path (Go's): a full buffered channel that is open is not ready.
  if (!block && c->dataqsiz != 0 && c->closed.load(std::memory_order_acquire) == 0 &&
      c->qcount.load(std::memory_order_acquire) == c->dataqsiz) {
    return false;
  }
  c->lock.lock();
  sched::G* wake;
  Transfer t = sendLocked(c, v, &wake);
  if (t != Transfer::NotReady || !block) {
    c->lock.unlock();
    if (t == Transfer::Closed) panicPlain("send on closed channel");
    if (wake) sched::ready(wake);
    return t == Transfer::Done;
  }
  Word val = v;
  Waiter w;
  w.g = sched::current();
  w.elem = &val;
  w.c = c;
  w.isSend = true;
  parkOn(c, &w, sched::WaitReason::ChanSend);
  if (sched::wasInterrupted()) return false;
  raceAcquire(c);  // the receiver that took the value released it
  if (!w.success) panicPlain("send on closed channel");
  return true;
}

void send(Chan* c, Word v) { chansend(c, v, true); }
bool trySend(Chan* c, Word v) { return chansend(c, v, false); }

// ---------------------------------------------------------------- receive

// Returns whether a receive happened (always true when block).
static bool chanrecv(Chan* c, bool block, Word* out, bool* ok) {
  sched::syncPoint(c);  // a decision point of scripted runs (sched/policy.h)
  if (!c) {
    if (!block) return false;
    blockForever(sched::WaitReason::ChanReceiveNil);
  }
  // Non-blocking fast path: empty and open means "not ready" without taking the lock.
  if (!block && c->dataqsiz != 0 && c->qcount.load(std::memory_order_acquire) == 0 &&
      c->closed.load(std::memory_order_acquire) == 0) {
    return false;
  }
  c->lock.lock();
  sched::G* wake;
  bool okv;
  Transfer t = recvLocked(c, out, &okv, &wake);
  if (t == Transfer::Done || !block) {
    c->lock.unlock();
    if (wake) sched::ready(wake);
    if (t == Transfer::Done && ok) *ok = okv;
    return t == Transfer::Done;
  }
  Word val = 0;
  Waiter w;
  w.g = sched::current();
  w.elem = &val;
  w.c = c;
  parkOn(c, &w, sched::WaitReason::ChanReceive);
  if (sched::wasInterrupted()) return false;
  raceAcquire(c);
  *out = val;
  if (ok) *ok = w.success;
  return true;
}

Word recv(Chan* c, bool* ok) {
  Word v = 0;
  chanrecv(c, true, &v, ok);
  return v;
}

bool tryRecv(Chan* c, Word* v, bool* ok) {
  Word x = 0;
  bool okv = false;
  bool got = chanrecv(c, false, &x, &okv);
  if (got) {
    if (v) *v = x;
    if (ok) *ok = okv;
  }
  return got;
}

// ---------------------------------------------------------------- close

void close(Chan* c) {
  sched::syncPoint(c);  // a decision point of scripted runs (sched/policy.h)
  if (!c) panicPlain("close of nil channel");
  c->lock.lock();
  if (c->closed.load(std::memory_order_relaxed)) {
    c->lock.unlock();
    panicPlain("close of closed channel");
  }
  c->closed.store(1, std::memory_order_release);
  raceAcquireRelease(c);
  // Collect every waiter, then ready them after unlocking. The chain reuses Waiter::next: a
  // dequeued waiter is ours until its goroutine is readied.
  Waiter* chain = nullptr;
  while (Waiter* w = c->recvq.dequeue()) {
    if (w->elem) *w->elem = 0;
    w->success = false;
    w->next = chain;
    chain = w;
  }
  while (Waiter* w = c->sendq.dequeue()) {
    w->success = false;
    w->next = chain;
    chain = w;
  }
  c->lock.unlock();
  while (chain) {
    Waiter* w = chain;
    chain = w->next;  // read before ready: the goroutine may run and drop w at once
    sched::G* g = w->g;
    g->param = w;
    sched::ready(g);
  }
}

}  // namespace gol::rt
