// Deeply nested code on goroutine stacks. Compiling and evaluating recurse on the tree, and a
// goroutine's stack is small (64 KiB) and grows only where someone asks (sched::stackLow, then
// sched::growAndCall onto a bigger segment). A call asks in invoke; this file makes nesting ask
// too, so 10,000 chained calls or terms in one function neither overflow nor scribble on
// memory past the segment (there are no guard pages):
//   - Compiler::expr and Compiler::stmt move onto a fresh segment when the stack runs low;
//   - every kGuardEvery levels of nesting the compiled node is wrapped in a guard node that
//     does the same at run time. Shallow code (nearly all code) gets no guard nodes at all.
#include "interp/compiler.h"

namespace gol::interp {

namespace {

// Levels of nesting between two run-time guards. Evaluating one level takes a few small frames,
// so kGuardEvery levels stay well inside the red zone that stackLow() keeps free.
constexpr int kGuardEvery = 16;

// Runs f() (returning a node or value) on a fresh stack segment and returns its result.
template <class R, class F>
R onFreshSegment(F&& f) {
  struct Call {
    F* f;
    R r;
  } c{&f, R()};
  sched::growAndCall([](void* p) {
    auto* c = static_cast<Call*>(p);
    c->r = (*c->f)();
  }, &c);
  return c.r;
}

struct GuardExpr : Expr {
  Expr* x;
  explicit GuardExpr(Expr* e) : x(e) { pos = e->pos; }
  Value eval(Frame& f) override {
    if (GOL_LIKELY(!sched::stackLow())) return x->eval(f);
    return onFreshSegment<Value>([&] { return x->eval(f); });
  }
  void evalMulti(Frame& f, Value* out) override {
    if (GOL_LIKELY(!sched::stackLow())) return x->evalMulti(f, out);
    onFreshSegment<int>([&] {
      x->evalMulti(f, out);
      return 0;
    });
  }
};

struct GuardStmt : Stmt {
  Stmt* s;
  explicit GuardStmt(Stmt* st) : s(st) { pos = st->pos; }
  Status exec(Frame& f) override {
    if (GOL_LIKELY(!sched::stackLow())) return s->exec(f);
    return onFreshSegment<Status>([&] { return s->exec(f); });
  }
};

// Leaves have nothing below them to recurse into, and a bare constant must stay recognisable
// (convertNode looks for an already boxed one).
bool isLeaf(const ast::Expr* e) {
  return (e->value && e->mode == ast::ExprMode::Constant) || e->kind == ast::NodeKind::Ident ||
         e->kind == ast::NodeKind::BasicLit;
}

}  // namespace

Expr* Compiler::expr(ast::Expr* e) {
  if (GOL_UNLIKELY(sched::stackLow())) return onFreshSegment<Expr*>([&] { return expr(e); });
  depth_++;
  Expr* n = exprNode(e);
  bool guard = depth_ % kGuardEvery == 0 && n && !isLeaf(e);
  depth_--;
  return guard ? new GuardExpr(n) : n;
}

Stmt* Compiler::stmt(ast::Stmt* s) {
  if (GOL_UNLIKELY(sched::stackLow())) return onFreshSegment<Stmt*>([&] { return stmt(s); });
  depth_++;
  Stmt* n = stmtNode(s);
  bool guard = depth_ % kGuardEvery == 0 && n;
  depth_--;
  return guard ? new GuardStmt(n) : n;
}

}  // namespace gol::interp
