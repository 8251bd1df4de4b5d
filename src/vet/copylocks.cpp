// copylocks: values that contain a lock, copied. Follows go vet's copylock analyzer: the same
// places (parameters and receivers, call arguments, assignments, variable declarations,
// composite literal elements, return values, range and for-loop variables), the same
// exceptions (composite literals and calls make fresh values) and the same messages.
#include <algorithm>

#include "vet/pass.h"

namespace gol::vet {

using namespace ast;

namespace {

using Path = std::vector<std::string>;  // the lock first, then each type containing it

// Standard types as vet sees Go's own layouts (Go 1.19), which gol's stdlib does not copy
// field for field: a sync.noCopy marker, or a sync.Mutex inside.
const char* stdlibLockInside(const Type* t) {
  static const struct { const char* pkg; const char* name; const char* inner; } table[] = {
      {"sync", "WaitGroup", "sync.noCopy"},        {"sync", "Cond", "sync.noCopy"},
      {"sync", "Pool", "sync.noCopy"},             {"sync", "Once", "sync.Mutex"},
      {"sync", "Map", "sync.Mutex"},               {"sync/atomic", "Int32", "sync/atomic.noCopy"},
      {"sync/atomic", "Int64", "sync/atomic.noCopy"}, {"sync/atomic", "Uint32", "sync/atomic.noCopy"},
      {"sync/atomic", "Uint64", "sync/atomic.noCopy"}, {"sync/atomic", "Uintptr", "sync/atomic.noCopy"},
      {"sync/atomic", "Bool", "sync/atomic.noCopy"},
  };
  for (auto& e : table)
    if (isNamed(t, e.pkg, e.name)) return e.inner;
  return nullptr;
}

// vet's test for a lock: a pointer to it is a sync.Locker but the value is not.
bool isLock(const Type* t) {
  TypeTable& tt = TypeTable::get();
  const Type* nullary = tt.func({}, {}, false);
  static const Type* locker = tt.interfaceType({Method{"Lock", nullary}, Method{"Unlock", nullary}});
  return implements(tt.pointer(t), locker) && !implements(t, locker);
}

Path lockPath(const Type* t, std::vector<const Type*>& seen);

Path firstLockIn(const Type* t, const std::vector<StructField>& fields, std::vector<const Type*>& seen) {
  for (const StructField& f : fields) {
    Path sub = lockPath(f.type, seen);
    if (!sub.empty()) {
      sub.push_back(typeText(t));
      return sub;
    }
  }
  return {};
}

Path lockPath(const Type* t, std::vector<const Type*>& seen) {
  if (!t || std::find(seen.begin(), seen.end(), t) != seen.end()) return {};
  seen.push_back(t);
  while (t->ukind() == Kind::Array) t = t->underlying()->elem;
  if (t->kind == Kind::Tuple) return firstLockIn(t, t->fields, seen);
  if (t->ukind() != Kind::Struct) return {};
  if (t->kind == Kind::Named && !t->pkg.empty()) {  // a standard type: by its Go layout
    if (const char* inner = stdlibLockInside(t)) return {inner, typeText(t)};
    return isLock(t) ? Path{typeText(t)} : Path{};
  }
  if (isLock(t)) return {typeText(t)};
  return firstLockIn(t, t->underlying()->fields, seen);
}

std::string lockOf(const Type* t) {
  std::vector<const Type*> seen;
  Path p = lockPath(t, seen);
  std::string out;
  for (size_t i = p.size(); i-- > 0;) out += p[i] + (i ? " contains " : "");
  return out;
}

bool isValue(const Expr* e) {
  switch (e->mode) {
    case ExprMode::Value: case ExprMode::Variable: case ExprMode::MapIndex: case ExprMode::Constant:
    case ExprMode::CommaOk: case ExprMode::Nil: return true;
    default: return false;
  }
}

// The lock an expression copies, if any: fresh values (composite literals, call results) copy none.
std::string copiedLock(const Expr* x) {
  x = unparen(x);
  if (!x || x->kind == NodeKind::CompositeLit || x->kind == NodeKind::Call) return "";
  if (x->kind == NodeKind::Star && unparen(static_cast<const StarExpr*>(x)->x)->kind == NodeKind::Call) return "";
  return isValue(x) ? lockOf(x->type) : "";
}

void checkFunc(Pass& pass, const std::string& name, const Field* recv, const FuncTypeExpr* sig) {
  auto field = [&](const Field& f) {
    if (!f.typeExpr) return;
    std::string lock = lockOf(f.typeExpr->type);
    if (!lock.empty()) pass.report(startPos(f.typeExpr), name + " passes lock by value: " + lock);
  };
  if (recv) field(*recv);
  for (const Field& f : sig->params) field(f);
}

void checkCall(Pass& pass, const CallExpr* call) {
  if (call->info && call->info->kind == CallKind::Builtin) {
    BuiltinId b = call->info->builtin;
    if (b == BuiltinId::New || b == BuiltinId::Len || b == BuiltinId::Cap) return;
  }
  for (const Expr* arg : call->args) {
    std::string lock = copiedLock(arg);
    if (!lock.empty())
      pass.report(startPos(arg), "call of " + exprText(call->fun) + " copies lock value: " + lock);
  }
}

// Returns whether it reported anything (a for loop's own check then stays quiet, as in vet).
bool checkAssign(Pass& pass, const AssignStmt* a) {
  bool reported = false;
  for (size_t i = 0; i < a->rhs.size() && i < a->lhs.size(); i++) {
    std::string lock = copiedLock(a->rhs[i]);
    if (lock.empty()) continue;
    pass.report(startPos(a->rhs[i]), "assignment copies lock value to " + exprText(a->lhs[i]) + ": " + lock);
    reported = true;
  }
  return reported;
}

// Go 1.22: every iteration copies the variables a for statement declares.
void checkForInit(Pass& pass, const ForStmt* f) {
  if (!f->init || f->init->kind != NodeKind::AssignStmt) return;
  auto* a = static_cast<const AssignStmt*>(f->init);
  if (a->op != Tok::Define) return;
  for (const Expr* r : a->rhs)
    if (!copiedLock(r).empty()) return;
  for (const Expr* l : a->lhs) {
    auto* id = l->kind == NodeKind::Ident ? static_cast<const Ident*>(l) : nullptr;
    if (!id || id->name == "_" || !id->sym) continue;
    std::string lock = lockOf(id->sym->type);
    if (!lock.empty())
      pass.report(id->pos, "for loop iteration copies lock value to " + id->name + ": " + lock);
  }
}

void checkVarDecl(Pass& pass, const GenDecl* d) {
  if (d->tok != Tok::Var) return;
  for (const Spec* s : d->specs) {
    auto* v = static_cast<const ValueSpec*>(s);
    for (size_t i = 0; i < v->values.size() && i < v->names.size(); i++) {
      std::string lock = copiedLock(v->values[i]);
      if (!lock.empty())
        pass.report(startPos(v->values[i]),
                    "variable declaration copies lock value to " + v->names[i]->name + ": " + lock);
    }
  }
}

void checkLiteral(Pass& pass, const CompositeLit* c) {
  for (const Expr* x : c->elts) {
    if (x->kind == NodeKind::KeyValue) x = static_cast<const KeyValueExpr*>(x)->val;
    std::string lock = copiedLock(x);
    if (!lock.empty()) pass.report(startPos(x), "literal copies lock value from " + exprText(x) + ": " + lock);
  }
}

void checkReturn(Pass& pass, const ReturnStmt* r) {
  for (const Expr* x : r->results) {
    std::string lock = copiedLock(x);
    if (!lock.empty()) pass.report(startPos(x), "return copies lock value: " + lock);
  }
}

void checkRangeVar(Pass& pass, const RangeStmt* r, const Expr* e) {
  if (!e) return;
  auto* id = e->kind == NodeKind::Ident ? static_cast<const Ident*>(e) : nullptr;
  if (id && id->name == "_") return;
  const Type* t = e->type;
  if (r->tok == Tok::Define) {
    if (!id) return;
    const Symbol* sym = id->sym ? id->sym : !r->info ? nullptr : e == r->key ? r->info->keyVar : r->info->valueVar;
    if (!sym) return;
    t = sym->type;
  }
  std::string lock = lockOf(t);
  if (!lock.empty()) pass.report(startPos(e), "range var " + exprText(e) + " copies lock: " + lock);
}

bool visit(Pass& pass, Node* n) {
  switch (n->kind) {
    case NodeKind::FuncDecl: {
      auto* f = static_cast<FuncDecl*>(n);
      checkFunc(pass, f->name->name, f->recv, f->sig);
      break;
    }
    case NodeKind::FuncLit: checkFunc(pass, "func", nullptr, static_cast<FuncLit*>(n)->sig); break;
    case NodeKind::Call: checkCall(pass, static_cast<CallExpr*>(n)); break;
    case NodeKind::AssignStmt: checkAssign(pass, static_cast<AssignStmt*>(n)); break;
    case NodeKind::For: checkForInit(pass, static_cast<ForStmt*>(n)); break;
    case NodeKind::GenDecl: checkVarDecl(pass, static_cast<GenDecl*>(n)); break;
    case NodeKind::CompositeLit: checkLiteral(pass, static_cast<CompositeLit*>(n)); break;
    case NodeKind::ReturnStmt: checkReturn(pass, static_cast<ReturnStmt*>(n)); break;
    case NodeKind::Range: {
      auto* r = static_cast<RangeStmt*>(n);
      checkRangeVar(pass, r, r->key);
      checkRangeVar(pass, r, r->value);
      break;
    }
    default: break;
  }
  return true;
}

}  // namespace

void checkCopyLocks(Pass& pass) {
  inspectFiles(pass.files, [&](Node* n) { return visit(pass, n); });
}

}  // namespace gol::vet
