// The timeline chart as SVG: one block per run, all on one time axis, P rows then goroutine
// rows, spawn/wake arrows and print markers. The HTML page (html.cpp) embeds it as it is.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "teach/render.h"
#include "teach/render_util.h"

namespace gol::teach {

namespace {

// Geometry, in px. The plot starts right of the label column; a bar is kBarH tall in a row kRowPitch.
constexpr double kPlotX = 270, kPlotW = 900, kRightMargin = 30;
constexpr double kRowPitch = 20, kBarH = 14;
constexpr double kLegendH = 44, kTitleH = 24, kAxisH = 20, kSectionGap = 10, kRunGap = 26;
constexpr size_t kLabelChars = 36;

// Goroutine colours on the P rows: mid-light tones that dark text reads on, and none of them
// green, amber or red, which mean running, runnable and blocked on the goroutine rows.
constexpr const char* kPalette[] = {"#6f9bd1", "#b07aa1", "#76b7b2", "#c09a7a",
                                    "#9a8fd1", "#6cc5d9", "#b8b0ac", "#8fa3b8"};

const char* goroutineColour(size_t index) { return kPalette[index % std::size(kPalette)]; }

constexpr std::string_view kStyle = R"(<style>
.bar.running{fill:#2e9d4f}.bar.runnable{fill:#f2c14e}.bar.blocked{fill:#e8a3a3}
.row-bg{fill:#f5f6f8}.label-bg{fill:#fff}
.tick{stroke:#dfe2e6;stroke-width:1}.tick-label{fill:#666;font-size:10px;text-anchor:middle}
.label{fill:#222;font-size:12px}.run-title{fill:#111;font-size:14px;font-weight:600}
.legend{fill:#333;font-size:12px}
.arrow,.arrow-sample{stroke-width:1;fill:none}.spawn{stroke:#3867d6;stroke-dasharray:4 2}
.wake{stroke:#8e44ad}.timer{stroke:#888;stroke-dasharray:1 2}
.print,.print-sample{fill:#222;stroke:#fff;stroke-width:1}
.bar-label{font-size:10px;fill:#111;pointer-events:none}.bar-label.on-running{fill:#fff}
.minor{display:none}.zoomed .minor{display:inline}
</style>
)";

// An arrowhead per arrow kind, coloured like its line.
std::string arrowMarkers() {
  std::string defs = "<defs>\n";
  for (auto [kind, colour] : {std::pair{"spawn", "#3867d6"}, {"wake", "#8e44ad"}, {"timer", "#888"}})
    defs += fmt::format(
        "<marker id=\"gol-arrow-{}\" viewBox=\"0 0 6 6\" refX=\"6\" refY=\"3\" markerWidth=\"6\" "
        "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0L6,3L0,6z\" fill=\"{}\"/></marker>\n",
        kind, colour);
  return defs + "</defs>\n";
}

// Where one run's rows are.
struct RunLayout {
  double top = 0, axisY = 0, plotTop = 0, bottom = 0;
  std::vector<double> procRowTop;
  std::map<int64_t, double> goroutineRowTop;  // by goroutine id
  std::map<int64_t, size_t> goroutineIndex;   // by goroutine id: creation order, for colours
};

RunLayout layOut(const Timeline& t, double top) {
  RunLayout l;
  l.top = top;
  l.axisY = top + kTitleH + 12;
  l.plotTop = top + kTitleH + kAxisH;
  double y = l.plotTop;
  for (int p = 0; p < t.procs; ++p, y += kRowPitch) l.procRowTop.push_back(y);
  y += kSectionGap;
  for (size_t i = 0; i < t.goroutines.size(); ++i, y += kRowPitch) {
    l.goroutineRowTop[t.goroutines[i].id] = y;
    l.goroutineIndex[t.goroutines[i].id] = i;
  }
  l.bottom = y;
  return l;
}

// The step between labelled ticks: 1, 2 or 5 times a power of ten, about 8 ticks over `span`.
int64_t tickStep(int64_t span) {
  int64_t step = 1;
  for (;;) {
    for (int64_t m : {1, 2, 5})
      if (span / (step * m) <= 8) return step * m;
    step *= 10;
  }
}

// Writes one run's plot: everything that moves with time (the HTML script rescales it by the
// data-start/-end/-t/-t1/-t2 attributes).
class RunPlot {
 public:
  RunPlot(std::string& out, const Timeline& t, const RunLayout& l, int64_t span)
      : out_(out), t_(t), l_(l), span_(span) {}

  void draw() {
    out_ += fmt::format("<g class=\"run\" data-procs=\"{}\">\n", t_.procs);
    drawRowBackgrounds();
    drawTicks();
    for (const Goroutine& g : t_.goroutines) drawGoroutine(g);
    for (const Arrow& a : t_.arrows) drawArrow(a);
    for (const Print& p : t_.prints) drawPrint(p);
    out_ += "</g>\n";
  }

 private:
  double x(int64_t ns) const { return kPlotX + double(ns) * kPlotW / double(span_); }

  void drawRowBackgrounds() {
    auto stripe = [&](double top) {
      out_ += fmt::format(
          "<rect class=\"row-bg\" data-full=\"1\" x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\"/>\n",
          kPlotX, top, kPlotW, kBarH);
    };
    for (double top : l_.procRowTop) stripe(top);
    for (const auto& [id, top] : l_.goroutineRowTop) stripe(top);
  }

  void drawTicks() {
    int64_t step = tickStep(span_);
    int64_t minor = std::max<int64_t>(step / 5, 1);
    for (int64_t ts = 0; ts <= span_; ts += minor) {
      bool major = ts % step == 0;
      const char* extra = major ? "" : " minor";
      out_ += fmt::format(
          "<line class=\"tick{}\" data-t=\"{}\" x1=\"{:.2f}\" x2=\"{:.2f}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>\n",
          extra, ts, x(ts), x(ts), l_.axisY + 3, l_.bottom);
      out_ += fmt::format("<text class=\"tick-label{}\" data-t=\"{}\" x=\"{:.2f}\" y=\"{:.1f}\">{}</text>\n",
                          extra, ts, x(ts), l_.axisY, xmlEscape(formatDuration(ts)));
    }
  }

  std::string timesText(int64_t start, int64_t end) const {
    return fmt::format("{} – {} ({})", formatDuration(start), formatDuration(end),
                       formatDuration(end - start));
  }

  void rect(std::string_view cls, int64_t g, int p, int64_t start, int64_t end, double top,
            std::string_view style, const std::string& title) {
    double width = std::max(0.5, x(end) - x(start));
    out_ += fmt::format(
        "<rect class=\"{}\" data-g=\"{}\" data-p=\"{}\" data-start=\"{}\" data-end=\"{}\" "
        "x=\"{:.2f}\" y=\"{:.1f}\" width=\"{:.2f}\" height=\"{}\"{}><title>{}</title></rect>\n",
        cls, g, p, start, end, x(start), top, width, kBarH, style, xmlEscape(title));
  }

  // A label inside a bar, when the bar is wide enough to hold it.
  void barLabel(std::string_view text, int64_t start, int64_t end, double top,
                std::string_view cls = "bar-label") {
    double width = x(end) - x(start);
    if (width < 7.0 * double(utf8Length(text)) + 6) return;
    out_ +=
        fmt::format("<text class=\"{}\" data-t=\"{}\" data-dx=\"3\" x=\"{:.2f}\" y=\"{:.1f}\">{}</text>\n",
                    cls, start, x(start) + 3, top + kBarH - 3.5, xmlEscape(text));
  }

  void drawGoroutine(const Goroutine& g) {
    double top = l_.goroutineRowTop.at(g.id);
    std::string label = goroutineLabel(g);
    for (const Slice& s : g.slices) {
      rect(fmt::format("bar {}", stateName(s.state)), g.id, s.p, s.start, s.end, top, "",
           sliceTitle(label, s));
      if (s.state == GState::Blocked) barLabel(s.reason, s.start, s.end, top);
      if (s.state == GState::Running && t_.procs > 1)
        barLabel(fmt::format("P{}", s.p), s.start, s.end, top, "bar-label on-running");
      if (s.state == GState::Running && s.p >= 0 && s.p < t_.procs) drawOnProc(g, label, s);
    }
  }

  void drawOnProc(const Goroutine& g, const std::string& label, const Slice& s) {
    double top = l_.procRowTop[size_t(s.p)];
    std::string style = fmt::format(" style=\"fill:{}\"", goroutineColour(l_.goroutineIndex.at(g.id)));
    std::string title = fmt::format("P{} runs {} · {}", s.p, label, timesText(s.start, s.end));
    rect("bar running p-row", g.id, s.p, s.start, s.end, top, style, title);
    barLabel(fmt::format("G{}", g.id), s.start, s.end, top);
  }

  std::string sliceTitle(const std::string& label, const Slice& s) const {
    std::string what;
    if (s.state == GState::Running) {
      what = fmt::format("running on P{}", s.p);
    } else if (s.state == GState::Blocked) {
      what = "blocked: " + (s.reason.empty() ? std::string("?") : s.reason);
    } else {
      what = "runnable (waiting for a P)";
    }
    if (!s.where.empty()) what += " at " + s.where;
    return fmt::format("{} · {} · {}", what, label, timesText(s.start, s.end));
  }

  double rowMiddle(int64_t goid) const { return l_.goroutineRowTop.at(goid) + kBarH / 2; }

  const Goroutine* goroutine(int64_t goid) const {
    auto it = l_.goroutineIndex.find(goid);
    return it == l_.goroutineIndex.end() ? nullptr : &t_.goroutines[it->second];
  }

  void drawArrow(const Arrow& a) {
    const Goroutine* to = goroutine(a.to);
    if (!to) return;
    const Goroutine* from = goroutine(a.from);
    const char* kind = !from ? "timer" : a.kind == ArrowKind::Spawn ? "spawn" : "wake";
    double y1 = from ? rowMiddle(from->id) : rowMiddle(to->id) - 4, y2 = rowMiddle(to->id);
    out_ += fmt::format(
        "<line class=\"arrow {0}\" data-t1=\"{1}\" data-t2=\"{2}\" x1=\"{3:.2f}\" y1=\"{4:.1f}\" "
        "x2=\"{5:.2f}\" y2=\"{6:.1f}\" marker-end=\"url(#gol-arrow-{0})\"><title>{7}</title></line>\n",
        kind, a.fromTs, a.toTs, x(a.fromTs), y1, x(a.toTs), y2, xmlEscape(arrowTitle(a, from, *to)));
  }

  std::string arrowTitle(const Arrow& a, const Goroutine* from, const Goroutine& to) const {
    std::string source = from ? goroutineLabel(*from) : std::string("a timer");
    if (a.kind == ArrowKind::Spawn)
      return fmt::format("{} starts {} at {}; it first runs at {}", source, goroutineLabel(to),
                         formatDuration(a.fromTs), formatDuration(a.toTs));
    return fmt::format("{} wakes {} at {}{}; it runs at {}", source, goroutineLabel(to),
                       formatDuration(a.fromTs), waitedFor(to, a.fromTs), formatDuration(a.toTs));
  }

  // " (blocked: chan receive at prog.go:12)" for the wait that `ts` ended, or "".
  static std::string waitedFor(const Goroutine& g, int64_t ts) {
    const Slice* wait = nullptr;
    for (const Slice& s : g.slices)
      if (s.state == GState::Blocked && s.start <= ts) wait = &s;
    if (!wait) return "";
    std::string at = wait->where.empty() ? "" : " at " + wait->where;
    return fmt::format(" (blocked: {}{})", wait->reason, at);
  }

  void drawPrint(const Print& p) {
    if (!l_.goroutineRowTop.count(p.g)) return;
    std::string text = p.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    std::string title =
        fmt::format("G{} prints{} at {}:\n{}", p.g, p.toStderr ? " to stderr" : "", formatDuration(p.ts), text);
    out_ += fmt::format(
        "<circle class=\"print\" data-g=\"{}\" data-t=\"{}\" cx=\"{:.2f}\" cy=\"{:.1f}\" r=\"3\">"
        "<title>{}</title></circle>\n",
        p.g, p.ts, x(p.ts), l_.goroutineRowTop.at(p.g) + 1, xmlEscape(title));
  }

  std::string& out_;
  const Timeline& t_;
  const RunLayout& l_;
  int64_t span_;
};

std::string runHeading(const Timeline& t) {
  std::string heading = runTitle(t);
  if (!t.file.empty()) heading += " · " + t.file;
  heading += t.seeded ? " · virtual time" : " · real time";
  if (t.truncated) heading += " · recording truncated at " + formatDuration(t.truncatedAt);
  return heading;
}

// The labels of one run: heading and row names. They stay put while the plot scrolls.
void drawLabels(std::string& out, const Timeline& t, const RunLayout& l) {
  out += fmt::format("<text class=\"run-title\" x=\"8\" y=\"{:.1f}\">{}</text>\n", l.top + 16,
                     xmlEscape(runHeading(t)));
  for (int p = 0; p < t.procs; ++p)
    out += fmt::format("<text class=\"label\" x=\"24\" y=\"{:.1f}\">P{}</text>\n",
                       l.procRowTop[size_t(p)] + 11, p);
  for (size_t i = 0; i < t.goroutines.size(); ++i) {
    const Goroutine& g = t.goroutines[i];
    double top = l.goroutineRowTop.at(g.id);
    std::string label = goroutineLabel(g);
    std::string shown = truncateUtf8(label, kLabelChars);
    std::string title = shown == label ? "" : "<title>" + xmlEscape(label) + "</title>";
    out += fmt::format(
        "<rect class=\"swatch\" x=\"8\" y=\"{:.1f}\" width=\"10\" height=\"10\" style=\"fill:{}\"/>\n",
        top + 2, goroutineColour(i));
    out += fmt::format("<text class=\"label\" x=\"24\" y=\"{:.1f}\">{}{}</text>\n", top + 11,
                       xmlEscape(shown), title);
  }
}

void drawLegend(std::string& out, size_t nruns) {
  double y = 16;
  auto swatch = [&](double x, std::string_view fill, std::string_view text) {
    out += fmt::format(
        "<rect class=\"legend-swatch\" x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" style=\"fill:{}\"/>\n", x,
        y - 9, fill);
    out += fmt::format("<text class=\"legend\" x=\"{}\" y=\"{}\">{}</text>\n", x + 18, y, text);
  };
  swatch(8, "#2e9d4f", "running");
  swatch(88, "#f2c14e", "runnable (waiting for a P)");
  swatch(268, "#e8a3a3", "blocked (reason inside)");
  for (size_t i = 0; i < 4; ++i)
    out += fmt::format(
        "<rect class=\"legend-swatch\" x=\"{}\" y=\"{}\" width=\"5\" height=\"10\" style=\"fill:{}\"/>\n",
        438 + 5 * double(i), y - 9, goroutineColour(i));
  out += fmt::format(
      "<text class=\"legend\" x=\"462\" y=\"{}\">P rows: colour of the goroutine it runs</text>\n", y);
  out += fmt::format(
      "<line class=\"arrow-sample spawn\" x1=\"730\" y1=\"{0}\" x2=\"756\" y2=\"{0}\" "
      "marker-end=\"url(#gol-arrow-spawn)\"/>\n"
      "<text class=\"legend\" x=\"762\" y=\"{1}\">go (spawn)</text>\n",
      y - 4, y);
  out += fmt::format(
      "<line class=\"arrow-sample wake\" x1=\"840\" y1=\"{0}\" x2=\"866\" y2=\"{0}\" "
      "marker-end=\"url(#gol-arrow-wake)\"/>\n"
      "<text class=\"legend\" x=\"872\" y=\"{1}\">wake</text>\n",
      y - 4, y);
  out += fmt::format(
      "<circle class=\"print-sample\" cx=\"920\" cy=\"{}\" r=\"3\"/>\n"
      "<text class=\"legend\" x=\"928\" y=\"{}\">print</text>\n",
      y - 4, y);
  if (nruns > 1)  // side by side (-procs 1,4): say how to read it
    out += fmt::format(
        "<text class=\"legend\" x=\"8\" y=\"{}\">All runs share one time axis: at GOMAXPROCS 1 no two "
        "goroutines run at the same time.</text>\n",
        y + 18);
}

}  // namespace

std::string renderSvg(const std::vector<const Timeline*>& runs) {
  int64_t span = 1;
  for (const Timeline* t : runs) span = std::max(span, timelineSpan(*t));
  std::vector<RunLayout> layouts;
  double top = kLegendH;
  for (const Timeline* t : runs) {
    layouts.push_back(layOut(*t, top));
    top = layouts.back().bottom + kRunGap;
  }
  double width = kPlotX + kPlotW + kRightMargin;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gol-timeline\" width=\"{}\" height=\"{}\" "
      "data-span=\"{}\" data-plot-x=\"{}\" data-plot-w=\"{}\" data-right=\"{}\" "
      "font-family=\"system-ui, sans-serif\">\n",
      width, top, span, kPlotX, kPlotW, kRightMargin);
  out += kStyle;
  out += arrowMarkers();
  for (size_t i = 0; i < runs.size(); ++i) RunPlot(out, *runs[i], layouts[i], span).draw();
  // The label column is drawn last, over the plot, so it hides what scrolls under it.
  out += fmt::format(
      "<g class=\"label-col\">\n<rect class=\"label-bg\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"/>\n",
      kPlotX - 6, top);
  drawLegend(out, runs.size());
  for (size_t i = 0; i < runs.size(); ++i) drawLabels(out, *runs[i], layouts[i]);
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace gol::teach
