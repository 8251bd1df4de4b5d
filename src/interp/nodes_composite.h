// Evaluator nodes over values that live in heap objects: reaching into them (fields, indexing
// bounds-checked against the backing object's real size, slicing, maps, dereference, pointers
// to slots, fields and elements), building them (composite literals, closures, function and
// method values), and the operators and tests that look inside them (structural equality,
// pointer equality, type assertions, channel receives). Also here, for now: &&, || and !, and float
// negation (nodes_arith.h has the rest of the operators). Hot ones are inline; the rest are in
// nodes_composite.cpp.
#pragma once
#include "interp/nodes_basic.h"
#include "types/type.h"

namespace gol::interp {

// x.f where x is a struct value or a pointer to a struct (both are StructObj*).
struct FieldLoad : Expr {
  Expr* x;
  int idx;
  FieldLoad(Expr* e, int i) : x(e), idx(i) {}
  Value eval(Frame& f) override {
    auto* o = x->eval(f).as<rt::StructObj>();
    nilCheck(o);
    return heapLoad(&o->fields[idx]);
  }
};

struct IndexSlice : Expr {
  Expr *x, *i;
  IndexSlice(Expr* a, Expr* b) : x(a), i(b) {}
  Value eval(Frame& f) override {
    auto* s = x->eval(f).as<rt::SliceObj>();
    int64_t k = i->eval(f).i;
    int64_t len = s ? s->len : 0;
    if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= static_cast<uint64_t>(len))) panicIndex(k, len);
    return heapLoad(&s->arr->elems[s->off + k]);
  }
};

// s[i] with the slice and the index in frame slots (the inner loop's `a[i]`): no child calls.
struct IndexSliceLL : Expr {
  int xs, is;
  IndexSliceLL(int x, int i) : xs(x), is(i) {}
  Value eval(Frame& f) override {
    auto* s = f.s[xs].as<rt::SliceObj>();
    int64_t k = f.s[is].i;
    int64_t len = s ? s->len : 0;
    if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= static_cast<uint64_t>(len))) panicIndex(k, len);
    return heapLoad(&s->arr->elems[s->off + k]);
  }
};

struct IndexArray : Expr {  // arrays and pointers to arrays (ArrObj*)
  Expr *x, *i;
  IndexArray(Expr* a, Expr* b) : x(a), i(b) {}
  Value eval(Frame& f) override {
    auto* a = x->eval(f).as<rt::ArrObj>();
    int64_t k = i->eval(f).i;
    nilCheck(a);
    if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= static_cast<uint64_t>(a->len))) panicIndex(k, a->len);
    return heapLoad(&a->elems[k]);
  }
};

struct IndexString : Expr {
  Expr *x, *i;
  IndexString(Expr* a, Expr* b) : x(a), i(b) {}
  Value eval(Frame& f) override {
    auto sv = rt::strView(x->eval(f));
    int64_t k = i->eval(f).i;
    if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= sv.size())) panicIndex(k, static_cast<int64_t>(sv.size()));
    return Value::U(static_cast<uint8_t>(sv[k]));
  }
};

struct MapIndex : Expr {  // m[k]; evalMulti gives (v, ok)
  Expr *m, *k;
  const Type* elem;
  bool zeroObj;
  MapIndex(Expr* a, Expr* b, const Type* e) : m(a), k(b), elem(e), zeroObj(isObj(e)) {}
  Value eval(Frame& f) override;
  void evalMulti(Frame& f, Value* out) override;
};

struct SliceNode : Expr {
  enum Mode { Str, Slc, Arr } mode = Slc;
  Expr *x = nullptr, *lo = nullptr, *hi = nullptr, *max = nullptr;
  Value eval(Frame& f) override;
};

struct DerefNode : Expr {  // *p; struct/array pointees are the object itself
  Expr* x;
  bool obj;
  DerefNode(Expr* e, bool o) : x(e), obj(o) {}
  Value eval(Frame& f) override {
    Value p = x->eval(f);
    nilCheck(p.p);
    if (obj) return p;
    return heapLoad(p.as<rt::PtrObj>()->addr);
  }
};

struct NegFloat : Expr {
  Expr* x;
  explicit NegFloat(Expr* e) : x(e) {}
  Value eval(Frame& f) override { return Value::F(-x->eval(f).f); }
};
struct NotNode : Expr {
  Expr* x;
  explicit NotNode(Expr* e) : x(e) {}
  Value eval(Frame& f) override { return Value::B(!x->eval(f).u); }
};
struct AndAnd : Expr {
  Expr *a, *b;
  AndAnd(Expr* x, Expr* y) : a(x), b(y) {}
  Value eval(Frame& f) override { return Value::B(a->eval(f).u && b->eval(f).u); }
};
struct OrOr : Expr {
  Expr *a, *b;
  OrOr(Expr* x, Expr* y) : a(x), b(y) {}
  Value eval(Frame& f) override { return Value::B(a->eval(f).u || b->eval(f).u); }
};

