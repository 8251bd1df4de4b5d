// Composite literals: structs (positional or keyed; CompositeLit::indices = field index per
// element), arrays and slices (indices = element index; [...]T takes its length from the
// literal), maps (key: value pairs), and elided inner types (`{...}` and `&T{...}` elided to
// `{...}`, recorded with the pointer type).
#include "check/checker.h"

namespace gol::check {

using namespace ast;

void Checker::element(Expr* e, const Type* t, const std::string& context) {
  Operand x;
  if (e && e->kind == NodeKind::CompositeLit && !static_cast<CompositeLit*>(e)->typeExpr) {
    compositeLit(static_cast<CompositeLit*>(e), x, t);
    record(e, x);
    return;
  }
  expr(e, x);
  assignment(x, t, context);
}

void Checker::compositeLit(CompositeLit* e, Operand& x, const Type* hint) {
  const Type* t = nullptr;
  if (e->typeExpr) {
    auto* at = e->typeExpr->kind == NodeKind::ArrayType ? static_cast<ArrayTypeExpr*>(e->typeExpr) : nullptr;
    if (at && at->len && at->len->kind == NodeKind::Ellipsis) {
      // [...]T{...}: the length is known after the elements.
      const Type* elem = typeOf(at->elem);
      int64_t n = arrayLit(e, elem, -1);
      t = types_.array(elem, n);
      at->mode = ExprMode::TypeExpr;
      at->type = t;
      x.mode = ExprMode::Value;
      x.type = t;
      return;
    }
    t = typeOf(e->typeExpr);
  } else if (hint) {
    t = hint;
  } else {
    errorf(e->pos, "invalid composite literal type: missing type");
    return;
  }
  if (t->kind == Kind::Invalid) {
    for (auto* el : e->elts) {
      Operand o;
      Expr* v = el && el->kind == NodeKind::KeyValue ? static_cast<KeyValueExpr*>(el)->val : el;
      if (v && !(v->kind == NodeKind::CompositeLit && !static_cast<CompositeLit*>(v)->typeExpr)) rawExpr(v, o);
    }
    return;
  }
  const Type* base = t;
  // An elided &T{...} inside a literal of []*T, map[K]*T...
  if (!e->typeExpr && t->kind == Kind::Pointer && t->elem) base = t->elem;
  const Type* u = base->underlying();
  switch (u->kind) {
    case Kind::Struct: structLit(e, u); break;
    case Kind::Array: arrayLit(e, u->elem, u->length); break;
    case Kind::Slice: arrayLit(e, u->elem, -1); break;
    case Kind::Map: mapLit(e, u); break;
    default:
      errorf(e->pos, "invalid composite literal type " + typeStr(t));
      return;
  }
  x.mode = ExprMode::Value;
  x.type = t;
}

void Checker::structLit(CompositeLit* e, const Type* u) {
  if (e->elts.empty()) return;
  bool keyed = e->elts[0] && e->elts[0]->kind == NodeKind::KeyValue;
  std::set<int> seen;
  for (size_t i = 0; i < e->elts.size(); i++) {
    Expr* el = e->elts[i];
    if (!el) continue;
    bool isKV = el->kind == NodeKind::KeyValue;
    if (isKV != keyed) {
      errorf(startPos(el), "mixture of field:value and value elements in struct literal");
      return;
    }
    if (keyed) {
      auto* kv = static_cast<KeyValueExpr*>(el);
      if (!kv->key || kv->key->kind != NodeKind::Ident) {
        errorf(startPos(kv->key), "invalid field name " + exprString(kv->key) + " in struct literal");
        continue;
      }
      const std::string& name = static_cast<Ident*>(kv->key)->name;
      int idx = -1;
      for (size_t f = 0; f < u->fields.size(); f++)
        if (u->fields[f].name == name) idx = int(f);
      if (idx < 0) {
        errorf(kv->key->pos, "unknown field " + name + " in struct literal");
        Operand o;
        if (kv->val && kv->val->kind != NodeKind::CompositeLit) rawExpr(kv->val, o);
        continue;
      }
      if (!seen.insert(idx).second) errorf(kv->key->pos, "duplicate field name " + name + " in struct literal");
      e->indices.push_back(idx);
      element(kv->val, u->fields[idx].type, "struct literal");
      continue;
    }
    if (i >= u->fields.size()) {
      errorf(startPos(el), "too many values in struct literal");
      return;
    }
    e->indices.push_back(int64_t(i));
    element(el, u->fields[i].type, "struct literal");
  }
  if (!keyed && e->elts.size() < u->fields.size())
    errorf(e->rbrace, "too few values in struct literal");
}

int64_t Checker::arrayLit(CompositeLit* e, const Type* elem, int64_t length) {
  int64_t next = 0, maxLen = 0;
  std::set<int64_t> seen;
  for (auto* el : e->elts) {
    if (!el) continue;
    Expr* val = el;
    if (el->kind == NodeKind::KeyValue) {
      auto* kv = static_cast<KeyValueExpr*>(el);
      int64_t idx;
      if (checkIndex(kv->key, length, false, &idx)) next = idx;
      else if (kv->key && kv->key->mode != ExprMode::Constant) errorf(startPos(kv->key), "index " + exprString(kv->key) + " must be integer constant");
      val = kv->val;
    } else if (length >= 0 && next >= length) {
      errorf(startPos(el), "index " + std::to_string(next) + " out of bounds [0:" + std::to_string(length) + "]");
    }
    if (!seen.insert(next).second) errorf(startPos(el), "duplicate index " + std::to_string(next) + " in array or slice literal");
    e->indices.push_back(next);
    element(val, elem, "array or slice literal");
    next++;
    maxLen = std::max(maxLen, next);
  }
  return maxLen;
}

void Checker::mapLit(CompositeLit* e, const Type* u) {
  for (auto* el : e->elts) {
    if (!el) continue;
    if (el->kind != NodeKind::KeyValue) {
      errorf(startPos(el), "missing key in map literal");
      continue;
    }
    auto* kv = static_cast<KeyValueExpr*>(el);
    element(kv->key, u->key, "map literal");
    element(kv->val, u->elem, "map literal");
  }
}

}  // namespace gol::check
