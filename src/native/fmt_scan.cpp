// Package fmt, native side: scanning (Sscan/Sscanln/Sscanf, Scan* from standard input, Fscan*
// from any io.Reader) with Go's rules: space-separated operands, newline handling per mode,
// verbs %v %d %b %o %x %X %c %s %q %t %e %f %g and widths, literal text in the format, and Go's
// error values and messages ("expected integer", "unexpected EOF", "input does not match
// format", strconv's "parsing ...: invalid syntax"). The gol side (fmt.gol) turns the returned
// error code into io.EOF, io.ErrUnexpectedEOF or errors.New(msg).
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <limits>
#include <memory>

#include "native/fmt_internal.h"
#include "native/native.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

namespace gol::native::fmtimpl {

namespace {

constexpr int kEOF = -1;
constexpr int kHugeWid = 1 << 30;

bool isSpace(int32_t r) {
  if (r >= 0x10000) return false;
  return (r >= 0x09 && r <= 0x0D) || r == 0x20 || r == 0x85 || r == 0xA0 || r == 0x1680 ||
         (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F ||
         r == 0x3000;
}

bool inSet(std::string_view set, int32_t r) { return r >= 0 && r < 0x80 && set.find(static_cast<char>(r)) != std::string_view::npos; }

// ---------------------------------------------------------------- rune sources

// The input: a string, standard input (read a byte at a time, as Go reads os.Stdin), or an
// io.Reader (its ReadRune/UnreadRune when it has them, else Read one byte at a time).
class Source {
 public:
  virtual ~Source() = default;
  virtual int32_t readRune() = 0;  // kEOF at end
  virtual void unreadRune() = 0;
};

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

// ---------------------------------------------------------------- the scanner (Go's ss)

class Scanner {
 public:
  Scanner(Source* src, bool nlIsSpace, bool nlIsEnd) : src_(src), nlIsSpace_(nlIsSpace), nlIsEnd_(nlIsEnd) {}

  int doScan(const std::vector<Value>& args);
  int doScanf(std::string_view format, const std::vector<Value>& args, int* processed);
  int processed = 0;

 private:
  Source* src_;
  bool nlIsSpace_, nlIsEnd_;
  int count_ = 0;
  bool atEOF_ = false;
  int argLimit_ = kHugeWid, limit_ = kHugeWid, maxWid_ = kHugeWid;
  std::string buf_;

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
  int32_t mustReadRune() {
    int32_t r = getRune();
    if (r == kEOF) throw ScanError{kErrUnexpectedEOF, ""};
    return r;
  }
  void notEOF() {
    if (getRune() == kEOF) throw ScanError{kErrEOF, ""};
    unreadRune();
  }
  bool consume(std::string_view ok, bool accept) {
    int32_t r = getRune();
    if (r == kEOF) return false;
    if (inSet(ok, r)) {
      if (accept) appendRune(buf_, r);
      return true;
    }
    if (accept) unreadRune();
    return false;
  }
  bool accept(std::string_view ok) { return consume(ok, true); }
  bool peek(std::string_view ok) {
    int32_t r = getRune();
    if (r != kEOF) unreadRune();
    return inSet(ok, r);
  }
  void skipSpace() {
    for (;;) {
      int32_t r = getRune();
      if (r == kEOF) return;
      if (r == '\r' && peek("\n")) continue;
      if (r == '\n') {
        if (nlIsSpace_) continue;
        fail("unexpected newline");
      }
      if (!isSpace(r)) {
        unreadRune();
        return;
      }
    }
  }
  std::string token() {
    skipSpace();
    for (;;) {
      int32_t r = getRune();
      if (r == kEOF) break;
      if (isSpace(r)) {
        unreadRune();
        break;
      }
      appendRune(buf_, r);
    }
    return buf_;
  }
  void okVerb(char32_t verb, std::string_view okVerbs, const char* typ) {
    if (verb < 0x80 && okVerbs.find(static_cast<char>(verb)) != std::string_view::npos) return;
    std::string m = "bad verb '%";
    appendRune(m, static_cast<int32_t>(verb));
    m += "' for ";
    m += typ;
    fail(m);
  }

  bool scanBool(char32_t verb);
  int64_t scanInt(char32_t verb, int bits);
  uint64_t scanUint(char32_t verb, int bits);
  int64_t scanRune(int bits);
  std::string scanNumber(std::string_view digits, bool haveDigits);
  void getBase(char32_t verb, int* base, std::string_view* digits);
  void scanBasePrefix(int* base, std::string_view* digits, bool* zeroFound);
  std::string floatToken();
  double convertFloat(const std::string& s, int bits);
  std::string convertString(char32_t verb);
  std::string quotedString();
  std::string hexString();
  void scanOne(char32_t verb, Value arg);
  int advance(std::string_view format);
};

}  // namespace

// ---------------------------------------------------------------- Scanner methods

namespace {

bool Scanner::scanBool(char32_t verb) {
  skipSpace();
  notEOF();
  okVerb(verb, "tv", "boolean");
  switch (getRune()) {
    case '0': return false;
    case '1': return true;
    case 't':
    case 'T':
      if (accept("rR") && (!accept("uU") || !accept("eE"))) fail("syntax error scanning boolean");
      return true;
    case 'f':
    case 'F':
      if (accept("aA") && (!accept("lL") || !accept("sS") || !accept("eE"))) fail("syntax error scanning boolean");
      return false;
  }
  return false;
}

constexpr std::string_view kDecimal = "0123456789";
constexpr std::string_view kHex = "0123456789aAbBcCdDeEfF";

void Scanner::getBase(char32_t verb, int* base, std::string_view* digits) {
  okVerb(verb, "bdoUxXv", "integer");
  *base = 10;
  *digits = kDecimal;
  switch (verb) {
    case 'b':
      *base = 2;
      *digits = "01";
      break;
    case 'o':
      *base = 8;
      *digits = "01234567";
      break;
    case 'x':
    case 'X':
    case 'U':
      *base = 16;
      *digits = kHex;
      break;
  }
}

std::string Scanner::scanNumber(std::string_view digits, bool haveDigits) {
  if (!haveDigits) {
    notEOF();
    if (!accept(digits)) fail("expected integer");
  }
  while (accept(digits)) {
  }
  return buf_;
}

int64_t Scanner::scanRune(int bits) {
  notEOF();
  int64_t r = getRune();
  int s = 64 - bits;
  if (s > 0 && ((r << s) >> s) != r) {
    std::string m = "overflow on character value ";
    appendRune(m, static_cast<int32_t>(r));
    fail(m);
  }
  return r;
}

void Scanner::scanBasePrefix(int* base, std::string_view* digits, bool* zeroFound) {
  if (!peek("0")) {
    *base = 0;
    *digits = "0123456789_";
    *zeroFound = false;
    return;
  }
  accept("0");
  *base = 0;
  *zeroFound = true;
  if (peek("bB")) {
    consume("bB", true);
    *digits = "01_";
  } else if (peek("oO")) {
    consume("oO", true);
    *digits = "01234567_";
  } else if (peek("xX")) {
    consume("xX", true);
    *digits = "0123456789aAbBcCdDeEfF_";
  } else {
    *digits = "01234567_";
  }
}

int64_t Scanner::scanInt(char32_t verb, int bits) {
  if (verb == 'c') return scanRune(bits);
  skipSpace();
  notEOF();
  int base;
  std::string_view digits;
  getBase(verb, &base, &digits);
  bool haveDigits = false;
  if (verb == 'U') {
    if (!consume("U", false) || !consume("+", false)) fail("bad unicode format ");
  } else {
    accept("+-");
    if (verb == 'v') scanBasePrefix(&base, &digits, &haveDigits);
  }
  std::string tok = scanNumber(digits, haveDigits);
  int64_t i = parseInt(tok, base);
  int s = 64 - bits;
  if (s > 0 && ((i << s) >> s) != i) fail("integer overflow on token " + tok);
  return i;
}

uint64_t Scanner::scanUint(char32_t verb, int bits) {
  if (verb == 'c') return static_cast<uint64_t>(scanRune(bits));
  skipSpace();
  notEOF();
  int base;
  std::string_view digits;
  getBase(verb, &base, &digits);
  bool haveDigits = false;
  if (verb == 'U') {
    if (!consume("U", false) || !consume("+", false)) fail("bad unicode format ");
  } else if (verb == 'v') {
    scanBasePrefix(&base, &digits, &haveDigits);
  }
  std::string tok = scanNumber(digits, haveDigits);
  uint64_t i = parseUint(tok, base);
  int s = 64 - bits;
  if (s > 0 && ((i << s) >> s) != i) fail("unsigned integer overflow on token " + tok);
  return i;
}

std::string Scanner::floatToken() {
  buf_.clear();
  if (accept("nN") && accept("aA") && accept("nN")) return buf_;
  accept("+-");
  if (accept("iI") && accept("nN") && accept("fF")) return buf_;
  std::string_view digits = "0123456789_";
  std::string_view exp = "eEpP";
  if (accept("0") && accept("xX")) {
    digits = "0123456789aAbBcCdDeEfF_";
    exp = "pP";
  }
  while (accept(digits)) {
  }
  if (accept(".")) {
    while (accept(digits)) {
    }
  }
  if (accept(exp)) {
    accept("+-");
    while (accept("0123456789_")) {
    }
  }
  return buf_;
}

double Scanner::convertFloat(const std::string& s, int bits) {
  size_t p = s.find('p');
  if (p != std::string::npos && s.find_first_of("xX") == std::string::npos) {
    // Decimal mantissa with a binary exponent: 1.5p3.
    double f;
    try {
      f = parseFloat(s.substr(0, p), bits);
    } catch (ScanError&) {
      numError("ParseFloat", s, false);
    }
    int64_t m;
    try {
      m = parseInt(s.substr(p + 1), 10);
    } catch (ScanError&) {
      numError("Atoi", s, false);
    }
    return std::ldexp(f, static_cast<int>(m));
  }
  return parseFloat(s, bits);
}

std::string Scanner::quotedString() {
  notEOF();
  int32_t quote = getRune();
  if (quote == '`') {
    for (;;) {
      int32_t r = mustReadRune();
      if (r == quote) break;
      appendRune(buf_, r);
    }
    return buf_;
  }
  if (quote == '"') {
    buf_ += '"';
    for (;;) {
      int32_t r = mustReadRune();
      appendRune(buf_, r);
      if (r == '\\') {
        appendRune(buf_, mustReadRune());
      } else if (r == '"') {
        break;
      }
    }
    std::string out;
    if (!unquote(buf_, &out)) fail("invalid syntax");
    return out;
  }
  fail("expected quoted string");
}

std::string Scanner::hexString() {
  notEOF();
  auto hexDigit = [](int32_t d) -> int {
    if (d >= '0' && d <= '9') return d - '0';
    if (d >= 'a' && d <= 'f') return d - 'a' + 10;
    if (d >= 'A' && d <= 'F') return d - 'A' + 10;
    return -1;
  };
  for (;;) {
    int32_t r1 = getRune();
    if (r1 == kEOF) break;
    int v1 = hexDigit(r1);
    if (v1 < 0) {
      unreadRune();
      break;
    }
    int v2 = hexDigit(mustReadRune());
    if (v2 < 0) fail("illegal hex digit");
    buf_ += static_cast<char>(v1 << 4 | v2);
  }
  if (buf_.empty()) fail("no hex data for %x string");
  return buf_;
}

std::string Scanner::convertString(char32_t verb) {
  okVerb(verb, "svqxX", "string");
  skipSpace();
  notEOF();
  switch (verb) {
    case 'q': return quotedString();
    case 'x':
    case 'X': return hexString();
    default: return token();
  }
}

int kindBitsOf(Kind k) {
  switch (k) {
    case Kind::Int8:
    case Kind::Uint8: return 8;
    case Kind::Int16:
    case Kind::Uint16: return 16;
    case Kind::Int32:
    case Kind::Uint32: return 32;
    default: return 64;
  }
}

void Scanner::scanOne(char32_t verb, Value arg) {
  buf_.clear();
  if (!arg.p) fail("can't scan type: <nil>");
  const rt::IfaceObj* io = arg.as<rt::IfaceObj>();
  const Type* t = io->type;
  if (t->ukind() != Kind::Pointer) fail("type not a pointer: " + typeName(t));
  const Type* e = t->underlying()->elem;
  Kind k = e->ukind();
  if (!io->v.p) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  if (k == Kind::Struct || k == Kind::Array) fail("can't scan type: " + typeName(t));
  Value* slot = io->v.as<rt::PtrObj>()->addr;
  switch (k) {
    case Kind::Bool: rt::store(slot, Value::B(scanBool(verb))); return;
    case Kind::Int:
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64: rt::store(slot, Value::I(scanInt(verb, kindBitsOf(k)))); return;
    case Kind::Uint:
    case Kind::Uint8:
    case Kind::Uint16:
    case Kind::Uint32:
    case Kind::Uint64:
    case Kind::Uintptr: rt::store(slot, Value::U(scanUint(verb, kindBitsOf(k)))); return;
    case Kind::Float32:
    case Kind::Float64: {
      int bits = k == Kind::Float32 ? 32 : 64;
      okVerb(verb, "beEfFgGv", bits == 32 ? "float32" : "float64");
      skipSpace();
      notEOF();
      double f = convertFloat(floatToken(), bits);
      if (bits == 32) f = static_cast<float>(f);
      rt::store(slot, Value::F(f));
      return;
    }
    case Kind::String: rt::store(slot, rt::makeString(convertString(verb))); return;
    case Kind::Slice:
      if (e->underlying()->elem->ukind() != Kind::Uint8) fail("can't scan type: " + typeName(t));
      rt::store(slot, rt::bytesFromString(rt::makeString(convertString(verb))));
      return;
    default: fail("can't scan type: " + typeName(t));
  }
}

int Scanner::doScan(const std::vector<Value>& args) {
  for (Value a : args) {
    scanOne('v', a);
    processed++;
  }
  if (nlIsEnd_) {
    for (;;) {
      int32_t r = getRune();
      if (r == '\n' || r == kEOF) break;
      if (!isSpace(r)) fail("expected newline");
    }
  }
  return processed;
}

// Matches the literal text and spaces at the start of format against the input; returns the
// bytes of format consumed, 0 at a verb (or end of input), -1 on a mismatch.
int Scanner::advance(std::string_view format) {
  size_t i = 0;
  auto decodeAt = [&](size_t k, int* w) -> int32_t {
    if (k >= format.size()) {
      *w = 0;
      return kEOF;
    }
    unsigned char c = format[k];
    *w = 1;
    return c < 0x80 ? c : rt::decodeRune(format, k, w);
  };
  while (i < format.size()) {
    int w;
    int32_t fc = decodeAt(i, &w);
    if (isSpace(fc)) {
      int newlines = 0;
      bool trailingSpace = false;
      while (isSpace(fc) && i < format.size()) {
        if (fc == '\n') {
          newlines++;
          trailingSpace = false;
        } else {
          trailingSpace = true;
        }
        i += static_cast<size_t>(w);
        fc = decodeAt(i, &w);
      }
      for (int j = 0; j < newlines; j++) {
        int32_t in = getRune();
        while (isSpace(in) && in != '\n') in = getRune();
        if (in != '\n' && in != kEOF) fail("newline in format does not match input");
      }
      if (trailingSpace) {
        int32_t in = getRune();
        if (newlines == 0) {
          if (!isSpace(in) && in != kEOF) fail("expected space in input to match format");
          if (in == '\n') fail("newline in input does not match format");
        }
        while (isSpace(in) && in != '\n') in = getRune();
        if (in != kEOF) unreadRune();
      }
      continue;
    }
    if (fc == '%') {
      if (i + static_cast<size_t>(w) == format.size()) fail("missing verb: % at end of format string");
      int w2;
      int32_t next = decodeAt(i + static_cast<size_t>(w), &w2);
      if (next != '%') return static_cast<int>(i);
      i += static_cast<size_t>(w);  // %% is a literal percent
    }
    int32_t in = mustReadRune();
    if (fc != in) {
      unreadRune();
      return -1;
    }
    i += static_cast<size_t>(w);
  }
  return static_cast<int>(i);
}

int Scanner::doScanf(std::string_view format, const std::vector<Value>& args, int* /*unused*/) {
  size_t end = format.empty() ? 0 : format.size() - 1;
  for (size_t i = 0; !format.empty() && i <= end;) {
    int w = advance(format.substr(i));
    if (w > 0) {
      i += static_cast<size_t>(w);
      continue;
    }
    if (format[i] != '%') {
      if (w < 0) fail("input does not match format");
      break;  // out of input: "too many operands" below
    }
    i++;  // the %
    // Width.
    int wid = 0;
    bool widPresent = false;
    while (i < end && format[i] >= '0' && format[i] <= '9') {
      wid = wid * 10 + (format[i] - '0');
      widPresent = true;
      i++;
      if (wid > 1000000) break;
    }
    maxWid_ = widPresent ? wid : kHugeWid;
    int cw = 1;
    int32_t c;
    if (i < format.size()) {
      unsigned char b = format[i];
      c = b < 0x80 ? b : rt::decodeRune(format, i, &cw);
    } else {
      c = 0xFFFD;
      cw = 0;
    }
    i += static_cast<size_t>(cw);
    if (c != 'c') skipSpace();
    if (c == '%') {
      skipSpace();
      notEOF();
      if (!accept("%")) fail("missing literal %");
      continue;
    }
    argLimit_ = limit_;
    if (count_ + maxWid_ < argLimit_) argLimit_ = count_ + maxWid_;
    if (processed >= static_cast<int>(args.size())) {
      fail("too few operands for format '%" + std::string(format.substr(i - static_cast<size_t>(cw))) + "'");
    }
    scanOne(static_cast<char32_t>(c), args[static_cast<size_t>(processed)]);
    processed++;
    argLimit_ = limit_;
  }
  if (processed < static_cast<int>(args.size())) fail("too many operands");
  return processed;
}

}  // namespace

// scan(src int, r io.Reader, str string, mode int, format string, a []any) (n, code int, msg string)
GOL_NATIVE(fmt_scan, "fmt.scan") {
  int64_t src = call.args[0].i;
  int64_t mode = call.args[3].i;
  std::vector<Value> args;
  sliceWords(call.args[5], &args);
  StringSource strSrc(rt::strView(call.args[2]));
  StdinSource stdinSrc;
  std::unique_ptr<Source> other;
  Source* source = &strSrc;
  if (src == 1) {
    if (auto flush = rt::hooks().flushStdout) flush();
    source = &stdinSrc;
  } else if (src == 2) {
    Value r = call.args[1];
    if (!r.p) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
    const rt::IfaceObj* io = r.as<rt::IfaceObj>();
    const Type* t = io->type;
    rt::Hooks& h = rt::hooks();
    bool isStdin = t->kind == Kind::Pointer && t->elem && t->elem->kind == Kind::Named && t->elem->name == "File" &&
                   t->elem->pkg == "os" && io->v.p && rt::load(&io->v.as<rt::StructObj>()->fields[0]).i == 0;
    if (isStdin) {
      if (auto flush = h.flushStdout) flush();
      source = &stdinSrc;
    } else {
      Value rr = h.boundMethod(t, io->v, "ReadRune");
      Value ur = rr.p ? h.boundMethod(t, io->v, "UnreadRune") : Value();
      if (rr.p && ur.p) {
        other = std::make_unique<RuneScannerSource>(rr, ur);
      } else {
        other = std::make_unique<ReaderSource>(r);
      }
      source = other.get();
    }
  }
  Scanner s(source, /*nlIsSpace=*/mode == 0, /*nlIsEnd=*/mode == 1);
  int code = kNone;
  std::string msg;
  try {
    if (mode == 2) {
      s.doScanf(rt::strView(call.args[4]), args, nullptr);
    } else {
      s.doScan(args);
    }
  } catch (ScanError& e) {
    code = e.code;
    msg = std::move(e.msg);
  }
  call.results[0] = Value::I(s.processed);
  call.results[1] = Value::I(code);
  call.results[2] = rt::makeString(msg);
}

}  // namespace gol::native::fmtimpl
