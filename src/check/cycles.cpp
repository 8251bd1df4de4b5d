// Declaration cycles Go rejects, in go/types' words (Go 1.22): package variables whose
// initialisation depends on themselves ("initialization cycle for a" with the chain, through
// functions too: `var a = f(); func f() int { return a }`), and types that contain themselves
// without an indirection ("invalid recursive type T"), which would otherwise recurse forever
// when a zero value is built at run time.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "base/source.h"
#include "check/checker.h"

namespace gol::check {

namespace {

// "\n\tprog.go:7:6: f refers to a": the continuation lines gc prints under a cycle error.
std::string refersLine(Pos at, const std::string& from, const std::string& to) {
  Position p = SourceTable::global().decode(at);
  return "\n\t" + p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + ": " + from + " refers to " + to;
}

}  // namespace

// go/types' findPath: the reversed list {to, ..., successor of from} of a dependency path from
// `from` to `to`, or empty.
std::vector<Symbol*> Checker::depPath(Symbol* from, Symbol* to, std::set<Symbol*>& seen) {
  if (!seen.insert(from).second) return {};
  auto it = declInfo_.find(from);
  if (it == declInfo_.end()) return {};
  std::vector<Symbol*> deps = it->second->deps;
  std::sort(deps.begin(), deps.end(), [](Symbol* a, Symbol* b) { return a->pos < b->pos; });
  deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
  for (Symbol* d : deps) {
    if (d == to) return {d};
    std::vector<Symbol*> p = depPath(d, to, seen);
    if (!p.empty()) {
      p.push_back(d);
      return p;
    }
  }
  return {};
}

void Checker::reportInitCycles(Package* pkg) {
  std::set<Symbol*> reported;
  for (Symbol* v : pkgVars_[pkg]) {
    if (reported.count(v) || v->name == "_") continue;
    std::set<Symbol*> seen;
    std::vector<Symbol*> cycle = depPath(v, v, seen);
    if (cycle.empty()) continue;
    for (Symbol* s : cycle) reported.insert(s);
    if (cycle.size() == 1) {
      errorf(v->pos, "initialization cycle: " + v->name + " refers to itself");
      continue;
    }
    // go/types' reportCycle: cycle[0] is v; "cycle[i] refers to cycle[j]" for (0,n-1), (n-1,n-2), ...
    std::string msg = "initialization cycle for " + v->name;
    Symbol* obj = cycle[0];
    for (size_t j = cycle.size(); j-- > 0;) {
      Symbol* next = cycle[j];
      msg += refersLine(obj->pos, obj->name, next->name);
      obj = next;
    }
    errorf(v->pos, msg);
  }
}

void Checker::reportRecursiveTypes(Package* pkg) {
  std::map<const Type*, Symbol*> declared;  // the package's named types and their declarations
  for (auto& [name, sym] : pkgScopes_[pkg]->names)
    if (sym->kind == SymKind::TypeName && sym->type && sym->type->kind == Kind::Named && declInfo_.count(sym))
      declared[sym->type] = sym;
  std::set<const Type*> valid, reported;
  std::vector<const Type*> path;
  // Go's validType: a type may contain itself only through a pointer, slice, map, channel,
  // function or interface; arrays and struct fields hold it directly.
  std::function<void(const Type*)> visit = [&](const Type* t) {
    if (!t) return;
    switch (t->kind) {
      case Kind::Named: {
        if (valid.count(t) || !declared.count(t)) return;
        auto at = std::find(path.begin(), path.end(), t);
        if (at != path.end()) {
          std::vector<const Type*> cycle(at, path.end());
          for (const Type* c : cycle)
            if (reported.count(c)) return;
          size_t start = 0;  // go/types reports the cycle from the type declared first
          for (size_t i = 1; i < cycle.size(); i++)
            if (declared[cycle[i]]->pos < declared[cycle[start]]->pos) start = i;
          Symbol* first = declared[cycle[start]];
          for (const Type* c : cycle) reported.insert(c);
          if (cycle.size() == 1) {
            errorf(first->pos, "invalid recursive type: " + first->name + " refers to itself");
            return;
          }
          std::string msg = "invalid recursive type " + first->name;
          for (size_t i = 0; i < cycle.size(); i++) {
            Symbol* a = declared[cycle[(start + i) % cycle.size()]];
            Symbol* b = declared[cycle[(start + i + 1) % cycle.size()]];
            msg += refersLine(a->pos, a->name, b->name);
          }
          errorf(first->pos, msg);
          return;
        }
        path.push_back(t);
        visit(t->underlying());
        path.pop_back();
        valid.insert(t);
        return;
      }
      case Kind::Array: visit(t->elem); return;
      case Kind::Struct:
        for (const auto& f : t->fields) visit(f.type);
        return;
      default: return;
    }
  };
  std::vector<std::pair<Pos, const Type*>> order;
  for (auto& [t, sym] : declared) order.push_back({sym->pos, t});
  std::sort(order.begin(), order.end());
  for (auto& [pos, t] : order) visit(t);
}

}  // namespace gol::check
