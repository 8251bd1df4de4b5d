// Package fmt, native side: the input half of scanning, shared by fmt_scan_reader.cpp (where
// runes come from: a string, standard input, an io.Reader) and fmt_scan.cpp (the verb scanners).
// ScanReader is the rune-level state of Go's ss: the count and width limits, EOF and newline
// rules, one rune of push-back, and the token buffer.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "native/fmt_internal.h"

namespace gol::native::fmtimpl {

constexpr int kEOF = -1;
constexpr int kHugeWid = 1 << 30;  // "no width"

// A source of runes with one rune of push-back.
class Source {
 public:
  virtual ~Source() = default;
  virtual int32_t readRune() = 0;  // kEOF at end
  virtual void unreadRune() = 0;
};

// The input of one fmt.scan call. src: 0 the string str, 1 standard input, 2 the io.Reader
// reader (which may be os.Stdin). Standard output is flushed before standard input is read.
std::unique_ptr<Source> openSource(int64_t src, Value reader, std::string_view str);

class ScanReader {
 public:
  // nlIsSpace: newlines count as spaces (Scan); nlIsEnd: a newline ends the input (Scanln).
  ScanReader(Source* src, bool nlIsSpace, bool nlIsEnd) : src_(src), nlIsSpace_(nlIsSpace), nlIsEnd_(nlIsEnd) {}

 protected:
  // Inline: every rune scanned passes through these two.
  int32_t getRune() {
    if (atEOF_ || count_ >= argLimit_) return kEOF;
    int32_t r = src_->readRune();
    if (r == kEOF) {
      atEOF_ = true;
      return kEOF;
    }
    count_++;
    if (nlIsEnd_ && r == '\n') atEOF_ = true;
    return r;
  }
  void unreadRune() {
    src_->unreadRune();
    atEOF_ = false;
    count_--;
  }
  int32_t mustReadRune();  // ScanError io.ErrUnexpectedEOF at end
  void notEOF();           // ScanError io.EOF at end
  // Reads a rune in `ok` (appended to buf_ when accept is true); otherwise pushes it back
  // (when accept is true) and returns false.
  bool consume(std::string_view ok, bool accept);
  bool accept(std::string_view ok) { return consume(ok, true); }
  bool peek(std::string_view ok);  // whether the next rune is in ok, not consuming it
  void skipSpace();
  std::string token();  // the next space-delimited token, appended to buf_

  Source* src_;
  bool nlIsSpace_, nlIsEnd_;
  int count_ = 0;             // runes read for the current operand
  bool atEOF_ = false;
  int argLimit_ = kHugeWid;   // count_ limit of the current operand (its width)
  std::string buf_;           // the token being read
};

}  // namespace gol::native::fmtimpl
