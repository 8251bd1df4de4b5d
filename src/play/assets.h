// The files gol play serves, embedded at build time by embed_assets.cmake: the page (assets/),
// CodeMirror 5 from Debian's libjs-codemirror, and the lessons of scripts/lessons.
#pragma once
#include <cstddef>
#include <string_view>

namespace gol::play {

struct EmbeddedAsset {
  const char* kind;  // "asset" (served as /static/NAME) or "lesson"
  const char* name;  // file name, no directory
  const char* data;
  size_t size;
};
extern const EmbeddedAsset kEmbeddedAssets[];  // ends with a null kind

// The asset called `name` (exact match: no path is ever resolved), or null.
const EmbeddedAsset* findAsset(std::string_view name);
// The Content-Type for a file name's extension.
const char* contentType(std::string_view name);

}  // namespace gol::play
