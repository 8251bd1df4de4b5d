// A Timeline to bytes and back, so that several runs of one program (gol run -procs 1,4), each
// in a process of its own, can be drawn on one chart by the process that started them.
#pragma once
#include <string>
#include <string_view>

#include "teach/timeline.h"

namespace gol::teach {

std::string serializeTimeline(const Timeline& t);
bool deserializeTimeline(std::string_view bytes, Timeline* out);  // false: malformed

}  // namespace gol::teach
