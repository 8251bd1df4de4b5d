// The compiler from checked AST to evaluator nodes: one Compiler per function body. The
// implementation is split by concern: compile_expr.cpp (operands, operators, selectors,
// literals), compile_call.cpp (calls, builtins, conversions, go/defer), compile_stmt.cpp
// (statements, loops, switches), compile_lvalue.cpp (assignable places, address-of).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "interp/nodes.h"

namespace gol::interp {

// An assignable place, evaluated in two phases as Go's assignment requires: prepare() evaluates
// the operands (container, index, pointer) into the frame's temporaries, then store() writes.
struct LValue : RunOwned {  // owned by the run, as nodes are
  const Type* type = nullptr;
  virtual ~LValue() = default;
  virtual void prepare(Frame& f) {}
  virtual Value load(Frame& f) = 0;  // after prepare
  virtual void store(Frame& f, Value v) = 0;  // after prepare; v already copied/boxed
  virtual bool isBlank() const { return false; }
  // The word that holds the place's value, found or made once (after prepare), for a
  // read-modify-write with nothing that can run in between (`m[k]++`); null where the place is
  // not one word that stays put. Only map entries have it: their lookup is the costly part.
  virtual Value* word(Frame& f) { return nullptr; }
  virtual bool hasWord() const { return false; }
};

// A construct the checker accepted but the compiler has no case for: a bug in gol. Stops the
// program loudly ("fatal error: internal error: prog.go:3:5: ...", exit 2) instead of running a
// silent no-op or a zero value in its place.
[[noreturn]] void compilerBug(Pos pos, const std::string& what);
// A method expression T.m that is the declared method itself (receiver passed as is); the others
// (interface T, promoted, (*T).m of a value method) go through methodExprThunk.
inline bool plainMethodExpr(const Selection* s) {
  return s->path.empty() && !s->derefRecv && s->method && s->method->decl;
}
// Node kinds Compiler::expr and Compiler::stmt have compiled in this process (tests check that a
// program using every construct reaches every kind).
std::vector<bool> kindsCompiled();
void noteKindCompiled(ast::NodeKind k);

class Compiler {
 public:
  Compiler(Func* fn, FuncInfo* info) : fn_(fn), info_(info), nslots_(info ? info->numSlots : 0) {}

  // Compiles a function body into fn_ (sets body, nslots).
  void compileBody(ast::BlockStmt* body);
  // Script bodies and package init: a list of statements.
  Stmt* compileStmtList(const ast::StmtList& list);

  Expr* expr(ast::Expr* e);                          // value of e (its own static type)
  Expr* exprAs(ast::Expr* e, const Type* target);    // value converted for assignment to target
  Expr* convertNode(Expr* n, const Type* from, const Type* to);  // implicit conversion (boxing)
  Expr* call(ast::CallExpr* c, std::vector<Expr*>* pre = nullptr);
  Stmt* stmt(ast::Stmt* s);
  LValue* lvalue(ast::Expr* e);
  Expr* addressOf(ast::Expr* e);
  Expr* constant(const ConstValue* v, const Type* t, Pos pos);

  int newTemp() { return nslots_++; }
  int nslots() const { return nslots_; }
  FuncInfo* info() const { return info_; }

  // Storage of a symbol declared in this function (for :=, var, range, type-switch vars).
  Expr* loadSym(Symbol* s, Pos pos);
  // A node that declares symbol s with the value of `init` (fresh cell when boxed).
  Stmt* declare(Symbol* s, Expr* init, Pos pos);

