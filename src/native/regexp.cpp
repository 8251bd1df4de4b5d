// Natives of package regexp (stdlib/regexp/*.gol) on Debian's RE2, which implements Go's regexp
// syntax and leftmost-first semantics. Compiled programs live in a process-wide table (never
// freed; the same pattern compiles once), indexed by the id a gol Regexp holds. RE2 objects are
// immutable after construction and safe to match from many threads at once, so a Regexp is
// safe to share between goroutines. The gol side builds strings and slices from the indices
// these natives return, and does Go's iteration and $-expansion rules.
#include <re2/re2.h>

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"

namespace gol::native {
namespace {

struct Table {
  std::mutex mu;
  std::deque<std::unique_ptr<RE2>> progs;         // id -> program (deque: stable addresses)
  std::map<std::pair<std::string, bool>, int64_t> byPattern;  // (expr, longest) -> id
};
Table& table() {
  static Table* t = new Table;  // never destroyed: workers may still match at _exit
  return *t;
}

const RE2* prog(int64_t id) {
  Table& t = table();
  std::lock_guard<std::mutex> lk(t.mu);
  if (id < 0 || size_t(id) >= t.progs.size()) return nullptr;
  return t.progs[size_t(id)].get();
}

// Go's wording for RE2's error codes ("error parsing regexp: " and the expression are added on
// the gol side).
const char* goErrorText(RE2::ErrorCode c) {
  switch (c) {
    case RE2::ErrorBadEscape: return "invalid escape sequence";
    case RE2::ErrorBadCharClass: return "invalid character class";
    case RE2::ErrorBadCharRange: return "invalid character class range";
    case RE2::ErrorMissingBracket: return "missing closing ]";
    case RE2::ErrorMissingParen: return "missing closing )";
    case RE2::ErrorUnexpectedParen: return "unexpected )";
    case RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize: return "invalid repeat count";
    case RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8: return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture: return "invalid named capture";
    case RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "invalid regular expression";
  }
}

// The text a program matches against, as RE2 must see it. Go's regexp reads an invalid UTF-8
// byte as U+FFFD of width 1 (so `.` matches it); RE2 in UTF-8 mode matches no such byte. Text
// with invalid bytes is therefore matched in a copy where each one is U+FFFD, and offsets are
// mapped back: Go's semantics, paid for only by invalid input.
struct Text {
  std::string_view orig;
  std::string fixed;
  std::vector<int64_t> toOrig;   // fixed offset -> original offset (size fixed+1)
  std::vector<int64_t> toFixed;  // original offset -> fixed offset (size orig+1)
  bool remapped = false;

