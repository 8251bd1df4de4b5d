// Calls of the predeclared functions: append cap clear close copy delete len make max min new
// panic print println recover complex real imag.
#include <iterator>

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

// One call of a predeclared function being checked: the call, the operand that receives its
// result, and the steps the builtins share (arity, the result forms, and checking the rest of
// the arguments after an error so that their own errors are still reported).
struct BuiltinCall {
  Checker& c;
  CallExpr* e;
  Operand& x;
  BuiltinId id;
  std::string name;  // as written: the messages quote it
  ExprList& args;

  // Reports a wrong number of arguments; false then.
  bool arity(size_t min, size_t max) {
    if (args.size() < min) {
      c.errorf(args.empty() ? e->rparen : c.startPos(args.back()),
               "not enough arguments for " + c.exprString(e) + " (expected " + std::to_string(min) +
                   ", found " + std::to_string(args.size()) + ")");
      return false;
    }
    if (args.size() > max) {
      c.errorf(c.startPos(args[max]), "too many arguments for " + c.exprString(e) + " (expected " +
                                          std::to_string(max) + ", found " + std::to_string(args.size()) + ")");
      return false;
    }
    return true;
  }
  void invalid() { x.mode = ExprMode::Invalid; x.type = nullptr; }
  // The call is in error: the arguments from `from` on are still checked, the result is invalid.
  void invalidRest(size_t from) {
    for (size_t i = from; i < args.size(); i++) {
      Operand o;
      c.rawExpr(args[i], o);
    }
    invalid();
  }
  void noValue() { x.mode = ExprMode::NoValue; x.type = nullptr; }
  void value(const Type* t) { x.mode = ExprMode::Value; x.type = t; }
  // A constant result of type t: v, rounded to t when t is typed (complex, real, imag).
  void constant(const Type* t, ConstValue v) {
    if (!isUntyped(t)) {
      ConstValue out;
      const char* why;
      if (constant::representable(v, int(t->ukind()), &out, &why)) v = out;
    }
    x.mode = ExprMode::Constant;
    x.type = t;
    x.val = v;
  }
};

// The single argument of len, cap, clear and close, checked; false (result invalid) on error.
bool Checker::builtinSoleArg(BuiltinCall& b, Operand& a) {
  if (!b.arity(1, 1)) {
    b.invalidRest(0);
    return false;
  }
  expr(b.args[0], a);
  if (a.invalid()) {
    b.invalid();
    return false;
  }
  return true;
}

// The two arguments of copy and delete, checked; false (result invalid) on error.
bool Checker::builtinTwoArgs(BuiltinCall& b, Operand& a, Operand& a2) {
  if (!b.arity(2, 2)) {
    b.invalidRest(0);
    return false;
  }
  expr(b.args[0], a);
  expr(b.args[1], a2);
  if (a.invalid() || a2.invalid()) {
    b.invalid();
    return false;
  }
  return true;
}

void Checker::builtinLenCap(BuiltinCall& b) {
  Operand a;
  if (!builtinSoleArg(b, a)) return;
  bool isLen = b.id == BuiltinId::Len;
  const Type* u = a.type->underlying();
  if (u->kind == Kind::Pointer && u->elem->underlying()->kind == Kind::Array) u = u->elem->underlying();
  bool ok = false, isConst = false;
  ConstValue v;
  switch (u->kind) {
    case Kind::String: case Kind::UntypedString:
      ok = isLen;
      if (a.mode == ExprMode::Constant) { isConst = true; v = constant::makeInt(int64_t(a.val.s.size())); }
      if (isUntyped(a.type)) convertUntyped(a, types_.basic(Kind::String));
      break;
    case Kind::Array:
      ok = true;
      if (!hasCallOrRecv(b.args[0])) { isConst = true; v = constant::makeInt(u->length); }
      break;
    case Kind::Slice: case Kind::Chan: ok = true; break;
    case Kind::Map: ok = isLen; break;
    default: break;
  }
  if (!ok) {
    errorf(startPos(b.args[0]), "invalid argument: " + describe(a) + " for " + b.name);
    return b.invalid();
  }
  b.value(types_.basic(Kind::Int));
  if (isConst) b.x.mode = ExprMode::Constant;
  b.x.val = v;
}

