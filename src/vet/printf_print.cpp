// printf for the unformatted print functions (Print, Println, Sprint, Fprintln, ...), as go vet
// checks them: a first argument that looks like a Printf format, a redundant trailing newline
// in the ln forms, os.Stdout passed as a value, func values printed instead of called; and the
// helpers the Printf checks share: constants, func values, a String method printing itself.
#include <cctype>
#include <regex>

#include "vet/pass.h"
#include "vet/printf.h"

namespace gol::vet {

using namespace ast;

bool isFuncValue(const Expr* e) { return e->type && e->type->kind == Kind::Func; }

const std::string* stringConstant(const Expr* e) {
  return e->value && e->value->kind == ConstValue::Kind::String ? &e->value->s : nullptr;
}

// "(main.T).String" when e is the receiver of the String or Error method it is printed in.
std::string recursiveStringer(const PrintCall& c, const Expr* e) {
  const Type* t = argType(e);
  if (!c.method || isFormatter(t)) return "";
  const Method* str = valueMethod(t, "String");
  const Method* err = valueMethod(t, "Error");
  const Method* m = str && str->decl == c.method ? str : err && err->decl == c.method ? err : nullptr;
  if (!m || !m->sig->params.empty() || m->sig->results.size() != 1 ||
      m->sig->results[0] != TypeTable::get().basic(Kind::String))
    return "";
  e = unparen(e);
  if (e->kind == NodeKind::Unary && static_cast<const UnaryExpr*>(e)->op == Tok::And)
    e = static_cast<const UnaryExpr*>(e)->x;
  const Symbol* recv = c.method->info ? c.method->info->recv : nullptr;
  if (e->kind != NodeKind::Ident || !recv || static_cast<const Ident*>(e)->sym != recv) return "";
  return "(" + typeText(recv->type) + ")." + m->name;
}

namespace {

bool isHex(char b) { return std::isxdigit(static_cast<unsigned char>(b)); }

// Print's first argument: a constant with what looks like a Printf directive.
void checkLooksFormatted(const PrintCall& c, const Expr* first) {
  const std::string* s = stringConstant(first);
  if (!s) return;
  std::string text = *s;
  if (!text.empty() && text.back() == '%') text.pop_back();
  if (text.find('%') == std::string::npos) return;
  static const std::regex re(R"(%[+\-#]*([0-9]+|(\[[0-9]+\])?\*)?\.?([0-9]+|(\[[0-9]+\])?\*)?(\[[0-9]+\])?[bcdefgopqstvxEFGTUX])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    std::string m = it->str();
    if (m.size() >= 3 && isHex(m[1]) && isHex(m[2])) continue;  // %XX, as in URLs
    return c.pass.report(startPos(c.call), c.name + " call has possible Printf formatting directive " + m);
  }
}

}  // namespace

void checkUnformatted(const PrintCall& c) {
  const Type* sig = c.call->info ? c.call->info->sig : nullptr;
  if (!sig || !sig->variadic || sig->params.empty()) return;
  int firstArg = static_cast<int>(sig->params.size()) - 1;
  const Type* elem = sig->params.back()->elem;
  if (!elem || elem->kind != Kind::Interface || !elem->methods.empty() || c.nargs() <= firstArg) return;
  const ExprList& args = c.call->args;
  if (firstArg == 0 && args[0]->kind == NodeKind::Selector) {
    auto* sel = static_cast<const SelectorExpr*>(args[0]);
    if (sel->x->kind == NodeKind::Ident && static_cast<const Ident*>(sel->x)->name == "os" &&
        sel->sel->name.rfind("Std", 0) == 0)
      c.pass.report(startPos(c.call), c.name + " does not take io.Writer but has first arg " + exprText(args[0]));
  }
  checkLooksFormatted(c, args[firstArg]);
  const std::string* last = stringConstant(args.back());
  if (c.name.size() > 2 && c.name.compare(c.name.size() - 2, 2, "ln") == 0 && last && !last->empty() &&
      last->back() == '\n')
    c.pass.report(startPos(c.call), c.name + " arg list ends with redundant newline");
  for (size_t i = firstArg; i < args.size(); i++) {
    if (isFuncValue(args[i]))
      c.pass.report(startPos(c.call), c.name + " arg " + exprText(args[i]) + " is a func value, not called");
    std::string method = recursiveStringer(c, args[i]);
    if (!method.empty())
      c.pass.report(startPos(c.call),
                    c.name + " arg " + exprText(args[i]) + " causes recursive call to " + method + " method");
  }
}

}  // namespace gol::vet
