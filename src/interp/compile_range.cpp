// Range loops over int, slice, array (copied once when its values are used), pointer to
// array, string (runes at byte offsets; invalid bytes are U+FFFD of width 1), map (live
// runtime iterator) and channel. The ranged expression is evaluated once. With `:=` the
// key/value variables are per-iteration (Go 1.22): a boxed one gets a fresh cell each time.
#include "interp/compiler.h"
#include "interp/nodes_composite.h"
#include "runtime/chan.h"

namespace gol::interp {

namespace {

// Where one iteration's key or value goes.
struct Sink {
  enum Mode { None, Slot, NewCell, Global, LV } mode = None;
  int slot = -1;
  Value* gaddr = nullptr;
  LValue* lv = nullptr;
  const Type* copyType = nullptr;  // struct/array values: copied for the variable
  void set(Frame& f, Value v) {
    if (mode == None) return;
    if (copyType) v = rt::copyValue(copyType, v);
    switch (mode) {
      case Slot: f.s[slot] = v; break;
      case NewCell: f.s[slot] = Value::P(newCell(v)); break;
      case Global: heapStore(gaddr, v); break;
      case LV: lv->prepare(f); lv->store(f, v); break;
      default: break;
    }
  }
};

struct RangeNode : Stmt {
  RangeInfo::Kind kind;
  Expr* x;
  Sink key, val;
  LoopBody body;
  const Type* elem = nullptr;
  const Type* arrType = nullptr;
  const void* self;
  const void* label;

  // Runs the body; returns true when the loop must stop, with *out the status to return.
  bool step(Frame& f, Status* out) {
    Status st = body.run(f);
    if (GOL_UNLIKELY(st != kNormal)) {
      if (st == kBreak || st == kContinue) {
        if (f.branch && f.branch != self && f.branch != label) {
          *out = st;
          return true;
        }
        f.branch = nullptr;
        if (st == kBreak) {
          *out = kNormal;
          return true;
        }
      } else {
        *out = st;
        return true;
      }
    }
    poll(f);
    return false;
  }

