// The renderers of a recorded run (teach/timeline.h): Chrome/Perfetto trace JSON, an SVG chart
// (and the HTML page around it), a Mermaid gantt and a terminal chart. Each only reads the
// Timeline; identical input gives byte-identical output.
#pragma once
#include <string>
#include <vector>

#include "teach/timeline.h"

namespace gol::teach {

// Chrome trace-event JSON (Object format), for Perfetto and chrome://tracing. Appends to `out`.
// pid 1 holds one lane per P (tid p+1), pid 2 one lane per goroutine (tid 1000+id); spawns and
// wakes are v2 flow arrows (bind_id/flow_out on the source, flow_in on the slice that runs next).
void writeTraceJson(const Timeline& t, std::string& out);
// (-trace writes the same JSON while the program runs: teach/trace_stream.h.)

// One SVG drawing every run on a common time axis (the longest run's span): per run a P row per
// processor and a row per goroutine, with spawn/wake arrows and print markers. Each bar carries
// class="bar <state>", data-g, data-p, data-start, data-end (ns) and a <title>.
std::string renderSvg(const std::vector<const Timeline*>& runs);

// A self-contained HTML page (no network requests) embedding renderSvg's chart, with a small
// script for hover tooltips and horizontal zoom.
std::string renderHtml(const std::vector<const Timeline*>& runs);

// A Mermaid gantt chart: a section per goroutine, running as `active`, blocked as `crit` tasks.
std::string renderMermaid(const Timeline& t);

// A terminal chart: P rows and goroutine rows of `width` equal time buckets each.
std::string renderText(const Timeline& t, int width = 80);

}  // namespace gol::teach
