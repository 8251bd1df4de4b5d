// Debug dumps: the token stream after semicolon insertion, and the AST as an indented tree.
#include <fmt/format.h>

#include "syntax/parser.h"
#include "syntax/token_source.h"

namespace gol::syntax {

using namespace gol::ast;

std::string dumpTokens(FileId file) {
  const SourceFile& sf = SourceTable::global().file(file);
  Diagnostics ignored;
  SourceStream input(sf.text, sf.base, ignored);
  SemicolonTokenSource src(input, sf.text, sf.base, ignored);
  const antlr4::dfa::Vocabulary& vocab = gol_antlr::GolLexer(&input).getVocabulary();
  std::string out;
  for (;;) {
    std::unique_ptr<antlr4::Token> t = src.nextToken();
    Position p = SourceTable::global().decode(sf.base + src.offset(t->getStartIndex()));
    bool eof = t->getType() == antlr4::Token::EOF;
    std::string text = eof ? "" : t->getText();
    if (t->getType() == gol_antlr::GolLexer::SEMI && text == kNewlineSemi) text = "newline";
    out += fmt::format("{}:{} {} {}\n", p.line, p.col, eof ? "EOF" : std::string(vocab.getSymbolicName(t->getType())), text);
    if (eof) break;
  }
  return out;
}

namespace {

class Dumper {
 public:
  std::string out;

  void file(const File* f) {
    line(0, f->isScript() ? "File script" : "File package " + f->package->name);
    for (const Decl* d : f->decls) node(1, d);
    for (const Stmt* s : f->script) node(1, s);
  }

 private:
  void line(int depth, const std::string& s) { out += std::string(depth * 2, ' ') + s + "\n"; }
  static std::string at(Pos p) {
    Position pos = SourceTable::global().decode(p);
    return fmt::format(" @{}:{}", pos.line, pos.col);
  }
  void list(int d, const char* label, const ExprList& xs) {
    if (xs.empty()) return;
    line(d, label);
    for (const Expr* x : xs) node(d + 1, x);
  }
  void stmts(int d, const char* label, const StmtList& xs) {
    line(d, label);
    for (const Stmt* s : xs) node(d + 1, s);
  }
  void opt(int d, const char* label, const Node* n) {
    if (!n) return;
    line(d, label);
    node(d + 1, n);
  }
  void fields(int d, const char* label, const FieldList& fs) {
    if (fs.empty()) return;
    line(d, label);
    for (const Field& f : fs) field(d + 1, f);
  }
  void field(int d, const Field& f) {
    std::string names;
    for (const Ident* n : f.names) names += (names.empty() ? "" : ",") + n->name;
    line(d, "Field " + names + (f.embedded ? " embedded" : "") + (f.tag.empty() ? "" : " tag=" + f.tag));
    node(d + 1, f.typeExpr);
  }

