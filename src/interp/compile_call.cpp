// Compiling calls: static function and method calls, interface method calls, func-value calls,
// argument passing (interface boxing, struct copies, variadic packing, f(g()) spreading), and
// the `go`/`defer` statements, which compile the call in "pre-evaluation" mode: every operand
// the call needs (func value, receiver, arguments) is evaluated at the statement into a record,
// and the call node later reads them back from that record as its frame.
#include "interp/compiler.h"
#include "interp/nodes_composite.h"

namespace gol::interp {

namespace {

// Runs the callee in a frame allocated on the native stack; results come back in its slots.
struct CallStatic : Expr {
  Func* fn;
  std::vector<Expr*> args;
  Expr* tuple = nullptr;
  int tupleBase = 0;
  Value eval(Frame& f) override {
    Func* callee = fn;
    if (GOL_UNLIKELY(!callee->ready.load(std::memory_order_acquire))) ensureCompiled(callee);
    int ns = callee->nslots;
    auto* s = static_cast<Value*>(alloca(sizeof(Value) * (ns + 1)));  // +1: s[resultBase] of a no-result callee
    if (tuple) tuple->evalMulti(f, f.s + tupleBase);
    int n = static_cast<int>(args.size());
    for (int i = 0; i < n; i++) s[i] = args[i]->eval(f);
    zeroSlots(s + n, s + ns + 1);
    invoke(callee, s, nullptr, f);
    return s[callee->resultBase];
  }
  void evalMulti(Frame& f, Value* out) override {
    Func* callee = fn;
    if (!callee->ready.load(std::memory_order_acquire)) ensureCompiled(callee);
    int ns = callee->nslots;
    auto* s = static_cast<Value*>(alloca(sizeof(Value) * (ns + 1)));  // +1: s[resultBase] of a no-result callee
    if (tuple) tuple->evalMulti(f, f.s + tupleBase);
    int n = static_cast<int>(args.size());
    for (int i = 0; i < n; i++) s[i] = args[i]->eval(f);
    zeroSlots(s + n, s + ns + 1);
    invoke(callee, s, nullptr, f);
    for (int i = 0; i < callee->nresults; i++) out[i] = s[callee->resultBase + i];
  }
};

// The commonest static call: up to three arguments, no f(g()) spreading. When the callee's frame
// has fewer than kSmallFrame slots (checked per call: a callee compiles on its first call) it is
// a fixed array, zeroed by a few vector stores, instead of an alloca'd one zeroed slot by slot,
// and the arguments go in by an unrolled sequence of evaluations.
constexpr int kSmallFrame = 8;
template <int N>
struct CallStaticN final : CallStatic {
  Expr* a[N > 0 ? N : 1] = {};
  Value eval(Frame& f) override {
    Func* callee = fn;
    if (GOL_UNLIKELY(!callee->ready.load(std::memory_order_acquire))) ensureCompiled(callee);
    if (GOL_UNLIKELY(callee->nslots >= kSmallFrame)) return CallStatic::eval(f);
    Value s[kSmallFrame];
    if constexpr (N > 0) s[0] = a[0]->eval(f);
    if constexpr (N > 1) s[1] = a[1]->eval(f);
    if constexpr (N > 2) s[2] = a[2]->eval(f);
    invoke(callee, s, nullptr, f);
    return s[callee->resultBase];
  }
};

template <int N>
CallStatic* callStaticOfArity(const std::vector<Expr*>& args) {
  auto* n = new CallStaticN<N>();
  for (int i = 0; i < N; i++) n->a[i] = args[i];
  return n;
}

// A CallStatic for fn and args, of the fixed-arity kind when it applies.
CallStatic* newCallStatic(Func* fn, std::vector<Expr*> args, Expr* tuple, int tupleBase) {
  CallStatic* n;
  switch (tuple ? -1 : static_cast<int>(args.size())) {
    case 0: n = callStaticOfArity<0>(args); break;
    case 1: n = callStaticOfArity<1>(args); break;
    case 2: n = callStaticOfArity<2>(args); break;
    case 3: n = callStaticOfArity<3>(args); break;
    default: n = new CallStatic(); break;
  }
  n->fn = fn;
  n->args = std::move(args);
  n->tuple = tuple;
  n->tupleBase = tupleBase;
  return n;
}

// The value inside the `any` a slices or maps native returns, whose static type the checker
// knows from the arguments (CallInfo::genericResult).
struct UnboxResult : Expr {
  Expr* call;
  Value eval(Frame& f) override { return rt::ifaceValue(call->eval(f)); }
};

struct CallValue : Expr {
  Expr* fv;
  std::vector<Expr*> args;
  Expr* tuple = nullptr;
  int tupleBase = 0;
  int nres = 0;
  Value run(Frame& f, Value* out) {
    auto* fo = fv->eval(f).as<rt::FuncObj>();
    if (tuple) tuple->evalMulti(f, f.s + tupleBase);
    int n = static_cast<int>(args.size());
    Value argv[16];
    Value* a = n <= 16 ? argv : static_cast<Value*>(alloca(sizeof(Value) * n));
    for (int i = 0; i < n; i++) a[i] = args[i]->eval(f);
    nilCheck(fo);
    Value tmp[8];
    Value* res = out ? out : tmp;
    return callFuncValue(f, Value::P(fo), a, n, res, out ? nres : 0);
  }
  Value eval(Frame& f) override { return run(f, nullptr); }
  void evalMulti(Frame& f, Value* out) override { run(f, out); }
};

struct CallIface : Expr {
  Expr* recv;
  std::string name;
  std::vector<Expr*> args;
  Expr* tuple = nullptr;
  int tupleBase = 0;
  struct CacheEnt {  // replaced entries stay readable until the run ends, which frees them all
    GOL_RUN_OWNED(CacheEnt)
    const Type* t;
    const MethodEntry* me;
  };
  std::atomic<CacheEnt*> cache{nullptr};
  Value run(Frame& f, Value* out) {
    Value iv = recv->eval(f);
    nilCheck(iv.p);
    const Type* dyn = rt::ifaceType(iv);
    CacheEnt* c = cache.load(std::memory_order_acquire);
    const MethodEntry* me;
    if (GOL_LIKELY(c && c->t == dyn)) {
      me = c->me;
    } else {
      me = methodFor(dyn, name);
      if (!me) panicMsg("invalid memory address or nil pointer dereference");
      cache.store(new CacheEnt{dyn, me}, std::memory_order_release);
    }
    Func* callee = me->fn;
    if (!callee->ready.load(std::memory_order_acquire)) ensureCompiled(callee);
    int ns = callee->nslots;
    auto* s = static_cast<Value*>(alloca(sizeof(Value) * (ns + 1)));  // +1: s[resultBase] of a no-result callee
    Value rv = rt::ifaceValue(iv);
    if (!me->path.empty() || me->copyRecv || me->derefPtr) rv = adjustReceiver(me, rv);
    if (tuple) tuple->evalMulti(f, f.s + tupleBase);
    s[0] = rv;
    int n = static_cast<int>(args.size());
    for (int i = 0; i < n; i++) s[i + 1] = args[i]->eval(f);
    zeroSlots(s + n + 1, s + ns + 1);
    invoke(callee, s, nullptr, f);
    if (out)
      for (int i = 0; i < callee->nresults; i++) out[i] = s[callee->resultBase + i];
    return s[callee->resultBase];
  }
  Value eval(Frame& f) override { return run(f, nullptr); }
  void evalMulti(Frame& f, Value* out) override { run(f, out); }
};

// Packs variadic arguments into a new slice.
struct PackNode : Expr {
  const Type* sliceType;
  std::vector<Expr*> elems;
  Value eval(Frame& f) override {
    int64_t n = static_cast<int64_t>(elems.size());
    Value s = rt::makeSlice(sliceType, n, n);
    Value* d = s.as<rt::SliceObj>()->data();
    for (int64_t i = 0; i < n; i++) heapStore(&d[i], elems[i]->eval(f));
    return s;
  }
};

struct DeferNode : Stmt {
  Expr* call;
  std::vector<Expr*> pre;
  Status exec(Frame& f) override {
    int64_t n = static_cast<int64_t>(pre.size());
    auto* rec = static_cast<DeferRec*>(rt::alloc(sizeof(DeferRec) + sizeof(Value) * n, rt::ObjKind::Words));
    rec->call = call;
    rec->n = n;
    for (int64_t i = 0; i < n; i++) rec->vals[i] = pre[i]->eval(f);
    rec->next = f.defers;
    f.defers = rec;
    return kNormal;
  }
};

struct GoNode : Stmt {
  Expr* call;
  std::vector<Expr*> pre;
  int funcValue = -1;  // index in pre of a called func value: nil is Go's fatal error at the `go`
  Status exec(Frame& f) override {
    int64_t n = static_cast<int64_t>(pre.size());
    auto* rec = static_cast<DeferRec*>(rt::alloc(sizeof(DeferRec) + sizeof(Value) * n, rt::ObjKind::Words));
    rec->call = call;
    rec->n = n;
    for (int64_t i = 0; i < n; i++) rec->vals[i] = pre[i]->eval(f);
    if (funcValue >= 0 && !rec->vals[funcValue].p) {
      f.pos = pos;
      rt::fatal("go of nil func value");
    }
    spawnGoroutine(call, rec, f);
    return kNormal;
  }
};

}  // namespace

// Whether evaluating e may call a function (gc hoists such operands before plain ones).
static bool hasCall(ast::Expr* e) {
  using ast::NodeKind;
  if (!e || (e->value && e->mode == ast::ExprMode::Constant)) return false;
  switch (e->kind) {
    case NodeKind::Paren: return hasCall(static_cast<ast::ParenExpr*>(e)->x);
    case NodeKind::Selector: {
      auto* se = static_cast<ast::SelectorExpr*>(e);
      if (se->selection && se->selection->kind == SelKind::PackageMember) return false;
      return hasCall(se->x);
    }
    case NodeKind::Index: return hasCall(static_cast<ast::IndexExpr*>(e)->x) || hasCall(static_cast<ast::IndexExpr*>(e)->index);
    case NodeKind::Slice: {
      auto* se = static_cast<ast::SliceExpr*>(e);
      return hasCall(se->x) || hasCall(se->lo) || hasCall(se->hi) || hasCall(se->max);
    }
    case NodeKind::TypeAssert: return hasCall(static_cast<ast::TypeAssertExpr*>(e)->x);
    case NodeKind::Star: return hasCall(static_cast<ast::StarExpr*>(e)->x);
    case NodeKind::Unary: {
      auto* u = static_cast<ast::UnaryExpr*>(e);
      return u->op == ast::Tok::Arrow || hasCall(u->x);
    }
    case NodeKind::Binary: return hasCall(static_cast<ast::BinaryExpr*>(e)->x) || hasCall(static_cast<ast::BinaryExpr*>(e)->y);
    case NodeKind::KeyValue: return hasCall(static_cast<ast::KeyValueExpr*>(e)->key) || hasCall(static_cast<ast::KeyValueExpr*>(e)->val);
    case NodeKind::CompositeLit:
      for (ast::Expr* x : static_cast<ast::CompositeLit*>(e)->elts)
        if (hasCall(x)) return true;
      return false;
    case NodeKind::Call: {
      auto* c = static_cast<ast::CallExpr*>(e);
      if (c->info && (c->info->kind == CallKind::Conversion ||
                      (c->info->kind == CallKind::Builtin && c->info->builtin != BuiltinId::Recover))) {
        for (ast::Expr* a : c->args)
          if (hasCall(a)) return true;
        return false;
      }
      return true;
    }
    default: return false;
  }
}

void Compiler::hoistCalls(const ast::ExprList& args, std::vector<Expr*>& nodes) {
  // gc copies address-taken locals that stay on the stack in order with the calls; plain
  // operands through pointers, globals and closure-captured variables are read late.
  auto early = [&](ast::Expr* a) {
    if (hasCall(a)) return true;
    a = unparen(a);
    if (a->kind != ast::NodeKind::Ident) return false;
    VarRef* r = static_cast<ast::Ident*>(a)->ref;
    return r && r->kind == RefKind::Local && r->boxed && !capturedSlots_.count(r->index);
  };
  int last = -1;
  for (size_t i = 0; i < args.size(); i++)
    if (hasCall(args[i])) last = static_cast<int>(i);
  if (last <= 0) return;
  bool plainBefore = false;
  for (int i = 0; i < last; i++) {
    ast::Expr* a = unparen(args[i]);
    if (!early(a) && !(a->value && a->mode == ast::ExprMode::Constant) && a->kind != ast::NodeKind::FuncLit)
      plainBefore = true;
  }
  if (!plainBefore) return;
  auto* h = new HoistNode();
  for (int i = 0; i <= last; i++) {
    if (!early(args[i])) continue;
    int t = newTemp();
    h->calls.push_back({t, nodes[i]});
    nodes[i] = new LocalLoad(t);
  }
  h->x = nodes[0];
  nodes[0] = h;
}

Expr* Compiler::preEval(Expr* n, std::vector<Expr*>* pre) {
  if (!pre) return n;
  pre->push_back(n);
  return new LocalLoad(static_cast<int>(pre->size()) - 1);
}

std::vector<Expr*> Compiler::callArgs(ast::CallExpr* c, const Type* sig, std::vector<Expr*>* pre, Expr** tuple,
                                      int* tupleBase) {
  std::vector<Expr*> out;
  const Type* fs = sig ? sig->underlying() : nullptr;
  size_t np = fs ? fs->params.size() : c->args.size();
  bool variadic = fs && fs->variadic;
  auto paramType = [&](size_t i) -> const Type* {
    if (!fs || fs->params.empty()) return nullptr;
    if (variadic && i >= np - 1) return fs->params[np - 1];
    return i < np ? fs->params[i] : nullptr;
  };
  bool pack = c->info && c->info->packVariadic;
  if (!c->hasEllipsis && variadic) pack = true;
  // f(g()) with a multi-valued g: evaluate g into temporaries first.
  std::vector<std::pair<Expr*, const Type*>> vals;  // value node and its static type
  if (c->info && c->info->spreadTuple && c->args.size() == 1) {
    const Type* tt = c->args[0]->type;
    size_t k = tt && tt->kind == Kind::Tuple ? tt->fields.size() : 1;
    int base = nslots_;
    nslots_ += static_cast<int>(k);
    *tuple = expr(c->args[0]);
    *tupleBase = base;
    for (size_t i = 0; i < k; i++)
      vals.push_back({new LocalLoad(base + static_cast<int>(i)), tt->kind == Kind::Tuple ? tt->fields[i].type : tt});
    std::vector<Expr*> conv;
    for (size_t i = 0; i < vals.size(); i++) {
      const Type* pt = variadic && i >= np - 1 && pack ? fs->params[np - 1]->underlying()->elem : paramType(i);
      conv.push_back(convertNode(vals[i].first, vals[i].second, pt));
    }
    for (size_t i = 0; i < conv.size() && (!variadic || !pack || i < np - 1); i++) out.push_back(conv[i]);
    if (variadic && pack) {
      auto* pk = new PackNode();
      pk->sliceType = fs->params[np - 1];
      for (size_t i = np - 1; i < conv.size(); i++) pk->elems.push_back(conv[i]);
      out.push_back(pk->elems.empty() ? static_cast<Expr*>(new ConstNode(Value())) : pk);
    }
    if (pre) {
      // pre-evaluation of a spread tuple: evaluate it now as part of the record
      for (auto*& o : out) o = preEval(o, pre);
    }
    return out;
  }
  size_t fixed = variadic && pack ? np - 1 : c->args.size();
  std::vector<Expr*> nodes;
  for (size_t i = 0; i < c->args.size(); i++) {
    const Type* pt = i < fixed ? paramType(i) : fs->params[np - 1]->underlying()->elem;
    nodes.push_back(exprAs(c->args[i], pt));
  }
  if (!pre) hoistCalls(c->args, nodes);
  for (size_t i = 0; i < fixed && i < nodes.size(); i++) out.push_back(preEval(nodes[i], pre));
  if (variadic && pack) {
    if (c->args.size() <= np - 1) {
      out.push_back(new ConstNode(Value()));  // no variadic args: nil slice
    } else {
      auto* pk = new PackNode();
      pk->sliceType = fs->params[np - 1];
      for (size_t i = np - 1; i < nodes.size(); i++) pk->elems.push_back(nodes[i]);
      out.push_back(preEval(pk, pre));
    }
  }
  return out;
}

// The receiver argument of a statically resolved method call or method value.
Expr* Compiler::methodRecv(ast::SelectorExpr* e) {
  Selection* sel = e->selection;
  const Type* recvT = sel->recvNamed;
  bool obj = recvT && isObj(recvT);
  Expr* x;
  if (sel->addressRecv && sel->path.empty()) {
    x = addressOf(e->x);
  } else if (sel->addressRecv && !obj) {
    std::vector<int> p(sel->path.begin(), sel->path.end() - 1);
    x = new PtrToField(fieldPath(expr(e->x), p, e->pos), sel->path.back());
  } else {
    x = fieldPath(expr(e->x), sel->path, e->pos);
  }
  if (!sel->pointerRecv) {
    if (obj && sel->derefRecv) x = new CopyDerefNode(x, recvT);
    else if (obj) x = new CopyNode(x, recvT);
    else if (sel->derefRecv) x = new DerefNode(x, false);
  }
  return x;
}

Expr* Compiler::staticCall(Func* fn, Expr* recv, ast::CallExpr* c, const Type* sig, std::vector<Expr*>* pre) {
  std::vector<Expr*> args;
  if (recv) args.push_back(recv);
  Expr* tuple = nullptr;
  int tupleBase = 0;
  std::vector<Expr*> rest = callArgs(c, sig, pre, &tuple, &tupleBase);
  args.insert(args.end(), rest.begin(), rest.end());
  return newCallStatic(fn, std::move(args), tuple, tupleBase);
}

Expr* Compiler::call(ast::CallExpr* c, std::vector<Expr*>* pre) {
  CallInfo* ci = c->info;
  if (c->value && !pre) return constant(c->value, c->type, c->pos);
  if (!ci) return new ConstNode(Value());
  ast::Expr* fun = unparen(c->fun);
  Expr* result = nullptr;
  switch (ci->kind) {
    case CallKind::Conversion: return conversion(c, pre);
    case CallKind::Builtin: return builtinCall(c, pre);
    case CallKind::Func:
    case CallKind::Method:
    case CallKind::InterfaceMethod:
    case CallKind::FuncValue: break;
  }
  const Type* sig = ci->sig ? ci->sig : fun->type;
  auto* sel = fun->kind == ast::NodeKind::Selector ? static_cast<ast::SelectorExpr*>(fun) : nullptr;
  Selection* selection = sel ? sel->selection : nullptr;
  if (ci->kind == CallKind::InterfaceMethod || (selection && selection->kind == SelKind::InterfaceMethod)) {
    auto* n = new CallIface();
    n->recv = preEval(expr(sel->x), pre);
    n->name = sel->sel->name;
    n->args = callArgs(c, sig, pre, &n->tuple, &n->tupleBase);
    result = n;
  } else if (selection && selection->kind == SelKind::Method &&
             (ci->kind == CallKind::Method || ci->kind == CallKind::Func)) {
    Func* fn = funcForDecl(selection->methodSym ? selection->methodSym->decl : selection->method->decl);
    result = staticCall(fn, preEval(methodRecv(sel), pre), c, sig, pre);
  } else if (selection && selection->kind == SelKind::MethodExpr && plainMethodExpr(selection)) {
    Func* fn = funcForDecl(selection->methodSym ? selection->methodSym->decl : selection->method->decl);
    result = staticCall(fn, nullptr, c, fun->type, pre);  // the receiver is the first argument
  } else if (ci->kind == CallKind::Func && ci->func && ci->func->decl) {
    result = staticCall(funcForDecl(ci->func->decl), nullptr, c, sig, pre);
  } else {
    auto* n = new CallValue();
    n->fv = preEval(expr(c->fun), pre);
    n->args = callArgs(c, sig, pre, &n->tuple, &n->tupleBase);
    const Type* fs = sig ? sig->underlying() : nullptr;
    n->nres = fs ? static_cast<int>(fs->results.size()) : 1;
    result = n;
  }
  result->pos = c->pos;
  if (ci->genericResult) {  // slices.Clone(s) and friends: the native's `any`, unboxed (check/call.cpp)
    auto* n = new UnboxResult();
    n->call = result;
    n->pos = c->pos;
    return n;
  }
  return result;
}

Stmt* Compiler::goDefer(ast::CallExpr* c, bool isGo, Pos pos) {
  std::vector<Expr*> pre;
  Expr* callNode = call(c, &pre);
  if (isGo) {
    auto* n = new GoNode();
    // CallValue pre-evaluates its func value first (call() above)
    if (dynamic_cast<CallValue*>(callNode) && !pre.empty()) n->funcValue = 0;
    n->call = callNode;
    n->pre = std::move(pre);
    n->pos = pos;
    return n;
  }
  fn_->hasDefer = true;
  auto* n = new DeferNode();
  n->call = callNode;
  n->pre = std::move(pre);
  n->pos = pos;
  return n;
}

}  // namespace gol::interp
