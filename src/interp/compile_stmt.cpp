// Compiling statements: declarations, assignments (two-phase, tuple, comma-ok, compound),
// inc/dec, switch with fallthrough, type switch, return, labelled break/continue, go/defer.
// if and for are in compile_branch.cpp, range loops in compile_range.cpp, select in
// chan_nodes.cpp. Control flow leaves statements as Status codes (nodes.h).
#include <set>

#include "interp/builtins.h"
#include "interp/compiler.h"
#include "interp/nodes_arith.h"
#include "interp/nodes_composite.h"

namespace gol::interp {

using ast::NodeKind;
using ast::Tok;

namespace {

struct NopLV : LValue {
  Value load(Frame&) override { return Value(); }
  void store(Frame&, Value) override {}
};

struct AssignNode : Stmt {
  LValue* lv;
  Expr* x;
  Status exec(Frame& f) override {
    lv->prepare(f);
    lv->store(f, x->eval(f));
    return kNormal;
  }
};

struct SliceStoreNode : Stmt {  // s[i] = v for a slice of scalars
  Expr *s, *i, *x;
  Status exec(Frame& f) override {
    auto* so = s->eval(f).as<rt::SliceObj>();
    int64_t k = i->eval(f).i;
    Value v = x->eval(f);
    int64_t len = so ? so->len : 0;
    if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= static_cast<uint64_t>(len))) panicIndex(k, len);
    heapStore(&so->arr->elems[so->off + k], v);
    return kNormal;
  }
};

// s[i] = x, the slice and the index in frame slots; with LocalValue, x is an unboxed local too
// (vs), read without a child call.
template <bool LocalValue>
struct SliceStoreLL : Stmt {
  int ss, is, vs = 0;
  Expr* x = nullptr;
  Status exec(Frame& f) override {
    auto* so = f.s[ss].as<rt::SliceObj>();
    int64_t k = f.s[is].i;
    Value v;
    if constexpr (LocalValue) v = f.s[vs];
    else v = x->eval(f);
    int64_t len = so ? so->len : 0;
    if (GOL_UNLIKELY(static_cast<uint64_t>(k) >= static_cast<uint64_t>(len))) panicIndex(k, len);
    heapStore(&so->arr->elems[so->off + k], v);
    return kNormal;
  }
};

struct MultiAssign : Stmt {  // a, b = x, y  /  a, b = f()  /  v, ok = m[k]
  std::vector<LValue*> lvs;
  std::vector<Expr*> xs;   // one per lhs, or a single multi-valued expr
  std::vector<Expr*> conv; // per lhs: converts LocalLoad(temp+i) for storing
  int temp;
  bool tuple;
  Status exec(Frame& f) override {
    for (LValue* lv : lvs) lv->prepare(f);
    if (tuple) xs[0]->evalMulti(f, f.s + temp);
    else
      for (size_t i = 0; i < xs.size(); i++) f.s[temp + i] = xs[i]->eval(f);
    for (size_t i = 0; i < lvs.size(); i++) lvs[i]->store(f, conv[i]->eval(f));
    return kNormal;
  }
};

struct SeqNode : Stmt {  // evaluate a multi-valued expr into temps, then run the stores
  Expr* x;
  int temp;
  std::vector<Stmt*> then;
  Status exec(Frame& f) override {
    x->evalMulti(f, f.s + temp);
    for (Stmt* s : then) s->exec(f);
    return kNormal;
  }
};

struct OpAssignNode : Stmt {
  LValue* lv;
  int cur;
  Expr* bin;  // reads the current value from slot `cur`
  Status exec(Frame& f) override {
    lv->prepare(f);
    f.s[cur] = lv->load(f);
    lv->store(f, bin->eval(f));
    return kNormal;
  }
};

// `m[k]++`, `m[k] += 2`: the entry is looked up (or made) once, not once to read and once to
// write. Only with a constant operand: bin then runs nothing that could touch the map between.
struct OpAssignWordNode : Stmt {
  LValue* lv;
  int cur;
  Expr* bin;
  Status exec(Frame& f) override {
    lv->prepare(f);
    Value* w = lv->word(f);
    f.s[cur] = rt::load(w);
    rt::store(w, bin->eval(f));
    return kNormal;
  }
};

