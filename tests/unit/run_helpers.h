// In-process runs for the unit tests: a gol source parsed, checked and run with
// RunOptions::returnFromRun and its output captured. The trees live for the whole test binary
// (compiled nodes point into them).
#pragma once
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/interp.h"
#include "stdlib.h"
#include "syntax/parser.h"

namespace gol::testutil {

struct RunResult {
  int code = -1;  // 1 when it did not compile
  std::string out, err;
};

// Checks src as file NAME_N.gol (N counts up) against the standard packages of `stdlib` (the
// embedded ones by default); null, with the diagnostics in *err, when it does not compile.
inline Program* checkSource(const std::string& name, const std::string& src, std::string* err,
                            const check::StdlibSource& stdlib = stdlib::packageFiles) {
  static ast::Arena arena;
  static int counter = 0;
  Diagnostics diags;
  FileId id = SourceTable::global().add(name + "_" + std::to_string(counter++) + ".gol", src);
  ast::File* f = syntax::parseFile(arena, id, diags);
  Program* prog = f && !diags.hasErrors() ? check::checkProgram({f}, arena, diags, stdlib) : nullptr;
  if (prog && !diags.hasErrors()) return prog;
  *err = diags.render();
  return nullptr;
}

// Runs a checked program on one worker with opts (returnFromRun and the capture are set here).
inline RunResult runChecked(Program* prog, interp::RunOptions opts = {}) {
  RunResult r;
  opts.procs = 1;
  opts.returnFromRun = true;
  opts.captureStdout = &r.out;
  opts.captureStderr = &r.err;
  r.code = interp::runProgram(prog, opts);
  return r;
}

// Runs src on one worker with opts (returnFromRun and the capture are set here), against the
// standard packages of `stdlib`.
inline RunResult runSource(const std::string& name, const std::string& src, interp::RunOptions opts = {},
                           const check::StdlibSource& stdlib = stdlib::packageFiles) {
  RunResult r;
  Program* prog = checkSource(name, src, &r.err, stdlib);
  if (!prog) {
    r.code = 1;
    return r;
  }
  return runChecked(prog, opts);
}

}  // namespace gol::testutil
