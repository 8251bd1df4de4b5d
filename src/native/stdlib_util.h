// Small helpers shared by the standard-package natives (strings, strconv, sort, os, ...):
// building strings and slices of gol values, and the Unicode classification that strings,
// unicode and strconv agree on (unicode_tables.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/heap.h"
#include "runtime/object.h"
#include "types/type.h"

namespace gol::native {

using rt::Value;

inline std::string_view sv(Value v) { return rt::strView(v); }
inline Value str(std::string_view s) { return rt::makeString(s); }

inline const Type* stringSliceType() {
  static const Type* t = TypeTable::get().slice(TypeTable::get().basic(Kind::String));
  return t;
}
inline const Type* byteSliceType() {
  static const Type* t = TypeTable::get().slice(TypeTable::get().basic(Kind::Uint8));
  return t;
}
inline const Type* intSliceType() {
  static const Type* t = TypeTable::get().slice(TypeTable::get().basic(Kind::Int));
  return t;
}

// A fresh slice of n words (len == cap == n) whose elements the caller fills.
inline Value newWordSlice(int64_t n, Value** elems) {
  rt::ArrObj* a = rt::newArray(n);
  *elems = a->elems;
  return rt::sliceOf(a, 0, n, n);
}

// The live elements of a slice (clamped to the backing array).
inline int64_t sliceElems(Value s, Value** data) {
  auto* h = s.as<rt::SliceObj>();
  if (!h || !h->arr) {
    *data = nullptr;
    return 0;
  }
  int64_t n = h->len;
  if (h->off < 0 || h->off > h->arr->len) n = 0;
  else if (n > h->arr->len - h->off) n = h->arr->len - h->off;
  if (n < 0) n = 0;
  *data = h->arr->elems + h->off;
  return n;
}

// []byte (one word per byte) <-> std::string.
inline std::string bytesToString(Value s) {
  Value* e;
  int64_t n = sliceElems(s, &e);
  std::string out(size_t(n), '\0');
  for (int64_t i = 0; i < n; i++) out[size_t(i)] = char(rt::load(&e[i]).u);
  return out;
}

// Decodes the rune at s[i] (Go's rules; RuneError width 1 on bad input).
inline int32_t decode(std::string_view s, size_t i, int* w) {
  uint8_t c = uint8_t(s[i]);
  if (c < 0x80) {
    *w = 1;
    return c;
  }
  return rt::decodeRune(s, i, w);
}
inline void appendRune(std::string& out, int32_t r) { rt::appendRune(out, r); }

// Unicode (unicode_tables.cpp): Go's unicode package semantics over tables for the common
// scripts, with glibc's C.UTF-8 tables as the fallback for letters and case.
namespace uni {
bool isSpace(int32_t r);
bool isDigit(int32_t r);
bool isNumber(int32_t r);
bool isLetter(int32_t r);
bool isUpper(int32_t r);
bool isLower(int32_t r);
bool isTitle(int32_t r);
bool isPunct(int32_t r);
bool isSymbol(int32_t r);
bool isMark(int32_t r);
bool isControl(int32_t r);
bool isPrint(int32_t r);    // Go's unicode.IsPrint (only U+0020 of the spaces)
bool isGraphic(int32_t r);
int32_t toUpper(int32_t r);
int32_t toLower(int32_t r);
int32_t toTitle(int32_t r);
int32_t simpleFold(int32_t r);
}  // namespace uni

// strconv helpers shared with other natives (strconv.cpp).
std::string quoteWith(std::string_view s, char quote, bool asciiOnly, bool graphicOnly = false);
std::string quoteRuneWith(int32_t r, char quote, bool asciiOnly, bool graphicOnly = false);
std::string formatFloat(double f, char fmt, int prec, int bitSize);
// Go's rule for `_` in number literals (strconv base-0 syntax, fmt scanning).
bool underscoreOK(std::string_view s);

}  // namespace gol::native
