// Small questions the checks ask of the checked tree: which function a call calls, which method
// on which named type, and which variable an expression is rooted in.
#include "vet/pass.h"

namespace gol::vet {

using namespace ast;

const Expr* unparen(const Expr* e) {
  while (e && e->kind == NodeKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}

bool isNamed(const Type* t, const char* pkg, const char* name) {
  if (!t || t->kind != Kind::Named || t->name != name) return false;
  return t->pkg == pkg || (t->pkg.empty() && std::string(pkg) == "main");
}

const Symbol* calleeFunc(const CallExpr* call) {
  if (!call->info || call->info->kind != CallKind::Func) return nullptr;
  return call->info->func;
}

bool isFuncCall(const CallExpr* call, const char* pkg, const char* name) {
  const Symbol* f = calleeFunc(call);
  return f && f->name == name && f->package && f->package->path == pkg;
}

const FuncDecl* programFunc(const Program& prog, const CallExpr* call) {
  const Symbol* f = calleeFunc(call);
  if (!f) {
    auto* fun = unparen(call->fun);
    auto* sel = fun->kind == NodeKind::Selector ? static_cast<const SelectorExpr*>(fun) : nullptr;
    if (sel && sel->selection && sel->selection->kind == SelKind::Method) f = sel->selection->methodSym;
  }
  return f && f->decl && f->decl->body && f->package == prog.main ? f->decl : nullptr;
}

const Expr* methodRecv(const CallExpr* call, const char* pkg, const char* type, const char* method) {
  auto* fun = unparen(call->fun);
  if (fun->kind != NodeKind::Selector) return nullptr;
  auto* sel = static_cast<const SelectorExpr*>(fun);
  const Selection* s = sel->selection;
  if (!s || s->kind != SelKind::Method || !s->method || s->method->name != method) return nullptr;
  return isNamed(s->recvNamed, pkg, type) ? sel->x : nullptr;
}

const Ident* rootIdent(const Expr* e) {
  while (e) {
    switch (e->kind) {
      case NodeKind::Ident: return static_cast<const Ident*>(e);
      case NodeKind::Paren: e = static_cast<const ParenExpr*>(e)->x; continue;
      case NodeKind::Selector: e = static_cast<const SelectorExpr*>(e)->x; continue;
      case NodeKind::Index: e = static_cast<const IndexExpr*>(e)->x; continue;
      case NodeKind::Star: e = static_cast<const StarExpr*>(e)->x; continue;
      case NodeKind::Unary: e = static_cast<const UnaryExpr*>(e)->x; continue;
      default: return nullptr;
    }
  }
  return nullptr;
}

const CallExpr* asCall(const Node* n) {
  if (!n) return nullptr;
  if (n->kind == NodeKind::ExprStmt) n = static_cast<const ExprStmt*>(n)->x;
  auto* e = n->kind == NodeKind::Paren ? unparen(static_cast<const Expr*>(n)) : n;
  return e && e->kind == NodeKind::Call ? static_cast<const CallExpr*>(e) : nullptr;
}

}  // namespace gol::vet
