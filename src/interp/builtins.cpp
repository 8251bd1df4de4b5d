// Builtin functions: len cap append copy delete make new clear min max panic recover print
// println close. Each is compiled to a node specialised by its argument types. Channel builtins
// (make(chan), close, len/cap of a channel) are built by chan_nodes.cpp.
#include <cmath>
#include <cstdio>

#include "interp/builtins.h"
#include "interp/compiler.h"
#include "interp/nodes_arith.h"
#include "interp/nodes_composite.h"

namespace gol::interp {

namespace {

struct LenNode : Expr {
  enum Mode { Str, Slc, Arr, Map, Chan } mode;
  Expr* x;
  LenNode(Mode m, Expr* e) : mode(m), x(e) {}
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    switch (mode) {
      case Str: return Value::I(static_cast<int64_t>(rt::strView(v).size()));
      case Slc: return Value::I(v.p ? v.as<rt::SliceObj>()->len : 0);
      case Arr: nilCheck(v.p); return Value::I(v.as<rt::ArrObj>()->len);
      case Map: return Value::I(rt::mapLen(v.as<rt::MapObj>()));
      case Chan: return Value::I(chanLen(v));
    }
    return Value();
  }
};

struct CapNode : Expr {
  enum Mode { Slc, Arr, Chan } mode;
  Expr* x;
  CapNode(Mode m, Expr* e) : mode(m), x(e) {}
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    switch (mode) {
      case Slc: return Value::I(v.p ? v.as<rt::SliceObj>()->cap : 0);
      case Arr: nilCheck(v.p); return Value::I(v.as<rt::ArrObj>()->len);
      case Chan: return Value::I(chanCap(v));
    }
    return Value();
  }
};

struct AppendNode : Expr {
  const Type* t;
  Expr* s;
  std::vector<Expr*> vals;
  Value eval(Frame& f) override {
    Value sv = s->eval(f);
    size_t n = vals.size();
    Value buf[8];
    Value* v = n <= 8 ? buf : static_cast<Value*>(alloca(sizeof(Value) * n));
    for (size_t i = 0; i < n; i++) v[i] = vals[i]->eval(f);
    return rt::appendValues(t, sv, v, static_cast<int64_t>(n));
  }
};

struct AppendSpread : Expr {  // append(s, other...) / append(bytes, str...)
  const Type* t;
  Expr *s, *other;
  bool fromString;
  Value eval(Frame& f) override {
    Value sv = s->eval(f);
    Value ov = other->eval(f);
    if (fromString) {
      auto str = rt::strView(ov);
      std::vector<Value> tmp(str.size());
      for (size_t i = 0; i < str.size(); i++) tmp[i] = Value::U(static_cast<uint8_t>(str[i]));
      return rt::appendValues(t, sv, tmp.data(), static_cast<int64_t>(tmp.size()));
    }
    auto* o = ov.as<rt::SliceObj>();
    if (!o || o->len == 0) {
      if (!sv.p && o) return rt::appendValues(t, sv, nullptr, 0);
      return sv;
    }
    // copy the source words first: it may alias the destination's spare capacity
    std::vector<Value> tmp(o->data(), o->data() + o->len);
    return rt::appendValues(t, sv, tmp.data(), o->len);
  }
};

struct CopyBuiltin : Expr {
  const Type* t;
  Expr *dst, *src;
  bool fromString;
  Value eval(Frame& f) override {
    Value d = dst->eval(f);
    Value s = src->eval(f);
    if (fromString) return Value::I(rt::copyFromString(d, s));
    return Value::I(rt::copySlice(t, d, s));
  }
};

struct DeleteNode : Expr {
  Expr *m, *k;
  Value eval(Frame& f) override {
    auto* mo = m->eval(f).as<rt::MapObj>();
    Value key = k->eval(f);
    if (GOL_UNLIKELY(gRaceWatch) && mo) raceWriteSlow(mo);
    if (mo) rt::mapDelete(mo, key);
    return Value();
  }
};

struct MakeSliceNode : Expr {
  const Type* t;
  Expr *len, *cap;
  Value eval(Frame& f) override {
    int64_t l = len->eval(f).i;
    int64_t c = cap ? cap->eval(f).i : l;
    if (l < 0 || l > (int64_t(1) << 40)) panicMsg("makeslice: len out of range");
    if (c < l || c > (int64_t(1) << 40)) panicMsg("makeslice: cap out of range");
    return rt::makeSlice(t, l, c);
  }
};

struct MakeMapNode : Expr {
  const Type* t;
  Expr* hint;
  Value eval(Frame& f) override {
    int64_t h = hint ? hint->eval(f).i : 0;
    return Value::P(rt::makeMap(t, h < 0 ? 0 : h));
  }
};

struct NewNode : Expr {
  const Type* t;
  Value eval(Frame&) override {
    if (isObj(t)) return rt::zeroValue(t);
    rt::Cell* c = newCell(rt::zeroValue(t));
    return makePtr(&c->v, c);
  }
};

