// Internal declarations of the checker: one Checker object per checkProgram call, its methods
// spread over the files of this folder (scope, resolve, typexpr, expr, binary, convert, call,
// builtins, selector, composite, stmt, assign, switch, func, describe).
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "check/check.h"
#include "check/info.h"
#include "types/const.h"
#include "types/type.h"

namespace gol::check {

struct Scope {
  Scope* parent = nullptr;
  std::unordered_map<std::string, Symbol*> names;
  bool autoStd = false;  // script form: standard packages resolve here on first use
  Symbol* lookupLocal(const std::string& n) const {
    auto it = names.find(n);
    return it == names.end() ? nullptr : it->second;
  }
};

// Bookkeeping for a package-level declaration, resolved lazily on first use.
struct DeclInfo {
  enum class State : uint8_t { Unresolved, Resolving, Resolved } state = State::Unresolved;
  Package* pkg = nullptr;
  Scope* fileScope = nullptr;
  ast::ValueSpec* vspec = nullptr;  // var/const
  ast::Expr* constType = nullptr;   // const: the type of this spec or the one it repeats
  const ast::ExprList* constValues = nullptr;
  int nameIndex = 0;
  ast::TypeSpec* tspec = nullptr;
  ast::FuncDecl* fdecl = nullptr;
  std::vector<Symbol*> lhs;         // var: all names of the spec (for `var a, b = f()`)
  std::vector<Symbol*> deps;        // package-level vars and funcs used (initialisation order)
};

struct Operand {
  ast::ExprMode mode = ast::ExprMode::Invalid;
  const Type* type = nullptr;
  ConstValue val;
  ast::Expr* expr = nullptr;
  Symbol* sym = nullptr;  // Builtin, Package, or the entity an identifier names
  bool invalid() const { return mode == ast::ExprMode::Invalid; }
};

struct BuiltinCall;  // builtins.cpp: one call of a predeclared function

// A statement that break/continue may target.
struct BranchTarget {
  ast::Stmt* stmt;
  std::string label;
  bool isLoop;
};

// Per function being checked (FuncDecl, FuncLit, or a script's implicit main).
struct FuncCtx {
  FuncInfo* info = nullptr;
  const Type* sig = nullptr;
  FuncCtx* outer = nullptr;
  int* litCounter = nullptr;  // shared by the closures of one top-level function: func1, func2...
  int ownCounter = 0;
  std::vector<BranchTarget> targets;
  std::string pendingLabel;   // label of the statement about to be checked
};

class Checker {
 public:
  Checker(ast::Arena& arena, Diagnostics& diags, const StdlibSource& stdlib);
  Program* run(const std::vector<ast::File*>& files);

  // ---- check.cpp: packages
  Package* importPackage(const std::string& path, Pos pos);
  void checkPackage(Package* pkg, const std::vector<ast::File*>& files);
  void checkScript(Package* pkg, ast::File* file);
  void finishProgram();

  // ---- scope.cpp
  void initUniverse();
  Scope* newScope(Scope* parent);
  void openScope() { scope_ = newScope(scope_); }
  void closeScope() { scope_ = scope_->parent; }
  bool declare(Scope* s, Symbol* sym, Pos pos);
  Symbol* lookup(const std::string& name);
  Symbol* newSymbol(SymKind k, const std::string& name, Pos pos, const Type* t);
  Symbol* stdAutoPackage(Scope* s, const std::string& name);

  // ---- resolve.cpp: package-level declarations
  void collectDecls(Package* pkg, ast::File* file, Scope* fileScope, bool script);
  void collectFuncDecl(Package* pkg, ast::FuncDecl* fd, Scope* fileScope);
  void resolve(Symbol* sym);
  void resolveConst(Symbol* sym, DeclInfo* d);
  void resolveVar(Symbol* sym, DeclInfo* d);
  void resolveType(Symbol* sym, DeclInfo* d);
  void resolveFunc(Symbol* sym, DeclInfo* d);
  void attachMethods(Type* named, const std::string& name, Package* pkg);
  void computeInitOrder(Package* pkg);
  void noteDep(Symbol* sym);

  // ---- typexpr.cpp
  const Type* typeOf(ast::Expr* e);                    // a type expression; Invalid on error
  const Type* funcType(ast::FuncTypeExpr* f, const Type* recv = nullptr);
  const Type* structType(ast::StructTypeExpr* s);
  const Type* interfaceType(ast::InterfaceTypeExpr* it);
  int64_t arrayLength(ast::Expr* len);

