// Semicolon insertion and lexical error checks (see token_source.h).
#include "syntax/token_source.h"

#include <CommonToken.h>
#include <fmt/format.h>

#include <cctype>

namespace gol::syntax {

using gol_antlr::GolLexer;

namespace {

// Go's %#U: "U+0023 '#'" (the quoted character only when printable).
std::string describeChar(const std::string& utf8) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(utf8[i]); };
  uint32_t cp = b(0);
  size_t len = cp < 0x80 ? 1 : cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : 2;
  if (len > 1 && len <= utf8.size()) {
    cp &= 0x3F >> (len - 1);
    for (size_t i = 1; i < len; i++) cp = (cp << 6) | (b(i) & 0x3F);
  }
  std::string out = fmt::format("U+{:04X}", cp);
  if (cp >= 0x20 && cp != 0x7F && (cp < 0x80 || cp >= 0xA0)) out += " '" + utf8.substr(0, len) + "'";
  return out;
}

bool isHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

bool endsStatement(size_t type) {
  switch (type) {
    case GolLexer::IDENT: case GolLexer::QUAL_IDENT: case GolLexer::INT_LIT: case GolLexer::FLOAT_LIT: case GolLexer::IMAG_LIT:
    case GolLexer::RUNE_LIT: case GolLexer::STRING_LIT: case GolLexer::RAW_STRING_LIT:
    case GolLexer::BREAK: case GolLexer::CONTINUE: case GolLexer::FALLTHROUGH: case GolLexer::RETURN:
    case GolLexer::INC: case GolLexer::DEC: case GolLexer::RPAREN: case GolLexer::RBRACK:
    case GolLexer::RBRACE:
      return true;
    default:
      return false;
  }
}

SemicolonTokenSource::SemicolonTokenSource(SourceStream& input, const std::string& text, Pos base,
                                           Diagnostics& diags)
    : input_(input), text_(text), base_(base), diags_(diags), lexer_(&input) {
  lexer_.removeErrorListeners();  // ERRCHAR catches every character no other rule takes
}

std::string SemicolonTokenSource::rawText(const antlr4::Token& t) const {
  uint32_t from = offset(t.getStartIndex()), to = offset(t.getStopIndex() + 1);
  return text_.substr(from, to - from);
}

std::unique_ptr<antlr4::Token> SemicolonTokenSource::makeSemi(const antlr4::Token& at, const char* text) {
  size_t start = at.getStartIndex();
  auto tok = std::make_unique<antlr4::CommonToken>(std::make_pair(static_cast<antlr4::TokenSource*>(this),
                                                                  static_cast<antlr4::CharStream*>(&input_)),
                                                   GolLexer::SEMI, antlr4::Token::DEFAULT_CHANNEL, start, start);
  tok->setText(text);
  tok->setLine(at.getLine());
  tok->setCharPositionInLine(at.getCharPositionInLine());
  return tok;
}

// A token cut out of `t`: code points [from, to] of the input, `col` code points into t's line.
std::unique_ptr<antlr4::Token> SemicolonTokenSource::makePart(const antlr4::Token& t, size_t type, size_t from,
                                                              size_t to, size_t col) {
  auto tok = std::make_unique<antlr4::CommonToken>(std::make_pair(static_cast<antlr4::TokenSource*>(this),
                                                                  static_cast<antlr4::CharStream*>(&input_)),
                                                   type, antlr4::Token::DEFAULT_CHANNEL, from, to);
  uint32_t a = offset(from), b = offset(to + 1);
  tok->setText(text_.substr(a, b - a));
  tok->setLine(t.getLine());
  tok->setCharPositionInLine(col);
  return tok;
}

// The lexer's one-token `pkg.Name` (GolLexer.g4) is only right where a name starts an operand or a
// type; after a `.` it is the next two selectors of a chain (`t.p.p.v` lexes as `t.p` `.` `p.v`), so
// it is split back into IDENT `.` IDENT here, where one token of context is free.
std::unique_ptr<antlr4::Token> SemicolonTokenSource::splitQualified(std::unique_ptr<antlr4::Token> t) {
  size_t start = t->getStartIndex(), stop = t->getStopIndex();
  size_t dot = start;
  while (dot <= stop && text_[offset(dot)] != '.') dot++;
  if (dot > stop) return t;  // cannot happen: QUAL_IDENT always has its dot
  size_t col = t->getCharPositionInLine();
  auto first = makePart(*t, GolLexer::IDENT, start, dot - 1, col);
  pending_.push_back(makePart(*t, GolLexer::PERIOD, dot, dot, col + (dot - start)));
  pending_.push_back(makePart(*t, GolLexer::IDENT, dot + 1, stop, col + (dot + 1 - start)));
  return first;
}

std::unique_ptr<antlr4::Token> SemicolonTokenSource::nextToken() {
  auto t = nextRaw();
  lastType_ = t->getType();
  return t;
}

