// What the checks of src/vet share: the findings being collected, a walk over the tree, and
// the spelling of code and types the way go vet quotes them. Private to src/vet.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "check/info.h"
#include "syntax/ast.h"
#include "types/type.h"
#include "vet/vet.h"

namespace gol::vet {

struct Pass {
  const Program& prog;
  const std::vector<ast::File*>& files;
  std::vector<Finding> findings;
  void report(Pos pos, std::string message) { findings.push_back({pos, std::move(message)}); }
};

// walk.cpp: a pre-order walk like go/ast.Inspect; `visit` returns false to skip the children.
using Visit = std::function<bool(ast::Node*)>;
void inspect(ast::Node* n, const Visit& visit);
void inspectFiles(const std::vector<ast::File*>& files, const Visit& visit);  // decls and script

// format.cpp
std::string exprText(const ast::Expr* e);  // as gofmt prints it: "a + b", "wg.Add", "x[i+1]"
std::string typeText(const Type* t);       // typetext.cpp: as go/types prints it: "sync.Mutex", "*main.T", "[]int"
using ast::startPos;  // the leftmost position, where vet reports an expression

// util.cpp
const ast::Expr* unparen(const ast::Expr* e);
bool isNamed(const Type* t, const char* pkg, const char* name);  // pkg "main" for the program's
const Symbol* calleeFunc(const ast::CallExpr* call);             // a statically known function
// The function or method of the program (not of a standard package) that `call` calls, with a body.
const ast::FuncDecl* programFunc(const Program& prog, const ast::CallExpr* call);
bool isFuncCall(const ast::CallExpr* call, const char* pkg, const char* name);
// The receiver x of a call x.method(...) of the named type pkg.type (directly, through a
// pointer or an embedded field); null for any other call.
const ast::Expr* methodRecv(const ast::CallExpr* call, const char* pkg, const char* type, const char* method);
const ast::Ident* rootIdent(const ast::Expr* e);  // x in x, x.f, x[i], *x, &x.f
const ast::CallExpr* asCall(const ast::Node* n);  // n as a call, through parentheses

// The checks.
void checkCopyLocks(Pass& pass);
void checkPrintf(Pass& pass);
void checkWaitGroups(Pass& pass);  // Add inside the goroutine, Done not deferred
void checkSleepWait(Pass& pass);   // main waits for goroutines with time.Sleep

}  // namespace gol::vet
