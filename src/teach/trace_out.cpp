// TraceOut's file mode (trace_out.h): two buffers and a writer thread. The formatting thread
// fills one buffer while the writer writes the other; handOff swaps them, waiting only if the
// writer is still busy with the previous one. Invariant: at most one buffer is with the writer.
#include "teach/trace_out.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace gol::teach {

struct TraceOut::Writer {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<char> pending;  // the buffer being (or to be) written
  size_t pendingLen = 0;
  bool busy = false;          // pending holds bytes not yet written
  bool done = false;          // no more buffers will come
  bool ok = true;
  std::thread thread;
};

TraceOut::TraceOut(std::string* whole) : whole_(whole) { buf_.resize(1 << 16); }

TraceOut::TraceOut(std::FILE* file) : file_(file), writer_(std::make_unique<Writer>()) {
  buf_.resize(kFlushBytes + (1 << 16));
  writer_->pending.resize(buf_.size());
  writer_->thread = std::thread([this] { writerLoop(); });
}

TraceOut::~TraceOut() {
  if (!writer_) return;
  {
    std::lock_guard<std::mutex> lk(writer_->mu);
    writer_->done = true;
  }
  writer_->cv.notify_all();
  writer_->thread.join();
}

void TraceOut::writerLoop() {
  Writer& w = *writer_;
  std::unique_lock<std::mutex> lk(w.mu);
  for (;;) {
    w.cv.wait(lk, [&] { return w.busy || w.done; });
    if (!w.busy) return;
    lk.unlock();
    bool ok = std::fwrite(w.pending.data(), 1, w.pendingLen, file_) == w.pendingLen;
    lk.lock();
    w.ok = w.ok && ok;
    w.busy = false;
    w.cv.notify_all();
  }
}

void TraceOut::handOff() {
  if (len_ == 0) return;
  Writer& w = *writer_;
  std::unique_lock<std::mutex> lk(w.mu);
  w.cv.wait(lk, [&] { return !w.busy; });
  if (w.pending.size() < buf_.size()) w.pending.resize(buf_.size());
  buf_.swap(w.pending);
  w.pendingLen = len_;
  w.busy = true;
  len_ = 0;
  w.cv.notify_all();
}

void TraceOut::makeRoom(size_t n) {
  if (file_) handOff();
  if (len_ + n > buf_.size()) buf_.resize(std::max(buf_.size() * 2, len_ + n));
}

bool TraceOut::finish() {
  if (whole_) {
    whole_->append(buf_.data(), len_);
    len_ = 0;
    return true;
  }
  handOff();
  Writer& w = *writer_;
  std::unique_lock<std::mutex> lk(w.mu);
  w.cv.wait(lk, [&] { return !w.busy; });
  return w.ok;
}

}  // namespace gol::teach
