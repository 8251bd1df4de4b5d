// A REPL session for the checker: one scope that lives across inputs. Each input is checked as a
// script chunk against everything declared before it; a name may be declared again and the new
// declaration applies to later input (src/DESIGN.md §3), while code compiled earlier keeps the
// symbols it resolved.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "check/check.h"

namespace gol::check {

class Checker;

class Session {
 public:
  Session(ast::Arena& arena, StdlibSource stdlib);
  ~Session();

  // Checks one script-form input. On success returns what to run: scriptFile/scriptInfo are the
  // input; packages lists the standard packages imported for the first time (to initialise);
  // numGlobals counts every global so far; echo lists expression statements to print.
  // On error returns null, reports to diags, and forgets the input's declarations.
  Program* checkInput(ast::File* input, Diagnostics& diags);
  // The type of the single expression statement of `input`, spelled as Go does.
  std::string typeOf(ast::File* input, Diagnostics& diags);
  // For completion: names declared at top level so far plus the standard package names; the
  // members of a package, or the fields and methods of a variable's type.
  std::vector<std::string> topLevelNames();
  std::vector<std::string> membersOf(const std::string& name);

 private:
  StdlibSource stdlib_;
  Diagnostics diags_;
  std::unique_ptr<Checker> c_;
  Package* main_ = nullptr;
  struct Scope* std_ = nullptr;
  int inputs_ = 0;
};

}  // namespace gol::check
