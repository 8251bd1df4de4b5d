// Functions: frame layout (receiver, params, results, then locals), variables and where each use
// finds them (local slot, global, or a capture of the enclosing closure chain), bodies of
// declared functions and literals, and the terminating-statement analysis for `missing return`.
#include "check/checker.h"

namespace gol::check {

using namespace ast;

FuncInfo* Checker::newFuncInfo(const std::string& name, const Type* sig, FuncInfo* enclosing) {
  auto* f = make<FuncInfo>();
  f->name = name;
  f->sig = sig;
  f->enclosing = enclosing;
  return f;
}

Symbol* Checker::newLocalVar(const std::string& name, Pos pos, const Type* t) {
  auto* sym = newSymbol(SymKind::Var, name, pos, t);
  if (scriptTop_ && scope_ == pkgScope_) {
    // Script form: top-level variables are package-level globals.
    sym->global = true;
    sym->index = prog_->numGlobals++;
  } else if (fn_) {
    sym->owner = fn_->info;
    sym->index = fn_->info->numSlots++;
  } else {
    sym->global = true;
    sym->index = prog_->numGlobals++;
  }
  return sym;
}

Symbol* Checker::newVar(Ident* id, const Type* t) {
  Symbol* sym = newLocalVar(id->name, id->pos, t);
  noteLocalVar(sym);
  id->sym = sym;
  if (id->name != "_") id->ref = refFor(sym);
  return sym;
}

VarRef* Checker::refFor(Symbol* sym) {
  auto* r = make<VarRef>();
  r->sym = sym;
  r->boxed = false;
  if (sym->global) {
    r->kind = RefKind::Global;
    r->index = sym->index;
  } else if (!fn_ || !sym->owner || sym->owner == fn_->info) {
    r->kind = RefKind::Local;
    r->index = sym->index;
    refs_.push_back(r);  // boxed is known at the end
  } else {
    sym->boxed = true;
    r->kind = RefKind::Captured;
    r->index = captureIndex(fn_->info, sym);
    r->boxed = true;
  }
  return r;
}

int Checker::captureIndex(FuncInfo* f, Symbol* sym) {
  auto& m = captureIdx_[f];
  auto it = m.find(sym);
  if (it != m.end()) return it->second;
  VarRef r;
  r.sym = sym;
  r.boxed = true;
  if (!f->enclosing || f->enclosing == sym->owner) {
    r.kind = RefKind::Local;
    r.index = sym->index;
  } else {
    r.kind = RefKind::Captured;
    r.index = captureIndex(f->enclosing, sym);
  }
  int idx = int(f->captures.size());
  f->captures.push_back(r);
  captureIdx_[f][sym] = idx;
  return idx;
}

void Checker::declareParams(FuncTypeExpr* ft, const Type* sig, Field* recv, const Type* recvType) {
  FuncInfo* info = fn_->info;
  auto param = [&](Ident* id, Pos pos, const Type* t) {
    std::string name = id ? id->name : "_";
    Symbol* sym = newLocalVar(name, id ? id->pos : pos, t);
    if (id) {
      id->sym = sym;
      declare(scope_, sym, id->pos);
    }
    return sym;
  };
  if (recv) info->recv = param(recv->names.empty() ? nullptr : recv->names[0], recv->pos, recvType);
  size_t pi = 0;
  for (auto& f : ft->params) {
    if (f.names.empty()) {
      info->params.push_back(param(nullptr, f.pos, pi < sig->params.size() ? sig->params[pi] : nullptr));
      pi++;
    }
    for (auto* id : f.names) {
      info->params.push_back(param(id, f.pos, pi < sig->params.size() ? sig->params[pi] : nullptr));
      pi++;
    }
  }
  size_t ri = 0;
  for (auto& f : ft->results) {
    if (f.names.empty()) {
      info->results.push_back(param(nullptr, f.pos, ri < sig->results.size() ? sig->results[ri] : nullptr));
      ri++;
    }
    for (auto* id : f.names) {
      info->namedResults = true;
      info->results.push_back(param(id, f.pos, ri < sig->results.size() ? sig->results[ri] : nullptr));
      ri++;
    }
  }
}

void Checker::funcBody(FuncDecl* fd) {
  if (!fd->info || !fd->sig) return;
  Symbol* sym = funcSyms_[fd];
  DeclInfo* d = declInfo_[sym];
  FuncCtx ctx;
  ctx.info = fd->info;
  ctx.sig = fd->info->sig;
  auto savedScope = scope_;
  auto savedDecl = curDecl_;
  fn_ = &ctx;
  scope_ = newScope(d ? d->fileScope : pkgScope_);
  curDecl_ = d;
  const Type* recvType = nullptr;
  if (fd->recv) recvType = typeOf(fd->recv->typeExpr);
  declareParams(fd->sig, ctx.sig, fd->recv, recvType);
  if (fd->body) checkBody(fd->body, ctx.sig);
  fn_ = nullptr;
  scope_ = savedScope;
  curDecl_ = savedDecl;
}

void Checker::funcLitBody(FuncLit* fl, FuncInfo* info) {
  FuncCtx ctx;
  ctx.info = info;
  ctx.sig = info->sig;
  ctx.outer = fn_;
  auto savedFn = fn_;
  auto savedScope = scope_;
  auto savedTop = scriptTop_;
  auto savedIota = iota_;
  fn_ = &ctx;
  scope_ = newScope(scope_);
  scriptTop_ = false;
  iota_ = -1;
  declareParams(fl->sig, info->sig, nullptr, nullptr);
  if (fl->body) checkBody(fl->body, info->sig);
  fn_ = savedFn;
  scope_ = savedScope;
  scriptTop_ = savedTop;
  iota_ = savedIota;
}

void Checker::checkBody(BlockStmt* body, const Type* sig) {
  // Parameters and the body's top-level declarations share one block (Go spec).
  stmtList(body->stmts);
  checkLabels(body->stmts, body->pos);
  if (!sig->results.empty() && !isTerminatingList(body->stmts)) errorf(body->rbrace, "missing return");
}

bool Checker::isTerminatingList(const StmtList& l) {
  for (size_t i = l.size(); i-- > 0;) {
    if (!l[i] || l[i]->kind == NodeKind::EmptyStmt) continue;
    return isTerminating(l[i]);
  }
  return false;
}

bool Checker::isTerminating(Stmt* s) {
  if (!s) return false;
  switch (s->kind) {
    case NodeKind::ReturnStmt: return true;
    case NodeKind::BranchStmt: return static_cast<BranchStmt*>(s)->tok == Tok::Goto;
    case NodeKind::ExprStmt: {
      Expr* x = static_cast<ExprStmt*>(s)->x;
      while (x && x->kind == NodeKind::Paren) x = static_cast<ParenExpr*>(x)->x;
      if (!x || x->kind != NodeKind::Call) return false;
      auto* c = static_cast<CallExpr*>(x);
      return c->info && c->info->kind == CallKind::Builtin && c->info->builtin == BuiltinId::Panic;
    }
    case NodeKind::Block: return isTerminatingList(static_cast<BlockStmt*>(s)->stmts);
    case NodeKind::If: {
      auto* i = static_cast<IfStmt*>(s);
      return i->els && isTerminating(i->then) && isTerminating(i->els);
    }
    case NodeKind::For: {
      auto* f = static_cast<ForStmt*>(s);
      return !f->cond && !hasBreak(f->body, s);
    }
    case NodeKind::LabeledStmt: return isTerminating(static_cast<LabeledStmt*>(s)->stmt);
    case NodeKind::Switch: case NodeKind::TypeSwitch: {
      auto& clauses = s->kind == NodeKind::Switch ? static_cast<SwitchStmt*>(s)->clauses
                                                  : static_cast<TypeSwitchStmt*>(s)->clauses;
      bool hasDefault = false;
      for (auto* c : clauses) {
        if (!c) continue;
        hasDefault |= c->isDefault;
        if (hasBreak(c, s)) return false;
        bool fall = false;
        for (size_t i = c->body.size(); i-- > 0;) {
          if (!c->body[i] || c->body[i]->kind == NodeKind::EmptyStmt) continue;
          fall = c->body[i]->kind == NodeKind::BranchStmt && static_cast<BranchStmt*>(c->body[i])->tok == Tok::Fallthrough;
          break;
        }
        if (!fall && !isTerminatingList(c->body)) return false;
      }
      return hasDefault;
    }
    case NodeKind::Select: {
      for (auto* c : static_cast<SelectStmt*>(s)->clauses) {
        if (!c) continue;
        if (hasBreak(c, s) || !isTerminatingList(c->body)) return false;
      }
      return true;
    }
    default: return false;
  }
}

bool Checker::hasBreak(Stmt* s, Stmt* target) {
  if (!s) return false;
  auto list = [&](const StmtList& l) {
    for (auto* x : l)
      if (hasBreak(x, target)) return true;
    return false;
  };
  switch (s->kind) {
    case NodeKind::BranchStmt: {
      auto* b = static_cast<BranchStmt*>(s);
      return b->tok == Tok::Break && b->target == target;
    }
    case NodeKind::Block: return list(static_cast<BlockStmt*>(s)->stmts);
    case NodeKind::If: {
      auto* i = static_cast<IfStmt*>(s);
      return hasBreak(i->then, target) || hasBreak(i->els, target);
    }
    case NodeKind::LabeledStmt: return hasBreak(static_cast<LabeledStmt*>(s)->stmt, target);
    case NodeKind::CaseClause: return list(static_cast<CaseClause*>(s)->body);
    case NodeKind::CommClause: return list(static_cast<CommClause*>(s)->body);
    case NodeKind::Switch:
      for (auto* c : static_cast<SwitchStmt*>(s)->clauses)
        if (hasBreak(c, target)) return true;
      return false;
    case NodeKind::TypeSwitch:
      for (auto* c : static_cast<TypeSwitchStmt*>(s)->clauses)
        if (hasBreak(c, target)) return true;
      return false;
    case NodeKind::Select:
      for (auto* c : static_cast<SelectStmt*>(s)->clauses)
        if (hasBreak(c, target)) return true;
      return false;
    case NodeKind::For: return hasBreak(static_cast<ForStmt*>(s)->body, target);
    case NodeKind::Range: return hasBreak(static_cast<RangeStmt*>(s)->body, target);
    default: return false;
  }
}

}  // namespace gol::check
