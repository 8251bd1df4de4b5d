// Go-style syntax error messages for the LL (second) parse: an ANTLR error strategy that reports
// the first error as gc words it and then abandons the parse instead of recovering.
#pragma once
#include <DefaultErrorStrategy.h>

#include <functional>
#include <string>

namespace gol::syntax {

class GoErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  using Sink = std::function<void(antlr4::Token* at, std::string message)>;
  explicit GoErrorStrategy(Sink sink) : sink_(std::move(sink)) {}

  void reportError(antlr4::Parser* p, const antlr4::RecognitionException& e) override;
  void recover(antlr4::Parser* p, std::exception_ptr e) override;
  antlr4::Token* recoverInline(antlr4::Parser* p) override;
  void sync(antlr4::Parser*) override {}

 private:
  void report(antlr4::Parser* p, antlr4::ParserRuleContext* ctx, antlr4::Token* at,
              const antlr4::misc::IntervalSet& expected, bool expectedKnown);
  Sink sink_;
};

// "name x", "literal 42", "keyword for", "newline", "EOF", "=" ... as gc describes a token.
std::string describeToken(antlr4::Token* t);

}  // namespace gol::syntax