// append(s, x...): the second argument is a slice of s's type, or a string when s is a []byte;
// false (result invalid) on error.
bool Checker::appendSpread(BuiltinCall& b, const Operand& s) {
  if (b.args.size() != 2) {
    b.arity(2, 2);
    b.invalidRest(1);
    return false;
  }
  Operand r;
  expr(b.args[1], r);
  if (r.invalid()) {
    b.invalid();
    return false;
  }
  bool bytesFromString = s.type->underlying()->elem->ukind() == Kind::Uint8 && isString(r.type);
  if (bytesFromString) {
    if (isUntyped(r.type)) convertUntyped(r, types_.basic(Kind::String));
  } else {
    assignment(r, s.type, "append");
  }
  return true;
}

void Checker::builtinAppend(BuiltinCall& b) {
  auto& args = b.args;
  if (args.empty()) {
    b.arity(1, 1);
    return b.invalid();
  }
  Operand s;
  expr(args[0], s);
  if (s.invalid()) return b.invalidRest(1);
  if (s.mode == ExprMode::Nil) {
    errorf(startPos(args[0]), "first argument to append must be a typed slice; found untyped nil");
    return b.invalidRest(1);
  }
  const Type* u = s.type->underlying();
  if (u->kind != Kind::Slice) {
    errorf(startPos(args[0]), "invalid argument: " + describe(s) + " (first argument to append must be a slice)");
    return b.invalidRest(1);
  }
  if (b.e->hasEllipsis) {
    if (!appendSpread(b, s)) return;
  } else {
    for (size_t i = 1; i < args.size(); i++) {
      Operand a;
      expr(args[i], a);
      assignment(a, u->elem, "argument to append");
    }
    b.e->info->packVariadic = true;
  }
  b.e->info->sig = types_.func({s.type, s.type}, {s.type}, true);
  b.value(s.type);
}

void Checker::builtinClear(BuiltinCall& b) {
  Operand a;
  if (!builtinSoleArg(b, a)) return;
  Kind k = a.type->ukind();
  if (k != Kind::Map && k != Kind::Slice) {
    errorf(startPos(b.args[0]), "invalid argument: " + describe(a) + " (argument must be (or constrained by) map or slice)");
    return b.invalid();
  }
  b.noValue();
}

void Checker::builtinClose(BuiltinCall& b) {
  Operand a;
  if (!builtinSoleArg(b, a)) return;
  if (a.type->ukind() != Kind::Chan) {
    errorf(startPos(b.args[0]), "invalid operation: non-chan argument " + describe(a) + " to close");
    return b.invalid();
  }
  if (a.type->underlying()->dir == ChanDirection::Recv) {
    errorf(startPos(b.args[0]), "invalid operation: cannot close receive-only channel " + describe(a));
    return b.invalid();
  }
  b.noValue();
}

void Checker::builtinCopy(BuiltinCall& b) {
  Operand d, s;
  if (!builtinTwoArgs(b, d, s)) return;
  if (isUntyped(s.type)) convertUntyped(s, defaultType(s.type));
  const Type* du = d.type->underlying();
  const Type* su = s.type->underlying();
  bool ok = du->kind == Kind::Slice &&
            ((su->kind == Kind::Slice && su->elem == du->elem) ||
             (su->kind == Kind::String && du->elem->ukind() == Kind::Uint8));
  if (!ok) {
    errorf(startPos(b.e), "invalid argument: copy expects slice arguments; found " + describe(d) + " and " + describe(s));
    return b.invalid();
  }
  b.value(types_.basic(Kind::Int));
}

void Checker::builtinDelete(BuiltinCall& b) {
  Operand m, k;
  if (!builtinTwoArgs(b, m, k)) return;
  if (m.type->ukind() != Kind::Map) {
    errorf(startPos(b.args[0]), "invalid argument: " + describe(m) + " is not a map");
    return b.invalid();
  }
  assignment(k, m.type->underlying()->key, "argument to delete");
  b.noValue();
}

void Checker::builtinMake(BuiltinCall& b) {
  auto& args = b.args;
  if (args.empty()) {
    b.arity(1, 1);
    return b.invalid();
  }
  const Type* t = typeOf(args[0]);
  if (t->kind == Kind::Invalid) return b.invalidRest(1);
  Kind k = t->ukind();
  if (k != Kind::Slice && k != Kind::Map && k != Kind::Chan) {
    errorf(startPos(args[0]), "invalid argument: cannot make " + exprString(args[0]) + "; type must be slice, map, or channel");
    return b.invalidRest(1);
  }
  size_t min = k == Kind::Slice ? 2 : 1;  // a slice needs its length; a capacity may follow
  if (!b.arity(min, min + 1)) return b.invalidRest(1);
  int64_t sizes[2] = {-1, -1};  // the constant length and capacity, -1 when not constant
  for (size_t i = 1; i < args.size(); i++) {
    int64_t v = -1;
    if (checkIndex(args[i], -1, true, &v)) sizes[i - 1] = v;
  }
  if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
    errorf(startPos(args[1]), "invalid argument: length and capacity swapped");
    return b.invalid();
  }
  b.value(t);
}

