// Spellings of the operator and keyword tokens kept in the AST (see ast.h).
#include "syntax/ast.h"

namespace gol::ast {


const char* nodeKindName(NodeKind k) {
#define GOL_NODE_KIND_NAME(k) case NodeKind::k: return #k;
  switch (k) {
    GOL_EXPR_KINDS(GOL_NODE_KIND_NAME)
    GOL_TYPE_KINDS(GOL_NODE_KIND_NAME)
    GOL_STMT_KINDS(GOL_NODE_KIND_NAME)
    GOL_DECL_KINDS(GOL_NODE_KIND_NAME)
  }
#undef GOL_NODE_KIND_NAME
  return "?";
}

}  // namespace gol::ast