std::unique_ptr<antlr4::Token> SemicolonTokenSource::nextRaw() {
  if (!pending_.empty()) {
    auto t = std::move(pending_.front());
    pending_.pop_front();
    return t;
  }
  for (;;) {
    std::unique_ptr<antlr4::Token> t = lexer_.nextToken();
    size_t type = t->getType();
    if (type == antlr4::Token::EOF) {
      if (!needSemi_) return t;
      needSemi_ = false;
      auto semi = makeSemi(*t, kEofSemi);
      pending_.push_back(std::move(t));
      return semi;
    }
    if (type == GolLexer::NEWLINE || type == GolLexer::BLOCK_COMMENT) {
      if (type == GolLexer::BLOCK_COMMENT) check(*t);
      bool newline = type == GolLexer::NEWLINE || t->getText().find('\n') != std::string::npos;
      if (newline && needSemi_) {
        needSemi_ = false;
        return makeSemi(*t, kNewlineSemi);
      }
      continue;
    }
    if (type == GolLexer::WS || type == GolLexer::LINE_COMMENT) continue;
    if (type == GolLexer::ERRCHAR) {
      check(*t);
      continue;
    }
    check(*t);
    needSemi_ = endsStatement(type);
    if (type == GolLexer::QUAL_IDENT && lastType_ == GolLexer::PERIOD) return splitQualified(std::move(t));
    return t;
  }
}

void SemicolonTokenSource::check(const antlr4::Token& t) {
  uint32_t at = offset(t.getStartIndex());
  switch (t.getType()) {
    case GolLexer::ERRCHAR:
      error(at, "invalid character " + describeChar(rawText(t)));
      break;
    case GolLexer::BLOCK_COMMENT: {
      std::string s = rawText(t);
      if (s.size() < 4 || s.compare(s.size() - 2, 2, "*/") != 0) error(at, "comment not terminated");
      break;
    }
    case GolLexer::RAW_STRING_LIT: {
      std::string s = rawText(t);
      if (s.size() < 2 || s.back() != '`') error(at, "raw string literal not terminated");
      break;
    }
    case GolLexer::STRING_LIT: checkQuoted(t, '"'); break;
    case GolLexer::RUNE_LIT: checkQuoted(t, '\''); break;
    default: break;
  }
}

// Interpreted strings and runes: termination, escapes, and (for runes) exactly one character.
void SemicolonTokenSource::checkQuoted(const antlr4::Token& t, char quote) {
  std::string s = rawText(t);
  uint32_t at = offset(t.getStartIndex());
  bool closed = s.size() >= 2 && s.back() == quote;
  size_t end = closed ? s.size() - 1 : s.size();
  if (closed && s[s.size() - 2] == '\\') {  // `"\"` is a closing quote, `"\\"` is an escape
    size_t n = 0;
    for (size_t k = s.size() - 2; k > 0 && s[k] == '\\'; k--) n++;
    if (n % 2 == 1) closed = false, end = s.size();
  }
  size_t chars = 0;
  for (size_t i = 1; i < end; chars++) {
    if (s[i] == '\\') {
      checkEscape(s, i, at, quote);
    } else {
      unsigned char c = static_cast<unsigned char>(s[i]);
      i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    }
  }
  if (!closed) {
    bool atEof = at + s.size() >= text_.size();
    if (quote == '"') error(at + static_cast<uint32_t>(s.size()), atEof ? "string literal not terminated" : "newline in string");
    else error(at, "rune literal not terminated");
    return;
  }
  if (quote == '\'' && chars == 0) error(at, "empty rune literal or unescaped ' in rune literal");
  if (quote == '\'' && chars > 1) error(at, "more than one character in rune literal");
}

// One escape starting at s[i] == '\\'; advances i past it.
void SemicolonTokenSource::checkEscape(const std::string& s, size_t& i, uint32_t at, char quote) {
  uint32_t pos = at + static_cast<uint32_t>(i);
  char c = i + 1 < s.size() ? s[i + 1] : 0;
  i += 2;
  int digits = 0, base = 16;
  uint32_t max = 0x10FFFF;
  switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\': return;
    case '\'': case '"':
      if (c != quote) error(pos, "unknown escape");
      return;
    case 'x': digits = 2; max = 255; break;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default:
      if (c >= '0' && c <= '7') { digits = 3; base = 8; max = 255; i--; break; }
      error(pos, "unknown escape");
      return;
  }
  uint32_t v = 0;
  for (int k = 0; k < digits; k++, i++) {
    char d = i < s.size() ? s[i] : 0;
    bool ok = base == 8 ? (d >= '0' && d <= '7') : isHex(d);
    if (!ok || d == quote) {
      error(at + static_cast<uint32_t>(i), "invalid character in escape sequence");  // gc's wording is close
      return;
    }
    v = v * base + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : (d | 0x20) - 'a' + 10);
  }
  if (v > max || (digits >= 4 && v >= 0xD800 && v < 0xE000)) error(pos, "escape is invalid Unicode code point");
}

}  // namespace gol::syntax
