// Looks up embedded stdlib packages by import path (see stdlib.h).
#include "stdlib.h"

#include <cstdlib>
#include <cstring>

namespace gol::stdlib {

namespace {

bool fromSource() {
  static const bool yes = [] {
    const char* v = std::getenv("GOL_STDLIB_SOURCE");
    return v && *v && std::strcmp(v, "0") != 0;
  }();
  return yes;
}

}  // namespace

bool packageFiles(const std::string& importPath, std::vector<syntax::PreparedFile>* out) {
  bool found = false;
  for (const EmbeddedFile* f = kEmbeddedFiles; f->importPath; f++) {
    if (importPath != f->importPath) continue;
    std::string_view image = fromSource() ? std::string_view() : std::string_view(f->image, f->imageSize);
    out->push_back({f->name, std::string_view(f->text, f->textSize), image});
    found = true;
  }
  return found;
}

}  // namespace gol::stdlib
