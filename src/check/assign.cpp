// Assignments (=, op=, :=), multi-value and comma-ok right-hand sides, and local declarations
// (var, const with iota, type).
#include "check/checker.h"

namespace gol::check {

using namespace ast;

static Expr* unparen(Expr* e) {
  while (e && e->kind == NodeKind::Paren) e = static_cast<ParenExpr*>(e)->x;
  return e;
}

static bool isBlank(Expr* e) {
  return e && e->kind == NodeKind::Ident && static_cast<Ident*>(e)->name == "_";
}

static std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool Checker::rhsValues(const ExprList& rhs, size_t nlhs, std::vector<Operand>& out, Pos pos, bool isDecl) {
  if (rhs.size() == nlhs) {
    for (auto* e : rhs) {
      Operand x;
      expr(e, x);
      out.push_back(x);
    }
    return true;
  }
  if (rhs.size() == 1 && nlhs > 1) {
    Operand x;
    rawExpr(rhs[0], x);
    if (x.invalid()) return false;
    if (x.mode == ExprMode::Value && x.type && x.type->kind == Kind::Tuple) {
      if (x.type->fields.size() == nlhs) {
        multiExpr(rhs[0], out);
        return true;
      }
      errorf(startPos(rhs[0]), "assignment mismatch: " + plural(nlhs, "variable") + " but " + exprString(rhs[0]) +
                                   " returns " + plural(x.type->fields.size(), "value"));
      return false;
    }
    Expr* inner = unparen(rhs[0]);
    bool commaOk = nlhs == 2 && inner &&
                   ((inner->kind == NodeKind::Index && x.mode == ExprMode::MapIndex) ||
                    (inner->kind == NodeKind::TypeAssert && x.mode == ExprMode::Value) ||
                    (inner->kind == NodeKind::Unary && static_cast<UnaryExpr*>(inner)->op == Tok::Arrow &&
                     x.mode == ExprMode::Value));
    if (commaOk) {
      // The expression yields (value, ok): marked CommaOk, its type stays the value's type.
      rhs[0]->mode = ExprMode::CommaOk;
      inner->mode = ExprMode::CommaOk;
      x.mode = ExprMode::Value;
      out.push_back(x);
      Operand ok;
      ok.mode = ExprMode::Value;
      ok.type = types_.basic(Kind::UntypedBool);
      ok.expr = rhs[0];
      out.push_back(ok);
      return true;
    }
    errorf(startPos(rhs[0]), "assignment mismatch: " + plural(nlhs, "variable") + " but " + plural(1, "value"));
    return false;
  }
  for (auto* e : rhs) {
    Operand x;
    rawExpr(e, x);
  }
  Expr* at = rhs.empty() ? nullptr : rhs[0];
  errorf(at ? startPos(at) : pos, "assignment mismatch: " + plural(nlhs, "variable") + " but " +
                                      plural(rhs.size(), "value"));
  (void)isDecl;
  return false;
}

bool Checker::lhsOperand(Expr* e, Operand& x) {
  x = Operand{};
  x.expr = e;
  if (isBlank(e)) return true;
  // Assigning to a variable is not a use of it (x.f = 1 and a[i] = 1 are: they read x and a).
  Expr* bare = unparen(e);
  Symbol* v = bare && bare->kind == NodeKind::Ident ? lookup(static_cast<Ident*>(bare)->name) : nullptr;
  bool wasUsed = v && v->used;
  expr(e, x);
  if (v && v->kind == SymKind::Var) v->used = wasUsed;
  if (x.invalid()) return false;
  if (x.mode == ExprMode::Variable || x.mode == ExprMode::MapIndex) return true;
  Expr* inner = unparen(e);
  if (inner && inner->kind == NodeKind::Selector && static_cast<SelectorExpr*>(inner)->x->mode == ExprMode::MapIndex) {
    errorf(startPos(e), "cannot assign to struct field " + exprString(e) + " in map");
  } else if (x.mode == ExprMode::Constant || x.mode == ExprMode::Nil || x.mode == ExprMode::Value) {
    std::string d = describe(x);
    if (x.mode == ExprMode::Value) d = exprString(e) + " (neither addressable nor a map index expression)";
    errorf(startPos(e), "cannot assign to " + d);
  } else {
    errorf(startPos(e), "cannot assign to " + exprString(e));
  }
  x.mode = ExprMode::Invalid;
  return false;
}

void Checker::assignStmt(AssignStmt* s) {
  switch (s->op) {
    case Tok::Assign: assignVars(s); return;
    case Tok::Define: shortVarDecl(s); return;
    default: assignOp(s); return;
  }
}

void Checker::assignVars(AssignStmt* s) {
  std::vector<Operand> lhs(s->lhs.size());
  bool lhsOk = true;
  for (size_t i = 0; i < s->lhs.size(); i++) lhsOk &= lhsOperand(s->lhs[i], lhs[i]);
  std::vector<Operand> rhs;
  if (!rhsValues(s->rhs, s->lhs.size(), rhs, s->pos, false)) return;
  for (size_t i = 0; i < rhs.size() && i < lhs.size(); i++) {
    if (isBlank(s->lhs[i])) {
      assignment(rhs[i], nullptr, "assignment");
      continue;
    }
    if (lhs[i].invalid()) continue;
    assignment(rhs[i], lhs[i].type, "assignment");
  }
  (void)lhsOk;
}

void Checker::assignOp(AssignStmt* s) {
  if (s->lhs.size() != 1 || s->rhs.size() != 1) {
    errorf(s->opPos, std::string("assignment operation ") + tokString(s->op) + " requires single-valued expressions");
    return;
  }
  if (isBlank(s->lhs[0])) {  // x op= y reads x, and _ has no value (found by fuzz_program)
    errorf(unparen(s->lhs[0])->pos, "cannot use _ as value");
    Operand y;
    rawExpr(s->rhs[0], y);
    return;
  }
  Operand l;
  bool lhsOk = lhsOperand(s->lhs[0], l);
  // x op= y reads x: a use, unlike x = y
  if (Expr* bare = unparen(s->lhs[0]); bare && bare->kind == NodeKind::Ident && static_cast<Ident*>(bare)->sym)
    static_cast<Ident*>(bare)->sym->used = true;
  if (!lhsOk || l.invalid()) {
    Operand y;
    rawExpr(s->rhs[0], y);
    return;
  }
  Operand x = l, y;
  expr(s->rhs[0], y);
  if (y.invalid()) return;
  binaryOp(s->lhs[0], binaryOpOf(s->op), x, y, s->opPos);
  if (x.invalid()) return;
  x.expr = s->rhs[0];
  assignment(x, l.type, "assignment");
}

void Checker::shortVarDecl(AssignStmt* s) {
  std::vector<Ident*> ids;
  bool bad = false;
  std::set<std::string> seen;
  for (auto* e : s->lhs) {
    if (!e || e->kind != NodeKind::Ident) {
      errorf(e ? startPos(e) : s->pos, "non-name " + exprString(e) + " on left side of :=");
      bad = true;
      ids.push_back(nullptr);
      continue;
    }
    auto* id = static_cast<Ident*>(e);
    if (id->name != "_" && !seen.insert(id->name).second) {
      errorf(id->pos, id->name + " repeated on left side of :=");
      bad = true;
    }
    ids.push_back(id);
  }
  std::vector<Operand> rhs;
  bool rhsOk = rhsValues(s->rhs, s->lhs.size(), rhs, s->pos, true);
  std::vector<Symbol*> fresh;
  bool anyNew = false;
  for (size_t i = 0; i < ids.size(); i++) {
    Ident* id = ids[i];
    if (!id) continue;
    Operand* x = rhsOk && i < rhs.size() ? &rhs[i] : nullptr;
    if (id->name == "_") {
      if (x) assignment(*x, nullptr, "assignment");
      continue;
    }
    bool replTop = replMode_ && scriptTop_ && scope_ == pkgScope_;  // REPL: `x := ...` again is new
    Symbol* old = replTop ? nullptr : scope_->lookupLocal(id->name);
    if (old && old->kind == SymKind::Var) {
      id->sym = old;
      id->ref = refFor(old);
      id->mode = ExprMode::Variable;
      id->type = old->type;
      if (x) assignment(*x, old->type, "assignment");
      continue;
    }
    anyNew = true;
    const Type* t = types_.basic(Kind::Invalid);
    if (x && !x->invalid()) {
      if (assignment(*x, nullptr, "assignment") && x->type) t = x->type;
      if (x->mode == ExprMode::NoValue) t = types_.basic(Kind::Invalid);
    }
    Symbol* sym = newVar(id, t);
    id->mode = ExprMode::Variable;
    id->type = t;
    fresh.push_back(sym);
  }
  if (!anyNew && !bad) errorf(s->opPos, "no new variables on left side of :=");
  for (auto* sym : fresh) declare(scope_, sym, sym->pos);
}

void Checker::declStmt(GenDecl* d) {
  if (!d) return;
  Expr* lastType = nullptr;
  const ExprList* lastValues = nullptr;
  for (auto* spec : d->specs) {
    if (!spec) continue;
    switch (d->tok) {
      case Tok::Var: localVarSpec(static_cast<ValueSpec*>(spec)); break;
      case Tok::Const: {
        auto* vs = static_cast<ValueSpec*>(spec);
        if (!vs->values.empty() || vs->typeExpr) {
          lastType = vs->typeExpr;
          lastValues = &vs->values;
        }
        static const ExprList none;
        constSpec(vs, lastType, lastValues ? *lastValues : none, false, pkg_);
        break;
      }
      case Tok::Type: localTypeSpec(static_cast<TypeSpec*>(spec)); break;
      default: errorf(spec->pos, "imports must appear before other declarations"); break;
    }
  }
}

void Checker::localVarSpec(ValueSpec* vs) {
  const Type* t = vs->typeExpr ? typeOf(vs->typeExpr) : nullptr;
  std::vector<Operand> rhs;
  bool ok = vs->values.empty() || rhsValues(vs->values, vs->names.size(), rhs, vs->pos, true);
  std::vector<Symbol*> syms;
  for (size_t i = 0; i < vs->names.size(); i++) {
    Ident* id = vs->names[i];
    if (!id) continue;
    const Type* vt = t;
    if (ok && i < rhs.size()) {
      Operand& x = rhs[i];
      if (t) {
        assignment(x, t, "variable declaration");
      } else {
        assignment(x, nullptr, "variable declaration");
        vt = x.invalid() || !x.type ? types_.basic(Kind::Invalid) : x.type;
      }
    }
    if (!vt) vt = types_.basic(Kind::Invalid);
    Symbol* sym = newVar(id, vt);
    id->mode = ExprMode::Variable;
    id->type = vt;
    syms.push_back(sym);
  }
  for (auto* s : syms) declare(scope_, s, s->pos);
}

ConstValue Checker::constInit(Expr* typ, Expr* value, const Type** t, int iota) {
  int saved = iota_;
  iota_ = iota;
  Operand x;
  expr(value, x);
  iota_ = saved;
  *t = types_.basic(Kind::Invalid);
  if (x.invalid()) return ConstValue{};
  if (x.mode != ExprMode::Constant) {
    errorf(startPos(value), describe(x) + " is not constant");
    return ConstValue{};
  }
  if (typ) {
    const Type* ct = typeOf(typ);
    if (ct->kind == Kind::Invalid) return ConstValue{};
    if (!isConstType(ct)) {
      errorf(startPos(typ), "invalid constant type " + typeStr(ct));
      return ConstValue{};
    }
    if (!assignment(x, ct, "constant declaration")) return ConstValue{};
    *t = ct;
    return x.val;
  }
  *t = x.type;
  return x.val;
}

void Checker::constSpec(ValueSpec* vs, Expr* typ, const ExprList& values, bool global, Package* pkg) {
  std::vector<Symbol*> syms;
  for (size_t i = 0; i < vs->names.size(); i++) {
    Ident* id = vs->names[i];
    if (!id) continue;
    auto* sym = newSymbol(SymKind::Const, id->name, id->pos, types_.basic(Kind::Invalid));
    id->sym = sym;
    if (i < values.size()) {
      const Type* t;
      sym->value = keep(constInit(typ, values[i], &t, vs->iota));
      sym->type = t;
    } else {
      errorf(id->pos, "missing init expr for const declaration");
      sym->value = keep(ConstValue{});
    }
    syms.push_back(sym);
  }
  if (values.size() > vs->names.size() && !values.empty())
    errorf(startPos(values[vs->names.size()]), "extra init expr");
  for (auto* s : syms) declare(scope_, s, s->pos);
  (void)global;
  (void)pkg;
}

void Checker::localTypeSpec(TypeSpec* ts) {
  if (!ts->name) return;
  auto* sym = newSymbol(SymKind::TypeName, ts->name->name, ts->name->pos, nullptr);
  ts->name->sym = sym;
  if (ts->alias) {
    sym->type = typeOf(ts->typeExpr);
    declare(scope_, sym, ts->name->pos);
    return;
  }
  Type* n = types_.newNamed(ts->name->name, pkg_->path == "main" ? "" : pkg_->path);
  sym->type = n;
  typeSyms_[n] = sym;
  declare(scope_, sym, ts->name->pos);  // before the underlying type: it may refer to itself
  n->underlying_ = typeOf(ts->typeExpr)->underlying();
  checkValidType(n);
}

}  // namespace gol::check
