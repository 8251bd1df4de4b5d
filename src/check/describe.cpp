// Go's spelling of expressions and operands in error messages ("x (variable of type int)",
// "300 (untyped int constant)", "limit (untyped int constant 10)"), start positions, errors.
#include "base/stack.h"
#include "check/checker.h"

namespace gol::check {

using namespace ast;

void Checker::errorf(Pos pos, std::string msg) { diags_.error(pos, std::move(msg)); }

bool Checker::tooDeep(Pos pos) {
  if (__builtin_expect(stackHeadroom() > stackReserve(), 1)) return false;
  if (!tooDeepReported_) errorf(pos, "program nested too deeply");
  tooDeepReported_ = true;
  return true;
}

static void writeExpr(std::string& out, const Expr* e, Checker& c);

static void writeList(std::string& out, const ExprList& l, Checker& c) {
  for (size_t i = 0; i < l.size(); i++) {
    if (i) out += ", ";
    writeExpr(out, l[i], c);
  }
}

static void writeFields(std::string& out, const FieldList& fl, Checker& c) {
  for (size_t i = 0; i < fl.size(); i++) {
    if (i) out += ", ";
    for (size_t j = 0; j < fl[i].names.size(); j++) {
      if (j) out += ", ";
      out += fl[i].names[j]->name;
    }
    if (!fl[i].names.empty()) out += " ";
    writeExpr(out, fl[i].typeExpr, c);
  }
}

static void writeExpr(std::string& out, const Expr* e, Checker& c) {
  if (!e) return;
  if (stackHeadroom() < stackReserve() / 2) {  // a message about a pathologically deep expression
    out += "…";
    return;
  }
  switch (e->kind) {
    case NodeKind::Ident: out += static_cast<const Ident*>(e)->name; return;
    case NodeKind::BasicLit: out += static_cast<const BasicLit*>(e)->raw; return;
    case NodeKind::Paren:
      out += "(";
      writeExpr(out, static_cast<const ParenExpr*>(e)->x, c);
      out += ")";
      return;
    case NodeKind::Selector: {
      auto* s = static_cast<const SelectorExpr*>(e);
      writeExpr(out, s->x, c);
      out += "." + s->sel->name;
      return;
    }
    case NodeKind::Index: {
      auto* s = static_cast<const IndexExpr*>(e);
      writeExpr(out, s->x, c);
      out += "[";
      writeExpr(out, s->index, c);
      out += "]";
      return;
    }
    case NodeKind::Slice: {
      auto* s = static_cast<const SliceExpr*>(e);
      writeExpr(out, s->x, c);
      out += "[";
      writeExpr(out, s->lo, c);
      out += ":";
      writeExpr(out, s->hi, c);
      if (s->slice3) { out += ":"; writeExpr(out, s->max, c); }
      out += "]";
      return;
    }
    case NodeKind::TypeAssert: {
      auto* s = static_cast<const TypeAssertExpr*>(e);
      writeExpr(out, s->x, c);
      out += ".(";
      if (s->typeExpr) writeExpr(out, s->typeExpr, c);
      else out += "type";
      out += ")";
      return;
    }
    case NodeKind::Call: {
      auto* s = static_cast<const CallExpr*>(e);
      writeExpr(out, s->fun, c);
      out += "(";
      writeList(out, s->args, c);
      if (s->hasEllipsis) out += "...";
      out += ")";
      return;
    }
    case NodeKind::Star: out += "*"; writeExpr(out, static_cast<const StarExpr*>(e)->x, c); return;
    case NodeKind::Unary: {
      auto* s = static_cast<const UnaryExpr*>(e);
      out += tokString(s->op);
      writeExpr(out, s->x, c);
      return;
    }
    case NodeKind::Binary: {
      auto* s = static_cast<const BinaryExpr*>(e);
      writeExpr(out, s->x, c);
      out += std::string(" ") + tokString(s->op) + " ";
      writeExpr(out, s->y, c);
      return;
    }
    case NodeKind::KeyValue: {
      auto* s = static_cast<const KeyValueExpr*>(e);
      writeExpr(out, s->key, c);
      out += ": ";
      writeExpr(out, s->val, c);
      return;
    }
    case NodeKind::CompositeLit: {
      auto* s = static_cast<const CompositeLit*>(e);
      writeExpr(out, s->typeExpr, c);
      out += "{…}";
      return;
    }
    case NodeKind::FuncLit: out += "(func literal)"; return;
    case NodeKind::ArrayType: {
      auto* s = static_cast<const ArrayTypeExpr*>(e);
      out += "[";
      if (s->len) writeExpr(out, s->len, c);
      out += "]";
      writeExpr(out, s->elem, c);
      return;
    }
    case NodeKind::Ellipsis: {
      auto* s = static_cast<const EllipsisExpr*>(e);
      out += "...";
      writeExpr(out, s->elem, c);
      return;
    }
    case NodeKind::MapType: {
      auto* s = static_cast<const MapTypeExpr*>(e);
      out += "map[";
      writeExpr(out, s->key, c);
      out += "]";
      writeExpr(out, s->val, c);
      return;
    }
    case NodeKind::ChanType: {
      auto* s = static_cast<const ChanTypeExpr*>(e);
      out += s->dir == ChanDir::Recv ? "<-chan " : s->dir == ChanDir::Send ? "chan<- " : "chan ";
      writeExpr(out, s->elem, c);
      return;
    }
    case NodeKind::FuncType: {
      auto* s = static_cast<const FuncTypeExpr*>(e);
      out += "func(";
      writeFields(out, s->params, c);
      out += ")";
      if (s->results.size() == 1 && s->results[0].names.empty()) {
        out += " ";
        writeExpr(out, s->results[0].typeExpr, c);
      } else if (!s->results.empty()) {
        out += " (";
        writeFields(out, s->results, c);
        out += ")";
      }
      return;
    }
    case NodeKind::StructType: out += "struct{…}"; return;
    case NodeKind::InterfaceType:
      out += static_cast<const InterfaceTypeExpr*>(e)->methods.empty() ? "interface{}" : "interface{…}";
      return;
    default: return;
  }
}

std::string Checker::exprString(const Expr* e) {
  std::string out;
  writeExpr(out, e, *this);
  return out;
}

std::string Checker::describe(const Operand& x) {
  std::string s = exprString(x.expr);
  std::string what;
  const Type* t = x.type;
  switch (x.mode) {
    case ExprMode::Invalid: return s + " (invalid operand)";
    case ExprMode::NoValue: return s + " (no value)";
    case ExprMode::Builtin: return s + " (built-in)";
    case ExprMode::TypeExpr: return s + " (type)";
    case ExprMode::Package: return s + " (package)";
    case ExprMode::Nil: return "nil";
    case ExprMode::Constant: {
      std::string v = x.val.toString();
      if (isUntyped(t)) {
        what = typeStr(t) + " constant";
        if (v != s) what += " " + v;
      } else {
        what = "constant";
        if (v != s) what += " " + v;
        what += " of type " + typeStr(t);
      }
      return s + " (" + what + ")";
    }
    case ExprMode::Variable: what = "variable"; break;
    case ExprMode::MapIndex: what = "map index expression"; break;
    case ExprMode::CommaOk: what = "comma, ok expression"; break;
    default: what = "value"; break;
  }
  if (isUntyped(t)) return s + " (" + typeStr(t) + " " + what + ")";
  return s + " (" + what + " of type " + typeStr(t) + ")";
}

}  // namespace gol::check
