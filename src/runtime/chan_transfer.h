// The one channel transfer, shared by chan.cpp (send, receive) and select.cpp. Internal to
// src/runtime. Both functions run with c->lock held and leave it held; the caller unlocks and
// then readies *wake (a goroutine whose waiter the transfer completed), keeping the lock short.
// The race detector and the tracer hook the transfer here, once, for every path.
#pragma once
#include "runtime/chan.h"
#include "runtime/hooks.h"

namespace gol::rt {

enum class Transfer : uint8_t {
  Done,      // the value moved (or, for a receive, the channel is closed and drained: ok=false)
  NotReady,  // nothing moved: the caller may queue a waiter
  Closed,    // send on a closed channel: the caller unlocks and panics
};

// Defined here, inline: they are the hot path of every channel operation.
// sendLocked: to the first waiting receiver, else into the buffer if it has room.
// recvLocked: closed and empty gives 0/false; else from the first waiting sender (through the
// buffer's head when buffered, keeping FIFO order), else from the buffer.

// Hands v to a dequeued receiver: straight into its slot on its stack (Go's send()).
inline sched::G* handToReceiver(Waiter* w, Word v) {
  if (w->elem) *w->elem = v;
  w->success = true;
  w->g->param = w;
  return w->g;
}

// Takes the value of a dequeued sender (Go's recv()). Unbuffered: straight from the sender.
// Buffered: a sender waits only when the buffer is full, so FIFO order needs the receiver to
// take the head and the sender's value to go to the tail; the ring stays full, so sendx
// follows recvx.
inline sched::G* takeFromSender(Chan* c, Waiter* w, Word* out) {
  if (c->dataqsiz == 0) {
    *out = *w->elem;
  } else {
    *out = c->buf[c->recvx];
    c->buf[c->recvx] = *w->elem;
    if (++c->recvx == c->dataqsiz) c->recvx = 0;
    c->sendx = c->recvx;
  }
  w->success = true;
  w->g->param = w;
  return w->g;
}

inline Transfer sendLocked(Chan* c, Word v, sched::G** wake) {
  *wake = nullptr;
  raceAcquireRelease(c);
  if (c->closed.load(std::memory_order_relaxed)) return Transfer::Closed;
  if (Waiter* w = c->recvq.dequeue()) {
    *wake = handToReceiver(w, v);
    return Transfer::Done;
  }
  uint64_t q = c->qcount.load(std::memory_order_relaxed);
  if (q == c->dataqsiz) return Transfer::NotReady;
  c->buf[c->sendx] = v;
  if (++c->sendx == c->dataqsiz) c->sendx = 0;
  c->qcount.store(q + 1, std::memory_order_relaxed);
  return Transfer::Done;
}

inline Transfer recvLocked(Chan* c, Word* out, bool* ok, sched::G** wake) {
  *wake = nullptr;
  raceAcquireRelease(c);
  uint64_t q = c->qcount.load(std::memory_order_relaxed);
  if (c->closed.load(std::memory_order_relaxed) && q == 0) {
    *out = 0;
    *ok = false;
    return Transfer::Done;
  }
  *ok = true;
  if (Waiter* w = c->sendq.dequeue()) {
    *wake = takeFromSender(c, w, out);
    return Transfer::Done;
  }
  if (q == 0) return Transfer::NotReady;
  *out = c->buf[c->recvx];
  c->buf[c->recvx] = 0;  // drop the reference for the collector
  if (++c->recvx == c->dataqsiz) c->recvx = 0;
  c->qcount.store(q - 1, std::memory_order_relaxed);
  return Transfer::Done;
}


}  // namespace gol::rt