// The compound assignment node for a place and `bin` (which reads the old value from `cur`).
template <class Node>
Stmt* opAssignNode(LValue* lv, int cur, Expr* bin) {
  auto* n = new Node();
  n->lv = lv;
  n->cur = cur;
  n->bin = bin;
  return n;
}

Stmt* makeOpAssign(LValue* lv, int cur, Expr* bin, bool constantOperand) {
  if (constantOperand && lv->hasWord()) return opAssignNode<OpAssignWordNode>(lv, cur, bin);
  return opAssignNode<OpAssignNode>(lv, cur, bin);
}



struct BranchNode : Stmt {
  Status st;
  const void* target;
  Status exec(Frame& f) override {
    f.branch = target;
    return st;
  }
};

struct ReturnNode : Stmt {
  std::vector<Expr*> xs;    // one per result (not tuple)
  Expr* tuple = nullptr;    // return f() with several results
  std::vector<Expr*> conv;  // tuple: per result, converts LocalLoad(temp+i)
  std::vector<int> slots;
  std::vector<bool> boxed;
  int temp = 0;
  Status exec(Frame& f) override {
    size_t n = slots.size();
    if (tuple) {
      tuple->evalMulti(f, f.s + temp);
      for (size_t i = 0; i < n; i++) f.s[temp + n + i] = conv[i]->eval(f);
    } else {
      for (size_t i = 0; i < n; i++) f.s[temp + n + i] = xs[i]->eval(f);
    }
    for (size_t i = 0; i < n; i++) {
      Value v = f.s[temp + n + i];
      if (boxed[i]) heapStore(&f.s[slots[i]].as<rt::Cell>()->v, v);
      else f.s[slots[i]] = v;
    }
    return kReturn;
  }
};

struct Return1 : Stmt {  // return x, for a single unboxed result
  Expr* x;
  int slot;
  Status exec(Frame& f) override {
    f.s[slot] = x->eval(f);
    return kReturn;
  }
};

struct ReturnLocal : Stmt {  // return v, v an unboxed local (`return n`)
  int from, slot;
  Status exec(Frame& f) override {
    f.s[slot] = f.s[from];
    return kReturn;
  }
};

struct ReturnBare : Stmt {
  Status exec(Frame&) override { return kReturn; }
};

struct SwitchNode : Stmt {
  Stmt* init = nullptr;
  Expr* tag = nullptr;
  int tagSlot = -1;
  std::vector<std::vector<Expr*>> conds;  // per clause (empty for default)
  std::vector<Stmt*> bodies;
  int def = -1;
  const void* self;
  const void* label;
  Status exec(Frame& f) override {
    if (init) init->exec(f);
    if (tag) f.s[tagSlot] = tag->eval(f);
    int match = -1;
    for (size_t i = 0; i < conds.size() && match < 0; i++) {
      for (Expr* c : conds[i]) {
        if (c->eval(f).u) {
          match = static_cast<int>(i);
          break;
        }
      }
    }
    if (match < 0) match = def;
    if (match < 0) return kNormal;
    for (size_t i = match; i < bodies.size(); i++) {
      Status st = bodies[i]->exec(f);
      if (st == kFallthrough) continue;
      if (st == kBreak && (!f.branch || f.branch == self || f.branch == label)) {
        f.branch = nullptr;
        return kNormal;
      }
      return st;
    }
    return kNormal;
  }
};