  Status exec(Frame& f) override {
    Value xv = x->eval(f);
    Status out = kNormal;
    switch (kind) {
      case RangeInfo::Int: {
        int64_t n = xv.i;
        for (int64_t i = 0; i < n; i++) {
          key.set(f, Value::I(i));
          if (step(f, &out)) return out;
        }
        return kNormal;
      }
      case RangeInfo::Slice: {
        auto* s = xv.as<rt::SliceObj>();
        int64_t n = s ? s->len : 0;
        for (int64_t i = 0; i < n; i++) {
          key.set(f, Value::I(i));
          if (val.mode != Sink::None) val.set(f, heapLoad(&s->arr->elems[s->off + i]));
          if (step(f, &out)) return out;
        }
        return kNormal;
      }
      case RangeInfo::Array:
      case RangeInfo::PtrArray: {
        auto* a = xv.as<rt::ArrObj>();
        int64_t n;
        if (kind == RangeInfo::PtrArray && !a) {
          n = arrType ? arrType->length : 0;
          if (val.mode != Sink::None) nilCheck(a);
        } else {
          nilCheck(a);
          n = a->len;
          if (kind == RangeInfo::Array && val.mode != Sink::None) a = rt::copyValue(arrType, xv).as<rt::ArrObj>();
        }
        for (int64_t i = 0; i < n; i++) {
          key.set(f, Value::I(i));
          if (val.mode != Sink::None) val.set(f, heapLoad(&a->elems[i]));
          if (step(f, &out)) return out;
        }
        return kNormal;
      }
      case RangeInfo::String: {
        auto sv = rt::strView(xv);
        size_t i = 0;
        while (i < sv.size()) {
          int w = 1;
          int32_t r = rt::decodeRune(sv, i, &w);
          key.set(f, Value::I(static_cast<int64_t>(i)));
          val.set(f, Value::I(r));
          i += w < 1 ? 1 : w;
          if (step(f, &out)) return out;
        }
        return kNormal;
      }
      case RangeInfo::Map: {
        auto* m = xv.as<rt::MapObj>();
        if (!m) return kNormal;
        rt::MapIter it;
        if (GOL_UNLIKELY(gRaceWatch)) raceReadSlow(m);
        rt::mapIterInit(m, &it);
        Value k, v;
        while (rt::mapIterNext(&it, &k, &v)) {
          key.set(f, k);
          val.set(f, v);
          if (step(f, &out)) return out;
        }
        return kNormal;
      }
      case RangeInfo::Chan: {
        auto* c = xv.as<rt::Chan>();
        for (;;) {
          bool ok = true;
          Value v = Value::U(rt::recv(c, &ok));
          if (!ok) break;
          key.set(f, v);
          if (step(f, &out)) return out;
        }
        return kNormal;
      }
    }
    return kNormal;
  }
};

}  // namespace

Stmt* Compiler::rangeStmt(ast::RangeStmt* s, const void* label) {
  auto* n = new RangeNode();
  n->self = s;
  n->label = label;
  RangeInfo* ri = s->info;
  const Type* xt = s->x->type;
  const Type* u = xt ? xt->underlying() : nullptr;
  if (ri) {
    n->kind = ri->kind;
  } else {
    switch (u ? u->kind : Kind::Int) {
      case Kind::Slice: n->kind = RangeInfo::Slice; break;
      case Kind::Array: n->kind = RangeInfo::Array; break;
      case Kind::Pointer: n->kind = RangeInfo::PtrArray; break;
      case Kind::String: n->kind = RangeInfo::String; break;
      case Kind::Map: n->kind = RangeInfo::Map; break;
      case Kind::Chan: n->kind = RangeInfo::Chan; break;
      default: n->kind = RangeInfo::Int; break;
    }
  }
  n->x = expr(s->x);
  const Type* keyT = nullptr;
  const Type* valT = nullptr;
  switch (n->kind) {
    case RangeInfo::Int: keyT = xt; break;
    case RangeInfo::Slice: valT = u->elem; break;
    case RangeInfo::Array: valT = u->elem; n->arrType = xt; break;
    case RangeInfo::PtrArray: valT = u->elem->underlying()->elem; n->arrType = u->elem->underlying(); break;
    case RangeInfo::String: valT = TypeTable::get().runeType(); break;
    case RangeInfo::Map: keyT = u->key; valT = u->elem; break;
    case RangeInfo::Chan: keyT = u->elem; break;
  }
  auto sinkFor = [&](ast::Expr* e, Symbol* sym, const Type* t, Sink* out) {
    if (!e) return;
    e = unparen(e);
    if (e->kind == ast::NodeKind::Ident && static_cast<ast::Ident*>(e)->name == "_") return;
    if (s->tok == ast::Tok::Define) {
      if (!sym && e->kind == ast::NodeKind::Ident) sym = static_cast<ast::Ident*>(e)->sym;
      if (!sym) return;
      if (sym->global) {
        out->mode = Sink::Global;
        out->gaddr = &globals()[sym->index];
      } else {
        out->mode = sym->boxed ? Sink::NewCell : Sink::Slot;
        out->slot = sym->index;
      }
    } else {
      out->mode = Sink::LV;
      out->lv = lvalue(e);
    }
    if (t && isObj(t) && n->kind != RangeInfo::Array) out->copyType = t;
  };
  sinkFor(s->key, ri ? ri->keyVar : nullptr, keyT, &n->key);
  sinkFor(s->value, ri ? ri->valueVar : nullptr, valT, &n->val);
  if (n->kind == RangeInfo::Array && n->val.mode != Sink::None && valT && isObj(valT)) n->val.copyType = valT;
  n->body.set(block(s->body->stmts));
  return n;
}

}  // namespace gol::interp
