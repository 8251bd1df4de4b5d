// Scopes: the universe (predeclared types, constants, nil and builtins), declaration with the
// redeclaration check, and name lookup (including the script form's implicit standard packages).
#include "check/checker.h"
#include "check/std_packages.h"

namespace gol::check {

bool isExported(const std::string& name) { return !name.empty() && name[0] >= 'A' && name[0] <= 'Z'; }

std::string pkgNameOf(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Scope* Checker::newScope(Scope* parent) {
  auto* s = make<Scope>();
  s->parent = parent;
  return s;
}

Symbol* Checker::newSymbol(SymKind k, const std::string& name, Pos pos, const Type* t) {
  auto* s = make<Symbol>();
  s->kind = k;
  s->name = name;
  s->pos = pos;
  s->type = t;
  s->package = pkg_;
  return s;
}

void Checker::initUniverse() {
  universe_ = newScope(nullptr);
  auto typeName = [&](const char* n, const Type* t) {
    universe_->names[n] = newSymbol(SymKind::TypeName, n, 0, t);
  };
  static const std::pair<const char*, Kind> basics[] = {
      {"bool", Kind::Bool},       {"int", Kind::Int},         {"int8", Kind::Int8},
      {"int16", Kind::Int16},     {"int32", Kind::Int32},     {"int64", Kind::Int64},
      {"uint", Kind::Uint},       {"uint8", Kind::Uint8},     {"uint16", Kind::Uint16},
      {"uint32", Kind::Uint32},   {"uint64", Kind::Uint64},   {"uintptr", Kind::Uintptr},
      {"float32", Kind::Float32}, {"float64", Kind::Float64}, {"complex64", Kind::Complex64},
      {"complex128", Kind::Complex128}, {"string", Kind::String}, {"byte", Kind::Uint8},
      {"rune", Kind::Int32},
  };
  for (auto& [n, k] : basics) typeName(n, types_.basic(k));
  typeName("error", types_.errorType());
  typeName("any", types_.anyType());
  for (bool b : {true, false}) {
    auto* s = newSymbol(SymKind::Const, b ? "true" : "false", 0, types_.basic(Kind::UntypedBool));
    s->value = keep(constant::makeBool(b));
    universe_->names[s->name] = s;
  }
  universe_->names["iota"] = newSymbol(SymKind::Const, "iota", 0, types_.basic(Kind::UntypedInt));
  universe_->names["nil"] = newSymbol(SymKind::Nil, "nil", 0, types_.basic(Kind::UntypedNil));
  static const std::pair<const char*, BuiltinId> builtins[] = {
      {"append", BuiltinId::Append}, {"cap", BuiltinId::Cap},         {"clear", BuiltinId::Clear},
      {"close", BuiltinId::Close},   {"complex", BuiltinId::Complex}, {"copy", BuiltinId::Copy},
      {"delete", BuiltinId::Delete}, {"imag", BuiltinId::Imag},       {"len", BuiltinId::Len},
      {"make", BuiltinId::Make},     {"max", BuiltinId::Max},         {"min", BuiltinId::Min},
      {"new", BuiltinId::New},       {"panic", BuiltinId::Panic},     {"print", BuiltinId::Print},
      {"println", BuiltinId::Println}, {"real", BuiltinId::Real},     {"recover", BuiltinId::Recover},
  };
  for (auto& [n, id] : builtins) {
    auto* s = newSymbol(SymKind::Builtin, n, 0, nullptr);
    s->builtin = id;
    universe_->names[n] = s;
  }
}

bool Checker::declare(Scope* s, Symbol* sym, Pos pos) {
  if (sym->name == "_") return true;  // the blank identifier declares nothing
  if (replMode_ && s == pkgScope_) {    // REPL: a new declaration replaces the old for later input
    s->names[sym->name] = sym;
    return true;
  }
  if (s->lookupLocal(sym->name)) {
    errorf(pos, sym->name + " redeclared in this block");
    sym->used = true;  // never in scope: Go does not also call it unused
    return false;
  }
  s->names[sym->name] = sym;
  return true;
}

// Script form: a standard package named by its usual package name, imported on first use.
Symbol* Checker::stdAutoPackage(Scope* s, const std::string& name) {
  static const std::unordered_map<std::string, std::string> known = [] {
    std::unordered_map<std::string, std::string> m;
    for (auto& p : stdPackages()) m[p.scriptName] = p.path;
    return m;
  }();
  auto it = known.find(name);
  if (it == known.end()) return nullptr;
  Package* p = importPackage(it->second, 0);
  if (!p) return nullptr;
  auto* sym = newSymbol(SymKind::Package, name, 0, nullptr);
  sym->package = p;
  s->names[name] = sym;
  return sym;
}

Symbol* Checker::lookup(const std::string& name) {
  for (Scope* s = scope_; s; s = s->parent) {
    if (Symbol* sym = s->lookupLocal(name)) {
      if (sym->kind == SymKind::Package) sym->used = true;  // any mention uses an import
      return sym;
    }
    if (s->autoStd)
      if (Symbol* sym = stdAutoPackage(s, name)) return sym;
  }
  return nullptr;
}

}  // namespace gol::check
