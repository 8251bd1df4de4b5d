// The checked standard packages, kept for checking many programs (see std_cache.h): one checker
// imports every standard package at start; each program is then checked by a fresh checker that
// takes imported packages from it (Checker::importPackage) instead of parsing them again.
#include "check/std_cache.h"

#include <exception>
#include <stdexcept>
#include <unordered_map>

#include "check/checker.h"
#include "check/std_packages.h"

namespace gol::check {

struct StdCache::State {
  StdlibSource stdlib;
  ast::Arena arena;  // the standard packages' trees
  Diagnostics diags;
  std::unique_ptr<Checker> checker;  // owns their symbols, scopes and annotations
  std::unordered_map<const Package*, std::vector<Package*>> imports;
};

StdCache::StdCache(StdlibSource stdlib) : s_(std::make_unique<State>()) {
  s_->stdlib = std::move(stdlib);
  s_->checker = std::make_unique<Checker>(s_->arena, s_->diags, s_->stdlib);
  Checker& c = *s_->checker;
  c.prog_ = c.make<Program>();
  c.initUniverse();
  for (const StdPackage& p : stdPackages()) c.importPackage(p.path, 0);
  c.finishProgram();
  if (s_->diags.hasErrors())
    throw std::runtime_error("the standard packages do not check:\n" + s_->diags.render());
  for (auto& [path, pkg] : c.packages_) {
    auto& list = s_->imports[pkg];
    for (ast::File* f : pkg->files) {
      for (auto* imp : f->imports) {
        if (!imp) continue;
        auto it = c.packages_.find(imp->path);
        if (it != c.packages_.end()) list.push_back(it->second);
      }
    }
  }
}

StdCache::~StdCache() = default;

Package* StdCache::find(const std::string& path) const {
  auto it = s_->checker->packages_.find(path);
  return it == s_->checker->packages_.end() ? nullptr : it->second;
}

const std::vector<Package*>& StdCache::importsOf(const Package* p) const {
  static const std::vector<Package*> none;
  auto it = s_->imports.find(p);
  return it == s_->imports.end() ? none : it->second;
}

Symbol* StdCache::funcSymOf(const ast::FuncDecl* d) const {
  auto& syms = s_->checker->funcSyms_;
  auto it = syms.find(d);
  return it == syms.end() ? nullptr : it->second;
}

Scope* StdCache::universe() const { return s_->checker->universe_; }

int StdCache::numGlobals() const { return s_->checker->prog_->numGlobals; }

CheckedProgram StdCache::check(const std::vector<ast::File*>& files, ast::Arena& arena,
                               Diagnostics& diags) const {
  CheckedProgram out;
  Checker c(arena, diags, s_->stdlib);
  c.stdCache_ = this;
  try {
    out.program = c.run(files);
  } catch (const std::exception& e) {
    diags.error(files.empty() || !files[0] ? 0 : files[0]->pos,
                std::string("internal checker error: ") + e.what());
    out.program = nullptr;
  }
  out.owned = std::move(c.owned_);
  return out;
}

}  // namespace gol::check
