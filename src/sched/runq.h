// Run queues, after Go's runtime (proc.go runqput/runqget/runqgrab/globrunqput).
//
// LocalQueue: a bounded 256-entry ring per worker. Only the owner pushes (at the tail); the
// owner and thieves pop from the head with a CAS. A slot read before a successful head CAS is
// still valid: the owner can only overwrite slot h after head has moved past h, which makes the
// CAS fail. Tail is published with a release store after the slot is written.
//
// GlobalQueue: an intrusive FIFO list through G::schedLink under a mutex, with an atomic length
// so emptiness can be tested without the lock.
#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>

#include "sched/sched.h"

namespace gol::sched {

class LocalQueue {
 public:
  static constexpr uint32_t kSize = 256;

  // Owner only. Returns false when full (the caller moves half to the global queue).
  bool push(G* g) {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_relaxed);
    if (t - h >= kSize) return false;
    buf_[t % kSize].store(g, std::memory_order_relaxed);
    tail_.store(t + 1, std::memory_order_release);
    return true;
  }
  // Any thread.
  G* pop() {
    for (;;) {
      uint32_t h = head_.load(std::memory_order_acquire);
      uint32_t t = tail_.load(std::memory_order_acquire);
      if (t == h) return nullptr;
      G* g = buf_[h % kSize].load(std::memory_order_relaxed);
      if (head_.compare_exchange_weak(h, h + 1, std::memory_order_acq_rel)) return g;
    }
  }
  // Takes up to half (rounded up) of the queue into out[] (capacity kSize/2). Any thread.
  uint32_t grabHalf(G** out) {
    for (;;) {
      uint32_t h = head_.load(std::memory_order_acquire);
      uint32_t t = tail_.load(std::memory_order_acquire);
      uint32_t n = t - h;
      n = n - n / 2;
      if (n == 0) return 0;
      if (n > kSize / 2) continue;  // inconsistent h/t pair: retry
      for (uint32_t i = 0; i < n; i++) out[i] = buf_[(h + i) % kSize].load(std::memory_order_relaxed);
      if (head_.compare_exchange_strong(h, h + n, std::memory_order_acq_rel)) return n;
    }
  }
  uint32_t size() const {
    uint32_t h = head_.load(std::memory_order_acquire);
    uint32_t t = tail_.load(std::memory_order_acquire);
    return t - h > kSize ? 0 : t - h;  // a stale pair may look negative
  }
  bool empty() const { return size() == 0; }

 private:
  alignas(64) std::atomic<uint32_t> head_{0};
  alignas(64) std::atomic<uint32_t> tail_{0};
  std::atomic<G*> buf_[kSize] = {};
};

class GlobalQueue {
 public:
  void push(G* g) {
    std::lock_guard<std::mutex> lk(mu_);
    pushLocked(g);
  }
  // A chain first..last of n Gs linked by schedLink.
  void pushBatch(G* first, G* last, uint32_t n) {
    std::lock_guard<std::mutex> lk(mu_);
    last->schedLink = nullptr;
    if (tail_) tail_->schedLink = first; else head_ = first;
    tail_ = last;
    size_.fetch_add(n, std::memory_order_release);
  }
  G* pop() {
    if (empty()) return nullptr;
    std::lock_guard<std::mutex> lk(mu_);
    return popLocked();
  }
  // Pops one G to run and moves up to `max` more into q (Go's globrunqget batch).
  G* popBatch(LocalQueue* q, uint32_t max) {
    if (empty()) return nullptr;
    std::lock_guard<std::mutex> lk(mu_);
    G* g = popLocked();
    for (uint32_t i = 0; g && i < max; i++) {
      G* x = popLocked();
      if (!x) break;
      if (!q->push(x)) {  // cannot happen when q was empty; put it back at the front
        x->schedLink = head_;
        head_ = x;
        if (!tail_) tail_ = x;
        size_.fetch_add(1, std::memory_order_relaxed);
        break;
      }
    }
    return g;
  }
  bool empty() const { return size_.load(std::memory_order_acquire) == 0; }
  uint32_t size() const { return size_.load(std::memory_order_acquire); }
  void clear() {
    std::lock_guard<std::mutex> lk(mu_);
    head_ = tail_ = nullptr;
    size_.store(0);
  }

 private:
  void pushLocked(G* g) {
    g->schedLink = nullptr;
    if (tail_) tail_->schedLink = g; else head_ = g;
    tail_ = g;
    size_.fetch_add(1, std::memory_order_release);
  }
  G* popLocked() {
    G* g = head_;
    if (!g) return nullptr;
    head_ = g->schedLink;
    if (!head_) tail_ = nullptr;
    g->schedLink = nullptr;
    size_.fetch_sub(1, std::memory_order_relaxed);
    return g;
  }
  std::mutex mu_;
  G* head_ = nullptr;
  G* tail_ = nullptr;
  std::atomic<uint32_t> size_{0};
};

}  // namespace gol::sched
