// The one channel transfer, shared by chan.cpp (send, receive) and select.cpp. Internal to
// src/runtime. Both functions run with c->lock held and leave it held; the caller unlocks and
// then readies *wake (a goroutine whose waiter the transfer completed), keeping the lock short.
// The race detector and the tracer hook the transfer here, once, for every path.
#pragma once
#include "runtime/chan.h"

namespace gol::rt {

enum class Transfer : uint8_t {
  Done,      // the value moved (or, for a receive, the channel is closed and drained: ok=false)
  NotReady,  // nothing moved: the caller may queue a waiter
  Closed,    // send on a closed channel: the caller unlocks and panics
};

// Send v: to the first waiting receiver, else into the buffer if it has room.
Transfer sendLocked(Chan* c, Word v, sched::G** wake);
// Receive into *out/*ok: closed and empty gives 0/false; else from the first waiting sender
// (through the buffer's head when buffered, keeping FIFO order), else from the buffer.
Transfer recvLocked(Chan* c, Word* out, bool* ok, sched::G** wake);

}  // namespace gol::rt
