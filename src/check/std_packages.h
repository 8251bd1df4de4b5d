// The standard packages gol provides (stdlib/<path>/*.gol): one table used by the checker (script
// names, the "not provided" message) and by `gol help`, so the three never disagree.
#pragma once
#include <string>
#include <vector>

namespace gol::check {

struct StdPackage {
  const char* path;        // import path ("path/filepath")
  const char* scriptName;  // the name a script uses without importing it ("filepath")
};

// In import-path order.
const std::vector<StdPackage>& stdPackages();

// "package X is not provided by gol (it provides: bufio, bytes, ...)".
std::string notProvidedMessage(const std::string& path);

}  // namespace gol::check