struct EqualNode : Expr {  // structural == / != by type (structs, arrays, interfaces)
  Expr *a, *b;
  const Type* t;
  bool neg;
  EqualNode(Expr* x, Expr* y, const Type* ty, bool n) : a(x), b(y), t(ty), neg(n) {}
  Value eval(Frame& f) override {
    Value x = a->eval(f);
    Value y = b->eval(f);
    return Value::B(rt::equalValues(t, x, y) != neg);
  }
};

struct PtrEqNode : Expr {
  Expr *a, *b;
  bool neg;
  PtrEqNode(Expr* x, Expr* y, bool n) : a(x), b(y), neg(n) {}
  Value eval(Frame& f) override {
    auto* x = a->eval(f).as<rt::PtrObj>();
    auto* y = b->eval(f).as<rt::PtrObj>();
    bool eq = x == y || (x && y && x->addr == y->addr);
    return Value::B(eq != neg);
  }
};

// Evaluates hoisted calls into frame temporaries, then the wrapped expression (gc evaluates
// the calls of an argument list before its plain operands).
struct HoistNode : Expr {
  std::vector<std::pair<int, Expr*>> calls;
  Expr* x;
  Value eval(Frame& f) override {
    for (auto& [slot, e] : calls) f.s[slot] = e->eval(f);
    return x->eval(f);
  }
};

struct CompositeNode : Expr {
  enum Mode { Struct, Array, Slice, Map } mode = Struct;
  const Type* type = nullptr;
  std::vector<int64_t> idx;
  std::vector<Expr*> keys, vals;
  int64_t len = 0;
  Value eval(Frame& f) override;
};

struct MakeFuncNode : Expr {  // a declared function used as a value
  Func* fn;
  explicit MakeFuncNode(Func* x) : fn(x) {}
  Value eval(Frame&) override { return makeFuncValue(fn); }
};

struct MakeClosureNode : Expr {
  Func* fn;
  struct Cap { bool fromCaps; int index; };
  std::vector<Cap> caps;
  explicit MakeClosureNode(Func* x) : fn(x) {}
  Value eval(Frame& f) override;
};

struct MakeBoundNode : Expr {  // method value x.M with a statically known method
  Func* fn;
  Expr* recv;
  MakeBoundNode(Func* m, Expr* r) : fn(m), recv(r) {}
  Value eval(Frame& f) override;
};

struct IfaceMethodValueNode : Expr {  // method value i.M
  Expr* x;
  std::string name;
  IfaceMethodValueNode(Expr* e, std::string n) : x(e), name(std::move(n)) {}
  Value eval(Frame& f) override;
};

struct TypeAssertNode : Expr {
  Expr* x;
  const Type* target;
  const Type* src;
  bool toIface;
  bool commaOk;
  std::atomic<void*> cache{nullptr};  // last (dyn type, implements) pair for interface targets
  Value eval(Frame& f) override;
  void evalMulti(Frame& f, Value* out) override;
  bool check(Value v);
};

struct RecvNode : Expr {  // <-ch; evalMulti gives (v, ok)
  Expr* ch;
  const Type* elem;
  bool commaOk;
  RecvNode(Expr* c, const Type* e, bool ok) : ch(c), elem(e), commaOk(ok) {}
  Value eval(Frame& f) override;
  void evalMulti(Frame& f, Value* out) override;
};

// Address-of nodes (compile_lvalue.cpp builds them).
struct PtrToSlot : Expr {  // &x for a boxed local / global / captured cell
  enum Mode { Cell, Cap, Global, Slot } mode;
  int idx;
  Value* gaddr = nullptr;
  PtrToSlot(Mode m, int i) : mode(m), idx(i) {}
  Value eval(Frame& f) override;
};
struct PtrToField : Expr {
  Expr* x;
  int idx;
  PtrToField(Expr* e, int i) : x(e), idx(i) {}
  Value eval(Frame& f) override;
};
struct PtrToElem : Expr {
  Expr *x, *i;
  bool slice;
  PtrToElem(Expr* a, Expr* b, bool s) : x(a), i(b), slice(s) {}
  Value eval(Frame& f) override;
};

Value makePtr(Value* addr, const void* base);
[[noreturn]] void panicSlice(const std::string& msg);

}  // namespace gol::interp
