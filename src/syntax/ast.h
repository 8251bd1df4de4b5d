// The syntax tree: what the parser builds (syntax/build_ast.cpp) and what the checker annotates.
//
// Nodes are plain structs owned by an Arena that lives as long as the program. Each node has a
// `kind` tag so later stages switch on it instead of using RTTI. Positions are 32-bit offsets
// into the global source table (base/source.h).
//
// Annotation fields (marked "checker") are filled by check/ and read by interp/; the parser leaves
// them null. They point at types declared elsewhere (forward-declared here) so syntax/ depends on
// nothing but base/.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/source.h"
#include "base/token.h"

namespace gol {
struct Type;        // types/type.h
struct ConstValue;  // types/const.h
struct Symbol;      // check/info.h
struct VarRef;      // check/info.h
struct Selection;   // check/info.h
struct CallInfo;    // check/info.h
struct FuncInfo;    // check/info.h
struct RangeInfo;   // check/info.h
}  // namespace gol

namespace gol::ast {

// Every node kind, by category, listed once. Switches over one category name the others as
// "cannot happen here" with GOL_CASES(...) instead of a `default:`, so -Wswitch reports a kind
// that a switch forgot, and a new kind shows up in every switch that must handle it.
#define GOL_EXPR_KINDS(X) \
  X(Ident) X(BasicLit) X(CompositeLit) X(FuncLit) X(Paren) X(Selector) X(Index) X(Slice) \
  X(TypeAssert) X(Call) X(Star) X(Unary) X(Binary) X(KeyValue)
#define GOL_TYPE_KINDS(X) \
  X(ArrayType) X(StructType) X(FuncType) X(InterfaceType) X(MapType) X(ChanType) X(Ellipsis)
#define GOL_STMT_KINDS(X) \
  X(BadStmt) X(DeclStmt) X(EmptyStmt) X(LabeledStmt) X(ExprStmt) X(SendStmt) X(IncDecStmt) \
  X(AssignStmt) X(GoStmt) X(DeferStmt) X(ReturnStmt) X(BranchStmt) X(Block) X(If) X(CaseClause) \
  X(Switch) X(TypeSwitch) X(CommClause) X(Select) X(For) X(Range)
#define GOL_DECL_KINDS(X) X(ImportSpec) X(ValueSpec) X(TypeSpec) X(GenDecl) X(FuncDecl)
#define GOL_NODE_KIND_ENUMERATOR(k) k,
#define GOL_NODE_KIND_CASE(k) case ::gol::ast::NodeKind::k:
#define GOL_KIND_LIST_ITEM(k) ::gol::ast::NodeKind::k,
#define GOL_CASES(LIST) LIST(GOL_NODE_KIND_CASE)

enum class NodeKind : uint8_t {
  GOL_EXPR_KINDS(GOL_NODE_KIND_ENUMERATOR) GOL_TYPE_KINDS(GOL_NODE_KIND_ENUMERATOR)
  GOL_STMT_KINDS(GOL_NODE_KIND_ENUMERATOR) GOL_DECL_KINDS(GOL_NODE_KIND_ENUMERATOR)
};
const char* nodeKindName(NodeKind k);  // "Ident", "AssignStmt", ...

// Operator and keyword tokens that the tree keeps (binary/unary operators, assignment forms,
// branch keywords, declaration keywords).
using gol::Tok;
using gol::tokString;

struct Node {
  NodeKind kind;
  Pos pos;  // first character of the node (for binary expressions: the operator, as Go reports)
  Node(NodeKind k, Pos p) : kind(k), pos(p) {}
  virtual ~Node() = default;
};

// ---------------------------------------------------------------- expressions

enum class ExprMode : uint8_t {  // checker: what an expression denotes
  Invalid, NoValue, Value, Variable /* addressable */, MapIndex, Constant, TypeExpr, Builtin,
  Package, CommaOk /* v, ok forms */, Nil,
};

struct Expr : Node {
  using Node::Node;
  const Type* type = nullptr;         // checker: final static type (untyped consts: the converted type)
  const ConstValue* value = nullptr;  // checker: constant value, converted to `type`
  ExprMode mode = ExprMode::Invalid;  // checker
};
using ExprList = std::vector<Expr*>;

struct Ident : Expr {
  std::string name;
  Symbol* sym = nullptr;   // checker: the declared entity this names
  VarRef* ref = nullptr;   // checker: for variables, where this use finds the storage
  Ident(Pos p, std::string n) : Expr(NodeKind::Ident, p), name(std::move(n)) {}
};

enum class LitKind : uint8_t { Int, Float, Imag, Rune, String };
struct BasicLit : Expr {
  LitKind litKind;
  std::string raw;  // source text, e.g. "0x1F", "'\\n'", "`raw`"
  BasicLit(Pos p, LitKind k, std::string r) : Expr(NodeKind::BasicLit, p), litKind(k), raw(std::move(r)) {}
};

struct KeyValueExpr : Expr {
  Expr* key;
  Expr* val;
  KeyValueExpr(Pos p, Expr* k, Expr* v) : Expr(NodeKind::KeyValue, p), key(k), val(v) {}
};

struct CompositeLit : Expr {
  Expr* typeExpr;  // null when elided inside another composite literal
  ExprList elts;   // KeyValueExpr or plain values; nested elided literals are CompositeLit with null typeExpr
  Pos lbrace, rbrace;
  std::vector<int64_t> indices;  // checker: struct field index / array index per element
  CompositeLit(Pos p, Expr* t) : Expr(NodeKind::CompositeLit, p), typeExpr(t), lbrace(p), rbrace(p) {}
};

struct FuncTypeExpr;
struct BlockStmt;
struct FuncLit : Expr {
  FuncTypeExpr* sig;
  BlockStmt* body;
  FuncInfo* info = nullptr;  // checker: frame layout and captured variables
  FuncLit(Pos p, FuncTypeExpr* s, BlockStmt* b) : Expr(NodeKind::FuncLit, p), sig(s), body(b) {}
};

struct ParenExpr : Expr {
  Expr* x;
  ParenExpr(Pos p, Expr* e) : Expr(NodeKind::Paren, p), x(e) {}
};

struct SelectorExpr : Expr {
  Expr* x;
  Ident* sel;
  Selection* selection = nullptr;  // checker: field path, method, package member...
  SelectorExpr(Pos p, Expr* e, Ident* s) : Expr(NodeKind::Selector, p), x(e), sel(s) {}
};

struct IndexExpr : Expr {
  Expr* x;
  Expr* index;
  Pos lbrack;
  IndexExpr(Pos p, Expr* e, Expr* i, Pos lb) : Expr(NodeKind::Index, p), x(e), index(i), lbrack(lb) {}
};

struct SliceExpr : Expr {
  Expr* x;
  Expr *lo, *hi, *max;  // each may be null
  bool slice3;
  Pos lbrack;
  SliceExpr(Pos p, Expr* e, Expr* l, Expr* h, Expr* m, bool s3, Pos lb)
      : Expr(NodeKind::Slice, p), x(e), lo(l), hi(h), max(m), slice3(s3), lbrack(lb) {}
};

struct TypeAssertExpr : Expr {
  Expr* x;
  Expr* typeExpr;  // null for x.(type) in a type switch
  TypeAssertExpr(Pos p, Expr* e, Expr* t) : Expr(NodeKind::TypeAssert, p), x(e), typeExpr(t) {}
};

struct CallExpr : Expr {
  Expr* fun;
  ExprList args;
  bool hasEllipsis = false;  // f(xs...)
  Pos lparen, rparen;
  CallInfo* info = nullptr;  // checker: conversion / builtin / function / method call
  CallExpr(Pos p, Expr* f) : Expr(NodeKind::Call, p), fun(f), lparen(p), rparen(p) {}
};

struct StarExpr : Expr {  // *x: pointer dereference or pointer type
  Expr* x;
  StarExpr(Pos p, Expr* e) : Expr(NodeKind::Star, p), x(e) {}
};

struct UnaryExpr : Expr {  // + - ! ^ & <-
  Tok op;
  Expr* x;
  UnaryExpr(Pos p, Tok o, Expr* e) : Expr(NodeKind::Unary, p), op(o), x(e) {}
};

struct BinaryExpr : Expr {
  Tok op;
  Expr *x, *y;
  Pos opPos;
  BinaryExpr(Pos p, Tok o, Expr* a, Expr* b) : Expr(NodeKind::Binary, p), op(o), x(a), y(b), opPos(p) {}
};

// ---------------------------------------------------------------- type expressions

struct ArrayTypeExpr : Expr {  // [N]T, [...]T (len is an Ellipsis), []T (len null)
  Expr* len;
  Expr* elem;
  ArrayTypeExpr(Pos p, Expr* l, Expr* e) : Expr(NodeKind::ArrayType, p), len(l), elem(e) {}
};

struct Field {  // struct field, parameter or result; names empty for anonymous/embedded
  std::vector<Ident*> names;
  Expr* typeExpr;
  bool embedded = false;
  std::string tag;  // raw tag literal, if any
  Pos pos;
};
using FieldList = std::vector<Field>;

struct StructTypeExpr : Expr {
  FieldList fields;
  StructTypeExpr(Pos p) : Expr(NodeKind::StructType, p) {}
};

struct FuncTypeExpr : Expr {
  FieldList params;   // the last param's typeExpr is an Ellipsis for variadic functions
  FieldList results;  // named or not
  FuncTypeExpr(Pos p) : Expr(NodeKind::FuncType, p) {}
};

struct InterfaceTypeExpr : Expr {
  struct Method { Ident* name; FuncTypeExpr* sig; };
  std::vector<Method> methods;
  ExprList embeds;  // embedded interface names
  InterfaceTypeExpr(Pos p) : Expr(NodeKind::InterfaceType, p) {}
};

struct MapTypeExpr : Expr {
  Expr *key, *val;
  MapTypeExpr(Pos p, Expr* k, Expr* v) : Expr(NodeKind::MapType, p), key(k), val(v) {}
};

enum class ChanDir : uint8_t { Both, Send, Recv };
struct ChanTypeExpr : Expr {
  ChanDir dir;
  Expr* elem;
  ChanTypeExpr(Pos p, ChanDir d, Expr* e) : Expr(NodeKind::ChanType, p), dir(d), elem(e) {}
};

struct EllipsisExpr : Expr {  // ...T in a parameter list, or the length in [...]T (elem null)
  Expr* elem;
  EllipsisExpr(Pos p, Expr* e) : Expr(NodeKind::Ellipsis, p), elem(e) {}
};

// ---------------------------------------------------------------- statements

struct Stmt : Node {
  using Node::Node;
};
using StmtList = std::vector<Stmt*>;

struct GenDecl;
struct DeclStmt : Stmt {
  GenDecl* decl;
  DeclStmt(Pos p, GenDecl* d) : Stmt(NodeKind::DeclStmt, p), decl(d) {}
};

struct EmptyStmt : Stmt {
  EmptyStmt(Pos p) : Stmt(NodeKind::EmptyStmt, p) {}
};

struct LabeledStmt : Stmt {
  Ident* label;
  Stmt* stmt;
  LabeledStmt(Pos p, Ident* l, Stmt* s) : Stmt(NodeKind::LabeledStmt, p), label(l), stmt(s) {}
};

struct ExprStmt : Stmt {
  Expr* x;
  ExprStmt(Pos p, Expr* e) : Stmt(NodeKind::ExprStmt, p), x(e) {}
};

struct SendStmt : Stmt {
  Expr *chan, *val;
  Pos arrow;
  SendStmt(Pos p, Expr* c, Expr* v, Pos a) : Stmt(NodeKind::SendStmt, p), chan(c), val(v), arrow(a) {}
};

struct IncDecStmt : Stmt {
  Expr* x;
  bool inc;
  IncDecStmt(Pos p, Expr* e, bool i) : Stmt(NodeKind::IncDecStmt, p), x(e), inc(i) {}
};

struct AssignStmt : Stmt {  // =, :=, op=
  ExprList lhs;
  Tok op;
  ExprList rhs;
  Pos opPos;
  AssignStmt(Pos p, Tok o) : Stmt(NodeKind::AssignStmt, p), op(o), opPos(p) {}
};

struct GoStmt : Stmt {
  CallExpr* call;
  GoStmt(Pos p, CallExpr* c) : Stmt(NodeKind::GoStmt, p), call(c) {}
};

struct DeferStmt : Stmt {
  CallExpr* call;
  DeferStmt(Pos p, CallExpr* c) : Stmt(NodeKind::DeferStmt, p), call(c) {}
};

struct ReturnStmt : Stmt {
  ExprList results;
  ReturnStmt(Pos p) : Stmt(NodeKind::ReturnStmt, p) {}
};

struct BranchStmt : Stmt {  // break, continue, goto, fallthrough
  Tok tok;
  Ident* label;  // may be null
  Stmt* target = nullptr;  // checker: the enclosing statement this leaves or continues
  BranchStmt(Pos p, Tok t, Ident* l) : Stmt(NodeKind::BranchStmt, p), tok(t), label(l) {}
};

struct BlockStmt : Stmt {
  StmtList stmts;
  Pos rbrace;
  BlockStmt(Pos p) : Stmt(NodeKind::Block, p), rbrace(p) {}
};

struct IfStmt : Stmt {
  Stmt* init;  // may be null
  Expr* cond;
  BlockStmt* then;
  Stmt* els;   // null, IfStmt or BlockStmt
  IfStmt(Pos p) : Stmt(NodeKind::If, p), init(nullptr), cond(nullptr), then(nullptr), els(nullptr) {}
};

struct CaseClause : Stmt {  // in a switch or type switch; list empty = default
  ExprList list;
  bool isDefault = false;
  StmtList body;
  Symbol* implicitVar = nullptr;  // checker: the per-clause variable of a type switch `v := x.(type)`
  Pos colon = 0;                  // where the clause's block starts (goto errors name it)
  CaseClause(Pos p) : Stmt(NodeKind::CaseClause, p) {}
};

struct SwitchStmt : Stmt {
  Stmt* init;  // may be null
  Expr* tag;   // may be null (tagless switch)
  std::vector<CaseClause*> clauses;
  Pos lbrace;
  SwitchStmt(Pos p) : Stmt(NodeKind::Switch, p), init(nullptr), tag(nullptr), lbrace(p) {}
};

struct TypeSwitchStmt : Stmt {  // switch [init;] [v :=] x.(type) { ... }
  Stmt* init;       // may be null
  Ident* bind;      // v, or null
  Expr* x;          // the expression whose dynamic type is switched on
  std::vector<CaseClause*> clauses;  // list entries are type expressions or the Ident "nil"
  TypeSwitchStmt(Pos p) : Stmt(NodeKind::TypeSwitch, p), init(nullptr), bind(nullptr), x(nullptr) {}
};

struct CommClause : Stmt {  // case in a select; comm null = default
  Stmt* comm;  // SendStmt, ExprStmt(<-c) or AssignStmt(v[, ok] = / := <-c)
  StmtList body;
  Pos colon = 0;
  CommClause(Pos p, Stmt* c) : Stmt(NodeKind::CommClause, p), comm(c) {}
};

struct SelectStmt : Stmt {
  std::vector<CommClause*> clauses;
  SelectStmt(Pos p) : Stmt(NodeKind::Select, p) {}
};

struct ForStmt : Stmt {
  Stmt* init;  // each may be null
  Expr* cond;
  Stmt* post;
  BlockStmt* body;
  std::vector<Symbol*> loopVars;  // checker: variables declared by init (copied per iteration, Go 1.22)
  ForStmt(Pos p) : Stmt(NodeKind::For, p), init(nullptr), cond(nullptr), post(nullptr), body(nullptr) {}
};

struct RangeStmt : Stmt {  // for [key[, value] (=|:=)] range x
  Expr *key, *value;  // may be null
  Tok tok;            // Tok::None, Tok::Assign or Tok::Define
  Expr* x;
  BlockStmt* body;
  RangeInfo* info = nullptr;  // checker
  RangeStmt(Pos p) : Stmt(NodeKind::Range, p), key(nullptr), value(nullptr), tok(Tok::None), x(nullptr), body(nullptr) {}
};

// ---------------------------------------------------------------- declarations

struct Spec : Node {
  using Node::Node;
};

struct ImportSpec : Spec {
  Ident* name;       // may be null; "_" or "." or a rename
  std::string path;  // unquoted
  ImportSpec(Pos p, Ident* n, std::string s) : Spec(NodeKind::ImportSpec, p), name(n), path(std::move(s)) {}
};

struct ValueSpec : Spec {  // in var and const declarations
  std::vector<Ident*> names;
  Expr* typeExpr;  // may be null
  ExprList values;  // may be empty; for const specs that repeat the previous line, the parser leaves
                    // it empty and the checker reuses the previous spec's expressions
  int iota = 0;     // index of the spec in its const group
  ValueSpec(Pos p) : Spec(NodeKind::ValueSpec, p), typeExpr(nullptr) {}
};

struct TypeSpec : Spec {
  Ident* name;
  bool alias;  // type A = B
  Expr* typeExpr;
  TypeSpec(Pos p, Ident* n, bool a, Expr* t) : Spec(NodeKind::TypeSpec, p), name(n), alias(a), typeExpr(t) {}
};

struct Decl : Node {
  using Node::Node;
};

struct GenDecl : Decl {
  Tok tok;  // Import, Const, Type, Var
  std::vector<Spec*> specs;
  GenDecl(Pos p, Tok t) : Decl(NodeKind::GenDecl, p), tok(t) {}
};

struct FuncDecl : Decl {
  Field* recv;  // null for functions
  Ident* name;
  FuncTypeExpr* sig;
  BlockStmt* body;  // null: implemented natively (stdlib declarations)
  FuncInfo* info = nullptr;  // checker
  FuncDecl(Pos p) : Decl(NodeKind::FuncDecl, p), recv(nullptr), name(nullptr), sig(nullptr), body(nullptr) {}
};

// ---------------------------------------------------------------- files

// One source file. A Go program has a package clause; a script has none, and its top-level
// statements (including var/const declarations and `:=`) are kept in order in `script`, while its
// func and type declarations and imports go to `decls` (visible in the whole file).
struct File {
  Pos pos = 0;
  FileId fileId = 0;
  Ident* package = nullptr;  // null for a script
  std::vector<ImportSpec*> imports;
  std::vector<Decl*> decls;
  StmtList script;
  bool isScript() const { return package == nullptr; }
};

// Owns every node of the files parsed into it.
class Arena {
 public:
  template <class T, class... A>
  T* make(A&&... a) {
    auto* n = new T(std::forward<A>(a)...);
    nodes_.emplace_back(n);
    return n;
  }
  File* makeFile() {
    files_.push_back(std::make_unique<File>());
    return files_.back().get();
  }
  Field* makeField() {
    fields_.push_back(std::make_unique<Field>());
    return fields_.back().get();
  }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<File>> files_;
  std::vector<std::unique_ptr<Field>> fields_;
};

// The leftmost position of an expression: where Go reports errors about it.
Pos startPos(const Expr* e);

}  // namespace gol::ast
