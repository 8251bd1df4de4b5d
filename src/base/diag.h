// Diagnostics: the one path every compile error goes through. Prints Go's format
//   file.gol:LINE:COL: message
// followed by the source line and a caret under the column.
#pragma once
#include <string>
#include <vector>

#include "base/source.h"

namespace gol {

struct Diagnostic {
  Pos pos;
  std::string message;
};

class Diagnostics {
 public:
  void error(Pos pos, std::string message);
  bool hasErrors() const { return !list_.empty(); }
  size_t count() const { return list_.size(); }
  const std::vector<Diagnostic>& all() const { return list_; }
  // Sorted by position, duplicates on the same line dropped, at most `limit` shown (Go shows 10).
  std::string render(size_t limit = 10) const;
  void clear() { list_.clear(); }

 private:
  std::vector<Diagnostic> list_;
};

// Renders one diagnostic with snippet and caret.
std::string renderDiagnostic(const Diagnostic& d);

}  // namespace gol
