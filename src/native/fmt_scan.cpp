// Package fmt, native side: the verb scanners and the fmt.scan native (Sscan/Sscanln/Sscanf,
// Scan* from standard input, Fscan* from any io.Reader; the runes come through ScanReader,
// fmt_scan_reader.cpp) with Go's rules: space-separated operands, newline handling per mode,
// verbs %v %d %b %o %x %X %c %s %q %t %e %f %g and widths, literal text in the format, and Go's
// error values and messages ("expected integer", "unexpected EOF", "input does not match
// format", strconv's "parsing ...: invalid syntax"). The gol side (fmt.gol) turns the returned
// error code into io.EOF, io.ErrUnexpectedEOF or errors.New(msg).
#include <cmath>

#include "native/fmt_internal.h"
#include "native/fmt_scan_reader.h"
#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

namespace gol::native::fmtimpl {

namespace {

// The verb scanners of Go's ss, reading through ScanReader.
class Scanner : public ScanReader {
 public:
  using ScanReader::ScanReader;

  int doScan(const std::vector<Value>& args);
  int doScanf(std::string_view format, const std::vector<Value>& args);
  int processed = 0;

 private:
  int limit_ = kHugeWid, maxWid_ = kHugeWid;

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
  std::string integerToken(char32_t verb, bool isSigned, int* base);
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

// The token of an integer operand: digits of the verb's base, or with %v of the base its 0b,
// 0o, 0x or 0 prefix gives; %U wants U+ first. isSigned: a + or - may lead.
std::string Scanner::integerToken(char32_t verb, bool isSigned, int* base) {
  skipSpace();
  notEOF();
  std::string_view digits;
  getBase(verb, base, &digits);
  bool haveDigits = false;
  if (verb == 'U') {
    if (!consume("U", false) || !consume("+", false)) fail("bad unicode format ");
  } else {
    if (isSigned) accept("+-");
    if (verb == 'v') scanBasePrefix(base, &digits, &haveDigits);
  }
  return scanNumber(digits, haveDigits);
}

int64_t Scanner::scanInt(char32_t verb, int bits) {
  if (verb == 'c') return scanRune(bits);
  int base;
  std::string tok = integerToken(verb, true, &base);
  int64_t i = parseInt(tok, base);
  int s = 64 - bits;
  if (s > 0 && ((i << s) >> s) != i) fail("integer overflow on token " + tok);
  return i;
}

uint64_t Scanner::scanUint(char32_t verb, int bits) {
  if (verb == 'c') return static_cast<uint64_t>(scanRune(bits));
  int base;
  std::string tok = integerToken(verb, false, &base);
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
    case Kind::Int64: rt::store(slot, Value::I(scanInt(verb, kindBits(k)))); return;
    case Kind::Uint:
    case Kind::Uint8:
    case Kind::Uint16:
    case Kind::Uint32:
    case Kind::Uint64:
    case Kind::Uintptr: rt::store(slot, Value::U(scanUint(verb, kindBits(k)))); return;
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
      if (!uni::isSpace(r)) fail("expected newline");
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
    if (uni::isSpace(fc)) {
      int newlines = 0;
      bool trailingSpace = false;
      while (uni::isSpace(fc) && i < format.size()) {
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
        while (uni::isSpace(in) && in != '\n') in = getRune();
        if (in != '\n' && in != kEOF) fail("newline in format does not match input");
      }
      if (trailingSpace) {
        int32_t in = getRune();
        if (newlines == 0) {
          if (!uni::isSpace(in) && in != kEOF) fail("expected space in input to match format");
          if (in == '\n') fail("newline in input does not match format");
        }
        while (uni::isSpace(in) && in != '\n') in = getRune();
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

int Scanner::doScanf(std::string_view format, const std::vector<Value>& args) {
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
  std::unique_ptr<Source> source = openSource(src, call.args[1], rt::strView(call.args[2]));
  Scanner s(source.get(), /*nlIsSpace=*/mode == 0, /*nlIsEnd=*/mode == 1);
  int code = kNone;
  std::string msg;
  try {
    if (mode == 2) {
      s.doScanf(rt::strView(call.args[4]), args);
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
