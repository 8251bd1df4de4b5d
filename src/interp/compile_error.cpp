// The compiler's loud failure (compilerBug) and its record of which node kinds it compiled.
#include <fmt/format.h>

#include "base/source.h"
#include "interp/compiler.h"
#include "runtime/object.h"

namespace gol::interp {

std::vector<bool>& mutableKindsCompiled() {
  static std::vector<bool> seen(static_cast<size_t>(ast::NodeKind::FuncDecl) + 1);
  return seen;
}

const std::vector<bool>& kindsCompiled() { return mutableKindsCompiled(); }

void compilerBug(Pos pos, const std::string& what) {
  Position p = SourceTable::global().decode(pos);
  rt::fatal(fmt::format("internal error: {}:{}:{}: gol cannot compile {} (this is a bug in gol)", p.file,
                        p.line, p.col, what));
}

}  // namespace gol::interp
