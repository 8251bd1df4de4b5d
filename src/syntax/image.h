// Prepared syntax trees: a file's tree, exactly as the parser built it, written as a compact byte
// image and read back without parsing. The standard library is imaged at build time
// (stdlib/make_image.cpp) and embedded, so a run that imports fmt reads fmt's tree instead of
// running ANTLR over its source (src/DESIGN.md §2.6). ANTLR-free, like parser.h.
#pragma once
#include <string>
#include <string_view>

#include "base/diag.h"
#include "base/source.h"
#include "syntax/ast.h"

namespace gol::syntax {

// The image of `f`, a tree fresh from parseFile (the checker has not annotated it). Positions are
// kept relative to the start of its file, so the image holds wherever the file lands in the
// source table later. Throws std::logic_error for a tree it cannot image (one already checked).
std::string writeImage(const ast::File* f);

// Rebuilds into `arena` the tree writeImage saw, for file `id`, which must hold the text the image
// was made from. Never throws: a malformed image is reported to `diags` as an internal error,
// and an empty file is returned.
ast::File* readImage(ast::Arena& arena, FileId id, std::string_view image, Diagnostics& diags);

// A standard package's file as the binary embeds it: its name ("stdlib/fmt/print.gol"), its text
// (for positions, snippets and parsing) and its image, empty when the file is to be parsed.
struct PreparedFile {
  std::string_view name, text, image;
};

// The tree of `file`, already in the source table: read from `image`, or parsed when it is empty.
ast::File* loadFile(ast::Arena& arena, FileId file, std::string_view image, Diagnostics& diags);

}  // namespace gol::syntax
