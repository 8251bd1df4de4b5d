// Compiling if and for. Both are templates over how they test their condition, so that the
// commonest conditions — an int local compared with another or with a constant (`i < n`,
// `n < 2`) — and the commonest step (`i++`) run inline in the statement's node, with no call to
// a child node, while one body of code serves every if and every loop: init statements,
// break/continue with labels, Go 1.22's per-iteration loop variables, and the safepoint at the
// loop's back edge (src/DESIGN.md §7).
#include "interp/compiler.h"
#include "interp/nodes_arith.h"

namespace gol::interp {

namespace {

// ---------------------------------------------------------------- conditions and steps

struct AnyCond {  // any boolean expression; none (a for without condition) means true
  Expr* x = nullptr;
  bool test(Frame& f) { return !x || x->eval(f).u; }
};

// An int local compared with an int local (Const = false) or with a constant (Const = true).
template <CmpOp O, bool Const>
struct LocalIntCond {
  int slot = 0, boundSlot = 0;
  int64_t bound = 0;
  bool test(Frame& f) { return cmpT<int64_t, O>(f.s[slot].i, Const ? bound : f.s[boundSlot].i); }
};

struct AnyPost {  // any post statement, or none
  Stmt* s = nullptr;
  void step(Frame& f) {
    if (s) s->exec(f);
  }
};

struct IncPost {  // i++ / i-- on an int local
  int slot = 0;
  int64_t d = 0;
  void step(Frame& f) { f.s[slot].u += static_cast<uint64_t>(d); }
};

// Calls make(c) with c the inline form of `cond` when it is a comparison of int locals (or of
// an int local and a constant) and returns what make returned; null for any other condition.
template <class Make>
Stmt* withLocalIntCond(Expr* cond, Make make) {
  Stmt* made = nullptr;
  auto match = [&]<CmpOp O>() {
    if (made) return;
    if (auto* ll = dynamic_cast<BinLL<CmpI<O>>*>(cond)) made = make(LocalIntCond<O, false>{ll->sa, ll->sb, 0});
    else if (auto* lc = dynamic_cast<BinLC<CmpI<O>>*>(cond)) made = make(LocalIntCond<O, true>{lc->sa, 0, lc->cb.i});
  };
  match.template operator()<CmpOp::Lt>();
  match.template operator()<CmpOp::Le>();
  match.template operator()<CmpOp::Gt>();
  match.template operator()<CmpOp::Ge>();
  match.template operator()<CmpOp::Eq>();
  match.template operator()<CmpOp::Ne>();
  return made;
}

// ---------------------------------------------------------------- if

// A branch that is a one-statement block runs its statement directly, setting the position
// the block would have set (thenPos, elsPos; 0: the branch is a node of its own).
template <class Cond>
struct IfNode : Stmt {
  Stmt* init = nullptr;
  Cond cond;
  Stmt* then;
  Stmt* els = nullptr;
  Pos thenPos = 0, elsPos = 0;
  Status exec(Frame& f) override {
    if (init) {
      Status st = init->exec(f);
      if (st) return st;
    }
    if (cond.test(f)) {
      if (thenPos) f.pos = thenPos;
      return then->exec(f);
    }
    if (els) {
      if (elsPos) f.pos = elsPos;
      return els->exec(f);
    }
    return kNormal;
  }
};

// The statement of a one-statement block, and its position; otherwise s itself and 0.
Stmt* unwrapBlock1(Stmt* s, Pos* pos) {
  *pos = 0;
  auto* b = dynamic_cast<Block1*>(s);
  if (!b) return s;
  *pos = b->a->pos;
  return b->a;
}

template <class Cond>
Stmt* makeIf(Cond cond, Stmt* init, Stmt* then, Stmt* els) {
  auto* n = new IfNode<Cond>();
  n->init = init;
  n->cond = cond;
  n->then = unwrapBlock1(then, &n->thenPos);
  n->els = els ? unwrapBlock1(els, &n->elsPos) : nullptr;
  return n;
}

// ---------------------------------------------------------------- for

template <class Cond, class Post>
struct ForLoop : Stmt {
  Stmt* init = nullptr;
  Cond cond;
  Post post;
  LoopBody body;
  std::vector<int> perIter;  // boxed loop variables: fresh cell each iteration (Go 1.22)
  const void* self;
  const void* label;
  Status exec(Frame& f) override {
    if (init) init->exec(f);
    for (;;) {
      if (!cond.test(f)) break;
      Status st = body.run(f);
      if (GOL_UNLIKELY(st != kNormal)) {
        if (st == kBreak || st == kContinue) {
          if (f.branch && f.branch != self && f.branch != label) return st;
          f.branch = nullptr;
          if (st == kBreak) break;
        } else {
          return st;
        }
      }
      for (int slot : perIter) f.s[slot] = Value::P(newCell(heapLoad(&f.s[slot].as<rt::Cell>()->v)));
      post.step(f);
      poll(f);
    }
    return kNormal;
  }
};

// The parts of a for statement, compiled, before the node that fits them is chosen.
struct LoopParts {
  const void* self;
  const void* label;
  Stmt* init;
  Stmt* body;
  std::vector<int> perIter;
};

template <class Cond, class Post>
Stmt* makeFor(const LoopParts& parts, Cond cond, Post post) {
  auto* n = new ForLoop<Cond, Post>();
  n->self = parts.self;
  n->label = parts.label;
  n->init = parts.init;
  n->body.set(parts.body);
  n->perIter = parts.perIter;
  n->cond = cond;
  n->post = post;
  return n;
}

template <class Post>
Stmt* makeForWith(const LoopParts& parts, Expr* cond, Post post) {
  if (Stmt* n = withLocalIntCond(cond, [&](auto c) { return makeFor(parts, c, post); })) return n;
  return makeFor(parts, AnyCond{cond}, post);
}

}  // namespace

Stmt* Compiler::ifStmt(ast::IfStmt* s) {
  Stmt* init = s->init ? stmt(s->init) : nullptr;
  Expr* cond = expr(s->cond);
  Stmt* then = block(s->then->stmts);
  Stmt* els = s->els ? stmt(s->els) : nullptr;
  if (Stmt* n = withLocalIntCond(cond, [&](auto c) { return makeIf(c, init, then, els); })) return n;
  return makeIf(AnyCond{cond}, init, then, els);
}

Stmt* Compiler::forStmt(ast::ForStmt* s, const void* label) {
  LoopParts parts{s, label, s->init ? stmt(s->init) : nullptr, nullptr, {}};
  Expr* cond = s->cond ? expr(s->cond) : nullptr;
  Stmt* post = s->post ? stmt(s->post) : nullptr;
  parts.body = block(s->body->stmts);
  for (Symbol* v : s->loopVars)
    if (v && v->boxed && !v->global) parts.perIter.push_back(v->index);
  if (auto* inc = dynamic_cast<IncLocalInt*>(post)) return makeForWith(parts, cond, IncPost{inc->slot, inc->d});
  return makeForWith(parts, cond, AnyPost{post});
}

}  // namespace gol::interp
