// Unit tests of the goroutine scheduler (src/sched/): run queues, spawn/park/ready/yield,
// many goroutines, timers and sleep, deadlock detection, preemption, stack growth, the seeded
// policy, stop-the-world and GOMAXPROCS changes.
#include <doctest/doctest.h>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>
#include <algorithm>

#include "sched/policy.h"
#include "sched/runq.h"
#include "sched/sched.h"
#include "sched_helpers.h"

using namespace gol;
using gol::testutil::go;
using gol::testutil::runMain;

TEST_CASE("sched: local run queue is FIFO, bounded, and gives up half") {
  static sched::G gs[300];
  auto* q = new sched::LocalQueue;
  for (int i = 0; i < 256; i++) CHECK(q->push(&gs[i]));
  CHECK_FALSE(q->push(&gs[256]));
  CHECK(q->size() == 256);
  sched::G* out[128];
  CHECK(q->grabHalf(out) == 128);
  CHECK(out[0] == &gs[0]);
  CHECK(out[127] == &gs[127]);
  CHECK(q->pop() == &gs[128]);
  CHECK(q->size() == 127);
  while (q->pop()) {
  }
  CHECK(q->empty());
  delete q;

  sched::GlobalQueue gq;
  gq.push(&gs[1]);
  gq.push(&gs[2]);
  CHECK(gq.size() == 2);
  CHECK(gq.pop() == &gs[1]);
  CHECK(gq.pop() == &gs[2]);
  CHECK(gq.pop() == nullptr);
}

TEST_CASE("sched: main runs as goroutine 1 and run returns its exit code") {
  int64_t id = 0;
  bool onG = false;
  int rc = runMain(2, [&] {
    id = sched::current()->id;
    onG = sched::current() != nullptr;
  });
  CHECK(rc == 0);
  CHECK(id == 1);
  CHECK(onG);
  CHECK(runMain(1, [] { sched::exitProgram(3); }) == 3);
}

TEST_CASE("sched: park and ready hand a goroutine back") {
  for (int procs : {1, 2, 4}) {
    std::atomic<int> steps{0};
    runMain(procs, [&] {
      sched::G* main = sched::current();
      std::atomic<bool> parked{false};
      go([&, main] {
        steps++;
        while (!parked.load()) sched::yield();  // ready only what is really parked
        sched::ready(main);
      });
      sched::park(sched::WaitReason::ChanReceive, [](void* p) { static_cast<std::atomic<bool>*>(p)->store(true); },
                  &parked);
      steps++;
    });
    CHECK(steps == 2);
  }
}

TEST_CASE("sched: park releases its lock only after the switch") {
  // A waker that takes the same lock must never find the G still running.
  std::atomic<int> bad{0};
  runMain(4, [&] {
    struct Slot {
      std::atomic<bool> locked{false};
      sched::G* g = nullptr;
    };
    for (int round = 0; round < 2000; round++) {
      Slot s;
      s.locked = true;
      s.g = sched::current();
      go([&s, &bad] {
        while (s.locked.load(std::memory_order_acquire)) sched::yield();
        if (s.g->status.load() != sched::GStatus::Waiting) bad++;
        sched::ready(s.g);
      });
      sched::park(sched::WaitReason::Semacquire,
                  [](void* p) { static_cast<Slot*>(p)->locked.store(false); }, &s);
    }
  });
  CHECK(bad == 0);
}

TEST_CASE("sched: 100k goroutines spawn, run and end") {
#if defined(GOL_TSAN)
  constexpr int kN = 4000;  // TSan counts every fiber as a thread (limit 8128)
#else
  constexpr int kN = 100000;
#endif
  for (int procs : {1, 2}) {
    std::atomic<int64_t> sum{0};
    std::atomic<int> left{kN};
    int64_t maxId = 0;
    runMain(procs, [&] {
      sched::G* main = sched::current();
      std::atomic<bool> parked{false};
      for (int i = 0; i < kN; i++) {
        go([&, i, main] {
          sum += i;
          if (--left == 0) {
            while (!parked.load()) sched::yield();
            sched::ready(main);
          }
        });
      }
      sched::park(sched::WaitReason::Semacquire, [](void* p) { static_cast<std::atomic<bool>*>(p)->store(true); },
                  &parked);
      maxId = sched::numGoroutine();
    });
    CHECK(sum == int64_t(kN - 1) * kN / 2);
    CHECK(maxId >= 1);
  }
}

