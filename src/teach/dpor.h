// Dynamic partial-order reduction for gol explore -exhaustive (Flanagan and Godefroid, POPL 2005,
// over gol's stateless re-execution). A depth-first search over a scripted schedule's decisions
// tries every option at every decision; most of those orders only swap steps that touch
// different objects, and give the same run. DPOR tries an alternative at decision k only when a
// run showed a reason: a step after k by goroutine p conflicts with a step at k of another
// goroutine (same object, not both reads; sync operations and prints always conflict) and the
// two were not already ordered by the run's happens-before (program order, spawns, and earlier
// conflicts). Every order of conflicting steps is still tried, so every outcome is still found,
// with far fewer runs.
//
// Decisions that are not between goroutines (select cases), or where the goroutine to bring
// forward could not run, get all their options: the reduction only skips what it can justify.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace gol::teach {

struct DecisionRecord {
  uint32_t choice = 0, options = 0;
  std::vector<int64_t> ids;  // goroutine of each option; empty: not a choice between goroutines
};

// One note of teach/footprint.h.
struct FootprintNote {
  char kind = 'a';  // 'a' access, 's' spawn
  bool write = false;
  uint32_t decisions = 0;  // decisions taken before it
  int64_t g = 0;           // the goroutine (spawn: the parent)
  uint64_t object = 0;     // access: the object; spawn: the child's id
};

struct Footprints {
  std::vector<FootprintNote> notes;
  bool overflow = false;
  uint32_t overflowAt = 0;
};

Footprints parseFootprints(const std::string& text);

class Dpor {
 public:
  // reduce = false: a plain depth-first search over every option of every decision (the
  // reference the reduction is tested against: GOL_EXPLORE_NO_REDUCTION=1).
  explicit Dpor(bool reduce = true) : reduce_(reduce) {}
  // A finished run: the prefix it was given, every decision it took, what each step touched.
  void addRun(size_t prefixLength, const std::vector<DecisionRecord>& log, const Footprints& fp);
  // The next prefix to run; false when every justified alternative was tried.
  bool next(std::vector<uint32_t>* prefix);

  // What one step touched: (object, write) pairs.
  using Step = std::vector<std::pair<uint64_t, bool>>;

 private:
  struct Node {
    uint32_t options = 0, chosen = 0;
    std::vector<int64_t> ids;
    std::vector<bool> backtrack, done;
    // Sleep set (Godefroid): goroutines whose step from here was already explored from an
    // earlier node and that nothing since has conflicted with; running one of them first only
    // repeats a run already made. Each with the step it takes.
    std::vector<std::pair<int64_t, Step>> sleep;
    std::vector<std::pair<int64_t, Step>> explored;  // options tried here, with their steps
  };
  void analyse(const Footprints& fp, uint32_t upTo);
  void addAlternative(uint32_t decisions, int64_t goroutine);
  void addAll(uint32_t decision);
  std::vector<std::pair<int64_t, Step>> sleepAfter(const Node& n, const Step& taken) const;

  bool reduce_;
  std::vector<Node> stack_;
};

}  // namespace gol::teach
