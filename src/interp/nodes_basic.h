// Basic evaluator nodes: constants, variable loads and stores (frame slot, heap cell, closure
// capture, global), implicit conversions (interface boxing, struct copies), and simple
// statements. Frame slots are private to their goroutine (plain access); cells, globals and
// heap objects are shared and accessed with rt::load/rt::store (src/DESIGN.md §5).
#pragma once
#include "interp/nodes.h"

namespace gol::interp {

struct ConstNode : Expr {
  Value v;
  explicit ConstNode(Value x) : v(x) {}
  Value eval(Frame&) override { return v; }
};

struct LocalLoad : Expr {
  int slot;
  explicit LocalLoad(int s) : slot(s) {}
  Value eval(Frame& f) override { return f.s[slot]; }
};

struct CellLoad : Expr {  // boxed local: the slot holds a Cell*
  int slot;
  explicit CellLoad(int s) : slot(s) {}
  Value eval(Frame& f) override { return heapLoad(&f.s[slot].as<rt::Cell>()->v); }
};

struct CapLoad : Expr {  // captured variable: caps[i] is a Cell*
  int idx;
  explicit CapLoad(int i) : idx(i) {}
  Value eval(Frame& f) override { return heapLoad(&f.caps[idx].as<rt::Cell>()->v); }
};

struct GlobalLoad : Expr {
  Value* addr;
  explicit GlobalLoad(Value* a) : addr(a) {}
  Value eval(Frame&) override { return heapLoad(addr); }
};

// Struct/array values are objects owned by their variable: reading one for a new home copies.
struct CopyNode : Expr {
  Expr* x;
  const Type* t;
  CopyNode(Expr* e, const Type* ty) : x(e), t(ty) {}
  Value eval(Frame& f) override { return rt::copyValue(t, x->eval(f)); }
};

// *p for a value receiver reached through a pointer: a nil p panics as Go's dereference does,
// where copyValue alone would make a zero struct of nil.
struct CopyDerefNode : Expr {
  Expr* x;
  const Type* t;
  CopyDerefNode(Expr* e, const Type* ty) : x(e), t(ty) {}
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    nilCheck(v.p);
    return rt::copyValue(t, v);
  }
};

struct BoxNode : Expr {  // concrete -> interface
  Expr* x;
  const Type* t;
  BoxNode(Expr* e, const Type* ty) : x(e), t(ty) {}
  Value eval(Frame& f) override { return rt::boxIface(t, x->eval(f)); }
};

// Stores a value into a word that may hold a struct/array object: copies into the existing
// object so pointers to it (&x, &s[i]) keep seeing the variable.
inline void storeObj(const Type* t, Value* slot, Value v) {
  Value cur = heapLoad(slot);
  if (cur.p && cur.p != v.p)
    rt::assignInPlace(t, cur, v);
  else if (!cur.p)
    heapStore(slot, rt::copyValue(t, v));
}

// ---------------------------------------------------------------- simple statements

struct ExprStmtNode : Stmt {
  Expr* x;
  explicit ExprStmtNode(Expr* e) : x(e) {}
  Status exec(Frame& f) override {
    x->eval(f);
    return kNormal;
  }
};

struct IncLocalInt : Stmt {  // i++ / i-- on an unboxed int local
  int slot;
  int64_t d;
  Status exec(Frame& f) override {
    f.s[slot].u += static_cast<uint64_t>(d);  // Go's int wraps; in C++ only unsigned does
    return kNormal;
  }
};

struct LocalStore : Stmt {
  int slot;
  Expr* x;
  LocalStore(int s, Expr* e) : slot(s), x(e) {}
  Status exec(Frame& f) override {
    f.s[slot] = x->eval(f);
    return kNormal;
  }
};

struct NewCellStore : Stmt {  // declaration of a boxed local: a fresh cell per execution
  int slot;
  Expr* x;
  NewCellStore(int s, Expr* e) : slot(s), x(e) {}
  Status exec(Frame& f) override;
};

