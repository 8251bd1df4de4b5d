// Tab completion (see completion.h): the word before the cursor, and the identifier before a
// dot when there is one, decide between top-level names and members.
#include "repl/completion.h"

#include <algorithm>
#include <set>

namespace gol::repl {
namespace {

const char* const kKeywords[] = {"break", "case", "chan", "const", "continue", "default", "defer", "else",
                                 "fallthrough", "for", "func", "go", "if", "import", "interface", "map",
                                 "package", "range", "return", "select", "struct", "switch", "type", "var"};

bool isIdentByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}

}  // namespace

std::vector<std::string> complete(check::Session& session, const std::string& buf, size_t cursor, size_t* start) {
  size_t s = cursor;
  while (s > 0 && isIdentByte(buf[s - 1])) s--;
  *start = s;
  std::string prefix = buf.substr(s, cursor - s);
  std::vector<std::string> pool;
  if (s > 0 && buf[s - 1] == '.') {
    size_t q = s - 1;
    while (q > 0 && isIdentByte(buf[q - 1])) q--;
    pool = session.membersOf(buf.substr(q, s - 1 - q));
  } else {
    pool = session.topLevelNames();
    pool.insert(pool.end(), std::begin(kKeywords), std::end(kKeywords));
  }
  std::set<std::string> out;
  for (const std::string& n : pool)
    if (n.rfind(prefix, 0) == 0 && n.find("\xC2\xB7") == std::string::npos) out.insert(n);
  return {out.begin(), out.end()};
}

}  // namespace gol::repl
