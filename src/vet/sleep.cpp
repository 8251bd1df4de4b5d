// Teaching check (gol's own): main starts goroutines and then waits for them with time.Sleep,
// never with a WaitGroup, a channel receive or a select. The sleep is a guess: on a slow or busy
// machine the goroutines are not done, and when main returns they are stopped mid-way.
// A sleep in a loop that also checks on the goroutines (an atomic load, a lock) is polling, not
// guessing, and is left alone; so is a main that calls a function of the program that waits.
#include <set>

#include "vet/pass.h"

namespace gol::vet {

using namespace ast;

namespace {

// A call that waits for other goroutines: Wait (WaitGroup, Cond) or a function of the program
// that waits.
bool isWaitCall(const Pass& pass, const CallExpr* call, int depth);

// Whether n waits for another goroutine: a receive, a select, a range over a channel, a Wait.
bool isWait(const Pass& pass, const Node* n, int depth) {
  switch (n->kind) {
    case NodeKind::Unary: return static_cast<const UnaryExpr*>(n)->op == Tok::Arrow;
    case NodeKind::Select: return true;
    case NodeKind::Range: {
      auto* r = static_cast<const RangeStmt*>(n);
      return r->info && r->info->kind == RangeInfo::Chan;
    }
    case NodeKind::Call: return isWaitCall(pass, static_cast<const CallExpr*>(n), depth);
    default: return false;
  }
}

bool waitsIn(const Pass& pass, Node* body, int depth) {
  bool waits = false;
  inspect(body, [&](Node* n) {
    waits |= isWait(pass, n, depth);
    return !waits && n->kind != NodeKind::FuncLit && n->kind != NodeKind::GoStmt;
  });
  return waits;
}

bool isWaitCall(const Pass& pass, const CallExpr* call, int depth) {
  auto* fun = unparen(call->fun);
  if (fun->kind == NodeKind::Selector && static_cast<const SelectorExpr*>(fun)->sel->name == "Wait") return true;
  const FuncDecl* f = programFunc(pass.prog, call);
  return f && depth < 4 && waitsIn(pass, f->body, depth + 1);
}

// A loop that checks on the goroutines while it sleeps: sync/atomic, a lock, a Load method,
// runtime.NumGoroutine.
bool isPolling(const Node* loop) {
  bool polls = false;
  inspect(const_cast<Node*>(loop), [&](Node* n) {
    auto* call = n->kind == NodeKind::Call ? static_cast<const CallExpr*>(n) : nullptr;
    const Symbol* f = call ? calleeFunc(call) : nullptr;
    auto* fun = call ? unparen(call->fun) : nullptr;
    std::string method = fun && fun->kind == NodeKind::Selector ? static_cast<const SelectorExpr*>(fun)->sel->name : "";
    polls |= (f && f->package && f->package->path == "sync/atomic") || method == "Lock" || method == "RLock" ||
             method == "Load" || (call && isFuncCall(call, "runtime", "NumGoroutine"));
    return !polls && n->kind != NodeKind::FuncLit;
  });
  return polls;
}

struct MainBody {
  Pos firstGo = 0;
  const CallExpr* sleep = nullptr;  // the first sleep after firstGo, outside a polling loop
  bool waits = false;               // something after firstGo waits for goroutines
};

void scan(const Pass& pass, Node* n, const Node* loop, MainBody& m) {
  inspect(n, [&](Node* c) {
    if (c->kind == NodeKind::FuncLit) return false;
    if (c->kind == NodeKind::GoStmt) {
      if (!m.firstGo) m.firstGo = c->pos;
      return false;
    }
    if ((c->kind == NodeKind::For || c->kind == NodeKind::Range) && c != loop) {
      scan(pass, c, c, m);  // the loop again, now as the innermost one
      return false;
    }
    if (m.firstGo && isWait(pass, c, 0)) m.waits = true;
    auto* call = c->kind == NodeKind::Call ? static_cast<const CallExpr*>(c) : nullptr;
    if (m.firstGo && !m.sleep && call && isFuncCall(call, "time", "Sleep") && !(loop && isPolling(loop)))
      m.sleep = call;
    return true;
  });
}

void checkMain(Pass& pass, const std::vector<Stmt*>& body, const char* who) {
  MainBody m;
  for (Stmt* s : body) scan(pass, s, nullptr, m);
  if (!m.sleep || m.waits) return;
  pass.report(startPos(m.sleep), std::string(who) +
                                     " waits for its goroutines with time.Sleep, which only guesses how long "
                                     "they take: wait until they are done with a sync.WaitGroup (wg.Add before "
                                     "each go statement, defer wg.Done() in the goroutine, wg.Wait() here) or "
                                     "a channel");
}

}  // namespace

void checkSleepWait(Pass& pass) {
  if (pass.prog.mainFunc && pass.prog.mainFunc->body) checkMain(pass, pass.prog.mainFunc->body->stmts, "main");
  for (File* f : pass.files)
    if (f->isScript()) checkMain(pass, f->script, "the script");
}

}  // namespace gol::vet