void Checker::builtinNew(BuiltinCall& b) {
  if (!b.arity(1, 1)) return b.invalidRest(0);
  const Type* t = typeOf(b.args[0]);
  if (t->kind == Kind::Invalid) return b.invalid();
  b.value(types_.pointer(t));
}

void Checker::builtinPanic(BuiltinCall& b) {
  if (!b.arity(1, 1)) return b.invalidRest(0);
  Operand a;
  expr(b.args[0], a);
  assignment(a, types_.anyType(), "argument to panic");
  b.noValue();
}

void Checker::builtinRecover(BuiltinCall& b) {
  if (!b.arity(0, 0)) return b.invalidRest(0);
  b.value(types_.anyType());
}

void Checker::builtinPrint(BuiltinCall& b) {
  for (auto* arg : b.args) {
    Operand a;
    expr(arg, a);
    if (a.mode == ExprMode::Nil) {
      errorf(startPos(arg), "use of untyped nil in argument to built-in " + b.name);
      continue;
    }
    assignment(a, nullptr, "argument to " + b.name);
  }
  b.noValue();
}

// Folds argument i of min or max into acc (constants are folded to the smaller or larger value);
// false on an invalid argument or a type mismatch.
bool Checker::minMaxArg(BuiltinCall& b, size_t i, Operand& acc) {
  Operand y;
  expr(b.args[i], y);
  if (y.invalid()) return false;
  Operand a = acc;
  if (!matchTypes(a, y) || a.type != y.type) {
    errorf(startPos(b.args[i]), "invalid argument: mismatched types " + typeStr(acc.type) + " (previous argument) and " +
                                    typeStr(y.type) + " (type of " + exprString(b.args[i]) + ")");
    return false;
  }
  if (a.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
    bool less = constant::compare(Tok::Lss, y.val, a.val);
    bool take = b.id == BuiltinId::Min ? less : constant::compare(Tok::Gtr, y.val, a.val);
    acc = take ? y : a;
    acc.type = a.type;
  } else {
    acc = a;
    acc.mode = ExprMode::Value;
  }
  return true;
}

void Checker::builtinMinMax(BuiltinCall& b) {
  auto& args = b.args;
  if (!b.arity(1, size_t(-1))) return b.invalid();
  Operand acc;
  expr(args[0], acc);
  if (acc.invalid()) return b.invalidRest(1);
  if (!isOrdered(acc.type)) {
    errorf(startPos(args[0]), "invalid argument: " + describe(acc) + " cannot be ordered");
    return b.invalidRest(1);
  }
  for (size_t i = 1; i < args.size(); i++)
    if (!minMaxArg(b, i, acc)) return b.invalid();
  // Every argument takes the result's type (untyped constants included).
  if (!isUntyped(acc.type))
    for (auto* arg : args) setFinalType(arg, acc.type);
  b.x.mode = acc.mode;
  b.x.type = acc.type;
  b.x.val = acc.val;
}

