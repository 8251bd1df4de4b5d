// Untyped values meeting typed contexts (default types, representability, recording the final
// type down the expression tree), assignability, and conversions T(x).
#include "check/checker.h"

namespace gol::check {

using namespace ast;

const Type* Checker::defaultType(const Type* t) {
  if (!t) return t;
  switch (t->kind) {
    case Kind::UntypedBool: return types_.basic(Kind::Bool);
    case Kind::UntypedInt: return types_.basic(Kind::Int);
    case Kind::UntypedRune: return types_.runeType();
    case Kind::UntypedFloat: return types_.basic(Kind::Float64);
    case Kind::UntypedComplex: return types_.basic(Kind::Complex128);
    case Kind::UntypedString: return types_.basic(Kind::String);
    default: return t;
  }
}

static bool nilable(const Type* t) {
  switch (t->ukind()) {
    case Kind::Pointer: case Kind::Slice: case Kind::Map: case Kind::Chan: case Kind::Func:
    case Kind::Interface: case Kind::UnsafePointer:
      return true;
    default: return false;
  }
}

// Records the final type of a formerly untyped expression and of its untyped operands
// (constant expressions are not descended into: the evaluator uses their value).
void Checker::setFinalType(Expr* e, const Type* t) {
  if (!e || !t) return;
  if (e->type && !isUntyped(e->type)) return;
  e->type = t;
  if (e->value) {
    ConstValue out;
    const char* why;
    if (isConstType(t) && constant::representable(*e->value, int(t->ukind()), &out, &why))
      e->value = keep(out);
  }
  if (e->mode == ExprMode::Constant) return;
  switch (e->kind) {
    case NodeKind::Paren: setFinalType(static_cast<ParenExpr*>(e)->x, t); return;
    case NodeKind::Unary: {
      auto* u = static_cast<UnaryExpr*>(e);
      if (u->op != Tok::Arrow && u->op != Tok::And) setFinalType(u->x, t);
      return;
    }
    case NodeKind::Binary: {
      auto* b = static_cast<BinaryExpr*>(e);
      switch (b->op) {
        case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq:
          return;  // operands were typed when compared
        case Tok::Shl: case Tok::Shr: setFinalType(b->x, t); return;
        default:
          setFinalType(b->x, t);
          setFinalType(b->y, t);
          return;
      }
    }
    default: return;
  }
}

bool Checker::convertUntyped(Operand& x, const Type* target, std::string* why) {
  if (why) why->clear();
  if (x.invalid() || !isUntyped(x.type) || !target) return true;
  if (isUntyped(target)) {
    // Both untyped: only numeric kinds widen (int -> rune -> float).
    if (x.mode == ExprMode::Nil || target->kind == Kind::UntypedNil) return false;
    if (isNumeric(x.type) && isNumeric(target)) {
      if (x.mode == ExprMode::Constant && target->kind == Kind::UntypedFloat) x.val = constant::toFloatKind(x.val);
      if (x.mode == ExprMode::Constant && target->kind == Kind::UntypedComplex) x.val = constant::toComplexKind(x.val);
      x.type = target;
      return true;
    }
    return x.type->kind == target->kind;
  }
  const Type* tu = target->underlying();
  if (tu->kind == Kind::Invalid) return false;
  if (x.mode == ExprMode::Nil) {
    if (!nilable(target)) return false;
    x.type = target;
    setFinalType(x.expr, target);
    return true;
  }
  if (tu->kind == Kind::Interface) {
    // An untyped value stored in an interface takes its default type.
    const Type* d = defaultType(x.type);
    return convertUntyped(x, d, why);
  }
  bool compatible = (isBoolean(x.type) && isBoolean(target)) || (isString(x.type) && isString(target)) ||
                    (isNumeric(x.type) && isNumeric(target));
  if (!compatible) return false;
  if (x.mode == ExprMode::Constant) {
    ConstValue out;
    const char* reason = "";
    if (!constant::representable(x.val, int(tu->kind), &out, &reason)) {
      if (why) *why = reason;
      return false;
    }
    x.val = out;
  } else if (x.type->kind != Kind::UntypedBool && !isInteger(target)) {
    // A non-constant untyped int comes from a shift of a constant: it must stay an integer.
    return false;
  }
  x.type = target;
  setFinalType(x.expr, target);
  if (x.expr && x.mode == ExprMode::Constant) x.expr->value = keep(x.val);
  return true;
}

bool Checker::assignableTo(Operand& x, const Type* t, std::string* reason) {
  const Type* v = x.type;
  if (!v || !t) return false;
  if (v == t) return true;
  if (v->kind == Kind::Invalid || t->kind == Kind::Invalid) return true;  // already reported
  const Type* vu = v->underlying();
  const Type* tu = t->underlying();
  if (x.mode == ExprMode::Nil || v->kind == Kind::UntypedNil) return nilable(t);
  if (isUntyped(v)) {
    Operand tmp = x;
    return convertUntyped(tmp, t);
  }
  if (vu == tu && (v->kind != Kind::Named || t->kind != Kind::Named)) return true;
  if (tu->kind == Kind::Interface) {
    std::string missing;
    bool wrong = false;
    if (implements(v, t, &missing, &wrong)) return true;
    if (reason) {
      *reason = typeStr(v) + " does not implement " + typeStr(t) +
                (wrong ? " (method " + missing + " has pointer receiver)" : " (missing method " + missing + ")");
    }
    return false;
  }
  if (vu->kind == Kind::Chan && vu->dir == ChanDirection::Both && tu->kind == Kind::Chan &&
      vu->elem == tu->elem && (v->kind != Kind::Named || t->kind != Kind::Named))
    return true;
  return false;
}

bool Checker::assignment(Operand& x, const Type* t, const std::string& context) {
  if (x.invalid()) return false;
  if (!t) {
    if (x.mode == ExprMode::Nil) {
      errorf(startPos(x.expr), "use of untyped nil in " + context);
      return false;
    }
    // Go checks the untyped value against its default type: `x := 1 << 64` overflows int.
    if (isUntyped(x.type)) return assignment(x, defaultType(x.type), context);
    return true;
  }
  if (t->kind == Kind::Invalid) return false;
  if (isUntyped(x.type)) {
    std::string why;
    Operand orig = x;
    if (!convertUntyped(x, t, &why)) {
      // Into an interface the value takes its default type first, and Go's message names that type.
      const Type* shown = x.mode != ExprMode::Nil && isInterface(t) ? defaultType(orig.type) : t;
      std::string msg = "cannot use " + describe(orig) + " as " + typeStr(shown) + " value in " + context;
      if (!why.empty()) msg += " (" + why + ")";
      errorf(startPos(x.expr), msg);
      return false;
    }
  }
  std::string reason;
  if (!assignableTo(x, t, &reason)) {
    std::string msg = "cannot use " + describe(x) + " as " + typeStr(t) + " value in " + context;
    if (!reason.empty()) msg += ": " + reason;
    errorf(startPos(x.expr), msg);
    return false;
  }
  return true;
}

// The constant result r of the operation e, whose type is x's: stored in x.val in the type's
// representation if it fits (an untyped result always does); otherwise reported as an overflow
// and x made invalid. Unary, binary and shift operations on typed constants all end here.
bool Checker::constResult(Expr* e, Operand& x, const ConstValue& r, Tok op, Pos opPos, bool unary) {
  if (isUntyped(x.type)) {
    // go/types: untyped integers must not grow arbitrarily (512 bits, its constant precision);
    // the message names the operation as its opName does.
    if (r.kind == ConstValue::Kind::Int && constant::bitLen(r) > 512) {
      const char* name = "";
      if (unary) name = op == Tok::Xor ? "bitwise complement " : "";
      else if (op == Tok::Add) name = "addition ";
      else if (op == Tok::Sub) name = "subtraction ";
      else if (op == Tok::Xor) name = "bitwise XOR ";
      else if (op == Tok::Mul) name = "multiplication ";
      else if (op == Tok::Shl) name = "shift ";
      errorf(opPos ? opPos : startPos(e), std::string("constant ") + name + "overflow");
      x.mode = ExprMode::Invalid;
      return false;
    }
    x.val = r;
    return true;
  }
  ConstValue out;
  const char* why;
  if (!constant::representable(r, int(x.type->ukind()), &out, &why)) {
    errorf(startPos(e), "constant " + r.toString() + " overflows " + typeStr(x.type));
    x.mode = ExprMode::Invalid;
    return false;
  }
  x.val = out;
  return true;
}

bool Checker::representableConst(Operand& x, const Type* t, bool report) {
  ConstValue out;
  const char* why;
  if (constant::representable(x.val, int(t->ukind()), &out, &why)) {
    x.val = out;
    return true;
  }
  if (report) {
    if (std::string(why) == "truncated")
      errorf(startPos(x.expr), "cannot convert " + describe(x) + " to type " + typeStr(t) + " (truncated)");
    else
      errorf(startPos(x.expr), "cannot convert " + describe(x) + " to type " + typeStr(t) +
                                   " (constant " + x.val.toString() + " overflows " + typeStr(t) + ")");
  }
  return false;
}

static bool isBytesOrRunes(const Type* t) {
  const Type* u = t->underlying();
  if (u->kind != Kind::Slice) return false;
  Kind k = u->elem->ukind();
  return k == Kind::Uint8 || k == Kind::Int32;
}

bool Checker::convertible(Operand& x, const Type* t) {
  if (assignableTo(x, t, nullptr)) return true;
  const Type* v = x.type;
  const Type* vu = v->underlying();
  const Type* tu = t->underlying();
  if (vu == tu) return true;
  if (vu->kind == Kind::Struct && tu->kind == Kind::Struct && vu->fields.size() == tu->fields.size()) {
    bool same = true;
    for (size_t i = 0; i < vu->fields.size(); i++)
      same &= vu->fields[i].name == tu->fields[i].name && vu->fields[i].type == tu->fields[i].type;
    if (same) return true;
  }
  if (v->kind == Kind::Pointer && t->kind == Kind::Pointer && v->elem->underlying() == t->elem->underlying())
    return true;
  if (isNumeric(v) && isNumeric(t)) return isComplex(v) == isComplex(t);  // complex only to complex
  if (isString(t) && (isInteger(v) || isBytesOrRunes(v))) return true;
  if (isString(v) && isBytesOrRunes(t)) return true;
  return false;
}

static std::string runeToUtf8(int64_t r) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
  std::string out;
  uint32_t c = uint32_t(r);
  if (c < 0x80) out += char(c);
  else if (c < 0x800) { out += char(0xC0 | (c >> 6)); out += char(0x80 | (c & 0x3F)); }
  else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12)); out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18)); out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F)); out += char(0x80 | (c & 0x3F));
  }
  return out;
}