TEST_CASE("sched: yield interleaves two goroutines on one worker") {
  std::vector<int> order;
  runMain(1, [&] {
    std::atomic<int> done{0};
    go([&] {
      for (int i = 0; i < 3; i++) {
        order.push_back(1);
        sched::yield();
      }
      done++;
    });
    for (int i = 0; i < 3; i++) {
      order.push_back(0);
      sched::yield();
    }
    while (done.load() == 0) sched::yield();
  });
  REQUIRE(order.size() == 6);
  int switches = 0;
  for (size_t i = 1; i < order.size(); i++) switches += order[i] != order[i - 1];
  CHECK(switches >= 4);
}

TEST_CASE("sched: goroutine ids increase from 1 and numGoroutine counts live ones") {
  std::vector<int64_t> ids;
  int64_t live = 0;
  runMain(1, [&] {
    std::atomic<int> n{0};
    sched::G* gs[5];
    for (int i = 0; i < 5; i++) gs[i] = go([&] {
      sched::park(sched::WaitReason::Sleep, [](void* p) { (*static_cast<std::atomic<int>*>(p))++; }, &n);
    });
    for (auto* g : gs) ids.push_back(g->id);
    while (n.load() < 5) sched::yield();
    live = sched::numGoroutine();
    for (auto* g : gs) sched::ready(g);
    sched::yield();
  });
  CHECK(ids == std::vector<int64_t>{2, 3, 4, 5, 6});
  CHECK(live == 6);
}

TEST_CASE("sched: sleep and timers") {
  int64_t slept = 0;
  std::vector<int> fired;
  runMain(2, [&] {
    int64_t t0 = sched::nanotime();
    sched::sleep(20'000'000);
    slept = sched::nanotime() - t0;

    // Three timers fire in deadline order; a deleted one does not fire.
    static std::vector<int>* out;
    out = &fired;
    sched::G* main = sched::current();
    sched::Timer ts[4];
    int64_t now = sched::nanotime();
    int tags[4] = {3, 1, 2, 9};
    int64_t at[4] = {3'000'000, 1'000'000, 2'000'000, 1'500'000};
    for (int i = 0; i < 4; i++) {
      ts[i].when = now + at[i];
      ts[i].arg = &tags[i];
      ts[i].fn = [](void* a, int64_t) { out->push_back(*static_cast<int*>(a)); };
      sched::addTimer(&ts[i]);
    }
    CHECK(sched::delTimer(&ts[3]));
    CHECK_FALSE(sched::delTimer(&ts[3]));
    sched::Timer wake;
    wake.when = now + 5'000'000;
    wake.arg = main;
    wake.fn = [](void* g, int64_t) { sched::ready(static_cast<sched::G*>(g)); };
    sched::park(sched::WaitReason::Sleep, [](void* t) { sched::addTimer(static_cast<sched::Timer*>(t)); }, &wake);
  });
  CHECK(slept >= 20'000'000);
  CHECK(slept < 200'000'000);
  CHECK(fired == std::vector<int>{1, 2, 3});
}

TEST_CASE("sched: many sleepers wake") {
  std::atomic<int> woke{0};
  runMain(2, [&] {
    std::atomic<int> left{1000};
    sched::G* main = sched::current();
    std::atomic<bool> parked{false};
    for (int i = 0; i < 1000; i++) go([&, i, main] {
      sched::sleep((i % 10) * 1'000'000);
      woke++;
      if (--left == 0) {
        while (!parked.load()) sched::yield();
        sched::ready(main);
      }
    });
    sched::park(sched::WaitReason::Semacquire, [](void* p) { static_cast<std::atomic<bool>*>(p)->store(true); }, &parked);
  });
  CHECK(woke == 1000);
}

static std::atomic<int> g_deadlocks{0};
static std::vector<std::string> g_reasons;

TEST_CASE("sched: deadlock is detected when every goroutine is blocked") {
  for (int procs : {1, 3}) {
    g_deadlocks = 0;
    g_reasons.clear();
    sched::hooks().onDeadlock = [] {
      g_deadlocks++;
      sched::forEachG([](sched::G* g, void*) {
        g_reasons.push_back(std::to_string(g->id) + ":" + sched::waitReasonString(g->waitReason.load()));
      }, nullptr);
    };
    int rc = runMain(procs, [] {
      go([] { sched::park(sched::WaitReason::ChanSend); });
      sched::sleep(1'000'000);  // a sleeping goroutine is not deadlocked
      sched::park(sched::WaitReason::ChanReceive);
    });
    sched::hooks().onDeadlock = nullptr;
    CHECK(rc == 2);
    CHECK(g_deadlocks == 1);
    std::sort(g_reasons.begin(), g_reasons.end());
    CHECK(g_reasons == std::vector<std::string>{"1:chan receive", "2:chan send"});
  }
}

