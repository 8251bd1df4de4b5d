// Assignable places (LValue) and address-of. An LValue evaluates its operands in prepare()
// into compiler temporaries (frame slots), so multi-assignments follow Go's two phases, and
// compound assignments evaluate the place once. Struct/array places are assigned in place
// (storeObj) so pointers to them keep seeing the variable.
#include "interp/compiler.h"
#include "interp/shared_access.h"
#include "interp/nodes_composite.h"

namespace gol::interp {

namespace {

struct BlankLV : LValue {
  Value load(Frame&) override { return Value(); }
  void store(Frame&, Value) override {}
  bool isBlank() const override { return true; }
};

struct LocalLV : LValue {
  int slot;
  bool obj;
  LocalLV(int s, bool o) : slot(s), obj(o) {}
  Value load(Frame& f) override { return f.s[slot]; }
  void store(Frame& f, Value v) override {
    if (obj) storeObj(type, &f.s[slot], v);
    else f.s[slot] = v;
  }
};

struct WordLV : LValue {  // a shared word: cell, captured cell or global
  enum Mode { Cell, Cap, Global } mode;
  int idx;
  Value* gaddr = nullptr;
  bool obj;
  WordLV(Mode m, int i, bool o) : mode(m), idx(i), obj(o) {}
  Value* addr(Frame& f) {
    switch (mode) {
      case Cell: return &f.s[idx].as<rt::Cell>()->v;
      case Cap: return &f.caps[idx].as<rt::Cell>()->v;
      default: return gaddr;
    }
  }
  Value load(Frame& f) override { return heapLoad(addr(f)); }
  void store(Frame& f, Value v) override {
    if (obj) storeObj(type, addr(f), v);
    else heapStore(addr(f), v);
  }
};

struct FieldLV : LValue {
  Expr* x;
  int idx, tmp;
  bool obj;
  void prepare(Frame& f) override { f.s[tmp] = x->eval(f); }
  Value* addr(Frame& f) {
    auto* o = f.s[tmp].as<rt::StructObj>();
    nilCheck(o);
    return &o->fields[idx];
  }
  Value load(Frame& f) override { return heapLoad(addr(f)); }
  void store(Frame& f, Value v) override {
    if (obj) storeObj(type, addr(f), v);
    else heapStore(addr(f), v);
  }
};

struct IndexLV : LValue {
  Expr *x, *i;
  int tx, ti;
  bool slice, obj;
  void prepare(Frame& f) override {
    f.s[tx] = x->eval(f);
    f.s[ti] = i->eval(f);
  }
  Value* addr(Frame& f) {
    int64_t k = f.s[ti].i;
    if (slice) {
      auto* s = f.s[tx].as<rt::SliceObj>();
      int64_t len = s ? s->len : 0;
      if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= static_cast<uint64_t>(len))) panicIndex(k, len);
      return &s->arr->elems[s->off + k];
    }
    auto* a = f.s[tx].as<rt::ArrObj>();
    nilCheck(a);
    if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= static_cast<uint64_t>(a->len))) panicIndex(k, a->len);
    return &a->elems[k];
  }
  Value load(Frame& f) override { return heapLoad(addr(f)); }
  void store(Frame& f, Value v) override {
    if (obj) storeObj(type, addr(f), v);
    else heapStore(addr(f), v);
  }
};

struct MapLV : LValue {
  Expr *m, *k;
  int tm, tk;
  bool zeroObj;
  void prepare(Frame& f) override {
    f.s[tm] = m->eval(f);
    f.s[tk] = k->eval(f);
  }
  Value load(Frame& f) override {
    bool found = false;
    Value v = rt::mapGet(f.s[tm].as<rt::MapObj>(), f.s[tk], &found);
    if (!found && zeroObj) return rt::zeroValue(type);
    return v;
  }
  void store(Frame& f, Value v) override { rt::store(word(f), v); }
  Value* word(Frame& f) override {
    auto* mo = f.s[tm].as<rt::MapObj>();
    if (!mo) panicPlain("assignment to entry in nil map");
    if (GOL_UNLIKELY(gRaceWatch)) raceWriteSlow(mo);  // the map as a whole (its slots move)
    return rt::mapSlot(mo, f.s[tk]);
  }
  bool hasWord() const override { return !zeroObj; }
  static void panicPlain(const std::string& m) { rt::panicPlain(m); }
};

