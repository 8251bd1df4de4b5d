// Type table (interning of composite types so identical types share one pointer), the
// predeclared types, and the predicates on underlying types.
#include "types/type.h"

#include <algorithm>
#include <unordered_map>

namespace gol {

namespace {
// Structural keys for interning: component types are themselves interned, so their addresses
// identify them.
std::string ptrKey(const Type* t) { return std::to_string(reinterpret_cast<uintptr_t>(t)); }

std::string keyOf(const Type& t) {
  std::string k = std::to_string(int(t.kind)) + ":";
  switch (t.kind) {
    case Kind::Pointer: case Kind::Slice: return k + ptrKey(t.elem);
    case Kind::Array: return k + ptrKey(t.elem) + "/" + std::to_string(t.length);
    case Kind::Map: return k + ptrKey(t.key) + "/" + ptrKey(t.elem);
    case Kind::Chan: return k + std::to_string(int(t.dir)) + "/" + ptrKey(t.elem);
    case Kind::Func:
      for (auto* p : t.params) k += ptrKey(p) + ",";
      k += t.variadic ? "...|" : "|";
      for (auto* r : t.results) k += ptrKey(r) + ",";
      return k;
    case Kind::Tuple: case Kind::Struct:
      for (auto& f : t.fields)
        k += f.name + "/" + ptrKey(f.type) + "/" + (f.embedded ? "e" : "") + "/" + f.tag + ";";
      return k;
    case Kind::Interface:
      for (auto& m : t.methods) k += m.name + "/" + ptrKey(m.sig) + ";";
      return k;
    default: return k;
  }
}

std::unordered_map<std::string, const Type*>& internMap() {
  static std::unordered_map<std::string, const Type*> m;
  return m;
}
}  // namespace

TypeTable& TypeTable::get() {
  static TypeTable* t = new TypeTable();  // never destroyed: types outlive every stage
  return *t;
}

TypeTable::TypeTable() {
  for (int k = int(Kind::Invalid); k <= int(Kind::UntypedNil); k++) {
    auto t = std::make_unique<Type>();
    t->kind = Kind(k);
    basics_[k] = t.get();
    all_.push_back(std::move(t));
  }
  auto* err = newNamed("error", "");
  Method m;
  m.name = "Error";
  m.sig = func({}, {basic(Kind::String)}, false);
  err->underlying_ = interfaceType({m});
  error_ = err;
  any_ = interfaceType({});
}

const Type* TypeTable::intern(Type t) {
  std::string key = keyOf(t);
  std::lock_guard<std::mutex> g(mu_);
  auto& m = internMap();
  auto it = m.find(key);
  if (it != m.end()) return it->second;
  auto p = std::make_unique<Type>(std::move(t));
  const Type* r = p.get();
  all_.push_back(std::move(p));
  m.emplace(std::move(key), r);
  return r;
}

const Type* TypeTable::basic(Kind k) {
  int i = int(k);
  return (i >= 0 && i <= int(Kind::UntypedNil)) ? basics_[i] : basics_[0];
}

const Type* TypeTable::pointer(const Type* elem) {
  Type t; t.kind = Kind::Pointer; t.elem = elem;
  return intern(std::move(t));
}
const Type* TypeTable::slice(const Type* elem) {
  Type t; t.kind = Kind::Slice; t.elem = elem;
  return intern(std::move(t));
}
const Type* TypeTable::array(const Type* elem, int64_t len) {
  Type t; t.kind = Kind::Array; t.elem = elem; t.length = len;
  return intern(std::move(t));
}
const Type* TypeTable::map(const Type* key, const Type* val) {
  Type t; t.kind = Kind::Map; t.key = key; t.elem = val;
  return intern(std::move(t));
}
const Type* TypeTable::chan(const Type* elem, ChanDirection dir) {
  Type t; t.kind = Kind::Chan; t.elem = elem; t.dir = dir;
  return intern(std::move(t));
}
const Type* TypeTable::func(std::vector<const Type*> params, std::vector<const Type*> results,
                            bool variadic) {
  Type t; t.kind = Kind::Func;
  t.params = std::move(params); t.results = std::move(results); t.variadic = variadic;
  return intern(std::move(t));
}
const Type* TypeTable::tuple(std::vector<const Type*> elems) {
  Type t; t.kind = Kind::Tuple;
  for (auto* e : elems) { StructField f; f.type = e; t.fields.push_back(f); }
  return intern(std::move(t));
}
const Type* TypeTable::structType(std::vector<StructField> fields) {
  Type t; t.kind = Kind::Struct; t.fields = std::move(fields);
  return intern(std::move(t));
}
const Type* TypeTable::interfaceType(std::vector<Method> methods) {
  std::sort(methods.begin(), methods.end(),
            [](const Method& a, const Method& b) { return a.name < b.name; });
  for (auto& m : methods) { m.decl = nullptr; m.pointerRecv = false; m.nativeId = -1; }
  Type t; t.kind = Kind::Interface; t.methods = std::move(methods);
  return intern(std::move(t));
}
Type* TypeTable::newNamed(std::string name, std::string pkg) {
  auto p = std::make_unique<Type>();
  p->kind = Kind::Named;
  p->name = std::move(name);
  p->pkg = std::move(pkg);
  p->underlying_ = basics_[0];  // placeholder until the declaration is resolved
  Type* r = p.get();
  std::lock_guard<std::mutex> g(mu_);
  all_.push_back(std::move(p));
  return r;
}
const Type* TypeTable::errorType() { return error_; }
const Type* TypeTable::anyType() { return any_; }

// ---------------------------------------------------------------- predicates

static Kind uk(const Type* t) { return t ? t->ukind() : Kind::Invalid; }

bool isInteger(const Type* t) {
  Kind k = uk(t);
  return (k >= Kind::Int && k <= Kind::Uintptr) || k == Kind::UntypedInt || k == Kind::UntypedRune;
}
bool isUnsigned(const Type* t) { Kind k = uk(t); return k >= Kind::Uint && k <= Kind::Uintptr; }
bool isFloat(const Type* t) {
  Kind k = uk(t);
  return k == Kind::Float32 || k == Kind::Float64 || k == Kind::UntypedFloat;
}
bool isComplex(const Type* t) {
  Kind k = uk(t);
  return k == Kind::Complex64 || k == Kind::Complex128 || k == Kind::UntypedComplex;
}
bool isNumeric(const Type* t) { return isInteger(t) || isFloat(t) || isComplex(t); }
bool isString(const Type* t) { Kind k = uk(t); return k == Kind::String || k == Kind::UntypedString; }
bool isBoolean(const Type* t) { Kind k = uk(t); return k == Kind::Bool || k == Kind::UntypedBool; }
bool isUntyped(const Type* t) {
  return t && t->kind >= Kind::UntypedBool && t->kind <= Kind::UntypedNil;
}
bool isInterface(const Type* t) { return uk(t) == Kind::Interface; }
bool isConstType(const Type* t) {
  Kind k = uk(t);
  return (k >= Kind::Bool && k <= Kind::String) || (k >= Kind::UntypedBool && k <= Kind::UntypedString);
}

bool isComparable(const Type* t) {
  const Type* u = t ? t->underlying() : nullptr;
  if (!u) return false;
  switch (u->kind) {
    case Kind::Slice: case Kind::Map: case Kind::Func: case Kind::Invalid: case Kind::Tuple:
      return false;
    case Kind::Array: return isComparable(u->elem);
    case Kind::Struct:
      for (auto& f : u->fields)
        if (!isComparable(f.type)) return false;
      return true;
    default: return true;
  }
}

bool isOrdered(const Type* t) { return (isNumeric(t) && !isComplex(t)) || isString(t); }

int intBits(const Type* t) {
  switch (uk(t)) {
    case Kind::Int8: case Kind::Uint8: return 8;
    case Kind::Int16: case Kind::Uint16: return 16;
    case Kind::Int32: case Kind::Uint32: return 32;
    default: return 64;
  }
}

bool identical(const Type* a, const Type* b) {
  // Interning makes structurally identical types share a pointer.
  return a == b;
}

}  // namespace gol
