// Go's operator and keyword tokens as the AST, the constant folder (types/) and the evaluator
// (interp/) name them. Lives below all three so that none of them depends on another for it.
#pragma once
#include <cstdint>

namespace gol {

enum class Tok : uint8_t {
  None,
  Add, Sub, Mul, Quo, Rem, And, Or, Xor, Shl, Shr, AndNot,  // + - * / % & | ^ << >> &^
  LAnd, LOr, Arrow, Inc, Dec,                               // && || <- ++ --
  Eql, Lss, Gtr, Not, Neq, Leq, Geq,                        // == < > ! != <= >=
  Assign, Define,                                           // = :=
  AddAssign, SubAssign, MulAssign, QuoAssign, RemAssign,
  AndAssign, OrAssign, XorAssign, ShlAssign, ShrAssign, AndNotAssign,
  Break, Continue, Goto, Fallthrough,
  Import, Const, Type, Var,
};
const char* tokString(Tok t);  // "+", "&^=", "break", ...
// The binary operator of a compound assignment or inc/dec statement (`+=` and `++` -> `+`);
// Tok::None for any other token.
Tok binaryOpOf(Tok assignOp);

}  // namespace gol
