// Out-of-line evaluator nodes for composite values (see nodes_composite.h): maps, slicing with Go's
// bounds messages, composite literals, closures, method values, type assertions, pointers.
#include "interp/nodes_composite.h"

#include <string>

namespace gol::interp {

Value makePtr(Value* addr, const void* base) {
  auto* p = static_cast<rt::PtrObj*>(rt::alloc(sizeof(rt::PtrObj), rt::ObjKind::Ptr));
  p->addr = addr;
  p->base = base;
  return Value::P(p);
}

void panicSlice(const std::string& msg) { panicMsg("slice bounds out of range " + msg); }

// ---------------------------------------------------------------- maps

Value MapIndex::eval(Frame& f) {
  auto* mo = m->eval(f).as<rt::MapObj>();
  Value key = k->eval(f);
  bool found = false;
  if (GOL_UNLIKELY(gRaceWatch) && mo) raceReadSlow(mo);  // -race watches a map as one variable
  Value v = rt::mapGet(mo, key, &found);
  if (!found && zeroObj) return rt::zeroValue(elem);
  return v;
}

void MapIndex::evalMulti(Frame& f, Value* out) {
  auto* mo = m->eval(f).as<rt::MapObj>();
  Value key = k->eval(f);
  bool found = false;
  if (GOL_UNLIKELY(gRaceWatch) && mo) raceReadSlow(mo);
  Value v = rt::mapGet(mo, key, &found);
  if (!found && zeroObj) v = rt::zeroValue(elem);
  out[0] = v;
  out[1] = Value::B(found);
}

// ---------------------------------------------------------------- slicing

static std::string n2s(int64_t v) { return std::to_string(v); }

Value SliceNode::eval(Frame& f) {
  Value xv = x->eval(f);
  int64_t l = lo ? lo->eval(f).i : 0;
  int64_t h = -1, m = -1;
  bool hasH = hi != nullptr, hasM = max != nullptr;
  if (hasH) h = hi->eval(f).i;
  if (hasM) m = max->eval(f).i;
  int64_t len, cap;
  const char* what = "capacity";
  switch (mode) {
    case Str: {
      auto sv = rt::strView(xv);
      len = cap = static_cast<int64_t>(sv.size());
      what = "length";
      break;
    }
    case Slc: {
      auto* s = xv.as<rt::SliceObj>();
      len = s ? s->len : 0;
      cap = s ? s->cap : 0;
      break;
    }
    default: {
      auto* a = xv.as<rt::ArrObj>();
      nilCheck(a);
      len = cap = a->len;
      break;
    }
  }
  if (!hasH) h = len;
  if (hasM) {
    if (static_cast<uint64_t>(m) > static_cast<uint64_t>(cap)) panicSlice("[::" + n2s(m) + "] with " + what + " " + n2s(cap));
    if (static_cast<uint64_t>(h) > static_cast<uint64_t>(m)) panicSlice("[:" + n2s(h) + ":" + n2s(m) + "]");
    if (static_cast<uint64_t>(l) > static_cast<uint64_t>(h)) panicSlice("[" + n2s(l) + ":" + n2s(h) + ":]");
  } else {
    int64_t bound = mode == Str ? len : cap;
    if (static_cast<uint64_t>(h) > static_cast<uint64_t>(bound)) panicSlice("[:" + n2s(h) + "] with " + what + " " + n2s(bound));
    if (l < 0) panicSlice("[" + n2s(l) + ":]");
    if (l > h) panicSlice("[" + n2s(l) + ":" + n2s(h) + "]");
    m = cap;
  }
  switch (mode) {
    case Str: return rt::substring(xv, l, h);
    case Slc: {
      auto* s = xv.as<rt::SliceObj>();
      if (!s) return Value();
      return rt::sliceOf(s->arr, s->off + l, h - l, m - l);
    }
    default: return rt::sliceOf(xv.as<rt::ArrObj>(), l, h - l, m - l);
  }
}

// ---------------------------------------------------------------- composite literals

Value CompositeNode::eval(Frame& f) {
  switch (mode) {
    case Struct: {
      Value obj = rt::zeroValue(type);
      auto* o = obj.as<rt::StructObj>();
      for (size_t i = 0; i < vals.size(); i++) heapStore(&o->fields[idx[i]], vals[i]->eval(f));
      return obj;
    }
    case Array: {
      Value obj = rt::zeroValue(type);
      auto* a = obj.as<rt::ArrObj>();
      for (size_t i = 0; i < vals.size(); i++) heapStore(&a->elems[idx[i]], vals[i]->eval(f));
      return obj;
    }
    case Slice: {
      if (len == 0 && vals.empty()) return rt::makeSlice(type, 0, 0);
      Value s = rt::makeSlice(type, len, len);
      Value* d = s.as<rt::SliceObj>()->data();
      for (size_t i = 0; i < vals.size(); i++) heapStore(&d[idx[i]], vals[i]->eval(f));
      return s;
    }
    case Map: {
      rt::MapObj* m = rt::makeMap(type, static_cast<int64_t>(keys.size()));
      for (size_t i = 0; i < keys.size(); i++) {
        Value k = keys[i]->eval(f);
        Value v = vals[i]->eval(f);
        heapStore(rt::mapSlot(m, k), v);
      }
      return Value::P(m);
    }
  }
  return Value();
}

// ---------------------------------------------------------------- closures and method values

static rt::FuncObj* allocFuncObj(const void* code, int n) {
  auto* fo = static_cast<rt::FuncObj*>(rt::alloc(sizeof(rt::FuncObj) + sizeof(Value) * n, rt::ObjKind::Func));
  fo->code = code;
  fo->ncaps = n;
  return fo;
}

Value MakeClosureNode::eval(Frame& f) {
  int n = static_cast<int>(caps.size());
  rt::FuncObj* fo = allocFuncObj(fn, n);
  for (int i = 0; i < n; i++) fo->caps[i] = caps[i].fromCaps ? f.caps[caps[i].index] : f.s[caps[i].index];
  return Value::P(fo);
}

Func* boundThunk(Func* target);  // calls.cpp

Value MakeBoundNode::eval(Frame& f) {
  Value r = recv->eval(f);
  rt::FuncObj* fo = allocFuncObj(boundThunk(fn), 1);
  fo->caps[0] = r;
  return Value::P(fo);
}

Value IfaceMethodValueNode::eval(Frame& f) {
  Value v = x->eval(f);
  nilCheck(v.p);
  const MethodEntry* me = methodFor(rt::ifaceType(v), name);
  if (!me) panicMsg("method " + name + " not found");
  Value r = adjustReceiver(me, rt::ifaceValue(v));
  rt::FuncObj* fo = allocFuncObj(boundThunk(me->fn), 1);
  fo->caps[0] = r;
  return Value::P(fo);
}

// ---------------------------------------------------------------- type assertions

namespace {
struct ImplCache {  // replaced entries stay readable until the run ends, which frees them all
  GOL_RUN_OWNED(ImplCache)
  const Type* dyn;
  bool ok;
  std::string missing;
};
}  // namespace

bool TypeAssertNode::check(Value v) {
  const Type* dyn = rt::ifaceType(v);
  if (!dyn) return false;
  if (!toIface) return dyn == target || identical(dyn, target);
  auto* c = static_cast<ImplCache*>(cache.load(std::memory_order_acquire));
  if (c && c->dyn == dyn) return c->ok;
  auto* nc = new ImplCache{dyn, false, {}};
  nc->ok = implements(dyn, target, &nc->missing);
  cache.store(nc, std::memory_order_release);  // the old entry leaks (bounded by type count)
  return nc->ok;
}

static void assertFail(TypeAssertNode* n, Value v) {
  const Type* dyn = rt::ifaceType(v);
  std::string msg = "interface conversion: ";
  if (!dyn) {
    msg += (n->toIface ? std::string("interface") : typeString(n->src)) + " is nil, not " + typeString(n->target);
  } else if (n->toIface) {
    std::string missing;
    implements(dyn, n->target, &missing);
    msg += typeString(dyn) + " is not " + typeString(n->target) + ": missing method " + missing;
  } else {
    msg += typeString(n->src) + " is " + typeString(dyn) + ", not " + typeString(n->target);
  }
  gopanic(currentG(), runtimeErrorValue(msg, false));
}

Value TypeAssertNode::eval(Frame& f) {
  Value v = x->eval(f);
  if (GOL_UNLIKELY(!check(v))) assertFail(this, v);
  return toIface ? v : rt::ifaceValue(v);
}

void TypeAssertNode::evalMulti(Frame& f, Value* out) {
  Value v = x->eval(f);
  bool ok = check(v);
  if (ok) out[0] = toIface ? v : rt::ifaceValue(v);
  else out[0] = toIface ? Value() : rt::zeroValue(target);
  out[1] = Value::B(ok);
}

// ---------------------------------------------------------------- address-of

Value PtrToSlot::eval(Frame& f) {
  switch (mode) {
    case Cell: {
      auto* c = f.s[idx].as<rt::Cell>();
      return makePtr(&c->v, c);
    }
    case Cap: {
      auto* c = f.caps[idx].as<rt::Cell>();
      return makePtr(&c->v, c);
    }
    case Global: return makePtr(gaddr, globals());
    case Slot: return makePtr(&f.s[idx], nullptr);
  }
  return Value();
}

Value PtrToField::eval(Frame& f) {
  auto* o = x->eval(f).as<rt::StructObj>();
  nilCheck(o);
  return makePtr(&o->fields[idx], o);
}

Value PtrToElem::eval(Frame& f) {
  Value xv = x->eval(f);
  int64_t k = i->eval(f).i;
  if (slice) {
    auto* s = xv.as<rt::SliceObj>();
    int64_t len = s ? s->len : 0;
    if (static_cast<uint64_t>(k) >= static_cast<uint64_t>(len)) panicIndex(k, len);
    return makePtr(&s->arr->elems[s->off + k], s->arr);
  }
  auto* a = xv.as<rt::ArrObj>();
  nilCheck(a);
  if (static_cast<uint64_t>(k) >= static_cast<uint64_t>(a->len)) panicIndex(k, a->len);
  return makePtr(&a->elems[k], a);
}

}  // namespace gol::interp
