// Expressions: dispatch, identifiers, literals, unary operators, dereference, indexing, slicing,
// type assertions and function literals. Every checked expression is annotated with its mode,
// type and (for constants) value by record().
#include "check/checker.h"

namespace gol::check {

using namespace ast;

void Checker::record(Expr* e, const Operand& x) {
  if (!e) return;
  e->mode = x.mode;
  e->type = x.type;
  e->value = x.mode == ExprMode::Constant ? keep(x.val) : nullptr;
}

void Checker::rawExpr(Expr* e, Operand& x, const Type* hint) {
  x = Operand{};
  x.expr = e;
  if (!e) return;
  if (tooDeep(e->pos)) return record(e, x);  // x is Invalid: the parents give up quietly
  switch (e->kind) {
    case NodeKind::Ident: ident(static_cast<Ident*>(e), x); break;
    case NodeKind::BasicLit: basicLit(static_cast<BasicLit*>(e), x); break;
    case NodeKind::CompositeLit: compositeLit(static_cast<CompositeLit*>(e), x, hint); break;
    case NodeKind::FuncLit: funcLit(static_cast<FuncLit*>(e), x); break;
    case NodeKind::Paren: {
      rawExpr(static_cast<ParenExpr*>(e)->x, x, hint);
      x.expr = e;
      break;
    }
    case NodeKind::Selector: selector(static_cast<SelectorExpr*>(e), x); break;
    case NodeKind::Index: index(static_cast<IndexExpr*>(e), x); break;
    case NodeKind::Slice: sliceExpr(static_cast<SliceExpr*>(e), x); break;
    case NodeKind::TypeAssert: typeAssert(static_cast<TypeAssertExpr*>(e), x); break;
    case NodeKind::Call: call(static_cast<CallExpr*>(e), x); break;
    case NodeKind::Star: star(static_cast<StarExpr*>(e), x); break;
    case NodeKind::Unary: unary(static_cast<UnaryExpr*>(e), x); break;
    case NodeKind::Binary: binary(static_cast<BinaryExpr*>(e), x); break;
    case NodeKind::KeyValue:
      errorf(e->pos, "unexpected key:value expression");
      break;
    case NodeKind::ArrayType: case NodeKind::StructType: case NodeKind::FuncType:
    case NodeKind::InterfaceType: case NodeKind::MapType: case NodeKind::ChanType:
      x.type = typeOf(e);
      x.mode = x.type->kind == Kind::Invalid ? ExprMode::Invalid : ExprMode::TypeExpr;
      break;
    case NodeKind::Ellipsis:
      errorf(e->pos, "invalid use of ...");
      break;
    default: break;
  }
  x.expr = e;
  record(e, x);
}

void Checker::exprOrType(Expr* e, Operand& x) {
  rawExpr(e, x);
  if (x.mode == ExprMode::NoValue) {
    errorf(startPos(e), exprString(e) + " (no value) used as value");
    x.mode = ExprMode::Invalid;
  }
}

void Checker::expr(Expr* e, Operand& x, const Type* hint) {
  rawExpr(e, x, hint);
  switch (x.mode) {
    case ExprMode::TypeExpr:
      errorf(startPos(e), exprString(e) + " (type) is not an expression");
      x.mode = ExprMode::Invalid;
      return;
    case ExprMode::NoValue:
      errorf(startPos(e), exprString(e) + " (no value) used as value");
      x.mode = ExprMode::Invalid;
      return;
    case ExprMode::Builtin:
      errorf(startPos(e), exprString(e) + " (built-in function " + exprString(e) + ") must be called");
      x.mode = ExprMode::Invalid;
      return;
    case ExprMode::Package:
      errorf(startPos(e), "use of package " + exprString(e) + " without selector");
      x.mode = ExprMode::Invalid;
      return;
    default: break;
  }
  if (x.type && x.type->kind == Kind::Tuple) {
    errorf(startPos(e), "multiple-value " + exprString(e) + " (value of type " + typeStr(x.type) +
                            ") in single-value context");
    x.mode = ExprMode::Invalid;
  }
}

void Checker::multiExpr(Expr* e, std::vector<Operand>& out) {
  Operand x;
  rawExpr(e, x);
  if (x.mode == ExprMode::Value && x.type && x.type->kind == Kind::Tuple) {
    for (auto& f : x.type->fields) {
      Operand el;
      el.mode = ExprMode::Value;
      el.type = f.type;
      el.expr = e;
      out.push_back(el);
    }
    return;
  }
  // Re-run the single-value checks for their messages (rawExpr is idempotent on annotations).
  if (x.mode == ExprMode::TypeExpr || x.mode == ExprMode::NoValue || x.mode == ExprMode::Builtin ||
      x.mode == ExprMode::Package) {
    expr(e, x);
  }
  out.push_back(x);
}

void Checker::ident(Ident* id, Operand& x) {
  if (id->name == "_") {
    errorf(id->pos, "cannot use _ as value");
    return;
  }
  Symbol* sym = lookup(id->name);
  if (!sym) {
    errorf(id->pos, "undefined: " + id->name);
    return;
  }
  resolve(sym);
  id->sym = sym;
  x.sym = sym;
  switch (sym->kind) {
    case SymKind::Const:
      if (sym->name == "iota" && universe_->lookupLocal("iota") == sym) {
        if (iota_ < 0) {
          errorf(id->pos, "cannot use iota outside constant declaration");
          return;
        }
        x.mode = ExprMode::Constant;
        x.type = types_.basic(Kind::UntypedInt);
        x.val = constant::makeInt(iota_);
        return;
      }
      if (!sym->value || !sym->type || sym->value->kind == ConstValue::Kind::Unknown) return;
      x.mode = ExprMode::Constant;
      x.type = sym->type;
      x.val = *sym->value;
      return;
    case SymKind::Var:
      sym->used = true;  // lhsOperand undoes this for `x = ...`, which Go does not count as a use
      noteDep(sym);      // also while sym is still being resolved: an initialisation cycle
      if (!sym->type || sym->type->kind == Kind::Invalid) return;
      x.mode = ExprMode::Variable;
      x.type = sym->type;
      id->ref = refFor(sym);
      return;
    case SymKind::TypeName:
      if (!sym->type) return;
      x.mode = ExprMode::TypeExpr;
      x.type = sym->type;
      return;
    case SymKind::Func:
      if (!sym->type) return;
      x.mode = ExprMode::Value;
      x.type = sym->type;
      noteDep(sym);
      return;
    case SymKind::Package: x.mode = ExprMode::Package; return;
    case SymKind::Builtin:
      x.mode = ExprMode::Builtin;
      return;
    case SymKind::Nil:
      x.mode = ExprMode::Nil;
      x.type = types_.basic(Kind::UntypedNil);
      return;
  }
}

void Checker::basicLit(BasicLit* e, Operand& x) {
  bool ok = false;
  switch (e->litKind) {
    case LitKind::Int: ok = constant::parseInt(e->raw, &x.val); x.type = types_.basic(Kind::UntypedInt); break;
    case LitKind::Float: ok = constant::parseFloat(e->raw, &x.val); x.type = types_.basic(Kind::UntypedFloat); break;
    case LitKind::Rune: ok = constant::parseRune(e->raw, &x.val); x.type = types_.basic(Kind::UntypedRune); break;
    case LitKind::String: ok = constant::parseString(e->raw, &x.val); x.type = types_.basic(Kind::UntypedString); break;
    case LitKind::Imag: ok = constant::parseImag(e->raw, &x.val); x.type = types_.basic(Kind::UntypedComplex); break;
  }
  if (!ok) {
    errorf(e->pos, "invalid literal " + e->raw);
    x.type = nullptr;
    return;
  }
  x.mode = ExprMode::Constant;
}

static bool opAllowed(Tok op, const Type* t) {
  switch (op) {
    case Tok::Add: case Tok::Sub: return isNumeric(t);
    case Tok::Xor: return isInteger(t);
    case Tok::Not: return isBoolean(t);
    default: return false;
  }
}

void Checker::unary(UnaryExpr* e, Operand& x) {
  if (e->op == Tok::And) {
    Expr* inner = e->x;
    while (inner && inner->kind == NodeKind::Paren) inner = static_cast<ParenExpr*>(inner)->x;
    if (inner && inner->kind == NodeKind::CompositeLit) {
      expr(e->x, x);
      if (x.invalid()) return;
      x.type = types_.pointer(x.type);
      x.mode = ExprMode::Value;
      return;
    }
    expr(e->x, x);
    if (x.invalid()) return;
    if (x.mode != ExprMode::Variable) {
      errorf(startPos(e), "invalid operation: cannot take address of " + describe(x));
      x.mode = ExprMode::Invalid;
      return;
    }
    markAddrTaken(e->x);
    x.type = types_.pointer(x.type);
    x.mode = ExprMode::Value;
    return;
  }
  expr(e->x, x);
  if (x.invalid()) return;
  if (e->op == Tok::Arrow) {
    const Type* u = x.type->underlying();
    if (u->kind != Kind::Chan) {
      errorf(startPos(e), "invalid operation: cannot receive from non-channel " + describe(x));
      x.mode = ExprMode::Invalid;
      return;
    }
    if (u->dir == ChanDirection::Send) {
      errorf(startPos(e), "invalid operation: cannot receive from send-only channel " + describe(x));
      x.mode = ExprMode::Invalid;
      return;
    }
    x.type = u->elem;
    x.mode = ExprMode::Value;
    return;
  }
  if (!opAllowed(e->op, x.type)) {
    errorf(startPos(e), std::string("invalid operation: operator ") + tokString(e->op) +
                            " not defined on " + describe(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  if (x.mode == ExprMode::Constant) {
    int ubits = isUnsigned(x.type) && !isUntyped(x.type) ? intBits(x.type) : 0;
    ConstValue v = x.val;
    if (isFloat(x.type)) v = constant::toFloatKind(v);
    ConstValue r = constant::unary(e->op, v, ubits);
    if (r.kind == ConstValue::Kind::Unknown) {
      x.mode = ExprMode::Invalid;
      return;
    }
    constResult(e, x, r, e->op, e->pos, true);
    return;
  }
  x.mode = ExprMode::Value;
}

void Checker::star(StarExpr* e, Operand& x) {
  exprOrType(e->x, x);
  if (x.invalid()) return;
  if (x.mode == ExprMode::TypeExpr) {
    x.type = types_.pointer(x.type);
    return;
  }
  if (x.mode == ExprMode::Nil) {
    errorf(startPos(e), "invalid operation: cannot indirect nil");
    x.mode = ExprMode::Invalid;
    return;
  }
  const Type* u = x.type ? x.type->underlying() : nullptr;
  if (!u || u->kind != Kind::Pointer || x.mode == ExprMode::Package || x.mode == ExprMode::Builtin) {
    errorf(startPos(e), "invalid operation: cannot indirect " + describe(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  x.type = u->elem;
  x.mode = ExprMode::Variable;
}

bool Checker::checkIndex(Expr* idx, int64_t max, bool allowEqual, int64_t* out) {
  Operand i;
  expr(idx, i);
  if (i.invalid()) return false;
  if (isUntyped(i.type) && i.mode == ExprMode::Constant) {
    if (!isNumeric(i.type) || !constant::isIntegral(i.val)) {
      errorf(startPos(idx), "invalid argument: index " + describe(i) + " must be integer");
      return false;
    }
    if (!convertUntyped(i, types_.basic(Kind::Int))) {
      errorf(startPos(idx), "invalid argument: index " + describe(i) + " out of bounds");
      return false;
    }
  } else if (isUntyped(i.type)) {
    convertUntyped(i, types_.basic(Kind::Int));
  }
  if (!isInteger(i.type)) {
    errorf(startPos(idx), "invalid argument: index " + describe(i) + " must be integer");
    return false;
  }
  if (i.mode != ExprMode::Constant) return false;
  int64_t v = i.val.toInt64();
  if (constant::sign(i.val) < 0) {
    errorf(startPos(idx), "invalid argument: index " + describe(i) + " must not be negative");
    return false;
  }
  if (max >= 0 && (v > max || (v == max && !allowEqual))) {
    errorf(startPos(idx), "invalid argument: index " + exprString(idx) + " out of bounds [0:" +
                              std::to_string(allowEqual ? max + 1 : max) + "]");
    return false;
  }
  *out = v;
  return true;
}

void Checker::index(IndexExpr* e, Operand& x) {
  exprOrType(e->x, x);
  // A package or builtin name has no type to index: expr says so as Go does.
  if (x.mode == ExprMode::Package || x.mode == ExprMode::Builtin) expr(e->x, x);
  if (x.mode == ExprMode::TypeExpr) {
    notSupported(e->lbrack, "generics");
    x.mode = ExprMode::Invalid;
    return;
  }
  if (x.invalid()) {
    Operand i;
    rawExpr(e->index, i);
    return;
  }
  const Type* u = x.type->underlying();
  int64_t v;
  switch (u->kind) {
    case Kind::String: case Kind::UntypedString: {
      int64_t len = x.mode == ExprMode::Constant ? int64_t(x.val.s.size()) : -1;
      checkIndex(e->index, len, false, &v);
      if (isUntyped(x.type)) convertUntyped(x, types_.basic(Kind::String));
      x.type = types_.byteType();
      x.mode = ExprMode::Value;
      return;
    }
    case Kind::Array:
      checkIndex(e->index, u->length, false, &v);
      x.type = u->elem;
      if (x.mode != ExprMode::Variable) x.mode = ExprMode::Value;
      return;
    case Kind::Pointer:
      if (u->elem->underlying()->kind == Kind::Array) {
        checkIndex(e->index, u->elem->underlying()->length, false, &v);
        x.type = u->elem->underlying()->elem;
        x.mode = ExprMode::Variable;
        return;
      }
      break;
    case Kind::Slice:
      checkIndex(e->index, -1, false, &v);
      x.type = u->elem;
      x.mode = ExprMode::Variable;
      return;
    case Kind::Map: {
      Operand k;
      expr(e->index, k);
      assignment(k, u->key, "map index");
      x.type = u->elem;
      x.mode = ExprMode::MapIndex;
      return;
    }
    default: break;
  }
  errorf(startPos(e), "invalid operation: cannot index " + describe(x));
  Operand i;
  rawExpr(e->index, i);
  x.mode = ExprMode::Invalid;
}

void Checker::sliceExpr(SliceExpr* e, Operand& x) {
  expr(e->x, x);
  Expr* idx[3] = {e->lo, e->hi, e->max};
  if (x.invalid()) {
    for (auto* i : idx) {
      Operand o;
      if (i) rawExpr(i, o);
    }
    return;
  }
  const Type* u = x.type->underlying();
  int64_t length = -1;
  const Type* result = nullptr;
  switch (u->kind) {
    case Kind::String: case Kind::UntypedString:
      if (e->slice3) {
        errorf(startPos(e), "invalid operation: 3-index slice of string");
        x.mode = ExprMode::Invalid;
        return;
      }
      if (x.mode == ExprMode::Constant) length = int64_t(x.val.s.size());
      if (isUntyped(x.type)) convertUntyped(x, types_.basic(Kind::String));
      result = x.type;
      break;
    case Kind::Array:
      if (x.mode != ExprMode::Variable) {
        errorf(startPos(e), "invalid operation: " + describe(x) + " (slice of unaddressable value)");
        x.mode = ExprMode::Invalid;
        return;
      }
      markAddrTaken(e->x);
      length = u->length;
      result = types_.slice(u->elem);
      break;
    case Kind::Pointer:
      if (u->elem->underlying()->kind == Kind::Array) {
        length = u->elem->underlying()->length;
        result = types_.slice(u->elem->underlying()->elem);
      }
      break;
    case Kind::Slice: result = x.type; break;
    default: break;
  }
  if (!result) {
    errorf(startPos(e), "cannot slice " + describe(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  int64_t vals[3] = {-1, -1, -1};
  for (int k = 0; k < 3; k++)
    if (idx[k]) checkIndex(idx[k], length, true, &vals[k]);
  for (int a = 0; a < 3; a++)
    for (int b = a + 1; b < 3; b++)
      if (vals[a] >= 0 && vals[b] >= 0 && vals[a] > vals[b]) {
        errorf(startPos(idx[b]), "invalid slice indices: " + std::to_string(vals[b]) + " < " +
                                     std::to_string(vals[a]));
        x.mode = ExprMode::Invalid;
        return;
      }
  x.type = result;
  x.mode = ExprMode::Value;
}

void Checker::typeAssert(TypeAssertExpr* e, Operand& x) {
  expr(e->x, x);
  if (!e->typeExpr) {
    errorf(e->pos, "invalid syntax tree: use of .(type) outside type switch");
    x.mode = ExprMode::Invalid;
    return;
  }
  const Type* t = typeOf(e->typeExpr);
  if (x.invalid() || t->kind == Kind::Invalid) {
    x.mode = ExprMode::Invalid;
    return;
  }
  if (!isInterface(x.type)) {
    errorf(startPos(e->x), "invalid operation: " + describe(x) + " is not an interface");
    x.mode = ExprMode::Invalid;
    return;
  }
  std::string missing;
  bool wrong;
  if (!isInterface(t) && !implements(t, x.type, &missing, &wrong)) {
    errorf(startPos(e->typeExpr), "impossible type assertion: " + exprString(e) + "\n\t" + typeStr(t) +
                                      " does not implement " + typeStr(x.type) + " (missing method " +
                                      missing + ")");
    x.mode = ExprMode::Invalid;
    return;
  }
  x.type = t;
  x.mode = ExprMode::Value;
}

void Checker::funcLit(FuncLit* e, Operand& x) {
  const Type* sig = funcType(e->sig);
  std::string name;
  if (!fn_) {
    name = pkg_->path + ".glob..func" + std::to_string(++globCounter_);
  } else if (!fn_->outer) {
    name = fn_->info->name + ".func" + std::to_string(++fn_->ownCounter);
  } else {
    name = fn_->info->name + "." + std::to_string(++fn_->ownCounter);
  }
  FuncInfo* info = newFuncInfo(name, sig, fn_ ? fn_->info : nullptr);
  e->info = info;
  funcLitBody(e, info);
  x.mode = ExprMode::Value;
  x.type = sig;
}

void Checker::markAddrTaken(Expr* e) {
  while (e) {
    switch (e->kind) {
      case NodeKind::Paren: e = static_cast<ParenExpr*>(e)->x; continue;
      case NodeKind::Ident: {
        auto* id = static_cast<Ident*>(e);
        if (id->sym && id->sym->kind == SymKind::Var && !id->sym->global) id->sym->boxed = true;
        return;
      }
      case NodeKind::Selector: {
        auto* s = static_cast<SelectorExpr*>(e);
        if (!s->selection || s->selection->kind != SelKind::Field) return;
        for (bool d : s->selection->derefs)
          if (d) return;  // the field lives behind a pointer: the variable itself is not addressed
        e = s->x;
        continue;
      }
      case NodeKind::Index: {
        auto* ix = static_cast<IndexExpr*>(e);
        if (!ix->x->type || ix->x->type->underlying()->kind != Kind::Array) return;
        e = ix->x;
        continue;
      }
      default: return;
    }
  }
}

}  // namespace gol::check
