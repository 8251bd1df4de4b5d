// Goroutine lifecycle and switching: spawn, the G <-> g0 switch, park/ready/yield, safepoints,
// segmented stack growth (growAndCall), G reuse.
//
// G structs are separate objects, pooled on a per-worker free list when the goroutine ends (Go's
// gfput/gfget). A G gets its base stack segment when it first runs (attachStack: from the
// worker's LIFO cache of hot stacks, else a slab) and gives it back when it ends, so spawning
// usually costs a list pop and a run-queue push, and a million parked-before-running goroutines
// cost no stacks.
//
// Switch protocol (see proc.h): G -> g0 via switchToG0(), which records in the Worker what g0
// must do next (After::Park/Yield/Exit). g0 -> G via execute(). The data word passed by
// jump_fcontext from g0 to G is the Worker*, so a G learns on every resume which worker (and
// which g0 context) it now runs on — Gs migrate between threads freely.
#include <sys/mman.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

#include "sched/proc.h"
#include "sched/stack.h"

namespace gol::sched {

Sched S;

namespace detail {
WorkerHot g_dummyHot;  // non-worker threads: huge budget, no stack limit, no G
thread_local WorkerHot* t_hot = &g_dummyHot;
static intptr_t computeTlsOffset() {
  char* tp;
  asm volatile("mov %%fs:0, %0" : "=r"(tp));
  return reinterpret_cast<char*>(&t_hot) - tp;
}
intptr_t g_tlsOffset = computeTlsOffset();
[[gnu::noinline]] WorkerHot* currentWorkerSlow() { return t_hot; }
}  // namespace detail

void setCurrentWorkerTls(WorkerHot* h) { detail::t_hot = h; }

// ---------------------------------------------------------------- switching

static inline void segBounds(G* g, const void** lo, size_t* size) {
  if (g->seg) {
    *lo = g->seg->mem.lo;
    *size = reinterpret_cast<char*>(g->seg) - g->seg->mem.lo;
  } else {
    *lo = g->stackLo;
    *size = g->stackHi - g->stackLo;
  }
}

// On a G's stack: save its context and run g0 of the current worker; returns on resume. A G
// resumed while an in-process run stops unwinds from here (RunEndUnwind): whatever it waited
// for, the run is over.
static void switchToG0(Worker* w, G* g) {
  ctx::asanStart(&g->asanFake, w->g0Bottom, w->g0Size);
  ctx::tsanSwitch(w->tsanG0);
  ctx::transfer_t t = ctx::jump_fcontext(w->g0ctx, nullptr);
  Worker* nw = static_cast<Worker*>(t.data);
  nw->g0ctx = t.fctx;
  ctx::asanFinish(g->asanFake, &nw->g0Bottom, &nw->g0Size);
  if (__builtin_expect(S.stopping.load(std::memory_order_acquire), 0)) unwindCurrent();
}

// g0 -> G: runs g on worker w until it switches back to g0, and saves its context.
static void jumpToG(Worker* w, G* g) {
  const void* lo;
  size_t size;
  segBounds(g, &lo, &size);
  ctx::asanStart(&w->g0Fake, lo, size);
  ctx::tsanSwitch(g->tsanFiber);
  ctx::transfer_t t = ctx::jump_fcontext(g->ctx, w);
  ctx::asanFinish(w->g0Fake, nullptr, nullptr);
  g->ctx = t.fctx;
}

static void goexit0(G* g);

// First instruction of every goroutine.
static void gEntry(ctx::transfer_t t) {
  Worker* w = static_cast<Worker*>(t.data);
  w->g0ctx = t.fctx;
  ctx::asanFinish(nullptr, &w->g0Bottom, &w->g0Size);
  G* g = w->curg;
  bool unwound = false;
  try {
    g->fn(g->arg);
    if (g->isMain) exitProgram(0);
  } catch (const RunEndUnwind&) {
    unwound = true;  // leave the handler before switching: the exception must be freed here
  }
  w = thisWorker();
  w->after = unwound ? After::Abandon : After::Exit;
  ctx::asanStart(nullptr, w->g0Bottom, w->g0Size);
  ctx::tsanSwitch(w->tsanG0);
  ctx::jump_fcontext(w->g0ctx, nullptr);
  __builtin_unreachable();
}

static void attachStack(Worker* w, G* g);

void execute(Worker* w, G* g, bool inheritTime) {
  if (__builtin_expect(g->stackLo == nullptr, 0)) attachStack(w, g);
  if (!inheritTime) w->schedtick++;
  Policy* pol = detail::g_policy;
  bool virt = pol && pol->virtualTime();
  int p = w->id;
  if (virt) {
    pol->startSlice(g, &p, &w->sliceBudget);
    w->budget.store(w->sliceBudget, std::memory_order_relaxed);
  }
  emit(Event::Run, g, p);  // before curg is set: in seeded mode its time is the slice's start
  w->curg = g;
  w->stackLimit = g->limit;
  g->status.store(GStatus::Running, std::memory_order_relaxed);
  w->runSeq.store(w->runSeq.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  w->inG.store(true, std::memory_order_relaxed);
  jumpToG(w, g);
  w->curg = nullptr;
  w->stackLimit = nullptr;
  w->inG.store(false, std::memory_order_relaxed);
  if (virt) pol->endSlice(g, w->sliceBudget - w->budget.load(std::memory_order_relaxed));

  After a = w->after;
  w->after = After::None;
  switch (a) {
    case After::Park: {
      WaitReason r = g->waitReason.load(std::memory_order_relaxed);
      g->status.store(GStatus::Waiting, std::memory_order_release);
      emit(Event::Block, g, 0, r);
      void (*fn)(void*) = w->unlockFn;
      w->unlockFn = nullptr;
      if (fn) fn(w->unlockArg);  // from here on a waker may ready g
      break;
    }
    case After::Yield:
      g->status.store(GStatus::Runnable, std::memory_order_release);
      emit(Event::Yield, g);
      if (detail::g_policy) detail::g_policy->push(g, false);
      else runqput(w, g, false);
      break;
    case After::Exit:
      goexit0(g);
      break;
    case After::Abandon:  // unwound at the end of an in-process run; freeAllGs frees it
      g->status.store(GStatus::Dead, std::memory_order_release);
      break;
    case After::None:
      break;
  }
}

// ---------------------------------------------------------------- run queue put

void runqputSlow(Worker* w, G* g) {
  G* batch[LocalQueue::kSize / 2 + 1];
  uint32_t n = w->runq.grabHalf(batch);
  batch[n++] = g;
  for (uint32_t i = 0; i + 1 < n; i++) batch[i]->schedLink = batch[i + 1];
  S.globalQ.pushBatch(batch[0], batch[n - 1], n);
}

void runqput(Worker* w, G* g, bool next) {
  if (next) {
    G* old = w->runnext.exchange(g, std::memory_order_acq_rel);
    if (!old) return;
    g = old;  // the displaced runnext goes to the tail
  }
  if (!w->runq.push(g)) runqputSlow(w, g);
}

// ---------------------------------------------------------------- G allocation and reuse

static G* newG() {
  G* g = new G;
  std::lock_guard<std::mutex> lk(S.allgLock);
  S.allgs.push_back(g);
  return g;
}

// Free base stacks cached per worker: a link at the top of the (unused) stack memory.
struct FreeStack {
  FreeStack* next;
};

static void attachStack(Worker* w, G* g) {
  StackMem m;
  if (FreeStack* f = static_cast<FreeStack*>(w->stackCache)) {
    w->stackCache = f->next;
    w->nstackCache--;
    m.size = S.stackSize;
    m.lo = reinterpret_cast<char*>(f) + sizeof(FreeStack) - m.size;
  } else {
    m = allocStack(S.stackSize);
  }
  g->stackLo = m.lo;
  g->stackHi = m.lo + m.size - 64;  // keep the top line for the free-list link
  g->stackTotal = m.size;
  g->limit = g->stackLo + S.redZone;
  ctx::asanUnpoison(m.lo, m.size);
  g->ctx = ctx::make_fcontext(g->stackHi, size_t(g->stackHi - g->stackLo), gEntry);
}

static void releaseStack(Worker* w, G* g) {
  char* top = g->stackHi + 64;
  if (w && w->nstackCache < 32) {
    FreeStack* f = reinterpret_cast<FreeStack*>(top - sizeof(FreeStack));
    ctx::asanUnpoison(f, sizeof(FreeStack));
    f->next = static_cast<FreeStack*>(w->stackCache);
    w->stackCache = f;
    w->nstackCache++;
  } else {
    freeStack(StackMem{g->stackLo, size_t(top - g->stackLo)});
  }
  g->stackLo = g->stackHi = nullptr;
}

void drainStackCache(Worker* w) {
  while (FreeStack* f = static_cast<FreeStack*>(w->stackCache)) {
    w->stackCache = f->next;
    char* top = reinterpret_cast<char*>(f) + sizeof(FreeStack);
    freeStack(StackMem{top - S.stackSize, S.stackSize});
  }
  w->nstackCache = 0;
}

static G* gfget(Worker* w) {
  if (w) {
    if (!w->gfree) {
      std::lock_guard<std::mutex> lk(S.gfreeLock);
      for (int i = 0; i < 32 && S.gfree; i++) {
        G* g = S.gfree;
        S.gfree = g->schedLink;
        g->schedLink = w->gfree;
        w->gfree = g;
        w->ngfree++;
      }
    }
    if (G* g = w->gfree) {
      w->gfree = g->schedLink;
      w->ngfree--;
      return g;
    }
    return nullptr;
  }
  std::lock_guard<std::mutex> lk(S.gfreeLock);
  G* g = S.gfree;
  if (g) S.gfree = g->schedLink;
  return g;
}

void gfput(Worker* w, G* g) {
  g->schedLink = w->gfree;
  w->gfree = g;
  if (++w->ngfree < 64) return;
  std::lock_guard<std::mutex> lk(S.gfreeLock);
  while (w->ngfree > 32) {
    G* x = w->gfree;
    w->gfree = x->schedLink;
    w->ngfree--;
    x->schedLink = S.gfree;
    S.gfree = x;
  }
}

static void freeSpare(G* g) {
  if (g->spareSeg) {
    freeStack(g->spareSeg->mem);
    g->spareSeg = nullptr;
  }
}

static void goexit0(G* g) {
  g->status.store(GStatus::Dead, std::memory_order_release);
  g->waitReason.store(WaitReason::None, std::memory_order_relaxed);
  emit(Event::End, g);
  S.ngoroutines.fetch_sub(1, std::memory_order_relaxed);
  ctx::tsanDestroy(g->tsanFiber);
  g->tsanFiber = nullptr;
  g->asanFake = nullptr;
  freeSpare(g);
  g->user = nullptr;
  Worker* w = thisWorker();
  releaseStack(w, g);
  gfput(w, g);
}

void freeAllGs() {
  std::lock_guard<std::mutex> lk(S.allgLock);
  for (G* g : S.allgs) {
    if (g->tsanFiber) ctx::tsanDestroy(g->tsanFiber);
    while (StackSeg* s = g->seg) {
      g->seg = s->outer;
      freeStack(s->mem);
    }
    freeSpare(g);
    if (g->stackLo) releaseStack(nullptr, g);
    delete g;
  }
  S.allgs.clear();
  S.gfree = nullptr;
}

static int64_t newGoid(Worker* w) {
  if (!w) return S.goidGen.fetch_add(1, std::memory_order_relaxed) + 1;
  if (w->goidNext == w->goidEnd) {
    constexpr int64_t kBatch = 16;
    w->goidNext = S.goidGen.fetch_add(kBatch, std::memory_order_relaxed) + 1;
    w->goidEnd = w->goidNext + kBatch;
  }
  return w->goidNext++;
}

// gol run -maxgoroutines N (gol play's limit): the spawn past N ends the program, as Go's
// thread limit does ("program exceeds 10000-thread limit").
[[noreturn]] static void tooManyGoroutines() {
  char msg[96];
  std::snprintf(msg, sizeof msg, "program exceeds %lld-goroutine limit (gol run -maxgoroutines)",
                static_cast<long long>(S.cfg.maxGoroutines));
  fatal(msg);
}

static G* prepareG(Worker* w, void (*fn)(void*), void* arg) {
  G* g = gfget(w);
  if (!g) g = newG();
  g->fn = fn;
  g->arg = arg;
  g->user = nullptr;
  g->param = nullptr;
  g->isMain = false;
  g->selectDone.store(0, std::memory_order_relaxed);
  g->waitReason.store(WaitReason::None, std::memory_order_relaxed);
  g->seg = nullptr;
  g->ctx = nullptr;  // the stack and context come with the first run (attachStack)
  g->tsanFiber = ctx::tsanCreate();
  g->id = newGoid(w);
  int64_t live = S.ngoroutines.fetch_add(1, std::memory_order_relaxed) + 1;
  if (S.cfg.maxGoroutines > 0 && live > S.cfg.maxGoroutines) tooManyGoroutines();
  g->status.store(GStatus::Runnable, std::memory_order_release);
  return g;
}

G* newMainG(void (*fn)(void*), void* arg) {
  G* g = prepareG(nullptr, fn, arg);
  g->isMain = true;
  emit(Event::Spawn, g, 0);
  return g;
}

G* spawn(void (*fn)(void*), void* arg) {
  Worker* w = thisWorker();
  G* g = prepareG(w, fn, arg);
  if (__builtin_expect(detail::g_sink != nullptr, 0)) {
    G* parent = w ? w->curg : nullptr;
    emit(Event::Spawn, g, parent ? parent->id : 0);
  }
  if (detail::g_policy) detail::g_policy->push(g, true);
  else if (w) runqput(w, g, true);
  else S.globalQ.push(g);
  wakep();
  return g;
}

// ---------------------------------------------------------------- blocking and waking

G* current() { return currentWorker()->curg; }

void park(WaitReason reason, void (*unlockFn)(void*), void* arg) {
  Worker* w = thisWorker();
  G* g = w ? w->curg : nullptr;
  if (!g) {
    std::fputs("fatal error: park called off a goroutine\n", stderr);
    std::_Exit(2);
  }
  g->waitReason.store(reason, std::memory_order_relaxed);
  w->after = After::Park;
  w->unlockFn = unlockFn;
  w->unlockArg = arg;
  switchToG0(w, g);
}

void ready(G* g) {
  // An in-process run has ended (a destructor run by RunEndUnwind released a waiter): nothing
  // will run g again.
  if (__builtin_expect(S.stopping.load(std::memory_order_relaxed), 0) && !S.running.load()) return;
  if (__builtin_expect(g->status.load(std::memory_order_acquire) != GStatus::Waiting, 0))
    fatal("sched: ready of a goroutine that is not parked (a waker raced its park)");
  g->waitReason.store(WaitReason::None, std::memory_order_relaxed);
  g->status.store(GStatus::Runnable, std::memory_order_release);
  Worker* w = thisWorker();
  if (__builtin_expect(detail::g_sink != nullptr, 0)) {
    G* by = w ? w->curg : nullptr;
    emit(Event::Unblock, g, by ? by->id : 0);
  }
  if (detail::g_policy) {
    detail::g_policy->push(g, true);
    wakep();
    return;
  }
  if (!w) {
    S.globalQ.push(g);
    wakep();
    return;
  }
  if (w->curg && !w->inTimers) {
    // Readied by the running G (a channel peer): runnext. If nothing was displaced and the
    // queue is otherwise empty, this worker will run g as soon as the current G blocks, so
    // waking another worker would only make it steal g across threads (and cost a futex wake).
    // The monitor wakes an idle worker if g waits there too long.
    G* old = w->runnext.exchange(g, std::memory_order_acq_rel);
    if (!old && w->runq.empty()) return;
    if (old && !w->runq.push(old)) runqputSlow(w, old);
  } else {
    runqput(w, g, false);
  }
  wakep();
}

void yield() {
  Worker* w = thisWorker();
  G* g = w ? w->curg : nullptr;
  if (!g) {
    std::this_thread::yield();
    return;
  }
  w->after = After::Yield;
  switchToG0(w, g);
}

[[noreturn]] void unwindCurrent() {
  current()->waitReason.store(WaitReason::None, std::memory_order_relaxed);
  throw RunEndUnwind{};
}

void unwindLiveGs(Worker* w) {
  setCurrentWorkerTls(w);
  std::vector<G*> gs;
  {
    std::lock_guard<std::mutex> lk(S.allgLock);
    gs = S.allgs;
  }
  for (G* g : gs) {
    GStatus st = g->status.load(std::memory_order_acquire);
    // Runnable or Waiting with a stack: it has run and is suspended in switchToG0, which
    // throws when resumed now. Never run (no stack): nothing to unwind.
    if ((st != GStatus::Runnable && st != GStatus::Waiting) || !g->stackLo) continue;
    w->curg = g;
    w->stackLimit = g->limit;
    g->status.store(GStatus::Running, std::memory_order_relaxed);
    jumpToG(w, g);
    w->curg = nullptr;
    w->stackLimit = nullptr;
    if (w->after != After::Abandon) fatal("sched: a goroutine resumed to unwind did not unwind");
    w->after = After::None;
    g->status.store(GStatus::Dead, std::memory_order_release);
  }
  setCurrentWorkerTls(&detail::g_dummyHot);
}

void safepointSlow() {
  WorkerHot* h = currentWorker();
  Worker* w = asWorker(h);
  if (!w || !w->curg) {
    h->budget.store(INT_MAX / 2, std::memory_order_relaxed);
    return;
  }
  // Seeded mode: the budget ran out, which is the slice's end (a preemption point drawn by the
  // policy): keep it at 0 so the slice is charged in full, and yield below.
  bool seededPreempt = detail::g_policy && detail::g_policy->virtualTime();
  if (seededPreempt) w->budget.store(0, std::memory_order_relaxed);
  else w->budget.store(S.stress ? 1 : kBudget, std::memory_order_relaxed);
  if (S.stopping.load(std::memory_order_acquire)) unwindCurrent();
  if (timersPending() && nextTimerWhen() <= nanotime()) {
    w->inTimers = true;
    runTimers(nanotime());
    w = thisWorker();
    w->inTimers = false;
  }
  if (auto hook = hooks().atSafepoint) {
    hook();
    w = thisWorker();  // the hook may have parked: this goroutine may now run elsewhere
  }
  bool pre = w->preempt.exchange(false, std::memory_order_relaxed);
  if (pre || seededPreempt || S.stress || S.gcStop.load(std::memory_order_acquire)) yield();
  G* g = current();
  if (g && g->interruptRequested.exchange(false, std::memory_order_acq_rel) && hooks().onInterrupt)
    hooks().onInterrupt();
}

void visiblePoint() {
  Policy* p = detail::g_policy;
  if (p && p->scripted() && current()) {
    if (p->atVisiblePoint()) yield();
    return;
  }
  safepoint();
}

void syncPointSlow(const void* obj, bool commutes) {
  Policy* p = detail::g_policy;
  if (!p->scripted() || !current()) return;
  if (p->atVisiblePoint()) yield();
  if (obj && hooks().syncAttempt) hooks().syncAttempt(obj, commutes);
}

void requestSafepoint() { currentWorker()->budget.store(0, std::memory_order_relaxed); }

bool g_cancellableWaits = false;
void setCancellableWaits(bool on) { g_cancellableWaits = on; }

void interrupt(G* g) {
  g->interruptRequested.store(true, std::memory_order_release);
  g->cancelBusy.store(true, std::memory_order_seq_cst);
  auto cancel = g->cancelWait.load(std::memory_order_seq_cst);  // null once the wait is over
  bool withdrawn = cancel && g->status.load(std::memory_order_acquire) == GStatus::Waiting &&
                   cancel(g, g->cancelArg.load(std::memory_order_relaxed));  // re-checks under its lock
  g->cancelBusy.store(false, std::memory_order_seq_cst);
  if (withdrawn) ready(g);
}

bool wasInterruptedSlow(G* g) {
  g->waitCancelled = false;
  g->interruptRequested.store(false, std::memory_order_relaxed);
  if (hooks().onInterrupt) hooks().onInterrupt();
  return true;
}

int64_t numGoroutine() { return S.ngoroutines.load(std::memory_order_relaxed); }

void beginExternalWait() { S.externalWaits.fetch_add(1, std::memory_order_seq_cst); }
void endExternalWait() { S.externalWaits.fetch_sub(1, std::memory_order_seq_cst); }

void forEachG(void (*cb)(G* g, void* ctx), void* c) {
  std::vector<G*> gs;
  {
    std::lock_guard<std::mutex> lk(S.allgLock);
    gs = S.allgs;
  }
  for (G* g : gs) {
    GStatus st = g->status.load(std::memory_order_acquire);
    if (st == GStatus::Dead || st == GStatus::Idle) continue;
    cb(g, c);
  }
}

// ---------------------------------------------------------------- segmented stacks

namespace {
struct GrowFrame {
  void (*fn)(void*);
  void* arg;
  StackSeg* seg;
  std::exception_ptr exc;
  const void* outerBottom = nullptr;
  size_t outerSize = 0;
};

void segEntry(ctx::transfer_t t) {
  GrowFrame* fr = static_cast<GrowFrame*>(t.data);
  fr->seg->outerCtx = t.fctx;
  fr->seg->outerSp = t.fctx;
  ctx::asanFinish(nullptr, &fr->outerBottom, &fr->outerSize);
  try {
    fr->fn(fr->arg);
  } catch (...) {
    fr->exc = std::current_exception();
  }
  ctx::asanStart(nullptr, fr->outerBottom, fr->outerSize);
  ctx::jump_fcontext(fr->seg->outerCtx, nullptr);
  __builtin_unreachable();
}
}  // namespace

void growAndCall(void (*fn)(void*), void* arg) {
  Worker* w = thisWorker();
  G* g = w ? w->curg : nullptr;
  if (!g) {
    fn(arg);
    return;
  }
  size_t cur = g->seg ? g->seg->mem.size : S.stackSize;
  size_t want = cur * 2;
  constexpr size_t kMaxSeg = 64ull << 20;
  if (want > kMaxSeg) want = kMaxSeg;
  if (g->stackTotal + want > S.cfg.maxStack) fatal("stack overflow");

  StackMem mem;
  if (g->spareSeg && g->spareSeg->mem.size == want) {
    mem = g->spareSeg->mem;
    g->spareSeg = nullptr;
  } else {
    mem = allocStack(want);
  }
  ctx::asanUnpoison(mem.lo, mem.size);
  uintptr_t top = reinterpret_cast<uintptr_t>(mem.lo + mem.size);
  StackSeg* seg = reinterpret_cast<StackSeg*>((top - sizeof(StackSeg)) & ~uintptr_t(63));
  new (seg) StackSeg;
  seg->mem = mem;
  seg->outer = g->seg;
  seg->outerLimit = g->limit;
  GrowFrame fr{fn, arg, seg, nullptr};
  char* stackTop = reinterpret_cast<char*>(seg);
  ctx::fcontext_t fc = ctx::make_fcontext(stackTop, size_t(stackTop - mem.lo), segEntry);

  g->seg = seg;
  g->limit = mem.lo + S.redZone;
  g->stackTotal += mem.size;
  w->stackLimit = g->limit;
  void* fake = nullptr;
  ctx::asanStart(&fake, mem.lo, size_t(stackTop - mem.lo));
  ctx::jump_fcontext(fc, &fr);
  ctx::asanFinish(fake, nullptr, nullptr);

  // Back on the outer segment, possibly on another worker thread.
  w = thisWorker();
  g->seg = seg->outer;
  g->limit = seg->outerLimit;
  g->stackTotal -= mem.size;
  w->stackLimit = g->limit;
  if (!g->spareSeg) {
    g->spareSeg = seg;
  } else {
    freeStack(mem);
  }
  if (fr.exc) std::rethrow_exception(fr.exc);
}

// ---------------------------------------------------------------- GC seam: stacks

void forEachGoroutineStack(void (*cb)(const void* lo, const void* hi, void* ctx), void* c) {
  G* self = current();
  char here;
  std::vector<G*> gs;
  {
    std::lock_guard<std::mutex> lk(S.allgLock);
    gs = S.allgs;
  }
  for (G* g : gs) {
    GStatus st = g->status.load(std::memory_order_acquire);
    if (st == GStatus::Dead || st == GStatus::Idle) continue;
    if (st == GStatus::Running && g != self) continue;  // cannot happen while the world is stopped
    if (!g->stackLo) continue;  // not started yet: no stack
    const void* sp = g == self ? static_cast<const void*>(&here) : g->ctx;
    // innermost first: each segment from the SP saved in it up to its top
    for (StackSeg* s = g->seg; s; s = s->outer) {
      cb(sp, s, c);
      sp = s->outerSp;
    }
    cb(sp, g->stackHi, c);  // the G struct itself is reported by forEachG
  }
}

}  // namespace gol::sched