struct TypeSwitchNode : Stmt {
  Stmt* init = nullptr;
  Expr* x;
  int xSlot;
  struct Entry { const Type* t; bool isNil; bool iface; };
  std::vector<std::vector<Entry>> cases;
  std::vector<Stmt*> bodies;
  std::vector<int> bindSlot;  // per clause: slot of the implicit variable (-1 none)
  std::vector<bool> bindBoxed, bindUnwrap, bindCopy;
  std::vector<const Type*> bindType;
  int def = -1;
  const void* self;
  const void* label;
  Status exec(Frame& f) override {
    if (init) init->exec(f);
    Value v = x->eval(f);
    f.s[xSlot] = v;
    const Type* dyn = rt::ifaceType(v);
    int match = -1;
    for (size_t i = 0; i < cases.size() && match < 0; i++) {
      for (const Entry& e : cases[i]) {
        bool ok;
        if (e.isNil) ok = dyn == nullptr;
        else if (!dyn) ok = false;
        else if (e.iface) ok = implements(dyn, e.t);
        else ok = dyn == e.t || identical(dyn, e.t);
        if (ok) {
          match = static_cast<int>(i);
          break;
        }
      }
    }
    if (match < 0) match = def;
    if (match < 0) return kNormal;
    if (bindSlot[match] >= 0) {
      Value b = bindUnwrap[match] ? rt::ifaceValue(v) : v;
      if (bindCopy[match]) b = rt::copyValue(bindType[match], b);
      f.s[bindSlot[match]] = bindBoxed[match] ? Value::P(newCell(b)) : b;
    }
    Status st = bodies[match]->exec(f);
    if (st == kBreak && (!f.branch || f.branch == self || f.branch == label)) {
      f.branch = nullptr;
      return kNormal;
    }
    return st;
  }
};

// REPL: prints the values of a top-level expression statement as fmt.Println does.
struct EchoNode : Stmt {
  Expr* x;
  std::vector<const Type*> types;
  int temp;
  Status exec(Frame& f) override {
    size_t n = types.size();
    if (n == 1) f.s[temp] = x->eval(f);
    else x->evalMulti(f, f.s + temp);
    auto& tt = TypeTable::get();
    Value sl = rt::makeSlice(tt.slice(tt.anyType()), static_cast<int64_t>(n), static_cast<int64_t>(n));
    Value* d = sl.as<rt::SliceObj>()->data();
    for (size_t i = 0; i < n; i++) {
      Value v = f.s[temp + i];
      heapStore(&d[i], isInterface(types[i]) ? v : rt::boxIface(types[i], v));
    }
    static rt::NativeFn println = rt::findNative("fmt.Println");
    if (println) {
      Value res[2];
      const Type* argT = tt.slice(tt.anyType());
      rt::NativeCall nc{&sl, res, &argT, pos};
      println(nc);
    } else {
      std::string out;
      for (size_t i = 0; i < n; i++) out += (i ? " " : "") + printValue(types[i], f.s[temp + i]);
      writeStdout(out + "\n");
    }
    return kNormal;
  }
};

struct GlobalStore : Stmt {
  Value* addr;
  Expr* x;
  Status exec(Frame& f) override {
    heapStore(addr, x->eval(f));
    return kNormal;
  }
};

struct ZeroNode : Expr {
  const Type* t;
  explicit ZeroNode(const Type* ty) : t(ty) {}
  Value eval(Frame&) override { return rt::zeroValue(t); }
};

}  // namespace

static std::set<const ast::Stmt*> gEcho;
void setEchoStatements(const std::vector<ast::Stmt*>& echo) { gEcho = std::set<const ast::Stmt*>(echo.begin(), echo.end()); }
bool isEchoStatement(const ast::Stmt* s) { return !gEcho.empty() && gEcho.count(s); }

Expr* zeroNode(const Type* t) {
  if (t && isObj(t)) return new ZeroNode(t);
  return new ConstNode(Value());
}

// ---------------------------------------------------------------- declarations

Stmt* Compiler::declare(Symbol* s, Expr* init, Pos pos) {
  Stmt* n;
  if (!s || s->name == "_") {
    n = new ExprStmtNode(init);
  } else if (s->global) {
    auto* g = new GlobalStore();
    g->addr = &globals()[s->index];
    g->x = init;
    n = g;
  } else if (s->boxed) {
    n = new NewCellStore(s->index, init);
  } else {
    n = new LocalStore(s->index, init);
  }
  n->pos = pos;
  return n;
}

