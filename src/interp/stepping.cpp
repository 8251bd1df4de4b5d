// The terminal side of gol step (stepping.h).
#include "interp/stepping.h"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "base/source.h"
#include "interp/nodes.h"
#include "interp/recording.h"
#include "teach/render_util.h"

namespace gol::interp {
namespace {

int gDecision = 0;
bool gDefaultsFromHere = false;
std::string gQuestionFile;  // gol step -question FILE: answer nothing, write the question there

std::string optionLine(uint32_t i, const sched::G* g) {
  teach::GoroutineView v = describeGoroutine(g);
  std::string name = fmt::format("G{} {}", g->id, v.function ? v.function : "");
  if (!v.pos) return fmt::format("  [{}] {:<28} (not started yet)\n", i, name);
  std::string_view text = SourceTable::global().lineText(v.pos);
  size_t first = text.find_first_not_of(" \t");
  text = first == std::string_view::npos ? std::string_view() : text.substr(first);
  return fmt::format("  [{}] {:<28} at {:<16} {}\n", i, name, positionText(v.pos), text);
}

std::string question(sched::Decision kind, uint32_t n, const sched::G* const* options) {
  std::string q;
  switch (kind) {
    case sched::Decision::NextGoroutine: q = "Which goroutine runs next?\n"; break;
    case sched::Decision::KeepOrSwitch:
      q = fmt::format("G{} is about to touch shared memory or print. Keep running it, or switch?\n",
                      options[0]->id);
      break;
    case sched::Decision::SelectCase: q = fmt::format("select: {} cases are ready. Which one?\n", n); break;
  }
  for (uint32_t i = 0; options && i < n; i++) q += optionLine(i, options[i]);
  if (!options)
    for (uint32_t i = 0; i < n; i++) q += fmt::format("  [{}] case {} in shuffled order\n", i, i);
  return q;
}

const char* kindName(sched::Decision kind) {
  switch (kind) {
    case sched::Decision::NextGoroutine: return "next";
    case sched::Decision::KeepOrSwitch: return "keep";
    case sched::Decision::SelectCase: return "select";
  }
  return "next";
}

// One option of a question as JSON: the goroutine and the line it would run next.
std::string optionJson(uint32_t i, const sched::G* g) {
  std::string out = fmt::format("{{\"choice\": {}", i);
  if (g) {
    teach::GoroutineView v = describeGoroutine(g);
    std::string_view text = v.pos ? SourceTable::global().lineText(v.pos) : std::string_view();
    size_t first = text.find_first_not_of(" \t");
    text = first == std::string_view::npos ? std::string_view() : text.substr(first);
    std::string where = v.pos ? positionText(v.pos) : "";
    out += fmt::format(", \"goroutine\": {}, \"function\": {}, \"line\": {}, \"text\": {}", g->id,
                       teach::jsonString(v.function ? v.function : ""), teach::lineOf(where).empty() ? "0" : teach::lineOf(where),
                       teach::jsonString(text));
  }
  return out + "}";
}

// gol step -question: the question as JSON in the file, then the run ends here (exit 0) with
// its output so far flushed. The page asks again with the choice appended to -schedule.
[[noreturn]] void writeQuestion(sched::Decision kind, uint32_t n, const sched::G* const* options) {
  std::string json = fmt::format("{{\"decision\": {}, \"kind\": \"{}\", \"question\": {}, \"options\": [", gDecision,
                                 kindName(kind), teach::jsonString(question(kind, n, options)));
  for (uint32_t i = 0; i < n; i++) json += (i ? ", " : "") + optionJson(i, options ? options[i] : nullptr);
  json += "], \"timeline\": " + teach::jsonString(timelineSoFarSvg()) + "}\n";
  flushStdout();
  bool ok = writeFile(gQuestionFile, json);
  std::fflush(stderr);
  std::_Exit(ok ? 0 : 2);
}

uint32_t ask(sched::Decision kind, uint32_t n, const sched::G* const* options) {
  gDecision++;
  if (gDefaultsFromHere) return 0;
  if (!gQuestionFile.empty()) writeQuestion(kind, n, options);
  flushStdout();
  std::string q = question(kind, n, options);
  while (true) {
    fmt::print(stderr, "\n── decision {} ──\n{}choice [0], t = timeline so far, d = defaults from here on: ",
               gDecision, q);
    std::fflush(stderr);
    std::string line;
    if (!std::getline(std::cin, line)) {  // end of input: defaults from here on
      gDefaultsFromHere = true;
      return 0;
    }
    if (line.empty()) return 0;
    if (line == "t") {
      fmt::print(stderr, "{}", replTimelineText());
      continue;
    }
    if (line == "d") {
      gDefaultsFromHere = true;
      return 0;
    }
    char* end = nullptr;
    unsigned long c = std::strtoul(line.c_str(), &end, 10);
    if (*end == 0 && c < n) return static_cast<uint32_t>(c);
    fmt::print(stderr, "give a number from 0 to {}\n", n - 1);
  }
}

}  // namespace

void installStepper(sched::Schedule* schedule, const std::string& questionFile) {
  gQuestionFile = questionFile;
  schedule->ask = ask;
}

}  // namespace gol::interp
