// The checker's entry point: type-checks a program (user files plus the standard packages they
// use) and annotates the tree for the evaluator (see info.h for what is recorded).
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/diag.h"
#include "check/info.h"
#include "syntax/ast.h"
#include "syntax/image.h"

namespace gol::check {

// Loads a standard package's files by import path ("fmt", "math/rand"): returns false if
// unknown. The driver supplies it (stdlib .gol files embedded in the binary, with their trees
// prepared at build time; a file without an image is parsed).
using StdlibSource = std::function<bool(const std::string& path, std::vector<syntax::PreparedFile>* files)>;

// Type-checks a program: the user's files (all package main, or one script file) plus every
// standard package they use (loaded with syntax::loadFile and checked on first use, also
// transitively). Reports errors to diags (several, Go wording and positions). Returns null on
// error.
Program* checkProgram(const std::vector<ast::File*>& files, ast::Arena& arena, Diagnostics& diags,
                      const StdlibSource& stdlib);

}  // namespace gol::check
