// Teaching checks on sync.WaitGroup in goroutines (gol's own; vet has no such messages):
//   - wg.Add called inside the goroutine it counts (x/tools' waitgroup analyzer finds the same
//     bug): Wait may run before the goroutine has started and return at once;
//   - wg.Done called without defer in a goroutine that can return or panic before reaching it:
//     the counter then never gets back to zero and Wait blocks forever.
#include <set>

#include "vet/pass.h"

namespace gol::vet {

using namespace ast;

namespace {

// The statements of a goroutine's own body: not those of nested function literals (another
// function) or deferred calls (they run however the goroutine ends).
void inspectOwn(Node* body, const Visit& visit) {
  inspect(body, [&](Node* n) {
    if (n->kind == NodeKind::FuncLit || n->kind == NodeKind::DeferStmt) return false;
    return visit(n);
  });
}

// Whether `id` names a variable from outside the literal: a capture, a global, or a parameter
// through which the caller handed its WaitGroup in.
bool fromOutside(const FuncLit* lit, const Ident* id) {
  const Symbol* s = id ? id->sym : nullptr;
  if (!s || s->kind != SymKind::Var) return false;
  if (s->global || s->owner != lit->info) return true;
  for (const Symbol* p : lit->info->params)
    if (p == s) return true;
  return false;
}

void checkAddInside(Pass& pass, const FuncLit* lit) {
  std::vector<const CallExpr*> adds;
  std::vector<Pos> gos;  // a goroutine may Add for the goroutines it starts itself
  inspectOwn(lit->body, [&](Node* n) {
    if (n->kind == NodeKind::GoStmt) gos.push_back(n->pos);
    auto* call = n->kind == NodeKind::Call ? static_cast<const CallExpr*>(n) : nullptr;
    const Expr* wg = call ? methodRecv(call, "sync", "WaitGroup", "Add") : nullptr;
    if (wg && fromOutside(lit, rootIdent(wg))) adds.push_back(call);
    return n->kind != NodeKind::GoStmt;
  });
  for (const CallExpr* add : adds) {
    bool startsMore = false;
    for (Pos g : gos) startsMore |= g > add->pos;
    if (startsMore) continue;
    std::string wg = exprText(methodRecv(add, "sync", "WaitGroup", "Add"));
    pass.report(startPos(add), wg + ".Add called inside the goroutine it counts: call it before the go "
                                    "statement, or Wait may return before this goroutine starts");
  }
}

// The first wg.Done() not deferred, and the first return or panic before it.
void checkDoneDeferred(Pass& pass, Node* body) {
  const Node* exit = nullptr;
  const CallExpr* done = nullptr;
  inspectOwn(body, [&](Node* n) {
    if (done || n->kind == NodeKind::GoStmt) return false;
    auto* call = n->kind == NodeKind::Call ? static_cast<const CallExpr*>(n) : nullptr;
    bool isPanic = call && call->info && call->info->kind == CallKind::Builtin && call->info->builtin == BuiltinId::Panic;
    if (!exit && (n->kind == NodeKind::ReturnStmt || isPanic)) exit = n;
    if (call && methodRecv(call, "sync", "WaitGroup", "Done")) done = call;
    return true;
  });
  if (!done || !exit) return;
  std::string wg = exprText(methodRecv(done, "sync", "WaitGroup", "Done"));
  int line = SourceTable::global().decode(exit->pos).line;
  std::string what = exit->kind == NodeKind::ReturnStmt ? "the return" : "the panic";
  pass.report(startPos(done), wg + ".Done is not deferred, and " + what + " on line " + std::to_string(line) +
                                  " ends the goroutine without it, so Wait may block forever: put defer " + wg +
                                  ".Done() at the top of the goroutine");
}

// The body a go statement runs: a function literal's, or that of a function or method of the
// program.
Node* goroutineBody(Pass& pass, const GoStmt* g) {
  const Expr* fun = unparen(g->call->fun);
  if (fun->kind == NodeKind::FuncLit) return static_cast<const FuncLit*>(fun)->body;
  const FuncDecl* f = programFunc(pass.prog, g->call);
  return f ? f->body : nullptr;
}

}  // namespace

void checkWaitGroups(Pass& pass) {
  std::set<Node*> seen;  // a function started by several go statements is checked once
  inspectFiles(pass.files, [&](Node* n) {
    if (n->kind != NodeKind::GoStmt) return true;
    auto* g = static_cast<GoStmt*>(n);
    const Expr* fun = unparen(g->call->fun);
    if (fun->kind == NodeKind::FuncLit) checkAddInside(pass, static_cast<const FuncLit*>(fun));
    Node* body = goroutineBody(pass, g);
    if (body && seen.insert(body).second) checkDoneDeferred(pass, body);
    return true;
  });
}

}  // namespace gol::vet