struct EmptyNode : Stmt {
  Status exec(Frame&) override { return kNormal; }
};

// Runs a block's statements, each after setting the frame's position to it. Up to four run
// from a call site each: an indirect call whose site always has the same target is predicted,
// where one site cycling through a block's statements is not.
GOL_ALWAYS_INLINE Status runStmts(Stmt* const* p, size_t n, Frame& f) {
  Status st;
#define GOL_RUN_AT(i)                          \
  f.pos = p[i]->pos;                           \
  st = p[i]->exec(f);                          \
  if (GOL_UNLIKELY(st != kNormal)) return st;
  if (GOL_LIKELY(n <= 4)) {
    if (n > 0) { GOL_RUN_AT(0) }
    if (n > 1) { GOL_RUN_AT(1) }
    if (n > 2) { GOL_RUN_AT(2) }
    if (n > 3) { GOL_RUN_AT(3) }
    return kNormal;
  }
  for (size_t i = 0; i < n; i++) {
    GOL_RUN_AT(i)
  }
#undef GOL_RUN_AT
  return kNormal;
}

struct BlockNode : Stmt {
  std::vector<Stmt*> list;
  Status exec(Frame& f) override { return runStmts(list.data(), list.size(), f); }
};

// Blocks of one and two statements, unrolled: most function bodies and branches are that short.
struct Block1 final : Stmt {
  Stmt* a;
  explicit Block1(Stmt* x) : a(x) {}
  Status exec(Frame& f) override {
    f.pos = a->pos;
    return a->exec(f);
  }
};
struct Block2 final : Stmt {
  Stmt* a;
  Stmt* b;
  Block2(Stmt* x, Stmt* y) : a(x), b(y) {}
  Status exec(Frame& f) override {
    f.pos = a->pos;
    Status st = a->exec(f);
    if (GOL_UNLIKELY(st != kNormal)) return st;
    f.pos = b->pos;
    return b->exec(f);
  }
};

// A loop's body block, run by the loop's own node: the block's statements are kept here, so an
// iteration costs no call for the block itself. A body that is not a plain block (one with
// labels) is kept as its one statement.
struct LoopBody {
  std::vector<Stmt*> stmts;
  void set(Stmt* body) {
    if (auto* b = dynamic_cast<BlockNode*>(body)) stmts = b->list;
    else if (auto* b1 = dynamic_cast<Block1*>(body)) stmts = {b1->a};
    else if (auto* b2 = dynamic_cast<Block2*>(body)) stmts = {b2->a, b2->b};
    else stmts = {body};
  }
  GOL_ALWAYS_INLINE Status run(Frame& f) { return runStmts(stmts.data(), stmts.size(), f); }
};

// A block with labelled statements: a goto to one of them (kGoto with Frame::branch == its
// LabeledStmt) continues at that statement, backward or forward; other statuses, and gotos to
// labels of enclosing blocks, leave the block. A jump is a loop back-edge: it polls (§10, 26).
struct GotoBlockNode : Stmt {
  std::vector<Stmt*> list;
  std::vector<std::pair<const void*, size_t>> labels;  // LabeledStmt -> index in list
  Status exec(Frame& f) override {
    size_t i = 0;
    while (i < list.size()) {
      f.pos = list[i]->pos;
      Status st = list[i]->exec(f);
      if (GOL_LIKELY(st == kNormal)) {
        i++;
        continue;
      }
      if (st != kGoto) return st;
      size_t to = list.size();
      for (auto& [l, at] : labels)
        if (l == f.branch) to = at;
      if (to == list.size()) return st;  // a label of an enclosing block
      f.branch = nullptr;
      i = to;
      poll(f);
    }
    return kNormal;
  }
};

rt::Cell* newCell(Value v);

}  // namespace gol::interp
