// Compiling expressions: constants, identifiers, selectors (fields through embedding, method
// values), index and slice expressions, unary/binary operators, composite literals, function
// literals (closures) and type assertions. Calls are in compile_call.cpp.
#include <cstdio>

#include "interp/compiler.h"
#include "interp/shared_access.h"
#include "interp/nodes_arith.h"
#include "interp/nodes_composite.h"

namespace gol::interp {

using ast::NodeKind;
using ast::Tok;

const Type* defaultType(const Type* t) {
  if (!t) return t;
  auto& tt = TypeTable::get();
  switch (t->kind) {
    case Kind::UntypedBool: return tt.basic(Kind::Bool);
    case Kind::UntypedInt: return tt.basic(Kind::Int);
    case Kind::UntypedRune: return tt.basic(Kind::Int32);
    case Kind::UntypedFloat: return tt.basic(Kind::Float64);
    case Kind::UntypedString: return tt.basic(Kind::String);
    default: return t;
  }
}

ast::Expr* unparen(ast::Expr* e) {
  while (e && e->kind == NodeKind::Paren) e = static_cast<ast::ParenExpr*>(e)->x;
  return e;
}

// Expressions whose struct/array value is a new object nobody else holds: no copy needed.
bool isFresh(ast::Expr* e) {
  e = unparen(e);
  if (!e) return true;
  if (e->kind == NodeKind::CompositeLit) return true;
  if (e->kind == NodeKind::Call) {
    auto* c = static_cast<ast::CallExpr*>(e);
    return !c->info || c->info->kind != CallKind::Conversion;
  }
  return false;
}

Expr* copyIfNeeded(Expr* n, ast::Expr* src, const Type* t) {
  if (t && isObj(t) && !isFresh(src)) return new CopyNode(n, t);
  return n;
}

Value normalize(Kind k, Value v) {
  switch (k) {
    case Kind::Int8: v.i = static_cast<int8_t>(v.i); break;
    case Kind::Int16: v.i = static_cast<int16_t>(v.i); break;
    case Kind::Int32: v.i = static_cast<int32_t>(v.i); break;
    case Kind::Uint8: v.u = static_cast<uint8_t>(v.u); break;
    case Kind::Uint16: v.u = static_cast<uint16_t>(v.u); break;
    case Kind::Uint32: v.u = static_cast<uint32_t>(v.u); break;
    case Kind::Float32: v.f = static_cast<double>(static_cast<float>(v.f)); break;
    default: break;
  }
  return v;
}

// ---------------------------------------------------------------- constants

Expr* Compiler::constant(const ConstValue* cv, const Type* t, Pos pos) {
  t = defaultType(t);
  const Type* u = t ? t->underlying() : nullptr;
  Value v;
  bool box = false;
  if (!u || u->kind == Kind::Interface) {
    // constant flowing into an interface: give it its default type and box it
    auto& tt = TypeTable::get();
    switch (cv->kind) {
      case ConstValue::Kind::Bool: u = t = tt.basic(Kind::Bool); break;
      case ConstValue::Kind::String: u = t = tt.basic(Kind::String); break;
      case ConstValue::Kind::Int: u = t = tt.basic(Kind::Int); break;
      case ConstValue::Kind::Float: u = t = tt.basic(Kind::Float64); break;
      case ConstValue::Kind::Complex: u = t = tt.basic(Kind::Complex128); break;
      default: compilerBug(pos, "a constant of no known kind");
    }
    box = true;
  }
  switch (u->kind) {
    case Kind::Bool: v = Value::B(cv->b); break;
    case Kind::String: v = makeStaticString(cv->s); break;
    case Kind::Float32: v = Value::F(cv->toFloat32()); break;
    case Kind::Float64: v = Value::F(cv->toFloat64()); break;
    case Kind::Complex64: case Kind::Complex128: {  // parts already rounded by the checker
      v = rt::makeComplex(cv->realPart(), cv->imagPart());
      if (v.p) rt::pin(v.p);  // a constant: never collected
      break;
    }
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr:
      v = Value::U(cv->kind == ConstValue::Kind::Float ? static_cast<uint64_t>(cv->toFloat64()) : cv->toUint64());
      v = normalize(u->kind, v);
      break;
    default:
      if (cv->kind == ConstValue::Kind::Bool) v = Value::B(cv->b);
      else if (cv->kind == ConstValue::Kind::String) v = makeStaticString(cv->s);
      else if (cv->kind == ConstValue::Kind::Float && !isInteger(u)) v = Value::F(cv->toFloat64());
      else v = Value::I(cv->toInt64());
      v = normalize(u->kind, v);
      break;
  }
  Expr* n = new ConstNode(v);
  n->pos = pos;
  if (box) n = new BoxNode(n, t);
  return n;
}

// ---------------------------------------------------------------- conversions for assignment

Expr* Compiler::convertNode(Expr* n, const Type* from, const Type* to) {
  if (!to || !from) return n;
  if (isInterface(to) && !isInterface(from)) {
    if (from->kind == Kind::UntypedNil) return n;
    if (auto* c = dynamic_cast<BoxNode*>(n)) return c;  // already boxed (constant)
    return new BoxNode(n, defaultType(from));
  }
  return n;
}

Expr* Compiler::exprAs(ast::Expr* e, const Type* target) {
  Expr* n = expr(e);
  if (!target) return n;
  if (isInterface(target) && e->type && !isInterface(e->type)) return convertNode(n, e->type, target);
  return copyIfNeeded(n, e, target);
}

// ---------------------------------------------------------------- identifiers

Expr* Compiler::loadSym(Symbol* s, Pos pos) {
  Expr* n;
  if (s->global) n = new GlobalLoad(&globals()[s->index]);
  else if (s->boxed) n = new CellLoad(s->index);
  else n = new LocalLoad(s->index);
  n->pos = pos;
  return n;
}

Expr* Compiler::identExpr(ast::Ident* id) {
  Symbol* s = id->sym;
  if (id->value) return constant(id->value, id->type, id->pos);
  if (!s || s->kind == SymKind::Nil || id->mode == ast::ExprMode::Nil) return new ConstNode(Value());
  switch (s->kind) {
    case SymKind::Const: return constant(s->value, id->type ? id->type : s->type, id->pos);
    case SymKind::Func: return new MakeFuncNode(funcForDecl(s->decl));
    case SymKind::Var: {
      Expr* n = nullptr;
      if (VarRef* r = id->ref) {
        switch (r->kind) {
          case RefKind::Local: n = r->boxed ? sharedLoad(new CellLoad(r->index)) : new LocalLoad(r->index); break;
          case RefKind::Global: n = sharedLoad(new GlobalLoad(&globals()[r->index])); break;
          case RefKind::Captured: n = sharedLoad(new CapLoad(r->index)); break;
        }
      } else {
        n = loadSym(s, id->pos);
      }
      n->pos = id->pos;
      return n;
    }
    default:
      compilerBug(id->pos, "the name " + id->name + " as a value");
  }
}

// ---------------------------------------------------------------- selectors

Expr* Compiler::fieldPath(Expr* x, const std::vector<int>& path, Pos pos) {
  for (int idx : path) {
    x = new FieldLoad(x, idx);
    x->pos = pos;
  }
  return x;
}

Expr* Compiler::selectorExpr(ast::SelectorExpr* e) {
  Selection* sel = e->selection;
  if (!sel) return identExpr(e->sel);
  switch (sel->kind) {
    case SelKind::PackageMember: return identExpr(e->sel);
    case SelKind::Field: return fieldPath(expr(e->x), sel->path, e->pos);
    case SelKind::Method: {
      Func* m = funcForDecl(sel->methodSym ? sel->methodSym->decl : sel->method->decl);
      return new MakeBoundNode(m, methodRecv(e));
    }
    case SelKind::InterfaceMethod: {
      auto* n = new IfaceMethodValueNode(expr(e->x), e->sel->name);
      n->pos = e->pos;
      return n;
    }
    case SelKind::MethodExpr: {
      if (!plainMethodExpr(sel)) {
        if (!e->x->type) compilerBug(e->pos, "a method expression without its receiver type");
        return new MakeFuncNode(methodExprThunk(e->x->type, e->sel->name));
      }
      Func* m = funcForDecl(sel->methodSym ? sel->methodSym->decl : sel->method->decl);
      return new MakeFuncNode(m);
    }
  }
  compilerBug(e->pos, "a selector of unknown kind");
}

// ---------------------------------------------------------------- index and slice

Expr* Compiler::indexExpr(ast::IndexExpr* e) {
  const Type* xt = e->x->type;
  const Type* u = xt->underlying();
  Expr* n = nullptr;
  switch (u->kind) {
    case Kind::Slice: {
      Expr* x = expr(e->x);
      Expr* i = expr(e->index);
      auto* lx = dynamic_cast<LocalLoad*>(x);
      auto* li = dynamic_cast<LocalLoad*>(i);
      n = lx && li ? static_cast<Expr*>(new IndexSliceLL(lx->slot, li->slot)) : new IndexSlice(x, i);
      break;
    }
    case Kind::Array: n = new IndexArray(expr(e->x), expr(e->index)); break;
    case Kind::Pointer: n = new IndexArray(expr(e->x), expr(e->index)); break;
    case Kind::String: case Kind::UntypedString: n = new IndexString(expr(e->x), expr(e->index)); break;
    case Kind::Map: n = new MapIndex(expr(e->x), exprAs(e->index, u->key), u->elem); break;
    default: compilerBug(e->pos, "an index into " + typeString(xt));
  }
  if (u->kind != Kind::String && u->kind != Kind::UntypedString) n = sharedLoad(n);
  n->pos = e->pos;
  return n;
}

Expr* Compiler::sliceExpr(ast::SliceExpr* e) {
  const Type* u = e->x->type->underlying();
  auto* n = new SliceNode();
  n->pos = e->pos;
  n->x = expr(e->x);
  n->lo = e->lo ? expr(e->lo) : nullptr;
  n->hi = e->hi ? expr(e->hi) : nullptr;
  n->max = e->max ? expr(e->max) : nullptr;
  switch (u->kind) {
    case Kind::String: case Kind::UntypedString: n->mode = SliceNode::Str; break;
    case Kind::Slice: n->mode = SliceNode::Slc; break;
    default: n->mode = SliceNode::Arr; break;
  }
  return n;
}

// ---------------------------------------------------------------- operators

Expr* Compiler::unaryExpr(ast::UnaryExpr* e) {
  const Type* t = e->type;
  switch (e->op) {
    case Tok::Add: return expr(e->x);
    case Tok::Sub: {
      Expr* x = expr(e->x);
      if (isFloat(t)) return new NegFloat(x);
      if (isComplex(t)) return makeComplexNeg(x);
      return makeArith(Tok::Sub, t, new ConstNode(Value()), x, false);
    }
    case Tok::Xor: {
      Expr* x = expr(e->x);
      int bits = intBits(t);
      Value mask = Value::I(-1);
      if (isUnsigned(t) && bits < 64) mask = Value::U((uint64_t(1) << bits) - 1);
      return makeArith(Tok::Xor, t, x, new ConstNode(mask), false);
    }
    case Tok::Not: return new NotNode(expr(e->x));
    case Tok::And: return addressOf(e->x);
    case Tok::Arrow: {
      auto* n = new RecvNode(expr(e->x), e->x->type->underlying()->elem, false);
      n->pos = e->pos;
      return n;
    }
    default: return expr(e->x);
  }
}

Expr* Compiler::compareExpr(ast::BinaryExpr* e) {
  const Type* tx = e->x->type;
  const Type* ty = e->y->type;
  bool nilx = !tx || tx->kind == Kind::UntypedNil || e->x->mode == ast::ExprMode::Nil;
  bool nily = !ty || ty->kind == Kind::UntypedNil || e->y->mode == ast::ExprMode::Nil;
  Tok op = e->op;
  if (nilx || nily) {
    Expr* a = nilx ? expr(e->y) : expr(e->x);
    return makeCompare(op, TypeTable::get().basic(Kind::UnsafePointer), a, new ConstNode(Value()));
  }
  tx = defaultType(tx);
  ty = defaultType(ty);
  if (isInterface(tx) != isInterface(ty)) {
    const Type* it = isInterface(tx) ? tx : ty;
    Expr* a = exprAs(e->x, it);
    Expr* b = exprAs(e->y, it);
    return new EqualNode(a, b, it, op == Tok::Neq);
  }
  Expr* a = expr(e->x);
  Expr* b = expr(e->y);
  if (tx->ukind() == Kind::Pointer && !isObj(tx->underlying()->elem) && (op == Tok::Eql || op == Tok::Neq))
    return new PtrEqNode(a, b, op == Tok::Neq);  // PtrObj boxes: equal when they address the same word
  if (Expr* n = makeCompare(op, tx, a, b)) return n;
  return new EqualNode(a, b, tx, op == Tok::Neq);
}

Expr* Compiler::binaryExpr(ast::BinaryExpr* e) {
  switch (e->op) {
    case Tok::LAnd: return new AndAnd(expr(e->x), expr(e->y));
    case Tok::LOr: return new OrOr(expr(e->x), expr(e->y));
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq:
      return compareExpr(e);
    default: break;
  }
  const Type* t = defaultType(e->type);
  Expr* a = expr(e->x);
  Expr* b = expr(e->y);
  bool countSigned = e->y->type && !isUnsigned(e->y->type) && !isUntyped(e->y->type);
  Expr* n = makeArith(e->op, t, a, b, countSigned);
  if (!n) compilerBug(e->pos, std::string("operator ") + ast::tokString(e->op) + " on " + typeString(t));
  n->pos = e->pos;
  return n;
}

// ---------------------------------------------------------------- literals

Expr* Compiler::compositeLit(ast::CompositeLit* e) {
  const Type* t = e->type;
  const Type* u = t->underlying();
  if (u->kind == Kind::Pointer) {  // elided &T{...} inside another literal
    t = u->elem;
    u = t->underlying();
  }
  auto* n = new CompositeNode();
  n->pos = e->pos;
  n->type = t;
  for (size_t i = 0; i < e->elts.size(); i++) {
    ast::Expr* el = e->elts[i];
    ast::Expr* key = nullptr;
    if (el->kind == NodeKind::KeyValue) {
      key = static_cast<ast::KeyValueExpr*>(el)->key;
      el = static_cast<ast::KeyValueExpr*>(el)->val;
    }
    int64_t idx = i < e->indices.size() ? e->indices[i] : static_cast<int64_t>(i);
    switch (u->kind) {
      case Kind::Struct:
        n->idx.push_back(idx);
        n->vals.push_back(exprAs(el, u->fields[idx].type));
        break;
      case Kind::Array: case Kind::Slice:
        n->idx.push_back(idx);
        n->vals.push_back(exprAs(el, u->elem));
        break;
      case Kind::Map:
        n->keys.push_back(exprAs(key, u->key));
        n->vals.push_back(exprAs(el, u->elem));
        break;
      default: break;
    }
  }
  switch (u->kind) {
    case Kind::Struct: n->mode = CompositeNode::Struct; break;
    case Kind::Array: n->mode = CompositeNode::Array; break;
    case Kind::Slice: {
      n->mode = CompositeNode::Slice;
      int64_t len = 0;
      for (int64_t i : n->idx) len = std::max(len, i + 1);
      n->len = len;
      break;
    }
    case Kind::Map: n->mode = CompositeNode::Map; break;
    default: break;
  }
  return n;
}

Expr* Compiler::funcLit(ast::FuncLit* e) {
  Func* fn = new Func();
  FuncInfo* info = e->info;
  fn->info = info;
  fn->lit = e;
  fn->name = info && !info->name.empty() ? info->name : fn_->name + ".func";
  setupFunc(fn, info, e->sig ? e->type : nullptr);
  auto* n = new MakeClosureNode(fn);
  if (info) {
    for (const VarRef& r : info->captures) {
      n->caps.push_back({r.kind == RefKind::Captured, r.index});
      if (r.kind == RefKind::Local) capturedSlots_.insert(r.index);
    }
  }
  return n;
}

// ---------------------------------------------------------------- dispatch

Expr* Compiler::exprNode(ast::Expr* e) {
  if (e->value && e->mode == ast::ExprMode::Constant) return constant(e->value, e->type, e->pos);
  Expr* n = nullptr;
  switch (e->kind) {
    case NodeKind::Ident: n = identExpr(static_cast<ast::Ident*>(e)); break;
    case NodeKind::BasicLit:
      if (!e->value) compilerBug(e->pos, "a literal the checker gave no value");
      n = constant(e->value, e->type, e->pos);
      break;
    case NodeKind::Paren: return expr(static_cast<ast::ParenExpr*>(e)->x);
    case NodeKind::Selector: n = selectorExpr(static_cast<ast::SelectorExpr*>(e)); break;
    case NodeKind::Index: n = indexExpr(static_cast<ast::IndexExpr*>(e)); break;
    case NodeKind::Slice: n = sliceExpr(static_cast<ast::SliceExpr*>(e)); break;
    case NodeKind::TypeAssert: n = typeAssert(static_cast<ast::TypeAssertExpr*>(e), false); break;
    case NodeKind::Call: n = call(static_cast<ast::CallExpr*>(e)); break;
    case NodeKind::Star: {
      auto* s = static_cast<ast::StarExpr*>(e);
      n = sharedLoad(new DerefNode(expr(s->x), isObj(e->type)));
      break;
    }
    case NodeKind::Unary: n = unaryExpr(static_cast<ast::UnaryExpr*>(e)); break;
    case NodeKind::Binary: n = binaryExpr(static_cast<ast::BinaryExpr*>(e)); break;
    case NodeKind::CompositeLit: n = compositeLit(static_cast<ast::CompositeLit*>(e)); break;
    case NodeKind::FuncLit: n = funcLit(static_cast<ast::FuncLit*>(e)); break;
    // Key-value pairs belong to composite literals, which compile them; a type is not a value.
    case NodeKind::KeyValue:
    GOL_CASES(GOL_TYPE_KINDS) GOL_CASES(GOL_STMT_KINDS) GOL_CASES(GOL_DECL_KINDS)
      compilerBug(e->pos, std::string("a ") + ast::nodeKindName(e->kind) + " as a value");
  }
  noteKindCompiled(e->kind);
  if (n && !n->pos) n->pos = e->pos;
  return n;
}

}  // namespace gol::interp
