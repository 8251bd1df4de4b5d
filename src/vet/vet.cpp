// gol vet's entry point: runs the checks over the user's files and renders the findings as
// go vet does ("file:line:col: message"), sorted by position, each once.
#include "vet/vet.h"

#include <algorithm>

#include "vet/pass.h"

namespace gol::vet {

std::vector<Finding> vetProgram(const Program& prog, const std::vector<ast::File*>& files) {
  Pass pass{prog, files, {}};
  checkCopyLocks(pass);
  checkPrintf(pass);
  checkWaitGroups(pass);
  checkSleepWait(pass);
  std::vector<Finding>& f = pass.findings;
  std::stable_sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) { return a.pos < b.pos; });
  auto same = [](const Finding& a, const Finding& b) { return a.pos == b.pos && a.message == b.message; };
  f.erase(std::unique(f.begin(), f.end(), same), f.end());
  return f;
}

std::string render(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    Position p = SourceTable::global().decode(f.pos);
    out += p.file + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + ": " + f.message + "\n";
  }
  return out;
}

}  // namespace gol::vet
