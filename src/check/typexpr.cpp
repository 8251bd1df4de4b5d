// Type expressions: names, pointers, arrays (constant lengths), slices, maps, channels, func
// signatures, structs (with embedded fields) and interfaces (with embedded interfaces flattened).
#include "check/checker.h"

namespace gol::check {

using namespace ast;

static const Type* recordType(Expr* e, const Type* t) {
  e->mode = ExprMode::TypeExpr;
  e->type = t;
  return t;
}

const Type* Checker::typeOf(Expr* e) {
  const Type* invalid = types_.basic(Kind::Invalid);
  if (!e || tooDeep(e->pos)) return invalid;
  switch (e->kind) {
    case NodeKind::Ident:
    case NodeKind::Selector: {
      Operand x;
      exprOrType(e, x);
      // A function whose signature is being checked (func f(i f)) has no type yet, and a broken
      // variable or constant an invalid one: either way the name is still no type.
      bool valueSym = x.sym && (x.sym->kind == SymKind::Func || x.sym->kind == SymKind::Var ||
                                x.sym->kind == SymKind::Const);
      if (x.invalid() && !valueSym) return invalid;
      if (x.mode != ExprMode::TypeExpr) {
        errorf(startPos(e), exprString(e) + " is not a type");
        return invalid;
      }
      // a type already reported (an invalid recursive type): no follow-on errors where it is used
      if (brokenTypes_.count(x.type)) return invalid;
      return x.type;
    }
    case NodeKind::Paren: return recordType(e, typeOf(static_cast<ParenExpr*>(e)->x));
    case NodeKind::Star: return recordType(e, types_.pointer(typeOf(static_cast<StarExpr*>(e)->x)));
    case NodeKind::ArrayType: {
      auto* a = static_cast<ArrayTypeExpr*>(e);
      if (!a->len) return recordType(e, types_.slice(typeOf(a->elem)));
      if (a->len->kind == NodeKind::Ellipsis) {
        errorf(a->len->pos, "invalid use of [...] array (outside a composite literal)");
        typeOf(a->elem);
        return invalid;
      }
      int64_t n = arrayLength(a->len);
      const Type* elem = typeOf(a->elem);
      return recordType(e, n < 0 ? invalid : types_.array(elem, n));
    }
    case NodeKind::MapType: {
      auto* m = static_cast<MapTypeExpr*>(e);
      const Type* k = typeOf(m->key);
      const Type* v = typeOf(m->val);
      if (k->kind != Kind::Invalid && k->underlying()->kind != Kind::Invalid && !isComparable(k)) {
        errorf(startPos(m->key), "invalid map key type " + typeStr(k));
        return invalid;
      }
      return recordType(e, types_.map(k, v));
    }
    case NodeKind::ChanType: {
      auto* c = static_cast<ChanTypeExpr*>(e);
      ChanDirection d = c->dir == ChanDir::Send ? ChanDirection::Send
                        : c->dir == ChanDir::Recv ? ChanDirection::Recv
                                                  : ChanDirection::Both;
      return recordType(e, types_.chan(typeOf(c->elem), d));
    }
    case NodeKind::FuncType: return recordType(e, funcType(static_cast<FuncTypeExpr*>(e)));
    case NodeKind::StructType: return recordType(e, structType(static_cast<StructTypeExpr*>(e)));
    case NodeKind::InterfaceType: return recordType(e, interfaceType(static_cast<InterfaceTypeExpr*>(e)));
    case NodeKind::Ellipsis:
      errorf(e->pos, "invalid use of ...");
      return invalid;
    default: {
      Operand x;
      rawExpr(e, x);
      if (!x.invalid()) errorf(startPos(e), exprString(e) + " is not a type");
      return invalid;
    }
  }
}

int64_t Checker::arrayLength(Expr* len) {
  Operand x;
  expr(len, x);
  if (x.invalid()) return -1;
  if (x.mode != ExprMode::Constant) {
    errorf(startPos(len), "array length " + describe(x) + " must be constant");
    return -1;
  }
  if (!isInteger(x.type) && !(isUntyped(x.type) && constant::isIntegral(x.val))) {
    errorf(startPos(len), "array length " + describe(x) + " must be integer");
    return -1;
  }
  if (constant::sign(x.val) < 0 || constant::bitLen(x.val) > 62) {
    errorf(startPos(len), "invalid array length " + exprString(len));
    return -1;
  }
  if (isUntyped(x.type)) convertUntyped(x, types_.basic(Kind::Int));
  return x.val.toInt64();
}

const Type* Checker::funcType(FuncTypeExpr* f, const Type* recv) {
  std::vector<const Type*> params, results;
  bool variadic = false;
  for (size_t i = 0; i < f->params.size(); i++) {
    Field& fl = f->params[i];
    const Type* t;
    if (fl.typeExpr && fl.typeExpr->kind == NodeKind::Ellipsis) {
      auto* el = static_cast<EllipsisExpr*>(fl.typeExpr);
      if (i + 1 != f->params.size() || fl.names.size() > 1)
        errorf(fl.typeExpr->pos, "can only use ... with final parameter in list");
      t = types_.slice(typeOf(el->elem));
      recordType(fl.typeExpr, t);
      variadic = true;
    } else {
      t = typeOf(fl.typeExpr);
    }
    size_t n = fl.names.empty() ? 1 : fl.names.size();
    for (size_t k = 0; k < n; k++) params.push_back(t);
  }
  for (auto& fl : f->results) {
    const Type* t = typeOf(fl.typeExpr);
    size_t n = fl.names.empty() ? 1 : fl.names.size();
    for (size_t k = 0; k < n; k++) results.push_back(t);
  }
  (void)recv;
  return recordType(f, types_.func(std::move(params), std::move(results), variadic));
}

// The implicit field name of an embedded field: T for T, *T, pkg.T.
static std::string embeddedName(Expr* e) {
  while (e) {
    switch (e->kind) {
      case NodeKind::Star: e = static_cast<StarExpr*>(e)->x; continue;
      case NodeKind::Paren: e = static_cast<ParenExpr*>(e)->x; continue;
      case NodeKind::Selector: return static_cast<SelectorExpr*>(e)->sel->name;
      case NodeKind::Ident: return static_cast<Ident*>(e)->name;
      default: return "";
    }
  }
  return "";
}

const Type* Checker::structType(StructTypeExpr* s) {
  std::vector<StructField> fields;
  std::set<std::string> seen;
  auto add = [&](const std::string& name, Pos pos, const Type* t, bool embedded, const std::string& tag) {
    if (name != "_" && !seen.insert(name).second) errorf(pos, name + " redeclared");
    StructField f;
    f.name = name;
    f.type = t;
    f.embedded = embedded;
    f.exported = isExported(name);
    f.tag = tag;
    fields.push_back(f);
  };
  for (auto& fl : s->fields) {
    const Type* t = typeOf(fl.typeExpr);
    if (fl.embedded || fl.names.empty()) {
      const Type* base = t->kind == Kind::Pointer ? t->elem : t;
      if (t->kind == Kind::Pointer && base && base->underlying()->kind == Kind::Pointer)
        errorf(fl.pos, "embedded field type cannot be a pointer to a pointer");
      add(embeddedName(fl.typeExpr), fl.pos, t, true, fl.tag);
      continue;
    }
    for (auto* id : fl.names) add(id->name, id->pos, t, false, fl.tag);
  }
  return types_.structType(std::move(fields));
}

const Type* Checker::interfaceType(InterfaceTypeExpr* it) {
  std::vector<Method> methods;
  auto add = [&](const Method& m, Pos pos) {
    for (auto& have : methods) {
      if (have.name != m.name) continue;
      if (have.sig != m.sig) errorf(pos, "duplicate method " + m.name);
      return;
    }
    methods.push_back(m);
  };
  for (auto& im : it->methods) {
    if (!im.name || !im.sig) continue;
    Method m;
    m.name = im.name->name;
    m.sig = funcType(im.sig);
    add(m, im.name->pos);
  }
  for (auto* e : it->embeds) {
    const Type* t = typeOf(e);
    if (t->kind == Kind::Invalid) continue;
    const Type* u = t->underlying();
    if (u->kind != Kind::Interface) {
      errorf(startPos(e), "interface contains type constraints");
      continue;
    }
    for (auto& m : u->methods) add(m, e->pos);
  }
  return types_.interfaceType(std::move(methods));
}

}  // namespace gol::check
