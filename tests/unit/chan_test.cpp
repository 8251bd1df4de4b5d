// Unit tests of the runtime's concurrency primitives (src/runtime/chan, select, sync, timer):
// the channel state machine (buffered, unbuffered, close, nil), select fairness and blocking,
// WaitGroup, Mutex, RWMutex, Once, Cond, and channel-sending timers.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>
#include <algorithm>

#include "runtime/chan.h"
#include "runtime/object.h"
#include "runtime/sync.h"
#include "runtime/timer.h"
#include "sched_helpers.h"

using namespace gol;
using gol::testutil::go;
using gol::testutil::runMain;
using rt::Word;

namespace {
// Runtime panics become C++ exceptions caught inside the goroutine.
struct PanicsThrow {
  rt::Hooks saved = rt::hooks();  // restored afterwards: other test files install their own
  PanicsThrow() {
    rt::hooks().panicPlain = [](const std::string& m) { throw std::runtime_error(m); };
    rt::hooks().fatal = [](const std::string& m) { throw std::runtime_error("fatal: " + m); };
  }
  ~PanicsThrow() { rt::hooks() = saved; }
};

std::string panicOf(void (*f)(void*), void* arg) {
  try {
    f(arg);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("chan: buffered channel is FIFO with len and cap") {
  std::vector<Word> got;
  int64_t l = -1, c = -1;
  bool okAfterClose = true;
  runMain(2, [&] {
    rt::Chan* ch = rt::makeChan(3);
    rt::send(ch, 1);
    rt::send(ch, 2);
    rt::send(ch, 3);
    l = rt::len(ch);
    c = rt::cap(ch);
    CHECK_FALSE(rt::trySend(ch, 4));
    got.push_back(rt::recv(ch));
    rt::send(ch, 4);
    rt::close(ch);
    bool ok;
    for (;;) {
      Word v = rt::recv(ch, &ok);
      if (!ok) break;
      got.push_back(v);
    }
    rt::recv(ch, &okAfterClose);
  });
  CHECK(l == 3);
  CHECK(c == 3);
  CHECK(got == std::vector<Word>{1, 2, 3, 4});
  CHECK_FALSE(okAfterClose);
}

TEST_CASE("chan: unbuffered ping-pong across goroutines and workers") {
  for (int procs : {1, 2, 4}) {
    int64_t sum = 0;
    runMain(procs, [&] {
      rt::Chan* ping = rt::makeChan(0);
      rt::Chan* pong = rt::makeChan(0);
      go([=] {
        for (;;) {
          bool ok;
          Word v = rt::recv(ping, &ok);
          if (!ok) break;
          rt::send(pong, v * 2);
        }
      });
      for (Word i = 0; i < 20000; i++) {
        rt::send(ping, i);
        sum += int64_t(rt::recv(pong));
      }
      rt::close(ping);
    });
    CHECK(sum == int64_t(19999) * 20000);
  }
}

TEST_CASE("chan: many producers and consumers move every item once") {
  for (size_t cap : {size_t(0), size_t(1), size_t(64)}) {
    std::atomic<int64_t> sum{0};
    std::atomic<int64_t> count{0};
    runMain(4, [&] {
      rt::Chan* ch = rt::makeChan(cap);
      rt::WaitGroup prod, cons;
      prod.add(4);
      cons.add(4);
      for (int p = 0; p < 4; p++) go([&, p] {
        for (int i = 0; i < 5000; i++) rt::send(ch, Word(p * 5000 + i));
        prod.done();
      });
      for (int k = 0; k < 4; k++) go([&] {
        bool ok;
        for (;;) {
          Word v = rt::recv(ch, &ok);
          if (!ok) break;
          sum += int64_t(v);
          count++;
        }
        cons.done();
      });
      prod.wait();
      rt::close(ch);
      cons.wait();
    });
    CHECK(count == 20000);
    CHECK(sum == int64_t(19999) * 20000 / 2);
  }
}

TEST_CASE("chan: close wakes blocked receivers and panics blocked senders") {
  PanicsThrow pt;
  std::atomic<int> zeroFalse{0};
  std::atomic<int> sendPanics{0};
  std::vector<std::string> msgs;
  runMain(2, [&] {
    rt::Chan* ch = rt::makeChan(0);
    rt::WaitGroup wg;
    wg.add(3);
    for (int i = 0; i < 3; i++) go([&] {
      bool ok = true;
      Word v = rt::recv(ch, &ok);
      if (!ok && v == 0) zeroFalse++;
      wg.done();
    });
    rt::Chan* full = rt::makeChan(0);
    wg.add(1);
    go([&] {
      try {
        rt::send(full, 1);
      } catch (const std::exception& e) {
        if (std::string(e.what()) == "send on closed channel") sendPanics++;
      }
      wg.done();
    });
    sched::sleep(2'000'000);
    rt::close(ch);
    rt::close(full);
    wg.wait();
    msgs.push_back(panicOf([](void* c) { rt::send(static_cast<rt::Chan*>(c), 1); }, ch));
    msgs.push_back(panicOf([](void* c) { rt::close(static_cast<rt::Chan*>(c)); }, ch));
    msgs.push_back(panicOf([](void*) { rt::close(nullptr); }, nullptr));
  });
  CHECK(zeroFalse == 3);
  CHECK(sendPanics == 1);
  CHECK(msgs == std::vector<std::string>{"send on closed channel", "close of closed channel",
                                         "close of nil channel"});
}

TEST_CASE("chan: nil channel operations block; non-blocking ones are not ready") {
  static std::vector<std::string> reasons;
  reasons.clear();
  sched::hooks().onDeadlock = [] {
    sched::forEachG([](sched::G* g, void*) {
      reasons.push_back(sched::waitReasonString(g->waitReason.load()));
    }, nullptr);
  };
  bool trySendNil = true, tryRecvNil = true;
  int rc = runMain(1, [&] {
    trySendNil = rt::trySend(nullptr, 1);
    Word v;
    bool ok;
    tryRecvNil = rt::tryRecv(nullptr, &v, &ok);
    go([] { rt::send(nullptr, 1); });
    go([] { rt::select(nullptr, 0, false, nullptr, nullptr); });
    go([] {
      rt::Case cs[1];
      cs[0].c = nullptr;
      rt::select(cs, 1, false, nullptr, nullptr);
    });
    rt::recv(nullptr);
  });
  sched::hooks().onDeadlock = nullptr;
  CHECK(rc == 2);
  CHECK_FALSE(trySendNil);
  CHECK_FALSE(tryRecvNil);
  std::sort(reasons.begin(), reasons.end());
  CHECK(reasons == std::vector<std::string>{"chan receive (nil chan)", "chan send (nil chan)", "select",
                                            "select (no cases)"});
}

TEST_CASE("select: default, readiness and uniform choice") {
  int counts[3] = {0, 0, 0};
  int defaults = 0;
  runMain(1, [&] {
    rt::Chan* a = rt::makeChan(1);
    rt::Chan* b = rt::makeChan(1);
    rt::Chan* c = rt::makeChan(1);
    rt::Case cs[3];
    cs[0].c = a;
    cs[1].c = b;
    cs[2].c = c;
    Word v;
    bool ok;
    if (rt::select(cs, 3, true, &v, &ok) == -1) defaults++;
    for (int i = 0; i < 3000; i++) {
      rt::trySend(a, 1);
      rt::trySend(b, 2);
      rt::trySend(c, 3);
      int k = rt::select(cs, 3, false, &v, &ok);
      CHECK(ok);
      CHECK(v == Word(k + 1));
      counts[k]++;
    }
  });
  CHECK(defaults == 1);
  for (int k = 0; k < 3; k++) {
    CHECK(counts[k] > 850);
    CHECK(counts[k] < 1150);
  }
}

TEST_CASE("select: blocks until a peer arrives on any case; send cases work") {
  for (int procs : {1, 3}) {
    std::atomic<int64_t> recvSum{0};
    std::atomic<int> sends{0};
    runMain(procs, [&] {
      rt::Chan* in1 = rt::makeChan(0);
      rt::Chan* in2 = rt::makeChan(0);
      rt::Chan* out = rt::makeChan(0);
      rt::Chan* quit = rt::makeChan(0);
      go([=] {
        for (int i = 0; i < 1000; i++) rt::send(i % 2 ? in1 : in2, Word(i));
      });
      go([=] {
        for (int i = 0; i < 500; i++) rt::recv(out);
        rt::close(quit);
      });
      int received = 0;
      bool quitting = false;
      while (!quitting) {
        rt::Case cs[4];
        cs[0].c = in1;
        cs[1].c = in2;
        cs[2].c = sends.load() < 500 ? out : nullptr;
        cs[2].dir = rt::Dir::Send;
        cs[2].sendValue = 7;
        cs[3].c = quit;
        Word v = 0;
        bool ok = false;
        int k = rt::select(cs, 4, false, &v, &ok);
        if (k <= 1) {
          recvSum += int64_t(v);
          received++;
        } else if (k == 2) {
          sends++;
        } else {
          CHECK_FALSE(ok);
          quitting = received == 1000;
          if (!quitting) {
            // quit closed early: drain the rest of the inputs
            while (received < 1000) {
              rt::Case d[2];
              d[0].c = in1;
              d[1].c = in2;
              rt::select(d, 2, false, &v, &ok);
              recvSum += int64_t(v);
              received++;
            }
            quitting = true;
          }
        }
      }
    });
    CHECK(recvSum == int64_t(999) * 1000 / 2);
    CHECK(sends == 500);
  }
}

TEST_CASE("select: send case on a closed channel panics; closed recv is ready") {
  PanicsThrow pt;
  std::string msg;
  int k = -2;
  bool ok = true;
  runMain(1, [&] {
    rt::Chan* c = rt::makeChan(0);
    rt::close(c);
    rt::Case cs[1];
    cs[0].c = c;
    cs[0].dir = rt::Dir::Send;
    try {
      rt::select(cs, 1, false, nullptr, nullptr);
    } catch (const std::exception& e) {
      msg = e.what();
    }
    cs[0].dir = rt::Dir::Recv;
    Word v;
    k = rt::select(cs, 1, false, &v, &ok);
  });
  CHECK(msg == "send on closed channel");
  CHECK(k == 0);
  CHECK_FALSE(ok);
}

TEST_CASE("sync: Mutex excludes, counts are exact") {
  for (int procs : {1, 4}) {
    int64_t counter = 0;  // plain: protected by the mutex
    runMain(procs, [&] {
      rt::Mutex mu;
      rt::WaitGroup wg;
      wg.add(8);
      for (int k = 0; k < 8; k++) go([&] {
        for (int i = 0; i < 20000; i++) {
          mu.lock();
          counter++;
          if (i % 100 == 0) sched::yield();  // hold it across a switch now and then
          mu.unlock();
        }
        wg.done();
      });
      wg.wait();
    });
    CHECK(counter == 8 * 20000);
  }
}

TEST_CASE("sync: misuse messages") {
  PanicsThrow pt;
  std::vector<std::string> msgs;
  runMain(1, [&] {
    rt::Mutex m;
    msgs.push_back(panicOf([](void* p) { static_cast<rt::Mutex*>(p)->unlock(); }, &m));
    rt::RWMutex rw;
    msgs.push_back(panicOf([](void* p) { static_cast<rt::RWMutex*>(p)->runlock(); }, &rw));
    msgs.push_back(panicOf([](void* p) { static_cast<rt::RWMutex*>(p)->unlock(); }, &rw));
    rt::WaitGroup wg;
    msgs.push_back(panicOf([](void* p) { static_cast<rt::WaitGroup*>(p)->add(-1); }, &wg));
  });
  CHECK(msgs == std::vector<std::string>{"fatal: sync: unlock of unlocked mutex",
                                         "fatal: sync: RUnlock of unlocked RWMutex",
                                         "fatal: sync: Unlock of unlocked RWMutex",
                                         "sync: negative WaitGroup counter"});
}

TEST_CASE("sync: RWMutex lets readers share and writers exclude") {
  std::atomic<int> maxReaders{0};
  std::atomic<int> bad{0};
  int64_t value = 0;
  runMain(4, [&] {
    rt::RWMutex rw;
    std::atomic<int> readers{0};
    rt::WaitGroup wg;
    wg.add(12);
    for (int k = 0; k < 8; k++) go([&] {
      for (int i = 0; i < 2000; i++) {
        rw.rlock();
        int r = ++readers;
        int m = maxReaders.load();
        while (r > m && !maxReaders.compare_exchange_weak(m, r)) {
        }
        if (i % 50 == 0) sched::yield();
        readers--;
        rw.runlock();
      }
      wg.done();
    });
    for (int k = 0; k < 4; k++) go([&] {
      for (int i = 0; i < 2000; i++) {
        rw.lock();
        if (readers.load() != 0) bad++;
        value++;
        rw.unlock();
      }
      wg.done();
    });
    wg.wait();
  });
  CHECK(bad == 0);
  CHECK(value == 8000);
  CHECK(maxReaders >= 1);
}

TEST_CASE("sync: WaitGroup wait reason and Once with a panicking function") {
  PanicsThrow pt;
  int runs = 0;
  std::string first;
  bool doneAfterPanic = false;
  int onceRuns = 0;
  runMain(2, [&] {
    rt::Once once;
    rt::WaitGroup wg;
    wg.add(10);
    for (int k = 0; k < 10; k++) go([&] {
      once.doOnce([](void* p) {
        sched::sleep(1'000'000);  // others must wait for it
        (*static_cast<int*>(p))++;
      }, &runs);
      CHECK(runs == 1);
      wg.done();
    });
    wg.wait();

    rt::Once bad;
    try {
      bad.doOnce([](void*) { rt::panicPlain("in once"); }, nullptr);
    } catch (const std::exception& e) {
      first = e.what();
    }
    doneAfterPanic = bad.done();
    bad.doOnce([](void* p) { (*static_cast<int*>(p))++; }, &onceRuns);
  });
  CHECK(runs == 1);
  CHECK(first == "in once");
  CHECK(doneAfterPanic);
  CHECK(onceRuns == 0);
}

TEST_CASE("sync: Cond signal and broadcast") {
  for (int procs : {1, 3}) {
    int consumed = 0;
    runMain(procs, [&] {
      rt::Mutex mu;
      rt::Cond cond;
      int items = 0;
      bool closed = false;
      rt::WaitGroup wg;
      wg.add(5);
      for (int k = 0; k < 5; k++) go([&] {
        mu.lock();
        for (;;) {
          while (items == 0 && !closed) cond.wait(&mu);
          if (items == 0) break;
          items--;
          consumed++;
        }
        mu.unlock();
        wg.done();
      });
      for (int i = 0; i < 1000; i++) {
        mu.lock();
        items++;
        mu.unlock();
        cond.signal();
        if (i % 7 == 0) sched::yield();
      }
      mu.lock();
      closed = true;
      mu.unlock();
      cond.broadcast();
      wg.wait();
    });
    CHECK(consumed == 1000);
  }
}

TEST_CASE("timer: After-style channel timers, stop, reset, tickers") {
  int64_t afterDelay = 0;
  bool stopped = false, stoppedAgain = true;
  int ticks = 0;
  runMain(2, [&] {
    auto sendNow = [](void* c) { rt::trySend(static_cast<rt::Chan*>(c), Word(rt::nanotime())); };
    rt::Chan* c = rt::makeChan(1);
    int64_t t0 = rt::nanotime();
    rt::startTimer(t0 + 5'000'000, 0, sendNow, c);
    Word when = rt::recv(c);
    afterDelay = int64_t(when) - t0;

    rt::Chan* c2 = rt::makeChan(1);
    rt::Timer* t = rt::startTimer(rt::nanotime() + 50'000'000, 0, sendNow, c2);
    stopped = rt::stopTimer(t);
    stoppedAgain = rt::stopTimer(t);
    rt::resetTimer(t, rt::nanotime() + 1'000'000);
    rt::recv(c2);

    rt::Chan* tc = rt::makeChan(1);
    rt::Timer* tick = rt::startTimer(rt::nanotime() + 1'000'000, 1'000'000, sendNow, tc);
    for (int i = 0; i < 5; i++) {
      rt::recv(tc);
      ticks++;
    }
    rt::stopTimer(tick);
    rt::sleep(1'000'000);
  });
  CHECK(afterDelay >= 5'000'000);
  CHECK(stopped);
  CHECK_FALSE(stoppedAgain);
  CHECK(ticks == 5);
}