  void node(int d, const Node* n);
  void expr(int d, const Node* n);
  void stmt(int d, const Node* n);
  void decl(int d, const Node* n);
};

void Dumper::node(int d, const Node* n) {
  if (!n) return line(d, "<nil>");
  if (n->kind <= NodeKind::Ellipsis) return expr(d, n);
  if (n->kind <= NodeKind::Range) return stmt(d, n);
  decl(d, n);
}

// Deeper levels are elided: the dump of a pathological tree (15,000 chained terms) would need a
// deep recursion and quadratic indentation, and nobody reads it past this.
constexpr int kMaxDumpDepth = 500;

void Dumper::expr(int d, const Node* n) {
  if (d > kMaxDumpDepth) return line(d, "…");
  switch (n->kind) {
    case NodeKind::Ident: return line(d, "Ident " + static_cast<const Ident*>(n)->name + at(n->pos));
    case NodeKind::BasicLit: return line(d, "BasicLit " + static_cast<const BasicLit*>(n)->raw + at(n->pos));
    case NodeKind::CompositeLit: {
      auto* c = static_cast<const CompositeLit*>(n);
      line(d, "CompositeLit" + at(n->pos));
      opt(d + 1, "type:", c->typeExpr);
      return list(d + 1, "elts:", c->elts);
    }
    case NodeKind::FuncLit: {
      auto* f = static_cast<const FuncLit*>(n);
      line(d, "FuncLit" + at(n->pos));
      node(d + 1, f->sig);
      return node(d + 1, f->body);
    }
    case NodeKind::Paren: line(d, "Paren" + at(n->pos)); return node(d + 1, static_cast<const ParenExpr*>(n)->x);
    case NodeKind::Selector: {
      auto* s = static_cast<const SelectorExpr*>(n);
      line(d, "Selector ." + s->sel->name + at(n->pos));
      return node(d + 1, s->x);
    }
    case NodeKind::Index: {
      auto* i = static_cast<const IndexExpr*>(n);
      line(d, "Index" + at(n->pos));
      node(d + 1, i->x);
      return node(d + 1, i->index);
    }
    case NodeKind::Slice: {
      auto* s = static_cast<const SliceExpr*>(n);
      line(d, std::string("Slice") + (s->slice3 ? "3" : "") + at(n->pos));
      node(d + 1, s->x);
      opt(d + 1, "lo:", s->lo);
      opt(d + 1, "hi:", s->hi);
      return opt(d + 1, "max:", s->max);
    }
    case NodeKind::TypeAssert: {
      auto* t = static_cast<const TypeAssertExpr*>(n);
      line(d, std::string("TypeAssert") + (t->typeExpr ? "" : " (type)") + at(n->pos));
      node(d + 1, t->x);
      return opt(d + 1, "type:", t->typeExpr);
    }
    case NodeKind::Call: {
      auto* c = static_cast<const CallExpr*>(n);
      line(d, std::string("Call") + (c->hasEllipsis ? " ..." : "") + at(n->pos));
      node(d + 1, c->fun);
      return list(d + 1, "args:", c->args);
    }
    case NodeKind::Star: line(d, "Star" + at(n->pos)); return node(d + 1, static_cast<const StarExpr*>(n)->x);
    case NodeKind::Unary: {
      auto* u = static_cast<const UnaryExpr*>(n);
      line(d, std::string("Unary ") + tokString(u->op) + at(n->pos));
      return node(d + 1, u->x);
    }
    case NodeKind::Binary: {
      auto* b = static_cast<const BinaryExpr*>(n);
      line(d, std::string("Binary ") + tokString(b->op) + at(n->pos));
      node(d + 1, b->x);
      return node(d + 1, b->y);
    }
    case NodeKind::KeyValue: {
      auto* kv = static_cast<const KeyValueExpr*>(n);
      line(d, "KeyValue" + at(n->pos));
      node(d + 1, kv->key);
      return node(d + 1, kv->val);
    }
    case NodeKind::ArrayType: {
      auto* a = static_cast<const ArrayTypeExpr*>(n);
      line(d, std::string(a->len ? "ArrayType" : "SliceType") + at(n->pos));
      opt(d + 1, "len:", a->len);
      return node(d + 1, a->elem);
    }
    case NodeKind::StructType:
      line(d, "StructType" + at(n->pos));
      return fields(d + 1, "fields:", static_cast<const StructTypeExpr*>(n)->fields);
    case NodeKind::FuncType: {
      auto* f = static_cast<const FuncTypeExpr*>(n);
      line(d, "FuncType" + at(n->pos));
      fields(d + 1, "params:", f->params);
      return fields(d + 1, "results:", f->results);
    }
    case NodeKind::InterfaceType: {
      auto* it = static_cast<const InterfaceTypeExpr*>(n);
      line(d, "InterfaceType" + at(n->pos));
      for (auto& m : it->methods) {
        line(d + 1, "Method " + m.name->name);
        node(d + 2, m.sig);
      }
      return list(d + 1, "embeds:", it->embeds);
    }
    case NodeKind::MapType: {
      auto* m = static_cast<const MapTypeExpr*>(n);
      line(d, "MapType" + at(n->pos));
      node(d + 1, m->key);
      return node(d + 1, m->val);
    }
    case NodeKind::ChanType: {
      auto* c = static_cast<const ChanTypeExpr*>(n);
      line(d, std::string("ChanType ") + (c->dir == ChanDir::Both ? "both" : c->dir == ChanDir::Send ? "send" : "recv") + at(n->pos));
      return node(d + 1, c->elem);
    }
    default:
      line(d, "Ellipsis" + at(n->pos));
      if (auto* e = static_cast<const EllipsisExpr*>(n)->elem) node(d + 1, e);
  }
}

void Dumper::stmt(int d, const Node* n) {
  if (d > kMaxDumpDepth) return line(d, "…");
  switch (n->kind) {
    case NodeKind::DeclStmt: return node(d, static_cast<const DeclStmt*>(n)->decl);
    case NodeKind::EmptyStmt: return line(d, "Empty" + at(n->pos));
    case NodeKind::LabeledStmt: {
      auto* l = static_cast<const LabeledStmt*>(n);
      line(d, "Labeled " + l->label->name + at(n->pos));
      return node(d + 1, l->stmt);
    }
    case NodeKind::ExprStmt: line(d, "ExprStmt" + at(n->pos)); return node(d + 1, static_cast<const ExprStmt*>(n)->x);
    case NodeKind::SendStmt: {
      auto* s = static_cast<const SendStmt*>(n);
      line(d, "Send" + at(n->pos));
      node(d + 1, s->chan);
      return node(d + 1, s->val);
    }
    case NodeKind::IncDecStmt: {
      auto* s = static_cast<const IncDecStmt*>(n);
      line(d, std::string(s->inc ? "Inc" : "Dec") + at(n->pos));
      return node(d + 1, s->x);
    }
    case NodeKind::AssignStmt: {
      auto* a = static_cast<const AssignStmt*>(n);
      line(d, std::string("Assign ") + tokString(a->op) + at(n->pos));
      list(d + 1, "lhs:", a->lhs);
      return list(d + 1, "rhs:", a->rhs);
    }
    case NodeKind::GoStmt: line(d, "Go" + at(n->pos)); return node(d + 1, static_cast<const GoStmt*>(n)->call);
    case NodeKind::DeferStmt: line(d, "Defer" + at(n->pos)); return node(d + 1, static_cast<const DeferStmt*>(n)->call);
    case NodeKind::ReturnStmt: line(d, "Return" + at(n->pos)); return list(d + 1, "results:", static_cast<const ReturnStmt*>(n)->results);
    case NodeKind::BranchStmt: {
      auto* b = static_cast<const BranchStmt*>(n);
      return line(d, std::string("Branch ") + tokString(b->tok) + (b->label ? " " + b->label->name : "") + at(n->pos));
    }
    case NodeKind::Block: {
      auto* b = static_cast<const BlockStmt*>(n);
      line(d, "Block" + at(n->pos) + " rbrace" + at(b->rbrace));
      for (const Stmt* s : b->stmts) node(d + 1, s);
      return;
    }
    case NodeKind::If: {
      auto* s = static_cast<const IfStmt*>(n);
      line(d, "If" + at(n->pos));
      opt(d + 1, "init:", s->init);
      opt(d + 1, "cond:", s->cond);
      node(d + 1, s->then);
      return opt(d + 1, "else:", s->els);
    }
    case NodeKind::CaseClause: {
      auto* c = static_cast<const CaseClause*>(n);
      line(d, std::string(c->isDefault ? "Default" : "Case") + at(n->pos));
      list(d + 1, "list:", c->list);
      return stmts(d + 1, "body:", c->body);
    }
    case NodeKind::Switch: {
      auto* s = static_cast<const SwitchStmt*>(n);
      line(d, "Switch" + at(n->pos));
      opt(d + 1, "init:", s->init);
      opt(d + 1, "tag:", s->tag);
      for (const CaseClause* c : s->clauses) node(d + 1, c);
      return;
    }
    case NodeKind::TypeSwitch: {
      auto* s = static_cast<const TypeSwitchStmt*>(n);
      line(d, "TypeSwitch" + (s->bind ? " " + s->bind->name : std::string()) + at(n->pos));
      opt(d + 1, "init:", s->init);
      opt(d + 1, "x:", s->x);
      for (const CaseClause* c : s->clauses) node(d + 1, c);
      return;
    }
    case NodeKind::CommClause: {
      auto* c = static_cast<const CommClause*>(n);
      line(d, std::string(c->comm ? "CommCase" : "CommDefault") + at(n->pos));
      opt(d + 1, "comm:", c->comm);
      return stmts(d + 1, "body:", c->body);
    }
    case NodeKind::Select:
      line(d, "Select" + at(n->pos));
      for (const CommClause* c : static_cast<const SelectStmt*>(n)->clauses) node(d + 1, c);
      return;
    case NodeKind::For: {
      auto* f = static_cast<const ForStmt*>(n);
      line(d, "For" + at(n->pos));
      opt(d + 1, "init:", f->init);
      opt(d + 1, "cond:", f->cond);
      opt(d + 1, "post:", f->post);
      return node(d + 1, f->body);
    }
    default: {
      auto* r = static_cast<const RangeStmt*>(n);
      line(d, std::string("Range ") + tokString(r->tok) + at(n->pos));
      opt(d + 1, "key:", r->key);
      opt(d + 1, "value:", r->value);
      opt(d + 1, "x:", r->x);
      return node(d + 1, r->body);
    }
  }
}

void Dumper::decl(int d, const Node* n) {
  switch (n->kind) {
    case NodeKind::ImportSpec: {
      auto* s = static_cast<const ImportSpec*>(n);
      return line(d, "Import " + (s->name ? s->name->name + " " : "") + "\"" + s->path + "\"" + at(n->pos));
    }
    case NodeKind::ValueSpec: {
      auto* s = static_cast<const ValueSpec*>(n);
      std::string names;
      for (const Ident* i : s->names) names += (names.empty() ? "" : ",") + i->name;
      line(d, "ValueSpec " + names + " iota=" + std::to_string(s->iota) + at(n->pos));
      opt(d + 1, "type:", s->typeExpr);
      return list(d + 1, "values:", s->values);
    }
    case NodeKind::TypeSpec: {
      auto* s = static_cast<const TypeSpec*>(n);
      line(d, "TypeSpec " + s->name->name + (s->alias ? " alias" : "") + at(n->pos));
      return node(d + 1, s->typeExpr);
    }
    case NodeKind::GenDecl: {
      auto* g = static_cast<const GenDecl*>(n);
      line(d, std::string("GenDecl ") + tokString(g->tok) + at(n->pos));
      for (const Spec* s : g->specs) node(d + 1, s);
      return;
    }
    default: {
      auto* f = static_cast<const FuncDecl*>(n);
      line(d, "FuncDecl " + f->name->name + at(n->pos));
      if (f->recv) {
        line(d + 1, "recv:");
        field(d + 2, *f->recv);
      }
      node(d + 1, f->sig);
      if (f->body) node(d + 1, f->body);
    }
  }
}

}  // namespace

std::string dumpAst(const File* f) {
  if (!f) return "<nil>\n";
  Dumper d;
  d.file(f);
  return d.out;
}

}  // namespace gol::syntax
