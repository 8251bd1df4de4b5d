// Statements: blocks, expression/send/inc-dec statements, go and defer, return, branches (with
// their targets), if, for (per-iteration loop variables) and range.
#include "check/checker.h"

namespace gol::check {

using namespace ast;

void Checker::stmtList(const StmtList& l) {
  for (auto* s : l) stmt(s);
}

void Checker::block(BlockStmt* b) {
  if (!b) return;
  openScope();
  stmtList(b->stmts);
  closeScope();
}

void Checker::pushTarget(Stmt* s, bool isLoop) {
  fn_->targets.push_back(BranchTarget{s, fn_->pendingLabel, isLoop});
  fn_->pendingLabel.clear();
}

void Checker::stmt(Stmt* s) {
  if (!s) return;
  if (!fn_) return;
  if (tooDeep(s->pos)) return;
  if (s->kind != NodeKind::LabeledStmt && s->kind != NodeKind::For && s->kind != NodeKind::Range &&
      s->kind != NodeKind::Switch && s->kind != NodeKind::TypeSwitch && s->kind != NodeKind::Select)
    fn_->pendingLabel.clear();
  switch (s->kind) {
    case NodeKind::BadStmt: case NodeKind::EmptyStmt: return;
    case NodeKind::DeclStmt: declStmt(static_cast<DeclStmt*>(s)->decl); return;
    case NodeKind::LabeledStmt: labeled(static_cast<LabeledStmt*>(s)); return;
    case NodeKind::ExprStmt: exprStmt(static_cast<ExprStmt*>(s)); return;
    case NodeKind::SendStmt: sendStmt(static_cast<SendStmt*>(s)); return;
    case NodeKind::IncDecStmt: incDec(static_cast<IncDecStmt*>(s)); return;
    case NodeKind::AssignStmt: assignStmt(static_cast<AssignStmt*>(s)); return;
    case NodeKind::GoStmt: goDefer(static_cast<GoStmt*>(s)->call, "go"); return;
    case NodeKind::DeferStmt:
      fn_->info->hasDefer = true;
      goDefer(static_cast<DeferStmt*>(s)->call, "defer");
      return;
    case NodeKind::ReturnStmt: returnStmt(static_cast<ReturnStmt*>(s)); return;
    case NodeKind::BranchStmt: branchStmt(static_cast<BranchStmt*>(s)); return;
    case NodeKind::Block: block(static_cast<BlockStmt*>(s)); return;
    case NodeKind::If: ifStmt(static_cast<IfStmt*>(s)); return;
    case NodeKind::Switch: switchStmt(static_cast<SwitchStmt*>(s)); return;
    case NodeKind::TypeSwitch: typeSwitch(static_cast<TypeSwitchStmt*>(s)); return;
    case NodeKind::Select: selectStmt(static_cast<SelectStmt*>(s)); return;
    case NodeKind::For: forStmt(static_cast<ForStmt*>(s)); return;
    case NodeKind::Range: rangeStmt(static_cast<RangeStmt*>(s)); return;
    default: errorf(s->pos, "unexpected statement"); return;
  }
}

void Checker::labeled(LabeledStmt* s) {
  if (s->label) fn_->pendingLabel = s->label->name;
  stmt(s->stmt);
  fn_->pendingLabel.clear();
}

// fmt.Println and friends: the REPL does not echo their (byte count, error) results.
static bool isFmtCall(Expr* e) {
  if (!e || e->kind != NodeKind::Call) return false;
  auto* c = static_cast<CallExpr*>(e);
  return c->info && c->info->func && c->info->func->package && c->info->func->package->path == "fmt";
}

void Checker::exprStmt(ExprStmt* s) {
  Operand x;
  rawExpr(s->x, x);
  if (x.invalid()) return;
  Expr* e = s->x;
  while (e && e->kind == NodeKind::Paren) e = static_cast<ParenExpr*>(e)->x;
  bool ok = false;
  if (e && e->kind == NodeKind::Call) {
    auto* c = static_cast<CallExpr*>(e);
    ok = true;
    if (c->info && c->info->kind == CallKind::Conversion) ok = false;
    if (c->info && c->info->kind == CallKind::Builtin) {
      switch (c->info->builtin) {
        case BuiltinId::Append: case BuiltinId::Cap: case BuiltinId::Len: case BuiltinId::Make:
        case BuiltinId::New: case BuiltinId::Min: case BuiltinId::Max:
          ok = false;
          break;
        default: break;
      }
    }
  } else if (e && e->kind == NodeKind::Unary && static_cast<UnaryExpr*>(e)->op == Tok::Arrow) {
    ok = true;
  }
  if (replEcho_ && scriptTop_ && scope_ == pkgScope_ && x.mode != ExprMode::NoValue && !isFmtCall(e)) {
    if (x.type && isUntyped(x.type)) convertUntyped(x, defaultType(x.type));
    replEcho_->push_back(s);  // the REPL prints the value(s)
    return;
  }
  if (!ok) {
    errorf(startPos(s->x), describe(x) + " is not used");
    return;
  }
  if (x.mode != ExprMode::NoValue && x.type && isUntyped(x.type)) convertUntyped(x, defaultType(x.type));
}

void Checker::sendStmt(SendStmt* s) {
  Operand ch, v;
  expr(s->chan, ch);
  expr(s->val, v);
  if (ch.invalid() || v.invalid()) return;
  const Type* u = ch.type->underlying();
  if (u->kind != Kind::Chan) {
    errorf(s->pos, "invalid operation: cannot send to non-channel " + describe(ch));
    return;
  }
  if (u->dir == ChanDirection::Recv) {
    errorf(s->pos, "invalid operation: cannot send to receive-only channel " + describe(ch));
    return;
  }
  assignment(v, u->elem, "send");
}

void Checker::incDec(IncDecStmt* s) {
  Operand x;
  expr(s->x, x);
  if (x.invalid()) return;
  if (!isNumeric(x.type)) {
    errorf(startPos(s->x), std::string("invalid operation: ") + exprString(s->x) + (s->inc ? "++" : "--") +
                               " (non-numeric type " + typeStr(x.type) + ")");
    return;
  }
  Operand lhs;
  lhsOperand(s->x, lhs);
}

void Checker::goDefer(CallExpr* c, const char* what) {
  if (!c) return;
  Operand x;
  rawExpr(c, x);
  if (x.invalid()) return;
  if (c->info && c->info->kind == CallKind::Conversion) {
    errorf(startPos(c), std::string(what) + " requires function call, not conversion");
    return;
  }
  if (c->info && c->info->kind == CallKind::Builtin) {
    switch (c->info->builtin) {
      case BuiltinId::Append: case BuiltinId::Cap: case BuiltinId::Len: case BuiltinId::Make:
      case BuiltinId::New: case BuiltinId::Min: case BuiltinId::Max:
        errorf(startPos(c), std::string(what) + " discards result of " + exprString(c));
        return;
      default: break;
    }
  }
}

void Checker::returnStmt(ReturnStmt* s) {
  const Type* sig = fn_->sig;
  auto& results = sig->results;
  if (s->results.empty()) {
    if (!results.empty() && !fn_->info->namedResults) {
      std::string want = "(";
      for (size_t i = 0; i < results.size(); i++) want += (i ? ", " : "") + typeStr(results[i]);
      errorf(s->pos, "not enough return values\n\thave ()\n\twant " + want + ")");
    }
    return;
  }
  if (results.empty()) {
    Operand x;
    rawExpr(s->results[0], x);
    errorf(startPos(s->results[0]), "too many return values");
    return;
  }
  std::vector<Operand> ops;
  if (s->results.size() == 1 && results.size() > 1) {
    multiExpr(s->results[0], ops);
  } else {
    for (auto* e : s->results) {
      Operand x;
      expr(e, x);
      ops.push_back(x);
    }
  }
  for (auto& o : ops)
    if (o.invalid()) return;
  auto list = [&](bool have) {
    std::string out = "(";
    if (have) {
      for (size_t i = 0; i < ops.size(); i++) {
        const Type* t = ops[i].type;
        out += (i ? ", " : "") + ((t && isUntyped(t) && isNumeric(t)) ? std::string("number") : typeStr(t));
      }
    } else {
      for (size_t i = 0; i < results.size(); i++) out += (i ? ", " : "") + typeStr(results[i]);
    }
    return out + ")";
  };
  if (ops.size() != results.size()) {
    bool many = ops.size() > results.size();
    Pos at = many ? (s->results.size() > results.size() ? startPos(s->results[results.size()]) : startPos(s->results[0]))
                  : s->pos;
    errorf(at, std::string(many ? "too many" : "not enough") + " return values\n\thave " + list(true) +
                   "\n\twant " + list(false));
    return;
  }
  for (size_t i = 0; i < ops.size(); i++) assignment(ops[i], results[i], "return statement");
}

void Checker::branchStmt(BranchStmt* s) {
  auto& ts = fn_->targets;
  switch (s->tok) {
    case Tok::Goto: return;  // checkLabels resolves it, after the whole body
    case Tok::Fallthrough: return;  // placement is checked by the switch
    case Tok::Break: case Tok::Continue: {
      bool isBreak = s->tok == Tok::Break;
      if (s->label) {
        for (size_t i = ts.size(); i-- > 0;) {
          if (ts[i].label != s->label->name) continue;
          if (!isBreak && !ts[i].isLoop) {
            errorf(s->label->pos, "invalid continue label " + s->label->name);
            return;
          }
          s->target = ts[i].stmt;
          return;
        }
        errorf(s->label->pos, std::string(isBreak ? "invalid break label " : "invalid continue label ") + s->label->name);
        return;
      }
      for (size_t i = ts.size(); i-- > 0;) {
        if (!isBreak && !ts[i].isLoop) continue;
        s->target = ts[i].stmt;
        return;
      }
      errorf(s->pos, isBreak ? "break is not in a loop, switch, or select" : "continue is not in a loop");
      return;
    }
    default: return;
  }
}

void Checker::condition(Expr* e, const char* what) {
  Operand x;
  expr(e, x);
  if (x.invalid()) return;
  if (!isBoolean(x.type)) {
    errorf(startPos(e), std::string("non-boolean condition in ") + what + " statement");
    return;
  }
  if (isUntyped(x.type)) convertUntyped(x, types_.basic(Kind::Bool));
}

void Checker::ifStmt(IfStmt* s) {
  openScope();
  stmt(s->init);
  if (s->cond) condition(s->cond, "if");
  block(s->then);
  if (s->els) stmt(s->els);
  closeScope();
}

void Checker::forStmt(ForStmt* s) {
  openScope();
  pushTarget(s, true);
  Scope* loopScope = scope_;
  stmt(s->init);
  // Variables declared by the init statement are per-iteration (Go 1.22).
  for (auto& [name, sym] : loopScope->names)
    if (sym->kind == SymKind::Var) s->loopVars.push_back(sym);
  std::sort(s->loopVars.begin(), s->loopVars.end(), [](Symbol* a, Symbol* b) { return a->index < b->index; });
  if (s->cond) condition(s->cond, "for");
  stmt(s->post);
  block(s->body);
  fn_->targets.pop_back();
  closeScope();
}

void Checker::rangeStmt(RangeStmt* s) {
  openScope();
  pushTarget(s, true);
  auto* info = make<RangeInfo>();
  s->info = info;
  Operand x;
  expr(s->x, x);
  const Type* kt = nullptr;
  const Type* vt = nullptr;
  bool ok = !x.invalid();
  if (ok) {
    if (isUntyped(x.type) && x.mode == ExprMode::Constant && isNumeric(x.type)) {
      if (!constant::isIntegral(x.val)) ok = false;
      else convertUntyped(x, types_.basic(Kind::Int));
    } else if (isUntyped(x.type)) {
      convertUntyped(x, defaultType(x.type));
    }
  }
  if (ok) {
    const Type* u = x.type->underlying();
    switch (u->kind) {
      case Kind::String: info->kind = RangeInfo::String; kt = types_.basic(Kind::Int); vt = types_.runeType(); break;
      case Kind::Array: info->kind = RangeInfo::Array; kt = types_.basic(Kind::Int); vt = u->elem; break;
      case Kind::Slice: info->kind = RangeInfo::Slice; kt = types_.basic(Kind::Int); vt = u->elem; break;
      case Kind::Map: info->kind = RangeInfo::Map; kt = u->key; vt = u->elem; break;
      case Kind::Chan:
        info->kind = RangeInfo::Chan;
        kt = u->elem;
        if (u->dir == ChanDirection::Send) {
          errorf(startPos(s->x), "invalid operation: range " + exprString(s->x) + " receive from send-only channel");
          ok = false;
        }
        if (s->value) {
          errorf(startPos(s->value), "range over " + describe(x) + " permits only one iteration variable");
          ok = false;
        }
        break;
      case Kind::Pointer:
        if (u->elem->underlying()->kind == Kind::Array) {
          info->kind = RangeInfo::PtrArray;
          kt = types_.basic(Kind::Int);
          vt = u->elem->underlying()->elem;
          break;
        }
        ok = false;
        break;
      default:
        if (isInteger(x.type)) {
          info->kind = RangeInfo::Int;
          kt = x.type;
          if (s->value) {
            errorf(startPos(s->value), "range over " + describe(x) + " permits only one iteration variable");
            ok = false;
          }
          break;
        }
        ok = false;
    }
    if (!ok && info->kind != RangeInfo::Chan && info->kind != RangeInfo::Int)
      errorf(startPos(s->x), "cannot range over " + describe(x));
  }
  Expr* lhs[2] = {s->key, s->value};
  const Type* types[2] = {kt, vt};
  if (s->tok == Tok::Define) {
    Symbol* syms[2] = {nullptr, nullptr};
    for (int i = 0; i < 2; i++) {
      if (!lhs[i]) continue;
      if (lhs[i]->kind != NodeKind::Ident) {
        errorf(startPos(lhs[i]), "non-name " + exprString(lhs[i]) + " on left side of :=");
        continue;
      }
      auto* id = static_cast<Ident*>(lhs[i]);
      const Type* t = ok && types[i] ? types[i] : types_.basic(Kind::Invalid);
      syms[i] = newVar(id, t);
      id->mode = ExprMode::Variable;
      id->type = t;
    }
    for (int i = 0; i < 2; i++)
      if (syms[i]) declare(scope_, syms[i], syms[i]->pos);
    info->keyVar = syms[0] && syms[0]->name != "_" ? syms[0] : nullptr;
    info->valueVar = syms[1] && syms[1]->name != "_" ? syms[1] : nullptr;
  } else if (s->tok == Tok::Assign) {
    for (int i = 0; i < 2; i++) {
      if (!lhs[i]) continue;
      Operand l;
      if (!lhsOperand(lhs[i], l) || !ok || !types[i] || l.mode == ExprMode::Invalid) continue;
      if (l.type) {
        Operand v;
        v.mode = ExprMode::Value;
        v.type = types[i];
        v.expr = lhs[i];
        std::string reason;
        if (!assignableTo(v, l.type, &reason))
          errorf(startPos(lhs[i]), "cannot use " + exprString(lhs[i]) + " (value of type " + typeStr(types[i]) +
                                       ") as " + typeStr(l.type) + " value in range");
      }
    }
  }
  block(s->body);
  fn_->targets.pop_back();
  closeScope();
}

}  // namespace gol::check
