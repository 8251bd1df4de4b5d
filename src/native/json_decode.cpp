// encoding/json, decoding side: a parsed Node tree (json_parse.cpp) stored into gol values by
// their static Type, with Go's rules: pointers allocated as needed, struct keys matched exactly
// and then case-insensitively, maps created and filled, slices rebuilt, arrays filled and
// zeroed past the input, empty interfaces given float64/string/bool/[]any/map[string]any,
// Unmarshaler and TextUnmarshaler methods called through the evaluator. A type mismatch is
// remembered (the first one, with Go's struct/field context) and decoding goes on, as in Go.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "native/json_internal.h"
#include "native/native.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

namespace gol::native::json {

namespace {

const Type* unmarshalerIface(const char* name) {
  TypeTable& tt = TypeTable::get();
  return tt.interfaceType({Method{name, tt.func({byteSliceType()}, {tt.errorType()}, false)}});
}

bool foldEqual(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    int wa, wb;
    int32_t ra = decode(a, i, &wa), rb = decode(b, j, &wb);
    if (ra != rb && uni::toLower(ra) != uni::toLower(rb) && uni::toUpper(ra) != uni::toUpper(rb)) return false;
    i += size_t(wa);
    j += size_t(wb);
  }
  return i == a.size() && j == b.size();
}

// A pointer value *T to the word `slot` (inside object `base`) holding a T.
Value pointerTo(const Type* t, Value* slot, const void* base) {
  Kind k = t->ukind();
  if (k == Kind::Struct || k == Kind::Array) return rt::load(slot);
  auto* p = static_cast<rt::PtrObj*>(rt::alloc(sizeof(rt::PtrObj), rt::ObjKind::Ptr));
  p->addr = slot;
  p->base = base;
  return Value::P(p);
}

// s as a decimal integer of type u (Go: ParseInt/ParseUint base 10, then the type's range);
// false for a fraction, an exponent, a sign on an unsigned type or an overflow.
bool parseInteger(const std::string& s, const Type* u, Value* out) {
  if (s.empty() || s.find_first_of(".eE") != std::string::npos) return false;
  int bits = intBits(u);
  char* end = nullptr;
  errno = 0;
  if (isUnsigned(u)) {
    if (s[0] == '-' || s[0] == '+') return false;
    unsigned long long v = std::strtoull(s.c_str(), &end, 10);
    if (errno == ERANGE || *end || (bits < 64 && v >> bits)) return false;
    *out = Value::U(v);
    return true;
  }
  if (s[0] == '+') return false;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno == ERANGE || *end) return false;
  if (bits < 64) {
    long long lim = 1LL << (bits - 1);
    if (v < -lim || v >= lim) return false;
  }
  *out = Value::I(v);
  return true;
}

struct Decoder {
  std::string_view src;
  const Type* numberType = nullptr;  // json.Number when UseNumber, else null
  bool disallowUnknown = false;
  // The first error: kind 1 = UnmarshalTypeError, 2 = other (message only).
  int64_t errKind = 0;
  std::string errValue, errType, errStruct, errField, errMsg;
  int64_t errOffset = 0;
  // Go's error context: the innermost struct's name and the JSON field names down to here.
  std::string curStruct;
  std::vector<std::string> fieldStack;

  void typeError(const std::string& what, const Type* t, size_t offset) {
    if (errKind) return;
    errKind = 1;
    errValue = what;
    errType = typeName(t);
    errOffset = int64_t(offset);
    errStruct = curStruct;
    std::string f;
    for (size_t i = 0; i < fieldStack.size(); i++) f += (i ? "." : "") + fieldStack[i];
    errField = f;
  }
  // Go saves these and goes on (the first saved error is returned at the end)...
  void otherError(const std::string& m) {
    if (errKind) return;
    errKind = 2;
    errMsg = m;
  }
  // ...but returns these at once, in place of any saved one: decoding stops.
  bool stopped = false;
  void hardError(const std::string& m) {
    errKind = 2;
    errMsg = m;
    stopped = true;
  }

  static const char* what(const Node& n) {
    switch (n.kind) {
      case Node::Null: return "null";
      case Node::Bool: return "bool";
      case Node::Number: return "number";
      case Node::String: return "string";
      case Node::Array: return "array";
      case Node::Object: return "object";
    }
    return "value";
  }

