// Helpers shared by the timeline renderers: text escaping for JSON and XML, time formatting,
// goroutine labels and the span of a run.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "teach/timeline.h"

namespace gol::teach {

inline constexpr std::string_view kGolVersion = "0.1";

// `s` with every byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD.
std::string validUtf8(std::string_view s);
// Appends `s` as a quoted JSON string (control characters escaped, invalid UTF-8 replaced).
void appendJsonString(std::string& out, std::string_view s);
std::string jsonString(std::string_view s);
// `s` escaped for XML text and attribute values; characters XML 1.0 forbids become U+FFFD.
std::string xmlEscape(std::string_view s);

// Number of code points in valid UTF-8 `s`.
size_t utf8Length(std::string_view s);
// At most `maxChars` code points of valid UTF-8 `s`, ending in "…" when cut.
std::string truncateUtf8(std::string_view s, size_t maxChars);

// Nanoseconds as microseconds with up to 3 decimals, trailing zeros dropped: 1234500 -> "1234.5".
std::string formatMicros(int64_t ns);
// A human duration: "0", "850ns", "12.5µs", "3.25ms", "1.5s" (up to 3 decimals, truncated).
std::string formatDuration(int64_t ns);

const char* stateName(GState state);  // "running", "runnable", "blocked"

// "G5 main.worker (prog.go:7)"; main: "G1 main.main".
std::string goroutineLabel(const Goroutine& g);
// "G5 main.worker L7"; main: "G1 main.main". For narrow places (Mermaid, text chart).
std::string goroutineShortLabel(const Goroutine& g);
// The line of a "file:line" position ("prog.go:12" -> "12"), or "" when there is none.
std::string_view lineOf(std::string_view where);

// The time the run covers: its end, or later if a slice or print lies past it; at least 1 ns.
int64_t timelineSpan(const Timeline& t);
// "GOMAXPROCS 4 · seed 7" or "GOMAXPROCS 4 · unseeded".
std::string runTitle(const Timeline& t);
// The goroutine with Go id `id`, or nullptr.
const Goroutine* findGoroutine(const Timeline& t, int64_t id);

}  // namespace gol::teach
