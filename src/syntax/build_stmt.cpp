// AST builder, part 2: statements (see build_ast.h).
#include "syntax/build_ast.h"

namespace gol::syntax {

using namespace gol::ast;

using L = gol_antlr::GolLexer;

namespace {

Tok assignTok(size_t type) {
  switch (type) {
    case L::ASSIGN: return Tok::Assign;
    case L::DEFINE: return Tok::Define;
    case L::ADD_ASSIGN: return Tok::AddAssign;
    case L::SUB_ASSIGN: return Tok::SubAssign;
    case L::MUL_ASSIGN: return Tok::MulAssign;
    case L::QUO_ASSIGN: return Tok::QuoAssign;
    case L::REM_ASSIGN: return Tok::RemAssign;
    case L::AND_ASSIGN: return Tok::AndAssign;
    case L::OR_ASSIGN: return Tok::OrAssign;
    case L::XOR_ASSIGN: return Tok::XorAssign;
    case L::SHL_ASSIGN: return Tok::ShlAssign;
    case L::SHR_ASSIGN: return Tok::ShrAssign;
    default: return Tok::AndNotAssign;
  }
}

bool isTypeGuard(Expr* e) {
  return e && e->kind == NodeKind::TypeAssert && static_cast<TypeAssertExpr*>(e)->typeExpr == nullptr;
}

}  // namespace

BlockStmt* Builder::buildBlock(P::BlockContext* c) {
  auto* b = arena_.make<BlockStmt>(pos(c->LBRACE()));
  b->stmts = buildStmtList(c->stmtList());
  b->rbrace = pos(c->RBRACE());
  return b;
}

StmtList Builder::buildStmtList(P::StmtListContext* c) {
  StmtList out;
  for (auto* s : c->statement())
    if (Stmt* st = buildStmt(s)) out.push_back(st);
  return out;
}

Stmt* Builder::buildStmt(P::StatementContext* c) {
  auto* head = c->children[0];
  switch (ruleOf(head)) {
    case P::RuleDeclaration: {
      GenDecl* g = buildDeclaration(static_cast<P::DeclarationContext*>(head));
      return arena_.make<DeclStmt>(g->pos, g);
    }
    case P::RuleSimpleStmt: {
      Stmt* st = buildSimple(static_cast<antlr4::ParserRuleContext*>(head));
      checkHeaderStmt(st);
      return st;
    }
    case P::RuleBlock: return buildBlock(static_cast<P::BlockContext*>(head));
    case P::RuleIfStmt: return buildIf(static_cast<P::IfStmtContext*>(head));
    case P::RuleSwitchStmt: return buildSwitch(static_cast<P::SwitchStmtContext*>(head));
    case P::RuleSelectStmt: return buildSelect(static_cast<P::SelectStmtContext*>(head));
    case P::RuleForStmt: return buildFor(static_cast<P::ForStmtContext*>(head));
    default: break;
  }
  antlr4::Token* kw = static_cast<antlr4::tree::TerminalNode*>(head)->getSymbol();
  Pos p = pos(kw);
  Ident* label = c->IDENT() ? ident(c->IDENT()) : nullptr;
  switch (kw->getType()) {
    case L::IDENT: {  // label: statement
      Stmt* s = c->statement() ? buildStmt(c->statement()) : nullptr;
      if (!s) s = arena_.make<EmptyStmt>(pos(c->COLON()));
      return arena_.make<LabeledStmt>(p, label, s);
    }
    case L::GO: return arena_.make<GoStmt>(p, callOf(buildExpr(c->expression()), "go", p));
    case L::DEFER: return arena_.make<DeferStmt>(p, callOf(buildExpr(c->expression()), "defer", p));
    case L::RETURN: {
      auto* rs = arena_.make<ReturnStmt>(p);
      if (c->expressionList()) rs->results = buildExprList(c->expressionList());
      return rs;
    }
    case L::BREAK: return arena_.make<BranchStmt>(p, Tok::Break, label);
    case L::CONTINUE: return arena_.make<BranchStmt>(p, Tok::Continue, label);
    case L::GOTO: return arena_.make<BranchStmt>(p, Tok::Goto, label);
    default: return arena_.make<BranchStmt>(p, Tok::Fallthrough, nullptr);
  }
}

// simpleStmt / simpleStmtNL: an expression list and an optional tail (++, --, <- x, op= list).
// A `range` tail (headers only) yields a RangeStmt without body for buildFor to complete.
Stmt* Builder::buildSimple(antlr4::ParserRuleContext* c) {
  auto& ch = c->children;
  ExprList lhs = buildExprList(static_cast<antlr4::ParserRuleContext*>(ch[0]));
  Expr* x = lhs[0];
  if (ch.size() == 1) {
    if (lhs.size() > 1) error(x->pos, "syntax error: unexpected comma, expected := or = or comma");
    return arena_.make<ExprStmt>(x->pos, x);
  }
  int tt = tokenOf(ch[1]);
  if (tt == L::INC || tt == L::DEC || tt == L::ARROW) {
    Pos opPos = pos(static_cast<antlr4::tree::TerminalNode*>(ch[1]));
    if (lhs.size() > 1) error(opPos, "syntax error: unexpected " + ch[1]->getText() + ", expected := or = or comma");
    if (tt != L::ARROW) return arena_.make<IncDecStmt>(x->pos, x, tt == L::INC);
    return arena_.make<SendStmt>(x->pos, x, buildExpr(static_cast<antlr4::ParserRuleContext*>(ch[2])), opPos);
  }
  auto* opCtx = static_cast<P::AssignOpContext*>(ch[1]);
  Tok op = assignTok(opCtx->getStart()->getType());
  if (tokenOf(ch[2]) == L::RANGE) {
    auto* r = arena_.make<RangeStmt>(x->pos);
    if (op != Tok::Assign && op != Tok::Define) error(pos(opCtx), "syntax error: unexpected range");
    if (lhs.size() > 2) error(lhs[2]->pos, "range clause permits at most two iteration variables");
    r->key = lhs[0];
    r->value = lhs.size() > 1 ? lhs[1] : nullptr;
    r->tok = op;
    r->x = buildExpr(static_cast<antlr4::ParserRuleContext*>(ch[3]));
    return r;
  }
  auto* as = arena_.make<AssignStmt>(x->pos, op);
  as->opPos = pos(opCtx);
  as->lhs = std::move(lhs);
  as->rhs = buildExprList(static_cast<antlr4::ParserRuleContext*>(ch[2]));
  if (op != Tok::Assign && op != Tok::Define && (as->lhs.size() > 1 || as->rhs.size() > 1))
    error(as->opPos, std::string("syntax error: unexpected ") + tokString(op) + ", expected := or = or comma");
  return as;
}

// Range tails only make sense in for headers; the parser accepts them in any header.
void Builder::checkHeaderStmt(Stmt* s) {
  if (s && s->kind == NodeKind::Range) error(s->pos, "syntax error: unexpected range");
}

CallExpr* Builder::callOf(Expr* x, const char* what, Pos p) {
  if (x->kind == NodeKind::Call) return static_cast<CallExpr*>(x);
  if (x->kind == NodeKind::Paren) error(x->pos, std::string("expression in ") + what + " must not be parenthesized");
  else error(x->pos, std::string("expression in ") + what + " must be function call");
  auto* call = arena_.make<CallExpr>(x->pos, x);  // keep going with a stand-in call
  return call;
}

Expr* Builder::condOf(Stmt* s, const char* what, Pos p) {
  if (!s) {
    error(p, std::string("missing condition in ") + what + " statement");
    return nullptr;
  }
  if (s->kind == NodeKind::ExprStmt) return static_cast<ExprStmt*>(s)->x;
  checkHeaderStmt(s);
  error(s->pos, std::string("cannot use ") + "statement as value");  // gc: "cannot use x := 0 as value"
  return nullptr;
}

Stmt* Builder::buildIf(P::IfStmtContext* c) {
  auto* s = arena_.make<IfStmt>(pos(c->IF()));
  auto* h = c->header();
  Stmt* first = h->first ? buildSimple(h->first) : nullptr;
  if (h->SEMI()) {
    checkHeaderStmt(first);
    s->init = first;
    s->cond = condOf(h->second ? buildSimple(h->second) : nullptr, "if", pos(c->block(0)));
  } else {
    s->cond = condOf(first, "if", pos(c->block(0)));
  }
  s->then = buildBlock(c->block(0));
  if (c->ifStmt()) s->els = buildIf(c->ifStmt());
  else if (c->ELSE()) s->els = buildBlock(c->block(1));
  return s;
}

Stmt* Builder::buildSwitch(P::SwitchStmtContext* c) {
  auto* sw = arena_.make<SwitchStmt>(pos(c->SWITCH()));
  sw->lbrace = pos(c->LBRACE());
  auto* h = c->header();
  Stmt* first = h->first ? buildSimple(h->first) : nullptr;
  Stmt* tag = first;
  if (h->SEMI()) {
    checkHeaderStmt(first);
    sw->init = first;
    tag = h->second ? buildSimple(h->second) : nullptr;
  }
  for (auto* cc : c->caseClause()) {
    auto* cl = arena_.make<CaseClause>(pos(cc));
    cl->isDefault = cc->DEFAULT() != nullptr;
    cl->colon = pos(cc->COLON());
    if (cc->expressionList()) cl->list = buildExprList(cc->expressionList());
    cl->body = buildStmtList(cc->stmtList());
    sw->clauses.push_back(cl);
  }
  if (tag) {
    bool guard = (tag->kind == NodeKind::ExprStmt && isTypeGuard(static_cast<ExprStmt*>(tag)->x)) ||
                 (tag->kind == NodeKind::AssignStmt && static_cast<AssignStmt*>(tag)->rhs.size() == 1 &&
                  isTypeGuard(static_cast<AssignStmt*>(tag)->rhs[0]));
    if (guard) return buildTypeSwitch(sw, tag);
    sw->tag = condOf(tag, "switch", sw->lbrace);
  }
  return sw;
}

// `switch [init;] [v :=] x.(type)`: move the parsed pieces into a TypeSwitchStmt.
Stmt* Builder::buildTypeSwitch(SwitchStmt* sw, Stmt* guard) {
  auto* ts = arena_.make<TypeSwitchStmt>(sw->pos);
  ts->init = sw->init;
  ts->clauses = std::move(sw->clauses);
  TypeAssertExpr* ta;
  if (guard->kind == NodeKind::AssignStmt) {
    auto* as = static_cast<AssignStmt*>(guard);
    ta = static_cast<TypeAssertExpr*>(as->rhs[0]);
    if (as->op != Tok::Define || as->lhs.size() != 1 || as->lhs[0]->kind != NodeKind::Ident)
      error(as->pos, "syntax error: invalid variable name in type switch");
    else
      ts->bind = static_cast<Ident*>(as->lhs[0]);
  } else {
    ta = static_cast<TypeAssertExpr*>(static_cast<ExprStmt*>(guard)->x);
  }
  looseTypeGuards_.erase(ta);
  ts->x = ta->x;
  return ts;
}

Stmt* Builder::buildSelect(P::SelectStmtContext* c) {
  auto* sel = arena_.make<SelectStmt>(pos(c->SELECT()));
  for (auto* cc : c->commClause()) {
    Stmt* comm = cc->simpleStmt() ? buildSimple(cc->simpleStmt()) : nullptr;
    if (comm) {
      bool recv = false;
      auto isRecv = [](Expr* e) { return e->kind == NodeKind::Unary && static_cast<UnaryExpr*>(e)->op == Tok::Arrow; };
      if (comm->kind == NodeKind::ExprStmt) recv = isRecv(static_cast<ExprStmt*>(comm)->x);
      if (comm->kind == NodeKind::AssignStmt) {
        auto* as = static_cast<AssignStmt*>(comm);
        recv = (as->op == Tok::Assign || as->op == Tok::Define) && as->rhs.size() == 1 && as->lhs.size() <= 2 &&
               isRecv(as->rhs[0]);
      }
      if (!recv && comm->kind != NodeKind::SendStmt) error(comm->pos, "select case must be receive, send or assign recv");
    }
    auto* cl = arena_.make<CommClause>(pos(cc), comm);
    cl->colon = pos(cc->COLON());
    cl->body = buildStmtList(cc->stmtList());
    sel->clauses.push_back(cl);
  }
  return sel;
}

Stmt* Builder::buildFor(P::ForStmtContext* c) {
  Pos forPos = pos(c->FOR());
  auto* h = c->forHeader();
  if (auto* bare = dynamic_cast<P::ForRangeBareContext*>(h)) {
    auto* r = arena_.make<RangeStmt>(forPos);
    r->x = buildExpr(bare->expressionNL());
    r->body = buildBlock(c->block());
    return r;
  }
  auto* g = static_cast<P::ForGeneralContext*>(h);
  Stmt* init = g->init ? buildSimple(g->init) : nullptr;
  if (g->SEMI().empty() && init && init->kind == NodeKind::Range) {
    auto* r = static_cast<RangeStmt*>(init);
    r->pos = forPos;
    r->body = buildBlock(c->block());
    return r;
  }
  auto* f = arena_.make<ForStmt>(forPos);
  if (g->SEMI().empty()) {
    if (init) f->cond = condOf(init, "for", forPos);
  } else {
    checkHeaderStmt(init);
    f->init = init;
    if (g->cond) f->cond = condOf(buildSimple(g->cond), "for", forPos);
    f->post = g->post ? buildSimple(g->post) : nullptr;
    checkHeaderStmt(f->post);
    if (f->post && f->post->kind == NodeKind::AssignStmt && static_cast<AssignStmt*>(f->post)->op == Tok::Define)
      error(f->post->pos, "syntax error: cannot declare in post statement of for loop");
  }
  f->body = buildBlock(c->block());
  return f;
}

}  // namespace gol::syntax
