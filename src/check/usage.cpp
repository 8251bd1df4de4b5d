// Go's unused rules for a Go-form main package in .go files (src/DESIGN.md §3.1): "declared
// and not used: x" for local variables that are never read, and `"os" imported and not used`
// for imports never mentioned, in Go 1.22's words. .gol programs, scripts and the REPL stay
// lenient, so Checker::strictUsage_ is off for them; the standard packages are never checked.
#include "check/checker.h"

namespace gol::check {

void Checker::reportUnused() {
  for (const auto& group : localVars_) {
    bool used = false, invalid = false;
    for (Symbol* s : group) {
      used |= s->used;
      invalid |= !s->type || s->type->kind == Kind::Invalid;  // its declaration already failed
    }
    if (!used && !invalid) errorf(group[0]->pos, "declared and not used: " + group[0]->name);
  }
  for (auto& [sym, spec] : imports_) {
    if (sym->used) continue;
    const std::string& path = spec->path;
    std::string elem = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    if (sym->name == elem)
      errorf(spec->pos, "\"" + path + "\" imported and not used");
    else
      errorf(spec->pos, "\"" + path + "\" imported as " + sym->name + " and not used");
  }
  localVars_.clear();
  imports_.clear();
}

}  // namespace gol::check
