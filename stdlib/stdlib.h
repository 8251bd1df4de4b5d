// The standard packages written in gol, embedded in the binary (see embed.cmake).
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace gol::stdlib {

struct EmbeddedFile {
  const char* importPath;  // "fmt", "math/rand"
  const char* name;        // "stdlib/fmt/print.gol"
  const char* text;
};
extern const EmbeddedFile kEmbeddedFiles[];

// Files of the package at importPath, as (name, text); false if there is no such package.
bool packageFiles(const std::string& importPath, std::vector<std::pair<std::string, std::string>>* out);

}  // namespace gol::stdlib
