// Calls: conversions T(x), builtins, function/method/interface-method/func-value calls,
// argument passing (multi-value f(g()), variadic packing or xs... spreading) and results.
#include "check/checker.h"

namespace gol::check {

using namespace ast;

static Expr* unparen(Expr* e) {
  while (e && e->kind == NodeKind::Paren) e = static_cast<ParenExpr*>(e)->x;
  return e;
}

void Checker::call(CallExpr* e, Operand& x) {
  exprOrType(e->fun, x);
  auto* info = make<CallInfo>();
  e->info = info;
  if (x.mode == ExprMode::TypeExpr) {
    const Type* t = x.type;
    info->kind = CallKind::Conversion;
    info->convType = t;
    if (e->args.size() != 1 || e->hasEllipsis) {
      errorf(e->args.empty() ? e->rparen : startPos(e->args.size() > 1 ? e->args[1] : e->args[0]),
             std::string(e->args.empty() ? "missing argument" : "too many arguments") + " in conversion to " +
                 typeStr(t));
      for (auto* a : e->args) {
        Operand o;
        rawExpr(a, o);
      }
      x.mode = ExprMode::Invalid;
      return;
    }
    Operand arg;
    expr(e->args[0], arg);
    conversion(e, arg, t);
    x = arg;
    x.expr = e;
    return;
  }
  if (x.mode == ExprMode::Builtin) {
    info->kind = CallKind::Builtin;
    info->builtin = x.sym->builtin;
    builtin(e, x, x.sym->builtin);
    x.expr = e;
    return;
  }
  if (x.invalid()) {
    for (auto* a : e->args) {
      Operand o;
      rawExpr(a, o);
    }
    return;
  }
  const Type* sig = x.type ? x.type->underlying() : nullptr;
  if (!sig || sig->kind != Kind::Func || x.mode == ExprMode::Package) {
    errorf(startPos(e), "invalid operation: cannot call non-function " + describe(x));
    for (auto* a : e->args) {
      Operand o;
      rawExpr(a, o);
    }
    x.mode = ExprMode::Invalid;
    return;
  }
  info->sig = sig;
  info->kind = CallKind::FuncValue;
  Expr* f = unparen(e->fun);
  if (f->kind == NodeKind::Selector) {
    auto* sel = static_cast<SelectorExpr*>(f);
    if (sel->selection) {
      if (sel->selection->kind == SelKind::Method) info->kind = CallKind::Method;
      else if (sel->selection->kind == SelKind::InterfaceMethod) info->kind = CallKind::InterfaceMethod;
      else if (sel->selection->kind == SelKind::PackageMember && sel->sel->sym &&
               sel->sel->sym->kind == SymKind::Func) {
        info->kind = CallKind::Func;
        info->func = sel->sel->sym;
      }
    }
  } else if (f->kind == NodeKind::Ident) {
    auto* id = static_cast<Ident*>(f);
    if (id->sym && id->sym->kind == SymKind::Func) {
      info->kind = CallKind::Func;
      info->func = id->sym;
    }
  }
  arguments(e, sig, info);
  x.expr = e;
  if (sig->results.empty()) {
    x.mode = ExprMode::NoValue;
    x.type = nullptr;
  } else if (sig->results.size() == 1) {
    x.mode = ExprMode::Value;
    x.type = sig->results[0];
    if (const Type* t = genericResultType(e, info)) {
      info->genericResult = t;
      x.type = t;
    }
  } else {
    x.mode = ExprMode::Value;
    x.type = types_.tuple(sig->results);
  }
}

// The result type Go's generic signature gives a call of slices or maps, whose gol declarations
// say `any`: S for the functions that return the slice (or map) they were given, its element
// for Max and Min, []K or []V for maps.Keys and maps.Values. Null for every other call.
const Type* Checker::genericResultType(CallExpr* e, const CallInfo* info) {
  if (info->kind != CallKind::Func || !info->func || !info->func->package || e->args.empty()) return nullptr;
  const std::string& pkg = info->func->package->path;
  if (pkg != "slices" && pkg != "maps") return nullptr;
  const Type* first = e->args[0]->type;
  const Type* u = first ? first->underlying() : nullptr;
  if (!u || isUntyped(first)) return nullptr;
  const std::string& name = info->func->name;
  if (pkg == "slices" && u->kind == Kind::Slice) {
    static const char* const kSameSlice[] = {"Clone", "Compact", "CompactFunc", "Insert", "Delete", "DeleteFunc",
                                             "Grow",  "Clip",    "Replace",     "Concat"};
    for (const char* n : kSameSlice)
      if (name == n) return first;
    if (name == "Max" || name == "Min" || name == "MaxFunc" || name == "MinFunc") return u->elem;
  }
  if (pkg == "maps" && u->kind == Kind::Map) {
    if (name == "Clone") return first;
    if (name == "Keys") return types_.slice(u->key);
    if (name == "Values") return types_.slice(u->elem);
  }
  return nullptr;
}

// The argument operands: a single multi-valued call is spread into its results.
std::vector<Operand> Checker::callArgs(CallExpr* e, bool* spread) {
  std::vector<Operand> ops;
  *spread = false;
  if (e->args.size() == 1 && !e->hasEllipsis) {
    multiExpr(e->args[0], ops);
    *spread = ops.size() > 1;
    return ops;
  }
  for (auto* a : e->args) {
    Operand o;
    expr(a, o);
    ops.push_back(o);
  }
  return ops;
}

static std::string typeList(Checker& c, const std::vector<Operand>& ops) {
  std::string s = "(";
  for (size_t i = 0; i < ops.size(); i++) {
    if (i) s += ", ";
    const Type* t = ops[i].type;
    if (t && isUntyped(t) && isNumeric(t)) s += "number";
    else s += c.typeStr(t);
  }
  return s + ")";
}

static std::string paramList(Checker& c, const Type* sig) {
  std::string s = "(";
  for (size_t i = 0; i < sig->params.size(); i++) {
    if (i) s += ", ";
    if (sig->variadic && i + 1 == sig->params.size()) s += "..." + c.typeStr(sig->params[i]->elem);
    else s += c.typeStr(sig->params[i]);
  }
  return s + ")";
}

// The callee is spelled out only when a message needs it: in a chain such as `t.M().M()…` each
// call's callee is the whole chain before it, and spelling every one would be quadratic.
void Checker::arguments(CallExpr* e, const Type* sig, CallInfo* info) {
  bool spread;
  std::vector<Operand> args = callArgs(e, &spread);
  info->spreadTuple = spread;
  for (auto& a : args)
    if (a.invalid()) return;
  size_t np = sig->params.size(), na = args.size();
  if (e->hasEllipsis) {
    if (!sig->variadic) {
      errorf(startPos(e->args.back()), "have (...) but function is not variadic: " + exprString(e->fun));
      return;
    }
    if (na != np) {
      bool few = na < np;
      errorf(few ? e->rparen : startPos(e->args[np]), std::string(few ? "not enough" : "too many") +
                                                       " arguments in call to " + exprString(e->fun) + "\n\thave " +
                                                       typeList(*this, args) + "\n\twant " + paramList(*this, sig));
      return;
    }
    std::string context = "argument to " + exprString(e->fun);
    for (size_t i = 0; i < na; i++) assignment(args[i], sig->params[i], context);
    return;
  }
  size_t fixed = sig->variadic ? np - 1 : np;
  if (na < fixed || (!sig->variadic && na > np)) {
    bool few = na < fixed;
    Pos at;
    if (few) at = na > 0 && !spread ? startPos(e->args[na - 1]) : e->rparen;
    else at = spread ? startPos(e->args[0]) : startPos(e->args[np]);
    errorf(at, std::string(few ? "not enough" : "too many") + " arguments in call to " + exprString(e->fun) +
                   "\n\thave " + typeList(*this, args) + "\n\twant " + paramList(*this, sig));
    return;
  }
  std::string context = na > 0 ? "argument to " + exprString(e->fun) : "";
  for (size_t i = 0; i < na; i++) {
    const Type* pt = i < fixed ? sig->params[i] : sig->params[np - 1]->elem;
    assignment(args[i], pt, context);
  }
  info->packVariadic = sig->variadic;
}

}  // namespace gol::check
