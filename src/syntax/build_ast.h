// The AST builder: walks ANTLR's parse tree (generated Context classes, no visitor) and produces
// ast:: nodes with global positions. Internal to syntax/; split over build_ast.cpp (files,
// declarations, types), build_stmt.cpp and build_expr.cpp.
#pragma once
#include <string>
#include <unordered_set>
#include <vector>

#include "GolParser.h"
#include "base/diag.h"
#include "syntax/ast.h"
#include "syntax/token_source.h"

namespace gol::syntax {

using P = gol_antlr::GolParser;

class Builder {
 public:
  Builder(ast::Arena& arena, Diagnostics& diags, const SemicolonTokenSource& src, const std::string& text, Pos base)
      : arena_(arena), diags_(diags), src_(src), text_(text), base_(base) {}

  ast::File* buildFile(P::SourceFileContext* c, FileId id, bool forceScript);

 private:
  // positions and text
  Pos pos(antlr4::Token* t) const { return base_ + src_.offset(t->getStartIndex()); }
  Pos pos(antlr4::tree::TerminalNode* n) const { return pos(n->getSymbol()); }
  Pos pos(antlr4::ParserRuleContext* c) const { return pos(c->getStart()); }
  std::string raw(antlr4::Token* t) const;
  ast::Ident* ident(antlr4::tree::TerminalNode* n);
  void error(Pos p, std::string msg) { diags_.error(p, std::move(msg)); }

  // files and declarations (build_ast.cpp)
  void buildTop(ast::File* f, P::TopItemContext* c, bool& sawDecl);
  ast::FuncDecl* buildFuncDecl(P::FuncDeclContext* c);
  ast::GenDecl* buildImportDecl(P::ImportDeclContext* c);
  ast::GenDecl* buildDeclaration(P::DeclarationContext* c);
  ast::ValueSpec* buildConstSpec(P::ConstSpecContext* c, int iota);
  ast::ValueSpec* buildVarSpec(P::VarSpecContext* c);
  ast::TypeSpec* buildTypeSpec(P::TypeSpecContext* c);
  std::vector<ast::Ident*> buildIdents(P::IdentListContext* c);

  // types (build_ast.cpp)
  ast::Expr* buildType(P::Type_Context* c);
  ast::Expr* buildTypeName(P::TypeNameContext* c);
  ast::Expr* qualified(antlr4::Token* t);
  ast::Expr* buildTypeLit(P::TypeLitContext* c);
  ast::Expr* buildArrayType(P::ArrayTypeContext* c);
  ast::Expr* buildStructType(P::StructTypeContext* c);
  ast::Expr* buildInterfaceType(P::InterfaceTypeContext* c);
  ast::Expr* buildMapType(P::MapTypeContext* c);
  ast::Expr* buildChanType(P::ChanTypeContext* c);
  ast::FuncTypeExpr* buildSignature(antlr4::ParserRuleContext* c, Pos p);  // signature, declSignature
  ast::FieldList buildParams(P::ParametersContext* c);

  // statements (build_stmt.cpp)
  ast::BlockStmt* buildBlock(P::BlockContext* c);
  ast::StmtList buildStmtList(P::StmtListContext* c);
  ast::Stmt* buildStmt(P::StatementContext* c);
  ast::Stmt* buildSimple(antlr4::ParserRuleContext* c);  // simpleStmt or simpleStmtNL
  ast::Stmt* buildIf(P::IfStmtContext* c);
  ast::Stmt* buildSwitch(P::SwitchStmtContext* c);
  ast::Stmt* buildTypeSwitch(ast::SwitchStmt* sw, ast::Stmt* guard);
  ast::Stmt* buildSelect(P::SelectStmtContext* c);
  ast::Stmt* buildFor(P::ForStmtContext* c);
  ast::CallExpr* callOf(ast::Expr* x, const char* what, Pos p);
  ast::Expr* condOf(ast::Stmt* s, const char* what, Pos p);
  void checkHeaderStmt(ast::Stmt* s);

  // expressions (build_expr.cpp)
  ast::ExprList buildExprList(antlr4::ParserRuleContext* c);  // expressionList or expressionListNL
  ast::Expr* buildExpr(antlr4::ParserRuleContext* c);         // expression or expressionNL
  ast::Expr* buildUnary(antlr4::ParserRuleContext* c);
  ast::Expr* buildOperand(antlr4::ParserRuleContext* c);      // operand or typeOperand
  ast::Expr* applySuffix(ast::Expr* x, antlr4::ParserRuleContext* c);
  ast::Expr* buildIndexOrSlice(ast::Expr* x, antlr4::ParserRuleContext* c);
  ast::Expr* buildCall(ast::Expr* x, antlr4::ParserRuleContext* c);
  ast::CompositeLit* buildLiteral(ast::Expr* type, P::LiteralValueContext* c);

  ast::Arena& arena_;
  Diagnostics& diags_;
  const SemicolonTokenSource& src_;
  const std::string& text_;
  Pos base_;
  std::unordered_set<ast::TypeAssertExpr*> looseTypeGuards_;  // x.(type) not (yet) in a type switch
};

// Rule index of a parse-tree node, or -1 for a terminal.
inline int ruleOf(antlr4::tree::ParseTree* t) {
  auto* r = dynamic_cast<antlr4::ParserRuleContext*>(t);
  return r ? static_cast<int>(r->getRuleIndex()) : -1;
}
// Token type of a terminal node, or -1 for a rule.
inline int tokenOf(antlr4::tree::ParseTree* t) {
  auto* n = dynamic_cast<antlr4::tree::TerminalNode*>(t);
  return n ? static_cast<int>(n->getSymbol()->getType()) : -1;
}

}  // namespace gol::syntax
