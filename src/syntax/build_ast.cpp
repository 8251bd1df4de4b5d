// AST builder, part 1: files, declarations and type expressions (see build_ast.h).
#include "syntax/build_ast.h"

namespace gol::syntax {

using namespace gol::ast;

std::string Builder::raw(antlr4::Token* t) const {
  uint32_t from = src_.offset(t->getStartIndex()), to = src_.offset(t->getStopIndex() + 1);
  return text_.substr(from, to - from);
}

Ident* Builder::ident(antlr4::tree::TerminalNode* n) { return arena_.make<Ident>(pos(n), raw(n->getSymbol())); }

ast::File* Builder::buildFile(P::SourceFileContext* c, FileId id, bool forceScript) {
  File* f = arena_.makeFile();
  f->fileId = id;
  f->pos = base_;
  if (auto* pc = c->packageClause()) {
    if (forceScript) error(pos(pc), "syntax error: package clause not allowed here");
    else f->package = ident(pc->IDENT());
  }
  bool sawDecl = false;
  for (auto* item : c->topList()->topItem()) buildTop(f, item, sawDecl);
  for (TypeAssertExpr* g : looseTypeGuards_) error(g->pos, "use of .(type) outside type switch");
  return f;
}

// Script: funcs, types and imports to decls, other statements (incl. var/const) to script in order.
// Package: declarations only.
void Builder::buildTop(File* f, P::TopItemContext* c, bool& sawDecl) {
  if (auto* fc = dynamic_cast<P::TopFuncContext*>(c)) {
    f->decls.push_back(buildFuncDecl(fc->funcDecl()));
    sawDecl = true;
    return;
  }
  if (auto* ic = dynamic_cast<P::TopImportContext*>(c)) {
    GenDecl* d = buildImportDecl(ic->importDecl());
    if (sawDecl && !f->isScript()) error(d->pos, "syntax error: imports must appear before other declarations");
    for (Spec* s : d->specs) f->imports.push_back(static_cast<ImportSpec*>(s));
    f->decls.push_back(d);
    return;
  }
  sawDecl = true;
  Stmt* s = buildStmt(static_cast<P::TopStmtContext*>(c)->statement());
  if (!s) return;
  auto* ds = s->kind == NodeKind::DeclStmt ? static_cast<DeclStmt*>(s) : nullptr;
  if (!f->isScript()) {
    if (ds) f->decls.push_back(ds->decl);
    else error(s->pos, "syntax error: non-declaration statement outside function body");
    return;
  }
  if (ds && ds->decl->tok == Tok::Type) f->decls.push_back(ds->decl);
  else f->script.push_back(s);
}

FuncDecl* Builder::buildFuncDecl(P::FuncDeclContext* c) {
  auto* d = arena_.make<FuncDecl>(pos(c->FUNC()));
  if (c->receiver) {
    FieldList recv = buildParams(c->receiver);
    if (recv.size() != 1 || recv[0].names.size() > 1) error(pos(c->receiver), "method has multiple receivers");
    if (recv.empty()) error(pos(c->receiver), "method has no receiver");
    else {
      d->recv = arena_.makeField();
      *d->recv = recv[0];
    }
  }
  d->name = ident(c->IDENT());
  if (c->typeParams()) error(pos(c->typeParams()), "not supported by gol: generics");
  d->sig = buildSignature(c->declSignature(), pos(c->FUNC()));
  if (c->block()) d->body = buildBlock(c->block());
  return d;
}

GenDecl* Builder::buildImportDecl(P::ImportDeclContext* c) {
  auto* d = arena_.make<GenDecl>(pos(c->IMPORT()), Tok::Import);
  for (auto* s : c->importSpec()) {
    Ident* name = s->IDENT() ? ident(s->IDENT()) : s->PERIOD() ? arena_.make<Ident>(pos(s->PERIOD()), ".") : nullptr;
    auto* lit = s->STRING_LIT() ? s->STRING_LIT() : s->RAW_STRING_LIT();
    std::string path = raw(lit->getSymbol());
    path = path.size() >= 2 ? path.substr(1, path.size() - 2) : std::string();  // escapes are rare in paths
    d->specs.push_back(arena_.make<ImportSpec>(pos(s), name, path));
  }
  return d;
}

GenDecl* Builder::buildDeclaration(P::DeclarationContext* c) {
  if (auto* cc = c->constDecl()) {
    auto* d = arena_.make<GenDecl>(pos(cc->CONST()), Tok::Const);
    int iota = 0;
    for (auto* s : cc->constSpec()) d->specs.push_back(buildConstSpec(s, iota++));
    return d;
  }
  if (auto* vc = c->varDecl()) {
    auto* d = arena_.make<GenDecl>(pos(vc->VAR()), Tok::Var);
    for (auto* s : vc->varSpec()) d->specs.push_back(buildVarSpec(s));
    return d;
  }
  auto* tc = c->typeDecl();
  auto* d = arena_.make<GenDecl>(pos(tc->TYPE()), Tok::Type);
  for (auto* s : tc->typeSpec()) d->specs.push_back(buildTypeSpec(s));
  return d;
}

std::vector<Ident*> Builder::buildIdents(P::IdentListContext* c) {
  std::vector<Ident*> out;
  for (auto* n : c->IDENT()) out.push_back(ident(n));
  return out;
}

ValueSpec* Builder::buildConstSpec(P::ConstSpecContext* c, int iota) {
  auto* s = arena_.make<ValueSpec>(pos(c));
  s->names = buildIdents(c->identList());
  s->iota = iota;
  if (c->type_()) s->typeExpr = buildType(c->type_());
  if (c->expressionList()) s->values = buildExprList(c->expressionList());
  if (iota == 0 && s->values.empty()) error(pos(c), "missing init expr for const declaration");
  return s;
}

ValueSpec* Builder::buildVarSpec(P::VarSpecContext* c) {
  auto* s = arena_.make<ValueSpec>(pos(c));
  s->names = buildIdents(c->identList());
  if (c->type_()) s->typeExpr = buildType(c->type_());
  if (c->expressionList()) s->values = buildExprList(c->expressionList());
  return s;
}

TypeSpec* Builder::buildTypeSpec(P::TypeSpecContext* c) {
  if (c->typeParams()) error(pos(c->typeParams()), "not supported by gol: generics");
  return arena_.make<TypeSpec>(pos(c), ident(c->IDENT()), c->ASSIGN() != nullptr, buildType(c->type_()));
}

// ---------------------------------------------------------------- types

Expr* Builder::buildType(P::Type_Context* c) {
  if (auto* n = dynamic_cast<P::NamedTypeContext*>(c)) return buildTypeName(n->typeName());
  if (auto* l = dynamic_cast<P::LiteralTypeContext*>(c)) return buildTypeLit(l->typeLit());
  auto* p = static_cast<P::ParenTypeContext*>(c);
  return arena_.make<ParenExpr>(pos(p->LPAREN()), buildType(p->type_()));
}

Expr* Builder::buildTypeName(P::TypeNameContext* c) {
  if (c->IDENT()) return ident(c->IDENT());
  return qualified(c->QUAL_IDENT()->getSymbol());
}

// A `pkg.Name` token becomes the SelectorExpr the rest of gol expects.
Expr* Builder::qualified(antlr4::Token* t) {
  std::string text = raw(t);
  size_t dot = text.find('.');
  Pos p = pos(t);
  Ident* x = arena_.make<Ident>(p, text.substr(0, dot));
  Ident* sel = arena_.make<Ident>(p + static_cast<Pos>(dot + 1), text.substr(dot + 1));
  return arena_.make<SelectorExpr>(p, x, sel);
}

Expr* Builder::buildTypeLit(P::TypeLitContext* c) {
  if (auto* a = c->arrayType()) return buildArrayType(a);
  if (auto* s = c->structType()) return buildStructType(s);
  if (auto* p = c->pointerType()) return arena_.make<StarExpr>(pos(p->MUL()), buildType(p->type_()));
  if (auto* f = c->funcType()) return buildSignature(f->signature(), pos(f->FUNC()));
  if (auto* i = c->interfaceType()) return buildInterfaceType(i);
  if (auto* m = c->mapType()) return buildMapType(m);
  if (auto* ch = c->chanType()) return buildChanType(ch);
  auto* r = c->recvChanType();
  return arena_.make<ChanTypeExpr>(pos(r->ARROW()), ChanDir::Recv, buildType(r->type_()));
}

Expr* Builder::buildArrayType(P::ArrayTypeContext* c) {
  Expr* len = nullptr;
  if (c->expression()) len = buildExpr(c->expression());
  else if (c->ELLIPSIS()) len = arena_.make<EllipsisExpr>(pos(c->ELLIPSIS()), nullptr);
  return arena_.make<ArrayTypeExpr>(pos(c->LBRACK()), len, buildType(c->type_()));
}

Expr* Builder::buildStructType(P::StructTypeContext* c) {
  auto* st = arena_.make<StructTypeExpr>(pos(c->STRUCT()));
  for (auto* fd : c->fieldDecl()) {
    Field f;
    f.pos = pos(fd);
    if (auto* e = fd->embeddedField()) {
      f.embedded = true;
      f.typeExpr = buildTypeName(e->typeName());
      if (e->MUL()) f.typeExpr = arena_.make<StarExpr>(pos(e->MUL()), f.typeExpr);
    } else {
      f.names = buildIdents(fd->identList());
      f.typeExpr = buildType(fd->type_());
    }
    if (fd->tag) f.tag = raw(fd->tag);
    st->fields.push_back(std::move(f));
  }
  return st;
}

Expr* Builder::buildInterfaceType(P::InterfaceTypeContext* c) {
  auto* it = arena_.make<InterfaceTypeExpr>(pos(c->INTERFACE()));
  for (auto* e : c->interfaceElem()) {
    if (auto* m = dynamic_cast<P::InterfaceMethodContext*>(e)) {
      Ident* name = ident(m->IDENT());
      it->methods.push_back({name, buildSignature(m->declSignature(), name->pos)});
      continue;
    }
    auto elems = static_cast<P::InterfaceEmbedContext*>(e)->typeElem();
    if (elems.size() != 1 || elems[0]->TILDE()) {
      error(pos(e), "not supported by gol: generics (type constraints)");
      continue;
    }
    it->embeds.push_back(buildType(elems[0]->type_()));
  }
  return it;
}

Expr* Builder::buildMapType(P::MapTypeContext* c) {
  return arena_.make<MapTypeExpr>(pos(c->MAP()), buildType(c->type_(0)), buildType(c->type_(1)));
}

Expr* Builder::buildChanType(P::ChanTypeContext* c) {
  if (auto* s = dynamic_cast<P::SendChanContext*>(c))
    return arena_.make<ChanTypeExpr>(pos(s->CHAN()), ChanDir::Send, buildType(s->type_()));
  auto* b = static_cast<P::BothChanContext*>(c);
  return arena_.make<ChanTypeExpr>(pos(b->CHAN()), ChanDir::Both, buildType(b->type_()));
}

FuncTypeExpr* Builder::buildSignature(antlr4::ParserRuleContext* c, Pos p) {
  auto* ft = arena_.make<FuncTypeExpr>(p);
  ft->params = buildParams(static_cast<P::ParametersContext*>(c->children[0]));
  if (c->children.size() > 1) {
    auto* r = static_cast<P::ResultContext*>(c->children[1]);
    if (r->parameters()) {
      ft->results = buildParams(r->parameters());
    } else {
      Field f;
      f.typeExpr = buildType(r->type_());
      f.pos = f.typeExpr->pos;
      ft->results.push_back(std::move(f));
    }
  }
  for (size_t i = 0; i < ft->results.size(); i++)
    if (ft->results[i].typeExpr && ft->results[i].typeExpr->kind == NodeKind::Ellipsis)
      error(ft->results[i].typeExpr->pos, "syntax error: cannot use ... in result list");
  for (size_t i = 0; i + 1 < ft->params.size(); i++)
    if (ft->params[i].typeExpr && ft->params[i].typeExpr->kind == NodeKind::Ellipsis)
      error(ft->params[i].typeExpr->pos, "can only use ... with final parameter in list");
  return ft;
}

// Go's regrouping: in `(a, b int, c string)` the lone `a` is a name sharing b's type. If no entry
// has a name, all entries are types.
FieldList Builder::buildParams(P::ParametersContext* c) {
  auto decls = c->parameterDecl();
  bool named = false;
  for (auto* d : decls) named = named || d->IDENT() != nullptr;
  FieldList out;
  std::vector<Ident*> pending;
  for (auto* d : decls) {
    Expr* type = buildType(d->type_());
    if (d->ELLIPSIS()) type = arena_.make<EllipsisExpr>(pos(d->ELLIPSIS()), type);
    if (!named) {
      Field f;
      f.typeExpr = type;
      f.pos = pos(d);
      out.push_back(std::move(f));
      continue;
    }
    if (!d->IDENT()) {
      if (type->kind == NodeKind::Ident) pending.push_back(static_cast<Ident*>(type));
      else error(type->pos, "syntax error: mixed named and unnamed parameters");
      continue;
    }
    pending.push_back(ident(d->IDENT()));
    Field f;
    f.names = std::move(pending);
    pending.clear();
    f.typeExpr = type;
    f.pos = f.names[0]->pos;
    out.push_back(std::move(f));
  }
  if (!pending.empty()) error(pending.back()->pos, "syntax error: mixed named and unnamed parameters");
  return out;
}

}  // namespace gol::syntax
