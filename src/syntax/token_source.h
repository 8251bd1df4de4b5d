// Go's semicolon insertion as a token source wrapped around the generated lexer. It drops hidden
// tokens (blanks, comments), inserts `;` where a line ends after an identifier, literal, `break`,
// `continue`, `fallthrough`, `return`, `++`, `--`, `)`, `]` or `}` (also at EOF), and reports
// lexical errors (bad characters, escapes, unterminated literals) with Go's wording.
#pragma once
#include <TokenSource.h>

#include <deque>
#include <memory>
#include <string>

#include "GolLexer.h"
#include "base/diag.h"
#include "syntax/source_stream.h"

namespace gol::syntax {

// Text of an inserted semicolon: "\n" for a newline, "EOF" at the end of input (as gc names them).
inline constexpr const char* kNewlineSemi = "\n";
inline constexpr const char* kEofSemi = "EOF";

class SemicolonTokenSource : public antlr4::TokenSource {
 public:
  SemicolonTokenSource(SourceStream& input, const std::string& text, Pos base, Diagnostics& diags);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return lexer_.getLine(); }
  size_t getCharPositionInLine() override { return lexer_.getCharPositionInLine(); }
  antlr4::CharStream* getInputStream() override { return &input_; }
  std::string getSourceName() override { return lexer_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override { return lexer_.getTokenFactory(); }

  // Byte offset (within the file) of code point index `i`.
  uint32_t offset(size_t i) const { return input_.byteOffset(i); }

 private:
  std::unique_ptr<antlr4::Token> makeSemi(const antlr4::Token& at, const char* text);
  std::unique_ptr<antlr4::Token> makePart(const antlr4::Token& t, size_t type, size_t from, size_t to, size_t col);
  std::unique_ptr<antlr4::Token> nextRaw();
  std::unique_ptr<antlr4::Token> splitQualified(std::unique_ptr<antlr4::Token> t);
  void check(const antlr4::Token& t);
  void checkQuoted(const antlr4::Token& t, char quote);
  void checkEscape(const std::string& s, size_t& i, uint32_t at, char quote);
  void error(uint32_t byteOff, std::string msg) { diags_.error(base_ + byteOff, std::move(msg)); }
  std::string rawText(const antlr4::Token& t) const;

  SourceStream& input_;
  const std::string& text_;
  Pos base_;
  Diagnostics& diags_;
  gol_antlr::GolLexer lexer_;
  bool needSemi_ = false;
  size_t lastType_ = 0;  // type of the last token returned (0 before the first)
  std::deque<std::unique_ptr<antlr4::Token>> pending_;
};

// True for token types after which a newline inserts a semicolon.
bool endsStatement(size_t type);

}  // namespace gol::syntax