Stmt* Compiler::declStmt(ast::DeclStmt* s) {
  ast::GenDecl* d = s->decl;
  if (d->tok != Tok::Var) return new EmptyNode();  // const and type declarations: nothing runs
  auto* blk = new BlockNode();
  for (ast::Spec* sp : d->specs) {
    auto* vs = static_cast<ast::ValueSpec*>(sp);
    if (vs->values.empty()) {
      for (ast::Ident* id : vs->names) {
        Symbol* sym = id->sym;
        blk->list.push_back(declare(sym, zeroNode(sym ? sym->type : id->type), id->pos));
      }
    } else if (vs->values.size() == vs->names.size()) {
      for (size_t i = 0; i < vs->names.size(); i++) {
        Symbol* sym = vs->names[i]->sym;
        const Type* t = sym ? sym->type : vs->names[i]->type;
        blk->list.push_back(declare(sym, exprAs(vs->values[i], t), vs->names[i]->pos));
      }
    } else {
      auto* seq = new SeqNode();
      seq->x = vs->values.size() == 1 && vs->names.size() == 2 ? commaOkExpr(vs->values[0]) : expr(vs->values[0]);
      seq->temp = nslots_;
      nslots_ += static_cast<int>(vs->names.size());
      const Type* tt = vs->values[0]->type;
      for (size_t i = 0; i < vs->names.size(); i++) {
        Symbol* sym = vs->names[i]->sym;
        const Type* et = tt && tt->kind == Kind::Tuple && i < tt->fields.size() ? tt->fields[i].type : nullptr;
        Expr* v = new LocalLoad(seq->temp + static_cast<int>(i));
        if (sym && et) v = convertNode(v, et, sym->type);
        seq->then.push_back(declare(sym, v, vs->names[i]->pos));
      }
      seq->pos = s->pos;  // as above: the block makes it the current position
      blk->list.push_back(seq);
    }
  }
  return blk;
}

// ---------------------------------------------------------------- assignments

Expr* Compiler::commaOkExpr(ast::Expr* e) {
  ast::Expr* u = unparen(e);
  switch (u->kind) {
    case NodeKind::TypeAssert: return typeAssert(static_cast<ast::TypeAssertExpr*>(u), true);
    case NodeKind::Unary: {
      auto* ue = static_cast<ast::UnaryExpr*>(u);
      if (ue->op == Tok::Arrow) {
        auto* n = new RecvNode(expr(ue->x), ue->x->type->underlying()->elem, true);
        n->pos = ue->pos;
        return n;
      }
      break;
    }
    default: break;
  }
  return expr(u);  // map index (evalMulti gives v, ok) or a call
}

static bool isNewVar(ast::Expr* e) {
  if (e->kind != NodeKind::Ident) return false;
  auto* id = static_cast<ast::Ident*>(e);
  return id->sym && id->sym->kind == SymKind::Var && id->sym->pos == id->pos;
}