  // Calls method `name` (UnmarshalJSON/UnmarshalText) of *T on the slot; true if T has it.
  bool tryUnmarshaler(const Node& n, const Type* t, Value* slot, const void* base) {
    static const Type* uj = unmarshalerIface("UnmarshalJSON");
    static const Type* ut = unmarshalerIface("UnmarshalText");
    const Type* pt = TypeTable::get().pointer(t);
    const char* name = nullptr;
    std::string arg;
    if (implements(pt, uj)) {
      name = "UnmarshalJSON";
      arg = std::string(src.substr(n.begin, n.end - n.begin));
    } else if (n.kind == Node::String && implements(pt, ut)) {
      name = "UnmarshalText";
      arg = n.text;
    } else {
      return false;
    }
    rt::Hooks& h = rt::hooks();
    if (!h.boundMethod || !h.callFunc) return false;
    if ((t->ukind() == Kind::Struct || t->ukind() == Kind::Array) && !rt::load(slot).p)
      rt::store(slot, rt::zeroValue(t));
    Value fn = h.boundMethod(pt, pointerTo(t, slot, base), name);
    if (!fn.p) return false;
    Value a = rt::bytesFromString(str(arg));
    Value r;
    h.callFunc(fn, &a, 1, &r, 1);
    if (r.p) {  // the method's own error, returned as is and at once (Go's d.value returns it)
      errKind = 3;
      errorValue = r;
      stopped = true;
    }
    return true;
  }
  Value errorValue;  // errKind 3: the error an Unmarshaler returned (kept reachable by the caller)

  void store(const Node& n, const Type* t, Value* slot, const void* base) {
    if (stopped) return;
    deep([&] { storeImpl(n, t, slot, base); });
  }

  void storeImpl(const Node& n, const Type* t, Value* slot, const void* base) {
    const Type* u = t->underlying();
    if (n.kind == Node::Null) {
      // null leaves other kinds alone (and is given to an UnmarshalJSON method).
      if (u->kind == Kind::Interface || u->kind == Kind::Pointer || u->kind == Kind::Map || u->kind == Kind::Slice) {
        rt::store(slot, Value());
        return;
      }
      if (t->kind == Kind::Named) tryUnmarshaler(n, t, slot, base);
      return;
    }
    if (u->kind != Kind::Pointer && u->kind != Kind::Interface && tryUnmarshaler(n, t, slot, base)) return;
    switch (u->kind) {
      case Kind::Pointer: {
        const Type* e = u->elem;
        Kind ek = e->ukind();
        Value p = rt::load(slot);
        if (ek == Kind::Struct || ek == Kind::Array) {
          if (!p.p) {
            p = rt::zeroValue(e);
            rt::store(slot, p);
          }
          Value tmp = p;  // the object is filled in place
          store(n, e, &tmp, p.p);
          return;
        }
        if (!p.p) {
          auto* cell = static_cast<rt::Cell*>(rt::alloc(sizeof(rt::Cell), rt::ObjKind::Cell));
          rt::store(&cell->v, rt::zeroValue(e));
          p = pointerTo(e, &cell->v, cell);
          rt::store(slot, p);
        }
        auto* po = p.as<rt::PtrObj>();
        store(n, e, po->addr, po->base);
        return;
      }
      case Kind::Interface:
        if (!u->methods.empty()) {
          typeError(what(n), t, n.end);
          return;
        }
        rt::store(slot, generic(n));
        return;
      case Kind::Struct: {
        if (n.kind != Node::Object) {
          typeError(what(n), t, n.end);
          return;
        }
        Value obj = rt::load(slot);
        if (!obj.p) {
          obj = rt::zeroValue(t);
          rt::store(slot, obj);
        }
        structObject(n, t, obj);
        return;
      }
      case Kind::Map: {
        if (n.kind != Node::Object) {
          typeError(what(n), t, n.end);
          return;
        }
        mapObject(n, t, slot);
        return;
      }
      case Kind::Slice: {
        if (n.kind == Node::String && u->elem->ukind() == Kind::Uint8) {
          std::string bytes;
          if (!unbase64(n.text, &bytes)) return;
          rt::store(slot, rt::bytesFromString(str(bytes)));
          return;
        }
        if (isNamed(t, "RawMessage")) {
          rt::store(slot, rt::bytesFromString(str(src.substr(n.begin, n.end - n.begin))));
          return;
        }
        if (n.kind != Node::Array) {
          typeError(what(n), t, n.end);
          return;
        }
        int64_t len = int64_t(n.elems.size());
        Value sl = rt::makeSlice(t, len, len);
        rt::store(slot, sl);
        auto* so = sl.as<rt::SliceObj>();
        for (int64_t i = 0; i < len; i++) store(n.elems[size_t(i)], u->elem, &so->data()[i], so->arr);
        return;
      }
      case Kind::Array: {
        if (n.kind != Node::Array) {
          typeError(what(n), t, n.end);
          return;
        }
        Value av = rt::load(slot);
        if (!av.p) {
          av = rt::zeroValue(t);
          rt::store(slot, av);
        }
        auto* ao = av.as<rt::ArrObj>();
        for (int64_t i = 0; i < u->length; i++) {
          if (size_t(i) < n.elems.size()) store(n.elems[size_t(i)], u->elem, &ao->elems[i], ao);
          else rt::store(&ao->elems[i], rt::zeroValue(u->elem));
        }
        return;
      }
      default: scalar(n, t, slot, false);
    }
  }

