// The interactive REPL: reads script-form input an entry at a time (the parser decides when an
// entry is complete), checks it against the session so far (check::Session), and runs it on the
// live scheduler (interp::ReplRuntime), where goroutines started earlier keep running between
// inputs. Errors, panics, deadlocks of an input and Ctrl-C return to the prompt.
#include "repl/repl.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "check/session.h"
#include "interp/session.h"
#include "repl/completion.h"
#include "repl/line_editor.h"
#include "stdlib.h"
#include "syntax/parser.h"

namespace gol::repl {
namespace {

constexpr const char* kPrompt = "gol> ";
constexpr const char* kContinue = "... ";

constexpr const char* kHelp = R"(Type Go statements, declarations or expressions; an expression's value is printed.
An unfinished line (open brace, parenthesis, operator) continues on the next line.
Standard packages need no import. Names may be declared again: later input sees the new one.
Commands:
  :help             this text
  :quit             leave (Ctrl-D too)
  :reset            forget every declaration (running goroutines keep running)
  :load FILE        run a script file in this session
  :type EXPR        show the type of an expression
  :goroutines       list goroutines with their state and line
  :procs N          set GOMAXPROCS (worker threads running goroutines)
  :timeline         text chart of the goroutines since the last input (running, runnable, blocked)
Keys: arrows, Home/End, Ctrl-R history search, Tab completion, Ctrl-C interrupts running input.
)";

class Repl {
 public:
  explicit Repl(const driver::Options& opts)
      : editor_(historyPath()), session_(std::make_unique<check::Session>(arena_, stdlib::packageFiles)) {
    interp::RunOptions run;
    run.procs = opts.procs;
    run.maxHeap = opts.maxHeap;
    run.args = {"gol"};
    runtime_.start(run, [this](std::string_view text) { editor_.printAbove(std::string(text)); });
    editor_.setCompleter([this](const std::string& buf, size_t cursor, size_t* start) {
      return complete(*session_, buf, cursor, start);
    });
  }

  int loop() {
    fmt::print("gol — Go concurrency, live. :help for help, Ctrl-D to leave.\n");
    std::fflush(stdout);
    while (!quit_) {
      std::string entry;
      if (!readEntry(&entry)) break;
      if (entry.find_first_not_of(" \t\n") == std::string::npos) continue;
      editor_.addHistory(entry);
      if (entry[0] == ':') command(entry);
      else runEntry(fmt::format("<input {}>", ++inputs_), entry);  // positions say which input
    }
    return exitCode_;
  }

  // Leaves the REPL for good: the terminal goes back to how it was (the history is saved after
  // every entry), then the process ends.
  [[noreturn]] void quit(int code) {
    editor_.restoreTerminal();
    runtime_.quit(code);
  }

 private:
  static std::string historyPath() {
    const char* home = std::getenv("HOME");
    return home ? std::string(home) + "/.gol_history" : std::string();
  }

  // Reads lines until the parser says the entry is complete (or wrong: then the error shows when
  // it is run). Returns false at Ctrl-D.
  bool readEntry(std::string* entry) {
    std::string line;
    while (true) {
      auto status = editor_.readLine(entry->empty() ? kPrompt : kContinue, kContinue, &line);
      if (status == LineEditor::Status::Eof) return false;
      if (status == LineEditor::Status::Interrupted) {
        entry->clear();
        continue;
      }
      *entry += entry->empty() ? line : "\n" + line;
      if ((*entry)[0] == ':' || isComplete(*entry)) return true;
    }
  }

  bool isComplete(const std::string& text) {
    ast::Arena scratch;
    Diagnostics diags;
    FileId id = SourceTable::global().add("<input>", text + "\n");
    ast::File* f = nullptr;
    return syntax::parseReplInput(scratch, id, diags, &f) != syntax::InputStatus::Incomplete;
  }