Stmt* Compiler::defineOrAssign(ast::AssignStmt* s) {
  bool define = s->op == Tok::Define;
  size_t nl = s->lhs.size();
  // single value
  if (nl == 1 && s->rhs.size() == 1) {
    ast::Expr* l = s->lhs[0];
    if (define && l->kind == NodeKind::Ident) {
      auto* id = static_cast<ast::Ident*>(l);
      return declare(id->sym, exprAs(s->rhs[0], id->sym ? id->sym->type : s->rhs[0]->type), s->pos);
    }
    LValue* lv = lvalue(l);
    Expr* x = exprAs(s->rhs[0], lv->type);
    // fast paths
    ast::Expr* ul = unparen(l);
    if (ul->kind == NodeKind::Ident && !isObj(lv->type)) {
      auto* id = static_cast<ast::Ident*>(ul);
      if (id->ref && id->ref->kind == RefKind::Local && !id->ref->boxed) return new LocalStore(id->ref->index, x);
    }
    if (ul->kind == NodeKind::Index && !isObj(lv->type)) {
      auto* ie = static_cast<ast::IndexExpr*>(ul);
      if (ie->x->type->underlying()->kind == Kind::Slice) {
        Expr* sx = expr(ie->x);
        Expr* ix = expr(ie->index);
        auto* ls = dynamic_cast<LocalLoad*>(sx);
        auto* li = dynamic_cast<LocalLoad*>(ix);
        if (ls && li) {
          if (auto* lx = dynamic_cast<LocalLoad*>(x)) {
            auto* n = new SliceStoreLL<true>();
            n->ss = ls->slot;
            n->is = li->slot;
            n->vs = lx->slot;
            return n;
          }
          auto* n = new SliceStoreLL<false>();
          n->ss = ls->slot;
          n->is = li->slot;
          n->x = x;
          return n;
        }
        auto* n = new SliceStoreNode();
        n->s = sx;
        n->i = ix;
        n->x = x;
        return n;
      }
    }
    auto* n = new AssignNode();
    n->lv = lv;
    n->x = x;
    return n;
  }
  // several values
  auto* n = new MultiAssign();
  n->tuple = s->rhs.size() == 1;
  n->temp = nslots_;
  nslots_ += static_cast<int>(nl);
  std::vector<Stmt*> decls;
  const Type* tt = n->tuple ? s->rhs[0]->type : nullptr;
  if (n->tuple) n->xs.push_back(nl == 2 ? commaOkExpr(s->rhs[0]) : expr(s->rhs[0]));
  for (size_t i = 0; i < nl; i++) {
    ast::Expr* l = s->lhs[i];
    const Type* lt = l->type;
    if (l->kind == NodeKind::Ident && static_cast<ast::Ident*>(l)->sym) lt = static_cast<ast::Ident*>(l)->sym->type;
    if (!n->tuple) n->xs.push_back(exprAs(s->rhs[i], lt));
    const Type* et = n->tuple && tt && tt->kind == Kind::Tuple && i < tt->fields.size() ? tt->fields[i].type : nullptr;
    if (n->tuple && !et && nl == 2) et = i == 0 ? s->rhs[0]->type : TypeTable::get().basic(Kind::Bool);
    Expr* v = new LocalLoad(n->temp + static_cast<int>(i));
    if (et) v = convertNode(v, et, lt);
    n->conv.push_back(v);
    if (isNewVar(l)) {
      // a new variable of `:=`: declared after every value is computed
      n->lvs.push_back(new NopLV());
      decls.push_back(declare(static_cast<ast::Ident*>(l)->sym, v, l->pos));
    } else {
      n->lvs.push_back(lvalue(l));
    }
  }
  if (decls.empty()) return n;
  // The block sets each part's position as the current one: the assignment's, so that a panic
  // in its right-hand side (a nil interface's method) says this line, not "?:0".
  n->pos = s->pos;
  auto* blk = new BlockNode();
  blk->list.push_back(n);
  for (Stmt* d : decls) blk->list.push_back(d);
  return blk;
}


Stmt* Compiler::opAssign(ast::AssignStmt* s) {
  ast::Expr* l = unparen(s->lhs[0]);
  const Type* t = defaultType(l->type);
  bool countSigned = s->rhs[0]->type && !isUnsigned(s->rhs[0]->type) && !isUntyped(s->rhs[0]->type);
  Expr* y = expr(s->rhs[0]);
  if (l->kind == NodeKind::Ident) {
    auto* id = static_cast<ast::Ident*>(l);
    if (id->ref && id->ref->kind == RefKind::Local && !id->ref->boxed) {
      if (Stmt* n = makeOpAssignLocal(s->op, t, id->ref->index, y, countSigned)) return n;
    }
  }
  LValue* lv = lvalue(l);
  int cur = newTemp();
  Expr* bin = makeArith(s->op, t, new LocalLoad(cur), y, countSigned);
  if (!bin) bin = new LocalLoad(cur);
  return makeOpAssign(lv, cur, bin, dynamic_cast<ConstNode*>(y) != nullptr);
}

Stmt* Compiler::incDec(ast::IncDecStmt* s) {
  ast::Expr* l = unparen(s->x);
  const Type* t = defaultType(l->type);
  if (l->kind == NodeKind::Ident && (t->ukind() == Kind::Int || t->ukind() == Kind::Int64)) {
    auto* id = static_cast<ast::Ident*>(l);
    if (id->ref && id->ref->kind == RefKind::Local && !id->ref->boxed) {
      auto* n = new IncLocalInt();
      n->slot = id->ref->index;
      n->d = s->inc ? 1 : -1;
      return n;
    }
  }
  Value one = isFloat(t) ? Value::F(1.0) : Value::I(1);
  LValue* lv = lvalue(l);
  int cur = newTemp();
  return makeOpAssign(lv, cur, makeArith(s->inc ? Tok::Add : Tok::Sub, t, new LocalLoad(cur), new ConstNode(one), false),
                      true);
}