  // ---- expr.cpp
  void rawExpr(ast::Expr* e, Operand& x, const Type* hint = nullptr);
  void expr(ast::Expr* e, Operand& x, const Type* hint = nullptr);   // single value, not a type
  void exprOrType(ast::Expr* e, Operand& x);
  void multiExpr(ast::Expr* e, std::vector<Operand>& out);  // tuple results spread
  void ident(ast::Ident* id, Operand& x);
  void basicLit(ast::BasicLit* e, Operand& x);
  void unary(ast::UnaryExpr* e, Operand& x);
  void star(ast::StarExpr* e, Operand& x);
  void index(ast::IndexExpr* e, Operand& x);
  void sliceExpr(ast::SliceExpr* e, Operand& x);
  void typeAssert(ast::TypeAssertExpr* e, Operand& x);
  void funcLit(ast::FuncLit* e, Operand& x);
  bool checkIndex(ast::Expr* idx, int64_t max, bool allowEqual, int64_t* out);
  void record(ast::Expr* e, const Operand& x);
  void markAddrTaken(ast::Expr* e);

  // ---- binary.cpp
  void binary(ast::BinaryExpr* e, Operand& x);
  void binaryOp(ast::Expr* e, ast::Tok op, Operand& x, Operand& y, Pos opPos);
  void shift(ast::Expr* e, ast::Tok op, Operand& x, Operand& y, Pos opPos);
  void comparison(ast::Expr* e, ast::Tok op, Operand& x, Operand& y);
  bool matchTypes(Operand& x, Operand& y);

  // ---- convert.cpp
  const Type* defaultType(const Type* t);
  bool convertUntyped(Operand& x, const Type* target, std::string* why = nullptr);
  void setFinalType(ast::Expr* e, const Type* t);
  bool assignableTo(Operand& x, const Type* t, std::string* reason);
  bool assignment(Operand& x, const Type* t, const std::string& context);
  void conversion(ast::CallExpr* call, Operand& x, const Type* t);
  bool convertible(Operand& x, const Type* t);
  bool representableConst(Operand& x, const Type* t, bool report);
  bool constResult(ast::Expr* e, Operand& x, const ConstValue& r, ast::Tok op = ast::Tok::None, Pos opPos = 0,
                   bool unary = false);  // overflow check of an operation

  // ---- call.cpp
  void call(ast::CallExpr* e, Operand& x);
  const Type* genericResultType(ast::CallExpr* e, const CallInfo* info);
  void arguments(ast::CallExpr* e, const Type* sig, CallInfo* info);
  std::vector<Operand> callArgs(ast::CallExpr* e, bool* spread);

  // ---- builtins.cpp: one checker per predeclared function, chosen through a table by its id
  void builtin(ast::CallExpr* e, Operand& x, BuiltinId id);
  bool builtinSoleArg(BuiltinCall& b, Operand& a);
  bool builtinTwoArgs(BuiltinCall& b, Operand& a, Operand& a2);
  void builtinLenCap(BuiltinCall& b);
  void builtinAppend(BuiltinCall& b);
  bool appendSpread(BuiltinCall& b, const Operand& s);
  void builtinClear(BuiltinCall& b);
  void builtinClose(BuiltinCall& b);
  void builtinCopy(BuiltinCall& b);
  void builtinDelete(BuiltinCall& b);
  void builtinMake(BuiltinCall& b);
  void builtinNew(BuiltinCall& b);
  void builtinPanic(BuiltinCall& b);
  void builtinRecover(BuiltinCall& b);
  void builtinPrint(BuiltinCall& b);
  void builtinMinMax(BuiltinCall& b);
  bool minMaxArg(BuiltinCall& b, size_t i, Operand& acc);
  void builtinComplex(BuiltinCall& b);  // complex, real, imag: not supported

  // ---- selector.cpp
  void selector(ast::SelectorExpr* e, Operand& x);
  void packageMember(ast::SelectorExpr* e, Symbol* pkgSym, Operand& x);
  void methodExpr(ast::SelectorExpr* e, const Type* t, Operand& x);

  // ---- composite.cpp
  void compositeLit(ast::CompositeLit* e, Operand& x, const Type* hint);
  void structLit(ast::CompositeLit* e, const Type* u);
  int64_t arrayLit(ast::CompositeLit* e, const Type* elem, int64_t length);
  void mapLit(ast::CompositeLit* e, const Type* u);
  void element(ast::Expr* e, const Type* t, const std::string& context);

