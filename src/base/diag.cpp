// Compile-error reporting in Go's format with a source snippet and caret (see diag.h).
#include "base/diag.h"

#include <fmt/format.h>

#include <algorithm>

namespace gol {

void Diagnostics::error(Pos pos, std::string message) { list_.push_back({pos, std::move(message)}); }

std::string renderDiagnostic(const Diagnostic& d) {
  const SourceTable& st = SourceTable::global();
  Position p = st.decode(d.pos);
  if (p.line == 0) return fmt::format("{}\n", d.message);
  std::string out = fmt::format("{}:{}:{}: {}\n", p.file, p.line, p.col, d.message);
  std::string_view line = st.lineText(d.pos);
  if (line.size() > 200) return out;  // a snippet of a huge line helps nobody
  std::string caret;
  for (int i = 1; i < p.col && i <= static_cast<int>(line.size()); i++) caret += line[i - 1] == '\t' ? '\t' : ' ';
  out += fmt::format("\t{}\n\t{}^\n", line, caret);
  return out;
}

std::string Diagnostics::render(size_t limit) const {
  std::vector<Diagnostic> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
  std::string out;
  size_t shown = 0;
  int lastLine = -1;
  FileId lastFile = ~0u;
  const Diagnostic* last = nullptr;
  auto syntax = [](const Diagnostic& d) { return d.message.rfind("syntax error", 0) == 0; };
  for (const Diagnostic& d : sorted) {
    Position p = SourceTable::global().decode(d.pos);
    FileId f = SourceTable::global().fileOf(d.pos);
    // gc's rule: one syntax error per line; other errors only dropped when repeated on a line
    if (last && p.line == lastLine && f == lastFile &&
        ((syntax(d) && syntax(*last)) || d.message == last->message))
      continue;
    lastLine = p.line;
    lastFile = f;
    last = &d;
    if (shown == limit) {
      out += "too many errors\n";
      break;
    }
    out += renderDiagnostic(d);
    shown++;
  }
  return out;
}

}  // namespace gol