  // Bools, numbers and strings; `quoted`: the ",string" option's inner literal.
  void scalar(const Node& n, const Type* t, Value* slot, bool quoted) {
    const Type* u = t->underlying();
    Kind k = u->kind;
    switch (n.kind) {
      case Node::Bool:
        if (k == Kind::Bool) rt::store(slot, Value::B(n.b));
        else typeError("bool", t, n.end);
        return;
      case Node::String:
        if (k == Kind::String) {
          if (isNamed(t, "Number") && !quoted) {
            Node num;
            std::string m;
            int64_t off;
            if (!parse(n.text, &num, &m, &off) || num.kind != Node::Number) {
              hardError("json: invalid number literal, trying to unmarshal " +
                        quoteWith(src.substr(n.begin, n.end - n.begin), '"', false) + " into Number");
              return;
            }
          }
          rt::store(slot, str(n.text));
        } else {
          typeError("string", t, n.end);
        }
        return;
      case Node::Number: {
        const std::string& s = n.text;
        if (k == Kind::String && isNamed(t, "Number")) {
          rt::store(slot, str(s));
          return;
        }
        if (k == Kind::Float32 || k == Kind::Float64) {
          errno = 0;
          double f = std::strtod(s.c_str(), nullptr);
          bool bad = errno == ERANGE && std::isinf(f);
          if (k == Kind::Float32) {
            if (std::fabs(f) > 3.40282346638528859811704183484516925440e+38) bad = true;
            f = double(float(f));
          }
          if (bad) typeError("number " + s, t, n.end);
          else rt::store(slot, Value::F(f));
          return;
        }
        if (isInteger(u)) {
          Value v;
          if (parseInteger(s, u, &v)) rt::store(slot, v);
          else typeError("number " + s, t, n.end);
          return;
        }
        typeError("number", t, n.end);
        return;
      }
      default: typeError(what(n), t, n.end);
    }
  }

  Value generic(const Node& n) {
    TypeTable& tt = TypeTable::get();
    switch (n.kind) {
      case Node::Null: return Value();
      case Node::Bool: return rt::boxIface(tt.basic(Kind::Bool), Value::B(n.b));
      case Node::String: return rt::boxIface(tt.basic(Kind::String), str(n.text));
      case Node::Number:
        if (numberType) return rt::boxIface(numberType, str(n.text));
        {
          errno = 0;
          double f = std::strtod(n.text.c_str(), nullptr);
          if (errno == ERANGE && std::isinf(f)) {  // Go: ParseFloat's range error
            typeError("number " + n.text, tt.basic(Kind::Float64), n.end);
            return Value();
          }
          return rt::boxIface(tt.basic(Kind::Float64), Value::F(f));
        }
      case Node::Array: {
        const Type* st = tt.slice(tt.anyType());
        int64_t len = int64_t(n.elems.size());
        Value sl = rt::makeSlice(st, len, len);
        Value boxed = rt::boxIface(st, sl);  // reachable through this local while filling
        auto* so = sl.as<rt::SliceObj>();
        for (int64_t i = 0; i < len; i++) {
          Value e;
          deep([&] { e = generic(n.elems[size_t(i)]); });
          rt::store(&so->data()[i], e);
        }
        return boxed;
      }
      case Node::Object: {
        const Type* mt = tt.map(tt.basic(Kind::String), tt.anyType());
        rt::MapObj* m = rt::makeMap(mt, int64_t(n.elems.size()));
        Value boxed = rt::boxIface(mt, Value::P(m));
        for (size_t i = 0; i < n.elems.size(); i++) {
          Value e;
          deep([&] { e = generic(n.elems[i]); });
          rt::store(rt::mapSlot(m, str(n.keys[i])), e);
        }
        return boxed;
      }
    }
    return Value();
  }