TEST_CASE("sched: a spinning goroutine does not starve main on one worker") {
  std::atomic<bool> stop{false};
  int64_t waited = 0;
  runMain(1, [&] {
    go([&] {
      while (!stop.load(std::memory_order_relaxed)) sched::safepoint();
    });
    sched::yield();  // let the spinner start
    int64_t t0 = sched::nanotime();
    sched::yield();  // comes back only once the spinner is preempted
    waited = sched::nanotime() - t0;
    stop = true;
  });
  CHECK(waited < 100'000'000);
}

TEST_CASE("sched: GOL_STRESS-like tight budget still completes") {
  // Every safepoint takes the slow path (budget 1), as under GOL_STRESS: correctness only.
  std::atomic<int64_t> total{0};
  runMain(2, [&] {
    std::atomic<int> left{8};
    for (int k = 0; k < 8; k++) go([&] {
      for (int i = 0; i < 200000; i++) {
        total++;
        sched::currentWorker()->budget.store(1, std::memory_order_relaxed);
        sched::safepoint();
      }
      left--;
    });
    while (left.load()) sched::yield();
  });
  CHECK(total == 8 * 200000);
}

namespace {
struct Deep {
  int depth;
  int64_t result;
};
void recurse(void* p);
int64_t deepCall(int depth) {
  if (depth == 0) return 0;
  char pad[512];
  std::memset(pad, depth & 0xff, sizeof pad);
  asm volatile("" : : "r"(pad) : "memory");
  if (sched::stackLow()) {
    Deep d{depth - 1, 0};
    sched::growAndCall(recurse, &d);
    return d.result + 1 + (pad[7] & 0);
  }
  return deepCall(depth - 1) + 1 + (pad[7] & 0);
}
void recurse(void* p) {
  Deep* d = static_cast<Deep*>(p);
  d->result = deepCall(d->depth);
}
}  // namespace

TEST_CASE("sched: deep recursion grows the stack by segments, in main and in goroutines") {
#if defined(GOL_TSAN)
  constexpr int kDepth = 30000;  // TSan's per-thread shadow call stack is bounded
#else
  constexpr int kDepth = 100000;  // ~60 MB of frames
#endif
  int64_t a = 0, b = 0;
  runMain(2, [&] {
    a = deepCall(kDepth);
    std::atomic<bool> done{false};
    go([&] {
      b = deepCall(20000);
      b += deepCall(20000);  // segments are reused
      done = true;
    });
    while (!done.load()) sched::yield();
  });
  CHECK(a == kDepth);
  CHECK(b == 40000);
}

TEST_CASE("sched: exceptions cross growAndCall segments") {
  std::string caught;
  runMain(1, [&] {
    try {
      sched::growAndCall([](void*) { throw std::runtime_error("boom"); }, nullptr);
    } catch (const std::exception& e) {
      caught = e.what();
    }
  });
  CHECK(caught == "boom");
}

TEST_CASE("sched: stack overflow past the limit calls the fatal hook") {
  static std::string msg;
  sched::hooks().fatal = [](const char* m) {
    msg = m;
    throw std::runtime_error(m);
  };
  sched::Config c;
  c.procs = 1;
  c.returnFromRun = true;
  c.maxStack = 8 << 20;
  std::string caught;
  sched::run(c, [](void* p) {
    try {
      deepCall(1 << 30);
    } catch (const std::exception& e) {
      *static_cast<std::string*>(p) = e.what();
    }
  }, &caught);
  sched::hooks().fatal = nullptr;
  CHECK(msg == "stack overflow");
  CHECK(caught == "stack overflow");
}

TEST_CASE("sched: seeded policy makes interleavings reproducible") {
  auto trace = [](uint64_t seed) {
    sched::SeededPolicy pol(seed, 3);
    sched::setPolicy(&pol);
    std::string out;
    runMain(4, [&] {
      CHECK(sched::procs() == 3);  // virtual processors, on one worker thread
      std::atomic<int> left{4};
      for (int k = 0; k < 4; k++) go([&, k] {
        for (int i = 0; i < 5; i++) {
          out += char('a' + k);
          sched::yield();
        }
        left--;
      });
      while (left.load()) sched::yield();
    });
    sched::setPolicy(nullptr);
    return out;
  };
  std::string a = trace(7), b = trace(7), c = trace(8);
  CHECK(a == b);
  CHECK(a.size() == 20);
  CHECK(a != c);
}

