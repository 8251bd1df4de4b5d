// Binary expressions: operand type matching (untyped conversion), arithmetic and logical
// operators with exact constant folding, comparisons (untyped bool results) and shifts.
#include "check/checker.h"

namespace gol::check {

using namespace ast;

static bool isComparison(Tok op) {
  return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
         op == Tok::Geq;
}

static bool binOpAllowed(Tok op, const Type* t) {
  switch (op) {
    case Tok::Add: return isNumeric(t) || isString(t);
    case Tok::Sub: case Tok::Mul: case Tok::Quo: return isNumeric(t);
    case Tok::Rem: case Tok::And: case Tok::Or: case Tok::Xor: case Tok::AndNot: return isInteger(t);
    case Tok::LAnd: case Tok::LOr: return isBoolean(t);
    default: return false;
  }
}

// Rank of untyped numeric kinds: the operand of higher rank decides the result kind.
static int untypedRank(Kind k) {
  switch (k) {
    case Kind::UntypedInt: return 1;
    case Kind::UntypedRune: return 2;
    case Kind::UntypedFloat: return 3;
    case Kind::UntypedComplex: return 4;
    default: return 0;
  }
}

void Checker::binary(BinaryExpr* e, Operand& x) {
  Operand y;
  expr(e->x, x);
  expr(e->y, y);
  if (x.invalid() || y.invalid()) {
    x.mode = ExprMode::Invalid;
    return;
  }
  binaryOp(e, e->op, x, y, e->opPos);
}

// Converts untyped operands towards each other (Go spec "Operators"). False if impossible.
bool Checker::matchTypes(Operand& x, Operand& y) {
  bool xu = isUntyped(x.type), yu = isUntyped(y.type);
  if (xu && yu) {
    if (x.mode == ExprMode::Nil || y.mode == ExprMode::Nil) return x.mode == y.mode;
    int rx = untypedRank(x.type->kind), ry = untypedRank(y.type->kind);
    if (rx && ry) {
      if (rx < ry) return convertUntyped(x, y.type);
      if (ry < rx) return convertUntyped(y, x.type);
      return true;
    }
    return x.type->kind == y.type->kind;
  }
  if (xu) return convertUntyped(x, y.type);
  if (yu) return convertUntyped(y, x.type);
  return true;
}

void Checker::binaryOp(Expr* e, Tok op, Operand& x, Operand& y, Pos opPos) {
  if (op == Tok::Shl || op == Tok::Shr) {
    shift(e, op, x, y, opPos);
    x.expr = e;
    return;
  }
  const Type* xt0 = x.type;
  const Type* yt0 = y.type;
  if (!matchTypes(x, y)) {
    errorf(startPos(e), "invalid operation: " + exprString(e) + " (mismatched types " + typeStr(xt0) +
                            " and " + typeStr(yt0) + ")");
    x.mode = ExprMode::Invalid;
    return;
  }
  if (isComparison(op)) {
    comparison(e, op, x, y);
    x.expr = e;
    return;
  }
  if (x.type != y.type) {
    errorf(startPos(e), "invalid operation: " + exprString(e) + " (mismatched types " + typeStr(x.type) +
                            " and " + typeStr(y.type) + ")");
    x.mode = ExprMode::Invalid;
    return;
  }
  if (!binOpAllowed(op, x.type)) {
    errorf(startPos(e), std::string("invalid operation: operator ") + tokString(op) + " not defined on " +
                            describe(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  if ((op == Tok::Quo || op == Tok::Rem) && y.mode == ExprMode::Constant &&
      (x.mode == ExprMode::Constant || isInteger(x.type)) && constant::sign(y.val) == 0) {
    errorf(startPos(y.expr), "invalid operation: division by zero");
    x.mode = ExprMode::Invalid;
    return;
  }
  if (x.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
    ConstValue a = x.val, b = y.val;
    if (isComplex(x.type)) {
      a = constant::toComplexKind(a);
      b = constant::toComplexKind(b);
    } else if (isFloat(x.type)) {
      a = constant::toFloatKind(a);
      b = constant::toFloatKind(b);
    } else if (isInteger(x.type)) {
      a = constant::toIntKind(a);
      b = constant::toIntKind(b);
    }
    bool divZero;
    ConstValue r = constant::binary(op, a, b, &divZero);
    if (divZero) {
      errorf(startPos(y.expr), "invalid operation: division by zero");
      x.mode = ExprMode::Invalid;
      return;
    }
    if (r.kind == ConstValue::Kind::Unknown) {
      x.mode = ExprMode::Invalid;
      return;
    }
    if (constResult(e, x, r, op, opPos)) x.expr = e;
    return;
  }
  x.mode = ExprMode::Value;
  x.expr = e;
}

void Checker::comparison(Expr* e, Tok op, Operand& x, Operand& y) {
  auto fail = [&](const std::string& why) {
    errorf(startPos(e), "invalid operation: " + exprString(e) + " (" + why + ")");
    x.mode = ExprMode::Invalid;
  };
  if (x.mode == ExprMode::Nil && y.mode == ExprMode::Nil) return fail("operator " + std::string(tokString(op)) + " not defined on nil");
  std::string r1, r2;
  bool ok = assignableTo(x, y.type, &r1) || assignableTo(y, x.type, &r2);
  if (!ok) return fail("mismatched types " + typeStr(x.type) + " and " + typeStr(y.type));
  if (op == Tok::Eql || op == Tok::Neq) {
    auto nilable = [](const Operand& o) { return o.mode == ExprMode::Nil; };
    const Operand* bad = nullptr;
    if (nilable(x) || nilable(y)) bad = nullptr;  // the other side was checked to be nilable
    else if (!isComparable(x.type)) bad = &x;
    else if (!isComparable(y.type)) bad = &y;
    if (bad) {
      Kind k = bad->type->ukind();
      std::string what = k == Kind::Slice ? "slice" : k == Kind::Map ? "map" : k == Kind::Func ? "func" : "";
      if (!what.empty()) return fail(what + " can only be compared to nil");
      return fail(typeStr(bad->type) + " cannot be compared");
    }
  } else if (!isOrdered(x.type) || !isOrdered(y.type)) {
    // go/types' kindString: composite kinds by name, other types spelled out
    const Type* bad = isOrdered(x.type) ? y.type : x.type;
    std::string what;
    switch (bad->ukind()) {
      case Kind::Array: what = "array"; break;
      case Kind::Slice: what = "slice"; break;
      case Kind::Struct: what = "struct"; break;
      case Kind::Pointer: what = "pointer"; break;
      case Kind::Func: what = "func"; break;
      case Kind::Interface: what = "interface"; break;
      case Kind::Map: what = "map"; break;
      case Kind::Chan: what = "chan"; break;
      default: what = typeStr(bad); break;
    }
    return fail("operator " + std::string(tokString(op)) + " not defined on " + what);
  }
  if (x.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
    ConstValue a = x.val, b = y.val;
    x.val = constant::makeBool(constant::compare(op, a, b));
    x.type = types_.basic(Kind::UntypedBool);
    return;
  }
  // Untyped non-constant operands (e.g. comparisons of comparisons) take their default types.
  if (isUntyped(x.type)) convertUntyped(x, defaultType(x.type));
  if (isUntyped(y.type)) convertUntyped(y, defaultType(y.type));
  x.mode = ExprMode::Value;
  x.type = types_.basic(Kind::UntypedBool);
}

void Checker::shift(Expr* e, Tok op, Operand& x, Operand& y, Pos opPos) {
  Operand y0 = y;  // as written, for messages (the count is converted to uint below)
  // The count: a non-negative integer.
  if (y.mode == ExprMode::Constant) {
    if (!isNumeric(y.type) || !constant::isIntegral(y.val) || constant::sign(y.val) < 0) {
      errorf(startPos(y.expr), "invalid shift count " + describe(y));
      x.mode = ExprMode::Invalid;
      return;
    }
    if (isUntyped(y.type)) convertUntyped(y, types_.basic(Kind::Uint));
  } else {
    if (isUntyped(y.type)) convertUntyped(y, types_.basic(Kind::Uint));
    if (!isInteger(y.type)) {
      errorf(startPos(y.expr), "invalid operation: shift count " + describe(y) + " must be integer");
      x.mode = ExprMode::Invalid;
      return;
    }
  }
  if (x.mode == ExprMode::Constant) {
    if (isUntyped(x.type)) {
      if (!isNumeric(x.type) || !constant::isIntegral(x.val)) {
        errorf(startPos(x.expr), "invalid operation: shifted operand " + describe(x) + " must be integer");
        x.mode = ExprMode::Invalid;
        return;
      }
      if (x.type->kind == Kind::UntypedFloat) {
        x.val = constant::toIntKind(x.val);
        x.type = types_.basic(Kind::UntypedInt);
      }
    } else if (!isInteger(x.type)) {
      errorf(startPos(x.expr), "invalid operation: shifted operand " + describe(x) + " must be integer");
      x.mode = ExprMode::Invalid;
      return;
    }
    if (y.mode == ExprMode::Constant) {
      // go/types' shiftBound: enough for the smallest float64, and the result is then limited to
      // 512 bits like every untyped integer (constResult)
      if (constant::bitLen(y.val) > 16 || y.val.toInt64() > 1023 - 1 + 52) {
        errorf(startPos(y.expr), "invalid operation: invalid shift count " + describe(y0));
        x.mode = ExprMode::Invalid;
        return;
      }
      ConstValue r = constant::shift(op, constant::toIntKind(x.val), y.val.toUint64());
      constResult(e, x, r, op, opPos);
      return;
    }
    // Constant operand, variable count: the operand's type comes from the context (untyped
    // until then), as Go specifies.
    x.mode = ExprMode::Value;
    return;
  }
  if (!isInteger(x.type)) {
    errorf(startPos(x.expr), "invalid operation: shifted operand " + describe(x) + " must be integer");
    x.mode = ExprMode::Invalid;
    return;
  }
  x.mode = ExprMode::Value;
}

}  // namespace gol::check