  void printErrors(const Diagnostics& diags) {
    std::string text = diags.render();
    editor_.printAbove(text);
  }

  void runEntry(const std::string& name, const std::string& text) {
    Diagnostics diags;
    FileId id = SourceTable::global().add(name, text + "\n");
    ast::File* file = syntax::parseFile(arena_, id, diags);
    if (diags.hasErrors() || !file) return printErrors(diags);
    if (!file->isScript()) {
      diags.error(file->pos, "the REPL takes script-form input: leave out the package clause");
      return printErrors(diags);
    }
    Program* chunk = session_->checkInput(file, diags);
    if (!chunk || diags.hasErrors()) return printErrors(diags);
    interp::InputOutcome outcome = runtime_.run(chunk);
    if (outcome == interp::InputOutcome::Exited) {
      exitCode_ = runtime_.exitCode();
      quit_ = true;
    }
  }

  void command(const std::string& entry) {
    std::string cmd = entry, arg;
    size_t sp = entry.find_first_of(" \t");
    if (sp != std::string::npos) {
      cmd = entry.substr(0, sp);
      arg = entry.substr(entry.find_first_not_of(" \t", sp) == std::string::npos ? entry.size()
                                                                                  : entry.find_first_not_of(" \t", sp));
    }
    if (cmd == ":quit" || cmd == ":q" || cmd == ":exit") {
      quit_ = true;
    } else if (cmd == ":help" || cmd == ":h") {
      editor_.printAbove(kHelp);
    } else if (cmd == ":reset") {
      session_ = std::make_unique<check::Session>(arena_, stdlib::packageFiles);
      editor_.printAbove("session reset\n");
    } else if (cmd == ":type" || cmd == ":t") {
      showType(arg);
    } else if (cmd == ":goroutines" || cmd == ":g") {
      editor_.printAbove(runtime_.goroutineList());
    } else if (cmd == ":timeline" || cmd == ":tl") {
      editor_.printAbove(runtime_.timeline());
    } else if (cmd == ":procs") {
      setProcs(arg);
    } else if (cmd == ":load") {
      load(arg);
    } else {
      editor_.printAbove("unknown command " + cmd + " (:help lists them)\n");
    }
  }

  void showType(const std::string& expr) {
    Diagnostics diags;
    FileId id = SourceTable::global().add("<type>", expr + "\n");
    ast::File* file = syntax::parseFile(arena_, id, diags);
    if (diags.hasErrors() || !file) return printErrors(diags);
    std::string t = session_->typeOf(file, diags);
    if (diags.hasErrors()) return printErrors(diags);
    editor_.printAbove(t + "\n");
  }

  void setProcs(const std::string& arg) {
    char* end = nullptr;
    long n = std::strtol(arg.c_str(), &end, 10);
    if (arg.empty() || *end != 0 || n < 1 || n > driver::kMaxProcs) {
      editor_.printAbove(fmt::format("GOMAXPROCS is {}; :procs N sets it (1 to 256, gol's limit)\n", runtime_.procs(0)));
      return;
    }
    int prev = runtime_.procs(static_cast<int>(n));
    editor_.printAbove(fmt::format("GOMAXPROCS {} (was {})\n", n, prev));
  }

  void load(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
      editor_.printAbove("cannot open " + path + "\n");
      return;
    }
    std::string text;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
    if (text.rfind("#!", 0) == 0) text = "//" + text;  // keep line numbers
    runEntry(path, text);
  }

  ast::Arena arena_;
  LineEditor editor_;
  std::unique_ptr<check::Session> session_;
  interp::ReplRuntime runtime_;
  int inputs_ = 0;
  bool quit_ = false;
  int exitCode_ = 0;
};

}  // namespace

int run(const driver::Options& opts) {
  // Never destroyed: goroutines of the session may still be running on its checked code.
  auto* repl = new Repl(opts);
  repl->quit(repl->loop());
}

}  // namespace gol::repl