  // ---- func.cpp
  FuncInfo* newFuncInfo(const std::string& name, const Type* sig, FuncInfo* enclosing);
  Symbol* newVar(ast::Ident* id, const Type* t);
  Symbol* newLocalVar(const std::string& name, Pos pos, const Type* t);
  VarRef* refFor(Symbol* sym);
  int captureIndex(FuncInfo* f, Symbol* sym);
  void declareParams(ast::FuncTypeExpr* ft, const Type* sig, ast::Field* recv, const Type* recvType);
  void funcBody(ast::FuncDecl* fd);
  void funcLitBody(ast::FuncLit* fl, FuncInfo* info);
  void checkBody(ast::BlockStmt* body, const Type* sig);
  bool isTerminating(ast::Stmt* s);
  bool isTerminatingList(const ast::StmtList& l);
  bool hasBreak(ast::Stmt* s, ast::Stmt* target);

  // ---- stmt.cpp
  void stmtList(const ast::StmtList& l);
  void stmt(ast::Stmt* s);
  void block(ast::BlockStmt* b);
  void exprStmt(ast::ExprStmt* s);
  void sendStmt(ast::SendStmt* s);
  void incDec(ast::IncDecStmt* s);
  void goDefer(ast::CallExpr* c, const char* what);
  void returnStmt(ast::ReturnStmt* s);
  void branchStmt(ast::BranchStmt* s);
  void ifStmt(ast::IfStmt* s);
  void forStmt(ast::ForStmt* s);
  void rangeStmt(ast::RangeStmt* s);
  void condition(ast::Expr* e, const char* what);
  void labeled(ast::LabeledStmt* s);
  void pushTarget(ast::Stmt* s, bool isLoop);

  // ---- assign.cpp
  void assignStmt(ast::AssignStmt* s);
  void assignOp(ast::AssignStmt* s);
  void assignVars(ast::AssignStmt* s);
  void shortVarDecl(ast::AssignStmt* s);
  bool lhsOperand(ast::Expr* e, Operand& x);
  bool rhsValues(const ast::ExprList& rhs, size_t nlhs, std::vector<Operand>& out, Pos pos,
                 bool isDecl);
  void declStmt(ast::GenDecl* d);
  void localVarSpec(ast::ValueSpec* vs);
  void constSpec(ast::ValueSpec* vs, ast::Expr* typ, const ast::ExprList& values, bool global,
                 Package* pkg);
  ConstValue constInit(ast::Expr* typ, ast::Expr* value, const Type** t, int iota);
  void localTypeSpec(ast::TypeSpec* ts);

  // ---- switch.cpp
  void switchStmt(ast::SwitchStmt* s);
  void typeSwitch(ast::TypeSwitchStmt* s);
  void selectStmt(ast::SelectStmt* s);
  void caseBody(ast::CaseClause* c, bool last);

  // ---- describe.cpp
  std::string exprString(const ast::Expr* e);
  std::string describe(const Operand& x);
  std::string typeStr(const Type* t) { return typeString(t, false); }
  Pos startPos(const ast::Expr* e) { return ast::startPos(e); }
  void errorf(Pos pos, std::string msg);
  void notSupported(Pos pos, const std::string& what) { errorf(pos, "not supported by gol: " + what); }
  // True when the native stack is nearly used up: the recursive walk must not descend into the
  // node at pos. Reports "program nested too deeply" there, once per checker.
  bool tooDeep(Pos pos);

  // ---- allocation (everything lives as long as the program)
  template <class T>
  T* make() {
    auto p = std::make_shared<T>();
    owned_.push_back(p);
    return p.get();
  }
  const ConstValue* keep(const ConstValue& v) {
    auto* c = make<ConstValue>();
    *c = v;
    return c;
  }

  // Checking against the cached standard packages (std_cache.h): imports come from there.
  const class StdCache* stdCache_ = nullptr;
  void listCachedPackage(Package* p);       // p and what it imports, into this program
  Symbol* funcSymOf(const ast::FuncDecl* d);  // the function's symbol, also a cached one

  ast::Arena& arena_;
  Diagnostics& diags_;
  const StdlibSource& stdlib_;
  TypeTable& types_;
  std::vector<std::shared_ptr<void>> owned_;
  Program* prog_ = nullptr;

