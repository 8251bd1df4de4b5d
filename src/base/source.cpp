// The global source table (see source.h).
#include "base/source.h"

#include <algorithm>
#include <stdexcept>

namespace gol {

SourceTable& SourceTable::global() {
  static SourceTable table;
  return table;
}

FileId SourceTable::add(std::string name, std::string text) {
  std::lock_guard lock(mu_);
  auto f = std::make_unique<SourceFile>();
  f->id = static_cast<FileId>(files_.size());
  f->name = std::move(name);
  f->text = std::move(text);
  f->base = next_;
  f->lineStarts.push_back(0);
  for (size_t i = 0; i < f->text.size(); i++)
    if (f->text[i] == '\n') f->lineStarts.push_back(static_cast<uint32_t>(i + 1));
  // +1 so that the end-of-file position of one file never equals the start of the next.
  next_ += static_cast<Pos>(f->text.size()) + 1;
  files_.push_back(std::move(f));
  return files_.back()->id;
}

void SourceTable::forgetLast(FileId id) {
  std::lock_guard lock(mu_);
  if (files_.empty() || files_.back()->id != id) return;
  next_ = files_.back()->base;
  files_.pop_back();
}

const SourceFile& SourceTable::file(FileId id) const {
  std::lock_guard lock(mu_);
  return *files_.at(id);
}

FileId SourceTable::fileOf(Pos p) const {
  std::lock_guard lock(mu_);
  // Files are appended with increasing bases: binary search for the last base <= p.
  auto it = std::upper_bound(files_.begin(), files_.end(), p,
                             [](Pos v, const std::unique_ptr<SourceFile>& f) { return v < f->base; });
  if (it == files_.begin()) return 0;
  return (*(it - 1))->id;
}

Position SourceTable::decode(Pos p) const {
  if (p == 0 || files_.empty()) return {};
  const SourceFile& f = file(fileOf(p));
  uint32_t off = p - f.base;
  auto it = std::upper_bound(f.lineStarts.begin(), f.lineStarts.end(), off);
  int line = static_cast<int>(it - f.lineStarts.begin());
  int col = static_cast<int>(off - f.lineStarts[line - 1]) + 1;
  return {f.name, line, col};
}

std::string_view SourceTable::lineText(Pos p) const {
  if (p == 0 || files_.empty()) return {};
  const SourceFile& f = file(fileOf(p));
  uint32_t off = std::min<uint32_t>(p - f.base, static_cast<uint32_t>(f.text.size()));
  size_t start = f.text.rfind('\n', off == 0 ? 0 : off - 1);
  start = (start == std::string::npos || (off == 0)) ? 0 : start + 1;
  if (off > 0 && f.text[off - 1] == '\n') start = off;
  size_t end = f.text.find('\n', off);
  if (end == std::string::npos) end = f.text.size();
  return std::string_view(f.text).substr(start, end - start);
}

}  // namespace gol
