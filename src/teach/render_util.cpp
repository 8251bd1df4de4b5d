// Helpers shared by the timeline renderers: escaping, time formatting, labels (render_util.h).
#include "teach/render_util.h"

#include <fmt/format.h>

#include <algorithm>

namespace gol::teach {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Length of the well-formed UTF-8 sequence starting at s[i] (1..4), or 0 if it is not one.
// Overlong forms, surrogates and code points past U+10FFFF are not well-formed.
size_t sequenceLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  auto second = static_cast<unsigned char>(s[i + 1]);
  if (second < lo || second > hi) return 0;
  for (size_t k = 2; k < len; ++k)
    if (!isContinuation(static_cast<unsigned char>(s[i + k]))) return 0;
  return len;
}

// "1234" + "500" with 3 fraction digits -> "1234.5"; an all-zero fraction is left out.
std::string withFraction(int64_t whole, int64_t thousandths) {
  if (thousandths == 0) return fmt::format("{}", whole);
  std::string s = fmt::format("{}.{:03}", whole, thousandths);
  while (s.back() == '0') s.pop_back();
  return s;
}

}  // namespace

std::string validUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = sequenceLength(s, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

void appendJsonString(std::string& out, std::string_view s) {
  out += '"';
  // The common case (traces hold millions of names): plain ASCII with nothing to escape.
  bool plain = std::all_of(s.begin(), s.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x7F && ch != '"' && ch != '\\';
  });
  if (plain) {
    out.append(s);
    out += '"';
    return;
  }
  for (char ch : validUtf8(s)) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

std::string jsonString(std::string_view s) {
  std::string out;
  appendJsonString(out, s);
  return out;
}

std::string xmlEscape(std::string_view s) {
  std::string out;
  for (char ch : validUtf8(s)) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // XML 1.0 allows only tab, newline and carriage return below U+0020.
        if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
          out += kReplacement;
        } else {
          out += ch;
        }
    }
  }
  return out;
}

size_t utf8Length(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return !isContinuation(static_cast<unsigned char>(c)); }));
}

std::string truncateUtf8(std::string_view s, size_t maxChars) {
  if (utf8Length(s) <= maxChars) return std::string(s);
  if (maxChars == 0) return {};
  size_t kept = 0, i = 0;
  for (; i < s.size(); ++i) {
    if (!isContinuation(static_cast<unsigned char>(s[i])) && kept++ == maxChars - 1) break;
  }
  return std::string(s.substr(0, i)) + "…";
}

std::string formatMicros(int64_t ns) {
  if (ns < 0) return "-" + formatMicros(-ns);
  return withFraction(ns / 1000, ns % 1000);
}

std::string formatDuration(int64_t ns) {
  if (ns < 0) return "-" + formatDuration(-ns);
  if (ns == 0) return "0";
  struct Unit {
    int64_t ns;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{1'000'000'000, "s"}, {1'000'000, "ms"}, {1'000, "µs"}, {1, "ns"}};
  for (const Unit& unit : kUnits) {
    if (ns >= unit.ns || unit.ns == 1) {
      int64_t thousandths = (ns % unit.ns) * 1000 / unit.ns;
      return withFraction(ns / unit.ns, thousandths) + unit.name;
    }
  }
  return "";
}

const char* stateName(GState state) {
  switch (state) {
    case GState::Running:
      return "running";
    case GState::Runnable:
      return "runnable";
    case GState::Blocked:
      return "blocked";
  }
  return "?";
}

std::string goroutineLabel(const Goroutine& g) {
  std::string label = fmt::format("G{} {}", g.id, g.function);
  if (!g.createdAt.empty()) label += fmt::format(" ({})", g.createdAt);
  return label;
}

std::string goroutineShortLabel(const Goroutine& g) {
  std::string label = fmt::format("G{} {}", g.id, g.function);
  std::string_view line = lineOf(g.createdAt);
  if (!line.empty()) label += fmt::format(" L{}", line);
  return label;
}

std::string_view lineOf(std::string_view where) {
  // "prog.go:12" names line 12; so does "prog.go:12:5" (line and column).
  size_t last = where.rfind(':');
  if (last == std::string_view::npos || !allDigits(where.substr(last + 1))) return {};
  size_t before = last == 0 ? std::string_view::npos : where.rfind(':', last - 1);
  if (before != std::string_view::npos) {
    std::string_view line = where.substr(before + 1, last - before - 1);
    if (allDigits(line)) return line;
  }
  return where.substr(last + 1);
}

int64_t timelineSpan(const Timeline& t) {
  int64_t span = t.end;
  for (const Goroutine& g : t.goroutines) {
    span = std::max(span, g.end);
    if (!g.slices.empty()) span = std::max(span, g.slices.back().end);
  }
  for (const Print& p : t.prints) span = std::max(span, p.ts);
  return std::max<int64_t>(span, 1);
}

std::string runTitle(const Timeline& t) {
  if (t.seeded) return fmt::format("GOMAXPROCS {} · seed {}", t.procs, t.seed);
  return fmt::format("GOMAXPROCS {} · unseeded", t.procs);
}

const Goroutine* findGoroutine(const Timeline& t, int64_t id) {
  for (const Goroutine& g : t.goroutines)
    if (g.id == id) return &g;
  return nullptr;
}

}  // namespace gol::teach
