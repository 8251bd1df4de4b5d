// The output buffer of the trace-event JSON writer (trace_json.cpp). A trace holds up to a
// million events, about 100 bytes each, so writing is the renderer's whole cost: an event asks
// once for room (reserve), then writes through a raw pointer with no capacity check or length
// scan per piece. In file mode the buffer goes to the file (through a writer thread) whenever it
// holds kFlushBytes, so a 100 MB trace never lives in memory; in string mode it grows and is
// handed over at the end.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "teach/handoff.h"
#include "teach/render_util.h"

namespace gol::teach {

class TraceOut {
 public:
  static constexpr size_t kFlushBytes = 1 << 20;

  explicit TraceOut(std::string* whole);
  // File mode: full buffers go to a writer thread, so that formatting the next megabyte and the
  // kernel's copy of the last one (most of a big trace's cost) overlap.
  explicit TraceOut(std::FILE* file);
  ~TraceOut();

  // Room for n more bytes; write through the pointer, then give it back with commit().
  char* reserve(size_t n) {
    if (cur_.len + n > cur_.bytes.size()) makeRoom(n);
    return cur_.bytes.data() + cur_.len;
  }
  void commit(const char* end) { cur_.len = size_t(end - cur_.bytes.data()); }

  // Whole pieces of text of any length (metadata, the header): reserve + copy.
  void text(std::string_view s) {
    char* p = reserve(s.size());
    std::memcpy(p, s.data(), s.size());
    commit(p + s.size());
  }

  // Hands everything written to the string or the file; false if a write failed.
  bool finish();

 private:
  struct Chunk {
    std::vector<char> bytes;
    size_t len = 0;  // bytes[0, len) are written
  };
  void makeRoom(size_t n);
  void handOff();  // file mode: the buffer goes to the writer; an empty one comes back

  Chunk cur_;
  std::string* whole_ = nullptr;
  std::FILE* file_ = nullptr;
  bool ok_ = true;  // every write so far succeeded (set by the writer thread)
  std::unique_ptr<HandOff<Chunk>> writer_;
};

// Writers of pieces through a pointer into reserved room; each returns the new end.
template <size_t N>
inline char* put(char* p, const char (&literal)[N]) {
  std::memcpy(p, literal, N - 1);
  return p + N - 1;
}

inline char* put(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

inline char* putInt(char* p, int64_t v) {
  uint64_t u = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
  if (v < 0) *p++ = '-';
  char digits[20];
  int n = 0;
  do {
    digits[n++] = char('0' + u % 10);
    u /= 10;
  } while (u);
  while (n) *p++ = digits[--n];
  return p;
}

// Nanoseconds as microseconds with up to 3 decimals, trailing zeros dropped (formatMicros).
inline char* putMicros(char* p, int64_t ns) {
  if (ns < 0) {
    *p++ = '-';
    ns = -ns;
  }
  p = putInt(p, ns / 1000);
  int frac = int(ns % 1000);
  if (frac == 0) return p;
  *p++ = '.';
  *p++ = char('0' + frac / 100);
  if (frac % 100 == 0) return p;
  *p++ = char('0' + frac / 10 % 10);
  if (frac % 10 == 0) return p;
  *p++ = char('0' + frac % 10);
  return p;
}

// Room a JSON string of s needs at most: quotes, and an escape or U+FFFD of 6 bytes per byte.
inline size_t jsonRoom(std::string_view s) { return 2 + 6 * s.size(); }

// s escaped for the inside of a JSON string; the caller reserved jsonRoom(s).
inline char* putJsonText(char* p, std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F || ch == '"' || ch == '\\') {
      // Rare: the one escaping routine the other renderers use too, without its quotes.
      std::string quoted;
      appendJsonString(quoted, s);
      return put(p, std::string_view(quoted).substr(1, quoted.size() - 2));
    }
  }
  return put(p, s);
}

inline char* putJsonString(char* p, std::string_view s) {
  *p++ = '"';
  p = putJsonText(p, s);
  *p++ = '"';
  return p;
}

}  // namespace gol::teach
