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

// children: unary (binaryOp unary)*
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
    auto* rc = static_cast<antlr4::ParserRuleContext*>(ch[i]);
    if (i % 2 == 0) {
      operands.push_back(buildUnary(rc));
      continue;
    }
    BinOp op = binOp(rc->getStart()->getType());
    while (!ops.empty() && ops.back().first.prec >= op.prec) reduce();  // left-associative
    ops.push_back({op, pos(rc)});
  }
  while (!ops.empty()) reduce();
  return operands.back();
}

// children: unaryOp unary | primary. Walks the prefix chain iteratively, then applies it inside out.
Expr* Builder::buildUnary(antlr4::ParserRuleContext* c) {
  std::vector<antlr4::Token*> prefix;
  while (c->children.size() == 2) {
    prefix.push_back(static_cast<antlr4::ParserRuleContext*>(c->children[0])->getStart());
    c = static_cast<antlr4::ParserRuleContext*>(c->children[1]);
  }
  Expr* x = buildPrimary(static_cast<antlr4::ParserRuleContext*>(c->children[0]));
  for (size_t i = prefix.size(); i-- > 0;) {
    antlr4::Token* t = prefix[i];
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

// primaryExpr: operand suffix*; primaryExprNL: (basicOperand | typeOperand literalValue?) suffixNL*
Expr* Builder::buildPrimary(antlr4::ParserRuleContext* c) {
  Expr* x = buildOperand(static_cast<antlr4::ParserRuleContext*>(c->children[0]));
  for (size_t i = 1; i < c->children.size(); i++)
    x = applySuffix(x, static_cast<antlr4::ParserRuleContext*>(c->children[i]));
  return x;
}

Expr* Builder::buildOperand(antlr4::ParserRuleContext* c) {
  int rule = static_cast<int>(c->getRuleIndex());
  if (rule == P::RuleOperand || rule == P::RuleTypeOperand)
    return buildOperand(static_cast<antlr4::ParserRuleContext*>(c->children[0]));
  if (rule == P::RuleArrayType) return buildArrayType(static_cast<P::ArrayTypeContext*>(c));
  if (rule == P::RuleStructType) return buildStructType(static_cast<P::StructTypeContext*>(c));
  if (rule == P::RuleMapType) return buildMapType(static_cast<P::MapTypeContext*>(c));
  if (rule == P::RuleChanType) return buildChanType(static_cast<P::ChanTypeContext*>(c));
  if (rule == P::RuleInterfaceType) return buildInterfaceType(static_cast<P::InterfaceTypeContext*>(c));
  // basicOperand alternatives
  antlr4::Token* t = c->getStart();
  switch (t->getType()) {
    case L::INT_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Int, raw(t));
    case L::FLOAT_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Float, raw(t));
    case L::IMAG_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Imag, raw(t));
    case L::RUNE_LIT: return arena_.make<BasicLit>(pos(t), LitKind::Rune, raw(t));
    case L::STRING_LIT:
    case L::RAW_STRING_LIT: return arena_.make<BasicLit>(pos(t), LitKind::String, raw(t));
    case L::IDENT: return arena_.make<Ident>(pos(t), raw(t));
    default: break;
  }
  if (auto* p = dynamic_cast<P::ParenOperandContext*>(c)) return arena_.make<ParenExpr>(pos(t), buildExpr(p->expression()));
  auto* f = static_cast<P::FuncOperandContext*>(c);
  FuncTypeExpr* sig = buildSignature(f->signature(), pos(t));
  if (!f->block()) return sig;
  return arena_.make<FuncLit>(pos(t), sig, buildBlock(f->block()));
}

Expr* Builder::applySuffix(Expr* x, antlr4::ParserRuleContext* c) {
  if (c->getRuleIndex() == P::RuleSuffix || c->getRuleIndex() == P::RuleSuffixNL)
    c = static_cast<antlr4::ParserRuleContext*>(c->children[0]);
  switch (c->getRuleIndex()) {
    case P::RuleSelector: {
      auto* s = static_cast<P::SelectorContext*>(c);
      return arena_.make<SelectorExpr>(x->pos, x, ident(s->IDENT()));
    }
    case P::RuleTypeAssertion: {
      auto* a = static_cast<P::TypeAssertionContext*>(c);
      auto* ta = arena_.make<TypeAssertExpr>(x->pos, x, a->type_() ? buildType(a->type_()) : nullptr);
      if (!ta->typeExpr) looseTypeGuards_.insert(ta);
      return ta;
    }
    case P::RuleIndexOrSlice: return buildIndexOrSlice(x, static_cast<P::IndexOrSliceContext*>(c));
    case P::RuleArguments: return buildCall(x, static_cast<P::ArgumentsContext*>(c));
    default: return buildLiteral(x, static_cast<P::LiteralValueContext*>(c));
  }
}

Expr* Builder::buildIndexOrSlice(Expr* x, P::IndexOrSliceContext* c) {
  Pos lb = pos(c->LBRACK());
  Expr* lo = c->lo ? buildExpr(c->lo) : nullptr;
  if (!c->c1) {
    if (!lo) error(pos(c->RBRACK()), "syntax error: expected operand");
    if (c->COMMA()) error(pos(c->COMMA()), "not supported by gol: generics");
    return arena_.make<IndexExpr>(x->pos, x, lo, lb);
  }
  Expr* hi = c->hi ? buildExpr(c->hi) : nullptr;
  Expr* max = c->max ? buildExpr(c->max) : nullptr;
  bool three = c->c2 != nullptr;
  if (three && !hi) error(pos(c->c2), "middle index required in 3-index slice");
  if (three && !max) error(pos(c->RBRACK()), "final index required in 3-index slice");
  if (c->COMMA()) error(pos(c->COMMA()), "syntax error: unexpected comma, expected ]");
  return arena_.make<SliceExpr>(x->pos, x, lo, hi, max, three, lb);
}

Expr* Builder::buildCall(Expr* x, P::ArgumentsContext* c) {
  auto* call = arena_.make<CallExpr>(x->pos, x);
  call->lparen = pos(c->LPAREN());
  call->rparen = pos(c->RPAREN());
  if (c->expressionList()) call->args = buildExprList(c->expressionList());
  call->hasEllipsis = c->ELLIPSIS() != nullptr;
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
