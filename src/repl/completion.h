// Tab completion for the REPL: names in scope, keywords and package names, and members after a
// dot (package functions, struct fields, methods).
#pragma once
#include <string>
#include <vector>

#include "check/session.h"

namespace gol::repl {

// Candidates for the word ending at `cursor` in `buf`; *start is where that word begins.
std::vector<std::string> complete(check::Session& session, const std::string& buf, size_t cursor, size_t* start);

}  // namespace gol::repl
