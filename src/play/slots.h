// At most K programs of gol play run at once (K = -runs, default the CPU count); the others wait
// in line, first come first served, and are told their place while they wait.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>

namespace gol::play {

class RunSlots {
 public:
  explicit RunSlots(int slots) : free_(slots) {}
  // Waits for a slot. onWait(place) is called when the place in line changes (1: next) and
  // about every two seconds while waiting; returning false (the client left) gives up the place
  // and acquire returns false.
  bool acquire(const std::function<bool(int)>& onWait);
  void release();
  int waiting();  // how many are in line

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
  uint64_t nextTicket_ = 0;
  std::deque<uint64_t> line_;
};

// Holds a slot for a scope.
class SlotGuard {
 public:
  explicit SlotGuard(RunSlots& s) : s_(s) {}
  ~SlotGuard() { s_.release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  RunSlots& s_;
};

}  // namespace gol::play
