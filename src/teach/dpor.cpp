// The partial-order reduction of gol explore -exhaustive (dpor.h).
//
// The analysis of one run walks its footprints in order with a vector clock per goroutine. A
// step's clock is the join of its goroutine's previous step, its spawner at the `go` statement,
// and every earlier step it conflicts with. For each conflicting earlier step i of another
// goroutine q that the current goroutine p's clock does not already cover, the order of i and
// the current step could have been the other way round: the decision just before i gets p as an
// alternative (or all options, when p could not be chosen there).
#include "teach/dpor.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace gol::teach {
namespace {

using Clock = std::vector<uint32_t>;  // indexed by goroutine slot

void join(Clock& into, const Clock& from) {
  if (into.size() < from.size()) into.resize(from.size(), 0);
  for (size_t i = 0; i < from.size(); i++) into[i] = std::max(into[i], from[i]);
}

struct PastAccess {  // a past access, as a conflict partner
  size_t slot = 0;
  uint32_t tick = 0;       // its goroutine's step count at the access
  uint32_t decisions = 0;  // decisions taken before it
  int64_t g = 0;
  Clock clock;
};

struct ObjectState {
  bool written = false;
  PastAccess lastWrite;
  std::unordered_map<size_t, PastAccess> reads;  // since the last write, the latest per goroutine
};

}  // namespace

Footprints parseFootprints(const std::string& text) {
  Footprints fp;
  const char* p = text.c_str();
  while (*p) {
    FootprintNote n;
    unsigned long k = 0;
    long long g = 0;
    unsigned long long obj = 0;
    int w = 0, used = 0;
    if (p[0] == 'a' && std::sscanf(p, "a %lu %lld %llx %d\n%n", &k, &g, &obj, &w, &used) == 4) {
      n = {'a', w != 0, uint32_t(k), g, obj};
    } else if (p[0] == 's' && std::sscanf(p, "s %lu %lld %llu\n%n", &k, &g, &obj, &used) == 3) {
      n = {'s', false, uint32_t(k), g, obj};
    } else if (std::sscanf(p, "overflow %lu\n%n", &k, &used) == 1) {
      fp.overflow = true;
      fp.overflowAt = uint32_t(k);
      p += used;
      continue;
    } else {
      fp.overflow = true;  // unreadable: describe nothing past here
      break;
    }
    fp.notes.push_back(n);
    p += used;
  }
  return fp;
}

namespace {

bool dependent(const Dpor::Step& a, const Dpor::Step& b) {
  for (auto& [oa, wa] : a)
    for (auto& [ob, wb] : b)
      if (oa == ob && (wa || wb)) return true;
  return false;
}

}  // namespace

// The sleep set of the node a step `taken` from n leads to: n's own sleepers and the options n
// already explored, except those the step conflicts with.
std::vector<std::pair<int64_t, Dpor::Step>> Dpor::sleepAfter(const Node& n, const Step& taken) const {
  std::vector<std::pair<int64_t, Step>> out;
  int64_t chosen = n.chosen < n.ids.size() ? n.ids[n.chosen] : 0;
  for (const auto* set : {&n.sleep, &n.explored})
    for (const auto& [g, step] : *set)
      if (g != chosen && !dependent(step, taken)) out.emplace_back(g, step);
  return out;
}

