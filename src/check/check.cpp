// checkProgram: sets up the universe, checks the main package (Go form) or the script, imports
// standard packages on first use (reading their prepared trees, or parsing them, and checking
// them, also transitively), and finishes the annotations that are known only at the end (boxed
// variables).
#include <algorithm>

#include "check/checker.h"
#include "check/std_cache.h"
#include "check/std_packages.h"

#include <exception>
#include <mutex>

#include "base/source.h"
#include "syntax/image.h"

namespace gol::check {

Checker::Checker(ast::Arena& arena, Diagnostics& diags, const StdlibSource& stdlib)
    : arena_(arena), diags_(diags), stdlib_(stdlib), types_(TypeTable::get()) {}

Program* Checker::run(const std::vector<ast::File*>& files) {
  prog_ = make<Program>();
  if (stdCache_) {  // the cached packages' universe, and their globals come first
    universe_ = stdCache_->universe();
    prog_->numGlobals = stdCache_->numGlobals();
  } else {
    initUniverse();
  }
  auto* mainPkg = make<Package>();
  mainPkg->path = "main";
  mainPkg->name = "main";
  packages_["main"] = mainPkg;
  prog_->main = mainPkg;
  ast::File* script = nullptr;
  for (auto* f : files)
    if (f && f->isScript()) script = f;
  // Go's unused-variable and unused-import errors hold for Go programs in .go files; a .gol
  // program keeps gol's leniency (the acceptance corpus has one that relies on it), as do
  // scripts and the REPL.
  auto isGoFile = [](const ast::File* f) {
    const std::string& name = SourceTable::global().file(f->fileId).name;
    return name.size() > 3 && name.compare(name.size() - 3, 3, ".go") == 0;
  };
  strictUsage_ = !script && !replMode_ && std::all_of(files.begin(), files.end(), isGoFile);
  if (script) {
    if (files.size() > 1) errorf(script->pos, "a script must be the only file of its program");
    checkScript(mainPkg, script);
  } else {
    checkPackage(mainPkg, files);
  }
  prog_->packages.push_back(mainPkg);
  finishProgram();
  return diags_.hasErrors() ? nullptr : prog_;
}

Package* Checker::importPackage(const std::string& path, Pos pos) {
  auto it = packages_.find(path);
  if (it != packages_.end()) {
    if (loading_.count(path)) errorf(pos, "import cycle not allowed: " + path);
    return it->second;
  }
  if (stdCache_) {
    if (Package* p = stdCache_->find(path)) {
      listCachedPackage(p);
      return p;
    }
  }
  std::vector<syntax::PreparedFile> sources;
  if (!stdlib_ || !stdlib_(path, &sources)) return nullptr;
  auto* p = make<Package>();
  p->path = path;
  p->name = pkgNameOf(path);
  packages_[path] = p;
  loading_.insert(path);
  std::vector<ast::File*> parsed;
  size_t errorsBefore = diags_.count();
  for (const syntax::PreparedFile& file : sources) {
    FileId id = SourceTable::global().add(std::string(file.name), std::string(file.text));
    if (ast::File* f = syntax::loadFile(arena_, id, file.image, diags_)) parsed.push_back(f);
  }
  if (diags_.count() == errorsBefore) {
    PackageLevelContext fresh(*this);  // checkPackage sets the package and its scopes
    checkPackage(p, parsed);
  }
  loading_.erase(path);
  prog_->packages.push_back(p);
  return p;
}

// A cached package is listed in this program after the packages it imports (dependency order,
// as importPackage lists the packages it checks).
void Checker::listCachedPackage(Package* p) {
  if (!packages_.emplace(p->path, p).second) return;
  for (Package* dep : stdCache_->importsOf(p)) listCachedPackage(dep);
  prog_->packages.push_back(p);
}

Symbol* Checker::funcSymOf(const ast::FuncDecl* d) {
  auto it = funcSyms_.find(d);
  if (it != funcSyms_.end()) return it->second;
  return stdCache_ ? stdCache_->funcSymOf(d) : nullptr;
}

// Declares the imports of a file in `into`.
static void declareImports(Checker& c, ast::File* f, Scope* into) {
  for (auto* imp : f->imports) {
    if (!imp) continue;
    Package* p = c.importPackage(imp->path, imp->pos);
    if (!p) {
      c.errorf(imp->pos, notProvidedMessage(imp->path));
      // The name still stands for the package, with no members: its uses are not errors of
      // their own ("undefined: http" after the import error said it all).
      std::string name = imp->name ? imp->name->name : imp->path.substr(imp->path.rfind('/') + 1);
      if (name != "_" && name != ".") {
        auto* sym = c.newSymbol(SymKind::Package, name, imp->pos, nullptr);
        sym->package = nullptr;  // no package behind it
        c.declare(into, sym, imp->pos);
      }
      continue;
    }
    std::string name = p->name;
    if (imp->name) {
      if (imp->name->name == "_") continue;
      if (imp->name->name == ".") {
        c.notSupported(imp->pos, "dot imports");
        continue;
      }
      name = imp->name->name;
    }
    auto* sym = c.newSymbol(SymKind::Package, name, imp->pos, nullptr);
    sym->package = p;
    c.declare(into, sym, imp->pos);
    if (c.strictHere()) c.imports_.push_back({sym, imp});
  }
}

void Checker::checkPackage(Package* pkg, const std::vector<ast::File*>& files) {
  pkg_ = pkg;
  pkgScope_ = newScope(universe_);
  pkgScopes_[pkg] = pkgScope_;
  for (auto* f : files) {
    if (!f) continue;
    pkg->files.push_back(f);
    Scope* fileScope = newScope(pkgScope_);
    declareImports(*this, f, fileScope);
    collectDecls(pkg, f, fileScope, false);
  }
  // Resolve every declaration (also unused ones: their errors count), then check the bodies.
  std::vector<Symbol*> syms;
  for (auto& [name, sym] : pkgScope_->names) syms.push_back(sym);
  std::sort(syms.begin(), syms.end(), [](Symbol* a, Symbol* b) { return a->pos < b->pos; });
  for (auto* s : syms) {
    resolve(s);
    pkg->members[s->name] = s;
  }
  for (auto* v : pkgVars_[pkg]) resolve(v);  // also `var _ = f()`
  for (auto& [recvName, decls] : methodDecls_[pkg]) {
    Symbol* base = pkgScope_->lookupLocal(recvName);
    if (!base || base->kind != SymKind::TypeName)
      for (auto* fd : decls) errorf(fd->recv ? fd->recv->pos : fd->pos, "undefined: " + recvName);
  }
  for (auto* fd : pkg->funcs) {
    pkg_ = pkg;
    pkgScope_ = pkgScopes_[pkg];
    funcBody(fd);
  }
  reportInitCycles(pkg);
  computeInitOrder(pkg);
  if (pkg->path == "main" && strictUsage_) reportUnused();
  if (pkg->path == "main") {
    Symbol* m = pkgScope_->lookupLocal("main");
    if (!m || m->kind != SymKind::Func)
      errorf(files.empty() || !files[0] ? 0 : files[0]->pos, "function main is undeclared in the main package");
    else
      prog_->mainFunc = m->decl;
  }
}

void Checker::checkScript(Package* pkg, ast::File* file) {
  pkg_ = pkg;
  pkg->files.push_back(file);
  Scope* std = newScope(universe_);
  std->autoStd = true;  // standard packages without import, shadowed by the script's names
  pkgScope_ = newScope(std);
  pkgScopes_[pkg] = pkgScope_;
  declareImports(*this, file, std);
  collectDecls(pkg, file, pkgScope_, true);
  prog_->scriptFile = file;
  auto* info = newFuncInfo("main.main", types_.func({}, {}, false), nullptr);
  prog_->scriptInfo = info;
  FuncCtx ctx;
  ctx.info = info;
  ctx.sig = info->sig;
  ctx.litCounter = &ctx.ownCounter;
  fn_ = &ctx;
  scope_ = pkgScope_;
  scriptTop_ = true;
  stmtList(file->script);
  checkLabels(file->script, file->pos);
  scriptTop_ = false;
  fn_ = nullptr;
  std::vector<Symbol*> syms;
  for (auto& [name, sym] : pkgScope_->names) syms.push_back(sym);
  std::sort(syms.begin(), syms.end(), [](Symbol* a, Symbol* b) { return a->pos < b->pos; });
  for (auto* s : syms) {
    resolve(s);
    pkg->members[s->name] = s;
  }
  for (auto* fd : pkg->funcs) {
    pkg_ = pkg;
    pkgScope_ = pkgScopes_[pkg];
    funcBody(fd);
  }
}

void Checker::finishProgram() {
  for (auto* r : refs_)
    if (r->kind == RefKind::Local && r->sym) r->boxed = r->sym->boxed;
}

Program* checkProgram(const std::vector<ast::File*>& files, ast::Arena& arena, Diagnostics& diags,
                      const StdlibSource& stdlib) {
  // The checker's allocations (symbols, infos, constants) live as long as the process: the
  // program's annotations point into them.
  static std::mutex mu;
  static std::vector<std::shared_ptr<void>> keep;
  auto* c = new Checker(arena, diags, stdlib);
  Program* p = nullptr;
  try {
    p = c->run(files);
  } catch (const std::exception& e) {
    diags.error(files.empty() || !files[0] ? 0 : files[0]->pos, std::string("internal checker error: ") + e.what());
    p = nullptr;
  }
  {
    std::lock_guard<std::mutex> g(mu);
    for (auto& o : c->owned_) keep.push_back(std::move(o));
  }
  delete c;
  return p;
}

}  // namespace gol::check