  explicit Text(std::string_view s) : orig(s) {
    static const char kEmpty[] = "";
    // An empty gol string may have no data pointer, and RE2 marks a group that did not take
    // part by a null one: give the text a real address so an empty match at 0 is told apart.
    if (!orig.data()) orig = std::string_view(kEmpty, 0);
    size_t i = 0;
    for (; i < orig.size(); i++) {
      if (static_cast<unsigned char>(orig[i]) < 0x80) continue;
      int w;
      if (decode(orig, i, &w) == 0xFFFD && w == 1) break;
      i += size_t(w) - 1;
    }
    if (i == orig.size()) return;  // valid UTF-8: matched as it is
    remapped = true;
    toFixed.assign(orig.size() + 1, 0);
    for (size_t k = 0; k < orig.size();) {
      int w = 1;
      bool bad = static_cast<unsigned char>(orig[k]) >= 0x80 && decode(orig, k, &w) == 0xFFFD && w == 1;
      for (int j = 0; j < w; j++) toFixed[k + size_t(j)] = int64_t(fixed.size());
      if (bad) {
        fixed += "\xEF\xBF\xBD";
        for (int j = 0; j < 3; j++) toOrig.push_back(int64_t(k));
      } else {
        fixed.append(orig.substr(k, size_t(w)));
        for (int j = 0; j < w; j++) toOrig.push_back(int64_t(k) + j);
      }
      k += size_t(w);
    }
    toFixed[orig.size()] = int64_t(fixed.size());
    toOrig.push_back(int64_t(orig.size()));
  }
  std::string_view view() const { return remapped ? std::string_view(fixed) : orig; }
};

// The submatch indices (2 per group, -1 when a group did not take part) of the leftmost match
// at or after pos (an offset into the original text); false when there is none.
bool findAt(const RE2* re, const Text& t, size_t pos, std::vector<int64_t>* out) {
  std::string_view s = t.view();
  if (pos > t.orig.size()) return false;
  if (t.remapped) pos = size_t(t.toFixed[pos]);
  int ngroups = re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(static_cast<size_t>(ngroups));
  re2::StringPiece text(s.data(), s.size());
  if (!re->Match(text, pos, s.size(), RE2::UNANCHORED, sub.data(), ngroups)) return false;
  out->clear();
  for (auto& p : sub) {
    if (p.data() == nullptr) {
      out->push_back(-1);
      out->push_back(-1);
      continue;
    }
    int64_t b = p.data() - s.data(), e = b + int64_t(p.size());
    if (t.remapped) {
      b = t.toOrig[size_t(b)];
      e = t.toOrig[size_t(e)];
    }
    out->push_back(b);
    out->push_back(e);
  }
  return true;
}

Value intSlice(const std::vector<int64_t>& v) {
  Value* e;
  Value out = newWordSlice(int64_t(v.size()), &e);
  for (size_t i = 0; i < v.size(); i++) e[i] = Value::I(v[i]);
  return out;
}

}  // namespace

// compile(expr, longest) (id, numSubexp, names, errText, errArg)
GOL_NATIVE(regexp_compile, "regexp.compile") {
  std::string expr(sv(call.args[0]));
  bool longest = call.args[1].u != 0;
  Table& t = table();
  const RE2* re = nullptr;
  int64_t id = -1;
  {
    std::lock_guard<std::mutex> lk(t.mu);
    auto it = t.byPattern.find({expr, longest});
    if (it != t.byPattern.end()) {
      id = it->second;
      re = t.progs[size_t(id)].get();
    }
  }
  if (!re) {
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_longest_match(longest);
    auto compiled = std::make_unique<RE2>(expr, opt);
    if (!compiled->ok()) {
      call.results[0] = Value::I(-1);
      call.results[1] = Value::I(0);
      call.results[2] = Value();
      call.results[3] = str(goErrorText(compiled->error_code()));
      call.results[4] = str(compiled->error_arg());
      return;
    }
    std::lock_guard<std::mutex> lk(t.mu);
    auto it = t.byPattern.find({expr, longest});
    if (it != t.byPattern.end()) {
      id = it->second;
      re = t.progs[size_t(id)].get();
    } else {
      id = int64_t(t.progs.size());
      re = compiled.get();
      t.progs.push_back(std::move(compiled));
      t.byPattern[{expr, longest}] = id;
    }
  }
  int n = re->NumberOfCapturingGroups();
  Value* e;
  Value names = newWordSlice(n + 1, &e);
  for (auto& [idx, name] : re->CapturingGroupNames())
    if (idx >= 0 && idx <= n) e[idx] = str(name);
  call.results[0] = Value::I(id);
  call.results[1] = Value::I(n);
  call.results[2] = names;
  call.results[3] = Value();
  call.results[4] = Value();
}

// match(id, s) bool
GOL_NATIVE(regexp_match, "regexp.match") {
  const RE2* re = prog(call.args[0].i);
  std::string_view s = sv(call.args[1]);
  Text t(s);
  std::string_view v = t.view();
  call.results[0] = Value::B(re && RE2::PartialMatch(re2::StringPiece(v.data(), v.size()), *re));
}

// find(id, s, pos) []int: the leftmost match at or after pos, nil when none.
GOL_NATIVE(regexp_find, "regexp.find") {
  const RE2* re = prog(call.args[0].i);
  std::vector<int64_t> m;
  int64_t pos = call.args[2].i;
  Text t(sv(call.args[1]));
  if (!re || pos < 0 || !findAt(re, t, size_t(pos), &m)) {
    call.results[0] = Value();
    return;
  }
  call.results[0] = intSlice(m);
}

// findAll(id, s, n) []int: Go's allMatches: up to n matches (n < 0: all), each as its submatch
// indices, concatenated; an empty match right after a previous match is skipped, and after an
// empty match the search moves on one rune. nil when none.
GOL_NATIVE(regexp_findAll, "regexp.findAll") {
  const RE2* re = prog(call.args[0].i);
  std::string_view s = sv(call.args[1]);
  int64_t n = call.args[2].i;
  if (!re) {
    call.results[0] = Value();
    return;
  }
  if (n < 0) n = int64_t(s.size()) + 1;
  Text t(s);
  std::vector<int64_t> all, m;
  int64_t prevEnd = -1, count = 0;
  for (size_t pos = 0; count < n && pos <= s.size();) {
    if (!findAt(re, t, pos, &m)) break;
    bool accept = true;
    if (m[1] == int64_t(pos)) {
      if (m[0] == prevEnd) accept = false;
      if (pos < s.size()) {
        int w;
        decode(s, pos, &w);
        pos += size_t(w);
      } else {
        pos = s.size() + 1;
      }
    } else {
      pos = size_t(m[1]);
    }
    prevEnd = m[1];
    if (accept) {
      all.insert(all.end(), m.begin(), m.end());
      count++;
    }
  }
  call.results[0] = all.empty() ? Value() : intSlice(all);
}

// replaceMatches(id, s) []int: the matches Go's replaceAll loop visits, each as a flag (1: the
// replacement applies; 0: an empty match right after the previous one, which is copied, not
// replaced) followed by its submatch indices; after each match the search advances at least one
// rune. One native call, so a string with many matches is scanned (and UTF-8-checked) once.
GOL_NATIVE(regexp_replaceMatches, "regexp.replaceMatches") {
  const RE2* re = prog(call.args[0].i);
  std::string_view s = sv(call.args[1]);
  if (!re) {
    call.results[0] = Value();
    return;
  }
  Text t(s);
  std::vector<int64_t> all, m;
  int64_t lastMatchEnd = 0;
  for (size_t searchPos = 0; searchPos <= s.size();) {
    if (!findAt(re, t, searchPos, &m)) break;
    all.push_back(m[1] > lastMatchEnd || m[0] == 0 ? 1 : 0);
    all.insert(all.end(), m.begin(), m.end());
    lastMatchEnd = m[1];
    size_t width = 1;
    if (searchPos < s.size()) {
      int w;
      decode(s, searchPos, &w);
      width = size_t(w);
    }
    if (searchPos + width > size_t(m[1])) searchPos += width;
    else if (searchPos + 1 > size_t(m[1])) searchPos++;
    else searchPos = size_t(m[1]);
  }
  call.results[0] = all.empty() ? Value() : intSlice(all);
}

GOL_NATIVE(regexp_QuoteMeta, "regexp.QuoteMeta") {
  std::string_view s = sv(call.args[0]);
  std::string out;
  for (char c : s) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  call.results[0] = str(out);
}

}  // namespace gol::native
