// Package-level declarations: collected first, resolved lazily on first use (so they may appear
// in any order), methods attached to their named types, and package variables ordered for
// initialisation by their dependencies (Go spec "Package initialization").
#include <algorithm>
#include <functional>

#include "check/checker.h"

namespace gol::check {

using namespace ast;

static std::string namedPkg(const Package* p) { return p->path == "main" ? "" : p->path; }

// The receiver's base type name: T in `func (t T)` or `func (t *T)`.
static std::string recvBaseName(Field* recv, bool* ptr) {
  *ptr = false;
  Expr* e = recv ? recv->typeExpr : nullptr;
  while (e && e->kind == NodeKind::Paren) e = static_cast<ParenExpr*>(e)->x;
  if (e && e->kind == NodeKind::Star) {
    *ptr = true;
    e = static_cast<StarExpr*>(e)->x;
  }
  if (e && e->kind == NodeKind::Ident) return static_cast<Ident*>(e)->name;
  return "";
}

void Checker::collectFuncDecl(Package* pkg, FuncDecl* fd, Scope* fileScope) {
  if (!fd->name || !fd->sig) return;
  auto* sym = newSymbol(SymKind::Func, fd->name->name, fd->name->pos, nullptr);
  sym->decl = fd;
  funcSyms_[fd] = sym;
  fd->name->sym = sym;
  auto* d = make<DeclInfo>();
  d->pkg = pkg;
  d->fileScope = fileScope;
  d->fdecl = fd;
  declInfo_[sym] = d;
  pkg->funcs.push_back(fd);
  if (fd->recv) {
    bool ptr;
    std::string base = recvBaseName(fd->recv, &ptr);
    if (base.empty()) {
      errorf(fd->recv->pos, "invalid receiver type");
      return;
    }
    methodDecls_[pkg][base].push_back(fd);
    return;
  }
  if (fd->name->name == "init") {
    if (!fd->sig->params.empty() || !fd->sig->results.empty())
      errorf(fd->name->pos, "func init must have no arguments and no return values");
    pkg->initFuncs.push_back(fd);
    resolve(sym);
    return;
  }
  if (fd->name->name == "main" && pkg->path == "main" &&
      (!fd->sig->params.empty() || !fd->sig->results.empty()))
    errorf(fd->name->pos, "func main must have no arguments and no return values");
  declare(pkgScope_, sym, fd->name->pos);
}

void Checker::collectDecls(Package* pkg, File* file, Scope* fileScope, bool script) {
  for (auto* decl : file->decls) {
    if (!decl) continue;
    if (decl->kind == NodeKind::FuncDecl) {
      collectFuncDecl(pkg, static_cast<FuncDecl*>(decl), fileScope);
      continue;
    }
    auto* gd = static_cast<GenDecl*>(decl);
    if (gd->tok == Tok::Import) continue;  // File::imports has them
    Expr* lastType = nullptr;
    const ExprList* lastValues = nullptr;
    for (auto* spec : gd->specs) {
      if (!spec) continue;
      if (spec->kind == NodeKind::TypeSpec) {
        auto* ts = static_cast<TypeSpec*>(spec);
        if (!ts->name) continue;
        auto* sym = newSymbol(SymKind::TypeName, ts->name->name, ts->name->pos, nullptr);
        ts->name->sym = sym;
        auto* d = make<DeclInfo>();
        d->pkg = pkg;
        d->fileScope = fileScope;
        d->tspec = ts;
        declInfo_[sym] = d;
        declare(pkgScope_, sym, ts->name->pos);
        continue;
      }
      if (spec->kind != NodeKind::ValueSpec) continue;
      auto* vs = static_cast<ValueSpec*>(spec);
      if (gd->tok == Tok::Const && (!vs->values.empty() || vs->typeExpr)) {
        lastType = vs->typeExpr;
        lastValues = &vs->values;
      }
      auto* shared = make<DeclInfo>();
      for (size_t i = 0; i < vs->names.size(); i++) {
        Ident* id = vs->names[i];
        if (!id) continue;
        bool isConst = gd->tok == Tok::Const;
        auto* sym = newSymbol(isConst ? SymKind::Const : SymKind::Var, id->name, id->pos, nullptr);
        id->sym = sym;
        DeclInfo* d = isConst ? make<DeclInfo>() : shared;
        d->pkg = pkg;
        d->fileScope = fileScope;
        d->vspec = vs;
        d->nameIndex = int(i);
        if (isConst) {
          d->constType = lastType;
          d->constValues = lastValues;
        } else {
          sym->global = true;
          sym->index = prog_->numGlobals++;
          d->lhs.push_back(sym);
          pkgVars_[pkg].push_back(sym);
        }
        declInfo_[sym] = d;
        declare(pkgScope_, sym, id->pos);
      }
    }
  }
  (void)script;
}

void Checker::resolve(Symbol* sym) {
  auto it = declInfo_.find(sym);
  if (it == declInfo_.end()) return;
  DeclInfo* d = it->second;
  if (d->state == DeclInfo::State::Resolved) return;
  if (d->state == DeclInfo::State::Resolving) {
    // A cycle through package variables is reported by reportInitCycles, as Go does.
    if (sym->kind == SymKind::Const || (sym->kind == SymKind::Var && !sym->global))
      errorf(sym->pos, "initialization cycle or invalid recursive reference to " + sym->name);
    return;
  }
  d->state = DeclInfo::State::Resolving;
  {
    // The declaration is checked where it stands, in its own file's scope.
    PackageLevelContext fresh(*this);
    pkg_ = d->pkg;
    pkgScope_ = pkgScopes_[d->pkg];
    scope_ = d->fileScope;
    switch (sym->kind) {
      case SymKind::Const: resolveConst(sym, d); break;
      case SymKind::Var: resolveVar(sym, d); break;
      case SymKind::TypeName: resolveType(sym, d); break;
      case SymKind::Func: resolveFunc(sym, d); break;
      default: break;
    }
  }
  d->state = DeclInfo::State::Resolved;
}

void Checker::resolveConst(Symbol* sym, DeclInfo* d) {
  Expr* value = nullptr;
  if (d->constValues && size_t(d->nameIndex) < d->constValues->size())
    value = (*d->constValues)[d->nameIndex];
  if (!value) {
    errorf(sym->pos, "missing init expr for const declaration");
    sym->type = types_.basic(Kind::Invalid);
    sym->value = keep(ConstValue{});
    return;
  }
  const Type* t = nullptr;
  sym->value = keep(constInit(d->constType, value, &t, d->vspec->iota));
  sym->type = t;
}

void Checker::resolveVar(Symbol* sym, DeclInfo* d) {
  // All names of the spec are resolved together (they may share one multi-valued initialiser).
  for (auto* s : d->lhs)
    if (s != sym) declInfo_[s]->state = DeclInfo::State::Resolving;
  curDecl_ = d;
  ValueSpec* vs = d->vspec;
  const Type* t = vs->typeExpr ? typeOf(vs->typeExpr) : nullptr;
  std::vector<Operand> rhs;
  if (!vs->values.empty()) {
    if (!rhsValues(vs->values, d->lhs.size(), rhs, vs->pos, true)) rhs.clear();
  }
  for (size_t i = 0; i < d->lhs.size(); i++) {
    Symbol* s = d->lhs[i];
    if (i < rhs.size()) {
      Operand& x = rhs[i];
      if (t) {
        assignment(x, t, "variable declaration");
      } else if (x.mode == ExprMode::Nil) {
        errorf(startPos(x.expr), "use of untyped nil in variable declaration");
      } else {
        assignment(x, nullptr, "variable declaration");
      }
      s->type = t ? t : (x.type ? x.type : types_.basic(Kind::Invalid));
    } else {
      s->type = t ? t : types_.basic(Kind::Invalid);
    }
  }
  if (!vs->values.empty() && rhs.empty() && !t)
    for (auto* s : d->lhs) s->type = types_.basic(Kind::Invalid);
}

void Checker::resolveType(Symbol* sym, DeclInfo* d) {
  TypeSpec* ts = d->tspec;
  if (ts->alias) {
    sym->type = types_.basic(Kind::Invalid);
    sym->type = typeOf(ts->typeExpr);
    return;
  }
  Type* n = types_.newNamed(ts->name->name, namedPkg(pkg_));
  sym->type = n;
  typeSyms_[n] = sym;
  const Type* u = typeOf(ts->typeExpr);
  if (u->kind == Kind::Named && u->underlying()->kind == Kind::Invalid && u != types_.basic(Kind::Invalid))
    errorf(ts->name->pos, "invalid recursive type " + ts->name->name);
  n->underlying_ = u->underlying();
  checkValidType(n);
  attachMethods(n, ts->name->name, pkg_);
}

void Checker::attachMethods(Type* named, const std::string& name, Package* pkg) {
  auto pit = methodDecls_.find(pkg);
  if (pit == methodDecls_.end()) return;
  auto it = pit->second.find(name);
  if (it == pit->second.end()) return;
  std::vector<Method> methods;
  for (auto* fd : it->second) {
    Symbol* sym = funcSyms_[fd];
    bool ptr;
    recvBaseName(fd->recv, &ptr);
    if (named->underlying()->kind == Kind::Pointer || named->underlying()->kind == Kind::Interface) {
      errorf(fd->recv->pos, "invalid receiver type " + name);
      continue;
    }
    const Type* recvT = ptr ? types_.pointer(named) : static_cast<const Type*>(named);
    const Type* sig = funcType(fd->sig);
    sym->type = sig;
    declInfo_[sym]->state = DeclInfo::State::Resolved;
    bool dup = false;
    for (auto& m : methods) dup |= m.name == fd->name->name;
    if (dup) {
      errorf(fd->name->pos, "method " + name + "." + fd->name->name + " already declared");
      continue;
    }
    if (named->underlying()->kind == Kind::Struct)
      for (auto& f : named->underlying()->fields)
        if (f.name == fd->name->name) errorf(fd->name->pos, "field and method with the same name " + f.name);
    Method m;
    m.name = fd->name->name;
    m.sig = sig;
    m.pointerRecv = ptr;
    m.decl = fd;
    methods.push_back(m);
    std::string qual = pkg->path + "." + (ptr ? "(*" + name + ")" : name) + "." + m.name;
    fd->info = newFuncInfo(qual, sig, nullptr);
    if (!fd->body) fd->info->nativeName = qual;
    (void)recvT;
  }
  std::sort(methods.begin(), methods.end(), [](const Method& a, const Method& b) { return a.name < b.name; });
  named->methods = std::move(methods);
}

void Checker::resolveFunc(Symbol* sym, DeclInfo* d) {
  FuncDecl* fd = d->fdecl;
  if (fd->recv) return;  // methods resolve with their type
  const Type* sig = funcType(fd->sig);
  sym->type = sig;
  std::string qual = d->pkg->path + "." + fd->name->name;
  fd->info = newFuncInfo(qual, sig, nullptr);
  if (!fd->body) fd->info->nativeName = qual;
}

void Checker::noteDep(Symbol* sym) {
  if (!curDecl_ || !sym) return;
  if (sym->kind != SymKind::Var && sym->kind != SymKind::Func) return;
  if (!declInfo_.count(sym)) return;
  curDecl_->deps.push_back(sym);
}

void Checker::computeInitOrder(Package* pkg) {
  std::set<Symbol*> emitted, visitingFuncs;
  std::set<DeclInfo*> done;
  std::function<void(Symbol*)> emitVar;
  // Variables a function depends on, transitively through the functions it uses.
  std::function<void(Symbol*, std::set<Symbol*>&)> funcVars = [&](Symbol* f, std::set<Symbol*>& seen) {
    if (!seen.insert(f).second) return;
    auto it = declInfo_.find(f);
    if (it == declInfo_.end()) return;
    for (auto* dep : it->second->deps) {
      if (dep->kind == SymKind::Var) emitVar(dep);
      else funcVars(dep, seen);
    }
  };
  std::set<Symbol*> inProgress;
  emitVar = [&](Symbol* v) {
    auto it = declInfo_.find(v);
    if (it == declInfo_.end() || it->second->pkg != pkg) return;
    DeclInfo* d = it->second;
    if (done.count(d) || inProgress.count(v)) return;
    for (auto* s : d->lhs) inProgress.insert(s);
    for (auto* dep : d->deps) {
      if (dep->kind == SymKind::Var) emitVar(dep);
      else {
        std::set<Symbol*> seen;
        funcVars(dep, seen);
      }
    }
    if (done.count(d)) return;
    done.insert(d);
    ValueSpec* vs = d->vspec;
    if (vs->values.size() == 1 && d->lhs.size() > 1) {
      InitStep st;
      for (auto* s : d->lhs) st.lhs.push_back(s->name == "_" ? nullptr : s);
      st.rhs = vs->values[0];
      pkg->init.push_back(st);
      return;
    }
    for (size_t i = 0; i < d->lhs.size(); i++) {
      InitStep st;
      st.lhs.push_back(d->lhs[i]->name == "_" ? nullptr : d->lhs[i]);
      st.rhs = i < vs->values.size() ? vs->values[i] : nullptr;
      st.rhsIndex = st.rhs ? int(i) : -1;
      pkg->init.push_back(st);
    }
  };
  for (auto* v : pkgVars_[pkg]) emitVar(v);
}

}  // namespace gol::check
