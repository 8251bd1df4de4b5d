// The standard packages written in gol, embedded in the binary with their syntax trees prepared
// at build time (make_image.cpp writes the table).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "syntax/image.h"

namespace gol::stdlib {

struct EmbeddedFile {
  const char* importPath;  // "fmt", "math/rand"
  const char* name;        // "stdlib/fmt/print.gol"
  const char* text;
  size_t textSize;
  const char* image;  // syntax::writeImage of the file's tree
  size_t imageSize;
};
extern const EmbeddedFile kEmbeddedFiles[];

// Files of the package at importPath; false if there is no such package. Each comes with its
// image, unless the environment variable GOL_STDLIB_SOURCE is set (and not "0"): then the image
// is left empty and the checker parses the text, as when working on the parser.
bool packageFiles(const std::string& importPath, std::vector<syntax::PreparedFile>* out);

}  // namespace gol::stdlib