struct ClearNode : Expr {
  Expr* x;
  const Type* t;
  bool isMap;
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    if (isMap) {
      if (v.p) rt::mapClear(v.as<rt::MapObj>());
      return Value();
    }
    auto* s = v.as<rt::SliceObj>();
    if (!s) return Value();
    const Type* et = t->underlying()->elem;
    bool obj = isObj(et);
    Value* d = s->data();
    for (int64_t i = 0; i < s->len; i++) {
      if (obj) rt::assignInPlace(et, heapLoad(&d[i]), rt::zeroValue(et));
      else heapStore(&d[i], Value());
    }
    return Value();
  }
};

struct MinMaxNode : Expr {
  enum Cls { I, U, F, S } cls;
  bool isMax;
  std::vector<Expr*> args;
  Value eval(Frame& f) override {
    Value r = args[0]->eval(f);
    for (size_t i = 1; i < args.size(); i++) {
      Value v = args[i]->eval(f);
      bool take = false;
      switch (cls) {
        case I: take = isMax ? v.i > r.i : v.i < r.i; break;
        case U: take = isMax ? v.u > r.u : v.u < r.u; break;
        case F:
          if (std::isnan(r.f)) take = false;
          else if (std::isnan(v.f)) take = true;
          else if (v.f == r.f && v.f == 0) take = isMax ? !std::signbit(v.f) : std::signbit(v.f);
          else take = isMax ? v.f > r.f : v.f < r.f;
          break;
        case S: {
          int c = rt::compareStrings(v, r);
          take = isMax ? c > 0 : c < 0;
          break;
        }
      }
      if (take) r = v;
    }
    return r;
  }
};

struct PanicNode : Expr {
  Expr* x;
  Value eval(Frame& f) override {
    Value v = x->eval(f);
    gopanic(f.g, v);
  }
};

struct RecoverNode : Expr {
  Value eval(Frame& f) override { return doRecover(f); }
};

struct PrintNode : Expr {
  std::vector<Expr*> args;
  std::vector<const Type*> types;
  bool ln;
  Value eval(Frame& f) override {
    std::string out;
    for (size_t i = 0; i < args.size(); i++) {
      if (ln && i > 0) out += ' ';
      out += printValue(types[i], args[i]->eval(f));
    }
    if (ln) out += '\n';
    writeStderr(out);
    return Value();
  }
};

}  // namespace

// Go's print/println formatting of one value (runtime/print.go).
std::string printValue(const Type* t, Value v) {
  char buf[64];
  const Type* u = t ? t->underlying() : nullptr;
  if (!u) return "nil";
  switch (u->kind) {
    case Kind::Bool: case Kind::UntypedBool: return v.u ? "true" : "false";
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::UntypedInt: case Kind::UntypedRune:
      return std::to_string(v.i);
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr:
      return std::to_string(v.u);
    case Kind::Float32: case Kind::Float64: case Kind::UntypedFloat: {
      double x = v.f;
      if (std::isnan(x)) return "NaN";
      if (std::isinf(x)) return x > 0 ? "+Inf" : "-Inf";
      snprintf(buf, sizeof buf, "%+.6e", x);
      // Go prints a three-digit exponent: +1.500000e+000
      std::string s = buf;
      size_t e = s.find('e');
      if (e != std::string::npos) {
        std::string mant = s.substr(0, e);
        char sign = s[e + 1];
        std::string digits = s.substr(e + 2);
        while (digits.size() < 3) digits = "0" + digits;
        s = mant + "e" + sign + digits;
      }
      return s;
    }
    case Kind::Complex64: case Kind::Complex128: case Kind::UntypedComplex: {  // (+1.000000e+000+2.000000e+000i)
      const Type* f = TypeTable::get().basic(Kind::Float64);
      return "(" + printValue(f, Value::F(rt::complexReal(v))) + printValue(f, Value::F(rt::complexImag(v))) + "i)";
    }
    case Kind::String: case Kind::UntypedString: return std::string(rt::strView(v));
    case Kind::UntypedNil: return "nil";
    case Kind::Interface: {
      if (!v.p) return "(0x0,0x0)";
      snprintf(buf, sizeof buf, "(%p,%p)", static_cast<const void*>(rt::ifaceType(v)), v.p);
      return buf;
    }
    case Kind::Slice: {
      auto* s = v.as<rt::SliceObj>();
      snprintf(buf, sizeof buf, "[%lld/%lld]%p", static_cast<long long>(s ? s->len : 0),
               static_cast<long long>(s ? s->cap : 0), s ? static_cast<void*>(s->data()) : nullptr);
      return buf;
    }
    default:
      snprintf(buf, sizeof buf, "%p", v.p);
      return buf;
  }
}