  void structObject(const Node& n, const Type* t, Value obj) {
    const std::vector<Field>& fields = structFields(t->underlying());
    std::string savedStruct = curStruct;
    size_t savedDepth = fieldStack.size();
    for (size_t i = 0; i < n.elems.size(); i++) {
      const std::string& key = n.keys[i];
      const Field* f = nullptr;
      for (auto& fd : fields)
        if (fd.name == key) {
          f = &fd;
          break;
        }
      if (!f)
        for (auto& fd : fields)
          if (foldEqual(fd.name, key)) {
            f = &fd;
            break;
          }
      if (!f) {
        if (disallowUnknown) otherError("json: unknown field \"" + key + "\"");
        continue;
      }
      // Walk to the field through embedded structs, allocating nil embedded pointers.
      const Type* st = t;
      Value cur = obj;
      Value* slot = nullptr;
      const void* base = nullptr;
      for (size_t k = 0; k < f->index.size(); k++) {
        auto* so = cur.as<rt::StructObj>();
        const StructField& sf = st->underlying()->fields[size_t(f->index[k])];
        slot = &so->fields[f->index[k]];
        base = so;
        if (k + 1 < f->index.size()) {
          if (sf.type->ukind() == Kind::Pointer) {
            Value p = rt::load(slot);
            if (!p.p) {
              p = rt::zeroValue(sf.type->elem);
              rt::store(slot, p);
            }
            cur = p;
            st = sf.type->elem;
          } else {
            cur = rt::load(slot);
            st = sf.type;
          }
        }
      }
      curStruct = t->kind == Kind::Named ? t->name : "";
      fieldStack.resize(savedDepth);
      fieldStack.push_back(f->name);
      if (f->quoted && n.elems[i].kind == Node::String) {
        Node inner;
        std::string m;
        int64_t off;
        if (parse(n.elems[i].text, &inner, &m, &off) && inner.kind != Node::Array && inner.kind != Node::Object) {
          if (inner.kind != Node::Null) scalar(inner, f->type, slot, true);
        } else {
          otherError("json: invalid use of ,string struct tag, trying to unmarshal \"" + n.elems[i].text +
                     "\" into " + typeName(f->type));
        }
      } else {
        store(n.elems[i], f->type, slot, base);
      }
    }
    curStruct = savedStruct;
    fieldStack.resize(savedDepth);
  }

  void mapObject(const Node& n, const Type* t, Value* slot) {
    const Type* u = t->underlying();
    const Type* kt = u->key;
    Kind kk = kt->ukind();
    if (kk != Kind::String && !isInteger(kt)) {
      typeError("object", t, n.begin + 1);
      return;
    }
    auto* m = rt::load(slot).as<rt::MapObj>();
    if (!m) {
      m = rt::makeMap(t, int64_t(n.elems.size()));
      rt::store(slot, Value::P(m));
    }
    for (size_t i = 0; i < n.elems.size(); i++) {
      Value key;
      if (kk == Kind::String) {
        key = str(n.keys[i]);
      } else {
        if (!parseInteger(n.keys[i], kt->underlying(), &key)) {
          typeError("number " + n.keys[i], kt, n.begin + 1);
          continue;
        }
      }
      auto* cell = static_cast<rt::Cell*>(rt::alloc(sizeof(rt::Cell), rt::ObjKind::Cell));
      rt::store(&cell->v, rt::zeroValue(u->elem));
      store(n.elems[i], u->elem, &cell->v, cell);
      rt::store(rt::mapSlot(m, key), rt::load(&cell->v));
    }
  }

  bool unbase64(const std::string& s, std::string* out) {
    auto val = [](char c) -> int {
      if (c >= 'A' && c <= 'Z') return c - 'A';
      if (c >= 'a' && c <= 'z') return c - 'a' + 26;
      if (c >= '0' && c <= '9') return c - '0' + 52;
      if (c == '+') return 62;
      if (c == '/') return 63;
      return -1;
    };
    uint32_t acc = 0;
    int bits = 0;
    size_t i = 0;
    for (; i < s.size(); i++) {
      if (s[i] == '\r' || s[i] == '\n') continue;
      if (s[i] == '=') break;
      int v = val(s[i]);
      if (v < 0) {
        otherError("illegal base64 data at input byte " + std::to_string(i));
        return false;
      }
      acc = acc << 6 | uint32_t(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        *out += char((acc >> bits) & 0xFF);
      }
    }
    return true;
  }
};

}  // namespace

