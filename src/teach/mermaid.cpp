// A Timeline as a Mermaid gantt chart: a section per goroutine, running intervals as `active`
// tasks and blocked ones as `crit` tasks, at integer times (ms, or a finer unit for short runs).
#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "teach/render.h"
#include "teach/render_util.h"

namespace gol::teach {

namespace {

constexpr size_t kMaxSections = 30;       // past this, the rest share one folded section
constexpr int64_t kMinBarFraction = 200;  // bars shorter than span/200 merge into a neighbour

// Mermaid reads `dateFormat x` integers as milliseconds; a short run is drawn in a finer unit
// (each "ms" of the chart is then one µs or ns) so that its bars do not all round to nothing.
struct TimeUnit {
  int64_t ns;
  const char* name;
};

TimeUnit chooseUnit(int64_t span) {
  if (span >= 20'000'000) return {1'000'000, "ms"};
  if (span >= 20'000) return {1'000, "µs"};
  return {1, "ns"};
}

// What Mermaid's task grammar reserves, removed from titles and labels.
std::string sanitize(std::string_view text) {
  std::string out;
  for (char c : validUtf8(text)) {
    if (c == ':' || c == ',' || c == '#' || c == ';') continue;
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

struct GanttBar {
  bool running = true;
  std::string label;
  int64_t start = 0, end = 0;  // ns
};

std::string barLabel(const Slice& s, int procs) {
  if (s.state == GState::Running) return procs > 1 ? fmt::format("run P{}", s.p) : std::string("run");
  std::string label = s.reason.empty() ? std::string("blocked") : sanitize(s.reason);
  std::string_view line = lineOf(s.where);
  if (!line.empty()) label += fmt::format(" L{}", line);
  return label;
}

// Joins neighbours with the same label that are less than minNs apart.
std::vector<GanttBar> mergeAlike(const std::vector<GanttBar>& bars, int64_t minNs) {
  std::vector<GanttBar> merged;
  for (const GanttBar& b : bars) {
    if (!merged.empty() && merged.back().label == b.label && b.start - merged.back().end < minNs) {
      merged.back().end = b.end;
    } else {
      merged.push_back(b);
    }
  }
  return merged;
}

// A bar shorter than minNs becomes part of the bar it touches (the previous one first); one
// with a gap on both sides stays, as it would otherwise vanish from the chart.
std::vector<GanttBar> absorbShort(std::vector<GanttBar> bars, int64_t minNs) {
  std::vector<GanttBar> kept;
  for (size_t i = 0; i < bars.size(); ++i) {
    GanttBar& b = bars[i];
    if (b.end - b.start < minNs) {
      if (!kept.empty() && b.start - kept.back().end < minNs) {
        kept.back().end = b.end;
        continue;
      }
      if (i + 1 < bars.size() && bars[i + 1].start - b.end < minNs) {
        bars[i + 1].start = b.start;
        continue;
      }
    }
    kept.push_back(b);
  }
  return mergeAlike(kept, minNs);
}

std::vector<GanttBar> barsOf(const Goroutine& g, int procs, int64_t minNs) {
  std::vector<GanttBar> bars;
  for (const Slice& s : g.slices) {
    if (s.state == GState::Runnable) continue;  // a gap in the chart
    bars.push_back({s.state == GState::Running, barLabel(s, procs), s.start, s.end});
  }
  return absorbShort(mergeAlike(bars, minNs), minNs);
}

// When any folded goroutine was running, as one bar per stretch.
std::vector<GanttBar> foldedBars(std::span<const Goroutine> folded, int64_t minNs) {
  std::vector<GanttBar> running;
  for (const Goroutine& g : folded)
    for (const Slice& s : g.slices)
      if (s.state == GState::Running) running.push_back({true, "any running", s.start, s.end});
  std::sort(running.begin(), running.end(),
            [](const GanttBar& a, const GanttBar& b) { return a.start < b.start; });
  std::vector<GanttBar> joined;
  for (const GanttBar& b : running) {
    if (!joined.empty() && b.start - joined.back().end < minNs) {
      joined.back().end = std::max(joined.back().end, b.end);
    } else {
      joined.push_back(b);
    }
  }
  return absorbShort(joined, minNs);
}

int64_t roundedDiv(int64_t ns, int64_t unit) { return (ns + unit / 2) / unit; }

// The tasks of one section. Rounding never lets a bar overlap the one before it, and every bar
// is at least one unit long.
void writeTasks(std::string& out, const std::vector<GanttBar>& bars, const std::string& idPrefix,
                TimeUnit unit) {
  int64_t previousEnd = 0;
  int runs = 0, blocks = 0;
  for (const GanttBar& b : bars) {
    int64_t start = std::max(roundedDiv(b.start, unit.ns), previousEnd);
    int64_t end = std::max(roundedDiv(b.end, unit.ns), start + 1);
    previousEnd = end;
    std::string id =
        b.running ? fmt::format("{}r{}", idPrefix, runs++) : fmt::format("{}b{}", idPrefix, blocks++);
    out += fmt::format("    {} :{}, {}, {}, {}\n", b.label, b.running ? "active" : "crit", id, start, end);
  }
}

std::string chartTitle(const Timeline& t, TimeUnit unit, size_t shownGoroutines) {
  std::string title = t.file.empty() ? "" : sanitize(t.file) + " · ";
  title += t.seeded ? fmt::format("seed {}", t.seed) : std::string("unseeded");
  title += fmt::format(" · GOMAXPROCS {} · {}{}", t.procs, t.seeded ? "virtual " : "", unit.name);
  if (unit.ns != 1'000'000) title += fmt::format(" (run under 20 ms so each unit is one {})", unit.name);
  if (shownGoroutines < t.goroutines.size())
    title += fmt::format(" · first {} of {} goroutines", shownGoroutines, t.goroutines.size());
  if (t.truncated) title += " · recording truncated";
  return title;
}

}  // namespace

std::string renderMermaid(const Timeline& t) {
  int64_t span = timelineSpan(t);
  TimeUnit unit = chooseUnit(span);
  int64_t minNs = std::max<int64_t>(span / kMinBarFraction, 1);
  size_t shown = std::min(t.goroutines.size(), kMaxSections);
  std::string out = "---\ndisplayMode: compact\n---\ngantt\n";
  out += fmt::format("    title {}\n", chartTitle(t, unit, shown));
  out += "    dateFormat x\n    axisFormat %Q\n    todayMarker off\n";
  for (size_t i = 0; i < shown; ++i) {
    const Goroutine& g = t.goroutines[i];
    out += fmt::format("    section {}\n", sanitize(goroutineShortLabel(g)));
    std::vector<GanttBar> bars = barsOf(g, t.procs, minNs);
    if (bars.empty()) out += fmt::format("    %% G{} was only ever runnable\n", g.id);
    writeTasks(out, bars, fmt::format("g{}", g.id), unit);
  }
  if (shown < t.goroutines.size()) {
    std::span<const Goroutine> folded = std::span(t.goroutines).subspan(shown);
    out += fmt::format("    %% {} more goroutines folded into one section: ", folded.size());
    out += "it shows when any of them ran\n";
    out += fmt::format("    section G{}–G{} ({} more)\n", folded.front().id, folded.back().id, folded.size());
    writeTasks(out, foldedBars(folded, minNs), "fold", unit);
  }
  return out;
}

}  // namespace gol::teach
