// Spellings of the operator and keyword tokens kept in the AST (see ast.h).
#include "syntax/ast.h"

namespace gol::ast {


// Go reports errors (and vet its findings) at the leftmost position of an expression.
Pos startPos(const Expr* e) {
  while (e) {
    switch (e->kind) {
      case NodeKind::Binary: e = static_cast<const BinaryExpr*>(e)->x; continue;
      case NodeKind::Selector: e = static_cast<const SelectorExpr*>(e)->x; continue;
      case NodeKind::Index: e = static_cast<const IndexExpr*>(e)->x; continue;
      case NodeKind::Slice: e = static_cast<const SliceExpr*>(e)->x; continue;
      case NodeKind::TypeAssert: e = static_cast<const TypeAssertExpr*>(e)->x; continue;
      case NodeKind::Call: e = static_cast<const CallExpr*>(e)->fun; continue;
      case NodeKind::KeyValue: e = static_cast<const KeyValueExpr*>(e)->key; continue;
      case NodeKind::CompositeLit: {
        auto* c = static_cast<const CompositeLit*>(e);
        if (c->typeExpr) { e = c->typeExpr; continue; }
        return c->pos;
      }
      default: return e->pos;
    }
  }
  return 0;
}

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