struct DerefLV : LValue {
  Expr* p;
  int tp;
  bool obj;
  void prepare(Frame& f) override { f.s[tp] = p->eval(f); }
  Value load(Frame& f) override {
    Value pv = f.s[tp];
    nilCheck(pv.p);
    if (obj) return pv;
    return heapLoad(pv.as<rt::PtrObj>()->addr);
  }
  void store(Frame& f, Value v) override {
    Value pv = f.s[tp];
    nilCheck(pv.p);
    if (obj) {
      if (pv.p != v.p) rt::assignInPlace(type, pv, v);
    } else {
      heapStore(pv.as<rt::PtrObj>()->addr, v);
    }
  }
};

struct CellOfValue : Expr {  // &expr for a non-addressable operand: a fresh cell
  Expr* x;
  explicit CellOfValue(Expr* e) : x(e) {}
  Value eval(Frame& f) override {
    rt::Cell* c = newCell(x->eval(f));
    return makePtr(&c->v, c);
  }
};

}  // namespace

LValue* Compiler::lvalue(ast::Expr* e) {
  e = unparen(e);
  const Type* t = e->type;
  bool obj = t && isObj(t);
  LValue* lv = nullptr;
  switch (e->kind) {
    case ast::NodeKind::Ident: {
      auto* id = static_cast<ast::Ident*>(e);
      if (id->name == "_" || !id->sym) {
        lv = new BlankLV();
        break;
      }
      Symbol* s = id->sym;
      VarRef* r = id->ref;
      if (r) {
        switch (r->kind) {
          case RefKind::Local:
            lv = r->boxed ? static_cast<LValue*>(new WordLV(WordLV::Cell, r->index, obj)) : new LocalLV(r->index, obj);
            break;
          case RefKind::Captured: lv = new WordLV(WordLV::Cap, r->index, obj); break;
          case RefKind::Global: {
            auto* w = new WordLV(WordLV::Global, r->index, obj);
            w->gaddr = &globals()[r->index];
            lv = w;
            break;
          }
        }
      } else if (s->global) {
        auto* w = new WordLV(WordLV::Global, s->index, obj);
        w->gaddr = &globals()[s->index];
        lv = w;
      } else {
        lv = s->boxed ? static_cast<LValue*>(new WordLV(WordLV::Cell, s->index, obj)) : new LocalLV(s->index, obj);
      }
      break;
    }
    case ast::NodeKind::Selector: {
      auto* se = static_cast<ast::SelectorExpr*>(e);
      Selection* sel = se->selection;
      if (!sel || sel->kind == SelKind::PackageMember) return lvalue(se->sel);
      std::vector<int> p(sel->path.begin(), sel->path.end() - 1);
      auto* f = new FieldLV();
      f->x = fieldPath(expr(se->x), p, se->pos);
      f->idx = sel->path.back();
      f->tmp = newTemp();
      f->obj = obj;
      lv = f;
      break;
    }
    case ast::NodeKind::Index: {
      auto* ie = static_cast<ast::IndexExpr*>(e);
      const Type* u = ie->x->type->underlying();
      if (u->kind == Kind::Map) {
        auto* m = new MapLV();
        m->m = expr(ie->x);
        m->k = exprAs(ie->index, u->key);
        m->tm = newTemp();
        m->tk = newTemp();
        m->zeroObj = obj;
        lv = m;
      } else {
        auto* x = new IndexLV();
        x->x = expr(ie->x);
        x->i = expr(ie->index);
        x->tx = newTemp();
        x->ti = newTemp();
        x->slice = u->kind == Kind::Slice;
        x->obj = obj;
        lv = x;
      }
      break;
    }
    case ast::NodeKind::Star: {
      auto* d = new DerefLV();
      d->p = expr(static_cast<ast::StarExpr*>(e)->x);
      d->tp = newTemp();
      d->obj = obj;
      lv = d;
      break;
    }
    GOL_CASES(GOL_TYPE_KINDS) GOL_CASES(GOL_STMT_KINDS) GOL_CASES(GOL_DECL_KINDS)
    case ast::NodeKind::BasicLit: case ast::NodeKind::CompositeLit: case ast::NodeKind::FuncLit:
    case ast::NodeKind::Paren: case ast::NodeKind::Slice: case ast::NodeKind::TypeAssert:
    case ast::NodeKind::Call: case ast::NodeKind::Unary: case ast::NodeKind::Binary:
    case ast::NodeKind::KeyValue:
      compilerBug(e->pos, std::string("a ") + ast::nodeKindName(e->kind) + " as an assignable place");
  }
  lv->type = t;
  // Seeded runs: every place but a plain local of this frame may be shared.
  if (!dynamic_cast<LocalLV*>(lv) && !lv->isBlank()) lv = sharedPlace(lv);
  return lv;
}

