// Parse driver: SLL prediction with bail-out first (fast path for correct code), then LL with
// Go-style error reporting only if SLL fails. Also guards against deep nesting (stack overflow).
#include "syntax/parser.h"

#include <BailErrorStrategy.h>
#include <CommonTokenStream.h>
#include <atn/ParserATNSimulator.h>
#include <atn/PredictionMode.h>
#include <Exceptions.h>

#include "GolParser.h"
#include "syntax/build_ast.h"
#include "syntax/source_stream.h"
#include "syntax/syntax_errors.h"
#include "syntax/token_source.h"

namespace gol::syntax {

namespace {

thread_local bool usedLLFallback = false;

// Thrown when the parse would recurse deeper than the stack budget allows.
struct TooDeep {
  antlr4::Token* at;
};

// Stack the parser may use below the parse entry point. Parser frames are large, so this bounds
// nesting at a few thousand rule levels, well past any real program.
constexpr size_t kStackBudget = 4u << 20;

class GuardedParser : public gol_antlr::GolParser {
 public:
  using GolParser::GolParser;
  void enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule) override {
    GolParser::enterRule(ctx, state, rule);
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    if (stackTop_ - here > kStackBudget || ++rules_ > maxRules_) throw TooDeep{getCurrentToken()};
  }
  void resetGuard(size_t maxRules) {
    stackTop_ = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    rules_ = 0;
    maxRules_ = maxRules;
  }

 private:
  uintptr_t stackTop_ = 0;
  size_t rules_ = 0, maxRules_ = 0;
};

// Function bodies (declarations and literals) may nest this deep. Predicting `func … {` makes
// ANTLR look ahead over the whole literal when its body starts with an expression, so nested
// literals cost quadratic time (5,000 of them: over 20 s); this bound keeps that under 0.1 s.
constexpr size_t kMaxFuncNesting = 256;

// Counts nested function bodies on the token stream, before the parse: a `{` opens a function
// body when it follows a `func` at the same bracket and brace depth (and is not the brace of a
// struct or interface type in its signature); a `;` at that depth ends a function type without a
// body. Slips (a `[]func(){f}` literal counted as a body) only ever count braces that are really
// open, so real code stays far below the limit.
class FuncBodyCounter {
 public:
  // The `func` whose body would nest deeper than kMaxFuncNesting, or nullptr.
  antlr4::Token* tooDeep(const std::vector<antlr4::Token*>& tokens) {
    using L = gol_antlr::GolLexer;
    for (antlr4::Token* t : tokens) {
      size_t type = t->getType();
      if (type == L::FUNC) pending_.push_back({t, brackets_, braces_.size()});
      else if (type == L::LPAREN || type == L::LBRACK) brackets_++;
      else if ((type == L::RPAREN || type == L::RBRACK) && brackets_ > 0) close(false);
      else if (type == L::RBRACE && !braces_.empty()) close(true);
      else if (type == L::SEMI) dropPending(true);
      else if (type == L::LBRACE && open(prev_ != L::STRUCT && prev_ != L::INTERFACE)) return pending_.back().func;
      prev_ = type;
    }
    return nullptr;
  }

 private:
  struct Pending {
    antlr4::Token* func;
    size_t brackets, braces;  // depths at the `func`
  };
  // A `{`: true when it is a function body nested too deep (its `func` is still pending then).
  bool open(bool mayBeBody) {
    bool body = mayBeBody && !pending_.empty() && pending_.back().brackets == brackets_ &&
                pending_.back().braces == braces_.size();
    if (body && ++bodies_ > kMaxFuncNesting) return true;
    if (body) pending_.pop_back();
    braces_.push_back(body);
    return false;
  }
  void close(bool brace) {
    if (brace) {
      bodies_ -= braces_.back();
      braces_.pop_back();
    } else {
      brackets_--;
    }
    dropPending(false);
  }
  // Forgets `func`s inside what just closed, and (at a `;`) those at this very depth.
  void dropPending(bool atSemi) {
    while (!pending_.empty()) {
      const Pending& p = pending_.back();
      bool here = p.brackets == brackets_ && p.braces == braces_.size();
      if (p.brackets <= brackets_ && p.braces <= braces_.size() && !(atSemi && here)) break;
      pending_.pop_back();
    }
  }

