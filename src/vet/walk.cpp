// The tree walk the checks share: every node of a subtree in pre-order, like go/ast.Inspect.
// Each kind lists its children in source order; a new node kind fails -Wswitch here.
#include "vet/pass.h"

namespace gol::vet {

using namespace ast;

namespace {

struct Walker {
  const Visit& visit;

  void node(Node* n) {
    if (n && visit(n)) children(n);
  }
  void list(const ExprList& l) {
    for (Expr* e : l) node(e);
  }
  void stmts(const StmtList& l) {
    for (Stmt* s : l) node(s);
  }
  void fields(const FieldList& l) {
    for (const Field& f : l) node(f.typeExpr);
  }
  void children(Node* n);
  void exprChildren(Expr* n);
  void typeChildren(Expr* n);
  void stmtChildren(Stmt* n);
  void declChildren(Node* n);
};

void Walker::children(Node* n) {
  switch (n->kind) {
    GOL_CASES(GOL_EXPR_KINDS) return exprChildren(static_cast<Expr*>(n));
    GOL_CASES(GOL_TYPE_KINDS) return typeChildren(static_cast<Expr*>(n));
    GOL_CASES(GOL_STMT_KINDS) return stmtChildren(static_cast<Stmt*>(n));
    GOL_CASES(GOL_DECL_KINDS) return declChildren(n);
  }
}

void Walker::exprChildren(Expr* n) {
  switch (n->kind) {
    case NodeKind::Ident:
    case NodeKind::BasicLit: return;
    case NodeKind::CompositeLit: {
      auto* c = static_cast<CompositeLit*>(n);
      node(c->typeExpr);
      return list(c->elts);
    }
    case NodeKind::FuncLit: {
      auto* f = static_cast<FuncLit*>(n);
      node(f->sig);
      return node(f->body);
    }
    case NodeKind::Paren: return node(static_cast<ParenExpr*>(n)->x);
    case NodeKind::Selector: return node(static_cast<SelectorExpr*>(n)->x);
    case NodeKind::Index: {
      auto* i = static_cast<IndexExpr*>(n);
      node(i->x);
      return node(i->index);
    }
    case NodeKind::Slice: {
      auto* s = static_cast<SliceExpr*>(n);
      node(s->x);
      node(s->lo);
      node(s->hi);
      return node(s->max);
    }
    case NodeKind::TypeAssert: {
      auto* t = static_cast<TypeAssertExpr*>(n);
      node(t->x);
      return node(t->typeExpr);
    }
    case NodeKind::Call: {
      auto* c = static_cast<CallExpr*>(n);
      node(c->fun);
      return list(c->args);
    }
    case NodeKind::Star: return node(static_cast<StarExpr*>(n)->x);
    case NodeKind::Unary: return node(static_cast<UnaryExpr*>(n)->x);
    case NodeKind::Binary: {
      auto* b = static_cast<BinaryExpr*>(n);
      node(b->x);
      return node(b->y);
    }
    case NodeKind::KeyValue: {
      auto* kv = static_cast<KeyValueExpr*>(n);
      node(kv->key);
      return node(kv->val);
    }
    GOL_CASES(GOL_TYPE_KINDS) GOL_CASES(GOL_STMT_KINDS) GOL_CASES(GOL_DECL_KINDS) return;
  }
}

void Walker::typeChildren(Expr* n) {
  switch (n->kind) {
    case NodeKind::ArrayType: {
      auto* a = static_cast<ArrayTypeExpr*>(n);
      node(a->len);
      return node(a->elem);
    }
    case NodeKind::StructType: return fields(static_cast<StructTypeExpr*>(n)->fields);
    case NodeKind::FuncType: {
      auto* f = static_cast<FuncTypeExpr*>(n);
      fields(f->params);
      return fields(f->results);
    }
    case NodeKind::InterfaceType: {
      auto* it = static_cast<InterfaceTypeExpr*>(n);
      for (auto& m : it->methods) node(m.sig);
      return list(it->embeds);
    }
    case NodeKind::MapType: {
      auto* m = static_cast<MapTypeExpr*>(n);
      node(m->key);
      return node(m->val);
    }
    case NodeKind::ChanType: return node(static_cast<ChanTypeExpr*>(n)->elem);
    case NodeKind::Ellipsis: return node(static_cast<EllipsisExpr*>(n)->elem);
    GOL_CASES(GOL_EXPR_KINDS) GOL_CASES(GOL_STMT_KINDS) GOL_CASES(GOL_DECL_KINDS) return;
  }
}

void Walker::stmtChildren(Stmt* n) {
  switch (n->kind) {
    case NodeKind::BadStmt:
    case NodeKind::EmptyStmt:
    case NodeKind::BranchStmt: return;
    case NodeKind::DeclStmt: return node(static_cast<DeclStmt*>(n)->decl);
    case NodeKind::LabeledStmt: return node(static_cast<LabeledStmt*>(n)->stmt);
    case NodeKind::ExprStmt: return node(static_cast<ExprStmt*>(n)->x);
    case NodeKind::SendStmt: {
      auto* s = static_cast<SendStmt*>(n);
      node(s->chan);
      return node(s->val);
    }
    case NodeKind::IncDecStmt: return node(static_cast<IncDecStmt*>(n)->x);
    case NodeKind::AssignStmt: {
      auto* a = static_cast<AssignStmt*>(n);
      list(a->lhs);
      return list(a->rhs);
    }
    case NodeKind::GoStmt: return node(static_cast<GoStmt*>(n)->call);
    case NodeKind::DeferStmt: return node(static_cast<DeferStmt*>(n)->call);
    case NodeKind::ReturnStmt: return list(static_cast<ReturnStmt*>(n)->results);
    case NodeKind::Block: return stmts(static_cast<BlockStmt*>(n)->stmts);
    case NodeKind::If: {
      auto* s = static_cast<IfStmt*>(n);
      node(s->init);
      node(s->cond);
      node(s->then);
      return node(s->els);
    }
    case NodeKind::CaseClause: {
      auto* c = static_cast<CaseClause*>(n);
      list(c->list);
      return stmts(c->body);
    }
    case NodeKind::Switch: {
      auto* s = static_cast<SwitchStmt*>(n);
      node(s->init);
      node(s->tag);
      for (CaseClause* c : s->clauses) node(c);
      return;
    }
    case NodeKind::TypeSwitch: {
      auto* s = static_cast<TypeSwitchStmt*>(n);
      node(s->init);
      node(s->x);
      for (CaseClause* c : s->clauses) node(c);
      return;
    }
    case NodeKind::CommClause: {
      auto* c = static_cast<CommClause*>(n);
      node(c->comm);
      return stmts(c->body);
    }
    case NodeKind::Select:
      for (CommClause* c : static_cast<SelectStmt*>(n)->clauses) node(c);
      return;
    case NodeKind::For: {
      auto* f = static_cast<ForStmt*>(n);
      node(f->init);
      node(f->cond);
      node(f->post);
      return node(f->body);
    }
    case NodeKind::Range: {
      auto* r = static_cast<RangeStmt*>(n);
      node(r->key);
      node(r->value);
      node(r->x);
      return node(r->body);
    }
    GOL_CASES(GOL_EXPR_KINDS) GOL_CASES(GOL_TYPE_KINDS) GOL_CASES(GOL_DECL_KINDS) return;
  }
}

void Walker::declChildren(Node* n) {
  switch (n->kind) {
    case NodeKind::ImportSpec: return;
    case NodeKind::ValueSpec: {
      auto* v = static_cast<ValueSpec*>(n);
      node(v->typeExpr);
      return list(v->values);
    }
    case NodeKind::TypeSpec: return node(static_cast<TypeSpec*>(n)->typeExpr);
    case NodeKind::GenDecl:
      for (Spec* s : static_cast<GenDecl*>(n)->specs) node(s);
      return;
    case NodeKind::FuncDecl: {
      auto* f = static_cast<FuncDecl*>(n);
      if (f->recv) node(f->recv->typeExpr);
      node(f->sig);
      return node(f->body);
    }
    GOL_CASES(GOL_EXPR_KINDS) GOL_CASES(GOL_TYPE_KINDS) GOL_CASES(GOL_STMT_KINDS) return;
  }
}

}  // namespace

void inspect(Node* n, const Visit& visit) { Walker{visit}.node(n); }

void inspectFiles(const std::vector<File*>& files, const Visit& visit) {
  Walker w{visit};
  for (File* f : files) {
    for (Decl* d : f->decls) w.node(d);
    w.stmts(f->script);
  }
}

}  // namespace gol::vet
