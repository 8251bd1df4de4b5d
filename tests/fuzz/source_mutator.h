// Structure-aware mutations of gol source, for libFuzzer's LLVMFuzzerCustomMutator. libFuzzer's
// own mutations work on bytes and break nearly every program's syntax (of fuzz_program's
// mutants 2% parsed and 0.3% ran), so most mutations here work on lines and tokens, the units
// Go's syntax is made of: a mutant of a well-typed program usually still parses, often still
// checks, and then exercises the evaluator and the runtime. One mutation in ten is still
// libFuzzer's, to reach the lexer and parser's error paths.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

namespace gol::fuzz {

struct Token {
  size_t at, len;
  enum Kind { Ident, Number, Operator } kind;
};

inline bool identStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
inline bool digit(char c) { return c >= '0' && c <= '9'; }

// Identifiers, numbers and operators outside string, rune and raw literals and comments.
inline std::vector<Token> tokensOf(std::string_view s) {
  static constexpr std::string_view kOperators[] = {
      "<<=", ">>=", "&^", "<<", ">>", "==", "!=", "<=", ">=", "&&", "||", "<-", "++", "--", "+=",
      "-=",  "*=",  ":=", "+",  "-",  "*",  "/",  "%",  "&",  "|",  "^",  "<",  ">",  "!"};
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"' || c == '\'' || c == '`') {  // skip the literal
      size_t j = i + 1;
      while (j < s.size() && s[j] != c && !(c != '`' && s[j] == '\n'))
        j += (s[j] == '\\' && c != '`') ? 2 : 1;
      i = j + 1;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (identStart(c)) {
      size_t j = i;
      while (j < s.size() && (identStart(s[j]) || digit(s[j]))) ++j;
      tokens.push_back({i, j - i, Token::Ident});
      i = j;
    } else if (digit(c)) {
      size_t j = i;
      while (j < s.size() && (identStart(s[j]) || digit(s[j]) || s[j] == '.')) ++j;
      tokens.push_back({i, j - i, Token::Number});
      i = j;
    } else {
      size_t len = 0;
      for (std::string_view op : kOperators)
        if (s.substr(i, op.size()) == op) {
          len = op.size();
          break;
        }
      if (len) tokens.push_back({i, len, Token::Operator});
      i += len ? len : 1;
    }
  }
  return tokens;
}

inline std::vector<std::string_view> linesOf(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(start, end - start));
    start = end;
  }
  return lines;
}

// One mutation of s in place; false when none applied (no tokens or lines to work on).
inline bool mutateOnce(std::string& s, std::mt19937& rng) {
  // Integers, so that a mutant usually still checks; the edges of the integer types among them.
  static constexpr std::string_view kNumbers[] = {"0",
                                                  "1",
                                                  "-1",
                                                  "2",
                                                  "3",
                                                  "7",
                                                  "8",
                                                  "10",
                                                  "100",
                                                  "127",
                                                  "128",
                                                  "255",
                                                  "256",
                                                  "1000",
                                                  "65535",
                                                  "100000",
                                                  "2147483647",
                                                  "-2147483648",
                                                  "9223372036854775807",
                                                  "1<<40"};
  static constexpr std::string_view kSwaps[][8] = {{"+", "-", "*", "/", "%", "&", "|", "^"},
                                                   {"==", "!=", "<", "<=", ">", ">=", "==", "!="},
                                                   {"&&", "||", "&&", "||", "&&", "||", "&&", "||"},
                                                   {"+=", "-=", "*=", "+=", "-=", "*=", "+=", "-="}};
  auto pick = [&](size_t n) { return size_t(rng() % n); };
  std::vector<std::string_view> lines = linesOf(s);
  std::vector<Token> tokens = tokensOf(s);
  auto rebuild = [&](const std::vector<std::string_view>& ls) {
    std::string out;
    for (std::string_view l : ls) out += l;
    s = std::move(out);
  };
  auto tokensOfKind = [&](Token::Kind k) {
    std::vector<Token> v;
    for (const Token& t : tokens)
      if (t.kind == k) v.push_back(t);
    return v;
  };
  // Lines that are whole statements declaring nothing (x++, f(y), v = w): moving, copying or
  // dropping one keeps the program well-formed, and usually well-typed.
  std::vector<size_t> statements;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (l.find_first_of("{}") == std::string_view::npos && l.find(":=") == std::string_view::npos &&
        l.find("var ") == std::string_view::npos && l.find_first_not_of(" \t\n") != std::string_view::npos)
      statements.push_back(i);
  }
  switch (pick(10)) {
    case 0: {  // delete a statement
      if (statements.empty()) return false;
      lines.erase(lines.begin() + long(statements[pick(statements.size())]));
      rebuild(lines);
      return true;
    }
    case 1: {  // copy a statement to another place (run twice, or somewhere new)
      if (statements.empty()) return false;
      std::string_view l = lines[statements[pick(statements.size())]];
      lines.insert(lines.begin() + long(statements[pick(statements.size())]), l);
      rebuild(lines);
      return true;
    }
    case 2: {  // swap two statements
      if (statements.size() < 2) return false;
      std::swap(lines[statements[pick(statements.size())]], lines[statements[pick(statements.size())]]);
      rebuild(lines);
      return true;
    }
    case 3:
    case 4:
    case 5: {  // another number
      std::vector<Token> numbers = tokensOfKind(Token::Number);
      if (numbers.empty()) return false;
      Token t = numbers[pick(numbers.size())];
      s.replace(t.at, t.len, kNumbers[pick(std::size(kNumbers))]);
      return true;
    }
    case 6: {  // another identifier of the program
      std::vector<Token> idents = tokensOfKind(Token::Ident);
      if (idents.size() < 2) return false;
      Token to = idents[pick(idents.size())], from = idents[pick(idents.size())];
      s.replace(to.at, to.len, std::string(s.substr(from.at, from.len)));
      return true;
    }
    default: {  // another operator of the same family
      std::vector<Token> ops = tokensOfKind(Token::Operator);
      if (ops.empty()) return false;
      Token t = ops[pick(ops.size())];
      std::string_view text(s.data() + t.at, t.len);
      for (const auto& family : kSwaps)
        for (std::string_view op : family)
          if (op == text) {
            s.replace(t.at, t.len, family[pick(std::size(family))]);
            return true;
          }
      return false;
    }
  }
}

inline size_t mutateSource(uint8_t* data, size_t size, size_t maxSize, unsigned seed) {
  std::mt19937 rng(seed);
  if (rng() % 10 == 0 || size == 0) return LLVMFuzzerMutate(data, size, maxSize);
  std::string s(reinterpret_cast<const char*>(data), size);
  int applied = 0;
  for (int tries = 0, want = 1 + int(rng() % 3); tries < 8 && applied < want; ++tries)
    applied += mutateOnce(s, rng);
  if (!applied || s.size() > maxSize) return LLVMFuzzerMutate(data, size, maxSize);
  std::memcpy(data, s.data(), s.size());
  return s.size();
}

}  // namespace gol::fuzz