Stmt* Compiler::returnStmt(ast::ReturnStmt* s) {
  Func* fn = fn_;
  size_t nr = fn->resultSlots.size();
  if (s->results.empty() || nr == 0) {
    if (!s->results.empty()) {  // script bodies: evaluate for effects
      return new ExprStmtNode(expr(s->results[0]));
    }
    return new ReturnBare();
  }
  const Type* sig = info_ ? info_->sig : nullptr;
  auto rtype = [&](size_t i) -> const Type* {
    if (sig && i < sig->underlying()->results.size()) return sig->underlying()->results[i];
    return info_ && i < info_->results.size() && info_->results[i] ? info_->results[i]->type : nullptr;
  };
  if (nr == 1 && s->results.size() == 1 && !fn->resultBoxed[0]) {
    Expr* x = exprAs(s->results[0], rtype(0));
    if (auto* local = dynamic_cast<LocalLoad*>(x)) {
      auto* n = new ReturnLocal();
      n->from = local->slot;
      n->slot = fn->resultSlots[0];
      return n;
    }
    auto* n = new Return1();
    n->x = x;
    n->slot = fn->resultSlots[0];
    return n;
  }
  auto* n = new ReturnNode();
  n->slots = fn->resultSlots;
  n->boxed = fn->resultBoxed;
  n->temp = nslots_;
  nslots_ += static_cast<int>(2 * nr);
  if (s->results.size() == 1 && nr > 1) {
    n->tuple = expr(s->results[0]);
    const Type* tt = s->results[0]->type;
    for (size_t i = 0; i < nr; i++) {
      const Type* et = tt && tt->kind == Kind::Tuple && i < tt->fields.size() ? tt->fields[i].type : nullptr;
      n->conv.push_back(convertNode(new LocalLoad(n->temp + static_cast<int>(i)), et, rtype(i)));
    }
  } else {
    for (size_t i = 0; i < nr && i < s->results.size(); i++) n->xs.push_back(exprAs(s->results[i], rtype(i)));
  }
  return n;
}

Stmt* Compiler::switchStmt(ast::SwitchStmt* s, const void* label) {
  auto* n = new SwitchNode();
  n->self = s;
  n->label = label;
  n->init = s->init ? stmt(s->init) : nullptr;
  const Type* tt = s->tag ? defaultType(s->tag->type) : nullptr;
  if (s->tag) {
    n->tag = expr(s->tag);
    n->tagSlot = newTemp();
  }
  for (size_t i = 0; i < s->clauses.size(); i++) {
    ast::CaseClause* cc = s->clauses[i];
    std::vector<Expr*> conds;
    if (cc->isDefault || cc->list.empty()) n->def = static_cast<int>(i);
    for (ast::Expr* e : cc->list) {
      if (!s->tag) {
        conds.push_back(expr(e));
        continue;
      }
      const Type* ct = defaultType(e->type);
      Expr* tagLoad = new LocalLoad(n->tagSlot);
      Expr* c = nullptr;
      if (isInterface(tt) != isInterface(ct)) {
        const Type* it = isInterface(tt) ? tt : ct;
        c = new EqualNode(convertNode(tagLoad, tt, it), exprAs(e, it), it, false);
      } else {
        Expr* ce = expr(e);
        c = makeCompare(Tok::Eql, tt, tagLoad, ce);
        if (!c) c = new EqualNode(tagLoad, ce, tt, false);
      }
      conds.push_back(c);
    }
    n->conds.push_back(conds);
    n->bodies.push_back(block(cc->body));
  }
  return n;
}

