// Code spelled the way go vet quotes it: expressions as gofmt prints them (go/printer's spacing
// of binary operators by precedence and nesting depth: "a + b", "a*b + c", "x[i+1]"), and where
// vet reports an expression (its leftmost position).
#include "vet/pass.h"

namespace gol::vet {

using namespace ast;

namespace {

constexpr int kLowestPrec = 0, kUnaryPrec = 6, kHighestPrec = 7;

int precedence(Tok op) {
  switch (op) {
    case Tok::LOr: return 1;
    case Tok::LAnd: return 2;
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: return 3;
    case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor: return 4;
    default: return 5;  // * / % << >> & &^
  }
}

const BinaryExpr* asBinary(const Expr* e) {
  return e && e->kind == NodeKind::Binary ? static_cast<const BinaryExpr*>(e) : nullptr;
}

// go/printer's walkBinary: which precedences a binary chain mixes, and where an operator next to a
// unary one must keep its blanks ("a / *p", "x & ^y").
void walkBinary(const BinaryExpr* e, bool& has4, bool& has5, int& maxProblem) {
  int p = precedence(e->op);
  has4 |= p == 4;
  has5 |= p == 5;
  if (auto* l = asBinary(e->x); l && precedence(l->op) >= p) walkBinary(l, has4, has5, maxProblem);
  if (auto* r = asBinary(e->y)) {
    if (precedence(r->op) > p) walkBinary(r, has4, has5, maxProblem);
  } else if (e->y->kind == NodeKind::Star && e->op == Tok::Quo) {
    maxProblem = 5;
  } else if (e->y->kind == NodeKind::Unary) {
    std::string pair = std::string(tokString(e->op)) + tokString(static_cast<const UnaryExpr*>(e->y)->op);
    if (pair == "/*" || pair == "&&" || pair == "&^") maxProblem = 5;
    else if ((pair == "++" || pair == "--") && maxProblem < 4) maxProblem = 4;
  }
}

int cutoff(const BinaryExpr* e, int depth) {
  bool has4 = false, has5 = false;
  int maxProblem = 0;
  walkBinary(e, has4, has5, maxProblem);
  if (maxProblem > 0) return maxProblem + 1;
  if (has4 && has5) return depth == 1 ? 5 : 4;
  return depth == 1 ? 6 : 4;
}

struct Printer {
  std::string out;

