// Selectors x.f: package members, struct fields and methods through embedding (with automatic
// dereference and implicit &x for pointer methods), interface methods, and method expressions.
#include "check/checker.h"

namespace gol::check {

using namespace ast;

void Checker::packageMember(SelectorExpr* e, Symbol* pkgSym, Operand& x) {
  Package* p = pkgSym->package;
  auto* sel = make<Selection>();
  sel->kind = SelKind::PackageMember;
  e->selection = sel;
  const std::string& name = e->sel->name;
  if (!p) {  // an import that failed: reported there, once
    x.mode = ExprMode::Invalid;
    return;
  }
  auto it = p->members.find(name);
  if (it == p->members.end() || !isExported(name)) {
    if (it != p->members.end())
      errorf(e->sel->pos, "name " + name + " not exported by package " + p->name);
    else
      errorf(e->sel->pos, "undefined: " + exprString(e));
    x.mode = ExprMode::Invalid;
    return;
  }
  Symbol* sym = it->second;
  e->sel->sym = sym;
  x.sym = sym;
  switch (sym->kind) {
    case SymKind::Const:
      x.mode = ExprMode::Constant;
      x.type = sym->type;
      x.val = sym->value ? *sym->value : ConstValue{};
      break;
    case SymKind::Var:
      x.mode = ExprMode::Variable;
      x.type = sym->type;
      e->sel->ref = refFor(sym);
      break;
    case SymKind::TypeName: x.mode = ExprMode::TypeExpr; x.type = sym->type; break;
    case SymKind::Func: x.mode = ExprMode::Value; x.type = sym->type; break;
    default: x.mode = ExprMode::Invalid; return;
  }
  if (!x.type) x.mode = ExprMode::Invalid;
  record(e->sel, x);
}

void Checker::methodExpr(SelectorExpr* e, const Type* t, Operand& x) {
  Lookup l = lookupFieldOrMethod(t, e->sel->name);
  if (l.kind != Lookup::What::Method && l.kind != Lookup::What::InterfaceMethod) {
    errorf(e->sel->pos, exprString(e) + " undefined (type " + typeStr(t) + " has no method " + e->sel->name + ")");
    x.mode = ExprMode::Invalid;
    return;
  }
  bool isPtr = t->kind == Kind::Pointer;
  if (l.kind == Lookup::What::Method && l.method->pointerRecv && !isPtr && !l.indirect) {
    errorf(e->sel->pos, "invalid method expression " + exprString(e) + " (needs pointer receiver (*" +
                            typeStr(t) + ")." + e->sel->name + ")");
    x.mode = ExprMode::Invalid;
    return;
  }
  auto* sel = make<Selection>();
  sel->kind = SelKind::MethodExpr;
  sel->path = l.path;
  sel->derefs = l.derefs;
  sel->method = l.method;
  sel->recvNamed = l.recvNamed;
  sel->pointerRecv = l.method->pointerRecv;
  sel->methodIndex = l.methodIndex;
  sel->derefRecv = l.kind == Lookup::What::Method && !l.method->pointerRecv && (isPtr || l.recvIsPointer);
  if (l.method->decl) {
    if (Symbol* m = funcSymOf(l.method->decl)) {
      sel->methodSym = m;
      noteDep(m);
    }
  }
  e->selection = sel;
  const Type* sig = l.method->sig;
  std::vector<const Type*> params{t};
  for (auto* p : sig->params) params.push_back(p);
  x.mode = ExprMode::Value;
  x.type = types_.func(params, sig->results, sig->variadic);
}

void Checker::selector(SelectorExpr* e, Operand& x) {
  // pkg.Name
  if (e->x && e->x->kind == NodeKind::Ident) {
    auto* id = static_cast<Ident*>(e->x);
    Symbol* sym = id->name == "_" ? nullptr : lookup(id->name);
    if (sym && sym->kind == SymKind::Package) {
      id->sym = sym;
      id->mode = ExprMode::Package;
      packageMember(e, sym, x);
      return;
    }
  }
  exprOrType(e->x, x);
  if (x.invalid()) return;
  if (x.mode == ExprMode::TypeExpr) {
    methodExpr(e, x.type, x);
    return;
  }
  if (x.mode == ExprMode::Nil || isUntyped(x.type) || x.mode == ExprMode::Builtin || !x.type) {
    errorf(e->sel->pos, exprString(e) + " undefined (type " + typeStr(x.type) + " has no field or method " +
                            e->sel->name + ")");
    x.mode = ExprMode::Invalid;
    return;
  }
  Lookup l = lookupFieldOrMethod(x.type, e->sel->name);
  if (l.kind == Lookup::What::None || l.kind == Lookup::What::Ambiguous) {
    std::string why = l.kind == Lookup::What::Ambiguous
                          ? "ambiguous selector " + exprString(e)
                          : exprString(e) + " undefined (type " + typeStr(x.type) + " has no field or method " +
                                e->sel->name + ")";
    errorf(e->sel->pos, why);
    x.mode = ExprMode::Invalid;
    return;
  }
  auto* sel = make<Selection>();
  e->selection = sel;
  sel->path = l.path;
  sel->derefs = l.derefs;
  bool anyDeref = false;
  for (bool d : l.derefs) anyDeref |= d;
  if (l.kind == Lookup::What::Field) {
    sel->kind = SelKind::Field;
    x.type = l.fieldType;
    // x.f is addressable if x is, or if the path goes through a pointer.
    x.mode = (x.mode == ExprMode::Variable || anyDeref) ? ExprMode::Variable : ExprMode::Value;
    return;
  }
  sel->method = l.method;
  sel->recvNamed = l.recvNamed;
  if (l.kind == Lookup::What::InterfaceMethod) {
    // Through an embedded interface field, `path` leads to the interface value first.
    sel->kind = SelKind::InterfaceMethod;
    sel->methodIndex = l.methodIndex;
    x.mode = ExprMode::Value;
    x.type = l.method->sig;
    return;
  }
  sel->kind = SelKind::Method;
  sel->pointerRecv = l.method->pointerRecv;
  if (l.method->decl) {
    if (Symbol* m = funcSymOf(l.method->decl)) {
      sel->methodSym = m;
      noteDep(m);
    }
  }
  if (l.method->pointerRecv && !l.recvIsPointer) {
    bool addressable = x.mode == ExprMode::Variable || anyDeref;
    if (!addressable) {
      errorf(startPos(e), "cannot call pointer method " + e->sel->name + " on " + typeStr(x.type));
      x.mode = ExprMode::Invalid;
      return;
    }
    sel->addressRecv = true;
    if (!anyDeref) markAddrTaken(e->x);
  } else if (!l.method->pointerRecv && l.recvIsPointer) {
    sel->derefRecv = true;
  }
  x.mode = ExprMode::Value;
  x.type = l.method->sig;
}

}  // namespace gol::check
