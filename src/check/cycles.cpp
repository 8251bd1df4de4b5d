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

// Go's validType, run when a named type's declaration is complete: a type may contain itself only
// through a pointer, slice, map, channel, function or interface; arrays and struct fields hold it
// directly. A cycle through types still being declared is found when the outermost completes.
void Checker::checkValidType(const Type* root) {
  std::set<const Type*> valid;
  std::vector<const Type*> path;
  std::function<void(const Type*)> visit = [&](const Type* t) {
    if (!t) return;
    switch (t->kind) {
      case Kind::Named: {
        if (valid.count(t) || brokenTypes_.count(t) || !typeSyms_.count(t)) return;
        auto at = std::find(path.begin(), path.end(), t);
        if (at != path.end()) {
          reportTypeCycle(std::vector<const Type*>(at, path.end()));
          return;
        }
        path.push_back(t);
        visit(t->underlying_);
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
  visit(root);
}

void Checker::reportTypeCycle(const std::vector<const Type*>& cycle) {
  size_t start = 0;  // go/types reports the cycle from the type declared first
  for (size_t i = 1; i < cycle.size(); i++)
    if (typeSyms_[cycle[i]]->pos < typeSyms_[cycle[start]]->pos) start = i;
  Symbol* first = typeSyms_[cycle[start]];
  // As go/types does, the types of the cycle become invalid: later checks (comparability,
  // sizes, zero values) would otherwise recurse through them forever.
  for (const Type* c : cycle) {
    brokenTypes_.insert(c);
    const_cast<Type*>(c)->underlying_ = types_.basic(Kind::Invalid);
  }
  if (cycle.size() == 1) {
    errorf(first->pos, "invalid recursive type: " + first->name + " refers to itself");
    return;
  }
  std::string msg = "invalid recursive type " + first->name;
  for (size_t i = 0; i < cycle.size(); i++) {
    Symbol* a = typeSyms_[cycle[(start + i) % cycle.size()]];
    Symbol* b = typeSyms_[cycle[(start + i + 1) % cycle.size()]];
    msg += refersLine(a->pos, a->name, b->name);
  }
  errorf(first->pos, msg);
}

}  // namespace gol::check
