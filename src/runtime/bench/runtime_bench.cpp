// Micro-benchmarks of the goroutine runtime itself (src/DESIGN.md §11, "runtime:" rows), with no
// interpreted code: spawn+exit, yield, unbuffered hand-off, buffered channel item, select,
// uncontended Mutex. Each figure is the median of several repetitions, in ns per operation.
//
//   runtime_bench [procs...]     (default: 1 2)
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "runtime/chan.h"
#include "runtime/sync.h"
#include "sched/sched.h"

using namespace gol;
using rt::Word;

namespace {

struct Bench {
  const char* name;
  int64_t ops;
  void (*body)(int64_t ops);
  const char* target;
};

void spawnExit(int64_t n) {
  rt::WaitGroup wg;
  wg.add(n);
  for (int64_t i = 0; i < n; i++)
    sched::spawn([](void* p) { static_cast<rt::WaitGroup*>(p)->done(); }, &wg);
  wg.wait();
}

void yieldPair(int64_t n) {
  struct Ctx {
    int64_t n;
    rt::WaitGroup wg;
  } c{n / 2, {}};
  c.wg.add(1);
  sched::spawn([](void* p) {
    auto* c = static_cast<Ctx*>(p);
    for (int64_t i = 0; i < c->n; i++) sched::yield();
    c->wg.done();
  }, &c);
  for (int64_t i = 0; i < c.n; i++) sched::yield();
  c.wg.wait();
}

void handoff(int64_t n) {  // one op = one one-way unbuffered send/recv
  struct Ctx {
    rt::Chan* a;
    rt::Chan* b;
    int64_t n;
  } c{rt::makeChan(0), rt::makeChan(0), n / 2};
  sched::spawn([](void* p) {
    auto* c = static_cast<Ctx*>(p);
    for (int64_t i = 0; i < c->n; i++) rt::send(c->b, rt::recv(c->a));
  }, &c);
  for (int64_t i = 0; i < c.n; i++) {
    rt::send(c.a, Word(i));
    rt::recv(c.b);
  }
}

void bufferedProdCons(int64_t n) {
  struct Ctx {
    rt::Chan* c;
    int64_t n;
  } c{rt::makeChan(128), n};
  sched::spawn([](void* p) {
    auto* c = static_cast<Ctx*>(p);
    for (int64_t i = 0; i < c->n; i++) rt::send(c->c, Word(i));
  }, &c);
  for (int64_t i = 0; i < n; i++) rt::recv(c.c);
}

void bufferedSelf(int64_t n) {
  rt::Chan* c = rt::makeChan(1);
  for (int64_t i = 0; i < n; i++) {
    rt::send(c, Word(i));
    rt::recv(c);
  }
}

void select2(int64_t n) {
  rt::Chan* a = rt::makeChan(1);
  rt::Chan* b = rt::makeChan(1);
  rt::Case cs[2];
  cs[0].c = a;
  cs[1].c = b;
  Word v;
  bool ok;
  rt::send(a, 1);
  rt::send(b, 2);
  for (int64_t i = 0; i < n; i++) {
    int k = rt::select(cs, 2, false, &v, &ok);
    rt::send(k == 0 ? a : b, v);
  }
}

void mutexUncontended(int64_t n) {
  rt::Mutex mu;
  for (int64_t i = 0; i < n; i++) {
    mu.lock();
    mu.unlock();
  }
}

void stdMutex(int64_t n) {  // reference point on the same machine and run
  static std::mutex mu;
  for (int64_t i = 0; i < n; i++) {
    mu.lock();
    mu.unlock();
  }
}

void safepoints(int64_t n) {
  for (int64_t i = 0; i < n; i++) sched::safepoint();
}

const Bench kBenches[] = {
    {"spawn+run+exit (batch, wg)", 200000, spawnExit, "<= 300"},
    {"yield between 2 goroutines", 2000000, yieldPair, "<= 60"},
    {"unbuffered hand-off, one way", 1000000, handoff, "<= 150"},
    {"buffered chan(128) prod->cons, item", 2000000, bufferedProdCons, "<= 40"},
    {"buffered chan(1) send+recv, same G", 2000000, bufferedSelf, "<= 40"},
    {"select, 2 ready buffered cases", 1000000, select2, "(Go 50)"},
    {"Mutex lock+unlock, uncontended", 10000000, mutexUncontended, "<= 10"},
    {"std::mutex lock+unlock (reference)", 10000000, stdMutex, "-"},
    {"safepoint()", 100000000, safepoints, "-"},
};

struct RunArgs {
  const Bench* b;
  double nsPerOp;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> procsList;
  for (int i = 1; i < argc; i++) procsList.push_back(std::atoi(argv[i]));
  if (procsList.empty()) procsList = {1, 2};
  for (int procs : procsList) {
    std::printf("GOMAXPROCS=%d\n", procs);
    for (const Bench& b : kBenches) {
      std::vector<double> samples;
      for (int rep = 0; rep < 7; rep++) {
        RunArgs a{&b, 0};
        sched::Config cfg;
        cfg.procs = procs;
        cfg.returnFromRun = true;
        sched::run(cfg, [](void* p) {
          auto* a = static_cast<RunArgs*>(p);
          a->b->body(a->b->ops);  // warm-up at full size (G/stack pools, caches)
          int64_t t0 = sched::nanotime();
          a->b->body(a->b->ops);
          a->nsPerOp = double(sched::nanotime() - t0) / double(a->b->ops);
        }, &a);
        samples.push_back(a.nsPerOp);
      }
      std::sort(samples.begin(), samples.end());
      std::printf("  %-40s %8.1f ns/op  (min %.1f, max %.1f; target %s)\n", b.name,
                  samples[samples.size() / 2], samples.front(), samples.back(), b.target);
    }
  }
  return 0;
}