void Checker::conversion(CallExpr* call, Operand& x, const Type* t) {
  if (x.invalid() || t->kind == Kind::Invalid) {
    x.mode = ExprMode::Invalid;
    return;
  }
  if (x.mode == ExprMode::Constant && isConstType(t)) {
    if (isString(t) && isInteger(x.type)) {
      bool big = constant::bitLen(x.val) > 32;
      x.val = constant::makeString(runeToUtf8(big ? -1 : x.val.toInt64()));
      if (isUntyped(x.type)) convertUntyped(x, defaultType(x.type));
    } else {
      bool compatible = (isBoolean(x.type) && isBoolean(t)) || (isString(x.type) && isString(t)) ||
                        (isNumeric(x.type) && isNumeric(t));
      if (!compatible) {
        errorf(startPos(x.expr), "cannot convert " + describe(x) + " to type " + typeStr(t));
        x.mode = ExprMode::Invalid;
        return;
      }
      if (!representableConst(x, t, true)) {
        x.mode = ExprMode::Invalid;
        return;
      }
      if (isUntyped(x.type)) {
        // The operand takes the target type (its value is the constant's).
        setFinalType(x.expr, t);
      }
    }
    x.type = t;
    x.expr = call;
    return;
  }
  if (isUntyped(x.type)) {
    if (x.mode == ExprMode::Nil) {
      if (!convertUntyped(x, t)) {
        errorf(startPos(x.expr), "cannot convert " + describe(x) + " to type " + typeStr(t));
        x.mode = ExprMode::Invalid;
        return;
      }
    } else if (isInterface(t) || !isConstType(t) || isBytesOrRunes(t)) {
      convertUntyped(x, defaultType(x.type));
    } else if (!convertUntyped(x, t)) {
      convertUntyped(x, defaultType(x.type));
    }
  }
  if (!convertible(x, t)) {
    errorf(startPos(x.expr), "cannot convert " + describe(x) + " to type " + typeStr(t));
    x.mode = ExprMode::Invalid;
    return;
  }
  x.type = t;
  x.mode = ExprMode::Value;
  x.expr = call;
}

}  // namespace gol::check