 private:
  friend struct CompilerAccess;
  // expr and stmt (compile_deep.cpp) guard the nesting depth around these, which dispatch on kind.
  Expr* exprNode(ast::Expr* e);
  Stmt* stmtNode(ast::Stmt* s);
  Expr* identExpr(ast::Ident* id);
  Expr* selectorExpr(ast::SelectorExpr* e);
  Expr* indexExpr(ast::IndexExpr* e);
  Expr* sliceExpr(ast::SliceExpr* e);
  Expr* unaryExpr(ast::UnaryExpr* e);
  Expr* binaryExpr(ast::BinaryExpr* e);
  Expr* compareExpr(ast::BinaryExpr* e);
  Expr* compositeLit(ast::CompositeLit* e);
  Expr* funcLit(ast::FuncLit* e);
  Expr* typeAssert(ast::TypeAssertExpr* e, bool commaOk);
  Expr* fieldPath(Expr* x, const std::vector<int>& path, Pos pos);
  Expr* builtinCall(ast::CallExpr* c, std::vector<Expr*>* pre);
  Expr* conversion(ast::CallExpr* c, std::vector<Expr*>* pre);
  Expr* preEval(Expr* n, std::vector<Expr*>* pre);
  Expr* methodRecv(ast::SelectorExpr* e);
  void hoistCalls(const ast::ExprList& args, std::vector<Expr*>& nodes);
  // A static call of fn with recv (a method's receiver, or null) and then c's arguments.
  Expr* staticCall(Func* fn, Expr* recv, ast::CallExpr* c, const Type* sig, std::vector<Expr*>* pre);
  std::vector<Expr*> callArgs(ast::CallExpr* c, const Type* sig, std::vector<Expr*>* pre, Expr** tuple,
                              int* tupleBase);

  Stmt* assignStmt(ast::AssignStmt* s);
  Stmt* defineOrAssign(ast::AssignStmt* s);
  Stmt* opAssign(ast::AssignStmt* s);
  Stmt* incDec(ast::IncDecStmt* s);
  Stmt* returnStmt(ast::ReturnStmt* s);
  Stmt* ifStmt(ast::IfStmt* s);
  Stmt* forStmt(ast::ForStmt* s, const void* label);
  Stmt* rangeStmt(ast::RangeStmt* s, const void* label);
  Stmt* switchStmt(ast::SwitchStmt* s, const void* label);
  Stmt* typeSwitchStmt(ast::TypeSwitchStmt* s, const void* label);
  Stmt* selectStmt(ast::SelectStmt* s, const void* label);
  Stmt* declStmt(ast::DeclStmt* s);
  Stmt* goDefer(ast::CallExpr* c, bool isGo, Pos pos);
  Stmt* sendStmt(ast::SendStmt* s);
  Stmt* block(const ast::StmtList& list);
  Stmt* labeled(ast::LabeledStmt* s);

  Expr* commaOkExpr(ast::Expr* e);  // rhs of `v, ok = ...`: evalMulti gives 2 values
  const void* labelTarget(ast::BranchStmt* b);

  Func* fn_;
  FuncInfo* info_;
  int nslots_;
  std::vector<std::pair<std::string, const ast::Stmt*>> labels_;  // enclosing labelled statements
  std::vector<const ast::Stmt*> breakables_;
  std::set<int> capturedSlots_;  // local slots captured by closures compiled so far
  int depth_ = 0;                // expr/stmt nesting being compiled (compile_deep.cpp)
};

// Helpers shared by the compile_*.cpp files.
void setupFunc(Func* fn, FuncInfo* info, const Type* sig);  // calls.cpp: frame layout from FuncInfo
Func* boundThunk(Func* target);
// calls.cpp: forgets every compiled function and method entry of the run that ended (their
// memory goes with the run's arena, interp/run_arena.h); synthetic methods stay.
void forgetCompiled();
void registerSyntheticMethod(const Type* t, const std::string& name, Func* fn);
const Type* defaultType(const Type* t);  // untyped -> default typed
bool isFresh(ast::Expr* e);              // evaluates to a new object (no copy needed)
ast::Expr* unparen(ast::Expr* e);
Expr* zeroNode(const Type* t);  // zero value of t (fresh object for struct/array types)
Expr* copyIfNeeded(Expr* n, ast::Expr* src, const Type* t);
// Sized-integer normalisation and float32 rounding by kind.
Value normalize(Kind k, Value v);

}  // namespace gol::interp
