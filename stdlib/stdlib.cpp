// Looks up embedded stdlib packages by import path (see stdlib.h).
#include "stdlib.h"

namespace gol::stdlib {

bool packageFiles(const std::string& importPath, std::vector<std::pair<std::string, std::string>>* out) {
  bool found = false;
  for (const EmbeddedFile* f = kEmbeddedFiles; f->importPath; f++) {
    if (importPath != f->importPath) continue;
    out->emplace_back(f->name, f->text);
    found = true;
  }
  return found;
}

}  // namespace gol::stdlib