void Dpor::addRun(size_t prefixLength, const std::vector<DecisionRecord>& log, const Footprints& fp) {
  if (stack_.size() > prefixLength) stack_.resize(prefixLength);
  // Each decision's step: what was touched between it and the next decision.
  std::vector<Step> steps(log.size() + 1);
  for (const FootprintNote& n : fp.notes)
    if (n.kind == 'a' && n.decisions >= 1 && n.decisions <= log.size()) steps[n.decisions - 1].emplace_back(n.object, n.write);
  if (prefixLength > 0 && prefixLength <= stack_.size()) {  // the option just tried at the last prefix node
    Node& last = stack_[prefixLength - 1];
    if (last.chosen < last.ids.size()) last.explored.emplace_back(last.ids[last.chosen], steps[prefixLength - 1]);
  }
  uint32_t upTo = uint32_t(log.size());  // notes past a step a sleeper took already say nothing new
  for (size_t k = stack_.size(); k < log.size(); k++) {
    Node n{log[k].options, log[k].choice, log[k].ids, std::vector<bool>(log[k].options), std::vector<bool>(log[k].options), {}, {}};
    if (k > 0 && reduce_) n.sleep = sleepAfter(stack_[k - 1], steps[k - 1]);
    bool select = n.ids.size() != n.options || !reduce_;
    if (select) n.sleep.clear();
    int64_t g = n.chosen < n.ids.size() ? n.ids[n.chosen] : 0;
    bool asleep = std::any_of(n.sleep.begin(), n.sleep.end(), [&](auto& s) { return s.first == g; });
    for (uint32_t c = 0; c < n.options && !select; c++)  // sleepers are never tried here
      for (auto& [sg, step] : n.sleep)
        if (n.ids[c] == sg) n.done[c] = true;
    n.done[n.chosen] = true;
    if (select) n.backtrack.assign(n.options, true);
    if (!asleep) {
      n.backtrack[n.chosen] = true;
      if (!select) n.explored.emplace_back(g, steps[k]);
    }
    stack_.push_back(std::move(n));
    if (asleep) {  // this run repeats from here one already made: nothing past it is new
      upTo = uint32_t(k + 1);
      break;
    }
  }
  if (reduce_) analyse(fp, upTo);
  if (fp.overflow)  // past the cap nothing is known: every later decision gets every option
    for (size_t k = fp.overflowAt; k < stack_.size(); k++) addAll(uint32_t(k));
}

void Dpor::analyse(const Footprints& fp, uint32_t upTo) {
  std::unordered_map<int64_t, size_t> slotOf;
  std::vector<Clock> clocks;
  auto slot = [&](int64_t g) {
    auto [it, fresh] = slotOf.try_emplace(g, clocks.size());
    if (fresh) clocks.emplace_back();
    return it->second;
  };
  std::unordered_map<uint64_t, ObjectState> objects;
  for (const FootprintNote& n : fp.notes) {
    if (n.decisions > upTo) break;
    size_t p = slot(n.g);
    if (n.kind == 's') {
      size_t child = slot(int64_t(n.object));
      join(clocks[child], clocks[p]);
      continue;
    }
    Clock& mine = clocks[p];
    if (mine.size() <= p) mine.resize(p + 1, 0);
    ObjectState& o = objects[n.object];
    auto conflict = [&](const PastAccess& s) {
      if (s.g == n.g) return;
      uint32_t seen = s.slot < mine.size() ? mine[s.slot] : 0;
      if (seen < s.tick) addAlternative(s.decisions, n.g);  // not ordered: the other order exists
      join(mine, s.clock);
    };
    if (o.written) conflict(o.lastWrite);
    if (n.write)
      for (auto& [s, read] : o.reads) conflict(read);
    mine[p]++;
    PastAccess step{p, mine[p], n.decisions, n.g, mine};
    if (n.write) {
      o.written = true;
      o.lastWrite = std::move(step);
      o.reads.clear();
    } else {
      o.reads[p] = std::move(step);
    }
  }
}

// Bring `goroutine` forward at the decision before the conflicting step: the decision taken
// just before it is number decisions-1.
void Dpor::addAlternative(uint32_t decisions, int64_t goroutine) {
  if (decisions == 0 || decisions > stack_.size()) return;  // before the first decision: one order only
  Node& n = stack_[decisions - 1];
  auto it = std::find(n.ids.begin(), n.ids.end(), goroutine);
  if (it == n.ids.end() || size_t(it - n.ids.begin()) == n.chosen) {
    addAll(decisions - 1);
    return;
  }
  n.backtrack[size_t(it - n.ids.begin())] = true;
}

void Dpor::addAll(uint32_t decision) {
  if (decision < stack_.size()) stack_[decision].backtrack.assign(stack_[decision].options, true);
}

bool Dpor::next(std::vector<uint32_t>* prefix) {
  for (size_t k = stack_.size(); k-- > 0;) {
    Node& n = stack_[k];
    for (uint32_t c = 0; c < n.options; c++) {
      if (!n.backtrack[c] || n.done[c]) continue;
      n.done[c] = true;
      n.chosen = c;
      stack_.resize(k + 1);
      prefix->clear();
      for (const Node& m : stack_) prefix->push_back(m.chosen);
      return true;
    }
  }
  return false;
}

}  // namespace gol::teach
