// The standard packages parsed and checked once per process, for checking many programs
// against them (the fuzz targets in tests/fuzz check one program per input). Each program gets
// a checker of its own, whose allocations the result owns, so that one program's checking
// never sees another's; the standard packages' trees, symbols and annotations are shared. They
// stay as they were: a program cannot declare into a package it imports, and what checking its
// uses records (dependencies for initialisation order, boxed variables) is kept per program.
#pragma once
#include <memory>
#include <vector>

#include "check/check.h"

namespace gol::check {

struct Scope;

struct CheckedProgram {
  Program* program = nullptr;                // null on error: the diagnostics say why
  std::vector<std::shared_ptr<void>> owned;  // the checker's allocations the program points into
};

class StdCache {
 public:
  // Parses and checks every standard package (check/std_packages.h) from stdlib; throws
  // std::runtime_error with the diagnostics if one does not check.
  explicit StdCache(StdlibSource stdlib);
  ~StdCache();
  StdCache(const StdCache&) = delete;
  StdCache& operator=(const StdCache&) = delete;

  // As checkProgram, with the standard packages taken from the cache (a package it does not
  // hold is loaded from stdlib as usual, into this program's arena).
  CheckedProgram check(const std::vector<ast::File*>& files, ast::Arena& arena, Diagnostics& diags) const;

  // For the checker (check.cpp): a cached package by import path, and the cached packages it
  // imports; the universe the cached packages were checked in; their global variables' count.
  Package* find(const std::string& path) const;
  const std::vector<Package*>& importsOf(const Package* p) const;
  Symbol* funcSymOf(const ast::FuncDecl* d) const;
  Scope* universe() const;
  int numGlobals() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace gol::check
