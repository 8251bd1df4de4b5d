// A Timeline as a terminal chart: one row per P and per goroutine, each cell one equal time
// bucket showing the state that filled most of it.
#include <fmt/format.h>

#include <algorithm>

#include "teach/render.h"
#include "teach/render_util.h"

namespace gol::teach {

namespace {

constexpr size_t kMaxLabelChars = 28;
constexpr std::string_view kRunning = "█", kRunnable = "░", kBlocked = "·";
constexpr std::string_view kBusy = "█", kPartlyBusy = "▒";

// Equal buckets over [0, span): bucket b is [span*b/width, span*(b+1)/width).
class Buckets {
 public:
  Buckets(int64_t span, int width) : span_(span), width_(width) {}
  int width() const { return width_; }
  int64_t begin(int b) const { return span_ * b / width_; }
  int64_t end(int b) const { return span_ * (b + 1) / width_; }

  // Adds to `perBucket` how much of [start, end) falls in each bucket.
  void add(std::vector<int64_t>& perBucket, int64_t start, int64_t end) const {
    start = std::max<int64_t>(start, 0);
    end = std::min(end, span_);
    if (end <= start) return;
    int first = int(start * width_ / span_),
        last = int(std::min<int64_t>((end - 1) * width_ / span_, width_ - 1));
    for (int b = first; b <= last; ++b)
      perBucket[size_t(b)] += std::min(end, this->end(b)) - std::max(start, begin(b));
  }

 private:
  int64_t span_;
  int width_;
};

// A goroutine's cells: the state it spent most of the bucket in, or blank when it was not alive.
std::string goroutineCells(const Goroutine& g, const Buckets& buckets) {
  size_t n = size_t(buckets.width());
  std::vector<int64_t> running(n), runnable(n), blocked(n);
  for (const Slice& s : g.slices) {
    auto& perBucket = s.state == GState::Running ? running : s.state == GState::Runnable ? runnable : blocked;
    buckets.add(perBucket, s.start, s.end);
  }
  std::string cells;
  for (size_t b = 0; b < n; ++b) {
    if (running[b] + runnable[b] + blocked[b] == 0) {
      cells += ' ';
    } else if (running[b] >= blocked[b] && running[b] >= runnable[b]) {
      cells += kRunning;
    } else {
      cells += blocked[b] >= runnable[b] ? kBlocked : kRunnable;
    }
  }
  return cells;
}

// A P's cells: busy for most of the bucket, for part of it, or idle.
std::string procCells(const Timeline& t, int p, const Buckets& buckets) {
  size_t n = size_t(buckets.width());
  std::vector<int64_t> busy(n);
  for (const Goroutine& g : t.goroutines)
    for (const Slice& s : g.slices)
      if (s.state == GState::Running && s.p == p) buckets.add(busy, s.start, s.end);
  std::string cells;
  for (size_t b = 0; b < n; ++b) {
    int64_t length = buckets.end(int(b)) - buckets.begin(int(b));
    if (busy[b] == 0) {
      cells += ' ';
    } else {
      cells += 2 * busy[b] >= length ? kBusy : kPartlyBusy;
    }
  }
  return cells;
}

std::string padded(std::string_view label, size_t columns) {
  std::string shown = truncateUtf8(label, columns);
  return shown + std::string(columns - utf8Length(shown), ' ');
}

std::string header(const Timeline& t, int64_t span, int width) {
  std::string text = "gol timeline";
  if (!t.file.empty()) text += " · " + validUtf8(t.file);
  text += fmt::format(" · {} · 0 – {} {} · {} cells of {}", runTitle(t), formatDuration(span),
                      t.seeded ? "virtual time" : "real time", width, formatDuration(span / width));
  if (t.truncated) text += fmt::format(" · recording truncated at {}", formatDuration(t.truncatedAt));
  return text + "\n";
}

// "0" under the first cell and the span under the last one.
std::string axisLine(size_t labelColumns, int64_t span, int width) {
  std::string end = formatDuration(span);
  size_t gap = size_t(width) > end.size() + 1 ? size_t(width) - end.size() - 1 : 1;
  return std::string(labelColumns + 2, ' ') + "0" + std::string(gap, ' ') + end + "\n";
}

}  // namespace

std::string renderText(const Timeline& t, int width) {
  width = std::clamp(width, 1, 2000);
  int64_t span = timelineSpan(t);
  Buckets buckets(span, width);
  std::vector<std::pair<std::string, std::string>> rows;  // label, cells
  for (int p = 0; p < t.procs; ++p) rows.emplace_back(fmt::format("P{}", p), procCells(t, p, buckets));
  for (const Goroutine& g : t.goroutines)
    rows.emplace_back(validUtf8(goroutineShortLabel(g)), goroutineCells(g, buckets));
  size_t labelColumns = 2;
  for (const auto& row : rows)
    labelColumns = std::max(labelColumns, std::min(utf8Length(row.first), kMaxLabelChars));

  std::string out = header(t, span, width);
  for (const auto& [label, cells] : rows) out += padded(label, labelColumns) + " │" + cells + "│\n";
  out += axisLine(labelColumns, span, width);
  out += fmt::format(
      "{} running  {} runnable  {} blocked  (blank) not alive · P rows: {} busy  {} partly busy\n", kRunning,
      kRunnable, kBlocked, kBusy, kPartlyBusy);
  return out;
}

}  // namespace gol::teach
