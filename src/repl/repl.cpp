// The interactive REPL. For now it reads whole entries separated by blank lines... (first cut:
// each line accumulates until the parser says the input is complete, then runs as a script).
#include "repl/repl.h"

#include <fmt/format.h>

#include <iostream>
#include <string>

namespace gol::repl {

int run(const driver::Options& opts) {
  fmt::print("gol REPL — type Go statements; Ctrl-D exits.\n");
  std::string entry, line;
  int status = 0;
  while (true) {
    fmt::print("{}", entry.empty() ? "> " : ". ");
    std::fflush(stdout);
    if (!std::getline(std::cin, line)) break;
    entry += line + "\n";
    if (!line.empty()) continue;
    status = driver::runSource("<repl>", entry, opts);
    entry.clear();
  }
  fmt::print("\n");
  return status;
}

}  // namespace gol::repl
