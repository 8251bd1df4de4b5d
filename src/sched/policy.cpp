// Built-in policies and names: the seeded deterministic policy (GOL_SCHED_SEED) and the
// strings printed for wait reasons and events.
#include "sched/policy.h"

namespace gol::sched {

const char* waitReasonString(WaitReason r) {
  switch (r) {
    case WaitReason::None: return "";
    case WaitReason::ChanReceive: return "chan receive";
    case WaitReason::ChanSend: return "chan send";
    case WaitReason::ChanReceiveNil: return "chan receive (nil chan)";
    case WaitReason::ChanSendNil: return "chan send (nil chan)";
    case WaitReason::Select: return "select";
    case WaitReason::SelectNoCases: return "select (no cases)";
    case WaitReason::Sleep: return "sleep";
    case WaitReason::Semacquire: return "semacquire";
    case WaitReason::CondWait: return "sync.Cond.Wait";
    case WaitReason::Preempted: return "preempted";
  }
  return "";
}

const char* eventName(Event e) {
  switch (e) {
    case Event::Spawn: return "spawn";
    case Event::Run: return "run";
    case Event::Block: return "block";
    case Event::Unblock: return "unblock";
    case Event::End: return "end";
    case Event::WorkerStart: return "worker-start";
    case Event::WorkerStop: return "worker-stop";
  }
  return "";
}

uint64_t SeededPolicy::next64() {
  // splitmix64: tiny, good enough, and fully determined by the seed.
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void SeededPolicy::push(G* g, bool) {
  std::lock_guard<std::mutex> lk(mu_);
  runnable_.push_back(g);
}

G* SeededPolicy::pop() {
  std::lock_guard<std::mutex> lk(mu_);
  if (runnable_.empty()) return nullptr;
  size_t i = next64() % runnable_.size();
  G* g = runnable_[i];
  runnable_[i] = runnable_.back();
  runnable_.pop_back();
  return g;
}

bool SeededPolicy::empty() {
  std::lock_guard<std::mutex> lk(mu_);
  return runnable_.empty();
}

uint32_t SeededPolicy::randn(uint32_t n) {
  std::lock_guard<std::mutex> lk(mu_);
  return n ? static_cast<uint32_t>(next64() % n) : 0;
}

}  // namespace gol::sched
