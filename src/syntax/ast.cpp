// Spellings of the operator and keyword tokens kept in the AST (see ast.h).
#include "syntax/ast.h"

namespace gol::ast {


}  // namespace gol::ast
