// What the checker learns about a program and the evaluator needs: symbols resolved to storage
// slots, selections through embedding, call kinds, frame layouts, package init order.
// This header is the contract between check/ and interp/.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "syntax/ast.h"
#include "types/const.h"
#include "types/type.h"

namespace gol {

struct Package;
struct FuncInfo;

enum class SymKind : uint8_t { Var, Const, TypeName, Func, Package, Builtin, Nil };

enum class BuiltinId : uint8_t {
  Append, Cap, Clear, Close, Complex, Copy, Delete, Imag, Len, Make, Max, Min, New, Panic, Print,
  Println, Real, Recover,
};

struct Symbol {
  SymKind kind;
  std::string name;
  Pos pos = 0;
  const Type* type = nullptr;  // Var/Const/Func: its type; TypeName: the type it names

  // Var. Storage: a global (index into the program's global words), or a slot of the frame of
  // `owner`. A local that a closure captures or whose address is taken lives in a heap Cell:
  // its frame slot holds the Cell* (boxed).
  bool global = false;
  int index = -1;
  bool boxed = false;
  FuncInfo* owner = nullptr;

  const ConstValue* value = nullptr;    // Const
  ast::FuncDecl* decl = nullptr;        // Func (and methods): the declaration
  Package* package = nullptr;           // Package: the imported package; others: declaring package
  BuiltinId builtin = BuiltinId::Len;   // Builtin
  bool used = false;                    // Var, Package: read somewhere (Go's "declared and not used")
};

// Where one use of a variable finds its storage, seen from the function containing the use.
enum class RefKind : uint8_t { Local, Global, Captured };
struct VarRef {
  RefKind kind;
  int index;   // Local: frame slot; Global: global index; Captured: index into the closure's captures
  bool boxed;  // Local only: the slot holds a Cell*. Captured refs are always cells.
  Symbol* sym;
};

struct FuncInfo {
  std::string name;          // Go's name for tracebacks: "main.main", "main.(*T).M", "main.main.func1"
  const Type* sig = nullptr; // Func type (without receiver)
  int numSlots = 0;          // frame size in words
  // Frame layout: receiver (methods) then params occupy slots 0..n-1 in order; then results.
  // Params that are boxed must be moved into fresh Cells on entry.
  Symbol* recv = nullptr;
  std::vector<Symbol*> params;   // a variadic param is one slot holding the slice
  std::vector<Symbol*> results;  // named results, or unnamed ones given synthetic symbols
  bool namedResults = false;
  // Closures: capture i is found, in the enclosing function, through captures[i] (a boxed Local
  // or a Captured ref of the enclosing function).
  std::vector<VarRef> captures;
  FuncInfo* enclosing = nullptr;
  bool hasDefer = false;
  int nativeId = -1;         // bodyless stdlib function: its qualified native name is nativeName
  std::string nativeName;    // "strings.(*Builder).WriteString"
};

enum class SelKind : uint8_t {
  Field,            // x.f (possibly through embedded fields)
  Method,           // x.m where m is a declared method (call or method value)
  InterfaceMethod,  // x.m where x is an interface
  PackageMember,    // pkg.Name (the SelectorExpr's sel Ident carries the Symbol)
  MethodExpr,       // T.m or (*T).m
};

struct Selection {
  SelKind kind;
  // Field and Method: embedded-field indices from x's type to the field (Field: last index is
  // the field itself; Method: the path to the embedded receiver). derefs[i]: whether the value
  // before step i is a pointer that must be followed (auto-dereference).
  std::vector<int> path;
  std::vector<bool> derefs;
  // Method / MethodExpr:
  const Method* method = nullptr;
  const Type* recvNamed = nullptr;  // named type declaring the method
  Symbol* methodSym = nullptr;      // the method's func symbol (decl, info)
  bool pointerRecv = false;         // method has a *T receiver
  bool addressRecv = false;         // receiver expression must be addressed (&x) to call it
  bool derefRecv = false;           // receiver is a pointer but method takes a value: copy *x
  // InterfaceMethod: index in the interface's sorted methods.
  int methodIndex = -1;
};

enum class CallKind : uint8_t { Conversion, Builtin, Func, Method, InterfaceMethod, FuncValue };
struct CallInfo {
  CallKind kind;
  BuiltinId builtin = BuiltinId::Len;
  const Type* convType = nullptr;  // Conversion: target type
  const Type* sig = nullptr;       // called function's type
  bool packVariadic = false;       // extra args go into a new slice for the variadic param
  bool spreadTuple = false;        // f(g()) where g returns several results
  Symbol* func = nullptr;          // Func: statically known function
  // slices/maps functions (declared with `any`, gol has no generics): the result's type as Go's
  // generic signature gives it; the call's value is the `any` the native returns, unboxed.
  const Type* genericResult = nullptr;
};

struct RangeInfo {
  // the ranged expression's underlying kind: Int, Slice, Array, PtrArray, String, Map, Chan
  enum Kind : uint8_t { Int, Slice, Array, PtrArray, String, Map, Chan } kind;
  Symbol* keyVar = nullptr;    // for `:=` ranges: the per-iteration variables
  Symbol* valueVar = nullptr;
};

// Package-level variable initialisation, in dependency order (Go spec "package initialization").
struct InitStep {
  std::vector<Symbol*> lhs;  // one, or several for `var a, b = f()`; nullptr for `_`
  ast::Expr* rhs;            // null: zero value
  int rhsIndex = -1;         // for `var a, b = 1, 2` each var has its own step and rhs
};

struct Package {
  std::string path;  // "main", "fmt", "strings", "math/rand"
  std::string name;  // "main", "fmt", "rand"
  std::map<std::string, Symbol*> members;  // package-level declarations
  std::vector<ast::File*> files;
  std::vector<InitStep> init;
  std::vector<ast::FuncDecl*> funcs;     // every function and method declared, incl. bodyless
  std::vector<ast::FuncDecl*> initFuncs; // func init() in order
};

struct Program {
  std::vector<Package*> packages;  // dependency order: imported packages before importers
  Package* main = nullptr;
  int numGlobals = 0;
  // Go form: main.main. Script form: the script's statements form an implicit main function.
  ast::FuncDecl* mainFunc = nullptr;
  ast::File* scriptFile = nullptr;
  FuncInfo* scriptInfo = nullptr;
  // REPL input only: top-level expression statements whose values are printed.
  std::vector<ast::Stmt*> echo;
};

}  // namespace gol