Stmt* Compiler::typeSwitchStmt(ast::TypeSwitchStmt* s, const void* label) {
  auto* n = new TypeSwitchNode();
  n->self = s;
  n->label = label;
  n->init = s->init ? stmt(s->init) : nullptr;
  n->x = expr(s->x);
  n->xSlot = newTemp();
  for (size_t i = 0; i < s->clauses.size(); i++) {
    ast::CaseClause* cc = s->clauses[i];
    if (cc->isDefault || cc->list.empty()) n->def = static_cast<int>(i);
    std::vector<TypeSwitchNode::Entry> es;
    for (ast::Expr* e : cc->list) {
      bool isNil = e->mode == ast::ExprMode::Nil || !e->type || e->type->kind == Kind::UntypedNil;
      es.push_back({e->type, isNil, !isNil && isInterface(e->type)});
    }
    Symbol* v = cc->implicitVar;
    int slot = -1;
    bool unwrap = false, copy = false;
    const Type* vt = nullptr;
    if (v && v->name != "_") {
      slot = v->index;
      if (es.size() == 1 && !es[0].isNil && !es[0].iface) {
        unwrap = true;
        vt = es[0].t;
        copy = isObj(vt);
      }
    }
    n->cases.push_back(es);
    n->bindSlot.push_back(slot);
    n->bindBoxed.push_back(v && v->boxed);
    n->bindUnwrap.push_back(unwrap);
    n->bindCopy.push_back(copy);
    n->bindType.push_back(vt);
    n->bodies.push_back(block(cc->body));
  }
  return n;
}

const void* Compiler::labelTarget(ast::BranchStmt* b) {
  if (b->target) return b->target;
  if (b->label) {
    for (auto it = labels_.rbegin(); it != labels_.rend(); ++it)
      if (it->first == b->label->name) return it->second;
  }
  return nullptr;
}

Stmt* Compiler::labeled(ast::LabeledStmt* s) {
  labels_.push_back({s->label->name, s});
  Stmt* n;
  ast::Stmt* in = s->stmt;
  switch (in->kind) {
    case NodeKind::For: n = forStmt(static_cast<ast::ForStmt*>(in), s); break;
    case NodeKind::Range: n = rangeStmt(static_cast<ast::RangeStmt*>(in), s); break;
    case NodeKind::Switch: n = switchStmt(static_cast<ast::SwitchStmt*>(in), s); break;
    case NodeKind::TypeSwitch: n = typeSwitchStmt(static_cast<ast::TypeSwitchStmt*>(in), s); break;
    case NodeKind::Select: n = selectStmt(static_cast<ast::SelectStmt*>(in), s); break;
    default: n = stmt(in); break;
  }
  labels_.pop_back();
  n->pos = in->pos;
  return n;
}

Stmt* Compiler::block(const ast::StmtList& list) {
  bool labelled = false;
  for (ast::Stmt* s : list) labelled |= s->kind == NodeKind::LabeledStmt;
  if (labelled) {  // a goto may target these statements
    auto* g = new GotoBlockNode();
    for (ast::Stmt* s : list) {
      if (s->kind == NodeKind::EmptyStmt) continue;
      for (ast::Stmt* l = s; l->kind == NodeKind::LabeledStmt; l = static_cast<ast::LabeledStmt*>(l)->stmt)
        g->labels.push_back({l, g->list.size()});
      g->list.push_back(stmt(s));
    }
    return g;
  }
  std::vector<Stmt*> stmts;
  for (ast::Stmt* s : list) {
    if (s->kind == NodeKind::EmptyStmt) continue;
    stmts.push_back(stmt(s));
  }
  if (stmts.size() == 1) return new Block1(stmts[0]);
  if (stmts.size() == 2) return new Block2(stmts[0], stmts[1]);
  auto* b = new BlockNode();
  b->list = std::move(stmts);
  return b;
}

Stmt* Compiler::assignStmt(ast::AssignStmt* s) {
  if (s->op == Tok::Assign || s->op == Tok::Define) return defineOrAssign(s);
  return opAssign(s);
}

