// TraceOut's file mode (trace_out.h): two buffers and a writer thread (handoff.h). The
// formatting thread fills one buffer while the writer writes the other.
#include "teach/trace_out.h"

#include <algorithm>

namespace gol::teach {

TraceOut::TraceOut(std::string* whole) : whole_(whole) { cur_.bytes.resize(1 << 16); }

TraceOut::TraceOut(std::FILE* file) : file_(file) {
  cur_.bytes.resize(kFlushBytes + (1 << 16));
  writer_ = std::make_unique<HandOff<Chunk>>(
      [this](Chunk& c) {
        bool ok = std::fwrite(c.bytes.data(), 1, c.len, file_) == c.len;
        ok_ = ok_ && ok;
        c.len = 0;
      },
      4);
}

TraceOut::~TraceOut() = default;  // the writer finishes what it was given

void TraceOut::handOff() {
  if (cur_.len == 0) return;
  size_t size = cur_.bytes.size();
  writer_->give(cur_);
  if (cur_.bytes.size() < size) cur_.bytes.resize(size);
}

void TraceOut::makeRoom(size_t n) {
  if (file_) handOff();
  if (cur_.len + n > cur_.bytes.size()) cur_.bytes.resize(std::max(cur_.bytes.size() * 2, cur_.len + n));
}

bool TraceOut::finish() {
  if (whole_) {
    whole_->append(cur_.bytes.data(), cur_.len);
    cur_.len = 0;
    return true;
  }
  handOff();
  writer_->drain();
  return ok_;
}

}  // namespace gol::teach
