// Which argument types a printf verb accepts, as the printf analyzer's matchArgType decides it:
// %d takes integers (and slices, arrays, maps and structs of them), %s strings and anything with
// a String or Error method, %p pointers and reference types; interfaces and fmt.Formatters
// take anything.
#include <algorithm>

#include "check/info.h"
#include "vet/pass.h"
#include "vet/printf.h"

namespace gol::vet {

namespace {

bool isStringer(const Method* m) {
  return m && m->sig->params.empty() && m->sig->results.size() == 1 &&
         m->sig->results[0] == TypeTable::get().basic(Kind::String);
}

bool convertibleToString(const Type* t) {
  if (t->kind == Kind::UntypedNil) return false;
  if (implements(t, TypeTable::get().errorType())) return true;
  return isStringer(valueMethod(t, "String"));
}

struct Matcher {
  unsigned want;
  std::vector<const Type*> seen;

  bool match(const Type* t, bool top);
  bool basic(Kind k) const;
  bool pointer(const Type* t, bool top);
  bool composite(const Type* u);
};

bool Matcher::basic(Kind k) const {
  switch (k) {
    case Kind::Bool: case Kind::UntypedBool: return want & kArgBool;
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr: case Kind::UntypedInt: return want & kArgInt;
    case Kind::Float32: case Kind::Float64: case Kind::UntypedFloat: return want & kArgFloat;
    case Kind::Complex64: case Kind::Complex128: return want & kArgComplex;
    case Kind::String: case Kind::UntypedString: return want & kArgString;
    case Kind::UnsafePointer: return want & (kArgPointer | kArgInt);
    case Kind::UntypedRune: return want & (kArgInt | kArgRune);
    case Kind::UntypedNil: return false;
    default: return true;  // invalid: reported by the checker already
  }
}

bool Matcher::pointer(const Type* t, bool top) {
  if (want == kArgPointer) return true;
  Kind k = t->elem ? t->elem->ukind() : Kind::Invalid;
  if (k != Kind::Struct && k != Kind::Array && k != Kind::Slice && k != Kind::Map) return want & kArgPointer;
  return top && match(t->elem->underlying(), false);
}

bool Matcher::composite(const Type* u) {
  bool bytes = u->elem && u->elem->underlying() == TypeTable::get().byteType();
  switch (u->kind) {
    case Kind::Func: return want == kArgPointer;
    case Kind::Map: return want == kArgPointer || (match(u->key, false) && match(u->elem, false));
    case Kind::Chan: return want & kArgPointer;
    case Kind::Array: return (bytes && (want & kArgString)) || match(u->elem, false);
    case Kind::Slice:
      return (bytes && (want & kArgString)) || want == kArgPointer || match(u->elem, false);
    case Kind::Struct:
      for (const StructField& f : u->fields) {
        if (!match(f.type, false)) return false;
        if ((want & kArgString) && !f.exported && convertibleToString(f.type)) return false;
      }
      return true;
    case Kind::Interface: return true;
    default: return basic(u->kind);
  }
}

bool Matcher::match(const Type* t, bool top) {
  if (want == kArgError) return t->kind == Kind::UntypedNil || implements(t, TypeTable::get().errorType());
  if (isFormatter(t)) return true;
  if ((want & kArgString) && convertibleToString(t)) return true;
  const Type* u = t->underlying();
  if (std::find(seen.begin(), seen.end(), u) != seen.end()) return true;
  seen.push_back(u);
  if (u->kind == Kind::Pointer) return pointer(u, top);
  return composite(u);
}

}  // namespace

const Method* valueMethod(const Type* t, const std::string& name) {
  Lookup l = lookupFieldOrMethod(t, name);
  if (l.kind == Lookup::What::InterfaceMethod) return l.method;
  if (l.kind != Lookup::What::Method) return nullptr;
  bool viaPointer = t->kind == Kind::Pointer || l.indirect;
  return l.method->pointerRecv && !viaPointer ? nullptr : l.method;
}

bool isFormatter(const Type* t) {
  if (t->ukind() == Kind::Interface) return true;
  const Method* m = valueMethod(t, "Format");
  if (!m || m->sig->params.size() != 2 || !m->sig->results.empty()) return false;
  return isNamed(m->sig->params[0], "fmt", "State") && m->sig->params[1] == TypeTable::get().runeType();
}

const Type* argType(const ast::Expr* arg) {
  if (arg->mode == ast::ExprMode::Nil) return TypeTable::get().basic(Kind::UntypedNil);
  return arg->type ? arg->type : TypeTable::get().basic(Kind::Invalid);
}

bool matchArg(unsigned want, const ast::Expr* arg) {
  if (want == kAnyType) return true;
  Matcher m{want, {}};
  return m.match(argType(arg), true);
}

}  // namespace gol::vet