Stmt* Compiler::stmtNode(ast::Stmt* s) {
  Stmt* n = nullptr;
  switch (s->kind) {
    case NodeKind::DeclStmt: n = declStmt(static_cast<ast::DeclStmt*>(s)); break;
    case NodeKind::EmptyStmt: n = new EmptyNode(); break;
    case NodeKind::LabeledStmt: n = labeled(static_cast<ast::LabeledStmt*>(s)); break;
    case NodeKind::ExprStmt: {
      ast::Expr* x = static_cast<ast::ExprStmt*>(s)->x;
      if (isEchoStatement(s) && x->type) {
        auto* e = new EchoNode();
        e->x = x->mode == ast::ExprMode::CommaOk ? commaOkExpr(x) : expr(x);
        if (x->type->kind == Kind::Tuple)
          for (auto& fl : x->type->fields) e->types.push_back(defaultType(fl.type));
        else
          e->types.push_back(defaultType(x->type));
        e->temp = nslots_;
        nslots_ += static_cast<int>(e->types.size());
        n = e;
      } else {
        n = new ExprStmtNode(expr(x));
      }
      break;
    }
    case NodeKind::SendStmt: n = sendStmt(static_cast<ast::SendStmt*>(s)); break;
    case NodeKind::IncDecStmt: n = incDec(static_cast<ast::IncDecStmt*>(s)); break;
    case NodeKind::AssignStmt: n = assignStmt(static_cast<ast::AssignStmt*>(s)); break;
    case NodeKind::GoStmt: n = goDefer(static_cast<ast::GoStmt*>(s)->call, true, s->pos); break;
    case NodeKind::DeferStmt: n = goDefer(static_cast<ast::DeferStmt*>(s)->call, false, s->pos); break;
    case NodeKind::ReturnStmt: n = returnStmt(static_cast<ast::ReturnStmt*>(s)); break;
    case NodeKind::BranchStmt: {
      auto* b = static_cast<ast::BranchStmt*>(s);
      auto* bn = new BranchNode();
      bn->st = b->tok == Tok::Break ? kBreak : b->tok == Tok::Continue ? kContinue
             : b->tok == Tok::Goto ? kGoto : kFallthrough;
      bn->target = b->tok == Tok::Fallthrough ? nullptr : labelTarget(b);
      if (b->tok == Tok::Goto && !b->target) compilerBug(s->pos, "a goto without its label");
      n = bn;
      break;
    }
    case NodeKind::Block: n = block(static_cast<ast::BlockStmt*>(s)->stmts); break;
    case NodeKind::If: n = ifStmt(static_cast<ast::IfStmt*>(s)); break;
    case NodeKind::Switch: n = switchStmt(static_cast<ast::SwitchStmt*>(s), nullptr); break;
    case NodeKind::TypeSwitch: n = typeSwitchStmt(static_cast<ast::TypeSwitchStmt*>(s), nullptr); break;
    case NodeKind::Select: n = selectStmt(static_cast<ast::SelectStmt*>(s), nullptr); break;
    case NodeKind::For: n = forStmt(static_cast<ast::ForStmt*>(s), nullptr); break;
    case NodeKind::Range: n = rangeStmt(static_cast<ast::RangeStmt*>(s), nullptr); break;
    // Parts of other statements, never statements of their own once the checker accepted them.
    case NodeKind::BadStmt: case NodeKind::CaseClause: case NodeKind::CommClause:
    GOL_CASES(GOL_EXPR_KINDS) GOL_CASES(GOL_TYPE_KINDS) GOL_CASES(GOL_DECL_KINDS)
      compilerBug(s->pos, std::string("a ") + ast::nodeKindName(s->kind) + " as a statement");
  }
  noteKindCompiled(s->kind);
  if (!n->pos) n->pos = s->pos;
  return n;
}

void Compiler::compileBody(ast::BlockStmt* body) {
  fn_->body = block(body->stmts);
  if (info_ && info_->hasDefer) fn_->hasDefer = true;
}

Stmt* Compiler::compileStmtList(const ast::StmtList& list) { return block(list); }

Expr* Compiler::typeAssert(ast::TypeAssertExpr* e, bool commaOk) {
  auto* n = new TypeAssertNode();
  n->x = expr(e->x);
  n->target = e->typeExpr ? e->typeExpr->type : e->type;
  if (commaOk || !n->target) n->target = n->target ? n->target : e->type;
  n->src = e->x->type;
  n->toIface = isInterface(n->target);
  n->commaOk = commaOk;
  n->pos = e->pos;
  return n;
}

}  // namespace gol::interp
