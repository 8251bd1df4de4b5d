// A code-point view of one source file for the ANTLR lexer, remembering each code point's byte
// offset so tokens map back to byte positions (Go columns are byte columns).
#pragma once
#include <ANTLRInputStream.h>

#include <string>
#include <vector>

#include "base/diag.h"
#include "base/source.h"

namespace gol::syntax {

class SourceStream : public antlr4::ANTLRInputStream {
 public:
  // Decodes `text` (UTF-8). Invalid bytes and NULs are reported to `diags` (at their position
  // relative to `base`) and replaced so lexing can go on; a BOM and a leading `#!` line read as blanks.
  SourceStream(const std::string& text, Pos base, Diagnostics& diags);
  // Byte offset of code point `index` (index == size() gives the text length).
  uint32_t byteOffset(size_t index) const { return offsets_[index < offsets_.size() ? index : offsets_.size() - 1]; }

 private:
  std::vector<uint32_t> offsets_;
};

}  // namespace gol::syntax
