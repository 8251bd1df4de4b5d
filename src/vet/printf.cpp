// printf: calls of fmt's (and log's) print functions whose arguments do not fit. Follows go
// vet's printf analyzer for the standard functions: with a constant format, each directive's
// verb and flags against its argument, too few or too many arguments, %w outside Errorf (the
// Print functions are in printf_print.cpp). Positions and messages are vet's.
#include <algorithm>
#include <cstring>
#include <iterator>

#include "vet/pass.h"
#include "vet/printf.h"

namespace gol::vet {

using namespace ast;

namespace {

enum class PrintKind { None, Print, Printf, Errorf };

struct Verb {
  char32_t verb;
  const char* flags;
  unsigned types;
};

constexpr const char* kNum = " -+.0";
constexpr const char* kSharpNum = " -+.0#";
const Verb kVerbs[] = {
    {'%', "", 0},
    {'b', kSharpNum, kArgInt | kArgFloat | kArgComplex | kArgPointer},
    {'c', "-", kArgRune | kArgInt},
    {'d', kNum, kArgInt | kArgPointer},
    {'e', kSharpNum, kArgFloat | kArgComplex},
    {'E', kSharpNum, kArgFloat | kArgComplex},
    {'f', kSharpNum, kArgFloat | kArgComplex},
    {'F', kSharpNum, kArgFloat | kArgComplex},
    {'g', kSharpNum, kArgFloat | kArgComplex},
    {'G', kSharpNum, kArgFloat | kArgComplex},
    {'o', kSharpNum, kArgInt | kArgPointer},
    {'O', kSharpNum, kArgInt | kArgPointer},
    {'p', "-#", kArgPointer},
    {'q', " -+.0#", kArgRune | kArgInt | kArgString},
    {'s', " -+.0", kArgString},
    {'t', "-", kArgBool},
    {'T', "-", kAnyType},
    {'U', "-#", kArgRune | kArgInt},
    {'v', kSharpNum, kAnyType},
    {'w', kSharpNum, kArgError},
    {'x', kSharpNum, kArgRune | kArgInt | kArgString | kArgPointer | kArgFloat | kArgComplex},
    {'X', kSharpNum, kArgRune | kArgInt | kArgString | kArgPointer | kArgFloat | kArgComplex},
};

PrintKind printKind(const CallExpr* call, std::string* name) {
  static const char* fmtFuncs[] = {"Print", "Println", "Printf", "Sprint", "Sprintln", "Sprintf", "Fprint",
                                   "Fprintln", "Fprintf", "Errorf", "Append", "Appendln", "Appendf"};
  static const char* logFuncs[] = {"Print", "Println", "Printf", "Fatal", "Fatalln", "Fatalf",
                                   "Panic", "Panicln", "Panicf"};
  const Symbol* f = calleeFunc(call);
  if (!f || !f->package || (f->package->path != "fmt" && f->package->path != "log")) return PrintKind::None;
  auto in = [&](auto& names) { return std::find(std::begin(names), std::end(names), f->name) != std::end(names); };
  if (!(f->package->path == "fmt" ? in(fmtFuncs) : in(logFuncs))) return PrintKind::None;
  *name = f->package->path + "." + f->name;
  if (*name == "fmt.Errorf") return PrintKind::Errorf;
  return f->name.back() == 'f' ? PrintKind::Printf : PrintKind::Print;
}

std::string count(int n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) return s += static_cast<char>(c), s;
  if (c < 0x800) return s += static_cast<char>(0xC0 | (c >> 6)), s += static_cast<char>(0x80 | (c & 0x3F)), s;
  if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  }
  s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  return s += static_cast<char>(0x80 | (c & 0x3F)), s;
}

// The argument's type as vet names it: a rune literal's default type is rune, not int32.
std::string argTypeText(const Expr* arg) {
  const Expr* e = unparen(arg);
  if (e->kind == NodeKind::BasicLit && static_cast<const BasicLit*>(e)->litKind == LitKind::Rune &&
      arg->type == TypeTable::get().runeType())
    return "rune";
  return typeText(argType(arg));
}

// Whether argument i is there to check; reports a missing one.
bool canCheck(const PrintCall& c, Pos at, const Directive& d, int i, int firstArg) {
  if (i < c.nargs() - 1) return true;
  if (c.call->hasEllipsis) return false;
  if (i < c.nargs()) return true;
  c.pass.report(at, c.name + " format " + d.text + " reads arg #" + std::to_string(i - firstArg + 1) +
                        ", but call has " + count(c.nargs() - firstArg, "arg"));
  return false;
}

