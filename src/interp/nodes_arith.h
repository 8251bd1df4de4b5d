// Arithmetic and comparison nodes specialised by static type (Kind) and by operand shape
// (frame slot, constant, any), so `n < 2`, `n - 1`, `i*j` and `sum += v` run without type
// tests. Sized integers wrap: results are truncated and sign/zero-extended to the type's width
// after every operation; float32 results are rounded through float (src/DESIGN.md §4, value.h).
#pragma once
#include "interp/nodes_basic.h"
#include "types/type.h"

namespace gol::interp {

template <Kind K>
constexpr bool kSigned = K == Kind::Int || K == Kind::Int8 || K == Kind::Int16 || K == Kind::Int32 ||
                         K == Kind::Int64;
template <Kind K>
constexpr bool kFloat = K == Kind::Float32 || K == Kind::Float64;

template <Kind K>
inline Value norm(Value v) {
  if constexpr (K == Kind::Int8) v.i = static_cast<int8_t>(v.i);
  else if constexpr (K == Kind::Int16) v.i = static_cast<int16_t>(v.i);
  else if constexpr (K == Kind::Int32) v.i = static_cast<int32_t>(v.i);
  else if constexpr (K == Kind::Uint8) v.u = static_cast<uint8_t>(v.u);
  else if constexpr (K == Kind::Uint16) v.u = static_cast<uint16_t>(v.u);
  else if constexpr (K == Kind::Uint32) v.u = static_cast<uint32_t>(v.u);
  else if constexpr (K == Kind::Float32) v.f = static_cast<double>(static_cast<float>(v.f));
  return v;
}

template <Kind K> struct OpAdd {
  static Value ap(Value a, Value b) {
    if constexpr (kFloat<K>) return norm<K>(Value::F(a.f + b.f));
    else return norm<K>(Value::U(a.u + b.u));
  }
};
template <Kind K> struct OpSub {
  static Value ap(Value a, Value b) {
    if constexpr (kFloat<K>) return norm<K>(Value::F(a.f - b.f));
    else return norm<K>(Value::U(a.u - b.u));
  }
};
template <Kind K> struct OpMul {
  static Value ap(Value a, Value b) {
    if constexpr (kFloat<K>) return norm<K>(Value::F(a.f * b.f));
    else return norm<K>(Value::U(a.u * b.u));
  }
};
template <Kind K> struct OpQuo {
  static Value ap(Value a, Value b) {
    if constexpr (kFloat<K>) return norm<K>(Value::F(a.f / b.f));
    else {
      if (GOL_UNLIKELY(b.u == 0)) panicDivide();
      if constexpr (kSigned<K>) {
        if (GOL_UNLIKELY(b.i == -1)) return norm<K>(Value::U(0 - a.u));  // MinInt / -1 wraps
        return norm<K>(Value::I(a.i / b.i));
      } else {
        return norm<K>(Value::U(a.u / b.u));
      }
    }
  }
};
template <Kind K> struct OpRem {
  static Value ap(Value a, Value b) {
    if (GOL_UNLIKELY(b.u == 0)) panicDivide();
    if constexpr (kSigned<K>) {
      if (GOL_UNLIKELY(b.i == -1)) return Value::I(0);
      return norm<K>(Value::I(a.i % b.i));
    } else {
      return norm<K>(Value::U(a.u % b.u));
    }
  }
};
// x / c and x % c for a constant power of two c > 1 (`seed % 2147483648`, `a / 65536`): a
// shift and a mask instead of a divide, which costs tens of cycles. Go truncates toward zero,
// so a negative x is biased by c-1 before the shift and its remainder keeps x's sign. Operands
// of sized kinds are kept sign- or zero-extended to 64 bits (norm), so 64-bit arithmetic is exact.
template <Kind K> struct OpQuoPow2 {
  static Value ap(Value a, Value c) {
    int k = __builtin_ctzll(c.u);
    if constexpr (kSigned<K>) return norm<K>(Value::I((a.i + ((a.i >> 63) & (c.i - 1))) >> k));
    else return norm<K>(Value::U(a.u >> k));
  }
};
template <Kind K> struct OpRemPow2 {
  static Value ap(Value a, Value c) {
    if constexpr (kSigned<K>) {
      int64_t r = a.i & (c.i - 1);
      return norm<K>(Value::I(a.i < 0 && r != 0 ? r - c.i : r));
    } else {
      return norm<K>(Value::U(a.u & (c.u - 1)));
    }
  }
};

template <Kind K> struct OpAnd { static Value ap(Value a, Value b) { return Value::U(a.u & b.u); } };
template <Kind K> struct OpOr { static Value ap(Value a, Value b) { return Value::U(a.u | b.u); } };
template <Kind K> struct OpXor { static Value ap(Value a, Value b) { return norm<K>(Value::U(a.u ^ b.u)); } };
template <Kind K> struct OpAndNot { static Value ap(Value a, Value b) { return norm<K>(Value::U(a.u & ~b.u)); } };

// Shift counts: the right operand's own signedness decides whether a negative count panics;
// the compiler passes counts of unsigned type through unchanged (never negative as int64 if
// huge: they are clamped below).
[[noreturn]] void panicNegativeShift();
template <Kind K, bool CountSigned> struct OpShl {
  static Value ap(Value a, Value b) {
    if (CountSigned && GOL_UNLIKELY(b.i < 0)) panicNegativeShift();
    if (b.u >= 64) return Value::U(0);
    return norm<K>(Value::U(a.u << b.u));
  }
};
template <Kind K, bool CountSigned> struct OpShr {
  static Value ap(Value a, Value b) {
    if (CountSigned && GOL_UNLIKELY(b.i < 0)) panicNegativeShift();
    if constexpr (kSigned<K>) {
      if (b.u >= 64) return Value::I(a.i < 0 ? -1 : 0);
      return Value::I(a.i >> b.u);
    } else {
      if (b.u >= 64) return Value::U(0);
      return Value::U(a.u >> b.u);
    }
  }
};

// Comparisons by representation class.
enum class CmpOp { Eq, Ne, Lt, Le, Gt, Ge };
template <class T, CmpOp O>
inline bool cmpT(T a, T b) {
  if constexpr (O == CmpOp::Eq) return a == b;
  else if constexpr (O == CmpOp::Ne) return a != b;
  else if constexpr (O == CmpOp::Lt) return a < b;
  else if constexpr (O == CmpOp::Le) return a <= b;
  else if constexpr (O == CmpOp::Gt) return a > b;
  else return a >= b;
}
template <CmpOp O> struct CmpI { static Value ap(Value a, Value b) { return Value::B(cmpT<int64_t, O>(a.i, b.i)); } };
template <CmpOp O> struct CmpU { static Value ap(Value a, Value b) { return Value::B(cmpT<uint64_t, O>(a.u, b.u)); } };
template <CmpOp O> struct CmpF { static Value ap(Value a, Value b) { return Value::B(cmpT<double, O>(a.f, b.f)); } };
template <CmpOp O> struct CmpS {
  static Value ap(Value a, Value b) {
    if constexpr (O == CmpOp::Eq) return Value::B(rt::equalStrings(a, b));
    else if constexpr (O == CmpOp::Ne) return Value::B(!rt::equalStrings(a, b));
    else return Value::B(cmpT<int, O>(rt::compareStrings(a, b), 0));
  }
};

// ---------------------------------------------------------------- operand shapes

template <class Op> struct BinXX : Expr {
  Expr *a, *b;
  BinXX(Expr* x, Expr* y) : a(x), b(y) {}
  Value eval(Frame& f) override {
    Value x = a->eval(f);
    return Op::ap(x, b->eval(f));
  }
};
template <class Op> struct BinLC : Expr {
  int sa; Value cb;
  BinLC(int s, Value c) : sa(s), cb(c) {}
  Value eval(Frame& f) override { return Op::ap(f.s[sa], cb); }
};
template <class Op> struct BinLL : Expr {
  int sa, sb;
  BinLL(int x, int y) : sa(x), sb(y) {}
  Value eval(Frame& f) override { return Op::ap(f.s[sa], f.s[sb]); }
};
template <class Op> struct BinXC : Expr {
  Expr* a; Value cb;
  BinXC(Expr* x, Value c) : a(x), cb(c) {}
  Value eval(Frame& f) override { return Op::ap(a->eval(f), cb); }
};
template <class Op> struct BinXL : Expr {
  Expr* a; int sb;
  BinXL(Expr* x, int s) : a(x), sb(s) {}
  Value eval(Frame& f) override { return Op::ap(a->eval(f), f.s[sb]); }
};

template <class Op>
Expr* makeBin(Expr* a, Expr* b) {
  auto* la = dynamic_cast<LocalLoad*>(a);
  auto* lb = dynamic_cast<LocalLoad*>(b);
  auto* cb = dynamic_cast<ConstNode*>(b);
  if (la && cb) return new BinLC<Op>(la->slot, cb->v);
  if (la && lb) return new BinLL<Op>(la->slot, lb->slot);
  if (cb) return new BinXC<Op>(a, cb->v);
  if (lb) return new BinXL<Op>(a, lb->slot);
  return new BinXX<Op>(a, b);
}

// `x op= y` on an unboxed local: one node.
template <class Op> struct OpAssignLocal : Stmt {
  int slot; Expr* y;
  OpAssignLocal(int s, Expr* e) : slot(s), y(e) {}
  Status exec(Frame& f) override {
    Value v = y->eval(f);
    f.s[slot] = Op::ap(f.s[slot], v);
    return kNormal;
  }
};

// `x op= y` with y an unboxed local too (`sum += v`).
template <class Op> struct OpAssignLL : Stmt {
  int slot, ys;
  OpAssignLL(int s, int y) : slot(s), ys(y) {}
  Status exec(Frame& f) override {
    f.s[slot] = Op::ap(f.s[slot], f.s[ys]);
    return kNormal;
  }
};

// Factories (nodes_arith.cpp): choose the node for an operator on a static type.
Expr* makeArith(ast::Tok op, const Type* t, Expr* a, Expr* b, bool countSigned);
Expr* makeCompare(ast::Tok op, const Type* t, Expr* a, Expr* b);  // basic types only
Stmt* makeOpAssignLocal(ast::Tok op, const Type* t, int slot, Expr* y, bool countSigned);
// complex.cpp
Expr* makeComplexArith(ast::Tok op, Kind k, Expr* a, Expr* b);  // + - * / (null for other operators)
Expr* makeComplexNeg(Expr* x);
Expr* makeComplexBuiltin(BuiltinId id, Expr* a, Expr* b);       // complex(a, b), real(a), imag(a)
Expr* makeComplexConversion(Kind to, Kind from, Expr* x);

}  // namespace gol::interp
