// Explicit conversions T(x): numeric (wrapping to the target width, float32 rounding,
// float->int truncation), string(rune), string <-> []byte / []rune, to interfaces (boxing),
// and the representation-preserving ones (named <-> underlying, interface -> interface).
#include <cmath>

#include "interp/compiler.h"
#include "interp/nodes_arith.h"
#include "interp/nodes_composite.h"

namespace gol::interp {

namespace {

enum class NumCls { S, U, F };
NumCls numCls(const Type* t) {
  if (isFloat(t)) return NumCls::F;
  if (isUnsigned(t)) return NumCls::U;
  return NumCls::S;
}

struct NumConv : Expr {
  Expr* x;
  NumCls from, to;
  Kind toKind;
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    switch (to) {
      case NumCls::F:
        if (from == NumCls::S) v = Value::F(static_cast<double>(v.i));
        else if (from == NumCls::U) v = Value::F(static_cast<double>(v.u));
        break;
      case NumCls::S:
      case NumCls::U:
        if (from == NumCls::F) {
          double d = v.f;
          if (std::isnan(d)) v = Value::I(INT64_MIN);
          else if (to == NumCls::U && d >= 9223372036854775808.0)
            v = Value::U(d >= 18446744073709551616.0 ? 0x8000000000000000ull : static_cast<uint64_t>(d));
          else if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) v = Value::I(INT64_MIN);
          else v = Value::I(static_cast<int64_t>(d));
        }
        break;
    }
    return normalize(toKind, v);
  }
};

struct StrFromRune : Expr {
  Expr* x;
  bool fromUnsigned;
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    int64_t r = v.i;
    if (fromUnsigned && v.u > 0x7fffffff) r = 0xFFFD;
    if (r < 0 || r > 0x10FFFF) r = 0xFFFD;
    return rt::stringFromRune(r);
  }
};

struct FnConv : Expr {
  Expr* x;
  Value (*fn)(Value);
  Value eval(Frame& f) override { return fn(x->eval(f)); }
};

}  // namespace

Expr* Compiler::conversion(ast::CallExpr* c, std::vector<Expr*>* pre) {
  const Type* to = c->info->convType ? c->info->convType : c->type;
  ast::Expr* a = c->args[0];
  const Type* from = a->type;
  if (c->value && !pre) return constant(c->value, to, c->pos);
  Expr* x = preEval(expr(a), pre);
  if (!from || from->kind == Kind::UntypedNil) return x;
  from = defaultType(from);
  const Type* tu = to->underlying();
  const Type* fu = from->underlying();
  if (tu->kind == Kind::Interface) return isInterface(from) ? x : new BoxNode(x, from);
  if (isComplex(tu) && isComplex(fu)) return makeComplexConversion(tu->kind, fu->kind, x);
  if (isNumeric(tu) && isNumeric(fu)) {
    NumCls fc = numCls(fu), tc = numCls(tu);
    if (fc != NumCls::F && tc != NumCls::F && (tu->kind == fu->kind || intBits(tu) == 64)) return x;
    if (fc == NumCls::F && tc == NumCls::F && (tu->kind == fu->kind || tu->kind == Kind::Float64)) return x;
    auto* n = new NumConv();
    n->x = x;
    n->from = fc;
    n->to = tc;
    n->toKind = tu->kind;
    return n;
  }
  if (tu->kind == Kind::String) {
    if (isInteger(fu)) {
      auto* n = new StrFromRune();
      n->x = x;
      n->fromUnsigned = isUnsigned(fu);
      return n;
    }
    if (fu->kind == Kind::Slice) {
      auto* n = new FnConv();
      n->x = x;
      const Type* eu = fu->elem->underlying();
      n->fn = eu->kind == Kind::Uint8 ? rt::stringFromBytes : rt::stringFromRunes;
      return n;
    }
    return x;
  }
  if (tu->kind == Kind::Slice && isString(fu)) {
    auto* n = new FnConv();
    n->x = x;
    bool bytes = tu->elem->underlying()->kind == Kind::Uint8;
    if (a->value) n->fn = bytes ? rt::bytesFromConstString : rt::runesFromConstString;  // cap == len
    else n->fn = bytes ? rt::bytesFromString : rt::runesFromString;
    return n;
  }
  return x;
}

}  // namespace gol::interp
