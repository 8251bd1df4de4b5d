// UTF-8 decoding for the lexer with a code-point -> byte-offset table (see source_stream.h).
#include "syntax/source_stream.h"

namespace gol::syntax {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if invalid (overlong forms,
// surrogates and values past U+10FFFF are invalid, as in Go).
size_t decodeOne(const std::string& s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) { cp = c; return 1; }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  char32_t v = c & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; k++) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(i + k) & 0x3F);
  }
  static const char32_t minFor[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < minFor[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  cp = v;
  return len;
}

}  // namespace

SourceStream::SourceStream(const std::string& text, Pos base, Diagnostics& diags) {
  _data.clear();
  _data.reserve(text.size());
  offsets_.reserve(text.size() + 1);
  size_t i = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) {  // BOM: a blank the width of one code point
    _data.push_back(U' ');
    offsets_.push_back(0);
    i = 3;
  }
  bool shebang = text.compare(i, 2, "#!") == 0;
  while (i < text.size()) {
    char32_t cp = 0;
    size_t len = decodeOne(text, i, cp);
    if (len == 0) {
      diags.error(base + static_cast<Pos>(i), "invalid UTF-8 encoding");
      cp = 0xFFFD;
      len = 1;
    } else if (cp == 0) {
      diags.error(base + static_cast<Pos>(i), "invalid NUL character");
      cp = U' ';
    }
    if (cp == U'\n') shebang = false;
    offsets_.push_back(static_cast<uint32_t>(i));
    _data.push_back(shebang ? U' ' : cp);  // a `#!` line becomes blanks: offsets stay right
    i += len;
  }
  offsets_.push_back(static_cast<uint32_t>(text.size()));
  p = 0;
}

}  // namespace gol::syntax
