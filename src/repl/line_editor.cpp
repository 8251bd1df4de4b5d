// The REPL's line editor (see line_editor.h). The drawn input may span several terminal rows (a
// recalled multi-line entry, or a long line that wraps), so drawing keeps track of the row the
// cursor is on and redraw() first moves back to the prompt's row, clears to the end of the
// screen, then paints prompt and buffer again. printAbove() clears the input the same way,
// writes the output, and paints the input below it.
#include "repl/line_editor.h"

#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

namespace gol::repl {
namespace {

termios gSavedTermios;  // the terminal as it was before the REPL first changed it
bool gSaved = false;

void writeAll(const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(STDOUT_FILENO, s.data() + off, s.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

std::string escapeEntry(const std::string& e) {
  std::string out;
  for (char c : e) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string unescapeEntry(const std::string& e) {
  std::string out;
  for (size_t i = 0; i < e.size(); i++) {
    if (e[i] == '\\' && i + 1 < e.size()) {
      out += e[i + 1] == 'n' ? '\n' : e[i + 1];
      i++;
    } else {
      out += e[i];
    }
  }
  return out;
}

enum Key { kCtrlA = 1, kCtrlB = 2, kCtrlC = 3, kCtrlD = 4, kCtrlE = 5, kCtrlF = 6, kTab = 9, kCtrlK = 11,
           kCtrlL = 12, kEnter = 13, kCtrlN = 14, kCtrlP = 16, kCtrlR = 18, kCtrlU = 21, kCtrlW = 23,
           kEsc = 27, kBackspace = 127 };

}  // namespace

LineEditor::LineEditor(std::string historyFile) : historyFile_(std::move(historyFile)) { loadHistory(); }

LineEditor::~LineEditor() { restoreTerminal(); }

void LineEditor::restoreTerminal() {
  if (!gSaved) return;
  writeAll("\x1b[?2004l");
  tcsetattr(STDIN_FILENO, TCSADRAIN, &gSavedTermios);
  rawOn_ = false;
}

bool LineEditor::enableRaw() {
  if (rawOn_) return true;
  if (!gSaved && tcgetattr(STDIN_FILENO, &gSavedTermios) < 0) return false;
  gSaved = true;
  termios raw = gSavedTermios;
  raw.c_iflag &= ~(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
  raw.c_cflag |= CS8;
  raw.c_lflag &= ~(ECHO | ICANON | IEXTEN | ISIG);  // Ctrl-C arrives as a key while editing
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  if (tcsetattr(STDIN_FILENO, TCSADRAIN, &raw) < 0) return false;
  writeAll("\x1b[?2004h");  // bracketed paste on while editing
  rawOn_ = true;
  return true;
}

void LineEditor::disableRaw() {
  if (!rawOn_) return;
  tcsetattr(STDIN_FILENO, TCSADRAIN, &gSavedTermios);
  rawOn_ = false;
}

// While an input runs: the terminal's own signals on (Ctrl-C is SIGINT, which interrupts the
// input), but not canonical mode, whose line discipline would swallow a Ctrl-D typed ahead as
// an end-of-file nobody reads. Typed-ahead keys stay queued, unechoed, and the next readLine
// takes them as keys.
void LineEditor::runningMode() {
  writeAll("\x1b[?2004l");
  termios t = gSavedTermios;
  t.c_lflag &= ~(ECHO | ICANON);
  t.c_cc[VMIN] = 1;
  t.c_cc[VTIME] = 0;
  tcsetattr(STDIN_FILENO, TCSADRAIN, &t);
  rawOn_ = false;
}

size_t LineEditor::columns() const {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

int LineEditor::readKey() {
  unsigned char c;
  while (true) {
    ssize_t n = ::read(STDIN_FILENO, &c, 1);
    if (n == 1) return c;
    if (n < 0 && errno == EINTR) continue;
    return -1;
  }
}

void LineEditor::clearDrawn() {
  std::string s = "\r";
  if (drawnCursorRow_ > 0) s += "\x1b[" + std::to_string(drawnCursorRow_) + "A";
  s += "\x1b[J";
  writeAll(s);
  drawnCursorRow_ = 0;
}

// Paints prompt + buffer, with the continuation prompt after each newline, and leaves the
// terminal cursor at cursor_. Rows are counted with wrapping at the terminal width.
void LineEditor::redraw() {
  clearDrawn();
  size_t cols = columns();
  std::string out;
  size_t row = 0, col = 0, curRow = 0, curCol = 0;
  auto put = [&](const std::string& text) {
    for (size_t i = 0; i < text.size(); i++) {
      out += text[i];
      if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
      if (++col == cols) { row++; col = 0; }
    }
  };
  if (!searchPrompt_.empty()) {
    put(searchPrompt_);
    put(buf_);
    curRow = row; curCol = col;
  } else {
    put(prompt_);
    for (size_t i = 0; i <= buf_.size(); i++) {
      if (i == cursor_) { curRow = row; curCol = col; }
      if (i == buf_.size()) break;
      if (buf_[i] == '\n') {
        out += "\r\n";
        row++; col = 0;
        put(cont_);
      } else {
        put(std::string(1, buf_[i]));
      }
    }
  }
  // Wrapped exactly at the margin: make the terminal move to the next row too.
  if (col == 0 && row > 0 && !out.empty() && out.back() != '\n') out += "\r\n";
  // Move from the end of the drawing (row, col) to the cursor.
  out += "\r";
  if (row > curRow) out += "\x1b[" + std::to_string(row - curRow) + "A";
  if (curCol > 0) out += "\x1b[" + std::to_string(curCol) + "C";
  writeAll(out);
  drawnCursorRow_ = curRow;
}

void LineEditor::printAbove(const std::string& text) {
  std::lock_guard lock(mu_);
  if (!editing_) {
    writeAll(text);
    return;
  }
  clearDrawn();
  std::string t;
  for (char c : text) {  // raw mode: a newline must also return the carriage
    if (c == '\n') t += "\r\n";
    else t += c;
  }
  if (!text.empty() && text.back() != '\n') t += "\r\n";
  writeAll(t);
  redraw();
}

void LineEditor::insert(const std::string& s) {
  buf_.insert(cursor_, s);
  cursor_ += s.size();
}

void LineEditor::historyMove(int delta) {
  if (history_.empty()) return;
  if (historyPos_ == history_.size()) savedLine_ = buf_;
  long pos = static_cast<long>(historyPos_) + delta;
  if (pos < 0 || pos > static_cast<long>(history_.size())) return;
  historyPos_ = static_cast<size_t>(pos);
  buf_ = historyPos_ == history_.size() ? savedLine_ : history_[historyPos_];
  cursor_ = buf_.size();
}

// Ctrl-R: incremental search backwards through history; Enter accepts, Ctrl-R finds the next
// older match, Esc/Ctrl-G cancels, any editing key accepts and goes on editing.
bool LineEditor::reverseSearch() {
  std::string query, original = buf_;
  size_t from = history_.size();
  std::string match = buf_;
  while (true) {
    searchPrompt_ = "(reverse-i-search)`" + query + "': ";
    std::string shown = buf_;
    buf_ = match;
    redraw();
    buf_ = shown;
    int c = readKey();
    if (c == kCtrlR || c >= 32) {
      if (c != kCtrlR) {
        if (c == kBackspace) { if (!query.empty()) query.pop_back(); }
        else query += static_cast<char>(c);
        from = history_.size();
      }
      for (size_t i = from; i-- > 0;) {
        if (!query.empty() && history_[i].find(query) != std::string::npos) {
          match = history_[i];
          from = i;
          break;
        }
      }
      continue;
    }
    searchPrompt_.clear();
    if (c == 7 || c == kEsc) { buf_ = original; }
    else { buf_ = match; }
    cursor_ = buf_.size();
    redraw();
    return c == kEnter || c == '\n';  // Enter runs the found entry, as in bash
  }
}

void LineEditor::complete() {
  if (!completer_) return;
  size_t start = cursor_;
  std::vector<std::string> cands = completer_(buf_, cursor_, &start);
  if (cands.empty()) return;
  std::string word = buf_.substr(start, cursor_ - start);
  // Insert the longest common prefix; with several candidates and nothing more to add, list them.
  std::string common = cands[0];
  for (const std::string& c : cands) {
    size_t n = 0;
    while (n < common.size() && n < c.size() && common[n] == c[n]) n++;
    common.resize(n);
  }
  if (common.size() > word.size()) {
    buf_.replace(start, cursor_ - start, common);
    cursor_ = start + common.size();
    redraw();
  }
  if (cands.size() > 1) {
    std::string list;
    for (const std::string& c : cands) list += c + "  ";
    printAbove(list + "\n");
  }
}

// Bracketed paste: everything up to ESC [ 201 ~ is text, newlines included (a pasted
// multi-line function becomes one multi-line entry), inserted at once and drawn once.
void LineEditor::readPaste() {
  static const std::string kEnd = "\x1b[201~";
  std::string text;
  while (text.size() < kEnd.size() || text.compare(text.size() - kEnd.size(), kEnd.size(), kEnd) != 0) {
    int c = readKey();
    if (c < 0) break;
    text += c == '\r' ? '\n' : static_cast<char>(c);
  }
  if (text.size() >= kEnd.size() && text.compare(text.size() - kEnd.size(), kEnd.size(), kEnd) == 0)
    text.resize(text.size() - kEnd.size());
  insert(text);
}

// True when more keys are already waiting: the screen is redrawn only once they are handled,
// so a paste costs one redraw, not one per character.
static bool inputPending() {
  pollfd p{STDIN_FILENO, POLLIN, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

void LineEditor::handleEscape() {
  int a = readKey();
  if (a != '[' && a != 'O') return;
  int b = readKey();
  if (b >= '0' && b <= '9') {
    int num = b - '0';
    int c = readKey();
    while (c >= '0' && c <= '9') {
      num = num * 10 + (c - '0');
      c = readKey();
    }
    if (c != '~') return;
    if (num == 200) readPaste();
    else if (num == 1 || num == 7) cursor_ = 0;
    else if (num == 4 || num == 8) cursor_ = buf_.size();
    else if (num == 3 && cursor_ < buf_.size()) {
      size_t n = 1;
      while (cursor_ + n < buf_.size() && (static_cast<unsigned char>(buf_[cursor_ + n]) & 0xC0) == 0x80) n++;
      buf_.erase(cursor_, n);
    }
    return;
  }
  switch (b) {
    case 'A': historyMove(-1); break;
    case 'B': historyMove(1); break;
    case 'C':
      if (cursor_ < buf_.size()) {
        cursor_++;
        while (cursor_ < buf_.size() && (static_cast<unsigned char>(buf_[cursor_]) & 0xC0) == 0x80) cursor_++;
      }
      break;
    case 'D':
      while (cursor_ > 0) {
        cursor_--;
        if ((static_cast<unsigned char>(buf_[cursor_]) & 0xC0) != 0x80) break;
      }
      break;
    case 'H': cursor_ = 0; break;
    case 'F': cursor_ = buf_.size(); break;
  }
}

LineEditor::Status LineEditor::readLine(const std::string& prompt, const std::string& continuation,
                                        std::string* out) {
  std::unique_lock lock(mu_);
  prompt_ = prompt;
  cont_ = continuation;
  buf_.clear();
  cursor_ = 0;
  historyPos_ = history_.size();
  if (!enableRaw()) return Status::Eof;
  editing_ = true;
  redraw();
  Status status = Status::Line;
  while (true) {
    lock.unlock();  // let printAbove in while we wait for a key
    int c = readKey();
    lock.lock();
    if (c < 0) { status = Status::Eof; break; }
    if (c == kEnter || c == '\n') break;
    if (c == kCtrlC) { status = Status::Interrupted; break; }
    if (c == kCtrlD) {
      if (buf_.empty()) { status = Status::Eof; break; }
      if (cursor_ < buf_.size()) buf_.erase(cursor_, 1);
    } else if (c == kBackspace || c == 8) {
      while (cursor_ > 0) {
        bool lead = (static_cast<unsigned char>(buf_[cursor_ - 1]) & 0xC0) != 0x80;
        buf_.erase(--cursor_, 1);
        if (lead) break;
      }
    } else if (c == kCtrlA) cursor_ = 0;
    else if (c == kCtrlE) cursor_ = buf_.size();
    else if (c == kCtrlB) handleEscape();
    else if (c == kCtrlK) buf_.erase(cursor_);
    else if (c == kCtrlU) { buf_.erase(0, cursor_); cursor_ = 0; }
    else if (c == kCtrlW) {
      size_t s = cursor_;
      while (s > 0 && buf_[s - 1] == ' ') s--;
      while (s > 0 && buf_[s - 1] != ' ') s--;
      buf_.erase(s, cursor_ - s);
      cursor_ = s;
    } else if (c == kCtrlL) { writeAll("\x1b[H\x1b[2J"); drawnCursorRow_ = 0; }
    else if (c == kCtrlP) historyMove(-1);
    else if (c == kCtrlN) historyMove(1);
    else if (c == kCtrlR) {
      if (reverseSearch()) break;
      continue;
    }
    else if (c == kTab) { complete(); continue; }
    else if (c == kEsc) handleEscape();
    else if (c >= 32) insert(std::string(1, static_cast<char>(c)));
    if (!inputPending()) redraw();
  }
  cursor_ = buf_.size();
  redraw();
  writeAll(status == Status::Interrupted ? "^C\r\n" : "\r\n");
  drawnCursorRow_ = 0;
  editing_ = false;
  runningMode();
  *out = buf_;
  return status;
}

void LineEditor::addHistory(const std::string& entry) {
  std::lock_guard lock(mu_);
  if (entry.find_first_not_of(" \t\n") == std::string::npos) return;
  if (!history_.empty() && history_.back() == entry) return;
  history_.push_back(entry);
  if (history_.size() > 1000) history_.erase(history_.begin());
  saveHistory();
}

void LineEditor::loadHistory() {
  std::ifstream in(historyFile_);
  std::string line;
  while (std::getline(in, line)) history_.push_back(unescapeEntry(line));
}

void LineEditor::saveHistory() {
  if (historyFile_.empty()) return;
  std::ofstream out(historyFile_, std::ios::trunc);
  for (const std::string& e : history_) out << escapeEntry(e) << '\n';
}

}  // namespace gol::repl
