// Function calls at run time: compiled-function registry (lazy compilation), invoke (frame
// setup, boxed params, named results, defers, stack growth), natives, func values, bound
// method thunks and the method lookup for dynamic types (interface calls).
#include <map>
#include <mutex>
#include <new>
#include <stdexcept>
#include <unordered_map>

#include "interp/compiler.h"
#include "interp/nodes_composite.h"
#include "sched/sched.h"

namespace gol::interp {

rt::Cell* newCell(Value v) {
  auto* c = static_cast<rt::Cell*>(rt::alloc(sizeof(rt::Cell), rt::ObjKind::Cell));
  c->v = v;
  return c;
}

Status NewCellStore::exec(Frame& f) {
  f.s[slot] = Value::P(newCell(x->eval(f)));
  return kNormal;
}

// ---------------------------------------------------------------- function registry

static std::mutex gFuncMu;
static std::unordered_map<const ast::FuncDecl*, Func*> gFuncs;
static std::unordered_map<Func*, Func*> gThunks;

void setupFunc(Func* fn, FuncInfo* info, const Type* sig) {
  if (!info) return;
  int np = (info->recv ? 1 : 0) + static_cast<int>(info->params.size());
  fn->nparams = np;
  fn->nresults = static_cast<int>(info->results.size());
  fn->resultBase = np;
  fn->nslots = std::max(info->numSlots, np + fn->nresults);
  auto addParam = [&](Symbol* s, int i) {
    if (s && s->boxed) fn->boxedParams.push_back(s->index >= 0 ? s->index : i);
  };
  int i = 0;
  if (info->recv) addParam(info->recv, i++);
  for (Symbol* p : info->params) addParam(p, i++);
  for (int r = 0; r < fn->nresults; r++) {
    Symbol* s = info->results[r];
    int slot = s && s->index >= 0 ? s->index : np + r;
    bool boxed = s && s->boxed;
    fn->resultSlots.push_back(slot);
    fn->resultBoxed.push_back(boxed);
    if (slot != np + r || boxed) fn->needsResultFixup = true;
    const Type* t = s ? s->type : (sig && r < static_cast<int>(sig->results.size()) ? sig->results[r] : nullptr);
    bool zeroObj = t && isObj(t);
    if (boxed || zeroObj) fn->resultInit.push_back({slot, t, boxed, zeroObj});
  }
  fn->hasDefer = info->hasDefer;
}

Func* funcForDecl(const ast::FuncDecl* d) {
  std::lock_guard<std::mutex> lk(gFuncMu);
  auto it = gFuncs.find(d);
  if (it != gFuncs.end()) return it->second;
  Func* fn = new Func();
  fn->decl = d;
  fn->info = d->info;
  fn->name = d->info && !d->info->name.empty() ? d->info->name : d->name->name;
  setupFunc(fn, d->info, d->info ? d->info->sig : nullptr);
  if (!d->body) {
    fn->isNative = true;
    fn->nativeName = d->info ? d->info->nativeName : d->name->name;
    fn->native = rt::findNative(fn->nativeName);
    if (d->info && d->info->recv) fn->argTypes.push_back(d->info->recv->type);
    if (d->info) {
      for (Symbol* p : d->info->params) fn->argTypes.push_back(p ? p->type : nullptr);
    }
    fn->ready.store(true);
  }
  gFuncs[d] = fn;
  return fn;
}

Func* boundThunk(Func* target) {
  std::lock_guard<std::mutex> lk(gFuncMu);
  auto it = gThunks.find(target);
  if (it != gThunks.end()) return it->second;
  Func* t = new Func();
  t->name = target->name + "-fm";
  t->boundTarget = target;
  t->ready.store(true);
  gThunks[target] = t;
  return t;
}

static std::map<std::pair<const Type*, std::string>, Func*> gExprThunks;
static void forgetMethods();

Func* methodExprThunk(const Type* recv, const std::string& name) {
  std::lock_guard<std::mutex> lk(gFuncMu);
  auto key = std::make_pair(recv, name);
  auto it = gExprThunks.find(key);
  if (it != gExprThunks.end()) return it->second;
  Func* t = new Func();
  t->name = typeString(recv) + "." + name;
  t->exprRecv = recv;
  t->exprName = name;
  t->ready.store(true);
  gExprThunks[key] = t;
  return t;
}

void ensureCompiled(Func* fn) {
  std::lock_guard<std::mutex> lk(fn->compileMu);
  if (fn->ready.load(std::memory_order_acquire)) return;
  Compiler c(fn, fn->info);
  ast::BlockStmt* body = fn->decl ? fn->decl->body : fn->lit ? fn->lit->body : nullptr;
  if (body) c.compileBody(body);
  else fn->body = new EmptyNode();
  fn->nslots = std::max(fn->nslots, c.nslots());
  fn->simple = !fn->hasDefer && fn->boxedParams.empty() && fn->resultInit.empty() && !fn->needsResultFixup &&
               !fn->boundTarget;
  fn->ready.store(true, std::memory_order_release);
}

Value makeFuncValue(Func* fn) {
  auto* fo = static_cast<rt::FuncObj*>(rt::alloc(sizeof(rt::FuncObj), rt::ObjKind::Func));
  fo->code = fn;
  fo->ncaps = 0;
  return Value::P(fo);
}

void forgetCompiled() {
  {
    std::lock_guard<std::mutex> lk(gFuncMu);
    gFuncs.clear();
    gThunks.clear();
    gExprThunks.clear();
  }
  forgetMethods();
}

// ---------------------------------------------------------------- invoke

static void callNative(Func* fn, Value* s, Frame& caller) {
  if (GOL_UNLIKELY(!fn->native)) {
    fn->native = rt::findNative(fn->nativeName);
    if (!fn->native) rt::panicPlain("gol: native " + fn->nativeName + " not implemented");
  }
  rt::NativeCall nc{s, s + fn->nparams, fn->argTypes.data(), caller.pos};
  try {
    fn->native(nc);
  } catch (const std::bad_alloc&) {  // natives build results in C++ strings and vectors first
    rt::outOfMemory();
  } catch (const std::length_error&) {  // ... and a size past what those can hold
    rt::outOfMemory();
  }
}

namespace {
struct GrowArgs {
  Func* fn;
  Value* s;
  const Value* caps;
  Frame* caller;
};
void invokeBody(Func* fn, Value* s, const Value* caps, Frame& caller);
void growTrampoline(void* p) {
  auto* a = static_cast<GrowArgs*>(p);
  invokeBody(a->fn, a->s, a->caps, *a->caller);
}

void invokeBody(Func* fn, Value* s, const Value* caps, Frame& caller) {
  GState* g = caller.g;
  Frame f;
  f.s = s;
  f.caps = caps;
  f.g = g;
  f.fn = fn;
  f.parent = &caller;
  if (GOL_UNLIKELY(g->nextDeferCall)) {
    f.deferCall = true;
    g->nextDeferCall = false;
  }
  g->top = &f;
  for (int slot : fn->boxedParams) s[slot] = Value::P(newCell(s[slot]));
  for (auto& r : fn->resultInit) {
    Value z = r.zeroObj ? rt::zeroValue(r.type) : Value();
    s[r.slot] = r.boxed ? Value::P(newCell(z)) : z;
  }
  if (!fn->hasDefer) {
    fn->body->exec(f);
  } else {
    bool panicking = false;
    Status st = kNormal;
    try {
      st = fn->body->exec(f);
    } catch (PanicUnwind&) {
      panicking = true;
    }
    // Falling off the end runs the deferred calls at the closing brace, where Go's traceback
    // puts this frame (a `return` keeps its own line).
    if (!panicking && st == kNormal) {
      const ast::BlockStmt* body = fn->decl ? fn->decl->body : fn->lit ? fn->lit->body : nullptr;
      if (body) f.pos = body->rbrace;
    }
    g->top = &f;
    runDefers(f, panicking);  // rethrows when the panic was not recovered
  }
  if (fn->needsResultFixup) {
    for (int i = 0; i < fn->nresults; i++) {
      Value v = s[fn->resultSlots[i]];
      if (fn->resultBoxed[i]) v = heapLoad(&v.as<rt::Cell>()->v);
      s[fn->resultBase + i] = v;
    }
  }
  g->top = &caller;
}
}  // namespace

void invokeSlow(Func* fn, Value* s, const Value* caps, Frame& caller) {
  if (fn->isNative) {
    callNative(fn, s, caller);
    return;
  }
  poll(caller);
  if (GOL_UNLIKELY(sched::stackLow())) {
    GrowArgs a{fn, s, caps, &caller};
    sched::growAndCall(growTrampoline, &a);
    return;
  }
  invokeBody(fn, s, caps, caller);
}

// A method expression T.m called with its receiver as args[0]: the method is found as for a value
// of dynamic type T (for an interface T, of the receiver's dynamic type) and the receiver adjusted
// as an interface call would (embedding path, copy, dereference: a nil pointer panics as in Go).
static Value callMethodExpr(Frame& f, Func* thunk, const Value* args, int nargs, Value* results, int nres) {
  if (nargs < 1) rt::panicPlain("gol: method expression " + thunk->name + " called without a receiver");
  Value r = args[0];
  const Type* dyn = thunk->exprRecv;
  if (dyn->underlying()->kind == Kind::Interface) {
    nilCheck(r.p);
    dyn = rt::ifaceType(r);
    r = rt::ifaceValue(r);
  }
  const MethodEntry* me = methodFor(dyn, thunk->exprName);
  if (!me) rt::panicPlain("gol: method " + thunk->exprName + " of " + typeString(dyn) + " not found");
  r = adjustReceiver(me, r);
  Func* fn = me->fn;
  if (!fn->ready.load(std::memory_order_acquire)) ensureCompiled(fn);
  auto* s = static_cast<Value*>(alloca(sizeof(Value) * (fn->nslots + 1)));
  memset(static_cast<void*>(s), 0, sizeof(Value) * (fn->nslots + 1));
  s[0] = r;
  for (int i = 1; i < nargs && i < fn->nslots; i++) s[i] = args[i];
  invoke(fn, s, nullptr, f);
  for (int i = 0; i < nres && i < fn->nresults; i++) results[i] = s[fn->resultBase + i];
  return fn->nresults ? s[fn->resultBase] : Value();
}

// Calls a func value (closure, declared function, bound method or native) with args.
Value callFuncValue(Frame& f, Value fv, const Value* args, int nargs, Value* results, int nres) {
  auto* fo = fv.as<rt::FuncObj>();
  nilCheck(fo);
  Func* fn = static_cast<Func*>(const_cast<void*>(fo->code));
  int off = 0;
  const Value* caps = fo->caps;
  if (GOL_UNLIKELY(fn->exprRecv != nullptr)) return callMethodExpr(f, fn, args, nargs, results, nres);
  if (fn->boundTarget) {
    fn = fn->boundTarget;
    off = 1;
    caps = nullptr;
  }
  if (!fn->ready.load(std::memory_order_acquire)) ensureCompiled(fn);
  auto* s = static_cast<Value*>(alloca(sizeof(Value) * (fn->nslots + 1)));
  memset(static_cast<void*>(s), 0, sizeof(Value) * (fn->nslots + 1));
  if (off) s[0] = fo->caps[0];
  for (int i = 0; i < nargs && i + off < fn->nslots; i++) s[i + off] = args[i];
  invoke(fn, s, caps, f);
  for (int i = 0; i < nres && i < fn->nresults; i++) results[i] = s[fn->resultBase + i];
  return fn->nresults ? s[fn->resultBase] : Value();
}

// ---------------------------------------------------------------- methods of dynamic types

static std::mutex gMethMu;
static std::map<std::pair<const Type*, std::string>, MethodEntry*> gMethods;
// Methods implemented in C++ for types the interpreter itself creates (runtime errors).
static std::map<std::pair<const Type*, std::string>, Func*> gSynthetic;

static void forgetMethods() {
  std::lock_guard<std::mutex> lk(gMethMu);
  gMethods.clear();
}

void registerSyntheticMethod(const Type* t, const std::string& name, Func* fn) {
  std::lock_guard<std::mutex> lk(gMethMu);
  gSynthetic[{t, name}] = fn;
}

const MethodEntry* methodFor(const Type* dyn, const std::string& name) {
  if (!dyn) return nullptr;
  std::lock_guard<std::mutex> lk(gMethMu);
  auto key = std::make_pair(dyn, name);
  auto it = gMethods.find(key);
  if (it != gMethods.end()) return it->second;
  MethodEntry* me = nullptr;
  auto sit = gSynthetic.find(key);
  if (sit != gSynthetic.end()) {
    me = new MethodEntry();
    me->fn = sit->second;
  } else {
    MethodPath mp;
    if (lookupMethod(dyn, name, &mp) && mp.method) {
      me = new MethodEntry();
      auto st = gSynthetic.find({mp.recvType, name});
      if (st != gSynthetic.end()) {
        me->fn = st->second;
      } else if (mp.method->decl) {
        me->fn = funcForDecl(mp.method->decl);
      }
      me->path = mp.path;
      me->wantPtr = mp.method->pointerRecv;
      me->recvType = mp.recvType;
      me->viaPtr = mp.path.empty() && !mp.method->pointerRecv && dyn->underlying()->kind == Kind::Pointer;
      // the type we hold after following the path
      const Type* have = dyn;
      for (int idx : mp.path) {
        const Type* u = have->underlying();
        if (u->kind == Kind::Pointer) u = u->elem->underlying();
        have = u->fields[idx].type;
      }
      bool havePtr = have->underlying()->kind == Kind::Pointer && have != mp.recvType;
      bool obj = isObj(mp.recvType);
      if (me->wantPtr) {
        // a non-struct embedded value with a pointer method: address the field
        if (!havePtr && !obj && !mp.path.empty()) me->haveIndirect = true;
      } else {
        if (obj) me->copyRecv = true;
        else if (havePtr) me->derefPtr = true;
      }
      if (!me->fn) {
        delete me;
        me = nullptr;
      }
    }
  }
  gMethods[key] = me;
  return me;
}

Value adjustReceiver(const MethodEntry* me, Value v) {
  size_t n = me->path.size();
  if (me->viaPtr && !v.p) {
    // A value method called through a nil *T: Go's generated (*T).m wrapper panics
    // (runtime.panicwrap): "value method main.T.m called using nil *T pointer"
    std::string typ = typeString(me->recvType);
    size_t dot = typ.rfind('.');
    gopanic(currentG(), runtimeErrorValue("value method " + me->fn->name + " called using nil *" +
                                              (dot == std::string::npos ? typ : typ.substr(dot + 1)) + " pointer",
                                          false));
  }
  for (size_t i = 0; i < n; i++) {
    auto* o = v.as<rt::StructObj>();
    nilCheck(o);
    if (i + 1 == n && me->haveIndirect) return makePtr(&o->fields[me->path[i]], o);
    v = heapLoad(&o->fields[me->path[i]]);
  }
  if (me->copyRecv) {
    nilCheck(v.p);
    return rt::copyValue(me->recvType, v);
  }
  if (me->derefPtr) {
    nilCheck(v.p);
    return heapLoad(v.as<rt::PtrObj>()->addr);
  }
  return v;
}

}  // namespace gol::interp
