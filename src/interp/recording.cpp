// Recording a run for -trace and -timeline (recording.h).
#include "interp/recording.h"

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <memory>

#include "base/source.h"
#include "interp/interp.h"
#include "interp/nodes.h"
#include "sched/policy.h"
#include "teach/footprint.h"
#include "teach/recorder.h"
#include "teach/render.h"
#include "teach/timeline_io.h"

namespace gol::interp {
namespace {

std::unique_ptr<teach::Recorder> gRecorder;
std::atomic<bool> gFinished{false};
RunOptions gOpts;
const sched::Schedule* gSchedule = nullptr;
std::string gDecisionLogPath;

std::string shortPos(uint32_t p) {
  if (!p) return "";
  Position ps = SourceTable::global().decode(p);
  size_t slash = ps.file.rfind('/');
  return (slash == std::string::npos ? ps.file : ps.file.substr(slash + 1)) + ":" + std::to_string(ps.line);
}

// The goroutine's entry function is its outermost gol frame; where it is, its innermost.
teach::GoroutineView describe(const sched::G* sg) {
  teach::GoroutineView v;
  auto* g = static_cast<GState*>(sg->user);
  if (!g || !g->top) return v;
  v.pos = g->top->pos;
  for (Frame* f = g->top; f; f = f->parent)
    if (f->fn) v.function = f->fn->name.c_str();  // Funcs live as long as the program
  return v;
}

}  // namespace

bool writeFile(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    fmt::print(stderr, "gol: cannot write {}\n", path);
    return false;
  }
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  return true;
}

