// complex64 and complex128 at run time: arithmetic (Go's division, runtime.complex128div),
// negation, complex/real/imag, and conversions between the two sizes. A value is an immutable
// rt::ComplexObj (null: 0+0i), so every result is a fresh object; complex arithmetic is rare in
// gol's programs and the one-word value model stays. complex64 results are rounded to float32
// after every operation, as Go computes them in float32.
#include <cmath>

#include "interp/compiler.h"
#include "interp/nodes_arith.h"

namespace gol::interp {

namespace {

inline double r32(double x, bool f32) { return f32 ? static_cast<double>(static_cast<float>(x)) : x; }

// runtime.complex128div: Smith's algorithm, with C99's corrections for infinities and zeros.
void complexDiv(double a, double b, double c, double d, double* e, double* f) {
  if (std::fabs(c) >= std::fabs(d)) {
    double ratio = d / c, denom = c + ratio * d;
    *e = (a + b * ratio) / denom;
    *f = (b - a * ratio) / denom;
  } else {
    double ratio = c / d, denom = d + ratio * c;
    *e = (a * ratio + b) / denom;
    *f = (b * ratio - a) / denom;
  }
  if (std::isnan(*e) && std::isnan(*f)) {
    double inf = INFINITY;
    auto fin = [](double x) { return std::isfinite(x); };
    if (c == 0 && d == 0 && (!std::isnan(a) || !std::isnan(b))) {
      *e = std::copysign(inf, c) * a;
      *f = std::copysign(inf, c) * b;
    } else if ((std::isinf(a) || std::isinf(b)) && fin(c) && fin(d)) {
      a = std::copysign(std::isinf(a) ? 1.0 : 0.0, a);
      b = std::copysign(std::isinf(b) ? 1.0 : 0.0, b);
      *e = inf * (a * c + b * d);
      *f = inf * (b * c - a * d);
    } else if ((std::isinf(c) || std::isinf(d)) && fin(a) && fin(b)) {
      c = std::copysign(std::isinf(c) ? 1.0 : 0.0, c);
      d = std::copysign(std::isinf(d) ? 1.0 : 0.0, d);
      *e = 0 * (a * c + b * d);
      *f = 0 * (b * c - a * d);
    }
  }
}

struct ComplexBin : Expr {
  Tok op;
  bool f32;
  Expr *x, *y;
  ComplexBin(Tok o, bool s, Expr* a, Expr* b) : op(o), f32(s), x(a), y(b) {}
  Value eval(Frame& f) override {
    Value va = x->eval(f), vb = y->eval(f);
    double a = rt::complexReal(va), b = rt::complexImag(va), c = rt::complexReal(vb), d = rt::complexImag(vb);
    double re, im;
    switch (op) {
      case Tok::Add: re = a + c, im = b + d; break;
      case Tok::Sub: re = a - c, im = b - d; break;
      case Tok::Mul:  // each product rounded as its own float32 operation would be
        re = r32(r32(a * c, f32) - r32(b * d, f32), f32);
        im = r32(r32(a * d, f32) + r32(b * c, f32), f32);
        break;
      default: complexDiv(a, b, c, d, &re, &im); break;  // complex64: through complex128, as gc does
    }
    return rt::makeComplex(r32(re, f32), r32(im, f32));
  }
};

struct ComplexNeg : Expr {
  Expr* x;
  explicit ComplexNeg(Expr* e) : x(e) {}
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    return rt::makeComplex(-rt::complexReal(v), -rt::complexImag(v));
  }
};

struct ComplexMake : Expr {  // complex(re, im)
  Expr *re, *im;
  ComplexMake(Expr* a, Expr* b) : re(a), im(b) {}
  Value eval(Frame& f) override {
    double a = re->eval(f).f;
    return rt::makeComplex(a, im->eval(f).f);
  }
};

struct ComplexPart : Expr {  // real(c), imag(c): the part is already a float32 for a complex64
  Expr* x;
  bool imag;
  ComplexPart(Expr* e, bool i) : x(e), imag(i) {}
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    return Value::F(imag ? rt::complexImag(v) : rt::complexReal(v));
  }
};

struct ComplexRound : Expr {  // complex64(c) of a complex128
  Expr* x;
  explicit ComplexRound(Expr* e) : x(e) {}
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    return rt::makeComplex(r32(rt::complexReal(v), true), r32(rt::complexImag(v), true));
  }
};

}  // namespace

Expr* makeComplexArith(Tok op, Kind k, Expr* a, Expr* b) {
  if (op != Tok::Add && op != Tok::Sub && op != Tok::Mul && op != Tok::Quo) return nullptr;
  return new ComplexBin(op, k == Kind::Complex64, a, b);
}
Expr* makeComplexNeg(Expr* x) { return new ComplexNeg(x); }
Expr* makeComplexBuiltin(BuiltinId id, Expr* a, Expr* b) {
  if (id == BuiltinId::Complex) return new ComplexMake(a, b);
  return new ComplexPart(a, id == BuiltinId::Imag);
}
Expr* makeComplexConversion(Kind to, Kind from, Expr* x) {
  return to == Kind::Complex64 && from != Kind::Complex64 ? new ComplexRound(x) : x;
}

}  // namespace gol::interp
