// Seeded runs' decision points at shared variables (src/DESIGN.md §9.1). On real hardware two
// goroutines can interleave between the load and the store of `counter++`; a seeded run on
// virtual processors shows that only if the schedule may switch there too. So in seeded mode
// the compiler wraps every access to storage more than one goroutine can reach — globals,
// captured and boxed variables, and anything reached through a pointer, slice or map — with the
// one safepoint (sched::safepoint: a budget decrement; when the slice's budget runs out, the
// goroutine is preempted right there). Runs without -seed compile none of this.
#pragma once
#include "interp/compiler.h"
#include "sched/sched.h"

namespace gol::interp {

// Whether this run compiles decision points (set once, before anything is compiled).
void setSharedDecisionPoints(bool on);
bool sharedDecisionPoints();

struct SharedLoad : Expr {  // a decision point, then the load
  Expr* x;
  explicit SharedLoad(Expr* e) : x(e) {}
  Value eval(Frame& f) override {
    sched::visiblePoint();
    return x->eval(f);
  }
  void evalMulti(Frame& f, Value* out) override {  // v, ok := m[k]
    sched::visiblePoint();
    x->evalMulti(f, out);
  }
};

// An assignable shared place: a decision point before its load and before its store, so a
// read-modify-write (x++, x += 1, x = x + 1) can be split by another goroutine.
struct SharedLV : LValue {
  LValue* in;
  explicit SharedLV(LValue* l) : in(l) { type = l->type; }
  void prepare(Frame& f) override { in->prepare(f); }
  Value load(Frame& f) override {
    sched::visiblePoint();
    return in->load(f);
  }
  void store(Frame& f, Value v) override {
    sched::visiblePoint();
    in->store(f, v);
  }
  bool isBlank() const override { return in->isBlank(); }
};

inline Expr* sharedLoad(Expr* load) { return sharedDecisionPoints() ? new SharedLoad(load) : load; }
inline LValue* sharedPlace(LValue* lv) { return sharedDecisionPoints() ? new SharedLV(lv) : lv; }

}  // namespace gol::interp
