// Calls of the predeclared functions: append cap clear close copy delete len make max min new
// panic print println recover (complex, real and imag are not supported by gol).
#include "check/checker.h"

namespace gol::check {

using namespace ast;

// Whether e contains a call or a channel receive (len of such an array is not constant).
static bool hasCallOrRecv(Expr* e) {
  if (!e) return false;
  switch (e->kind) {
    case NodeKind::Call: {
      auto* c = static_cast<CallExpr*>(e);
      return !(c->info && c->info->kind == CallKind::Conversion) || hasCallOrRecv(c->args.empty() ? nullptr : c->args[0]);
    }
    case NodeKind::Unary: {
      auto* u = static_cast<UnaryExpr*>(e);
      return u->op == Tok::Arrow || hasCallOrRecv(u->x);
    }
    case NodeKind::Paren: return hasCallOrRecv(static_cast<ParenExpr*>(e)->x);
    case NodeKind::Selector: return hasCallOrRecv(static_cast<SelectorExpr*>(e)->x);
    case NodeKind::Index: {
      auto* i = static_cast<IndexExpr*>(e);
      return hasCallOrRecv(i->x) || hasCallOrRecv(i->index);
    }
    case NodeKind::Star: return hasCallOrRecv(static_cast<StarExpr*>(e)->x);
    case NodeKind::Binary: {
      auto* b = static_cast<BinaryExpr*>(e);
      return hasCallOrRecv(b->x) || hasCallOrRecv(b->y);
    }
    case NodeKind::Ident: case NodeKind::BasicLit: return false;
    default: return true;
  }
}

void Checker::builtin(CallExpr* e, Operand& x, BuiltinId id) {
  std::string name = exprString(e->fun);
  auto& args = e->args;
  auto nargs = [&](size_t min, size_t max) {
    if (args.size() < min) {
      errorf(args.empty() ? e->rparen : startPos(args.back()), "not enough arguments for " + exprString(e) +
                                                                  " (expected " + std::to_string(min) +
                                                                  ", found " + std::to_string(args.size()) + ")");
      return false;
    }
    if (args.size() > max) {
      errorf(startPos(args[max]), "too many arguments for " + exprString(e) + " (expected " +
                                      std::to_string(max) + ", found " + std::to_string(args.size()) + ")");
      return false;
    }
    return true;
  };
  auto invalid = [&]() { x.mode = ExprMode::Invalid; x.type = nullptr; };
  auto checkRest = [&](size_t from) {
    for (size_t i = from; i < args.size(); i++) {
      Operand o;
      rawExpr(args[i], o);
    }
  };
  if (e->hasEllipsis && id != BuiltinId::Append) {
    errorf(e->pos, "invalid operation: invalid use of ... with built-in " + name);
    checkRest(0);
    return invalid();
  }
  switch (id) {
    case BuiltinId::Len: case BuiltinId::Cap: {
      if (!nargs(1, 1)) { checkRest(0); return invalid(); }
      Operand a;
      expr(args[0], a);
      if (a.invalid()) return invalid();
      const Type* u = a.type->underlying();
      if (u->kind == Kind::Pointer && u->elem->underlying()->kind == Kind::Array) u = u->elem->underlying();
      bool ok = false, isConst = false;
      ConstValue v;
      switch (u->kind) {
        case Kind::String: case Kind::UntypedString:
          ok = id == BuiltinId::Len;
          if (a.mode == ExprMode::Constant) { isConst = true; v = constant::makeInt(int64_t(a.val.s.size())); }
          if (isUntyped(a.type)) convertUntyped(a, types_.basic(Kind::String));
          break;
        case Kind::Array:
          ok = true;
          if (!hasCallOrRecv(args[0])) { isConst = true; v = constant::makeInt(u->length); }
          break;
        case Kind::Slice: case Kind::Chan: ok = true; break;
        case Kind::Map: ok = id == BuiltinId::Len; break;
        default: break;
      }
      if (!ok) {
        errorf(startPos(args[0]), "invalid argument: " + describe(a) + " for " + name);
        return invalid();
      }
      x.type = types_.basic(Kind::Int);
      x.mode = isConst ? ExprMode::Constant : ExprMode::Value;
      x.val = v;
      return;
    }
    case BuiltinId::Append: {
      if (args.empty()) { nargs(1, 1); return invalid(); }
      Operand s;
      expr(args[0], s);
      if (s.invalid()) { checkRest(1); return invalid(); }
      if (s.mode == ExprMode::Nil) {
        errorf(startPos(args[0]), "first argument to append must be a typed slice; found untyped nil");
        checkRest(1);
        return invalid();
      }
      const Type* u = s.type->underlying();
      if (u->kind != Kind::Slice) {
        errorf(startPos(args[0]), "invalid argument: " + describe(s) + " (first argument to append must be a slice)");
        checkRest(1);
        return invalid();
      }
      if (e->hasEllipsis) {
        if (args.size() != 2) { nargs(2, 2); checkRest(1); return invalid(); }
        Operand r;
        expr(args[1], r);
        if (r.invalid()) return invalid();
        bool bytesFromString = u->elem->ukind() == Kind::Uint8 && isString(r.type);
        if (bytesFromString) {
          if (isUntyped(r.type)) convertUntyped(r, types_.basic(Kind::String));
        } else {
          assignment(r, s.type, "append");
        }
      } else {
        for (size_t i = 1; i < args.size(); i++) {
          Operand a;
          expr(args[i], a);
          assignment(a, u->elem, "argument to append");
        }
        e->info->packVariadic = true;
      }
      e->info->sig = types_.func({s.type, s.type}, {s.type}, true);
      x.type = s.type;
      x.mode = ExprMode::Value;
      return;
    }
    case BuiltinId::Clear: case BuiltinId::Close: {
      if (!nargs(1, 1)) { checkRest(0); return invalid(); }
      Operand a;
      expr(args[0], a);
      if (a.invalid()) return invalid();
      Kind k = a.type->ukind();
      if (id == BuiltinId::Clear && k != Kind::Map && k != Kind::Slice) {
        errorf(startPos(args[0]), "invalid argument: " + describe(a) + " (argument must be (or constrained by) map or slice)");
        return invalid();
      }
      if (id == BuiltinId::Close) {
        if (k != Kind::Chan) {
          errorf(startPos(args[0]), "invalid operation: non-chan argument " + describe(a) + " to close");
          return invalid();
        }
        if (a.type->underlying()->dir == ChanDirection::Recv) {
          errorf(startPos(args[0]), "invalid operation: cannot close receive-only channel " + describe(a));
          return invalid();
        }
      }
      x.mode = ExprMode::NoValue;
      x.type = nullptr;
      return;
    }
    case BuiltinId::Copy: {
      if (!nargs(2, 2)) { checkRest(0); return invalid(); }
      Operand d, s;
      expr(args[0], d);
      expr(args[1], s);
      if (d.invalid() || s.invalid()) return invalid();
      if (isUntyped(s.type)) convertUntyped(s, defaultType(s.type));
      const Type* du = d.type->underlying();
      const Type* su = s.type->underlying();
      bool ok = du->kind == Kind::Slice &&
                ((su->kind == Kind::Slice && su->elem == du->elem) ||
                 (su->kind == Kind::String && du->elem->ukind() == Kind::Uint8));
      if (!ok) {
        errorf(startPos(e), "invalid argument: copy expects slice arguments; found " + describe(d) + " and " + describe(s));
        return invalid();
      }
      x.mode = ExprMode::Value;
      x.type = types_.basic(Kind::Int);
      return;
    }
    case BuiltinId::Delete: {
      if (!nargs(2, 2)) { checkRest(0); return invalid(); }
      Operand m, k;
      expr(args[0], m);
      expr(args[1], k);
      if (m.invalid() || k.invalid()) return invalid();
      if (m.type->ukind() != Kind::Map) {
        errorf(startPos(args[0]), "invalid argument: " + describe(m) + " is not a map");
        return invalid();
      }
      assignment(k, m.type->underlying()->key, "argument to delete");
      x.mode = ExprMode::NoValue;
      x.type = nullptr;
      return;
    }
    case BuiltinId::Make: {
      if (args.empty()) { nargs(1, 1); return invalid(); }
      const Type* t = typeOf(args[0]);
      if (t->kind == Kind::Invalid) { checkRest(1); return invalid(); }
      Kind k = t->ukind();
      size_t min = k == Kind::Slice ? 2 : 1, max = k == Kind::Slice ? 3 : 2;
      if (k != Kind::Slice && k != Kind::Map && k != Kind::Chan) {
        errorf(startPos(args[0]), "invalid argument: cannot make " + exprString(args[0]) + "; type must be slice, map, or channel");
        checkRest(1);
        return invalid();
      }
      if (!nargs(min, max)) { checkRest(1); return invalid(); }
      int64_t sizes[2] = {-1, -1};
      for (size_t i = 1; i < args.size(); i++) {
        int64_t v = -1;
        if (checkIndex(args[i], -1, true, &v)) sizes[i - 1] = v;
      }
      if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
        errorf(startPos(args[1]), "invalid argument: length and capacity swapped");
        return invalid();
      }
      x.mode = ExprMode::Value;
      x.type = t;
      return;
    }
    case BuiltinId::New: {
      if (!nargs(1, 1)) { checkRest(0); return invalid(); }
      const Type* t = typeOf(args[0]);
      if (t->kind == Kind::Invalid) return invalid();
      x.mode = ExprMode::Value;
      x.type = types_.pointer(t);
      return;
    }
    case BuiltinId::Panic: {
      if (!nargs(1, 1)) { checkRest(0); return invalid(); }
      Operand a;
      expr(args[0], a);
      assignment(a, types_.anyType(), "argument to panic");
      x.mode = ExprMode::NoValue;
      x.type = nullptr;
      return;
    }
    case BuiltinId::Print: case BuiltinId::Println: {
      for (auto* arg : args) {
        Operand a;
        expr(arg, a);
        if (a.mode == ExprMode::Nil) {
          errorf(startPos(arg), "use of untyped nil in argument to built-in " + name);
          continue;
        }
        assignment(a, nullptr, "argument to " + name);
      }
      x.mode = ExprMode::NoValue;
      x.type = nullptr;
      return;
    }
    case BuiltinId::Recover: {
      if (!nargs(0, 0)) { checkRest(0); return invalid(); }
      x.mode = ExprMode::Value;
      x.type = types_.anyType();
      return;
    }
    case BuiltinId::Min: case BuiltinId::Max: {
      if (!nargs(1, size_t(-1))) return invalid();
      Operand acc;
      expr(args[0], acc);
      if (acc.invalid()) { checkRest(1); return invalid(); }
      if (!isOrdered(acc.type)) {
        errorf(startPos(args[0]), "invalid argument: " + describe(acc) + " cannot be ordered");
        checkRest(1);
        return invalid();
      }
      std::vector<Operand> ops{acc};
      for (size_t i = 1; i < args.size(); i++) {
        Operand y;
        expr(args[i], y);
        if (y.invalid()) return invalid();
        Operand a = acc;
        if (!matchTypes(a, y) || a.type != y.type) {
          errorf(startPos(args[i]), "invalid argument: mismatched types " + typeStr(acc.type) + " (previous argument) and " +
                                       typeStr(y.type) + " (type of " + exprString(args[i]) + ")");
          return invalid();
        }
        if (a.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
          bool less = constant::compare(Tok::Lss, y.val, a.val);
          bool take = id == BuiltinId::Min ? less : constant::compare(Tok::Gtr, y.val, a.val);
          acc = take ? y : a;
          acc.type = a.type;
        } else {
          acc = a;
          acc.mode = ExprMode::Value;
        }
        ops.push_back(y);
      }
      // Every argument takes the result's type (untyped constants included).
      if (!isUntyped(acc.type))
        for (auto* arg : args) setFinalType(arg, acc.type);
      x.mode = acc.mode;
      x.type = acc.type;
      x.val = acc.val;
      return;
    }
    default:
      notSupported(e->pos, "complex numbers");
      return invalid();
  }
}

}  // namespace gol::check
