// Events to slices and arrows (run_builder.h). Per goroutine the builder keeps the open slice
// (state since `since`) and the last closed one (`held`): a goroutine preempted and picked again
// by the same P at once shows one running stretch, not two, so a closed slice is final only
// when the next one cannot extend it.
#include "teach/run_builder.h"

#include <algorithm>

namespace gol::teach {

using sched::Event;

const std::string& RunBuilder::positionText(uint32_t pos) {
  auto [it, fresh] = positions_.try_emplace(pos);
  if (fresh) it->second = position_(pos);
  return it->second;
}

void RunBuilder::close(Live& l, int64_t ts) {
  ts = std::max(ts, l.since);
  if (ts > l.since) {
    Slice s{l.since, ts, l.state, l.state == GState::Running ? l.p : -1, l.reason, l.where};
    Slice& last = l.held;
    if (l.holding && last.end == s.start && last.state == s.state && last.p == s.p &&
        last.reason == s.reason) {
      last.end = s.end;
    } else {
      if (l.holding) out_.slice(l.head, l.index, last);
      last = std::move(s);
      l.holding = true;
    }
  }
  l.since = ts;
}

void RunBuilder::addArrow(ArrowKind kind, int64_t from, Live& to, int64_t ts) {
  Pending a{arrows_++, {kind, from, to.head.id, ts, ts}, from != 0 && known(from)};
  out_.arrow(a.id, a.arrow, a.fromKnown);
  to.arrows.push_back(a);
}

// The goroutine starts running: the arrows waiting for it end here.
void RunBuilder::land(Live& l) {
  for (Pending& a : l.arrows) {
    a.arrow.toTs = std::max(l.since, a.arrow.fromTs);
    out_.landed(a.id, a.arrow, a.fromKnown);
  }
  l.arrows.clear();
}

void RunBuilder::end(Live& l, int64_t ts) {
  close(l, ts);
  if (l.holding) out_.slice(l.head, l.index, l.held);
  for (Pending& a : l.arrows) out_.landed(a.id, a.arrow, a.fromKnown);  // never ran again
  l.head.end = std::max(l.since, l.head.start);
  if (l.head.function.empty()) l.head.function = "goroutine";
  out_.ended(l.head, l.index);
}

void RunBuilder::spawn(const RunEvent& e) {
  Live l;
  l.head.id = e.g;
  l.head.parent = e.arg;
  l.head.start = e.ts;
  if (e.arg && e.pos) l.head.createdAt = positionText(e.pos);
  if (!e.arg) l.head.function = "main.main";
  l.index = goroutines_++;
  l.since = e.ts;
  auto it = live_.insert_or_assign(e.g, std::move(l)).first;
  out_.started(it->second.head, it->second.index);
  if (e.arg) addArrow(ArrowKind::Spawn, e.arg, it->second, e.ts);
}

void RunBuilder::add(const RunEvent& e) {
  if (e.kind == Event::Spawn) return spawn(e);
  auto it = live_.find(e.g);
  if (it == live_.end()) return;  // a goroutine from before the recording started
  Live& l = it->second;
  if (e.function && l.head.function.empty()) l.head.function = e.function;
  switch (e.kind) {
    case Event::Run:
      if (e.arg == kPrintNote) break;  // a print's note of the function name only
      close(l, e.ts);
      l.state = GState::Running;
      l.p = static_cast<int>(e.arg);
      l.reason.clear();
      l.where.clear();
      land(l);
      break;
    case Event::Yield:
      close(l, e.ts);
      l.state = GState::Runnable;
      break;
    case Event::Block:
      close(l, e.ts);
      l.state = GState::Blocked;
      l.reason = sched::waitReasonDetail(e.reason);
      if (e.pos)
        l.where = positionText(e.pos);
      else
        l.where.clear();
      break;
    case Event::Unblock:
      close(l, e.ts);
      l.state = GState::Runnable;
      l.reason.clear();
      addArrow(ArrowKind::Wake, e.arg, l, l.since);
      break;
    case Event::End:
      end(l, e.ts);
      live_.erase(it);
      break;
    default:
      break;
  }
}

void RunBuilder::finish(int64_t endTs) {
  // In creation order, so that the listeners see the same sequence on every run.
  std::vector<Live*> alive;
  alive.reserve(live_.size());
  for (auto& [id, l] : live_) alive.push_back(&l);
  std::sort(alive.begin(), alive.end(), [](const Live* a, const Live* b) { return a->index < b->index; });
  for (Live* l : alive) end(*l, std::max(endTs, l->since));
  live_.clear();
}

namespace {

// Collects what RunBuilder hands over into a Timeline.
class TimelineCollector final : public RunListener {
 public:
  TimelineCollector(Timeline& t, std::unordered_map<int64_t, size_t> slicesPerGoroutine)
      : t_(t), slicesPer_(std::move(slicesPerGoroutine)) {}
  void started(const Goroutine& g, size_t) override {
    t_.goroutines.push_back(g);
    // Reserved: growing a million slices costs more than building them.
    t_.goroutines.back().slices.reserve(slicesPer_[g.id]);
  }
  void slice(const Goroutine&, size_t index, const Slice& s) override {
    t_.goroutines[index].slices.push_back(s);
  }
  void arrow(size_t, const Arrow& a, bool) override { t_.arrows.push_back(a); }
  void landed(size_t id, const Arrow& a, bool) override { t_.arrows[id].toTs = a.toTs; }
  void ended(const Goroutine& g, size_t index) override {
    Goroutine& kept = t_.goroutines[index];
    kept.function = g.function;
    kept.end = g.end;
  }

 private:
  Timeline& t_;
  std::unordered_map<int64_t, size_t> slicesPer_;
};

}  // namespace

void buildTimeline(Timeline& t, const std::vector<RunEvent>& events, PositionFn position) {
  std::unordered_map<int64_t, size_t> eventsPerGoroutine;  // each event starts at most one slice
  for (const RunEvent& e : events) ++eventsPerGoroutine[e.g];
  TimelineCollector collect(t, std::move(eventsPerGoroutine));
  RunBuilder builder(collect, position);
  for (const RunEvent& e : events) builder.add(e);
  builder.finish(t.end);
}

}  // namespace gol::teach
