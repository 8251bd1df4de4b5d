// The pipeline, stage by stage (src/DESIGN.md §1): read files into the source table, parse each,
// type-check the program with the standard packages it uses, then hand it to the evaluator (or,
// for gol vet, to the static checks).
// Compile errors are printed here in Go's format and give exit status 1.
#include "driver.h"

#include <fmt/format.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <fstream>
#include <iostream>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/interp.h"
#include "interp/recording.h"
#include "native/host.h"
#include "teach/explore.h"
#include "vet/vet.h"
#include "stdlib.h"
#include "syntax/parser.h"

namespace gol::driver {
namespace {

// gol run -sandbox (what gol play runs programs with): every native that reaches the host
// (native/host.h: files, processes, the environment, the host name) panics instead.
const char* sandboxPolicy(std::string_view native) {
  static thread_local std::string why;
  why = "gol -sandbox: this program may not use the file system, other processes, the environment "
        "or the host name (" + std::string(native) + ")";
  return why.c_str();
}


int runEachProcs(const Options& opts, Program* prog);
interp::RunOptions runOptions(const Options& opts);

// GOMAXPROCS as a run would pick it: the environment, else the CPU count.
int defaultProcs() {
  if (const char* e = std::getenv("GOMAXPROCS"); e && std::atoi(e) > 0) return std::min(std::atoi(e), kMaxProcs);
  int n = static_cast<int>(std::thread::hardware_concurrency());
  return n > 0 ? std::min(n, kMaxProcs) : 1;
}

void silenceOutput() {
  int null = open("/dev/null", O_WRONLY);
  if (null < 0) return;
  dup2(null, 1);
  dup2(null, 2);
  close(null);
}

void tooLarge(const std::string& name) {
  fmt::print(stderr, "gol: {}: file too large (gol reads at most {} MB of source)\n", name, kMaxSourceBytes >> 20);
}

// Only regular files: a device (/dev/zero) or a pipe could be read forever, and a source file
// over the limit is not a program anyone wrote.
// The program's files: as given, or for one directory (`gol run .`), its .go and .gol files
// (not _test.go) in name order, as `go run DIR` takes a package's files.
bool sourcePaths(const Options& opts, std::vector<std::string>* out) {
  struct stat st;
  if (opts.files.size() != 1 || stat(opts.files[0].c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *out = opts.files;
    return true;
  }
  std::string dir = opts.files[0];
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      auto ends = [&](const std::string& suf) {
        return n.size() > suf.size() && n.compare(n.size() - suf.size(), suf.size(), suf) == 0;
      };
      if (n[0] == '.' || n[0] == '_' || ends("_test.go") || !(ends(".go") || ends(".gol"))) continue;
      std::string path = dir == "." ? n : (dir.back() == '/' ? dir + n : dir + "/" + n);
      struct stat fs;
      if (stat(path.c_str(), &fs) == 0 && S_ISREG(fs.st_mode)) names.push_back(path);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  if (names.empty()) {
    char* real = realpath(dir.c_str(), nullptr);
    fmt::print(stderr, "no Go files in {}\n", real ? real : dir.c_str());
    free(real);
    return false;
  }
  *out = std::move(names);
  return true;
}

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

// `go run` runs only package main: files of another package, or of several, are refused with the
// go command's words (before any type checking, as go does).
bool mainPackageOk(const std::vector<FileId>& ids, const std::vector<ast::File*>& files) {
  const ast::File* first = nullptr;
  size_t firstAt = 0;
  for (size_t i = 0; i < files.size(); i++) {
    const ast::File* f = files[i];
    if (!f || f->isScript()) continue;
    if (!first) {
      first = f, firstAt = i;
      continue;
    }
    if (f->package->name != first->package->name) {
      auto base = [&](size_t k) {
        const std::string& n = SourceTable::global().file(ids[k]).name;
        return n.substr(n.rfind('/') == std::string::npos ? 0 : n.rfind('/') + 1);
      };
      const std::string& n0 = SourceTable::global().file(ids[firstAt]).name;
      std::string dir = n0.rfind('/') == std::string::npos ? "." : n0.substr(0, n0.rfind('/'));
      char* real = realpath(dir.c_str(), nullptr);
      if (real) dir = real, free(real);
      fmt::print(stderr, "found packages {} ({}) and {} ({}) in {}\n", first->package->name, base(firstAt),
                 f->package->name, base(i), dir);
      return false;
    }
  }
  if (first && first->package->name != "main") {
    fmt::print(stderr, "package command-line-arguments is not a main package\n");
    return false;
  }
  return true;
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
  if (!mainPackageOk(ids, files)) return 1;
  Program* prog = check::checkProgram(files, arena, diags, stdlib::packageFiles);
  if (!prog || diags.hasErrors()) {
    printDiagnostics(diags);
    return 1;
  }
  if (opts.sandbox) native::setHostPolicy(sandboxPolicy);
  if (opts.procsList.size() > 1) return runEachProcs(opts, prog);
  interp::RunOptions run = runOptions(opts);
  return interp::runProgram(prog, run);
}

// -procs 1,4: each run in a child process of its own (a run ends its process), the first with
// the terminal's output, the others silent; then one chart of them all.
int runEachProcs(const Options& opts, Program* prog) {
  std::vector<std::string> dumps;
  int firstCode = 0;
  for (size_t i = 0; i < opts.procsList.size(); i++) {
    char path[] = "/tmp/gol-timeline-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return fmt::print(stderr, "gol: cannot make a temporary file\n"), 2;
    close(fd);
    dumps.push_back(path);
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
      if (i > 0) silenceOutput();
      interp::RunOptions run = runOptions(opts);
      run.procs = opts.procsList[i];
      run.timelineDump = path;
      if (i > 0) run.traceFile.clear();
      _exit(interp::runProgram(prog, run));
    }
    int status = 0;
    waitpid(pid, &status, 0);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (i == 0) firstCode = code;
  }
  bool ok = opts.timelineFile.empty() || interp::writeTimelinesFromDumps(dumps, opts.timelineFile);
  for (const std::string& d : dumps) unlink(d.c_str());
  return ok ? firstCode : 2;
}

interp::RunOptions runOptions(const Options& opts) {
  interp::RunOptions run;
  run.scripted = opts.scripted;
  run.pctDepth = opts.pctDepth;
  run.schedule = opts.schedule;
  run.preemptionBound = opts.preemptionBound == -2 ? -1 : opts.preemptionBound;
  run.stepping = opts.stepping;
  run.hints = opts.hints;
  run.race = opts.race;
  run.scheduleOut = opts.scheduleOut;
  run.procs = opts.procs;
  run.seeded = opts.seeded;
  run.seed = opts.seed;
  run.traceFile = opts.traceFile;
  run.timelineFile = opts.timelineFile;
  run.traceLimit = opts.traceLimit;
  run.maxHeap = opts.maxHeap;
  run.maxGoroutines = opts.maxGoroutines;
  run.stepQuestionFile = opts.stepQuestionFile;
  run.programFile = opts.files.empty() ? "<stdin>" : opts.files[0];
  run.args.push_back(opts.files.empty() ? "gol" : opts.files[0]);
  run.args.insert(run.args.end(), opts.args.begin(), opts.args.end());
  return run;
}

// Reads, parses and checks opts.files as a run does, printing compile errors; null on any error.
Program* checkFiles(const Options& opts, std::vector<ast::File*>* files) {
  std::vector<FileId> ids;
  std::vector<std::string> paths;
  if (!sourcePaths(opts, &paths)) return nullptr;
  for (const std::string& path : paths) {
    std::string text;
    if (!readFile(path, &text)) return nullptr;
    ids.push_back(SourceTable::global().add(path, std::move(text)));
  }
  static ast::Arena arena;  // the program's tree lives until exit
  Diagnostics diags;
  for (FileId id : ids) files->push_back(syntax::parseFile(arena, id, diags));
  Program* prog = diags.hasErrors() ? nullptr : check::checkProgram(*files, arena, diags, stdlib::packageFiles);
  if (!prog || diags.hasErrors()) {
    printDiagnostics(diags);
    return nullptr;
  }
  return prog;
}

}  // namespace

// gol explore's runs: each forked child runs the checked program under one schedule.
const Options* gExploreOpts = nullptr;
Program* gExploreProg = nullptr;

void exploreRun(const teach::RunSpec& spec) {
  interp::RunOptions run = runOptions(*gExploreOpts);
  run.seeded = true;
  run.seed = spec.seed;
  run.pctDepth = spec.pctDepth;
  run.scripted = spec.scripted;
  run.schedule = spec.prefix;
  run.preemptionBound = spec.preemptionBound;
  run.decisionLogFile = spec.decisionLogPath;
  run.footprintFile = spec.footprintPath;
  run.traceFile.clear();
  run.timelineFile.clear();
  _exit(interp::runProgram(gExploreProg, run));
}

int exploreFiles(const Options& opts) {
  std::vector<ast::File*> files;
  Program* prog = checkFiles(opts, &files);
  if (!prog) return 1;
  if (opts.sandbox) native::setHostPolicy(sandboxPolicy);
  gExploreOpts = &opts;
  gExploreProg = prog;
  teach::ExploreOptions eo;
  eo.file = opts.files[0];
  eo.procs = opts.procs > 0 ? opts.procs : defaultProcs();
  eo.maxRuns = opts.exploreRuns;
  eo.maxSeconds = opts.exploreSeconds;
  eo.firstSeed = opts.seeded ? opts.seed : 1;
  eo.exhaustive = opts.exhaustive;
  eo.preemptionBound = opts.preemptionBound == -2 ? -1 : opts.preemptionBound;
  eo.json = opts.json;
  eo.race = opts.race;
  return teach::explore(eo, exploreRun);
}

int vetFiles(const Options& opts) {
  std::vector<ast::File*> files;
  Program* prog = checkFiles(opts, &files);
  if (!prog) return 1;
  std::vector<vet::Finding> findings = vet::vetProgram(*prog, files);
  std::string text = vet::render(findings);
  std::fwrite(text.data(), 1, text.size(), stderr);
  return findings.empty() ? 0 : 1;
}

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
  std::vector<std::string> paths;
  if (!sourcePaths(opts, &paths)) return 1;
  for (const std::string& path : paths) {
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
