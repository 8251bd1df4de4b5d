// The trace-event JSON writer (Chrome's Object format, for Perfetto and chrome://tracing), as a
// RunListener: each slice, arrow and print is written the moment RunBuilder says it is final,
// so -trace writes its file while the program runs (TraceOut's writer thread does the system
// calls) and holds only the goroutines still alive. Viewers sort events by time themselves:
// the file is in the order things became final, not in time order.
//
// Lanes: pid 1 holds one per P (tid p+1), pid 2 one per goroutine (tid 1000+id). An arrow is a
// v2 flow: bind_id and flow_out on a zero-length slice where it starts, flow_in on the running
// slice it lands on (or on a zero-length "woken" slice, when that slice has one already or the
// arrow lands inside a running stretch). A timer's wake-up is an instant, not an arrow.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "teach/run_builder.h"
#include "teach/trace_out.h"

namespace gol::teach {

class TraceStream final : public RunListener {
 public:
  explicit TraceStream(TraceOut& out);
  void started(const Goroutine& g, size_t index) override;
  void slice(const Goroutine& g, size_t index, const Slice& s) override;
  void arrow(size_t id, const Arrow& a, bool fromKnown) override;
  void landed(size_t id, const Arrow& a, bool fromKnown) override;
  void ended(const Goroutine& g, size_t index) override;
  void printed(const Print& p);
  // Writes the P lanes' names, the truncation marker and otherData from run's header fields
  // (file, procs, seed, truncation), and ends the JSON. False if writing failed.
  bool finish(const Timeline& run);

 private:
  struct Landing {
    int64_t ts;
    int64_t bindId;
  };
  struct Due {  // a goroutine's landings not yet bound, in time order, from `head` on
    std::vector<Landing> list;
    size_t head = 0;
    bool empty() const { return head == list.size(); }
    const Landing& front() const { return list[head]; }
  };
  void wokenBefore(const Goroutine& g, Due& due, int64_t limit);

  TraceOut& out_;
  bool first_ = true;                          // no event written yet: no separator
  int lanesOfPs_ = 0;                          // P lanes used so far
  std::unordered_map<int64_t, Due> landings_;  // goroutine -> arrows to bind; erased when it ends
};

}  // namespace gol::teach