Expr* Compiler::builtinCall(ast::CallExpr* c, std::vector<Expr*>* pre) {
  BuiltinId id = c->info->builtin;
  auto arg = [&](size_t i) { return preEval(expr(c->args[i]), pre); };
  auto argAs = [&](size_t i, const Type* t) { return preEval(exprAs(c->args[i], t), pre); };
  Expr* n = nullptr;
  switch (id) {
    case BuiltinId::Len: case BuiltinId::Cap: {
      const Type* u = c->args[0]->type->underlying();
      if (u->kind == Kind::Pointer) u = u->elem->underlying();
      if (id == BuiltinId::Len) {
        LenNode::Mode m = u->kind == Kind::Slice ? LenNode::Slc
                          : u->kind == Kind::Array ? LenNode::Arr
                          : u->kind == Kind::Map ? LenNode::Map
                          : u->kind == Kind::Chan ? LenNode::Chan : LenNode::Str;
        n = new LenNode(m, arg(0));
      } else {
        CapNode::Mode m = u->kind == Kind::Slice ? CapNode::Slc : u->kind == Kind::Array ? CapNode::Arr : CapNode::Chan;
        n = new CapNode(m, arg(0));
      }
      break;
    }
    case BuiltinId::Append: {
      const Type* st = c->type;
      const Type* et = st->underlying()->elem;
      if (c->hasEllipsis) {
        auto* a = new AppendSpread();
        a->t = st;
        a->s = arg(0);
        a->other = arg(1);
        a->fromString = isString(c->args[1]->type);
        n = a;
      } else {
        auto* a = new AppendNode();
        a->t = st;
        a->s = arg(0);
        for (size_t i = 1; i < c->args.size(); i++) a->vals.push_back(argAs(i, et));
        n = a;
      }
      break;
    }
    case BuiltinId::Copy: {
      auto* a = new CopyBuiltin();
      a->t = c->args[0]->type;
      a->dst = arg(0);
      a->src = arg(1);
      a->fromString = isString(c->args[1]->type);
      n = a;
      break;
    }
    case BuiltinId::Delete: {
      auto* a = new DeleteNode();
      a->m = arg(0);
      a->k = argAs(1, c->args[0]->type->underlying()->key);
      n = a;
      break;
    }
    case BuiltinId::Make: {
      const Type* t = c->args[0]->type;
      const Type* u = t->underlying();
      if (u->kind == Kind::Slice) {
        auto* a = new MakeSliceNode();
        a->t = t;
        a->len = c->args.size() > 1 ? arg(1) : new ConstNode(Value());
        a->cap = c->args.size() > 2 ? arg(2) : nullptr;
        n = a;
      } else if (u->kind == Kind::Map) {
        auto* a = new MakeMapNode();
        a->t = t;
        a->hint = c->args.size() > 1 ? arg(1) : nullptr;
        n = a;
      } else {
        n = makeChanNode(t, c->args.size() > 1 ? arg(1) : nullptr);
      }
      break;
    }
    case BuiltinId::New: {
      auto* a = new NewNode();
      a->t = c->args[0]->type;
      n = a;
      break;
    }
    case BuiltinId::Clear: {
      auto* a = new ClearNode();
      a->x = arg(0);
      a->t = c->args[0]->type;
      a->isMap = a->t->underlying()->kind == Kind::Map;
      n = a;
      break;
    }
    case BuiltinId::Min: case BuiltinId::Max: {
      auto* a = new MinMaxNode();
      a->isMax = id == BuiltinId::Max;
      const Type* t = defaultType(c->type);
      a->cls = isFloat(t) ? MinMaxNode::F : isString(t) ? MinMaxNode::S : isUnsigned(t) ? MinMaxNode::U : MinMaxNode::I;
      for (size_t i = 0; i < c->args.size(); i++) a->args.push_back(argAs(i, t));
      n = a;
      break;
    }
    case BuiltinId::Panic: {
      auto* a = new PanicNode();
      a->x = argAs(0, TypeTable::get().anyType());
      n = a;
      break;
    }
    case BuiltinId::Recover: n = new RecoverNode(); break;
    case BuiltinId::Print: case BuiltinId::Println: {
      auto* a = new PrintNode();
      a->ln = id == BuiltinId::Println;
      for (size_t i = 0; i < c->args.size(); i++) {
        a->args.push_back(arg(i));
        a->types.push_back(defaultType(c->args[i]->type));
      }
      n = a;
      break;
    }
    case BuiltinId::Close: n = makeCloseNode(arg(0)); break;
    case BuiltinId::Complex: {
      const Type* ft = defaultType(c->args[0]->type);
      if (isUntyped(c->args[0]->type)) ft = defaultType(c->args[1]->type);
      n = makeComplexBuiltin(id, argAs(0, ft), argAs(1, ft));
      break;
    }
    case BuiltinId::Real: case BuiltinId::Imag: n = makeComplexBuiltin(id, arg(0), nullptr); break;
    default:
      n = new PanicNode();
      static_cast<PanicNode*>(n)->x = new ConstNode(runtimeErrorValue("gol: builtin not supported", false));
      break;
  }
  n->pos = c->pos;
  return n;
}

}  // namespace gol::interp
