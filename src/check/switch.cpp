// Switch statements (expression and type switches, fallthrough placement) and select.
#include "check/checker.h"

#include <optional>
#include <tuple>

#include "base/source.h"

namespace gol::check {

using namespace ast;

// gc's second line of a duplicate-case error: "\tprog.go:7:7: previous case".
static std::string previousCase(Pos p) {
  Position at = SourceTable::global().decode(p);
  return "\n\t" + at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.col) + ": previous case";
}

// Checks a clause body in its own scope; `fallthrough` must be its last statement and not in
// the last clause.
void Checker::caseBody(CaseClause* c, bool last) {
  for (size_t i = 0; i < c->body.size(); i++) {
    Stmt* s = c->body[i];
    if (!s || s->kind != NodeKind::BranchStmt || static_cast<BranchStmt*>(s)->tok != Tok::Fallthrough) continue;
    bool isLast = true;
    for (size_t j = i + 1; j < c->body.size(); j++)
      if (c->body[j] && c->body[j]->kind != NodeKind::EmptyStmt) isLast = false;
    if (!isLast) errorf(s->pos, "fallthrough statement out of place");
    else if (last) errorf(s->pos, "cannot fallthrough final case in switch");
    else static_cast<BranchStmt*>(s)->target = fn_->targets.back().stmt;
  }
  stmtList(c->body);
}

void Checker::switchStmt(SwitchStmt* s) {
  openScope();
  pushTarget(s, false);
  stmt(s->init);
  Operand tag;
  bool haveTag = s->tag != nullptr;
  if (haveTag) {
    expr(s->tag, tag);
    if (!tag.invalid()) {
      if (tag.mode == ExprMode::Nil) {
        errorf(startPos(s->tag), "use of untyped nil in switch expression");
        tag.mode = ExprMode::Invalid;
      } else {
        assignment(tag, nullptr, "switch expression");
        if (!isComparable(tag.type)) {
          errorf(startPos(s->tag), "cannot switch on " + describe(tag));
          tag.mode = ExprMode::Invalid;
        }
      }
    }
  }
  bool seenDefault = false;
  std::vector<std::tuple<ConstValue, const Type*, Pos>> seenConsts;  // constant cases so far
  for (size_t ci = 0; ci < s->clauses.size(); ci++) {
    CaseClause* c = s->clauses[ci];
    if (!c) continue;
    if (c->isDefault) {
      if (seenDefault) errorf(c->pos, "multiple defaults in switch");
      seenDefault = true;
    }
    for (auto* e : c->list) {
      Operand v;
      expr(e, v);
      if (v.invalid()) continue;
      if (!haveTag) {
        if (!isBoolean(v.type)) {
          errorf(startPos(e), "invalid case " + exprString(e) + " in switch (mismatched types " + typeStr(v.type) +
                                  " and bool)");
          continue;
        }
        if (isUntyped(v.type)) convertUntyped(v, types_.basic(Kind::Bool));
        continue;
      }
      if (tag.invalid()) continue;
      Operand t = tag, x = v;
      t.expr = s->tag;
      if (!matchTypes(x, t)) {
        errorf(startPos(e), "invalid case " + exprString(e) + " in switch on " + exprString(s->tag) +
                                " (mismatched types " + typeStr(v.type) + " and " + typeStr(tag.type) + ")");
        continue;
      }
      std::string r1, r2;
      if (!assignableTo(x, tag.type, &r1) && !assignableTo(t, x.type, &r2)) {
        errorf(startPos(e), "invalid case " + exprString(e) + " in switch on " + exprString(s->tag) +
                                " (mismatched types " + typeStr(x.type) + " and " + typeStr(tag.type) + ")");
        continue;
      }
      if (isUntyped(x.type)) convertUntyped(x, defaultType(x.type));
      if (x.mode == ExprMode::Constant && x.val.kind != ConstValue::Kind::Unknown) {
        for (const auto& [pv, pt, pp] : seenConsts) {
          if (identical(pt, x.type) && constant::compare(Tok::Eql, pv, x.val)) {
            errorf(startPos(e), "duplicate case " + describe(x) + " in expression switch" + previousCase(pp));
            break;
          }
        }
        seenConsts.emplace_back(x.val, x.type, startPos(e));
      }
    }
    openScope();
    caseBody(c, ci + 1 == s->clauses.size());
    closeScope();
  }
  fn_->targets.pop_back();
  closeScope();
}

