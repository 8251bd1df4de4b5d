// The run queue of gol play (slots.h).
#include "slots.h"

#include <algorithm>
#include <chrono>

namespace gol::play {

bool RunSlots::acquire(const std::function<bool(int)>& onWait) {
  std::unique_lock<std::mutex> lock(mu_);
  uint64_t ticket = nextTicket_++;
  line_.push_back(ticket);
  int told = 0;
  auto lastTold = std::chrono::steady_clock::now();
  while (true) {
    if (line_.front() == ticket && free_ > 0) {
      line_.pop_front();
      free_--;
      cv_.notify_all();
      return true;
    }
    int place = int(std::find(line_.begin(), line_.end(), ticket) - line_.begin()) + 1;
    auto now = std::chrono::steady_clock::now();
    if (place != told || now - lastTold > std::chrono::seconds(2)) {
      told = place;
      lastTold = now;
      lock.unlock();
      bool stay = onWait(place);
      lock.lock();
      if (!stay) {
        line_.erase(std::find(line_.begin(), line_.end(), ticket));
        cv_.notify_all();
        return false;
      }
      continue;
    }
    cv_.wait_for(lock, std::chrono::milliseconds(250));
  }
}

void RunSlots::release() {
  std::lock_guard<std::mutex> lock(mu_);
  free_++;
  cv_.notify_all();
}

int RunSlots::waiting() {
  std::lock_guard<std::mutex> lock(mu_);
  return int(line_.size());
}

}  // namespace gol::play
