// gol play's program endpoints: POST /api/run, /api/explore and /api/step (src/DESIGN.md §14).
// Each request is checked, waits for a run slot (telling its place in line), then runs one
// child `gol run|explore|step -sandbox ...` on the program written to a private folder, and
// streams NDJSON events: accepted, waiting*, started, stdout*/stderr*, exit (with the timeline,
// the explore report or the next step question).
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "api.h"
#include "json.h"
#include "child.h"

namespace gol::play {
namespace {

constexpr size_t kMaxSource = 64 * 1024;
constexpr int kMaxProcs = 16;
constexpr size_t kMaxScheduleChoices = 100000;

struct ProgramRequest {
  std::string kind;  // "run", "explore", "step"
  std::string source;
  uint64_t seed = 0;
  int procs = 4;
  int pct = 0;
  bool race = false;
  bool compare = false;  // run: -procs 1,N, drawn on one timeline
  std::vector<uint32_t> schedule;
};

// The request's fields, checked; an error message instead when they are not usable.
std::string parseRequest(const std::string& body, ProgramRequest* r) {
  Json j = Json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "malformed JSON: want an object";
  auto src = j.find("source");
  if (src == j.end() || !src->is_string()) return "missing \"source\" (a string)";
  r->source = src->get<std::string>();
  if (r->source.size() > kMaxSource) return fmt::format("the program is larger than {} KB", kMaxSource / 1024);
  auto intField = [&](const char* name, int64_t lo, int64_t hi, auto* out) -> std::string {
    auto f = j.find(name);
    if (f == j.end() || f->is_null()) return "";
    if (!f->is_number_integer() || f->get<int64_t>() < lo || f->get<int64_t>() > hi)
      return fmt::format("\"{}\" must be a whole number from {} to {}", name, lo, hi);
    *out = static_cast<std::remove_pointer_t<decltype(out)>>(f->get<int64_t>());
    return "";
  };
  r->seed = std::random_device()() % 1000000;
  for (std::string e : {intField("seed", 0, 999999999999, &r->seed), intField("procs", 1, kMaxProcs, &r->procs),
                        intField("pct", 0, 8, &r->pct)})
    if (!e.empty()) return e;
  for (const char* name : {"race", "compare"}) {
    auto f = j.find(name);
    if (f == j.end() || f->is_null()) continue;
    if (!f->is_boolean()) return fmt::format("\"{}\" must be true or false", name);
    (std::string(name) == "race" ? r->race : r->compare) = f->get<bool>();
  }
  auto s = j.find("schedule");
  if (s != j.end() && !s->is_null()) {
    if (!s->is_array() || s->size() > kMaxScheduleChoices) return "\"schedule\" must be a list of choices";
    for (const Json& c : *s) {
      if (!c.is_number_unsigned() || c.get<uint64_t>() > 1000000) return "\"schedule\" must be a list of choices";
      r->schedule.push_back(c.get<uint32_t>());
    }
  }
  return "";
}

bool writeText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return bool(out);
}

std::string readText(const std::string& path, size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  return text.size() > limit ? "" : text;
}

// How much of `s` ends on a whole UTF-8 character: a character cut between two reads of a pipe
// is kept for the next piece instead of turning into U+FFFD.
size_t wholeUtf8(std::string_view s) {
  size_t i = s.size();
  int continuation = 0;
  while (i > 0 && continuation < 3 && (uint8_t(s[i - 1]) & 0xC0) == 0x80) i--, continuation++;
  if (i == 0) return s.size();
  uint8_t lead = uint8_t(s[i - 1]);
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return s.size() - (i - 1) < need ? i - 1 : s.size();
}

// The child's command line for a request.
std::vector<std::string> childArgs(const PlayOptions& o, const ProgramRequest& r, const std::string& dir) {
  std::vector<std::string> a = {o.gol, r.kind, "-sandbox", "-maxheap", o.maxHeap, "-maxgoroutines",
                                std::to_string(o.maxGoroutines)};
  std::string procs = std::to_string(r.procs);
  if (r.kind == "run") {
    a.insert(a.end(), {"-seed", std::to_string(r.seed), "-timeline", dir + "/timeline.svg"});
    a.insert(a.end(), {"-procs", r.compare && r.procs > 1 ? procs + ",1" : procs});
    if (r.pct) a.insert(a.end(), {"-pct", std::to_string(r.pct)});
    if (r.race) a.push_back("-race");
  } else if (r.kind == "explore") {
    a.insert(a.end(), {"-json", "-procs", procs, "-runs", std::to_string(o.exploreRuns), "-time",
                       fmt::format("{}ms", int(o.exploreSeconds * 1000))});
    if (r.race) a.push_back("-race");
  } else {
    a.insert(a.end(), {"-procs", procs, "-question", dir + "/question.json"});
    std::string list;
    for (uint32_t c : r.schedule) list += (list.empty() ? "" : ",") + std::to_string(c);
    if (!list.empty()) a.insert(a.end(), {"-schedule", list});
  }
  a.push_back("prog.go");
  return a;
}

// Why a run ended early, in words for the page (empty when it ended by itself).
std::string stopReason(const PlayOptions& o, const ChildResult& res, const std::string& stderrText,
                       std::string* killed) {
  *killed = res.killedBy;
  if (res.killedBy == "timeout") return fmt::format("stopped: the program ran longer than {}s (the playground's limit)", o.timeout);
  if (res.killedBy == "cpu") return fmt::format("stopped: the program used more than {}s of CPU time", int(o.timeout));
  if (res.killedBy == "output")
    return fmt::format("stopped: the program printed more than {} KB (the playground's limit)", o.maxOutput / 1024);
  if (res.killedBy == "server") return "stopped: the playground is shutting down";
  if (res.exitCode == 2 && stderrText.find("fatal error: runtime: out of memory") != std::string::npos) {
    *killed = "heap";
    return fmt::format("stopped: the program used more than {} of memory (the playground's limit)", o.maxHeap);
  }
  if (res.exitCode == 2 && stderrText.find("-goroutine limit") != std::string::npos) {
    *killed = "goroutines";
    return fmt::format("stopped: the program had more than {} goroutines at once (the playground's limit)",
                       o.maxGoroutines);
  }
  return "";
}

void removeTree(const std::string& dir) {
  for (const char* f : {"prog.go", "timeline.svg", "question.json"}) unlink((dir + "/" + f).c_str());
  rmdir(dir.c_str());
}

}  // namespace

