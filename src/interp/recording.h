// The evaluator's side of recording a run for the teaching tools (-trace, -timeline): installs
// a teach::Recorder as the scheduler's event sink, tells it about prints and where goroutines
// are, and writes the requested files when the program ends.
#pragma once
#include <string>
#include <string_view>

namespace gol::interp {

struct RunOptions;

void startRecording(const RunOptions& opts);  // no-op unless opts asks for a trace or timeline
void recordPrint(std::string_view text, bool toStderr);
void finishRecording();  // at program end (exit, deadlock, fatal panic): writes the files

}  // namespace gol::interp
