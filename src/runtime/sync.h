// sync.Mutex, RWMutex, WaitGroup, Once and Cond on sched::park/ready (src/DESIGN.md §8).
//
// Each primitive is a small struct whose all-zero state is valid and unlocked/empty, so it can
// live in zeroed gol heap memory. Waiting goroutines sit on intrusive FIFO lists of records on
// their own stacks, guarded by a SpinLock; they park with that lock released after the switch.
// Go 1.19 prints all of these waits as "[semacquire]" except Cond ("[sync.Cond.Wait]").
//
// Misuse: unlock of an unlocked Mutex/RWMutex is a fatal error (rt::fatal, exit 2, not
// recoverable) and a negative WaitGroup counter panics (rt::panicPlain), with Go's messages.
#pragma once
#include <atomic>
#include <cstdint>

#include "sched/lock.h"
#include "sched/sched.h"

namespace gol::rt {

// A parked goroutine waiting on a sync primitive.
struct SemaWaiter {
  sched::G* g = nullptr;
  SemaWaiter* next = nullptr;
  // Set by the waker, under the primitive's lock, before ready(): what the waiter waited for is
  // already its own (Mutex, RWMutex: the lock was handed over; Cond: the signal arrived, and a
  // waiter that has not parked yet must not park).
  bool granted = false;
  bool parked = false;    // Cond: the waiter has committed to parking
};

struct SemaQueue {
  SemaWaiter* head = nullptr;
  SemaWaiter* tail = nullptr;
  void push(SemaWaiter* w) {
    w->next = nullptr;
    if (tail) tail->next = w; else head = w;
    tail = w;
  }
  SemaWaiter* pop() {
    SemaWaiter* w = head;
    if (w) {
      head = w->next;
      if (!head) tail = nullptr;
      w->next = nullptr;
    }
    return w;
  }
  bool empty() const { return head == nullptr; }
  bool remove(SemaWaiter* w) {  // false when w is no longer queued (a waker took it)
    SemaWaiter* prev = nullptr;
    for (SemaWaiter* x = head; x; prev = x, x = x->next) {
      if (x != w) continue;
      (prev ? prev->next : head) = x->next;
      if (tail == x) tail = prev;
      x->next = nullptr;
      return true;
    }
    return false;
  }
};

// Parks the current goroutine in q (whose lock is held, and released after the switch) so that
// sched::interrupt can withdraw it: the REPL's Ctrl-C on `mu.Lock()` or `wg.Wait()`. Returns
// false when the wait was withdrawn (the caller must not act as if it had been granted).
bool parkCancellable(SemaQueue* q, sched::SpinLock* lock, SemaWaiter* w, sched::WaitReason why);

class Mutex {
 public:
  // Fast path: one CAS to lock, one exchange to unlock (uncontended).
  void lock() {
    int32_t z = 0;
    if (__builtin_expect(state_.compare_exchange_strong(z, 1, std::memory_order_acquire), 1)) return;
    lockSlow();
  }
  bool tryLock() {
    int32_t z = 0;
    return state_.compare_exchange_strong(z, 1, std::memory_order_acquire);
  }
  void unlock() {
    int32_t prev = state_.exchange(0, std::memory_order_release);
    if (__builtin_expect(prev != 1, 0)) unlockSlow(prev);
  }

 private:
  void lockSlow();
  void unlockSlow(int32_t prev);
  // 0 unlocked, 1 locked, 2 locked and goroutines may be waiting
  std::atomic<int32_t> state_{0};
  sched::SpinLock qlock_;
  SemaQueue q_;
};

// Writer-preferring like Go's: a waiting writer blocks new readers; when a writer unlocks,
// the readers that queued meanwhile go first.
class RWMutex {
 public:
  void rlock();
  bool tryRLock();
  void runlock();
  void lock();
  bool tryLock();
  void unlock();

 private:
  sched::SpinLock mu_;
  int32_t readers_ = 0;         // readers holding the lock
  int32_t writersWaiting_ = 0;
  bool writer_ = false;         // a writer holds the lock
  SemaQueue readerQ_, writerQ_;
};

class WaitGroup {
 public:
  void add(int64_t delta);
  void done() { add(-1); }
  void wait();
  int64_t counter() const { return count_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int32_t> count_{0};  // 32 bits that wrap, as the counter in Go's WaitGroup state
  sched::SpinLock mu_;
  SemaQueue q_;
};

class Once {
 public:
  // Runs fn(arg) once; concurrent callers wait until it has returned. If fn panics (throws),
  // the Once still counts as done, as in Go, and the exception propagates.
  void doOnce(void (*fn)(void*), void* arg) {
    if (__builtin_expect(done_.load(std::memory_order_acquire) != 0, 1)) return;
    doSlow(fn, arg);
  }
  bool done() const { return done_.load(std::memory_order_acquire) != 0; }

 private:
  void doSlow(void (*fn)(void*), void* arg);
  std::atomic<uint32_t> done_{0};
  Mutex m_;
};

// The Locker a Cond waits with: Go's c.L. Either a Mutex or any pair of callbacks.
struct Locker {
  void (*lock)(void* self) = nullptr;
  void (*unlock)(void* self) = nullptr;
  void* self = nullptr;
  static Locker of(Mutex* m);
  static Locker of(RWMutex* m);  // as Go's RWMutex (write lock)
};

class Cond {
 public:
  // Atomically unlocks L and parks; re-locks L before returning.
  void wait(const Locker& l);
  void wait(Mutex* m) { wait(Locker::of(m)); }
  void signal();
  void broadcast();

 private:
  sched::SpinLock mu_;
  SemaQueue q_;
};

}  // namespace gol::rt
