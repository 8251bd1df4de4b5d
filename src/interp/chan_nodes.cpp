// Channel operations on runtime/chan.h: make(chan T, n), send, receive (with comma-ok),
// close, len/cap, and the select statement (cases evaluated in source order, then
// rt::select picks uniformly among the ready ones).
#include "interp/builtins.h"
#include "interp/compiler.h"
#include "interp/nodes_composite.h"
#include "runtime/chan.h"

namespace gol::interp {

int64_t chanLen(Value ch) { return ch.p ? rt::len(ch.as<rt::Chan>()) : 0; }
int64_t chanCap(Value ch) { return ch.p ? rt::cap(ch.as<rt::Chan>()) : 0; }

namespace {

struct MakeChanNode : Expr {
  Expr* size;
  Value eval(Frame& f) override {
    int64_t n = size ? size->eval(f).i : 0;
    if (n < 0) rt::panicPlain("makechan: size out of range");  // Go's plainError: no "runtime error: "
    return Value::P(rt::makeChan(static_cast<size_t>(n)));
  }
};

struct CloseNode : Expr {
  Expr* ch;
  Value eval(Frame& f) override {
    rt::close(ch->eval(f).as<rt::Chan>());
    return Value();
  }
};

struct SendNode : Stmt {
  Expr *ch, *v;
  Status exec(Frame& f) override {
    auto* c = ch->eval(f).as<rt::Chan>();
    Value x = v->eval(f);
    rt::send(c, x.u);
    return kNormal;
  }
};

struct FromSlot : Stmt {  // lv = f.s[slot] (select receive assignments)
  LValue* lv;
  Expr* val;  // f.s[slot], converted to the variable's type (boxed into an interface)
  Status exec(Frame& f) override {
    lv->prepare(f);
    lv->store(f, val->eval(f));
    return kNormal;
  }
};

struct SelectNode : Stmt {
  struct C {
    Expr* ch = nullptr;
    Expr* val = nullptr;  // send value
    bool send = false;
    bool isDefault = false;
    int tv = -1, tok = -1;  // receive temps
    const Type* elem = nullptr;
    Stmt* post = nullptr;  // assignments of the received value
    Stmt* body = nullptr;
  };
  std::vector<C> cs;
  int defaultIdx = -1;
  const void* self;
  const void* label;
  Status exec(Frame& f) override {
    int n = 0;
    std::vector<int> map;  // rt case index -> clause index
    auto* cases = static_cast<rt::Case*>(alloca(sizeof(rt::Case) * (cs.size() + 1)));
    map.reserve(cs.size());
    for (size_t i = 0; i < cs.size(); i++) {
      C& c = cs[i];
      if (c.isDefault) continue;
      new (&cases[n]) rt::Case();
      cases[n].c = c.ch->eval(f).as<rt::Chan>();
      cases[n].dir = c.send ? rt::Dir::Send : rt::Dir::Recv;
      if (c.send) cases[n].sendValue = c.val->eval(f).u;
      map.push_back(static_cast<int>(i));
      n++;
    }
    rt::Word out = 0;
    bool ok = false;
    int k = rt::select(cases, n, defaultIdx >= 0, &out, &ok);
    int ci = k < 0 ? defaultIdx : map[k];
    if (ci < 0) return kNormal;
    C& c = cs[ci];
    if (!c.send && !c.isDefault) {
      Value v = Value::U(out);
      if (!ok && isObj(c.elem)) v = rt::zeroValue(c.elem);
      if (c.tv >= 0) f.s[c.tv] = v;
      if (c.tok >= 0) f.s[c.tok] = Value::B(ok);
      if (c.post) c.post->exec(f);
    }
    Status st = c.body->exec(f);
    if (st == kBreak && (!f.branch || f.branch == self || f.branch == label)) {
      f.branch = nullptr;
      return kNormal;
    }
    return st;
  }
};

}  // namespace

Expr* makeChanNode(const Type*, Expr* size) {
  auto* n = new MakeChanNode();
  n->size = size;
  return n;
}

Expr* makeCloseNode(Expr* ch) {
  auto* n = new CloseNode();
  n->ch = ch;
  return n;
}

Value RecvNode::eval(Frame& f) {
  auto* c = ch->eval(f).as<rt::Chan>();
  bool ok = true;
  Value v = Value::U(rt::recv(c, &ok));
  if (!ok && isObj(elem)) v = rt::zeroValue(elem);
  return v;
}

void RecvNode::evalMulti(Frame& f, Value* out) {
  auto* c = ch->eval(f).as<rt::Chan>();
  bool ok = true;
  Value v = Value::U(rt::recv(c, &ok));
  if (!ok && isObj(elem)) v = rt::zeroValue(elem);
  out[0] = v;
  out[1] = Value::B(ok);
}

Stmt* Compiler::sendStmt(ast::SendStmt* s) {
  auto* n = new SendNode();
  n->ch = expr(s->chan);
  n->v = exprAs(s->val, s->chan->type->underlying()->elem);
  return n;
}

Stmt* Compiler::selectStmt(ast::SelectStmt* s, const void* label) {
  auto* n = new SelectNode();
  n->self = s;
  n->label = label;
  for (size_t i = 0; i < s->clauses.size(); i++) {
    ast::CommClause* cc = s->clauses[i];
    SelectNode::C c;
    ast::Stmt* comm = cc->comm;
    if (!comm) {
      c.isDefault = true;
      n->defaultIdx = static_cast<int>(i);
    } else if (comm->kind == ast::NodeKind::SendStmt) {
      auto* ss = static_cast<ast::SendStmt*>(comm);
      c.send = true;
      c.ch = expr(ss->chan);
      c.val = exprAs(ss->val, ss->chan->type->underlying()->elem);
    } else {
      ast::Expr* rx = nullptr;
      ast::AssignStmt* as = nullptr;
      if (comm->kind == ast::NodeKind::ExprStmt) {
        rx = static_cast<ast::ExprStmt*>(comm)->x;
      } else if (comm->kind == ast::NodeKind::AssignStmt) {
        as = static_cast<ast::AssignStmt*>(comm);
        rx = as->rhs[0];
      }
      rx = unparen(rx);
      auto* ue = static_cast<ast::UnaryExpr*>(rx);
      c.ch = expr(ue->x);
      c.elem = ue->x->type->underlying()->elem;
      if (as) {
        c.tv = newTemp();
        c.tok = newTemp();
        auto* blk = new BlockNode();
        for (size_t j = 0; j < as->lhs.size() && j < 2; j++) {
          ast::Expr* l = as->lhs[j];
          int slot = j == 0 ? c.tv : c.tok;
          if (as->op == ast::Tok::Define) {
            Symbol* sym = l->kind == ast::NodeKind::Ident ? static_cast<ast::Ident*>(l)->sym : nullptr;
            blk->list.push_back(declare(sym, new LocalLoad(slot), l->pos));
          } else {
            auto* fs = new FromSlot();
            fs->lv = lvalue(l);
            const Type* from = j == 0 ? c.elem : TypeTable::get().basic(Kind::Bool);
            fs->val = new LocalLoad(slot);
            if (l->type && isInterface(l->type) && !isInterface(from)) fs->val = convertNode(fs->val, from, l->type);
            blk->list.push_back(fs);
          }
        }
        c.post = blk;
      }
    }
    c.body = block(cc->body);
    n->cs.push_back(c);
  }
  return n;
}

}  // namespace gol::interp
