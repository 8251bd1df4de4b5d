// Selector lookup through embedded fields (breadth-first, depth rule, ambiguity), method sets
// and interface satisfaction.
#include <set>

#include "types/type.h"

namespace gol {

namespace {
struct Entry {
  const Type* type;  // a named type, a struct, or a pointer to one (embedded *T)
  std::vector<int> path;
  std::vector<bool> derefs;
  bool indirect;
};

// Looks at one entry: records matches into `found` (counting them) and queues embedded fields.
void visit(const Entry& e, const std::string& name, Lookup* found, int* matches,
           std::vector<Entry>* next, std::set<const Type*>* seen) {
  const Type* t = e.type;
  bool isPtr = false;
  if (t->kind == Kind::Pointer) { t = t->elem; isPtr = true; }
  if (!t) return;
  if (t->kind == Kind::Named) {
    if (!seen->insert(t).second) return;  // already searched at a shallower depth
    for (auto& m : t->methods) {
      if (m.name != name) continue;
      (*matches)++;
      *found = Lookup{};
      found->kind = Lookup::What::Method;
      found->path = e.path;
      found->derefs = e.derefs;
      found->method = &m;
      found->recvNamed = t;
      found->recvIsPointer = isPtr;
      found->indirect = e.indirect || isPtr;
    }
  }
  const Type* u = t->underlying();
  if (!u) return;
  if (u->kind == Kind::Interface) {
    for (size_t i = 0; i < u->methods.size(); i++) {
      if (u->methods[i].name != name) continue;
      (*matches)++;
      *found = Lookup{};
      found->kind = Lookup::What::InterfaceMethod;
      found->path = e.path;
      found->derefs = e.derefs;
      found->method = &u->methods[i];
      found->recvNamed = t;
      found->methodIndex = int(i);
      found->recvIsPointer = isPtr;
      found->indirect = e.indirect || isPtr;
    }
    return;
  }
  if (u->kind != Kind::Struct) return;
  for (size_t i = 0; i < u->fields.size(); i++) {
    auto& f = u->fields[i];
    if (f.name == name) {
      (*matches)++;
      *found = Lookup{};
      found->kind = Lookup::What::Field;
      found->path = e.path;
      found->path.push_back(int(i));
      found->derefs = e.derefs;
      found->derefs.push_back(isPtr);
      found->fieldType = f.type;
      found->indirect = e.indirect || isPtr;
    }
    if (f.embedded) {
      Entry n{f.type, e.path, e.derefs, e.indirect || isPtr};
      n.path.push_back(int(i));
      n.derefs.push_back(isPtr);
      next->push_back(std::move(n));
    }
  }
}
}  // namespace

Lookup lookupFieldOrMethod(const Type* t, const std::string& name) {
  Lookup none;
  if (!t || name == "_") return none;
  // A pointer to a named pointer type has no methods or fields reachable; Go rejects it too.
  if (t->kind == Kind::Pointer && t->elem && t->elem->ukind() == Kind::Pointer) return none;
  std::vector<Entry> level{Entry{t, {}, {}, false}};
  std::set<const Type*> seen;
  while (!level.empty()) {
    Lookup found;
    int matches = 0;
    std::vector<Entry> next;
    for (auto& e : level) visit(e, name, &found, &matches, &next, &seen);
    if (matches == 1) return found;
    if (matches > 1) { none.kind = Lookup::What::Ambiguous; return none; }
    level = std::move(next);
  }
  return none;
}

bool lookupMethod(const Type* t, const std::string& name, MethodPath* out) {
  Lookup l = lookupFieldOrMethod(t, name);
  if (l.kind != Lookup::What::Method && l.kind != Lookup::What::InterfaceMethod) return false;
  if (out) {
    out->method = l.method;
    out->recvType = l.recvNamed;
    out->path = l.path;
    out->derefs = l.derefs;
    out->indirect = l.indirect;
  }
  return true;
}

bool implements(const Type* t, const Type* iface, std::string* missing, bool* wrongRecv) {
  if (wrongRecv) *wrongRecv = false;
  const Type* iu = iface ? iface->underlying() : nullptr;
  if (!t || !iu || iu->kind != Kind::Interface) return false;
  const Type* tu = t->underlying();
  for (auto& m : iu->methods) {
    const Method* have = nullptr;
    bool inSet = true;
    if (tu && tu->kind == Kind::Interface) {
      for (auto& hm : tu->methods)
        if (hm.name == m.name) have = &hm;
    } else {
      Lookup l = lookupFieldOrMethod(t, m.name);
      if (l.kind == Lookup::What::Method || l.kind == Lookup::What::InterfaceMethod) {
        have = l.method;
        // A pointer-receiver method is in the method set of T only when reached through a pointer.
        bool viaPtr = t->kind == Kind::Pointer || l.indirect;
        if (l.kind == Lookup::What::Method && have->pointerRecv && !viaPtr) inSet = false;
      }
    }
    if (!have || have->sig != m.sig || !inSet) {
      if (missing) *missing = m.name;
      if (wrongRecv) *wrongRecv = have && !inSet;
      return false;
    }
  }
  return true;
}

}  // namespace gol
