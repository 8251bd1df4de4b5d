// The evaluator's side of recording a run for the teaching tools (-trace, -timeline): installs
// a teach::Recorder as the scheduler's event sink, tells it about prints and where goroutines
// are, and writes the requested files when the program ends.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "teach/recorder.h"

namespace gol::interp {

struct RunOptions;

void startRecording(const RunOptions& opts);  // no-op unless opts asks for a trace or timeline
void recordPrint(std::string_view text, bool toStderr);
// What the recorder knows how to say about a goroutine (gol step shows it too).
teach::GoroutineView describeGoroutine(const sched::G* g);
std::string positionText(uint32_t pos);  // "prog.go:12"
// The REPL's :timeline: a recorder runs for the whole session, restarted at each input.
// gol step uses the same one for its "timeline so far".
void startReplRecording();
void restartReplRecording();
std::string replTimelineText();  // the text chart of what ran since the last input started
std::string timelineSoFarSvg();  // the same, as the SVG of -timeline=FILE.svg (gol step -question)
bool writeFile(const std::string& path, const std::string& text);
void finishRecording();  // at program end (exit, deadlock, fatal panic): writes the files
// A scripted run's decisions, written by finishRecording (for gol explore -exhaustive).
void setDecisionLog(const sched::Schedule* schedule, const std::string& path, const RunOptions& opts);
// Draws several runs of one program on one chart (-procs 1,4), in the format the path's
// extension names; each run's Timeline was written by its own process (RunOptions::timelineDump).
bool writeTimelinesFromDumps(const std::vector<std::string>& dumps, const std::string& path);

}  // namespace gol::interp
