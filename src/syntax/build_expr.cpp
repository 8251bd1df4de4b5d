// AST builder, part 3: expressions. Operator chains arrive flat from the parser and are grouped
// here by precedence climbing with explicit stacks, so long chains need no deep recursion.
#include "syntax/build_ast.h"

namespace gol::syntax {

using namespace gol::ast;
using L = gol_antlr::GolLexer;

namespace {

struct BinOp {
  Tok tok;
  int prec;  // Go: 5 * / % << >> & &^, 4 + - | ^, 3 comparisons, 2 &&, 1 ||
};

BinOp binOp(size_t type) {
  switch (type) {
    case L::MUL: return {Tok::Mul, 5};
    case L::QUO: return {Tok::Quo, 5};
    case L::REM: return {Tok::Rem, 5};
    case L::SHL: return {Tok::Shl, 5};
    case L::SHR: return {Tok::Shr, 5};
    case L::AND: return {Tok::And, 5};
    case L::AND_NOT: return {Tok::AndNot, 5};
    case L::ADD: return {Tok::Add, 4};
    case L::SUB: return {Tok::Sub, 4};
    case L::OR: return {Tok::Or, 4};
    case L::XOR: return {Tok::Xor, 4};
    case L::EQL: return {Tok::Eql, 3};
    case L::NEQ: return {Tok::Neq, 3};
    case L::LSS: return {Tok::Lss, 3};
    case L::LEQ: return {Tok::Leq, 3};
    case L::GTR: return {Tok::Gtr, 3};
    case L::GEQ: return {Tok::Geq, 3};
    case L::LAND: return {Tok::LAnd, 2};
    default: return {Tok::LOr, 1};
  }
}

Tok unaryTok(size_t type) {
  switch (type) {
    case L::ADD: return Tok::Add;
    case L::SUB: return Tok::Sub;
    case L::NOT: return Tok::Not;
    case L::XOR: return Tok::Xor;
    case L::AND: return Tok::And;
    default: return Tok::Arrow;
  }
}

}  // namespace

ExprList Builder::buildExprList(antlr4::ParserRuleContext* c) {
  ExprList out;
  for (auto* ch : c->children)
    if (ruleOf(ch) >= 0) out.push_back(buildExpr(static_cast<antlr4::ParserRuleContext*>(ch)));
  return out;
}

// children: unary (op unary)*
Expr* Builder::buildExpr(antlr4::ParserRuleContext* c) {
  auto& ch = c->children;
  if (ch.size() == 1) return buildUnary(static_cast<antlr4::ParserRuleContext*>(ch[0]));
  std::vector<Expr*> operands;
  std::vector<std::pair<BinOp, Pos>> ops;
  auto reduce = [&] {
    Expr* y = operands.back();
    operands.pop_back();
    Expr* x = operands.back();
    auto [op, opPos] = ops.back();
    ops.pop_back();
    auto* b = arena_.make<BinaryExpr>(x->pos, op.tok, x, y);
    b->opPos = opPos;
    operands.back() = b;
  };
  for (size_t i = 0; i < ch.size(); i++) {
    if (i % 2 == 0) {
      operands.push_back(buildUnary(static_cast<antlr4::ParserRuleContext*>(ch[i])));
      continue;
    }
    antlr4::Token* t = static_cast<antlr4::tree::TerminalNode*>(ch[i])->getSymbol();
    BinOp op = binOp(t->getType());
    while (!ops.empty() && ops.back().first.prec >= op.prec) reduce();  // left-associative
    ops.push_back({op, pos(t)});
  }
  while (!ops.empty()) reduce();
  return operands.back();
}

// children: prefixOp* (operand | typeOperand) literalValue? suffix*. Prefixes apply inside out.
Expr* Builder::buildUnary(antlr4::ParserRuleContext* c) {
  auto& ch = c->children;
  size_t first = 0;
  while (tokenOf(ch[first]) >= 0) first++;
  Expr* x = buildOperand(static_cast<antlr4::ParserRuleContext*>(ch[first]));
  for (size_t i = first + 1; i < ch.size(); i++) x = applySuffix(x, static_cast<antlr4::ParserRuleContext*>(ch[i]));
  for (size_t i = first; i-- > 0;) {
    antlr4::Token* t = static_cast<antlr4::tree::TerminalNode*>(ch[i])->getSymbol();
    Pos p = pos(t);
    if (t->getType() == L::MUL) {
      x = arena_.make<StarExpr>(p, x);
    } else if (t->getType() == L::ARROW && x->kind == NodeKind::ChanType &&
               static_cast<ChanTypeExpr*>(x)->dir == ChanDir::Both) {
      auto* ct = static_cast<ChanTypeExpr*>(x);  // `<-chan T` written as an expression
      x = arena_.make<ChanTypeExpr>(p, ChanDir::Recv, ct->elem);
    } else {
      x = arena_.make<UnaryExpr>(p, unaryTok(t->getType()), x);
    }
  }
  return x;
}

Expr* Builder::buildOperand(antlr4::ParserRuleContext* c) {
  if (c->getRuleIndex() == P::RuleTypeOperand) {
    auto* t = static_cast<antlr4::ParserRuleContext*>(c->children[0]);
    switch (t->getRuleIndex()) {
      case P::RuleArrayType: return buildArrayType(static_cast<P::ArrayTypeContext*>(t));
      case P::RuleStructType: return buildStructType(static_cast<P::StructTypeContext*>(t));
      case P::RuleMapType: return buildMapType(static_cast<P::MapTypeContext*>(t));
      case P::RuleChanType: return buildChanType(static_cast<P::ChanTypeContext*>(t));
      default: return buildInterfaceType(static_cast<P::InterfaceTypeContext*>(t));
    }
  }
  auto* o = static_cast<P::OperandContext*>(c);
  antlr4::Token* t = o->getStart();
  switch (t->getType()) {
    case L::INT_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Int, raw(t));
    case L::FLOAT_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Float, raw(t));
    case L::IMAG_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Imag, raw(t));
    case L::RUNE_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Rune, raw(t));
    case L::STRING_LIT:
    case L::RAW_STRING_LIT: return arena_.make<BasicLit>(pos(t), LitKind::String, raw(t));
    case L::IDENT: return arena_.make<Ident>(pos(t), raw(t));
    case L::QUAL_IDENT: return qualified(t);
    case L::LPAREN: return arena_.make<ParenExpr>(pos(t), buildExpr(o->expression()));
    default: break;
  }
  FuncTypeExpr* sig = buildSignature(o->signature(), pos(t));
  if (!o->block()) return sig;
  return arena_.make<FuncLit>(pos(t), sig, buildBlock(o->block()));
}

