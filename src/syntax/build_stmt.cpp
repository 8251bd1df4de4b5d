// AST builder, part 2: statements (see build_ast.h).
#include "syntax/build_ast.h"

namespace gol::syntax {

using namespace gol::ast;

namespace {

Tok assignTok(size_t type) {
  using L = gol_antlr::GolLexer;
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
  if (auto* d = dynamic_cast<P::DeclStmtContext*>(c)) {
    GenDecl* g = buildDeclaration(d->declaration());
    return arena_.make<DeclStmt>(g->pos, g);
  }
  if (auto* l = dynamic_cast<P::LabeledStmtContext*>(c)) {
    Ident* label = ident(l->IDENT());
    Stmt* s = l->statement() ? buildStmt(l->statement()) : nullptr;
    if (!s) s = arena_.make<EmptyStmt>(pos(l->COLON()));
    return arena_.make<LabeledStmt>(label->pos, label, s);
  }
  if (auto* s = dynamic_cast<P::SimpleStatementContext*>(c)) {
    Stmt* st = buildSimple(s->simpleStmt());
    checkHeaderStmt(st);
    return st;
  }
  if (auto* g = dynamic_cast<P::GoStmtContext*>(c))
    return arena_.make<GoStmt>(pos(g->GO()), callOf(buildExpr(g->expression()), "go", pos(g->GO())));
  if (auto* d = dynamic_cast<P::DeferStmtContext*>(c))
    return arena_.make<DeferStmt>(pos(d->DEFER()), callOf(buildExpr(d->expression()), "defer", pos(d->DEFER())));
  if (auto* r = dynamic_cast<P::ReturnStmtContext*>(c)) {
    auto* rs = arena_.make<ReturnStmt>(pos(r->RETURN()));
    if (r->expressionList()) rs->results = buildExprList(r->expressionList());
    return rs;
  }
  if (auto* b = dynamic_cast<P::BreakStmtContext*>(c))
    return arena_.make<BranchStmt>(pos(b->BREAK()), Tok::Break, b->IDENT() ? ident(b->IDENT()) : nullptr);
  if (auto* k = dynamic_cast<P::ContinueStmtContext*>(c))
    return arena_.make<BranchStmt>(pos(k->CONTINUE()), Tok::Continue, k->IDENT() ? ident(k->IDENT()) : nullptr);
  if (auto* g = dynamic_cast<P::GotoStmtContext*>(c))
    return arena_.make<BranchStmt>(pos(g->GOTO()), Tok::Goto, ident(g->IDENT()));
  if (auto* f = dynamic_cast<P::FallthroughStmtContext*>(c))
    return arena_.make<BranchStmt>(pos(f->FALLTHROUGH()), Tok::Fallthrough, nullptr);
  if (auto* b = dynamic_cast<P::BlockStmtContext*>(c)) return buildBlock(b->block());
  if (auto* i = dynamic_cast<P::IfStatementContext*>(c)) return buildIf(i->ifStmt());
  if (auto* s = dynamic_cast<P::SwitchStatementContext*>(c)) return buildSwitch(s->switchStmt());
  if (auto* s = dynamic_cast<P::SelectStatementContext*>(c)) return buildSelect(s->selectStmt());
  return buildFor(static_cast<P::ForStatementContext*>(c)->forStmt());
}

// simpleStmt / simpleStmtNL: an expression list and an optional tail. A `range` tail (headers
// only) yields a RangeStmt without body for buildFor to complete.
Stmt* Builder::buildSimple(antlr4::ParserRuleContext* c) {
  ExprList lhs = buildExprList(static_cast<antlr4::ParserRuleContext*>(c->children[0]));
  Expr* x = lhs[0];
  if (c->children.size() == 1) {
    if (lhs.size() > 1) error(x->pos, "syntax error: unexpected comma, expected := or = or comma");
    return arena_.make<ExprStmt>(x->pos, x);
  }
  auto* tail = static_cast<antlr4::ParserRuleContext*>(c->children[1]);
  auto* first = tail->children[0];
  int tt = tokenOf(first);
  using L = gol_antlr::GolLexer;
  if (tt == L::INC || tt == L::DEC || tt == L::ARROW) {
    if (lhs.size() > 1) error(pos(tail), "syntax error: unexpected " + raw(tail->getStart()) + ", expected := or = or comma");
    if (tt != L::ARROW) return arena_.make<IncDecStmt>(x->pos, x, tt == L::INC);
    Expr* v = buildExpr(static_cast<antlr4::ParserRuleContext*>(tail->children[1]));
    return arena_.make<SendStmt>(x->pos, x, v, pos(tail));
  }
  auto* opCtx = static_cast<P::AssignOpContext*>(first);
  Tok op = assignTok(opCtx->getStart()->getType());
  if (tokenOf(tail->children[1]) == L::RANGE) {
    auto* r = arena_.make<RangeStmt>(x->pos);
    if (op != Tok::Assign && op != Tok::Define) error(pos(opCtx), "syntax error: unexpected range");
    if (lhs.size() > 2) error(lhs[2]->pos, "range clause permits at most two iteration variables");
    r->key = lhs[0];
    r->value = lhs.size() > 1 ? lhs[1] : nullptr;
    r->tok = op;
    r->x = buildExpr(static_cast<antlr4::ParserRuleContext*>(tail->children[2]));
    return r;
  }
  auto* as = arena_.make<AssignStmt>(x->pos, op);
  as->opPos = pos(opCtx);
  as->lhs = std::move(lhs);
  as->rhs = buildExprList(static_cast<antlr4::ParserRuleContext*>(tail->children[1]));
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