Expr* Compiler::addressOf(ast::Expr* e) {
  e = unparen(e);
  const Type* t = e->type;
  bool obj = t && isObj(t);
  switch (e->kind) {
    case ast::NodeKind::CompositeLit:
      return obj ? expr(e) : new CellOfValue(expr(e));
    case ast::NodeKind::Ident: {
      if (obj) return expr(e);
      auto* id = static_cast<ast::Ident*>(e);
      VarRef* r = id->ref;
      Symbol* s = id->sym;
      if (r) {
        switch (r->kind) {
          case RefKind::Local:
            return new PtrToSlot(r->boxed ? PtrToSlot::Cell : PtrToSlot::Slot, r->index);
          case RefKind::Captured: return new PtrToSlot(PtrToSlot::Cap, r->index);
          case RefKind::Global: {
            auto* p = new PtrToSlot(PtrToSlot::Global, r->index);
            p->gaddr = &globals()[r->index];
            return p;
          }
        }
      }
      if (s && s->global) {
        auto* p = new PtrToSlot(PtrToSlot::Global, s->index);
        p->gaddr = &globals()[s->index];
        return p;
      }
      if (s) return new PtrToSlot(s->boxed ? PtrToSlot::Cell : PtrToSlot::Slot, s->index);
      return new CellOfValue(expr(e));
    }
    case ast::NodeKind::Selector: {
      auto* se = static_cast<ast::SelectorExpr*>(e);
      Selection* sel = se->selection;
      if (!sel || sel->kind == SelKind::PackageMember) return addressOf(se->sel);
      if (sel->kind != SelKind::Field) return new CellOfValue(expr(e));
      if (obj) return expr(e);
      std::vector<int> p(sel->path.begin(), sel->path.end() - 1);
      return new PtrToField(fieldPath(expr(se->x), p, se->pos), sel->path.back());
    }
    case ast::NodeKind::Index: {
      auto* ie = static_cast<ast::IndexExpr*>(e);
      const Type* u = ie->x->type->underlying();
      if (obj) return expr(e);
      if (u->kind == Kind::Map || u->kind == Kind::String) return new CellOfValue(expr(e));
      return new PtrToElem(expr(ie->x), expr(ie->index), u->kind == Kind::Slice);
    }
    case ast::NodeKind::Star:
      return expr(static_cast<ast::StarExpr*>(e)->x);
    default:
      return new CellOfValue(expr(e));
  }
}

}  // namespace gol::interp