void Checker::typeSwitch(TypeSwitchStmt* s) {
  // `switch v := x.(type)`: one symbol per clause, and v is used if any clause uses it
  std::optional<size_t> bindGroup;
  if (s->bind && s->bind->name != "_" && strictHere() && fn_) {
    bindGroup = localVars_.size();
    Symbol* whole = newSymbol(SymKind::Var, s->bind->name, s->bind->pos, types_.basic(Kind::Bool));
    localVars_.push_back({whole});
  }
  openScope();
  pushTarget(s, false);
  stmt(s->init);
  Operand x;
  expr(s->x, x);
  bool ok = !x.invalid();
  if (ok && !isInterface(x.type)) {
    errorf(startPos(s->x), describe(x) + " is not an interface");
    ok = false;
  }
  bool seenDefault = false;
  std::vector<std::pair<const Type*, Pos>> seenTypes;  // case types so far
  for (auto* c : s->clauses) {
    if (!c) continue;
    if (c->isDefault) {
      if (seenDefault) errorf(c->pos, "multiple defaults in switch");
      seenDefault = true;
    }
    const Type* single = nullptr;
    int count = 0;
    for (auto* e : c->list) {
      count++;
      if (e && e->kind == NodeKind::Ident && static_cast<Ident*>(e)->name == "nil" &&
          lookup("nil") && lookup("nil")->kind == SymKind::Nil) {
        e->mode = ExprMode::Nil;
        e->type = ok ? x.type : types_.basic(Kind::UntypedNil);
        static_cast<Ident*>(e)->sym = lookup("nil");
        single = nullptr;
        continue;
      }
      const Type* t = typeOf(e);
      if (t->kind == Kind::Invalid || !ok) continue;
      bool dup = false;
      for (const auto& [pt, pp] : seenTypes) {
        if (!identical(pt, t)) continue;
        errorf(startPos(e), "duplicate case " + typeStr(t) + " in type switch" + previousCase(pp));
        dup = true;
        break;
      }
      if (!dup) seenTypes.emplace_back(t, startPos(e));
      std::string missing;
      bool wrong;
      if (!isInterface(t) && !implements(t, x.type, &missing, &wrong)) {
        errorf(startPos(e), "impossible type switch case: " + exprString(s->x) + " (" +
                                describe(x).substr(exprString(s->x).size() + 2) + " cannot have dynamic type " +
                                typeStr(t) + " (missing method " + missing + ")");
        continue;
      }
      single = t;
    }
    openScope();
    if (s->bind) {
      const Type* vt = count == 1 && single ? single : (ok ? x.type : types_.basic(Kind::Invalid));
      Symbol* sym = newLocalVar(s->bind->name, s->bind->pos, vt);
      if (bindGroup) localVars_[*bindGroup].push_back(sym);
      c->implicitVar = sym;
      declare(scope_, sym, s->bind->pos);
    }
    for (auto* st : c->body)
      if (st && st->kind == NodeKind::BranchStmt && static_cast<BranchStmt*>(st)->tok == Tok::Fallthrough)
        errorf(st->pos, "cannot fallthrough in type switch");
    stmtList(c->body);
    closeScope();
  }
  fn_->targets.pop_back();
  closeScope();
}

void Checker::selectStmt(SelectStmt* s) {
  pushTarget(s, false);
  bool seenDefault = false;
  std::vector<std::pair<const Type*, Pos>> seenTypes;  // case types so far
  for (auto* c : s->clauses) {
    if (!c) continue;
    openScope();
    if (!c->comm) {
      if (seenDefault) errorf(c->pos, "multiple defaults in select");
      seenDefault = true;
    } else {
      bool valid = false;
      Stmt* comm = c->comm;
      auto isRecv = [](Expr* e) {
        while (e && e->kind == NodeKind::Paren) e = static_cast<ParenExpr*>(e)->x;
        return e && e->kind == NodeKind::Unary && static_cast<UnaryExpr*>(e)->op == Tok::Arrow;
      };
      if (comm->kind == NodeKind::SendStmt) valid = true;
      else if (comm->kind == NodeKind::ExprStmt) valid = isRecv(static_cast<ExprStmt*>(comm)->x);
      else if (comm->kind == NodeKind::AssignStmt) {
        auto* a = static_cast<AssignStmt*>(comm);
        valid = a->rhs.size() == 1 && isRecv(a->rhs[0]) && a->lhs.size() <= 2 &&
                (a->op == Tok::Assign || a->op == Tok::Define);
      }
      if (!valid) errorf(comm->pos, "select case must be receive, send or assign recv");
      stmt(comm);
    }
    stmtList(c->body);
    closeScope();
  }
  fn_->targets.pop_back();
}

}  // namespace gol::check
