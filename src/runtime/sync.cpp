// Slow paths of the sync primitives (see sync.h for the design).
#include "runtime/sync.h"

#include "runtime/object.h"
#include "sched/futex.h"

namespace gol::rt {
namespace {
void unlockSpin(void* l) { static_cast<sched::SpinLock*>(l)->unlock(); }
}  // namespace

// ---------------------------------------------------------------- Mutex
//
// A futex-style state word, but waiting goroutines park instead of OS threads sleeping:
//   lock:   CAS 0->1; else spin a little (multi-worker only); else mark the state 2 ("maybe
//           waiters"); if it was 0 we now own it; otherwise queue ourselves — but only if the
//           state is still 2 under the queue lock, so an unlock between our exchange and our
//           enqueue cannot be missed — and park. A woken waiter competes again (no handoff;
//           Go's starvation mode is not implemented).
//   unlock: exchange to 0; if it was 2, wake the first queued waiter.

namespace {
struct SemaWait {
  SemaQueue* q;
  sched::SpinLock* lock;
  SemaWaiter* w;
};

bool cancelSemaWait(sched::G* g, void* arg) {
  auto* s = static_cast<SemaWait*>(arg);
  s->lock->lock();
  bool removed = s->q->remove(s->w);
  if (removed) g->waitCancelled = true;
  s->lock->unlock();
  return removed;
}
}  // namespace

bool parkCancellable(SemaQueue* q, sched::SpinLock* lock, SemaWaiter* w, sched::WaitReason why) {
  SemaWait s{q, lock, w};
  sched::armCancel(w->g, cancelSemaWait, &s);
  sched::park(why, unlockSpin, lock);
  return !sched::wasInterrupted();
}

void Mutex::lockSlow() {
  if (sched::procs() > 1) {
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 30; k++) sched::cpuRelax();
      int32_t z = 0;
      if (state_.load(std::memory_order_relaxed) == 0 &&
          state_.compare_exchange_weak(z, 1, std::memory_order_acquire))
        return;
    }
  }
  for (;;) {
    if (state_.exchange(2, std::memory_order_acquire) == 0) return;
    qlock_.lock();
    if (state_.load(std::memory_order_relaxed) != 2) {
      qlock_.unlock();
      continue;
    }
    SemaWaiter w;
    w.g = sched::current();
    if (!w.g) {  // not on a goroutine (tests, start-up code): spin the OS thread
      qlock_.unlock();
      sched::cpuRelax();
      continue;
    }
    q_.push(&w);
    parkCancellable(&q_, &qlock_, &w, sched::WaitReason::SyncMutexLock);  // withdrawn: try again
  }
}

void Mutex::unlockSlow(int32_t prev) {
  if (prev == 0) fatal("sync: unlock of unlocked mutex");
  qlock_.lock();
  SemaWaiter* w = q_.pop();
  qlock_.unlock();
  if (w) sched::ready(w->g);
}

// ---------------------------------------------------------------- RWMutex

void RWMutex::rlock() {
  mu_.lock();
  if (!writer_ && writersWaiting_ == 0) {
    readers_++;
    mu_.unlock();
    return;
  }
  SemaWaiter w;
  w.g = sched::current();
  readerQ_.push(&w);
  sched::park(sched::WaitReason::SyncRWMutexRLock, unlockSpin, &mu_);
  // granted: the unlocking writer counted us in readers_
}

bool RWMutex::tryRLock() {
  mu_.lock();
  bool ok = !writer_ && writersWaiting_ == 0;
  if (ok) readers_++;
  mu_.unlock();
  return ok;
}

void RWMutex::runlock() {
  mu_.lock();
  if (readers_ <= 0) {
    mu_.unlock();
    fatal("sync: RUnlock of unlocked RWMutex");
  }
  SemaWaiter* wake = nullptr;
  if (--readers_ == 0 && writersWaiting_ > 0) {
    wake = writerQ_.pop();
    writersWaiting_--;
    writer_ = true;
  }
  mu_.unlock();
  if (wake) sched::ready(wake->g);
}

void RWMutex::lock() {
  mu_.lock();
  if (!writer_ && readers_ == 0) {
    writer_ = true;
    mu_.unlock();
    return;
  }
  SemaWaiter w;
  w.g = sched::current();
  writersWaiting_++;
  writerQ_.push(&w);
  sched::park(sched::WaitReason::SyncRWMutexLock, unlockSpin, &mu_);
  // granted: writer_ was set for us
}

bool RWMutex::tryLock() {
  mu_.lock();
  bool ok = !writer_ && readers_ == 0;
  if (ok) writer_ = true;
  mu_.unlock();
  return ok;
}

