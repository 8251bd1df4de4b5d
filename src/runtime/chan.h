// Channels and select (src/DESIGN.md §8), after Go's runtime/chan.go and select.go.
//
// Every gol value is one 64-bit word, so a channel moves Words and never needs the element
// type. A receive from a closed channel yields the word 0 with ok=false: for element types whose
// zero value is not the 0 word (structs, arrays) the caller substitutes the zero value.
// A nil channel is nullptr: send/receive on it block forever.
//
// Panics ("send on closed channel", "close of closed channel", "close of nil channel") go
// through rt::panicPlain with no runtime lock held, so the interpreter's hook may throw.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>

#include "sched/lock.h"
#include "sched/sched.h"

namespace gol::rt {

using Word = uint64_t;
struct Chan;

// A blocked goroutine's entry in a channel wait queue (Go's sudog). It lives on the blocked
// goroutine's stack for as long as it is parked.
struct Waiter {
  sched::G* g = nullptr;
  Word* elem = nullptr;  // receive: where the value goes; send: where it comes from
  Waiter* next = nullptr;
  Waiter* prev = nullptr;
  Chan* c = nullptr;
  int32_t caseIndex = 0;  // select: which case this waiter stands for
  bool isSelect = false;
  bool isSend = false;   // which of c's queues it is in
  bool inQueue = false;
  bool success = false;  // set by the waker: true = value transferred, false = channel closed
};

// FIFO of waiters. dequeue() skips select waiters whose select another channel already won.
struct WaitQ {
  Waiter* first = nullptr;
  Waiter* last = nullptr;
  void enqueue(Waiter* w);
  Waiter* dequeue();
  void remove(Waiter* w);  // no-op when w is no longer queued
  bool empty() const { return first == nullptr; }
};

// Go's hchan. Invariants (under lock): at most one of recvq/sendq is non-empty; a buffered
// channel with qcount > 0 has an empty recvq; with qcount < dataqsiz an empty sendq.
// Allocated on the gol heap (ObjKind::Chan); the buffer is a separate array of Words so the
// collector scans the queued values as ordinary words.
struct Chan {
  sched::SpinLock lock;
  std::atomic<uint32_t> closed{0};
  std::atomic<uint64_t> qcount{0};  // atomic: len() reads it without the lock
  uint64_t dataqsiz = 0;
  uint64_t sendx = 0;
  uint64_t recvx = 0;
  Word* buf = nullptr;
  WaitQ recvq;
  WaitQ sendq;
};

Chan* makeChan(size_t cap);  // panics "makechan: size out of range" for absurd sizes
void send(Chan* c, Word v);
Word recv(Chan* c, bool* ok = nullptr);
void close(Chan* c);
bool trySend(Chan* c, Word v);            // non-blocking: true if sent (nil chan: false)
bool tryRecv(Chan* c, Word* v, bool* ok);  // non-blocking: true if a receive happened
int64_t len(const Chan* c);
int64_t cap(const Chan* c);

// ---------------------------------------------------------------- select

enum class Dir : uint8_t { Send, Recv };
struct Case {
  Chan* c = nullptr;  // nil: the case is never ready
  Dir dir = Dir::Recv;
  Word sendValue = 0;
};
// Blocks until one case can proceed (or returns -1 at once when none can and hasDefault).
// Chooses uniformly at random among ready cases. For a receive case, *recvOut and *recvOk get
// the value and ok. n == 0 without default blocks forever ("select (no cases)").
int select(Case* cases, int n, bool hasDefault, Word* recvOut, bool* recvOk);

}  // namespace gol::rt
