// The pipeline, stage by stage (src/DESIGN.md §1): read files into the source table, parse each,
// type-check the program with the standard packages it uses, then hand it to the evaluator.
// Compile errors are printed here in Go's format and give exit status 1.
#include "driver.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/interp.h"
#include "stdlib.h"
#include "syntax/parser.h"

namespace gol::driver {
namespace {

void tooLarge(const std::string& name) {
  fmt::print(stderr, "gol: {}: file too large (gol reads at most {} MB of source)\n", name, kMaxSourceBytes >> 20);
}

// Only regular files: a device (/dev/zero) or a pipe could be read forever, and a source file
// over the limit is not a program anyone wrote.
bool readFile(const std::string& path, std::string* text) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    fmt::print(stderr, "gol: open {}: no such file or directory\n", path);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    fmt::print(stderr, "gol: {} is a directory, not a .gol or .go file\n", path);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    fmt::print(stderr, "gol: {}: not a regular file\n", path);
    return false;
  }
  if (uint64_t(st.st_size) > kMaxSourceBytes) {
    tooLarge(path);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "gol: open {}: permission denied\n", path);
    return false;
  }
  if (readSource(in, text)) return true;
  tooLarge(path);  // it grew while being read
  return false;
}

void printDiagnostics(const Diagnostics& diags) {
  std::fflush(stdout);
  std::string text = diags.render();
  std::fwrite(text.data(), 1, text.size(), stderr);
}

int dump(const Options& opts, const std::vector<FileId>& ids, const std::vector<ast::File*>& files) {
  for (size_t i = 0; i < ids.size(); i++) {
    std::string out = opts.dump == "tokens" ? syntax::dumpTokens(ids[i]) : syntax::dumpAst(files[i]);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

int runParsed(const Options& opts, const std::vector<FileId>& ids) {
  static ast::Arena arena;  // the program's tree lives until exit
  Diagnostics diags;
  std::vector<ast::File*> files;
  for (FileId id : ids) files.push_back(syntax::parseFile(arena, id, diags));
  if (diags.hasErrors()) {
    printDiagnostics(diags);
    return 1;
  }
  if (opts.dump == "tokens" || opts.dump == "ast") return dump(opts, ids, files);
  if (!opts.dump.empty()) {
    fmt::print(stderr, "gol: unknown -dump mode {:?} (want tokens or ast)\n", opts.dump);
    return 2;
  }
  Program* prog = check::checkProgram(files, arena, diags, stdlib::packageFiles);
  if (!prog || diags.hasErrors()) {
    printDiagnostics(diags);
    return 1;
  }
  interp::RunOptions run;
  run.procs = opts.procs;
  run.seeded = opts.seeded;
  run.seed = opts.seed;
  run.traceFile = opts.traceFile;
  run.timelineFile = opts.timelineFile;
  run.traceLimit = opts.traceLimit;
  run.maxHeap = opts.maxHeap;
  run.programFile = opts.files.empty() ? "<stdin>" : opts.files[0];
  run.args.push_back(opts.files.empty() ? "gol" : opts.files[0]);
  run.args.insert(run.args.end(), opts.args.begin(), opts.args.end());
  return interp::runProgram(prog, run);
}

}  // namespace

bool readSource(std::istream& in, std::string* text) {
  text->clear();
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text->append(buf, size_t(in.gcount()));
    if (text->size() > kMaxSourceBytes) return false;
  }
  return true;
}

int runStdin(const Options& opts) {
  std::string text;
  if (!readSource(std::cin, &text)) {
    tooLarge("<stdin>");
    return 1;
  }
  return runSource("<stdin>", std::move(text), opts);
}

int runFiles(const Options& opts) {
  std::vector<FileId> ids;
  for (const std::string& path : opts.files) {
    std::string text;
    if (!readFile(path, &text)) return 1;
    ids.push_back(SourceTable::global().add(path, std::move(text)));
  }
  return runParsed(opts, ids);
}

int runSource(const std::string& name, std::string text, const Options& opts) {
  std::vector<FileId> ids{SourceTable::global().add(name, std::move(text))};
  return runParsed(opts, ids);
}

}  // namespace gol::driver