  void expr(const Expr* e, int depth = 1) { expr1(e, kLowestPrec, depth); }
  void expr1(const Expr* e, int prec1, int depth);
  void binary(const BinaryExpr* b, int prec1, int depth);
  void list(const ExprList& l, int depth) {
    for (size_t i = 0; i < l.size(); i++) {
      if (i) out += ", ";
      expr(l[i], depth);
    }
  }
  void call(const CallExpr* c, int depth);
  void slice(const SliceExpr* s, int depth);
  void typeExpr(const Expr* e);
  void fields(const FieldList& l);
};

void Printer::binary(const BinaryExpr* b, int prec1, int depth) {
  int prec = precedence(b->op);
  if (prec < prec1) {
    out += "(";
    expr(b, depth > 1 ? depth - 1 : depth);
    out += ")";
    return;
  }
  bool blank = prec < cutoff(b, depth);
  auto* l = asBinary(b->x);
  expr1(b->x, prec, depth + (l && precedence(l->op) == prec ? 0 : 1));
  out += blank ? std::string(" ") + tokString(b->op) + " " : tokString(b->op);
  expr1(b->y, prec + 1, depth + 1);
}

void Printer::call(const CallExpr* c, int depth) {
  if (c->args.size() > 1) depth++;
  expr1(c->fun, kHighestPrec, depth);
  out += "(";
  list(c->args, depth);
  out += c->hasEllipsis ? "...)" : ")";
}

void Printer::slice(const SliceExpr* s, int depth) {
  expr1(s->x, kHighestPrec, 1);
  out += "[";
  const Expr* idx[] = {s->lo, s->hi, s->slice3 ? s->max : nullptr};
  int n = s->slice3 ? 3 : 2, count = 0;
  bool binaries = false;
  for (int i = 0; i < n; i++) {
    count += idx[i] != nullptr;
    binaries |= asBinary(idx[i]) != nullptr;
  }
  bool blanks = depth <= 1 && count > 1 && binaries;
  for (int i = 0; i < n; i++) {
    if (i > 0) out += std::string(idx[i - 1] && blanks ? " " : "") + ":" + (idx[i] && blanks ? " " : "");
    if (idx[i]) expr(idx[i], depth + 1);
  }
  out += "]";
}

void Printer::fields(const FieldList& l) {
  for (size_t i = 0; i < l.size(); i++) {
    if (i) out += ", ";
    for (size_t j = 0; j < l[i].names.size(); j++) out += (j ? ", " : "") + l[i].names[j]->name;
    if (!l[i].names.empty()) out += " ";
    expr(l[i].typeExpr);
  }
}

void Printer::typeExpr(const Expr* e) {
  switch (e->kind) {
    case NodeKind::ArrayType: {
      auto* a = static_cast<const ArrayTypeExpr*>(e);
      out += "[";
      if (a->len) expr(a->len);
      out += "]";
      return expr(a->elem);
    }
    case NodeKind::MapType: {
      auto* m = static_cast<const MapTypeExpr*>(e);
      out += "map[";
      expr(m->key);
      out += "]";
      return expr(m->val);
    }
    case NodeKind::ChanType: {
      auto* c = static_cast<const ChanTypeExpr*>(e);
      out += c->dir == ChanDir::Recv ? "<-chan " : c->dir == ChanDir::Send ? "chan<- " : "chan ";
      return expr(c->elem);
    }
    case NodeKind::FuncType: {
      auto* f = static_cast<const FuncTypeExpr*>(e);
      out += "func(";
      fields(f->params);
      out += ")";
      if (f->results.size() == 1 && f->results[0].names.empty()) {
        out += " ";
        expr(f->results[0].typeExpr);
      } else if (!f->results.empty()) {
        out += " (";
        fields(f->results);
        out += ")";
      }
      return;
    }
    case NodeKind::Ellipsis:
      out += "...";
      return expr(static_cast<const EllipsisExpr*>(e)->elem);
    case NodeKind::StructType:
      out += static_cast<const StructTypeExpr*>(e)->fields.empty() ? "struct{}" : "struct{...}";
      return;
    case NodeKind::InterfaceType:
      out += static_cast<const InterfaceTypeExpr*>(e)->methods.empty() ? "interface{}" : "interface{...}";
      return;
    GOL_CASES(GOL_EXPR_KINDS) GOL_CASES(GOL_STMT_KINDS) GOL_CASES(GOL_DECL_KINDS) return;
  }
}

void Printer::expr1(const Expr* e, int prec1, int depth) {
  if (!e) return;
  switch (e->kind) {
    case NodeKind::Ident: out += static_cast<const Ident*>(e)->name; return;
    case NodeKind::BasicLit: out += static_cast<const BasicLit*>(e)->raw; return;
    case NodeKind::Binary: return binary(static_cast<const BinaryExpr*>(e), prec1, depth < 1 ? 1 : depth);
    case NodeKind::KeyValue: {
      auto* kv = static_cast<const KeyValueExpr*>(e);
      expr(kv->key);
      out += ": ";
      return expr(kv->val);
    }
    case NodeKind::Star:
      out += "*";
      return expr1(static_cast<const StarExpr*>(e)->x, kUnaryPrec, depth);
    case NodeKind::Unary: {
      auto* u = static_cast<const UnaryExpr*>(e);
      if (kUnaryPrec < prec1) {
        out += "(";
        expr(u);
        out += ")";
        return;
      }
      out += tokString(u->op);
      return expr1(u->x, kUnaryPrec, depth);
    }
    case NodeKind::FuncLit:
      typeExpr(static_cast<const FuncLit*>(e)->sig);
      out += " {...}";
      return;
    case NodeKind::Paren: {
      auto* p = static_cast<const ParenExpr*>(e);
      if (p->x->kind == NodeKind::Paren) return expr(p->x, depth);
      out += "(";
      expr(p->x, depth > 1 ? depth - 1 : depth);
      out += ")";
      return;
    }
    case NodeKind::Selector: {
      auto* s = static_cast<const SelectorExpr*>(e);
      expr1(s->x, kHighestPrec, depth);
      out += "." + s->sel->name;
      return;
    }
    case NodeKind::TypeAssert: {
      auto* t = static_cast<const TypeAssertExpr*>(e);
      expr1(t->x, kHighestPrec, depth);
      out += ".(";
      if (t->typeExpr) expr(t->typeExpr);
      else out += "type";
      out += ")";
      return;
    }
    case NodeKind::Index: {
      auto* i = static_cast<const IndexExpr*>(e);
      expr1(i->x, kHighestPrec, 1);
      out += "[";
      expr(i->index, depth + 1);
      out += "]";
      return;
    }
    case NodeKind::Slice: return slice(static_cast<const SliceExpr*>(e), depth);
    case NodeKind::Call: return call(static_cast<const CallExpr*>(e), depth);
    case NodeKind::CompositeLit: {
      auto* c = static_cast<const CompositeLit*>(e);
      expr1(c->typeExpr, kHighestPrec, depth);
      out += "{";
      list(c->elts, 1);
      out += "}";
      return;
    }
    GOL_CASES(GOL_TYPE_KINDS) return typeExpr(e);
    GOL_CASES(GOL_STMT_KINDS) GOL_CASES(GOL_DECL_KINDS) return;
  }
}

}  // namespace

std::string exprText(const Expr* e) {
  Printer p;
  p.expr(e);
  return p.out;
}

}  // namespace gol::vet