namespace {

bool endsWith(const std::string& s, const char* suffix) {
  std::string x(suffix);
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

void writeTimelines(const std::vector<const teach::Timeline*>& runs, const std::string& path) {
  if (path == "-" || (!endsWith(path, ".html") && !endsWith(path, ".svg") && !endsWith(path, ".mmd"))) {
    std::string text;
    for (const teach::Timeline* t : runs) text += teach::renderText(*t) + (runs.size() > 1 ? "\n" : "");
    if (path == "-")
      fmt::print(stderr, "{}", text);
    else
      writeFile(path, text);
  } else if (endsWith(path, ".html")) {
    writeFile(path, teach::renderHtml(runs));
  } else if (endsWith(path, ".svg")) {
    writeFile(path, teach::renderSvg(runs));
  } else {
    if (runs.size() > 1)
      fmt::print(stderr, "gol: a Mermaid chart shows one run: the first (-procs {})\n", runs[0]->procs);
    writeFile(path, teach::renderMermaid(*runs[0]));
  }
}

bool readFile(const std::string& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

}  // namespace

void startRecording(const RunOptions& opts) {
  if (opts.traceFile.empty() && opts.timelineFile.empty() && opts.timelineDump.empty()) return;
  gOpts = opts;
  bool charts = !opts.timelineFile.empty() || !opts.timelineDump.empty() || opts.stepping;
  gRecorder = std::make_unique<teach::Recorder>(opts.traceLimit, describe, shortPos, charts);
  if (!opts.traceFile.empty() && !gRecorder->streamTrace(opts.traceFile)) {
    fmt::print(stderr, "gol: cannot write {}\n", opts.traceFile);
    gOpts.traceFile.clear();
    if (!charts) {
      gRecorder.reset();
      return;
    }
  }
  sched::setEventSink(gRecorder.get());
}

teach::GoroutineView describeGoroutine(const sched::G* g) { return describe(g); }
std::string positionText(uint32_t pos) { return shortPos(pos); }

void startReplRecording() {
  gRecorder = std::make_unique<teach::Recorder>(200000, describe, shortPos);
  sched::setEventSink(gRecorder.get());
}

void restartReplRecording() {
  if (gRecorder) gRecorder->reset();
}

std::string replTimelineText() {
  if (!gRecorder) return "no timeline recorded\n";
  teach::Timeline t = gRecorder->finish("<input>", sched::procs(), false, 0);
  if (t.goroutines.empty()) return "nothing ran since the last input\n";
  return teach::renderText(t);
}

std::string timelineSoFarSvg() {
  if (!gRecorder) return "";
  teach::Timeline t = gRecorder->finish(gOpts.programFile, sched::procs(), false, 0);
  if (t.goroutines.empty()) return "";
  return teach::renderSvg({&t});
}

void recordPrint(std::string_view text, bool toStderr) {
  if (gRecorder && !gFinished.load(std::memory_order_relaxed)) gRecorder->print(text, toStderr);
}

void setDecisionLog(const sched::Schedule* schedule, const std::string& path, const RunOptions& opts) {
  gOpts = opts;
  gSchedule = schedule;
  gDecisionLogPath = path;
}

// Every decision of a scripted run, as "choice options [goroutine ids of the options]" lines.
void writeDecisionLog() {
  if (!gSchedule || gDecisionLogPath.empty()) return;
  if (!gOpts.footprintFile.empty()) teach::footprint::writeTo(gOpts.footprintFile);
  std::string text;
  for (size_t i = 0; i < gSchedule->log.size(); i++) {
    auto [choice, options] = gSchedule->log[i];
    text += fmt::format("{} {}", choice, options);
    if (i < gSchedule->optionIds.size())
      for (int64_t id : gSchedule->optionIds[i]) text += fmt::format(" {}", id);
    text += '\n';
  }
  writeFile(gDecisionLogPath, text);
}

// The choices of a stepped run, as a file -schedule reads back.
void writeScheduleFile() {
  if (!gSchedule || gOpts.scheduleOut.empty()) return;
  std::string text = fmt::format("# gol schedule of {}: replay with gol run -schedule {} {}\n",
                                 gOpts.programFile, gOpts.scheduleOut, gOpts.programFile);
  if (gSchedule->preemptionBound >= 0) text = fmt::format("b{}:\n", gSchedule->preemptionBound) + text;
  for (auto [choice, options] : gSchedule->log) text += fmt::format("{}\n", choice);
  if (writeFile(gOpts.scheduleOut, text))
    fmt::print(stderr, "gol step: schedule saved in {}\n", gOpts.scheduleOut);
}

// Once per process: two goroutines may end the program at the same moment (a panic while main
// returns); the first one writes the files.
void finishRecording() {
  if (gFinished.exchange(true)) return;
  writeDecisionLog();
  writeScheduleFile();
  gSchedule = nullptr;
  if (!gRecorder) return;
  sched::setEventSink(nullptr);
  if (gRecorder->truncated())
    fmt::print(stderr, "gol: trace truncated at {} events (-trace-limit)\n", gOpts.traceLimit);
  if (!gOpts.traceFile.empty() &&
      !gRecorder->finishTrace(gOpts.programFile, sched::procs(), gOpts.seeded, gOpts.seed))
    fmt::print(stderr, "gol: cannot write {}\n", gOpts.traceFile);
  if (gOpts.timelineFile.empty() && gOpts.timelineDump.empty()) return;
  teach::Timeline t = gRecorder->finish(gOpts.programFile, sched::procs(), gOpts.seeded, gOpts.seed);
  if (!gOpts.timelineDump.empty())
    writeFile(gOpts.timelineDump, teach::serializeTimeline(t));
  else
    writeTimelines({&t}, gOpts.timelineFile);
}

bool writeTimelinesFromDumps(const std::vector<std::string>& dumps, const std::string& path) {
  std::vector<teach::Timeline> runs(dumps.size());
  std::vector<const teach::Timeline*> ptrs;
  for (size_t i = 0; i < dumps.size(); i++) {
    std::string bytes;
    if (!readFile(dumps[i], &bytes) || !teach::deserializeTimeline(bytes, &runs[i])) {
      fmt::print(stderr, "gol: run {} of the -procs list left no timeline\n", i + 1);
      return false;
    }
    ptrs.push_back(&runs[i]);
  }
  writeTimelines(ptrs, path);
  return true;
}

}  // namespace gol::interp