// complex(re, im), real(c), imag(c), typed as go/types does: complex of two floats of one type
// (untyped constants: untyped complex), real and imag of a complex (untyped: an untyped float).
void Checker::builtinComplex(BuiltinCall& b) {
  if (b.id == BuiltinId::Complex) {
    if (!b.arity(2, 2)) return b.invalidRest(0);
    Operand x, y;
    expr(b.args[0], x);
    expr(b.args[1], y);
    if (x.invalid() || y.invalid()) return b.invalid();
    bool xu = isUntyped(x.type), yu = isUntyped(y.type);
    if (xu && yu) {
      auto toFloat = [&](Operand& o) {
        if (o.mode == ExprMode::Constant && isNumeric(o.type) && constant::sign(constant::imagOf(o.val)) == 0) {
          o.val = constant::realOf(o.val);
          o.type = types_.basic(Kind::UntypedFloat);
        } else if (o.mode != ExprMode::Constant) {
          convertUntyped(o, types_.basic(Kind::Float64));
        }
      };
      toFloat(x);
      toFloat(y);
    } else if (xu) {
      convertUntyped(x, y.type);
    } else if (yu) {
      convertUntyped(y, x.type);
    }
    if (!identical(x.type, y.type)) {
      errorf(startPos(b.args[0]), "invalid operation: " + exprString(b.e) + " (mismatched types " + typeStr(x.type) +
                                " and " + typeStr(y.type) + ")");
      return b.invalid();
    }
    const Type* res = nullptr;
    switch (x.type->ukind()) {
      case Kind::Float32: res = types_.basic(Kind::Complex64); break;
      case Kind::Float64: res = types_.basic(Kind::Complex128); break;
      case Kind::UntypedFloat: res = types_.basic(Kind::UntypedComplex); break;
      default: break;
    }
    if (!res) {
      errorf(startPos(b.args[0]), "invalid argument: arguments have type " + typeStr(x.type) +
                                      ", expected floating-point");
      return b.invalid();
    }
    if (!isUntyped(res)) {
      setFinalType(b.args[0], x.type);
      setFinalType(b.args[1], y.type);
    }
    if (x.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
      b.constant(res, constant::makeComplex(x.val, y.val));
      return;
    }
    return b.value(res);
  }
  // real, imag
  if (!b.arity(1, 1)) return b.invalidRest(0);
  Operand x;
  expr(b.args[0], x);
  if (x.invalid()) return b.invalid();
  if (isUntyped(x.type)) {
    if (x.mode == ExprMode::Constant) {
      if (isNumeric(x.type)) {
        x.val = constant::toComplexKind(x.val);
        x.type = types_.basic(Kind::UntypedComplex);
      }
    } else {
      convertUntyped(x, types_.basic(Kind::Complex128));
    }
  }
  const Type* res = nullptr;
  switch (x.type->ukind()) {
    case Kind::Complex64: res = types_.basic(Kind::Float32); break;
    case Kind::Complex128: res = types_.basic(Kind::Float64); break;
    case Kind::UntypedComplex: res = types_.basic(Kind::UntypedFloat); break;
    default: break;
  }
  if (!res) {
    errorf(startPos(b.args[0]), "invalid argument: argument has type " + typeStr(x.type) + ", expected complex type");
    return b.invalid();
  }
  if (x.mode == ExprMode::Constant) {
    b.constant(res, b.id == BuiltinId::Real ? constant::realOf(x.val) : constant::imagOf(x.val));
    return;
  }
  b.value(res);
}

namespace {

using BuiltinCheck = void (Checker::*)(BuiltinCall&);
struct BuiltinEntry {
  BuiltinId id;
  BuiltinCheck check;
};

// The checker of each builtin, in BuiltinId's order so that the id indexes the table.
constexpr BuiltinEntry kBuiltins[] = {
    {BuiltinId::Append, &Checker::builtinAppend}, {BuiltinId::Cap, &Checker::builtinLenCap},
    {BuiltinId::Clear, &Checker::builtinClear},   {BuiltinId::Close, &Checker::builtinClose},
    {BuiltinId::Complex, &Checker::builtinComplex}, {BuiltinId::Copy, &Checker::builtinCopy},
    {BuiltinId::Delete, &Checker::builtinDelete}, {BuiltinId::Imag, &Checker::builtinComplex},
    {BuiltinId::Len, &Checker::builtinLenCap},    {BuiltinId::Make, &Checker::builtinMake},
    {BuiltinId::Max, &Checker::builtinMinMax},    {BuiltinId::Min, &Checker::builtinMinMax},
    {BuiltinId::New, &Checker::builtinNew},       {BuiltinId::Panic, &Checker::builtinPanic},
    {BuiltinId::Print, &Checker::builtinPrint},   {BuiltinId::Println, &Checker::builtinPrint},
    {BuiltinId::Real, &Checker::builtinComplex},  {BuiltinId::Recover, &Checker::builtinRecover},
};

constexpr bool inIdOrder() {
  for (size_t i = 0; i < std::size(kBuiltins); i++)
    if (kBuiltins[i].id != BuiltinId(i)) return false;
  return true;
}
static_assert(inIdOrder() && std::size(kBuiltins) == size_t(BuiltinId::Recover) + 1,
              "kBuiltins must list every BuiltinId in order");

}  // namespace

void Checker::builtin(CallExpr* e, Operand& x, BuiltinId id) {
  BuiltinCall b{*this, e, x, id, exprString(e->fun), e->args};
  if (e->hasEllipsis && id != BuiltinId::Append) {
    errorf(e->pos, "invalid operation: invalid use of ... with built-in " + b.name);
    return b.invalidRest(0);
  }
  (this->*kBuiltins[size_t(id)].check)(b);
}

}  // namespace gol::check