void RWMutex::unlock() {
  mu_.lock();
  if (!writer_) {
    mu_.unlock();
    fatal("sync: Unlock of unlocked RWMutex");
  }
  writer_ = false;
  // Readers that queued behind us go first, then the next writer.
  SemaWaiter* chain = readerQ_.head;
  SemaWaiter* one = nullptr;
  if (chain) {
    for (SemaWaiter* r = chain; r; r = r->next) readers_++;
    readerQ_.head = readerQ_.tail = nullptr;
  } else if ((one = writerQ_.pop())) {
    writersWaiting_--;
    writer_ = true;
  }
  mu_.unlock();
  while (chain) {
    SemaWaiter* r = chain;
    chain = r->next;  // read before ready: r lives on the waiter's stack
    sched::ready(r->g);
  }
  if (one) sched::ready(one->g);
}

// ---------------------------------------------------------------- WaitGroup

void WaitGroup::add(int64_t delta) {
  // Go adds delta's low 32 bits to a 32-bit counter (wg.Add(1<<32) changes nothing).
  auto d = int32_t(uint32_t(uint64_t(delta)));
  auto v = int32_t(uint32_t(count_.fetch_add(d, std::memory_order_acq_rel)) + uint32_t(d));
  if (v < 0) panicPlain("sync: negative WaitGroup counter");
  if (v != 0 || d == 0) return;
  mu_.lock();
  SemaWaiter* chain = q_.head;
  q_.head = q_.tail = nullptr;
  mu_.unlock();
  while (chain) {
    SemaWaiter* w = chain;
    chain = w->next;
    sched::ready(w->g);
  }
}

void WaitGroup::wait() {
  if (count_.load(std::memory_order_acquire) == 0) return;
  mu_.lock();
  if (count_.load(std::memory_order_acquire) == 0) {
    mu_.unlock();
    return;
  }
  SemaWaiter w;
  w.g = sched::current();
  q_.push(&w);
  parkCancellable(&q_, &mu_, &w, sched::WaitReason::SyncWaitGroupWait);
}

// ---------------------------------------------------------------- Once

void Once::doSlow(void (*fn)(void*), void* arg) {
  m_.lock();
  if (done_.load(std::memory_order_relaxed) != 0) {
    m_.unlock();
    return;
  }
  // Like Go's `defer o.m.Unlock(); defer o.done.Store(1)`: runs on return and on a panic.
  struct Guard {
    Once* o;
    ~Guard() {
      o->done_.store(1, std::memory_order_release);
      o->m_.unlock();
    }
  } guard{this};
  fn(arg);
}

// ---------------------------------------------------------------- Cond

Locker Locker::of(Mutex* m) {
  return Locker{[](void* s) { static_cast<Mutex*>(s)->lock(); },
                [](void* s) { static_cast<Mutex*>(s)->unlock(); }, m};
}
Locker Locker::of(RWMutex* m) {
  return Locker{[](void* s) { static_cast<RWMutex*>(s)->lock(); },
                [](void* s) { static_cast<RWMutex*>(s)->unlock(); }, m};
}

// Go's notifyList in miniature: the waiter is queued before L is released, so a Signal after
// the Unlock always finds it; if the Signal comes before we park, `granted` tells us not to.
void Cond::wait(const Locker& l) {
  SemaWaiter w;
  w.g = sched::current();
  mu_.lock();
  q_.push(&w);
  mu_.unlock();
  l.unlock(l.self);
  mu_.lock();
  if (w.granted) {
    mu_.unlock();
  } else {
    w.parked = true;
    sched::park(sched::WaitReason::CondWait, unlockSpin, &mu_);
  }
  l.lock(l.self);
}

void Cond::signal() {
  mu_.lock();
  SemaWaiter* w = q_.pop();
  sched::G* g = nullptr;
  if (w) {
    w->granted = true;
    if (w->parked) g = w->g;
  }
  mu_.unlock();
  if (g) sched::ready(g);
}

void Cond::broadcast() {
  mu_.lock();
  SemaWaiter* chain = q_.head;
  q_.head = q_.tail = nullptr;
  sched::G* gs[64];
  int n = 0;
  SemaWaiter* rest = nullptr;
  for (SemaWaiter* w = chain; w;) {
    SemaWaiter* next = w->next;
    w->granted = true;
    if (w->parked) {
      if (n < 64) {
        gs[n++] = w->g;
      } else {
        w->next = rest;
        rest = w;
      }
    }
    w = next;
  }
  mu_.unlock();
  for (int i = 0; i < n; i++) sched::ready(gs[i]);
  // Beyond 64 parked waiters: their records stay valid until readied (they are parked).
  while (rest) {
    SemaWaiter* w = rest;
    rest = w->next;
    sched::ready(w->g);
  }
}

}  // namespace gol::rt