  std::vector<Pending> pending_;  // `func` tokens whose body has not opened yet
  std::vector<bool> braces_;      // open braces: is it a function body?
  size_t brackets_ = 0, bodies_ = 0, prev_ = 0;
};

struct ParseOutcome {
  ast::File* file = nullptr;
  bool syntaxError = false;  // the parser (not the lexer) rejected the input
  bool errorAtEof = false;   // ... at the end of the input: the REPL may ask for more
};

Pos tokenPos(const SemicolonTokenSource& src, Pos base, antlr4::Token* t) {
  return base + src.offset(t->getStartIndex());
}

bool atEof(antlr4::Token* t) {
  return t->getType() == antlr4::Token::EOF || (t->getType() == gol_antlr::GolLexer::SEMI && t->getText() == kEofSemi);
}

ParseOutcome parse(ast::Arena& arena, FileId id, Diagnostics& diags, bool forceScript) {
  const SourceFile& sf = SourceTable::global().file(id);
  SourceStream input(sf.text, sf.base, diags);
  SemicolonTokenSource src(input, sf.text, sf.base, diags);
  antlr4::CommonTokenStream tokens(&src);
  tokens.fill();  // lex everything first so every lexical error is reported, wherever the parse stops
  ParseOutcome out;
  if (antlr4::Token* func = FuncBodyCounter().tooDeep(tokens.getTokens())) {
    diags.error(tokenPos(src, sf.base, func), "syntax error: function literals nested too deeply (more than " +
                                                  std::to_string(kMaxFuncNesting) + ")");
    out.syntaxError = true;
    return out;
  }
  GuardedParser parser(&tokens);
  parser.removeErrorListeners();
  auto tooDeep = [&](const TooDeep& e) {
    diags.error(tokenPos(src, sf.base, e.at), "syntax error: program nested too deeply");
    out.syntaxError = true;
  };

  gol_antlr::GolParser::SourceFileContext* tree = nullptr;
  usedLLFallback = false;
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    parser.resetGuard(SIZE_MAX);
    tree = parser.sourceFile();
  } catch (antlr4::ParseCancellationException&) {
    tree = nullptr;
  } catch (const TooDeep& e) {
    tooDeep(e);
    return out;
  }
  if (!tree) {  // SLL failed: either a real syntax error or a decision SLL can't make. Retry with LL.
    usedLLFallback = true;
    tokens.seek(0);
    parser.reset();
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<GoErrorStrategy>([&](antlr4::Token* at, std::string msg) {
      diags.error(tokenPos(src, sf.base, at), std::move(msg));
      out.syntaxError = true;
      out.errorAtEof = atEof(at);
    }));
    try {
      parser.resetGuard(SIZE_MAX);
      tree = parser.sourceFile();
    } catch (antlr4::ParseCancellationException&) {
      tree = nullptr;
    } catch (const TooDeep& e) {
      tooDeep(e);
      return out;
    }
  }
  if (!tree || out.syntaxError) {
    out.syntaxError = true;
    out.file = arena.makeFile();
    out.file->fileId = id;
    out.file->pos = sf.base;
    return out;
  }
  Builder builder(arena, diags, src, sf.text, sf.base);
  out.file = builder.buildFile(tree, id, forceScript);
  return out;
}

}  // namespace

ast::File* parseFile(ast::Arena& arena, FileId file, Diagnostics& diags) {
  try {
    return parse(arena, file, diags, false).file;
  } catch (const std::exception& e) {  // never let a runtime surprise escape the front end
    diags.error(SourceTable::global().base(file), std::string("syntax error: internal parser error: ") + e.what());
    ast::File* f = arena.makeFile();
    f->fileId = file;
    return f;
  }
}

// Brackets ({, (, [) opened and not yet closed in `text`, skipping comments and literals. An
// input the parser rejects while a bracket is still open is unfinished, not wrong: `go func() {`
// on a line of its own fails inside the literal, before the end of the input.
int openBrackets(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    auto skipTo = [&](std::string_view end) {
      size_t j = text.find(end, i + 1);
      i = j == std::string_view::npos ? text.size() : j + end.size() - 1;
    };
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') skipTo("\n");
    else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') skipTo("*/");
    else if (c == '`') skipTo("`");
    else if (c == '"' || c == '\'') {
      for (i++; i < text.size() && text[i] != c && text[i] != '\n'; i++)
        if (text[i] == '\\') i++;
    } else if (c == '{' || c == '(' || c == '[') depth++;
    else if (c == '}' || c == ')' || c == ']') depth--;
  }
  return depth;
}

InputStatus parseReplInput(ast::Arena& arena, FileId file, Diagnostics& diags, ast::File** out) {
  Diagnostics local;
  ParseOutcome r;
  try {
    r = parse(arena, file, local, true);
  } catch (const std::exception& e) {
    local.error(SourceTable::global().base(file), std::string("syntax error: internal parser error: ") + e.what());
  }
  *out = r.file;
  bool unterminated = false;
  for (const Diagnostic& d : local.all())
    unterminated = unterminated || d.message == "raw string literal not terminated" || d.message == "comment not terminated";
  const SourceFile& sf = SourceTable::global().file(file);
  bool open = r.syntaxError && openBrackets(sf.text) > 0;
  if ((r.syntaxError && r.errorAtEof) || unterminated || open) return InputStatus::Incomplete;
  for (const Diagnostic& d : local.all()) diags.error(d.pos, d.message);
  return local.hasErrors() ? InputStatus::Error : InputStatus::Complete;
}

bool lastParseUsedLLFallback() { return usedLLFallback; }

}  // namespace gol::syntax
