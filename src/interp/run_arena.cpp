// The run arena (see run_arena.h): objects are bump-allocated from 64 KiB chunks, each behind a
// small header that links it into its arena's list of live objects and says how to delete it,
// so that resetRunArena can destroy them all (RunOwned: the most-derived destructor through its
// vtable; GOL_RUN_OWNED types: their own) and an early `delete` can take one out of the list. Memory of an early delete is reclaimed with the arena.
#include "interp/run_arena.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <new>
#include <vector>

namespace gol::interp {
namespace {

class Arena;

struct alignas(16) Header {
  Header* prev;
  Header* next;
  Arena* owner;
  void (*destroy)(void*);  // deletes the object as its own type (which unlinks it)
};
static_assert(sizeof(Header) % 16 == 0, "objects after the header stay 16-byte aligned");

constexpr size_t kChunk = 64 << 10;

class Arena {
 public:
  ~Arena() {
    for (char* c : chunks_) std::free(c);
  }

  void* allocate(size_t size, void (*destroy)(void*)) {
    size_t need = (sizeof(Header) + size + 15) & ~size_t(15);
    std::lock_guard<std::mutex> lk(mu_);
    char* mem;
    if (need > kChunk / 4) {  // a large object gets a chunk of its own
      mem = newChunk(need);
    } else {
      if (need > left_) {
        cur_ = newChunk(kChunk);
        left_ = kChunk;
      }
      mem = cur_;
      cur_ += need;
      left_ -= need;
    }
    auto* h = new (mem) Header{nullptr, head_, this, destroy};
    if (head_) head_->prev = h;
    head_ = h;
    live_++;
    return h + 1;
  }

  void unlink(Header* h) {
    std::lock_guard<std::mutex> lk(mu_);
    if (h->prev)
      h->prev->next = h->next;
    else
      head_ = h->next;
    if (h->next) h->next->prev = h->prev;
    live_--;
  }

  // Deletes the newest object until none is left (a destructor may delete others: each delete
  // unlinks its own object, so the list stays consistent).
  void destroyAll() {
    for (;;) {
      Header* h;
      {
        std::lock_guard<std::mutex> lk(mu_);
        h = head_;
      }
      if (!h) return;
      h->destroy(h + 1);
    }
  }

  size_t live() {
    std::lock_guard<std::mutex> lk(mu_);
    return live_;
  }

 private:
  char* newChunk(size_t n) {
    auto* c = static_cast<char*>(std::malloc(n));
    if (!c) throw std::bad_alloc();
    chunks_.push_back(c);
    return c;
  }

  std::mutex mu_;
  Header* head_ = nullptr;
  size_t live_ = 0;
  std::vector<char*> chunks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
};

// Both are reachable from these pointers for the life of the process.
std::atomic<Arena*> gCurrent{new Arena};
Arena* const gPermanent = new Arena;
thread_local bool tPermanent = false;

}  // namespace

void* runAllocate(std::size_t size, void (*destroy)(void*)) {
  Arena* a = tPermanent ? gPermanent : gCurrent.load(std::memory_order_acquire);
  return a->allocate(size, destroy);
}

void runRelease(void* p) noexcept {
  if (!p) return;
  Header* h = static_cast<Header*>(p) - 1;
  h->owner->unlink(h);
}

void* RunOwned::operator new(std::size_t size) {
  return runAllocate(size, [](void* p) { delete static_cast<RunOwned*>(p); });
}

void RunOwned::operator delete(void* p) noexcept { runRelease(p); }

void resetRunArena() {
  Arena* old = gCurrent.exchange(new Arena, std::memory_order_acq_rel);
  old->destroyAll();
  delete old;
}

size_t runArenaObjects() { return gCurrent.load()->live(); }

PermanentAllocs::PermanentAllocs() : saved_(tPermanent) { tPermanent = true; }
PermanentAllocs::~PermanentAllocs() { tPermanent = saved_; }

}  // namespace gol::interp