void Api::program(const std::string& kind, const Request& req, Exchange& ex) {
  ProgramRequest r;
  r.kind = kind;
  std::string bad = parseRequest(req.body, &r);
  if (!bad.empty()) {
    ex.reply(400, "application/json", dumpJson({{"error", bad}}));
    return;
  }
  if (!ex.startStream("application/x-ndjson")) return;
  auto send = [&](const Json& event) { return ex.write(dumpJson(event) + "\n"); };
  if (!send({{"event", "accepted"}, {"kind", kind}, {"seed", r.seed}, {"procs", r.procs}})) return;
  if (!slots_.acquire([&](int place) { return send({{"event", "waiting"}, {"place", place}}); })) return;
  SlotGuard slot(slots_);
  std::string dir = fmt::format("{}/run-{}", workDir_, nextRun_++);
  if (mkdir(dir.c_str(), 0700) != 0 || !writeText(dir + "/prog.go", r.source)) {
    send({{"event", "exit"}, {"code", -1}, {"killed", "server"}, {"message", "the playground cannot write its files"}});
    return;
  }
  send({{"event", "started"}});
  std::string pending[2], stdoutText, stderrText;
  ChildLimits limits;
  limits.wallSeconds = kind == "explore" ? opts_.exploreSeconds * 3 + opts_.timeout : opts_.timeout;
  limits.cpuSeconds = int(limits.wallSeconds) + 1;
  limits.maxOutput = opts_.maxOutput;
  ChildResult res = runChild(childArgs(opts_, r, dir), dir, limits, [&](Stream s, std::string_view piece) {
    int i = s == Stream::Stdout ? 0 : 1;
    if (i == 1 && stderrText.size() < 65536) stderrText.append(piece);
    if (i == 0 && kind == "explore") {  // the report: sent whole at the end
      stdoutText.append(piece);
      return true;
    }
    pending[i].append(piece);
    size_t n = wholeUtf8(pending[i]);
    if (n == 0) return true;
    bool ok = send({{"event", i == 0 ? "stdout" : "stderr"}, {"text", pending[i].substr(0, n)}});
    pending[i].erase(0, n);
    return ok;
  });
  for (int i = 0; i < 2; i++)
    if (!pending[i].empty()) send({{"event", i == 0 ? "stdout" : "stderr"}, {"text", pending[i]}});
  std::string killed, message = stopReason(opts_, res, stderrText, &killed);
  Json exit = {{"event", "exit"}, {"code", res.exitCode}, {"seconds", res.seconds}, {"message", message},
               {"killed", killed.empty() ? Json(nullptr) : Json(killed)}};
  if (kind == "run") exit["timeline"] = readText(dir + "/timeline.svg", 8 << 20);
  if (kind == "explore") {
    Json report = Json::parse(stdoutText, nullptr, false);
    exit["explore"] = report.is_discarded() ? Json(nullptr) : report;
  }
  if (kind == "step") {
    Json q = Json::parse(readText(dir + "/question.json", 8 << 20), nullptr, false);
    exit["question"] = q.is_discarded() ? Json(nullptr) : q;
    exit["schedule"] = r.schedule;
  }
  send(exit);
  removeTree(dir);
}

}  // namespace gol::play