namespace {
struct Recorder : sched::EventSink {
  std::atomic<int> spawns{0}, ends{0}, blocks{0}, unblocks{0};
  void event(sched::Event e, const sched::G*, int64_t, sched::WaitReason) override {
    if (e == sched::Event::Spawn) spawns++;
    if (e == sched::Event::End) ends++;
    if (e == sched::Event::Block) blocks++;
    if (e == sched::Event::Unblock) unblocks++;
  }
};
}  // namespace

TEST_CASE("sched: event sink sees spawn, block, unblock, end") {
  Recorder rec;
  sched::setEventSink(&rec);
  runMain(2, [] {
    sched::G* main = sched::current();
    static std::atomic<bool> parked;
    parked = false;
    go([main] {
      while (!parked.load()) sched::yield();
      sched::ready(main);
    });
    sched::park(sched::WaitReason::ChanReceive, [](void*) { parked = true; }, nullptr);
  });
  sched::setEventSink(nullptr);
  CHECK(rec.spawns == 2);  // main and the child
  CHECK(rec.ends >= 1);
  CHECK(rec.blocks == 1);
  CHECK(rec.unblocks == 1);
}

TEST_CASE("sched: stop the world and scan goroutine stacks") {
  int ranges = 0;
  bool allOrdered = true;
  runMain(2, [&] {
    std::atomic<bool> stop{false};
    std::atomic<int> started{0};
    for (int k = 0; k < 3; k++) go([&] {
      started++;
      while (!stop.load(std::memory_order_relaxed)) sched::safepoint();
    });
    go([] { sched::park(sched::WaitReason::Select); });
    while (started.load() < 3) sched::yield();
    sched::stopTheWorld();
    struct Ctx {
      int* n;
      bool* ok;
    } c{&ranges, &allOrdered};
    sched::forEachGoroutineStack([](const void* lo, const void* hi, void* p) {
      auto* c = static_cast<Ctx*>(p);
      (*c->n)++;
      if (!(lo < hi)) *c->ok = false;
    }, &c);
    sched::startTheWorld();
    stop = true;
  });
  CHECK(ranges >= 5);  // main + 3 spinners + the parked one
  CHECK(allOrdered);
}

TEST_CASE("sched: setProcs changes GOMAXPROCS at run time") {
  int before = 0, prev = 0, after = 0;
  std::atomic<int64_t> sum{0};
  runMain(1, [&] {
    before = sched::procs();
    prev = sched::setProcs(3);
    after = sched::procs();
    std::atomic<int> left{6};
    for (int k = 0; k < 6; k++) go([&] {
      for (int i = 0; i < 1000; i++) {
        sum++;
        sched::safepoint();
      }
      left--;
    });
    while (left.load()) sched::yield();
    sched::setProcs(1);
  });
  CHECK(before == 1);
  CHECK(prev == 1);
  CHECK(after == 3);
  CHECK(sum == 6000);
}

namespace {
std::atomic<int> gDestroyed{0};
struct OnStack {  // stands for the C++ objects of the evaluator's and natives' frames
  ~OnStack() { gDestroyed++; }
};
void parkForever() { sched::park(sched::WaitReason::ChanReceive); }
}  // namespace

TEST_CASE("sched: goroutines alive when an in-process run ends are unwound") {
  // However each goroutine is left when main calls exitProgram (parked, runnable, spinning at
  // safepoints, asleep, parked on a grown stack segment, or the caller itself), the objects on
  // its stack are destroyed before run() returns.
  for (int procs : {1, 2}) {
    gDestroyed = 0;
    int code = runMain(procs, [] {
      go([] {
        OnStack a;
        parkForever();
      });
      go([] {
        OnStack a;
        for (;;) sched::yield();
      });
      go([] {
        OnStack a;
        for (;;) sched::safepoint();
      });
      go([] {
        OnStack a;
        sched::sleep(int64_t(1) << 50);
      });
      go([] {
        OnStack a;
        sched::growAndCall([](void*) {
          OnStack b;
          parkForever();
        }, nullptr);
      });
      for (int i = 0; i < 50; i++) sched::yield();
      OnStack m;
      sched::exitProgram(3);
    });
    CHECK(code == 3);
    CHECK(gDestroyed == 7);
  }
}
