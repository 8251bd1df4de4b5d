// Package fmt, native side: the strconv-compatible parsing the scanner needs (ParseInt and
// ParseUint with base prefixes and underscores, ParseFloat with Go's syntax and range errors,
// Unquote of double-quoted strings), raising ScanError with strconv's messages.
#include <charconv>
#include <cmath>
#include <limits>

#include "native/fmt_internal.h"
#include "native/stdlib_util.h"
#include "runtime/object.h"

namespace gol::native::fmtimpl {

[[noreturn]] void fail(std::string msg) { throw ScanError{kErrOther, std::move(msg)}; }



[[noreturn]] void numError(const char* fn, const std::string& s, bool range) {
  fail(std::string("strconv.") + fn + ": parsing " + [&] {
    std::string q;
    appendQuoted(q, s, '"', false);
    return q;
  }() + (range ? ": value out of range" : ": invalid syntax"));
}

// strconv.ParseUint(s, base, 64) without the sign; fn names the caller for errors.
static uint64_t parseUnsigned(std::string_view s, int base, const char* fn, const std::string& whole, bool* range) {
  *range = false;
  if (s.empty()) numError(fn, whole, false);
  bool allowUnderscore = base == 0;
  if (base == 0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && (s[1] | 0x20) == 'b') {
        base = 2;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && (s[1] | 0x20) == 'o') {
        base = 8;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && (s[1] | 0x20) == 'x') {
        base = 16;
        s.remove_prefix(2);
      } else {
        base = 8;
        s.remove_prefix(1);
      }
    }
  }
  uint64_t n = 0;
  bool sawUnderscore = false;
  for (char c : s) {
    int d;
    char lc = static_cast<char>(c | 0x20);
    if (c == '_' && allowUnderscore) {
      sawUnderscore = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (lc >= 'a' && lc <= 'z') {
      d = lc - 'a' + 10;
    } else {
      numError(fn, whole, false);
    }
    if (d >= base) numError(fn, whole, false);
    if (n > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) {
      *range = true;
      n = std::numeric_limits<uint64_t>::max();
      continue;
    }
    n = n * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (sawUnderscore && !underscoreOK(whole)) numError(fn, whole, false);
  return n;
}

int64_t parseInt(const std::string& s, int base) {
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  bool range;
  uint64_t u = parseUnsigned(body, base, "ParseInt", s, &range);
  uint64_t cutoff = uint64_t(1) << 63;
  if (range || (!neg && u >= cutoff) || (neg && u > cutoff)) numError("ParseInt", s, true);
  return neg ? static_cast<int64_t>(-u) : static_cast<int64_t>(u);
}

uint64_t parseUint(const std::string& s, int base) {
  bool range;
  uint64_t u = parseUnsigned(s, base, "ParseUint", s, &range);
  if (range) numError("ParseUint", s, true);
  return u;
}

static bool equalFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

// strconv.ParseFloat(s, bits).
double parseFloat(const std::string& s, int bits) {
  std::string_view body = s;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (equalFold(body, "inf") || equalFold(body, "infinity")) return neg ? -HUGE_VAL : HUGE_VAL;
  if (equalFold(body, "nan") && s.size() == 3) return std::nan("");
  std::string clean;
  bool hex = body.size() >= 2 && body[0] == '0' && (body[1] | 0x20) == 'x';
  if (body.find('_') != std::string_view::npos) {
    if (!hex && !(body.size() >= 2 && body[0] == '0' && ((body[1] | 0x20) == 'b' || (body[1] | 0x20) == 'o')))
      numError("ParseFloat", s, false);
    if (!underscoreOK(s)) numError("ParseFloat", s, false);
  }
  for (char c : body)
    if (c != '_') clean += c;
  std::string_view in = clean;
  std::chars_format fmt = std::chars_format::general;
  if (hex) {
    in.remove_prefix(2);
    fmt = std::chars_format::hex;
    if (in.find_first_of("pP") == std::string_view::npos) numError("ParseFloat", s, false);
  }
  if (in.empty() || in[0] == '+' || in[0] == '-') numError("ParseFloat", s, false);
  double v;
  std::from_chars_result r;
  if (bits == 32) {
    float fv;
    r = std::from_chars(in.data(), in.data() + in.size(), fv, fmt);
    v = fv;
  } else {
    r = std::from_chars(in.data(), in.data() + in.size(), v, fmt);
  }
  if (r.ptr != in.data() + in.size()) numError("ParseFloat", s, false);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow gives ±Inf with a range error; underflow rounds to zero without one.
    bool big = false;
    for (char c : in) {
      if (c == 'e' || c == 'E' || c == 'p' || c == 'P') break;
      if (c >= '1' && c <= '9') {
        big = true;
        break;
      }
    }
    size_t e = in.find_first_of(fmt == std::chars_format::hex ? "pP" : "eE");
    if (e != std::string_view::npos && e + 1 < in.size() && in[e + 1] == '-') big = false;
    if (big) numError("ParseFloat", s, true);
    v = 0;
  }
  return neg ? -v : v;
}

// strconv.Unquote for a double-quoted string; false on a syntax error.
bool unquote(std::string_view q, std::string* out) {
  if (q.size() < 2 || q.front() != '"' || q.back() != '"') return false;
  q = q.substr(1, q.size() - 2);
  for (size_t i = 0; i < q.size();) {
    char c = q[i];
    if (c == '"' || c == '\n') return false;
    if (c != '\\') {
      *out += c;
      i++;
      continue;
    }
    if (++i >= q.size()) return false;
    char e = q[i++];
    auto hexVal = [](char h) -> int {
      if (h >= '0' && h <= '9') return h - '0';
      h = static_cast<char>(h | 0x20);
      return h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
    };
    switch (e) {
      case 'a': *out += '\a'; break;
      case 'b': *out += '\b'; break;
      case 'f': *out += '\f'; break;
      case 'n': *out += '\n'; break;
      case 'r': *out += '\r'; break;
      case 't': *out += '\t'; break;
      case 'v': *out += '\v'; break;
      case '\\': *out += '\\'; break;
      case '"': *out += '"'; break;
      case 'x':
      case 'u':
      case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + static_cast<size_t>(n) > q.size()) return false;
        int64_t v = 0;
        for (int k = 0; k < n; k++) {
          int d = hexVal(q[i + static_cast<size_t>(k)]);
          if (d < 0) return false;
          v = v * 16 + d;
        }
        i += static_cast<size_t>(n);
        if (e == 'x') {
          *out += static_cast<char>(v);
        } else {
          if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
          appendRune(*out, static_cast<int32_t>(v));
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          if (i + 2 > q.size()) return false;
          int v = e - '0';
          for (int k = 0; k < 2; k++) {
            char d = q[i++];
            if (d < '0' || d > '7') return false;
            v = v * 8 + (d - '0');
          }
          if (v > 255) return false;
          *out += static_cast<char>(v);
          break;
        }
        return false;
    }
  }
  return true;
}

}  // namespace gol::native::fmtimpl
