// Go strings: immutable StrObj boxes (value.h). A new string's bytes live in the tail of its own
// box (base == the box); a substring is a new 3-word box pointing into the same bytes (base ==
// the owner, which keeps them alive for the collector). The empty string is always nullptr.
// Also UTF-8 decoding/encoding with Go's rules and the string <-> []byte/[]rune conversions
// (slice elements are one word each: a []byte element holds the byte value).
#include <cstring>

#include "runtime/heap.h"

namespace gol::rt {

Value newString(size_t len, char** bytes) {
  auto* s = static_cast<StrObj*>(alloc(sizeof(StrObj) + len, ObjKind::Str));
  char* d = reinterpret_cast<char*>(s + 1);
  s->data = d;
  s->len = int64_t(len);
  s->base = s;
  *bytes = d;
  return Value::P(s);
}

namespace {

bool invalidRune(int64_t r) { return r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF); }

// Encodes r (already valid) into buf; returns the byte count.
int encodeRune(int64_t r, char* buf) {
  if (r < 0x80) {
    buf[0] = char(r);
    return 1;
  }
  if (r < 0x800) {
    buf[0] = char(0xC0 | (r >> 6));
    buf[1] = char(0x80 | (r & 0x3F));
    return 2;
  }
  if (r < 0x10000) {
    buf[0] = char(0xE0 | (r >> 12));
    buf[1] = char(0x80 | ((r >> 6) & 0x3F));
    buf[2] = char(0x80 | (r & 0x3F));
    return 3;
  }
  buf[0] = char(0xF0 | (r >> 18));
  buf[1] = char(0x80 | ((r >> 12) & 0x3F));
  buf[2] = char(0x80 | ((r >> 6) & 0x3F));
  buf[3] = char(0x80 | (r & 0x3F));
  return 4;
}

int encodeRuneChecked(int64_t r, char* buf) { return encodeRune(invalidRune(r) ? 0xFFFD : r, buf); }

// The elements of a slice value, clamped to its backing array's real size.
int64_t sliceElems(Value s, const Value** data) {
  auto* h = s.as<SliceObj>();
  if (!h || !h->arr) {
    *data = nullptr;
    return 0;
  }
  int64_t n = h->len;
  if (h->off < 0 || h->off > h->arr->len) n = 0;
  else if (n > h->arr->len - h->off) n = h->arr->len - h->off;
  *data = h->arr->elems + (n > 0 ? h->off : 0);
  return n < 0 ? 0 : n;
}

}  // namespace

Value makeString(std::string_view s) {
  if (s.empty()) return Value();
  char* d;
  Value v = newString(s.size(), &d);
  std::memcpy(d, s.data(), s.size());
  return v;
}

Value concat(Value a, Value b) {
  std::string_view x = strView(a), y = strView(b);
  if (x.empty()) return b;
  if (y.empty()) return a;
  char* d;
  Value v = newString(x.size() + y.size(), &d);
  std::memcpy(d, x.data(), x.size());
  std::memcpy(d + x.size(), y.data(), y.size());
  return v;
}

Value substring(Value s, int64_t lo, int64_t hi) {
  auto* o = s.as<StrObj>();
  if (!o || hi <= lo) return Value();
  if (lo < 0) lo = 0;  // the caller checked bounds; clamp anyway so a bug cannot read wild memory
  if (hi > o->len) hi = o->len;
  if (lo == 0 && hi == o->len) return s;
  auto* sub = static_cast<StrObj*>(alloc(sizeof(StrObj), ObjKind::Str));
  sub->data = o->data + lo;
  sub->len = hi - lo;
  sub->base = o->base;
  return Value::P(sub);
}

int compareStrings(Value a, Value b) {
  std::string_view x = strView(a), y = strView(b);
  int c = x.compare(y);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool equalStrings(Value a, Value b) {
  if (a.p == b.p) return true;
  std::string_view x = strView(a), y = strView(b);
  return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size()) == 0;
}

