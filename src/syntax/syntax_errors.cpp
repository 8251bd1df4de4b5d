// Go-style syntax error messages (see syntax_errors.h).
#include "syntax/syntax_errors.h"

#include <NoViableAltException.h>
#include <Parser.h>
#include <ParserRuleContext.h>
#include <Vocabulary.h>
#include <Exceptions.h>

#include "GolParser.h"
#include "syntax/token_source.h"

namespace gol::syntax {

using L = gol_antlr::GolLexer;
using P = gol_antlr::GolParser;

namespace {

bool isKeyword(size_t t) { return t >= L::BREAK && t <= L::VAR; }
bool isLiteral(size_t t) {
  return t == L::INT_LIT || t == L::FLOAT_LIT || t == L::IMAG_LIT || t == L::RUNE_LIT || t == L::STRING_LIT ||
         t == L::RAW_STRING_LIT;
}

// Tokens that may start an expression: summarised as "expression" in expected-sets.
bool startsExpression(size_t t) {
  switch (t) {
    case L::IDENT: case L::QUAL_IDENT: case L::LPAREN: case L::LBRACK: case L::FUNC: case L::STRUCT: case L::MAP: case L::CHAN:
    case L::INTERFACE: case L::ADD: case L::SUB: case L::NOT: case L::XOR: case L::MUL: case L::AND:
    case L::ARROW:
      return true;
    default:
      return isLiteral(t);
  }
}

// Tokens that could continue what came before (operators, suffixes): noise when a closer is expected.
bool continues(size_t t) {
  if (t >= L::ELLIPSIS && t <= L::TILDE) return true;
  return t == L::LPAREN || t == L::LBRACK || t == L::LBRACE || t == L::PERIOD;
}

std::string tokenName(size_t t, const antlr4::dfa::Vocabulary& vocab) {
  if (t == antlr4::Token::EOF) return "EOF";
  if (t == L::IDENT || t == L::QUAL_IDENT) return "name";
  if (t == L::SEMI) return "semicolon or newline";
  if (t == L::COMMA) return "comma";
  if (isLiteral(t)) return "literal";
  std::string lit = vocab.getLiteralName(t);
  if (lit.size() >= 2) return lit.substr(1, lit.size() - 2);
  return vocab.getSymbolicName(t);
}

std::string describeExpected(const antlr4::misc::IntervalSet& set, const antlr4::dfa::Vocabulary& vocab) {
  std::vector<size_t> types;
  for (ssize_t t : set.toList()) types.push_back(static_cast<size_t>(t));
  bool expr = set.contains(size_t(L::IDENT)) && set.contains(size_t(L::INT_LIT)) && set.contains(size_t(L::LPAREN));
  bool closer = false;
  for (size_t t : types) closer = closer || t == L::RPAREN || t == L::RBRACK || t == L::RBRACE || t == L::COMMA || t == L::SEMI || t == L::COLON;
  std::vector<std::string> parts;
  if (expr) parts.push_back("expression");
  for (size_t t : types) {
    if ((expr && startsExpression(t)) || (closer && continues(t))) continue;
    std::string n = tokenName(t, vocab);
    if (std::find(parts.begin(), parts.end(), n) == parts.end()) parts.push_back(n);
  }
  if (parts.empty() || parts.size() > 3) return "";
  std::string out = parts[0];
  for (size_t i = 1; i < parts.size(); i++) out += (i + 1 == parts.size() ? " or " : ", ") + parts[i];
  return out;
}

bool follows(antlr4::Parser* p, size_t type) {
  antlr4::Token* prev = p->getTokenStream()->LT(-1);
  return prev && prev->getType() == type;
}

}  // namespace

std::string describeToken(antlr4::Token* t) {
  size_t type = t->getType();
  std::string text = t->getText();
  if (type == antlr4::Token::EOF) return "EOF";
  if (type == L::SEMI) return text == kNewlineSemi ? "newline" : text == kEofSemi ? "EOF" : "semicolon";
  if (type == L::IDENT || type == L::QUAL_IDENT) return "name " + text;
  if (isLiteral(type)) return "literal " + text;
  if (isKeyword(type)) return "keyword " + text;
  return text;
}

void GoErrorStrategy::report(antlr4::Parser* p, antlr4::ParserRuleContext* ctx, antlr4::Token* at,
                             const antlr4::misc::IntervalSet& expected, bool expectedKnown) {
  std::string what = describeToken(at);
  size_t rule = ctx ? ctx->getRuleIndex() : 0;
  std::string msg;
  if ((rule == P::RuleSuffix || rule == P::RuleSuffixNL) && ctx->getStart()->getType() == L::LPAREN &&
      expected.contains(size_t(L::RPAREN))) {
    msg = "unexpected " + what + " in argument list; possibly missing comma or )";
  } else if (rule == P::RuleLiteralValue && expected.contains(size_t(L::RBRACE))) {
    msg = "unexpected " + what + " in composite literal; possibly missing comma or }";
  } else if (rule == P::RuleBlock && expected.contains(size_t(L::RBRACE)) && !follows(p, L::SEMI) &&
             !follows(p, L::LBRACE) && at->getType() != antlr4::Token::EOF) {
    msg = "unexpected " + what + " at end of statement";
  } else if (rule == P::RuleSourceFile && expected.contains(size_t(antlr4::Token::EOF)) && !follows(p, L::SEMI)) {
    msg = "unexpected " + what + " after top level declaration";
  } else {
    std::string exp = expectedKnown ? describeExpected(expected, p->getVocabulary()) : "";
    msg = "unexpected " + what + (exp.empty() ? "" : ", expected " + exp);
  }
  sink_(at, "syntax error: " + msg);
}

void GoErrorStrategy::reportError(antlr4::Parser* p, const antlr4::RecognitionException& e) {
  antlr4::Token* at = e.getOffendingToken();
  bool known = true;
  if (auto* nva = dynamic_cast<const antlr4::NoViableAltException*>(&e))
    known = nva->getStartToken() == at;  // deeper lookahead failures: the expected set is not at `at`
  report(p, dynamic_cast<antlr4::ParserRuleContext*>(e.getCtx()), at ? at : p->getCurrentToken(),
         e.getExpectedTokens(), known);
}

void GoErrorStrategy::recover(antlr4::Parser*, std::exception_ptr) { throw antlr4::ParseCancellationException(); }

antlr4::Token* GoErrorStrategy::recoverInline(antlr4::Parser* p) {
  report(p, p->getContext(), p->getCurrentToken(), p->getExpectedTokens(), true);
  throw antlr4::ParseCancellationException();
}

}  // namespace gol::syntax