  Scope* universe_ = nullptr;
  Scope* scope_ = nullptr;
  Package* pkg_ = nullptr;           // package being checked
  Scope* pkgScope_ = nullptr;        // its scope
  bool scriptTop_ = false;           // script statements: pkgScope_ declarations are globals
  FuncCtx* fn_ = nullptr;            // function being checked; null at package level
  DeclInfo* curDecl_ = nullptr;      // declaration whose dependencies are being recorded
  int iota_ = -1;                    // inside a const spec: the current iota
  int globCounter_ = 0;              // closures in package-level initialisers
  // REPL (check::Session): top-level names may be declared again, and top-level expression
  // statements with values are recorded for echoing instead of being errors.
  bool replMode_ = false;
  std::vector<ast::Stmt*>* replEcho_ = nullptr;
  bool tooDeepReported_ = false;

  std::unordered_map<Symbol*, DeclInfo*> declInfo_;
  std::unordered_map<const ast::FuncDecl*, Symbol*> funcSyms_;  // functions and methods
  std::unordered_map<std::string, Package*> packages_;            // by import path
  std::set<std::string> loading_;                                 // import cycle detection
  std::unordered_map<Package*, Scope*> pkgScopes_;
  // methods per package and receiver base type name, attached when the type resolves
  std::unordered_map<Package*, std::unordered_map<std::string, std::vector<ast::FuncDecl*>>> methodDecls_;
  std::unordered_map<FuncInfo*, std::unordered_map<Symbol*, int>> captureIdx_;
  std::vector<VarRef*> refs_;        // fixed up at the end: boxed is known only then
  std::vector<std::pair<ast::FuncDecl*, Package*>> bodies_;  // function bodies still to check
  std::unordered_map<Package*, std::vector<Symbol*>> pkgVars_;  // in declaration order
  // Go's unused rules, for a Go-form main package only (scripts and the REPL stay lenient):
  // each local variable (a type switch's symbol: one per clause, used if any is) and import.
  bool strictUsage_ = false;
  std::vector<std::vector<Symbol*>> localVars_;
  std::vector<std::pair<Symbol*, ast::ImportSpec*>> imports_;
  bool strictHere() const { return strictUsage_ && pkg_ && pkg_->path == "main"; }
  void noteLocalVar(Symbol* s) {
    if (strictHere() && fn_ && s->name != "_") localVars_.push_back({s});
  }
  void reportUnused();  // usage.cpp
  void checkLabels(const ast::StmtList& body, Pos start);  // labels.cpp: goto and label rules
  // cycles.cpp
  std::vector<Symbol*> depPath(Symbol* from, Symbol* to, std::set<Symbol*>& seen);
  void reportInitCycles(Package* pkg);
  void checkValidType(const Type* named);
  void reportTypeCycle(const std::vector<const Type*>& cycle);
  std::unordered_map<const Type*, Symbol*> typeSyms_;  // declared named types (messages name them)
  std::set<const Type*> brokenTypes_;  // reported invalid recursive types: uses are silently invalid
};

// Saves where the checker is (package, scopes, function, declaration, iota, script mode) and
// starts a package-level context: no enclosing function, no declaration recording dependencies,
// no iota, no script statements. Checking an imported package, or resolving a declaration on
// its first use, happens in the middle of checking something else; the destructor returns the
// checker to that something else.
class PackageLevelContext {
 public:
  explicit PackageLevelContext(Checker& c)
      : c_(c), pkg_(c.pkg_), pkgScope_(c.pkgScope_), scope_(c.scope_), fn_(c.fn_), decl_(c.curDecl_),
        iota_(c.iota_), scriptTop_(c.scriptTop_) {
    c.fn_ = nullptr;
    c.curDecl_ = nullptr;
    c.iota_ = -1;
    c.scriptTop_ = false;
  }
  ~PackageLevelContext() {
    c_.pkg_ = pkg_;
    c_.pkgScope_ = pkgScope_;
    c_.scope_ = scope_;
    c_.fn_ = fn_;
    c_.curDecl_ = decl_;
    c_.iota_ = iota_;
    c_.scriptTop_ = scriptTop_;
  }
  PackageLevelContext(const PackageLevelContext&) = delete;
  PackageLevelContext& operator=(const PackageLevelContext&) = delete;

 private:
  Checker& c_;
  Package* pkg_;
  Scope* pkgScope_;
  Scope* scope_;
  FuncCtx* fn_;
  DeclInfo* decl_;
  int iota_;
  bool scriptTop_;
};

// Name helpers.
bool isExported(const std::string& name);
std::string pkgNameOf(const std::string& path);

}  // namespace gol::check