Value stringFromRune(int64_t r) {
  char buf[4];
  int n = encodeRuneChecked(r, buf);
  return makeString(std::string_view(buf, size_t(n)));
}

Value stringFromBytes(Value byteSlice) {
  const Value* e;
  int64_t n = sliceElems(byteSlice, &e);
  if (n == 0) return Value();
  char* d;
  Value v = newString(size_t(n), &d);
  for (int64_t i = 0; i < n; i++) d[i] = char(load(&e[i]).u);
  return v;
}

Value stringFromRunes(Value runeSlice) {
  const Value* e;
  int64_t n = sliceElems(runeSlice, &e);
  std::string out;
  out.reserve(size_t(n));
  for (int64_t i = 0; i < n; i++) appendRune(out, int32_t(load(&e[i]).i));
  return makeString(out);
}

static Value bytesWithCap(std::string_view v, int64_t cap) {
  ArrObj* a = newArray(cap);
  for (size_t i = 0; i < v.size(); i++) a->elems[i].u = uint8_t(v[i]);
  return sliceOf(a, 0, int64_t(v.size()), cap);
}

Value bytesFromString(Value s) {
  std::string_view v = strView(s);
  // Go allocates through rawbyteslice: cap is the malloc size class of len.
  return bytesWithCap(v, goRoundupsize(int64_t(v.size()), true));
}

Value bytesFromConstString(Value s) {
  std::string_view v = strView(s);
  // Go's compiler allocates a [len]byte for a constant string: cap is len.
  return bytesWithCap(v, int64_t(v.size()));
}

static Value runesWithCap(std::string_view v, bool exactCap) {
  int64_t n = 0;
  for (size_t i = 0; i < v.size(); n++) {
    int w;
    decodeRune(v, i, &w);
    i += size_t(w);
  }
  int64_t cap = exactCap ? n : goRoundupsize(n * 4, true) / 4;  // rawruneslice
  ArrObj* a = newArray(cap);
  int64_t k = 0;
  for (size_t i = 0; i < v.size(); k++) {
    int w;
    a->elems[k].i = decodeRune(v, i, &w);
    i += size_t(w);
  }
  return sliceOf(a, 0, n, cap);
}

Value runesFromString(Value s) { return runesWithCap(strView(s), false); }

// Go's compiler turns []rune("constant") into a slice literal: cap is len.
Value runesFromConstString(Value s) { return runesWithCap(strView(s), true); }

int32_t decodeRune(std::string_view s, size_t i, int* width) {
  constexpr int32_t kError = 0xFFFD;
  if (i >= s.size()) {  // as utf8.DecodeRuneInString(""): (RuneError, 0)
    *width = 0;
    return kError;
  }
  auto b = [&](size_t k) { return uint8_t(s[i + k]); };
  uint8_t c = b(0);
  *width = 1;
  if (c < 0x80) return c;
  size_t avail = s.size() - i;
  auto cont = [&](size_t k, uint8_t lo, uint8_t hi) { return k < avail && b(k) >= lo && b(k) <= hi; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1, 0x80, 0xBF)) return kError;
    *width = 2;
    return int32_t(c & 0x1F) << 6 | (b(1) & 0x3F);
  }
  if (c >= 0xE0 && c <= 0xEF) {
    uint8_t lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF)) return kError;
    *width = 3;
    return int32_t(c & 0x0F) << 12 | int32_t(b(1) & 0x3F) << 6 | (b(2) & 0x3F);
  }
  if (c >= 0xF0 && c <= 0xF4) {
    uint8_t lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF)) return kError;
    *width = 4;
    return int32_t(c & 0x07) << 18 | int32_t(b(1) & 0x3F) << 12 | int32_t(b(2) & 0x3F) << 6 | (b(3) & 0x3F);
  }
  return kError;
}

void appendRune(std::string& out, int32_t r) {
  char buf[4];
  out.append(buf, size_t(encodeRuneChecked(r, buf)));
}

}  // namespace gol::rt
