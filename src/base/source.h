// The source table: every program file, embedded stdlib file and REPL input gets a range in one
// global 32-bit offset space, so a position is a single uint32 on every node. Positions are
// decoded to file:line:col (1-based, byte columns, a tab counts as one) only when reporting.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gol {

using Pos = uint32_t;  // 0 = no position
using FileId = uint32_t;

struct Position {
  std::string file;  // name as given by the user (or "stdlib/fmt.gol")
  int line = 0;
  int col = 0;
};

struct SourceFile {
  FileId id;
  std::string name;
  std::string text;
  Pos base;                          // global offset of text[0]
  std::vector<uint32_t> lineStarts;  // byte offsets of line starts within text
};

class SourceTable {
 public:
  static SourceTable& global();
  // Adds a file; returns its id. The text is kept for snippets in diagnostics.
  FileId add(std::string name, std::string text);
  // Forgets file id if it is the last one added, so that its offsets are given out again: for
  // callers that check many short-lived programs (the fuzz targets), once no position in it is
  // decoded any more. Otherwise does nothing.
  void forgetLast(FileId id);
  const SourceFile& file(FileId id) const;
  Pos base(FileId id) const { return file(id).base; }
  Position decode(Pos p) const;
  std::string_view lineText(Pos p) const;  // the whole source line containing p, without newline
  FileId fileOf(Pos p) const;

 private:
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<SourceFile>> files_;
  Pos next_ = 1;
};

}  // namespace gol
