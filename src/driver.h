// The one place the pipeline stages meet: source -> syntax -> check -> interp.
#pragma once
#include <string>
#include <vector>

namespace gol::driver {

struct Options {
  std::vector<std::string> files;  // one script, or several `package main` files
  std::vector<std::string> args;   // os.Args[1:]
  int procs = 0;                   // 0: GOMAXPROCS env, else CPU count
  std::string dump;                // "", "tokens" or "ast": print instead of running
};

// Runs (or dumps) a program; returns the process exit code.
int runFiles(const Options& opts);
// Runs a script given as text (stdin when it is not a terminal).
int runSource(const std::string& name, std::string text, const Options& opts);

}  // namespace gol::driver