// suffix / suffixNL (dispatch on the leading token), or a literal value after a type in a header.
Expr* Builder::applySuffix(Expr* x, antlr4::ParserRuleContext* c) {
  if (c->getRuleIndex() == P::RuleLiteralValue) return buildLiteral(x, static_cast<P::LiteralValueContext*>(c));
  auto& ch = c->children;
  switch (tokenOf(ch[0])) {
    case L::PERIOD: {
      if (tokenOf(ch[1]) == L::IDENT)
        return arena_.make<SelectorExpr>(x->pos, x, ident(static_cast<antlr4::tree::TerminalNode*>(ch[1])));
      auto* type = dynamic_cast<P::Type_Context*>(ch[2]);
      auto* ta = arena_.make<TypeAssertExpr>(x->pos, x, type ? buildType(type) : nullptr);
      if (!type) looseTypeGuards_.insert(ta);
      return ta;
    }
    case L::LBRACK: return buildIndexOrSlice(x, c);
    case L::LPAREN: return buildCall(x, c);
    default: return buildLiteral(x, static_cast<P::LiteralValueContext*>(ch[0]));
  }
}

// children: '[' expr? (':' expr? (':' expr?)?)? ','? ']'
Expr* Builder::buildIndexOrSlice(Expr* x, antlr4::ParserRuleContext* c) {
  auto& ch = c->children;
  Pos lb = pos(c->getStart());
  Expr* parts[3] = {nullptr, nullptr, nullptr};
  int colons = 0;
  Pos colon2 = 0, comma = 0;
  for (size_t i = 1; i + 1 < ch.size(); i++) {
    int tt = tokenOf(ch[i]);
    if (tt == L::COLON) {
      if (++colons == 2) colon2 = pos(static_cast<antlr4::tree::TerminalNode*>(ch[i]));
    } else if (tt == L::COMMA) {
      comma = pos(static_cast<antlr4::tree::TerminalNode*>(ch[i]));
    } else {
      parts[colons] = buildExpr(static_cast<antlr4::ParserRuleContext*>(ch[i]));
    }
  }
  Pos rb = pos(static_cast<antlr4::tree::TerminalNode*>(ch.back()));
  if (colons == 0) {
    if (!parts[0]) error(rb, "syntax error: expected operand");
    if (comma) error(comma, "not supported by gol: generics");
    return arena_.make<IndexExpr>(x->pos, x, parts[0], lb);
  }
  bool three = colons == 2;
  if (three && !parts[1]) error(colon2, "middle index required in 3-index slice");
  if (three && !parts[2]) error(rb, "final index required in 3-index slice");
  if (comma) error(comma, "syntax error: unexpected comma, expected ]");
  return arena_.make<SliceExpr>(x->pos, x, parts[0], parts[1], parts[2], three, lb);
}

// children: '(' (expressionList '...'? ','?)? ')'
Expr* Builder::buildCall(Expr* x, antlr4::ParserRuleContext* c) {
  auto* call = arena_.make<CallExpr>(x->pos, x);
  call->lparen = pos(c->getStart());
  call->rparen = pos(c->getStop());
  for (auto* ch : c->children) {
    if (ruleOf(ch) == P::RuleExpressionList) call->args = buildExprList(static_cast<antlr4::ParserRuleContext*>(ch));
    if (tokenOf(ch) == L::ELLIPSIS) call->hasEllipsis = true;
  }
  return call;
}

// `type{...}`; type is null for an elided inner literal. Nested elided literals recurse here.
CompositeLit* Builder::buildLiteral(Expr* type, P::LiteralValueContext* c) {
  Pos lb = pos(c->LBRACE());
  auto* lit = arena_.make<CompositeLit>(type ? type->pos : lb, type);
  lit->lbrace = lb;
  lit->rbrace = pos(c->RBRACE());
  for (auto* e : c->element()) {
    auto vals = e->elementValue();
    Expr* parts[2] = {nullptr, nullptr};
    for (size_t i = 0; i < vals.size() && i < 2; i++)
      parts[i] = vals[i]->expression() ? buildExpr(vals[i]->expression()) : buildLiteral(nullptr, vals[i]->literalValue());
    lit->elts.push_back(vals.size() == 1 ? parts[0] : arena_.make<KeyValueExpr>(parts[0]->pos, parts[0], parts[1]));
  }
  return lit;
}

}  // namespace gol::syntax
