// A small terminal line editor for the REPL: raw-mode editing (arrows, Home/End, Ctrl-A/E/K/U/W),
// history with Up/Down and Ctrl-R reverse search, persistent in a file (multi-line entries kept as
// one), Tab completion through a callback, and — the reason gol has its own instead of libedit —
// output from running goroutines printed above the line being typed without garbling it
// (printAbove may be called from any thread while readLine waits for keys).
#pragma once
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace gol::repl {

class LineEditor {
 public:
  enum class Status { Line, Interrupted /* Ctrl-C */, Eof /* Ctrl-D on an empty line */ };

  // Completion: given the buffer and cursor, returns the start of the word being completed and
  // the candidate replacements for buffer[start, cursor).
  using Completer = std::function<std::vector<std::string>(const std::string& buf, size_t cursor, size_t* start)>;

  explicit LineEditor(std::string historyFile);
  ~LineEditor();

  void setCompleter(Completer c) { completer_ = std::move(c); }
  // Reads one line (or a recalled multi-line entry) with the given prompt; `continuation` is the
  // prompt drawn before the second and later lines of a multi-line buffer.
  Status readLine(const std::string& prompt, const std::string& continuation, std::string* out);
  void addHistory(const std::string& entry);
  // Thread-safe: prints text above the current input line and redraws the line.
  void printAbove(const std::string& text);
  // Puts the terminal back as it was before the REPL started (when leaving).
  void restoreTerminal();

 private:
  bool enableRaw();
  void disableRaw();
  void runningMode();
  int readKey();
  void redraw();
  void clearDrawn();
  void handleEscape();
  void readPaste();
  void historyMove(int delta);
  bool reverseSearch();  // true: Enter pressed, submit the found entry
  void complete();
  void insert(const std::string& s);
  void loadHistory();
  void saveHistory();
  size_t columns() const;

  std::string historyFile_;
  std::vector<std::string> history_;
  Completer completer_;
  std::recursive_mutex mu_;  // guards the drawn state against printAbove from other threads
  bool editing_ = false;
  bool rawOn_ = false;
  std::string prompt_, cont_, buf_;
  size_t cursor_ = 0;
  size_t historyPos_ = 0;
  std::string savedLine_;   // the line being typed before moving into history
  size_t drawnCursorRow_ = 0;  // terminal row of the cursor, relative to the prompt's first row
  std::string searchPrompt_;   // non-empty while in Ctrl-R search
};

}  // namespace gol::repl