bool checkVerbArg(const PrintCall& c, Pos at, const Directive& d, const Verb& v, int firstArg) {
  if (!canCheck(c, at, d, d.verbArg, firstArg)) return false;
  const Expr* arg = c.call->args[d.verbArg];
  std::string what = c.name + " format " + d.text;
  if (isFuncValue(arg) && d.verb != 'p' && d.verb != 'T') {
    c.pass.report(at, what + " arg " + exprText(arg) + " is a func value, not called");
    return false;
  }
  if (!matchArg(v.types, arg)) {
    c.pass.report(at, what + " has arg " + exprText(arg) + " of wrong type " + argTypeText(arg));
    return false;
  }
  bool sharp = d.flags.find('#') != std::string::npos;
  if ((v.types & kArgString) && d.verb != 'T' && (!sharp || std::strchr("qxX", static_cast<int>(d.verb)))) {
    std::string method = recursiveStringer(c, arg);
    if (!method.empty()) {
      c.pass.report(at, what + " with arg " + exprText(arg) + " causes recursive " + method + " method call");
      return false;
    }
  }
  return true;
}

// One directive against the arguments (vet's okPrintfArg); false stops the call's checks.
bool checkDirective(const PrintCall& c, Pos at, const Directive& d, int firstArg, int* maxArg) {
  const Verb* v = nullptr;
  for (const Verb& k : kVerbs)
    if (k.verb == d.verb) v = &k;
  unsigned types = v ? v->types : kVerbs[std::size(kVerbs) - 1].types;
  bool formatter = types != kArgError && d.verbArg < c.nargs() && isFormatter(argType(c.call->args[d.verbArg]));
  std::string what = c.name + " format " + d.text;
  if (!formatter) {
    if (!v) return c.pass.report(at, what + " has unknown verb " + utf8(d.verb)), false;
    for (char f : d.flags)
      if (f != '0' && !std::strchr(v->flags, f))
        return c.pass.report(at, what + " has unrecognized flag " + std::string(1, f)), false;
  }
  for (int i : d.starArgs) {
    if (!canCheck(c, at, d, i, firstArg)) return false;
    const Expr* arg = c.call->args[i];
    if (!matchArg(kArgInt, arg))
      return c.pass.report(at, what + " uses non-int " + exprText(arg) + " as argument of *"), false;
    *maxArg = std::max(*maxArg, i);
  }
  if (d.verb != '%') *maxArg = std::max(*maxArg, d.verbArg);
  if (d.verb == '%' || formatter) return true;
  return checkVerbArg(c, at, d, *v, firstArg);
}

// Where a finding about directive d points: at the directive inside a string literal, else at
// the format argument.
Pos directivePos(const Expr* format, const Directive& d) {
  if (format->kind != NodeKind::BasicLit) return startPos(format);
  return format->pos + static_cast<Pos>(literalOffset(static_cast<const BasicLit*>(format)->raw, d.offset));
}

void checkFormatted(const PrintCall& c, PrintKind kind) {
  const Type* sig = c.call->info ? c.call->info->sig : nullptr;
  if (!sig || !sig->variadic || sig->params.size() < 2) return;
  int idx = static_cast<int>(sig->params.size()) - 2, firstArg = idx + 1;
  if (idx >= c.nargs()) return;
  const Expr* formatArg = c.call->args[idx];
  const std::string* format = stringConstant(formatArg);
  if (!format) return;
  if (format->find('%') == std::string::npos) {
    if (c.nargs() > firstArg)
      c.pass.report(startPos(c.call->args[firstArg]), c.name + " call has arguments but no formatting directives");
    return;
  }
  std::vector<Directive> directives;
  std::string err;
  if (!parseFormat(*format, firstArg, c.nargs(), &directives, &err))
    return c.pass.report(startPos(formatArg), c.name + " " + err);
  int maxArg = firstArg - 1;
  bool anyIndex = false;
  for (const Directive& d : directives) {
    anyIndex |= d.indexed;
    Pos at = directivePos(formatArg, d);
    if (!checkDirective(c, at, d, firstArg, &maxArg)) return;
    if (d.verb == 'w' && kind != PrintKind::Errorf)
      return c.pass.report(at, c.name + " does not support error-wrapping directive %w");
  }
  if ((c.call->hasEllipsis && maxArg >= c.nargs() - 2) || anyIndex) return;
  if (maxArg + 1 < c.nargs())
    c.pass.report(startPos(c.call), c.name + " call needs " + count(maxArg + 1 - firstArg, "arg") + " but has " +
                                        count(c.nargs() - firstArg, "arg"));
}

bool visit(Pass& pass, const FuncDecl* method, Node* n) {
  if (n->kind != NodeKind::Call) return true;
  auto* call = static_cast<CallExpr*>(n);
  std::string name;
  PrintKind kind = printKind(call, &name);
  PrintCall c{pass, method, call, name};
  if (kind == PrintKind::Print) checkUnformatted(c);
  else if (kind != PrintKind::None) checkFormatted(c, kind);
  return true;
}

}  // namespace

void checkPrintf(Pass& pass) {
  for (File* f : pass.files) {
    for (Decl* d : f->decls) {
      const FuncDecl* method = d->kind == NodeKind::FuncDecl && static_cast<FuncDecl*>(d)->recv
                                   ? static_cast<FuncDecl*>(d) : nullptr;
      inspect(d, [&](Node* n) { return visit(pass, method, n); });
    }
    for (Stmt* s : f->script) inspect(s, [&](Node* n) { return visit(pass, nullptr, n); });
  }
}

}  // namespace gol::vet
