// Spelling of tokens, and the compound-assignment map shared by the checker and the evaluator.
#include "base/token.h"

namespace gol {

const char* tokString(Tok t) {
  switch (t) {
    case Tok::None: return "";
    case Tok::Add: return "+";
    case Tok::Sub: return "-";
    case Tok::Mul: return "*";
    case Tok::Quo: return "/";
    case Tok::Rem: return "%";
    case Tok::And: return "&";
    case Tok::Or: return "|";
    case Tok::Xor: return "^";
    case Tok::Shl: return "<<";
    case Tok::Shr: return ">>";
    case Tok::AndNot: return "&^";
    case Tok::LAnd: return "&&";
    case Tok::LOr: return "||";
    case Tok::Arrow: return "<-";
    case Tok::Inc: return "++";
    case Tok::Dec: return "--";
    case Tok::Eql: return "==";
    case Tok::Lss: return "<";
    case Tok::Gtr: return ">";
    case Tok::Not: return "!";
    case Tok::Neq: return "!=";
    case Tok::Leq: return "<=";
    case Tok::Geq: return ">=";
    case Tok::Assign: return "=";
    case Tok::Define: return ":=";
    case Tok::AddAssign: return "+=";
    case Tok::SubAssign: return "-=";
    case Tok::MulAssign: return "*=";
    case Tok::QuoAssign: return "/=";
    case Tok::RemAssign: return "%=";
    case Tok::AndAssign: return "&=";
    case Tok::OrAssign: return "|=";
    case Tok::XorAssign: return "^=";
    case Tok::ShlAssign: return "<<=";
    case Tok::ShrAssign: return ">>=";
    case Tok::AndNotAssign: return "&^=";
    case Tok::Break: return "break";
    case Tok::Continue: return "continue";
    case Tok::Goto: return "goto";
    case Tok::Fallthrough: return "fallthrough";
    case Tok::Import: return "import";
    case Tok::Const: return "const";
    case Tok::Type: return "type";
    case Tok::Var: return "var";
  }
  return "?";
}

Tok binaryOpOf(Tok op) {
  switch (op) {
    case Tok::AddAssign: case Tok::Inc: return Tok::Add;
    case Tok::SubAssign: case Tok::Dec: return Tok::Sub;
    case Tok::MulAssign: return Tok::Mul;
    case Tok::QuoAssign: return Tok::Quo;
    case Tok::RemAssign: return Tok::Rem;
    case Tok::AndAssign: return Tok::And;
    case Tok::OrAssign: return Tok::Or;
    case Tok::XorAssign: return Tok::Xor;
    case Tok::ShlAssign: return Tok::Shl;
    case Tok::ShrAssign: return Tok::Shr;
    case Tok::AndNotAssign: return Tok::AndNot;
    default: return Tok::None;
  }
}

}  // namespace gol
