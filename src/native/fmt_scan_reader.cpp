// Package fmt, native side: where scanned runes come from (a string, standard input read a
// byte at a time as Go reads os.Stdin, an io.Reader through ReadRune/UnreadRune or Read) and
// ScanReader, the rune-level state the verb scanners of fmt_scan.cpp read through.
#include <unistd.h>

#include <cerrno>

#include "native/fmt_scan_reader.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

namespace gol::native::fmtimpl {

namespace {

// The sources: a string, standard input (read a byte at a time, as Go reads os.Stdin), or an
// io.Reader (its ReadRune/UnreadRune when it has them, else Read one byte at a time).
class StringSource : public Source {
 public:
  explicit StringSource(std::string_view s) : s_(s) {}
  int32_t readRune() override {
    if (pos_ >= s_.size()) return kEOF;
    int w = 1;
    unsigned char c = s_[pos_];
    int32_t r = c < 0x80 ? c : rt::decodeRune(s_, pos_, &w);
    last_ = w;
    pos_ += static_cast<size_t>(w);
    return r;
  }
  void unreadRune() override {
    if (last_ > 0) pos_ -= static_cast<size_t>(last_);
    last_ = 0;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  int last_ = 0;
};

// Byte-at-a-time sources assembled into runes with one rune of push-back (lost at the end of
// the call, as Go's wrapper loses it).
class ByteSource : public Source {
 public:
  int32_t readRune() override {
    if (peek_ >= 0) {
      int32_t r = peek_;
      peek_ = ~peek_;
      return r;
    }
    int b = nextByte();
    if (b < 0) return kEOF;
    char bytes[4];
    bytes[0] = static_cast<char>(b);
    int n = 1;
    int need = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    while (n < need) {
      int c = nextByte();
      if (c < 0) break;
      bytes[n++] = static_cast<char>(c);
    }
    int w = 1;
    int32_t r = rt::decodeRune(std::string_view(bytes, static_cast<size_t>(n)), 0, &w);
    for (int k = n - 1; k >= w; k--) pending_.insert(pending_.begin(), bytes[k]);
    peek_ = ~r;
    return r;
  }
  void unreadRune() override {
    if (peek_ < 0) peek_ = ~peek_;
  }

 protected:
  virtual int readByte() = 0;  // -1 at end

 private:
  int nextByte() {
    if (!pending_.empty()) {
      int c = static_cast<unsigned char>(pending_.front());
      pending_.erase(pending_.begin());
      return c;
    }
    return readByte();
  }
  int32_t peek_ = -1;  // >= 0: the next rune; < 0: ~(previous rune)
  std::string pending_;
};

class StdinSource : public ByteSource {
 protected:
  int readByte() override {
    unsigned char c;
    for (;;) {
      ssize_t n = ::read(0, &c, 1);
      if (n == 1) return c;
      if (n < 0 && errno == EINTR) continue;
      return -1;
    }
  }
};

std::string errorText(Value err) {
  if (!err.p) return "";
  const rt::IfaceObj* io = err.as<rt::IfaceObj>();
  rt::Hooks& h = rt::hooks();
  Value fn = h.boundMethod(io->type, io->v, "Error");
  if (!fn.p) return "error";
  Value res;
  h.callFunc(fn, nullptr, 0, &res, 1);
  return std::string(rt::strView(res));
}

// A reader error other than io.EOF ends the scan with that error's message.
bool isEOFError(Value err, std::string* msg) {
  *msg = errorText(err);
  return *msg == "EOF";
}

class ReaderSource : public ByteSource {
 public:
  explicit ReaderSource(Value r) : r_(r) {
    rt::Hooks& h = rt::hooks();
    const rt::IfaceObj* io = r.as<rt::IfaceObj>();
    readFn_ = h.boundMethod(io->type, io->v, "Read");
    buf_ = rt::makeSlice(TypeTable::get().slice(TypeTable::get().byteType()), 1, 1);
  }

