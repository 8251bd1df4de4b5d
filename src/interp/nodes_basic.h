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

struct BlockNode : Stmt {
  std::vector<Stmt*> list;
  Status exec(Frame& f) override {
    for (Stmt* s : list) {
      f.pos = s->pos;
      Status st = s->exec(f);
      if (GOL_UNLIKELY(st != kNormal)) return st;
    }
    return kNormal;
  }
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
