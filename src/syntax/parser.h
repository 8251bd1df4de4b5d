// The syntax stage's public API: source file -> ast::File, plus token/AST dumps for debugging.
// Everything ANTLR stays behind this header.
#pragma once
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "syntax/ast.h"

namespace gol::syntax {

// Parses one source file already added to SourceTable::global(). Syntax errors go to `diags` with
// Go's wording ("syntax error: unexpected X, expected Y") at the offending token. Never throws.
// Returns a File even on error (then it may be empty or partial).
ast::File* parseFile(ast::Arena& arena, FileId file, Diagnostics& diags);

// For the REPL: parses the input in script form and reports whether it is merely incomplete
// (unclosed block, paren or string; unfinished expression at EOF), so the REPL can read more.
// On Incomplete, no diagnostics are left in `diags`.
enum class InputStatus { Complete, Incomplete, Error };
InputStatus parseReplInput(ast::Arena& arena, FileId file, Diagnostics& diags, ast::File** out);

std::string dumpTokens(FileId file);      // one token per line: "LINE:COL KIND text"
std::string dumpAst(const ast::File* f);  // readable indented tree
bool lastParseUsedLLFallback();           // did the last parse on this thread need LL prediction?


}  // namespace gol::syntax