// unmarshal(data []byte, v any, number any, disallowUnknown bool)
//   (kind int, msg, value, typ, strct, field string, offset int, err error)
// kind: 0 ok, 1 UnmarshalTypeError (value/typ/strct/field/offset), 2 SyntaxError (msg, offset),
// 3 InvalidUnmarshalError (typ: "" for nil), 4 other error (msg), 5 an Unmarshaler's error (err).
GOL_NATIVE(json_unmarshal, "encoding/json.unmarshal") {
  for (int i = 0; i < 8; i++) call.results[i] = Value();
  std::string data = bytesToString(call.args[0]);
  Node root;
  std::string msg;
  int64_t off = 0;
  if (!parse(data, &root, &msg, &off)) {
    call.results[0] = Value::I(2);
    call.results[1] = str(msg);
    call.results[6] = Value::I(off);
    return;
  }
  Value v = call.args[1];
  const Type* t = rt::ifaceType(v);
  if (!t || t->kind != Kind::Pointer || !rt::ifaceValue(v).p) {
    call.results[0] = Value::I(3);
    call.results[3] = t ? str(typeName(t)) : Value();
    return;
  }
  Decoder d;
  d.src = data;
  d.numberType = rt::ifaceType(call.args[2]);
  d.disallowUnknown = call.args[3].u != 0;
  Value p = rt::ifaceValue(v);
  const Type* e = t->elem;
  Kind ek = e->ukind();
  if (ek == Kind::Struct || ek == Kind::Array) {
    Value tmp = p;
    d.store(root, e, &tmp, p.p);
  } else {
    auto* po = p.as<rt::PtrObj>();
    d.store(root, e, po->addr, po->base);
  }
  switch (d.errKind) {
    case 1:
      call.results[0] = Value::I(1);
      call.results[2] = str(d.errValue);
      call.results[3] = str(d.errType);
      call.results[4] = str(d.errStruct);
      call.results[5] = str(d.errField);
      call.results[6] = Value::I(d.errOffset);
      break;
    case 2:
      call.results[0] = Value::I(4);
      call.results[1] = str(d.errMsg);
      break;
    case 3:
      call.results[0] = Value::I(5);
      call.results[7] = d.errorValue;
      break;
    default: break;
  }
}

// scan(buf []byte, atEOF bool) (end int, status int, msg string, offset int): for Decoder: the end
// of the first complete value in buf (after leading whitespace). status 0: complete; 1: need more
// input; 2: syntax error (msg, offset). A number at the very end is complete only at EOF.
GOL_NATIVE(json_scan, "encoding/json.scan") {
  std::string data = bytesToString(call.args[0]);
  bool atEOF = call.args[1].u != 0;
  Node root;
  std::string msg;
  int64_t off = 0;
  // Parse a prefix: find the value's end by parsing progressively larger candidates is costly;
  // instead parse the whole buffer and, on "after top-level value", cut there.
  call.results[0] = Value::I(0);
  call.results[2] = Value();
  call.results[3] = Value::I(0);
  bool ok = parse(data, &root, &msg, &off);
  size_t end = 0;
  if (ok) {
    end = root.end;
  } else if (msg.find("after top-level value") != std::string::npos) {
    end = root.end;  // the first value parsed completely; something follows it
    ok = true;
  } else if (msg == "unexpected end of JSON input") {
    call.results[1] = Value::I(atEOF && data.find_first_not_of(" \t\r\n") != std::string::npos ? 2 : 1);
    if (atEOF) {
      call.results[2] = str(msg);
      call.results[3] = Value::I(off);
    }
    return;
  } else {
    call.results[1] = Value::I(2);
    call.results[2] = str(msg);
    call.results[3] = Value::I(off);
    return;
  }
  // A number ending exactly at the end of the buffer may continue in the next read.
  if (ok && root.kind == Node::Number && end == data.size() && !atEOF) {
    call.results[1] = Value::I(1);
    return;
  }
  call.results[0] = Value::I(int64_t(end));
  call.results[1] = Value::I(0);
}

// valid(data []byte) bool
GOL_NATIVE(json_valid, "encoding/json.Valid") { call.results[0] = Value::B(validJSON(bytesToString(call.args[0]))); }

}  // namespace gol::native::json
