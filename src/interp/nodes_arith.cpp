// Factories that pick the specialised arithmetic/comparison node for an operator and a static
// type (see nodes_arith.h). All template instantiation happens here.
#include "interp/nodes_arith.h"

#include "base/div_const.h"

namespace gol::interp {

using ast::Tok;

void panicNegativeShift() { panicMsg("negative shift amount"); }

namespace {

template <template <Kind> class Op>
Expr* byKind(Kind k, Expr* a, Expr* b) {
  switch (k) {
    case Kind::Int: return makeBin<Op<Kind::Int>>(a, b);
    case Kind::Int8: return makeBin<Op<Kind::Int8>>(a, b);
    case Kind::Int16: return makeBin<Op<Kind::Int16>>(a, b);
    case Kind::Int32: return makeBin<Op<Kind::Int32>>(a, b);
    case Kind::Int64: return makeBin<Op<Kind::Int64>>(a, b);
    case Kind::Uint: return makeBin<Op<Kind::Uint>>(a, b);
    case Kind::Uint8: return makeBin<Op<Kind::Uint8>>(a, b);
    case Kind::Uint16: return makeBin<Op<Kind::Uint16>>(a, b);
    case Kind::Uint32: return makeBin<Op<Kind::Uint32>>(a, b);
    case Kind::Uint64: return makeBin<Op<Kind::Uint64>>(a, b);
    case Kind::Uintptr: return makeBin<Op<Kind::Uintptr>>(a, b);
    case Kind::Float32: return makeBin<Op<Kind::Float32>>(a, b);
    case Kind::Float64: return makeBin<Op<Kind::Float64>>(a, b);
    default: return nullptr;
  }
}

template <template <Kind> class Op>
Expr* intKind(Kind k, Expr* a, Expr* b) {
  if (k == Kind::Float32 || k == Kind::Float64) return nullptr;
  return byKind<Op>(k, a, b);
}

template <Kind K> using Shl1 = OpShl<K, true>;
template <Kind K> using Shl0 = OpShl<K, false>;
template <Kind K> using Shr1 = OpShr<K, true>;
template <Kind K> using Shr0 = OpShr<K, false>;

// String concatenation.
struct StrAdd {
  static Value ap(Value a, Value b) { return rt::concat(a, b); }
};

template <template <CmpOp> class C>
Expr* cmpBy(Tok op, Expr* a, Expr* b) {
  switch (op) {
    case Tok::Eql: return makeBin<C<CmpOp::Eq>>(a, b);
    case Tok::Neq: return makeBin<C<CmpOp::Ne>>(a, b);
    case Tok::Lss: return makeBin<C<CmpOp::Lt>>(a, b);
    case Tok::Leq: return makeBin<C<CmpOp::Le>>(a, b);
    case Tok::Gtr: return makeBin<C<CmpOp::Gt>>(a, b);
    case Tok::Geq: return makeBin<C<CmpOp::Ge>>(a, b);
    default: return nullptr;
  }
}

bool isSignedInt(Kind k) {
  return k == Kind::Int || k == Kind::Int8 || k == Kind::Int16 || k == Kind::Int32 || k == Kind::Int64;
}

// A constant integer divisor 2^k with k >= 1, positive in its type (so not the sign bit of a
// signed kind, whose value is negative).
bool isPowerOfTwoConst(Kind k, Expr* b) {
  auto* c = dynamic_cast<ConstNode*>(b);
  if (!c || k == Kind::Float32 || k == Kind::Float64) return false;
  uint64_t v = c->v.u;
  if (isSignedInt(k) && c->v.i <= 0) return false;
  return v > 1 && (v & (v - 1)) == 0;
}

// x / c and x % c for a constant c >= 3, not a power of two, of a signed kind: a multiply by
// the reciprocal (base/div_const.h). The exact quotient and remainder of operands of a sized
// kind fit that kind, so no truncation follows. LocalX: x is an unboxed local, read in place.
template <bool Rem, bool LocalX>
struct DivConstNode final : Expr {
  Expr* x = nullptr;
  int slot = 0;
  DivByConst c;
  Value eval(Frame& f) override {
    int64_t n = LocalX ? f.s[slot].i : x->eval(f).i;
    return Value::I(Rem ? c.rem(n) : c.quo(n));
  }
};

template <bool Rem>
Expr* makeDivConst(Expr* a, int64_t d) {
  if (auto* l = dynamic_cast<LocalLoad*>(a)) {
    auto* n = new DivConstNode<Rem, true>();
    n->slot = l->slot;
    n->c = DivByConst::of(d);
    return n;
  }
  auto* n = new DivConstNode<Rem, false>();
  n->x = a;
  n->c = DivByConst::of(d);
  return n;
}

// The reciprocal form of a / b or a % b (op Quo or Rem), or null when it does not apply.
Expr* divByConst(Tok op, Kind k, Expr* a, Expr* b) {
  auto* c = dynamic_cast<ConstNode*>(b);
  if (!isSignedInt(k) || !c || !DivByConst::applies(c->v.i)) return nullptr;
  return op == Tok::Rem ? makeDivConst<true>(a, c->v.i) : makeDivConst<false>(a, c->v.i);
}

}  // namespace

Expr* makeArith(Tok op, const Type* t, Expr* a, Expr* b, bool countSigned) {
  if (Tok base = binaryOpOf(op); base != Tok::None) op = base;
  Kind k = t->ukind();
  if (k == Kind::String || k == Kind::UntypedString) {
    if (op == Tok::Add) return makeBin<StrAdd>(a, b);
    return nullptr;
  }
  if (k == Kind::Complex64 || k == Kind::Complex128) return makeComplexArith(op, k, a, b);
  switch (op) {
    case Tok::Add: return byKind<OpAdd>(k, a, b);
    case Tok::Sub: return byKind<OpSub>(k, a, b);
    case Tok::Mul: return byKind<OpMul>(k, a, b);
    case Tok::Quo:
      if (isPowerOfTwoConst(k, b)) return intKind<OpQuoPow2>(k, a, b);
      if (Expr* n = divByConst(op, k, a, b)) return n;
      return byKind<OpQuo>(k, a, b);
    case Tok::Rem:
      if (isPowerOfTwoConst(k, b)) return intKind<OpRemPow2>(k, a, b);
      if (Expr* n = divByConst(op, k, a, b)) return n;
      return intKind<OpRem>(k, a, b);
    case Tok::And: return intKind<OpAnd>(k, a, b);
    case Tok::Or: return intKind<OpOr>(k, a, b);
    case Tok::Xor: return intKind<OpXor>(k, a, b);
    case Tok::AndNot: return intKind<OpAndNot>(k, a, b);
    case Tok::Shl: return countSigned ? intKind<Shl1>(k, a, b) : intKind<Shl0>(k, a, b);
    case Tok::Shr: return countSigned ? intKind<Shr1>(k, a, b) : intKind<Shr0>(k, a, b);
    default: return nullptr;
  }
}

Expr* makeCompare(Tok op, const Type* t, Expr* a, Expr* b) {
  Kind k = t->ukind();
  switch (k) {
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::UntypedInt: case Kind::UntypedRune:
      return cmpBy<CmpI>(op, a, b);
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr:
      return cmpBy<CmpU>(op, a, b);
    case Kind::Float32: case Kind::Float64: case Kind::UntypedFloat:
      return cmpBy<CmpF>(op, a, b);
    case Kind::String: case Kind::UntypedString:
      return cmpBy<CmpS>(op, a, b);
    case Kind::Bool: case Kind::UntypedBool:
    case Kind::Pointer: case Kind::Chan: case Kind::Func: case Kind::Map: case Kind::Slice:
    case Kind::UnsafePointer: case Kind::UntypedNil:
      if (op == Tok::Eql || op == Tok::Neq) return cmpBy<CmpU>(op, a, b);
      return nullptr;
    default:
      return nullptr;
  }
}

namespace {
template <class Op>
Stmt* opAssignNode(int slot, Expr* y) {
  if (auto* ly = dynamic_cast<LocalLoad*>(y)) return new OpAssignLL<Op>(slot, ly->slot);
  return new OpAssignLocal<Op>(slot, y);
}

template <template <Kind> class Op>
Stmt* oaKind(Kind k, int slot, Expr* y) {
  switch (k) {
    case Kind::Int: return opAssignNode<Op<Kind::Int>>(slot, y);
    case Kind::Int64: return opAssignNode<Op<Kind::Int64>>(slot, y);
    case Kind::Float64: return opAssignNode<Op<Kind::Float64>>(slot, y);
    case Kind::Uint8: return opAssignNode<Op<Kind::Uint8>>(slot, y);
    case Kind::Uint64: return opAssignNode<Op<Kind::Uint64>>(slot, y);
    case Kind::Int32: return opAssignNode<Op<Kind::Int32>>(slot, y);
    case Kind::Uint32: return opAssignNode<Op<Kind::Uint32>>(slot, y);
    default: return nullptr;
  }
}
}  // namespace

Stmt* makeOpAssignLocal(Tok op, const Type* t, int slot, Expr* y, bool countSigned) {
  Kind k = t->ukind();
  switch (binaryOpOf(op)) {
    case Tok::Add:
      if (k == Kind::String) return new OpAssignLocal<StrAdd>(slot, y);
      return oaKind<OpAdd>(k, slot, y);
    case Tok::Sub: return oaKind<OpSub>(k, slot, y);
    case Tok::Mul: return oaKind<OpMul>(k, slot, y);
    default: return nullptr;  // the generic path handles the rest
  }
}

}  // namespace gol::interp
