// The parts of the printf check below the call: parsing a format string into directives (as
// x/tools' fmtstr does), and matching an argument's type against what a verb accepts (as the
// printf analyzer's matchArgType does). Private to src/vet.
#pragma once
#include <string>
#include <vector>

#include "syntax/ast.h"
#include "types/type.h"
#include "vet/pass.h"

namespace gol::vet {

// One print call being checked, and the String or Error method it sits in (for the recursion
// check).
struct PrintCall {
  Pass& pass;
  const ast::FuncDecl* method;
  const ast::CallExpr* call;
  std::string name;  // "fmt.Printf"
  int nargs() const { return static_cast<int>(call->args.size()); }
};

// printf_print.cpp
void checkUnformatted(const PrintCall& c);  // Print, Println, Sprint, ...
bool isFuncValue(const ast::Expr* e);
const std::string* stringConstant(const ast::Expr* e);
// "(main.T).String" when e is the receiver of the String or Error method it is printed in.
std::string recursiveStringer(const PrintCall& c, const ast::Expr* e);

// One %... directive. Argument indices count the call's arguments (the format included).
struct Directive {
  std::string text;          // "%-5.2f", "%[2]d"
  size_t offset = 0;         // of its '%' in the format string
  std::string flags;         // of "#0+- "
  std::vector<int> starArgs; // arguments read by * (width, then precision)
  bool indexed = false;      // some part used an explicit [n]
  char32_t verb = 0;
  int verbArg = -1;          // the argument the verb formats
};

// Parses `format` for a call whose first argument after the format is argument `firstArg` of
// `nargs`. On a malformed directive returns false and sets *err in vet's words, without the
// function name: "format % is missing verb at end of string".
bool parseFormat(const std::string& format, int firstArg, int nargs, std::vector<Directive>* out,
                 std::string* err);

// The offset in a string literal's source text (quotes and escapes included) of byte `offset`
// of its value.
size_t literalOffset(const std::string& raw, size_t offset);

// What a verb accepts, as bits.
enum ArgType : unsigned {
  kArgBool = 1, kArgInt = 2, kArgRune = 4, kArgString = 8, kArgFloat = 16, kArgComplex = 32,
  kArgPointer = 64, kArgError = 128, kAnyType = ~0u,
};
bool matchArg(unsigned want, const ast::Expr* arg);
bool isFormatter(const Type* t);
const Type* argType(const ast::Expr* arg);  // its static type; untyped nil for nil
const Method* valueMethod(const Type* t, const std::string& name);  // in t's method set

}  // namespace gol::vet
