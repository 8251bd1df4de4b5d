// Recording a run for -trace and -timeline (recording.h).
#include "interp/recording.h"

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <memory>

#include "base/source.h"
#include "interp/interp.h"
#include "interp/nodes.h"
#include "teach/recorder.h"
#include "teach/render.h"

namespace gol::interp {
namespace {

std::unique_ptr<teach::Recorder> gRecorder;
std::atomic<bool> gFinished{false};
RunOptions gOpts;

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

bool endsWith(const std::string& s, const char* suffix) {
  std::string x(suffix);
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

void writeTimeline(const teach::Timeline& t, const std::string& path) {
  if (path == "-") {
    fmt::print(stderr, "{}", teach::renderText(t));
    return;
  }
  std::vector<const teach::Timeline*> runs{&t};
  if (endsWith(path, ".html")) writeFile(path, teach::renderHtml(runs));
  else if (endsWith(path, ".svg")) writeFile(path, teach::renderSvg(runs));
  else if (endsWith(path, ".mmd")) writeFile(path, teach::renderMermaid(t));
  else writeFile(path, teach::renderText(t));
}

}  // namespace

void startRecording(const RunOptions& opts) {
  if (opts.traceFile.empty() && opts.timelineFile.empty()) return;
  gOpts = opts;
  gRecorder = std::make_unique<teach::Recorder>(opts.traceLimit, describe, shortPos);
  sched::setEventSink(gRecorder.get());
}

void recordPrint(std::string_view text, bool toStderr) {
  if (gRecorder && !gFinished.load(std::memory_order_relaxed)) gRecorder->print(text, toStderr);
}

void finishRecording() {
  if (!gRecorder || gFinished.exchange(true)) return;
  sched::setEventSink(nullptr);
  teach::Timeline t = gRecorder->finish(gOpts.programFile, sched::procs(), gOpts.seeded, gOpts.seed);
  if (t.truncated)
    fmt::print(stderr, "gol: trace truncated at {} events (-trace-limit)\n", gOpts.traceLimit);
  if (!gOpts.traceFile.empty()) {
    std::string json;
    teach::writeTraceJson(t, json);
    writeFile(gOpts.traceFile, json);
  }
  if (!gOpts.timelineFile.empty()) writeTimeline(t, gOpts.timelineFile);
}

}  // namespace gol::interp
