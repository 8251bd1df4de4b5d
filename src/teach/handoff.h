// Buffers handed from one producer to a consumer thread, for the -trace pipeline: the
// recorder hands batches of events to the thread that turns them into JSON (recorder.cpp), and
// that thread hands megabytes of JSON to the one that writes the file (trace_out.cpp). The
// producer fills one buffer while the consumer works on earlier ones; give() waits only when
// `depth` buffers are already waiting, so a burst of work is absorbed, not paid for by the run.
// Invariant: at most depth buffers wait; consume() leaves a buffer empty for reuse.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace gol::teach {

template <class Buffer>
class HandOff {
 public:
  HandOff(std::function<void(Buffer&)> consume, size_t depth)
      : consume_(std::move(consume)), depth_(depth), thread_([this] { loop(); }) {}
  ~HandOff() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  HandOff(const HandOff&) = delete;
  HandOff& operator=(const HandOff&) = delete;

  // `full` goes to the consumer; an emptied buffer (or a new one) comes back in its place.
  void give(Buffer& full) {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [&] { return waiting_.size() < depth_; });
    waiting_.push_back(std::move(full));
    if (spare_.empty()) {
      full = Buffer{};
    } else {
      full = std::move(spare_.back());
      spare_.pop_back();
    }
    cv_.notify_all();
  }
  // Waits until the consumer has finished everything given to it.
  void drain() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [&] { return waiting_.empty() && !consuming_; });
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lk(mu_);
    for (;;) {
      cv_.wait(lk, [&] { return !waiting_.empty() || done_; });
      if (waiting_.empty()) return;
      Buffer b = std::move(waiting_.front());
      waiting_.pop_front();
      consuming_ = true;
      lk.unlock();
      consume_(b);
      lk.lock();
      consuming_ = false;
      spare_.push_back(std::move(b));
      cv_.notify_all();
    }
  }

  std::function<void(Buffer&)> consume_;
  size_t depth_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Buffer> waiting_;  // given, not yet consumed, oldest first
  std::vector<Buffer> spare_;   // consumed, for reuse
  bool consuming_ = false;
  bool done_ = false;   // no more buffers will come
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace gol::teach
