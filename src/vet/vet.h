// gol vet: static checks over a checked program (src/DESIGN.md §3.7). The checks read the
// annotated tree that check/ produced and never run the program:
//   copylocks  values containing a lock copied (go vet's analyzer and wording)
//   printf     fmt.Printf-style calls whose verbs do not match their arguments (go vet's wording)
//   teaching   concurrency mistakes of the course: wg.Add inside the goroutine it counts,
//              main waiting with time.Sleep, wg.Done not deferred in a goroutine that returns early
#pragma once
#include <string>
#include <vector>

#include "base/source.h"
#include "check/info.h"
#include "syntax/ast.h"

namespace gol::vet {

struct Finding {
  Pos pos;
  std::string message;
};

// Runs every check over `files` (the user's files of `prog`, not the standard packages).
// Findings come back sorted by position.
std::vector<Finding> vetProgram(const Program& prog, const std::vector<ast::File*>& files);

// go vet's output: one "file:line:col: message" line per finding.
std::string render(const std::vector<Finding>& findings);

}  // namespace gol::vet