 protected:
  int readByte() override {
    rt::Hooks& h = rt::hooks();
    if (!readFn_.p) return -1;
    for (int tries = 0; tries < 100; tries++) {
      Value res[2];
      h.callFunc(readFn_, &buf_, 1, res, 2);
      if (res[0].i == 1) return static_cast<int>(rt::load(buf_.as<rt::SliceObj>()->data()).u & 0xFF);
      if (res[1].p) {
        std::string msg;
        if (isEOFError(res[1], &msg)) return -1;
        fail(msg);
      }
    }
    return -1;
  }

 private:
  Value r_;
  Value readFn_;
  Value buf_;
};

// An io.RuneScanner: its own ReadRune and UnreadRune, so nothing is lost between calls.
class RuneScannerSource : public Source {
 public:
  RuneScannerSource(Value readRune, Value unreadRune) : readRune_(readRune), unreadRune_(unreadRune) {}
  int32_t readRune() override {
    Value res[3];
    rt::hooks().callFunc(readRune_, nullptr, 0, res, 3);
    if (res[2].p) {
      std::string msg;
      if (isEOFError(res[2], &msg)) return kEOF;
      fail(msg);
    }
    return static_cast<int32_t>(res[0].i);
  }
  void unreadRune() override {
    Value res;
    rt::hooks().callFunc(unreadRune_, nullptr, 0, &res, 1);
  }

 private:
  Value readRune_, unreadRune_;
};

}  // namespace

std::unique_ptr<Source> openSource(int64_t src, Value reader, std::string_view str) {
  if (src != 1 && src != 2) return std::make_unique<StringSource>(str);
  rt::Hooks& h = rt::hooks();
  if (src == 1) {
    if (auto flush = h.flushStdout) flush();
    return std::make_unique<StdinSource>();
  }
  if (!reader.p) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  const rt::IfaceObj* io = reader.as<rt::IfaceObj>();
  const Type* t = io->type;
  bool isStdin = t->kind == Kind::Pointer && t->elem && t->elem->kind == Kind::Named && t->elem->name == "File" &&
                 t->elem->pkg == "os" && io->v.p && rt::load(&io->v.as<rt::StructObj>()->fields[0]).i == 0;
  if (isStdin) {
    if (auto flush = h.flushStdout) flush();
    return std::make_unique<StdinSource>();
  }
  Value rr = h.boundMethod(t, io->v, "ReadRune");
  Value ur = rr.p ? h.boundMethod(t, io->v, "UnreadRune") : Value();
  if (rr.p && ur.p) return std::make_unique<RuneScannerSource>(rr, ur);
  return std::make_unique<ReaderSource>(reader);
}

// ---------------------------------------------------------------- ScanReader

int32_t ScanReader::mustReadRune() {
  int32_t r = getRune();
  if (r == kEOF) throw ScanError{kErrUnexpectedEOF, ""};
  return r;
}

void ScanReader::notEOF() {
  if (getRune() == kEOF) throw ScanError{kErrEOF, ""};
  unreadRune();
}

static bool inSet(std::string_view set, int32_t r) {
  return r >= 0 && r < 0x80 && set.find(static_cast<char>(r)) != std::string_view::npos;
}

bool ScanReader::consume(std::string_view ok, bool accept) {
  int32_t r = getRune();
  if (r == kEOF) return false;
  if (inSet(ok, r)) {
    if (accept) appendRune(buf_, r);
    return true;
  }
  if (accept) unreadRune();
  return false;
}

bool ScanReader::peek(std::string_view ok) {
  int32_t r = getRune();
  if (r != kEOF) unreadRune();
  return inSet(ok, r);
}

void ScanReader::skipSpace() {
  for (;;) {
    int32_t r = getRune();
    if (r == kEOF) return;
    if (r == '\r' && peek("\n")) continue;
    if (r == '\n') {
      if (nlIsSpace_) continue;
      fail("unexpected newline");
    }
    if (!uni::isSpace(r)) {
      unreadRune();
      return;
    }
  }
}

std::string ScanReader::token() {
  skipSpace();
  for (;;) {
    int32_t r = getRune();
    if (r == kEOF) break;
    if (uni::isSpace(r)) {
      unreadRune();
      break;
    }
    appendRune(buf_, r);
  }
  return buf_;
}

}  // namespace gol::native::fmtimpl
