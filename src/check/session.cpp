// The REPL's checker session (see session.h): the checking of checkScript, done one input at a
// time against a scope that persists, with the checker's REPL switches on (declarations may be
// repeated; top-level expression values are recorded for echoing).
#include "check/session.h"

#include <algorithm>

#include "check/checker.h"
#include "check/std_packages.h"

namespace gol::check {

// Makes ctx the implicit main function that one input's statements are checked in.
static FuncInfo* beginInputFunc(Checker& c, FuncCtx& ctx) {
  ctx.info = c.newFuncInfo("main.main", c.types_.func({}, {}, false), nullptr);
  ctx.sig = ctx.info->sig;
  ctx.litCounter = &ctx.ownCounter;
  c.fn_ = &ctx;
  return ctx.info;
}

Session::Session(ast::Arena& arena, StdlibSource stdlib) : stdlib_(std::move(stdlib)) {
  c_ = std::make_unique<Checker>(arena, diags_, stdlib_);
  c_->prog_ = c_->make<Program>();
  c_->initUniverse();
  main_ = c_->make<Package>();
  main_->path = "main";
  main_->name = "main";
  c_->packages_["main"] = main_;
  c_->prog_->main = main_;
  std_ = c_->newScope(c_->universe_);
  std_->autoStd = true;
  c_->pkgScope_ = c_->newScope(std_);
  c_->pkgScopes_[main_] = c_->pkgScope_;
  c_->replMode_ = true;
}

Session::~Session() = default;

Program* Session::checkInput(ast::File* file, Diagnostics& diags) {
  Checker& c = *c_;
  Scope* pkgScope = c.pkgScopes_[main_];
  auto savedNames = pkgScope->names;
  size_t funcsBefore = main_->funcs.size();
  size_t pkgsBefore = c.prog_->packages.size();
  diags_.clear();
  c.tooDeepReported_ = false;  // each input reports its own

  auto* chunk = c.make<Program>();
  c.replEcho_ = &chunk->echo;
  c.pkg_ = main_;
  c.pkgScope_ = pkgScope;
  for (auto* imp : file->imports) {
    if (!imp) continue;
    Package* p = c.importPackage(imp->path, imp->pos);
    if (!p) {
      c.errorf(imp->pos, notProvidedMessage(imp->path));
      continue;
    }
    auto* sym = c.newSymbol(SymKind::Package, imp->name ? imp->name->name : p->name, imp->pos, nullptr);
    sym->package = p;
    std_->names[sym->name] = sym;
  }
  c.collectDecls(main_, file, pkgScope, true);
  FuncCtx ctx;
  FuncInfo* info = beginInputFunc(c, ctx);
  c.scope_ = pkgScope;
  c.scriptTop_ = true;
  c.stmtList(file->script);
  c.checkLabels(file->script, file->pos);
  c.scriptTop_ = false;
  c.fn_ = nullptr;
  for (auto& [name, sym] : pkgScope->names) {
    auto old = savedNames.find(name);
    if (old != savedNames.end() && old->second == sym) continue;
    c.resolve(sym);
    main_->members[name] = sym;
  }
  for (size_t i = funcsBefore; i < main_->funcs.size(); i++) {
    c.pkg_ = main_;
    c.pkgScope_ = pkgScope;
    c.funcBody(main_->funcs[i]);
  }
  c.finishProgram();
  c.replEcho_ = nullptr;
  inputs_++;

  if (diags_.hasErrors()) {
    for (const Diagnostic& d : diags_.all()) diags.error(d.pos, d.message);
    pkgScope->names = savedNames;  // forget what the failed input declared
    main_->funcs.resize(funcsBefore);
    return nullptr;
  }
  chunk->main = main_;
  chunk->packages.assign(c.prog_->packages.begin() + static_cast<long>(pkgsBefore), c.prog_->packages.end());
  chunk->numGlobals = c.prog_->numGlobals;
  chunk->scriptFile = file;
  chunk->scriptInfo = info;
  return chunk;
}

std::string Session::typeOf(ast::File* file, Diagnostics& diags) {
  if (file->script.size() != 1 || file->script[0]->kind != ast::NodeKind::ExprStmt) {
    diags.error(file->pos, ":type takes one expression");
    return "";
  }
  Checker& c = *c_;
  diags_.clear();
  FuncCtx ctx;
  beginInputFunc(c, ctx);  // :type checks the expression as if it were an input of its own
  c.pkg_ = main_;
  c.pkgScope_ = c.pkgScopes_[main_];
  c.scope_ = c.pkgScope_;
  Operand x;
  c.rawExpr(static_cast<ast::ExprStmt*>(file->script[0])->x, x);
  c.fn_ = nullptr;
  for (const Diagnostic& d : diags_.all()) diags.error(d.pos, d.message);
  if (diags_.hasErrors() || !x.type) return "";
  if (x.mode == ast::ExprMode::TypeExpr) return typeString(x.type, true) + " (a type)";
  return typeString(x.type, true);
}

std::vector<std::string> Session::topLevelNames() {
  std::vector<std::string> out;
  for (Scope* s = c_->pkgScopes_[main_]; s; s = s->parent)
    for (auto& [name, sym] : s->names) out.push_back(name);
  for (const char* p : {"fmt", "strings", "strconv", "errors", "math", "sort", "os", "bufio", "unicode", "sync",
                        "time", "context", "runtime", "slices", "maps", "rand", "atomic", "utf8"})
    out.push_back(p);
  return out;
}

std::vector<std::string> Session::membersOf(const std::string& name) {
  std::vector<std::string> out;
  Checker& c = *c_;
  c.scope_ = c.pkgScopes_[main_];
  c.pkgScope_ = c.scope_;
  c.pkg_ = main_;
  diags_.clear();
  Symbol* sym = c.lookup(name);
  diags_.clear();
  if (!sym) return out;
  if (sym->kind == SymKind::Package && sym->package) {
    for (auto& [n, m] : sym->package->members)
      if (isExported(n)) out.push_back(n);
    return out;
  }
  const Type* t = sym->kind == SymKind::TypeName ? sym->type : sym->type;
  if (!t) return out;
  for (int round = 0; round < 2 && t; round++) {
    const Type* u = t->underlying();
    if (u->kind == Kind::Struct)
      for (const StructField& f : u->fields) out.push_back(f.name);
    if (u->kind == Kind::Interface || t->kind == Kind::Named)
      for (const Method& m : t->kind == Kind::Named ? t->methods : u->methods) out.push_back(m.name);
    t = u->kind == Kind::Pointer ? u->elem : nullptr;  // fields and methods through a pointer too
  }
  return out;
}

}  // namespace gol::check
