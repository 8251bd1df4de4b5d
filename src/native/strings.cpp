// Natives of package strings (stdlib/strings/strings.gol): searching, splitting, case mapping,
// trimming and strings.Builder. Substrings share the original bytes (rt::substring).
#include <algorithm>
#include <cstring>
#include <functional>

#include "native/native.h"
#include "native/stdlib_util.h"

namespace gol::native {
namespace {

using rt::StrObj;

int64_t indexOf(std::string_view s, std::string_view sep) {
  if (sep.empty()) return 0;
  if (sep.size() == 1) {
    if (s.empty()) return -1;  // memchr's pointer must not be null, and "" has none
    const void* p = std::memchr(s.data(), sep[0], s.size());
    return p ? static_cast<const char*>(p) - s.data() : -1;
  }
  if (sep.size() > s.size()) return -1;
  auto it = std::search(s.begin(), s.end(), std::boyer_moore_horspool_searcher(sep.begin(), sep.end()));
  return it == s.end() ? -1 : it - s.begin();
}

int64_t lastIndexOf(std::string_view s, std::string_view sep) {
  if (sep.empty()) return int64_t(s.size());
  size_t p = s.rfind(sep);
  return p == std::string_view::npos ? -1 : int64_t(p);
}

int64_t countOf(std::string_view s, std::string_view sep) {
  if (sep.empty()) {
    int64_t n = 0;
    for (size_t i = 0; i < s.size(); n++) {
      int w;
      decode(s, i, &w);
      i += size_t(w);
    }
    return n + 1;
  }
  int64_t n = 0;
  for (size_t i = 0;;) {
    int64_t j = indexOf(s.substr(i), sep);
    if (j < 0) return n;
    n++;
    i += size_t(j) + sep.size();
  }
}

bool containsRune(std::string_view chars, int32_t r) {
  for (size_t i = 0; i < chars.size();) {
    int w;
    int32_t c = decode(chars, i, &w);
    if (c == r) return true;
    i += size_t(w);
  }
  return false;
}

int64_t indexRune(std::string_view s, int32_t r) {
  if (r >= 0 && r < 0x80) {
    if (s.empty()) return -1;  // as in indexOf: no null pointer to memchr
    const void* p = std::memchr(s.data(), r, s.size());
    return p ? static_cast<const char*>(p) - s.data() : -1;
  }
  for (size_t i = 0; i < s.size();) {
    int w;
    int32_t c = decode(s, i, &w);
    if (c == r) {
      if (r == 0xFFFD || r > 0x10FFFF || r < 0 || (r >= 0xD800 && r <= 0xDFFF)) {
        if (r == 0xFFFD) return int64_t(i);
        return -1;
      }
      return int64_t(i);
    }
    i += size_t(w);
  }
  return -1;
}

// Substring of the string value sv over [lo, hi).
inline Value sub(Value s, size_t lo, size_t hi) { return rt::substring(s, int64_t(lo), int64_t(hi)); }

// genSplit: Go's Split/SplitAfter/SplitN core. sepSave: bytes of sep kept in each piece.
Value genSplit(Value sval, std::string_view sep, size_t sepSave, int64_t n) {
  std::string_view s = sv(sval);
  if (n == 0) return Value();
  if (sep.empty()) {  // explode into UTF-8 sequences
    int64_t cnt = countOf(s, sep) - 1;
    if (n < 0 || n > cnt) n = cnt;
    Value* e;
    Value out = newWordSlice(n, &e);
    size_t i = 0;
    for (int64_t k = 0; k < n - 1 && i < s.size(); k++) {
      int w;
      decode(s, i, &w);
      e[k] = sub(sval, i, i + size_t(w));
      i += size_t(w);
    }
    if (n > 0) e[n - 1] = sub(sval, i, s.size());
    return out;
  }
  if (n < 0) n = countOf(s, sep) + 1;
  if (n > int64_t(s.size()) + 1) n = int64_t(s.size()) + 1;
  std::vector<std::pair<size_t, size_t>> parts;
  parts.reserve(size_t(std::min<int64_t>(n, 1 << 16)));
  size_t i = 0;
  while (int64_t(parts.size()) < n - 1) {
    int64_t m = indexOf(s.substr(i), sep);
    if (m < 0) break;
    parts.emplace_back(i, i + size_t(m) + sepSave);
    i += size_t(m) + sep.size();
  }
  parts.emplace_back(i, s.size());
  Value* e;
  Value out = newWordSlice(int64_t(parts.size()), &e);
  for (size_t k = 0; k < parts.size(); k++) e[k] = sub(sval, parts[k].first, parts[k].second);
  return out;
}

inline bool asciiSpace(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

Value fields(Value sval) {
  std::string_view s = sv(sval);
  std::vector<std::pair<size_t, size_t>> parts;
  size_t i = 0, n = s.size();
  bool ascii = true;
  for (char c : s)
    if (uint8_t(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    while (i < n) {
      while (i < n && asciiSpace(uint8_t(s[i]))) i++;
      if (i == n) break;
      size_t start = i;
      while (i < n && !asciiSpace(uint8_t(s[i]))) i++;
      parts.emplace_back(start, i);
    }
  } else {
    size_t start = SIZE_MAX;
    while (i < n) {
      int w;
      int32_t r = decode(s, i, &w);
      if (uni::isSpace(r)) {
        if (start != SIZE_MAX) parts.emplace_back(start, i);
        start = SIZE_MAX;
      } else if (start == SIZE_MAX) {
        start = i;
      }
      i += size_t(w);
    }
    if (start != SIZE_MAX) parts.emplace_back(start, n);
  }
  Value* e;
  Value out = newWordSlice(int64_t(parts.size()), &e);
  for (size_t k = 0; k < parts.size(); k++) e[k] = sub(sval, parts[k].first, parts[k].second);
  return out;
}

template <class F>
Value mapRunes(Value sval, F f) {
  std::string_view s = sv(sval);
  std::string out;
  out.reserve(s.size());
  bool changed = false;
  for (size_t i = 0; i < s.size();) {
    int w;
    int32_t r = decode(s, i, &w);
    int32_t m = f(r);
    if (m != r || (r == 0xFFFD && w == 1)) changed = true;
    appendRune(out, m);
    i += size_t(w);
  }
  return changed ? str(out) : sval;
}

Value toUpper(Value sval) {
  std::string_view s = sv(sval);
  bool ascii = true, hasLower = false;
  for (char c : s) {
    if (uint8_t(c) >= 0x80) ascii = false;
    if (c >= 'a' && c <= 'z') hasLower = true;
  }
  if (ascii) {
    if (!hasLower) return sval;
    std::string out(s);
    for (auto& c : out)
      if (c >= 'a' && c <= 'z') c -= 32;
    return str(out);
  }
  return mapRunes(sval, uni::toUpper);
}

Value toLower(Value sval) {
  std::string_view s = sv(sval);
  bool ascii = true, hasUpper = false;
  for (char c : s) {
    if (uint8_t(c) >= 0x80) ascii = false;
    if (c >= 'A' && c <= 'Z') hasUpper = true;
  }
  if (ascii) {
    if (!hasUpper) return sval;
    std::string out(s);
    for (auto& c : out)
      if (c >= 'A' && c <= 'Z') c += 32;
    return str(out);
  }
  return mapRunes(sval, uni::toLower);
}

bool isSeparator(int32_t r) {
  if (r <= 0x7F) {
    if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') return false;
    return true;
  }
  if (uni::isLetter(r) || uni::isDigit(r)) return false;
  return uni::isSpace(r);
}

Value title(Value sval) {
  std::string_view s = sv(sval);
  std::string out;
  int32_t prev = ' ';
  bool changed = false;
  for (size_t i = 0; i < s.size();) {
    int w;
    int32_t r = decode(s, i, &w);
    int32_t m = isSeparator(prev) ? uni::toTitle(r) : r;
    if (m != r || (r == 0xFFFD && w == 1)) changed = true;
    appendRune(out, m);
    prev = r;
    i += size_t(w);
  }
  return changed ? str(out) : sval;
}

// Trimming. Left/right bounds of the kept part.
template <class Pred>
size_t trimLeftPos(std::string_view s, Pred cut) {
  size_t i = 0;
  while (i < s.size()) {
    int w;
    int32_t r = decode(s, i, &w);
    if (!cut(r)) break;
    i += size_t(w);
  }
  return i;
}

template <class Pred>
size_t trimRightPos(std::string_view s, size_t lo, Pred cut) {
  size_t j = s.size();
  while (j > lo) {
    size_t start = j - 1;
    if (uint8_t(s[start]) >= 0x80) {
      size_t lim = j >= 4 ? j - 4 : 0;
      if (lim < lo) lim = lo;
      while (start > lim && (uint8_t(s[start]) & 0xC0) == 0x80) start--;
    }
    int w;
    int32_t r = decode(s, start, &w);
    if (start + size_t(w) != j) {  // invalid trailing byte
      r = 0xFFFD;
      start = j - 1;
    }
    if (!cut(r)) break;
    j = start;
  }
  return j;
}

Value trimWith(Value sval, std::string_view cutset, bool left, bool right) {
  std::string_view s = sv(sval);
  if (s.empty() || cutset.empty()) return sval;
  auto cut = [&](int32_t r) { return containsRune(cutset, r); };
  size_t lo = left ? trimLeftPos(s, cut) : 0;
  size_t hi = right ? trimRightPos(s, lo, cut) : s.size();
  return sub(sval, lo, hi);
}

bool equalFold(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    int wa, wb;
    int32_t ra = decode(a, i, &wa), rb = decode(b, j, &wb);
    i += size_t(wa);
    j += size_t(wb);
    if (ra == rb) continue;
    if (uni::toLower(ra) == uni::toLower(rb) || uni::toUpper(ra) == uni::toUpper(rb)) continue;
    // orbits like k / K / KELVIN SIGN
    int32_t f = uni::simpleFold(ra);
    bool ok = false;
    for (int k = 0; k < 4 && f != ra; k++, f = uni::simpleFold(f))
      if (f == rb) {
        ok = true;
        break;
      }
    if (!ok) return false;
  }
  return i == a.size() && j == b.size();
}

Value replace(Value sval, std::string_view old, std::string_view nw, int64_t n) {
  std::string_view s = sv(sval);
  if (old == nw || n == 0) return sval;
  int64_t m = countOf(s, old);
  if (m == 0) return sval;
  if (n < 0 || m < n) n = m;
  std::string out;
  out.reserve(s.size() + size_t(n) * nw.size());
  size_t start = 0;
  for (int64_t i = 0; i < n; i++) {
    size_t j = start;
    if (old.empty()) {
      if (i > 0) {
        int w;
        decode(s, start, &w);
        j += size_t(w);
      }
    } else {
      j += size_t(indexOf(s.substr(start), old));
    }
    out.append(s.substr(start, j - start));
    out.append(nw);
    start = j + old.size();
  }
  if (start < s.size()) out.append(s.substr(start));
  return str(out);
}

// ---------------------------------------------------------------- Builder
// fields[0]: a private StrObj whose data lives in a Bytes buffer; fields[1]: buffer capacity.

struct BuilderView {
  rt::StructObj* b;
  StrObj* hdr() const { return rt::load(&b->fields[0]).as<StrObj>(); }
  int64_t cap() const { return rt::load(&b->fields[1]).i; }
};

void builderGrow(rt::StructObj* b, int64_t need) {
  if (!b) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  StrObj* h = rt::load(&b->fields[0]).as<StrObj>();
  int64_t len = h ? h->len : 0;
  int64_t cap = h ? rt::load(&b->fields[1]).i : 0;
  if (len + need <= cap) return;
  int64_t ncap = std::max<int64_t>(cap * 2 + need, 16);
  char* buf = static_cast<char*>(rt::alloc(size_t(ncap), rt::ObjKind::Bytes));
  if (len) std::memcpy(buf, h->data, size_t(len));
  auto* nh = static_cast<StrObj*>(rt::alloc(sizeof(StrObj), rt::ObjKind::Str));
  nh->data = buf;
  nh->len = len;
  nh->base = buf;
  rt::store(&b->fields[1], Value::I(ncap));
  rt::store(&b->fields[0], Value::P(nh));
}

void builderAppend(rt::StructObj* b, const char* p, size_t n) {
  if (n == 0) {
    if (!b) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
    return;
  }
  builderGrow(b, int64_t(n));
  StrObj* h = rt::load(&b->fields[0]).as<StrObj>();
  std::memcpy(const_cast<char*>(h->data) + h->len, p, n);
  __atomic_store_n(&h->len, h->len + int64_t(n), __ATOMIC_RELAXED);
}

}  // namespace

GOL_NATIVE(strings_Builder_WriteString, "strings.(*Builder).WriteString") {
  std::string_view s = sv(call.args[1]);
  builderAppend(call.args[0].as<rt::StructObj>(), s.data(), s.size());
  call.results[0] = Value::I(int64_t(s.size()));
  call.results[1] = Value();
}
GOL_NATIVE(strings_Builder_WriteByte, "strings.(*Builder).WriteByte") {
  char c = char(call.args[1].u);
  builderAppend(call.args[0].as<rt::StructObj>(), &c, 1);
  call.results[0] = Value();
}
GOL_NATIVE(strings_Builder_WriteRune, "strings.(*Builder).WriteRune") {
  std::string tmp;
  appendRune(tmp, int32_t(call.args[1].i));
  builderAppend(call.args[0].as<rt::StructObj>(), tmp.data(), tmp.size());
  call.results[0] = Value::I(int64_t(tmp.size()));
  call.results[1] = Value();
}
GOL_NATIVE(strings_Builder_Write, "strings.(*Builder).Write") {
  std::string tmp = bytesToString(call.args[1]);
  builderAppend(call.args[0].as<rt::StructObj>(), tmp.data(), tmp.size());
  call.results[0] = Value::I(int64_t(tmp.size()));
  call.results[1] = Value();
}
GOL_NATIVE(strings_Builder_String, "strings.(*Builder).String") {
  auto* b = call.args[0].as<rt::StructObj>();
  if (!b) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  StrObj* h = rt::load(&b->fields[0]).as<StrObj>();
  int64_t len = h ? __atomic_load_n(&h->len, __ATOMIC_RELAXED) : 0;
  if (len == 0) {
    call.results[0] = Value();
    return;
  }
  auto* s = static_cast<StrObj*>(rt::alloc(sizeof(StrObj), rt::ObjKind::Str));
  s->data = h->data;
  s->len = len;
  s->base = h->base;
  call.results[0] = Value::P(s);
}
GOL_NATIVE(strings_Builder_Len, "strings.(*Builder).Len") {
  auto* b = call.args[0].as<rt::StructObj>();
  if (!b) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  StrObj* h = rt::load(&b->fields[0]).as<StrObj>();
  call.results[0] = Value::I(h ? __atomic_load_n(&h->len, __ATOMIC_RELAXED) : 0);
}
GOL_NATIVE(strings_Builder_Cap, "strings.(*Builder).Cap") {
  auto* b = call.args[0].as<rt::StructObj>();
  if (!b) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  StrObj* h = rt::load(&b->fields[0]).as<StrObj>();
  call.results[0] = Value::I(h ? rt::load(&b->fields[1]).i : 0);
}
GOL_NATIVE(strings_Builder_Reset, "strings.(*Builder).Reset") {
  auto* b = call.args[0].as<rt::StructObj>();
  if (!b) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  rt::store(&b->fields[0], Value());
  rt::store(&b->fields[1], Value());
}
GOL_NATIVE(strings_Builder_Grow, "strings.(*Builder).Grow") {
  if (call.args[1].i < 0) rt::panicPlain("strings.Builder.Grow: negative count");
  builderGrow(call.args[0].as<rt::StructObj>(), call.args[1].i);
}

GOL_NATIVE(strings_Contains, "strings.Contains") {
  call.results[0] = Value::B(indexOf(sv(call.args[0]), sv(call.args[1])) >= 0);
}
GOL_NATIVE(strings_ContainsRune, "strings.ContainsRune") {
  call.results[0] = Value::B(indexRune(sv(call.args[0]), int32_t(call.args[1].i)) >= 0);
}
GOL_NATIVE(strings_ContainsAny, "strings.ContainsAny") {
  std::string_view s = sv(call.args[0]), chars = sv(call.args[1]);
  bool found = false;
  for (size_t i = 0; i < s.size() && !found;) {
    int w;
    found = containsRune(chars, decode(s, i, &w));
    i += size_t(w);
  }
  call.results[0] = Value::B(found);
}
GOL_NATIVE(strings_HasPrefix, "strings.HasPrefix") {
  call.results[0] = Value::B(sv(call.args[0]).starts_with(sv(call.args[1])));
}
GOL_NATIVE(strings_HasSuffix, "strings.HasSuffix") {
  call.results[0] = Value::B(sv(call.args[0]).ends_with(sv(call.args[1])));
}
GOL_NATIVE(strings_Index, "strings.Index") {
  call.results[0] = Value::I(indexOf(sv(call.args[0]), sv(call.args[1])));
}
GOL_NATIVE(strings_IndexByte, "strings.IndexByte") {
  char c = char(call.args[1].u);
  call.results[0] = Value::I(indexOf(sv(call.args[0]), std::string_view(&c, 1)));
}
GOL_NATIVE(strings_IndexRune, "strings.IndexRune") {
  call.results[0] = Value::I(indexRune(sv(call.args[0]), int32_t(call.args[1].i)));
}
GOL_NATIVE(strings_IndexAny, "strings.IndexAny") {
  std::string_view s = sv(call.args[0]), chars = sv(call.args[1]);
  int64_t res = -1;
  for (size_t i = 0; i < s.size();) {
    int w;
    if (containsRune(chars, decode(s, i, &w))) {
      res = int64_t(i);
      break;
    }
    i += size_t(w);
  }
  call.results[0] = Value::I(res);
}
GOL_NATIVE(strings_LastIndex, "strings.LastIndex") {
  call.results[0] = Value::I(lastIndexOf(sv(call.args[0]), sv(call.args[1])));
}
GOL_NATIVE(strings_LastIndexByte, "strings.LastIndexByte") {
  std::string_view s = sv(call.args[0]);
  size_t p = s.rfind(char(call.args[1].u));
  call.results[0] = Value::I(p == std::string_view::npos ? -1 : int64_t(p));
}
GOL_NATIVE(strings_LastIndexAny, "strings.LastIndexAny") {
  std::string_view s = sv(call.args[0]), chars = sv(call.args[1]);
  int64_t res = -1;
  for (size_t i = 0; i < s.size();) {
    int w;
    if (containsRune(chars, decode(s, i, &w))) res = int64_t(i);
    i += size_t(w);
  }
  call.results[0] = Value::I(res);
}
GOL_NATIVE(strings_Split, "strings.Split") {
  call.results[0] = genSplit(call.args[0], sv(call.args[1]), 0, -1);
}
GOL_NATIVE(strings_SplitN, "strings.SplitN") {
  call.results[0] = genSplit(call.args[0], sv(call.args[1]), 0, call.args[2].i);
}
GOL_NATIVE(strings_SplitAfter, "strings.SplitAfter") {
  call.results[0] = genSplit(call.args[0], sv(call.args[1]), sv(call.args[1]).size(), -1);
}
GOL_NATIVE(strings_SplitAfterN, "strings.SplitAfterN") {
  call.results[0] = genSplit(call.args[0], sv(call.args[1]), sv(call.args[1]).size(), call.args[2].i);
}
GOL_NATIVE(strings_Fields, "strings.Fields") { call.results[0] = fields(call.args[0]); }
GOL_NATIVE(strings_Join, "strings.Join") {
  Value* e;
  int64_t n = sliceElems(call.args[0], &e);
  if (n == 0) {
    call.results[0] = Value();
    return;
  }
  if (n == 1) {
    call.results[0] = rt::load(&e[0]);
    return;
  }
  std::string_view sep = sv(call.args[1]);
  std::string out;
  for (int64_t i = 0; i < n; i++) {
    if (i) out.append(sep);
    out.append(sv(rt::load(&e[i])));
  }
  call.results[0] = str(out);
}
GOL_NATIVE(strings_Repeat, "strings.Repeat") {
  std::string_view s = sv(call.args[0]);
  int64_t count = call.args[1].i;
  if (count == 1) {
    call.results[0] = call.args[0];
    return;
  }
  if (count < 0) rt::panicPlain("strings: negative Repeat count");
  if (s.empty() || count == 0) {
    call.results[0] = Value();
    return;
  }
  // Go's test: only a length past maxInt panics. A length that fits but cannot be had (1<<40
  // bytes) is the out-of-memory fatal error, from the allocation itself.
  if (int64_t(s.size()) >= INT64_MAX / count) rt::panicPlain("strings: Repeat output length overflow");
  size_t n = s.size() * size_t(count);
  char* out;
  call.results[0] = rt::newString(n, &out);
  std::memcpy(out, s.data(), s.size());
  for (size_t done = s.size(); done < n; done *= 2)  // doubling: each copy takes what is there
    std::memcpy(out + done, out, std::min(done, n - done));
}
GOL_NATIVE(strings_Replace, "strings.Replace") {
  call.results[0] = replace(call.args[0], sv(call.args[1]), sv(call.args[2]), call.args[3].i);
}
GOL_NATIVE(strings_ReplaceAll, "strings.ReplaceAll") {
  call.results[0] = replace(call.args[0], sv(call.args[1]), sv(call.args[2]), -1);
}
GOL_NATIVE(strings_ToUpper, "strings.ToUpper") { call.results[0] = toUpper(call.args[0]); }
GOL_NATIVE(strings_ToLower, "strings.ToLower") { call.results[0] = toLower(call.args[0]); }
GOL_NATIVE(strings_ToTitle, "strings.ToTitle") { call.results[0] = mapRunes(call.args[0], uni::toTitle); }
GOL_NATIVE(strings_Title, "strings.Title") { call.results[0] = title(call.args[0]); }
GOL_NATIVE(strings_TrimSpace, "strings.TrimSpace") {
  std::string_view s = sv(call.args[0]);
  size_t lo = trimLeftPos(s, uni::isSpace);
  size_t hi = trimRightPos(s, lo, uni::isSpace);
  call.results[0] = sub(call.args[0], lo, hi);
}
GOL_NATIVE(strings_Trim, "strings.Trim") { call.results[0] = trimWith(call.args[0], sv(call.args[1]), true, true); }
GOL_NATIVE(strings_TrimLeft, "strings.TrimLeft") {
  call.results[0] = trimWith(call.args[0], sv(call.args[1]), true, false);
}
GOL_NATIVE(strings_TrimRight, "strings.TrimRight") {
  call.results[0] = trimWith(call.args[0], sv(call.args[1]), false, true);
}
GOL_NATIVE(strings_TrimPrefix, "strings.TrimPrefix") {
  std::string_view s = sv(call.args[0]), p = sv(call.args[1]);
  call.results[0] = s.starts_with(p) ? sub(call.args[0], p.size(), s.size()) : call.args[0];
}
GOL_NATIVE(strings_TrimSuffix, "strings.TrimSuffix") {
  std::string_view s = sv(call.args[0]), p = sv(call.args[1]);
  call.results[0] = s.ends_with(p) ? sub(call.args[0], 0, s.size() - p.size()) : call.args[0];
}
GOL_NATIVE(strings_Count, "strings.Count") {
  call.results[0] = Value::I(countOf(sv(call.args[0]), sv(call.args[1])));
}
GOL_NATIVE(strings_EqualFold, "strings.EqualFold") {
  call.results[0] = Value::B(equalFold(sv(call.args[0]), sv(call.args[1])));
}
GOL_NATIVE(strings_Compare, "strings.Compare") {
  call.results[0] = Value::I(rt::compareStrings(call.args[0], call.args[1]));
}
GOL_NATIVE(strings_Clone, "strings.Clone") { call.results[0] = str(sv(call.args[0])); }

}  // namespace gol::native
