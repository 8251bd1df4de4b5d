// encoding/json, encoding side (stdlib/encoding/json): walks a gol value by its dynamic Type and
// writes Go's JSON for it: Marshaler and TextMarshaler methods (called through the evaluator's
// hooks), structs by their JSON fields, maps with sorted keys, []byte as base64, floats in Go's
// format. Failures come back as a kind and a message; the gol side wraps them in Go's error
// types. Also Compact and Indent over JSON text (json.compact/json.indent).
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "native/json_internal.h"
#include "native/native.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

namespace gol::native::json {

// Error kinds shared with encode.gol.
enum EncErr : int64_t { kOK = 0, kUnsupportedType = 1, kUnsupportedValue = 2, kMarshaler = 3 };

// Escapes s as a JSON string into out (Go's encodeState.string).
void appendQuoted(std::string& out, std::string_view s, bool escapeHTML) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      bool html = c == '<' || c == '>' || c == '&';
      if (c >= 0x20 && c != '"' && c != '\\' && !(escapeHTML && html)) {
        out += char(c);
      } else {
        switch (c) {
          case '\\': out += "\\\\"; break;
          case '"': out += "\\\""; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          case '\t': out += "\\t"; break;
          default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
      }
      i++;
      continue;
    }
    int w;
    int32_t r = decode(s, i, &w);
    if (r == 0xFFFD && w == 1) {
      out += "\\ufffd";
    } else if (r == 0x2028 || r == 0x2029) {
      out += r == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(s.substr(i, size_t(w)));
    }
    i += size_t(w);
  }
  out += '"';
}

namespace {

const Type* sigType(std::vector<const Type*> params, std::vector<const Type*> results) {
  return TypeTable::get().func(std::move(params), std::move(results), false);
}
const Type* marshalerIface() {
  static const Type* t = [] {
    TypeTable& tt = TypeTable::get();
    return tt.interfaceType({Method{"MarshalJSON", sigType({}, {byteSliceType(), tt.errorType()})}});
  }();
  return t;
}
const Type* textMarshalerIface() {
  static const Type* t = [] {
    TypeTable& tt = TypeTable::get();
    return tt.interfaceType({Method{"MarshalText", sigType({}, {byteSliceType(), tt.errorType()})}});
  }();
  return t;
}

void base64(std::string& out, const std::string& b) {
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  for (; i + 2 < b.size(); i += 3) {
    uint32_t n = uint32_t(uint8_t(b[i])) << 16 | uint32_t(uint8_t(b[i + 1])) << 8 | uint8_t(b[i + 2]);
    out += tbl[n >> 18 & 63];
    out += tbl[n >> 12 & 63];
    out += tbl[n >> 6 & 63];
    out += tbl[n & 63];
  }
  if (i + 1 == b.size()) {
    uint32_t n = uint32_t(uint8_t(b[i])) << 16;
    out += tbl[n >> 18 & 63];
    out += tbl[n >> 12 & 63];
    out += "==";
  } else if (i + 2 == b.size()) {
    uint32_t n = uint32_t(uint8_t(b[i])) << 16 | uint32_t(uint8_t(b[i + 1])) << 8;
    out += tbl[n >> 18 & 63];
    out += tbl[n >> 12 & 63];
    out += tbl[n >> 6 & 63];
    out += '=';
  }
}

int64_t signExt(uint64_t u, int bits) {
  if (bits >= 64) return int64_t(u);
  int s = 64 - bits;
  return int64_t(u << s) >> s;
}
uint64_t zeroExt(uint64_t u, int bits) { return bits >= 64 ? u : (u & ((uint64_t(1) << bits) - 1)); }

std::string intText(const Type* t, Value v) {
  int bits = intBits(t);
  if (isUnsigned(t)) return std::to_string(zeroExt(v.u, bits));
  return std::to_string(signExt(v.u, bits));
}

bool compactInto(std::string& out, std::string_view src, bool escapeHTML);

struct Encoder {
  std::string out;
  bool escapeHTML = true;
  int64_t err = kOK;
  std::string msg;
  // Go's cycle check: past 1000 nested pointers, maps or slices, the ones on the current path
  // are remembered, and meeting one of them again is "encountered a cycle".
  int depth = 0;
  std::unordered_set<const void*> onPath;

  bool enter(const Type* t, const void* p) {
    if (++depth <= 1000) return true;
    if (!onPath.insert(p).second)
      return fail(kUnsupportedValue, "json: unsupported value: encountered a cycle via " + typeName(t));
    return true;
  }
  void leave(const void* p) {
    if (depth-- > 1000) onPath.erase(p);
  }

  bool fail(int64_t kind, std::string m) {
    if (err == kOK) {
      err = kind;
      msg = std::move(m);
    }
    return false;
  }

  bool isEmpty(const Type* t, Value v) {
    const Type* u = t->underlying();
    switch (u->kind) {
      case Kind::Array: return u->length == 0;
      case Kind::String: return rt::strView(v).empty();
      case Kind::Slice: {
        auto* s = v.as<rt::SliceObj>();
        return !s || s->len == 0;
      }
      case Kind::Map: return rt::mapLen(v.as<rt::MapObj>()) == 0;
      case Kind::Bool: return v.u == 0;
      case Kind::Float32:
      case Kind::Float64: return v.f == 0;
      case Kind::Interface:
      case Kind::Pointer: return v.p == nullptr;
      default: return isInteger(u) ? v.u == 0 : false;
    }
  }

  // Calls MarshalJSON or MarshalText (name) on v; the bytes are in *res.
  bool callMarshal(const Type* t, Value v, const char* name, std::string* res) {
    rt::Hooks& h = rt::hooks();
    if (!h.boundMethod || !h.callFunc) return fail(kUnsupportedType, "json: unsupported type: " + typeName(t));
    Value fn = h.boundMethod(t, v, name);
    if (!fn.p) return fail(kUnsupportedType, "json: unsupported type: " + typeName(t));
    Value r[2];
    h.callFunc(fn, nullptr, 0, r, 2);
    if (r[1].p) {
      std::string em;
      Value efn = h.boundMethod(rt::ifaceType(r[1]), rt::ifaceValue(r[1]), "Error");
      if (efn.p) {
        Value s;
        h.callFunc(efn, nullptr, 0, &s, 1);
        em = std::string(rt::strView(s));
      }
      return fail(kMarshaler, "json: error calling " + std::string(name) + " for type " + typeName(t) + ": " + em);
    }
    *res = bytesToString(r[0]);
    return true;
  }

  void floatText(double f, int bits) {
    double a = std::fabs(f);
    char fmt = 'f';
    if (a != 0) {
      if (bits == 64 && (a < 1e-6 || a >= 1e21)) fmt = 'e';
      if (bits == 32 && (float(a) < 1e-6f || float(a) >= 1e21f)) fmt = 'e';
    }
    std::string b = formatFloat(f, fmt, -1, bits);
    if (fmt == 'e') {  // e-09 -> e-9, as Go's encoder does
      size_t n = b.size();
      if (n >= 4 && b[n - 4] == 'e' && b[n - 3] == '-' && b[n - 2] == '0') b.erase(n - 2, 1);
    }
    out += b;
  }

  bool value(const Type* t, Value v, bool quoted = false) {
    if (!t) {
      out += "null";
      return true;
    }
    bool ok = true;
    deep([&] { ok = valueImpl(t, v, quoted); });
    return ok;
  }

  bool valueImpl(const Type* t, Value v, bool quoted) {
    const Type* u = t->underlying();
    if (u->kind != Kind::Interface && (t->kind == Kind::Named || t->kind == Kind::Pointer)) {
      bool nilPtr = t->kind == Kind::Pointer && !v.p;
      if (implements(t, marshalerIface())) {
        if (nilPtr) {
          out += "null";
          return true;
        }
        std::string res;
        if (!callMarshal(t, v, "MarshalJSON", &res)) return false;
        std::string compacted;
        if (!compactInto(compacted, res, escapeHTML))
          return fail(kMarshaler, "json: error calling MarshalJSON for type " + typeName(t) +
                                      ": invalid character in MarshalJSON output");
        out += compacted;
        return true;
      }
      if (implements(t, textMarshalerIface())) {
        if (nilPtr) {
          out += "null";
          return true;
        }
        std::string res;
        if (!callMarshal(t, v, "MarshalText", &res)) return false;
        appendQuoted(out, res, escapeHTML);
        return true;
      }
    }
    if (isNamed(t, "Number")) {
      std::string_view s = rt::strView(v);
      out += s.empty() ? "0" : s;
      return true;
    }
    if (isNamed(t, "RawMessage")) {
      std::string raw = bytesToString(v);
      if (raw.empty() && !v.p) {
        out += "null";
        return true;
      }
      std::string compacted;
      if (!compactInto(compacted, raw, escapeHTML))
        return fail(kMarshaler, "json: error calling MarshalJSON for type json.RawMessage: invalid JSON");
      out += compacted;
      return true;
    }
    switch (u->kind) {
      case Kind::Bool:
        if (quoted) out += '"';
        out += v.u ? "true" : "false";
        if (quoted) out += '"';
        return true;
      case Kind::Float32:
      case Kind::Float64: {
        if (std::isnan(v.f) || std::isinf(v.f))
          return fail(kUnsupportedValue, "json: unsupported value: " + formatFloat(v.f, 'g', -1, 64));
        if (quoted) out += '"';
        floatText(v.f, u->kind == Kind::Float32 ? 32 : 64);
        if (quoted) out += '"';
        return true;
      }
      case Kind::String:
        if (quoted) {
          std::string inner;
          appendQuoted(inner, rt::strView(v), escapeHTML);
          appendQuoted(out, inner, escapeHTML);
        } else {
          appendQuoted(out, rt::strView(v), escapeHTML);
        }
        return true;
      case Kind::Interface: {
        if (!v.p) {
          out += "null";
          return true;
        }
        return value(rt::ifaceType(v), rt::ifaceValue(v));
      }
      case Kind::Pointer: {
        if (!v.p) {
          out += "null";
          return true;
        }
        Kind ek = u->elem->ukind();
        const void* id = (ek == Kind::Struct || ek == Kind::Array) ? v.p : v.as<rt::PtrObj>()->addr;
        if (!enter(t, id)) return false;
        Value target = (ek == Kind::Struct || ek == Kind::Array) ? v : rt::load(v.as<rt::PtrObj>()->addr);
        bool ok = value(u->elem, target, quoted);
        leave(id);
        return ok;
      }
      case Kind::Struct: return structValue(u, v);
      case Kind::Map: return mapValue(t, u, v);
      case Kind::Slice: {
        auto* s = v.as<rt::SliceObj>();
        if (!s) {
          out += "null";
          return true;
        }
        if (u->elem->ukind() == Kind::Uint8 && !implements(u->elem, marshalerIface()) &&
            !implements(u->elem, textMarshalerIface())) {
          out += '"';
          base64(out, bytesToString(v));
          out += '"';
          return true;
        }
        // a slice's identity for the cycle check is its data pointer and length, as in Go
        const void* id = s->data() + s->len;
        if (!enter(t, id)) return false;
        bool ok = list(u->elem, s->data(), s->len);
        leave(id);
        return ok;
      }
      case Kind::Array: {
        auto* a = v.as<rt::ArrObj>();
        return list(u->elem, a ? a->elems : nullptr, a ? u->length : 0);
      }
      default:
        if (isInteger(u)) {
          if (quoted) out += '"';
          out += intText(u, v);
          if (quoted) out += '"';
          return true;
        }
        return fail(kUnsupportedType, "json: unsupported type: " + typeName(t));
    }
  }

  bool list(const Type* elem, Value* data, int64_t n) {
    out += '[';
    for (int64_t i = 0; i < n; i++) {
      if (i > 0) out += ',';
      if (!value(elem, data ? rt::load(&data[i]) : Value())) return false;
    }
    out += ']';
    return true;
  }

  bool structValue(const Type* u, Value v) {
    out += '{';
    bool first = true;
    for (const Field& f : structFields(u)) {
      // Follow the index path through embedded structs (a nil embedded pointer hides its fields).
      const Type* st = u;
      Value cur = v;
      bool present = true;
      for (size_t k = 0; k < f.index.size(); k++) {
        auto* so = cur.as<rt::StructObj>();
        if (!so) {
          present = false;
          break;
        }
        const StructField& sf = st->underlying()->fields[size_t(f.index[k])];
        cur = rt::load(&so->fields[f.index[k]]);
        if (k + 1 < f.index.size()) {
          st = sf.type->kind == Kind::Pointer ? sf.type->elem : sf.type;
          if (sf.type->ukind() == Kind::Pointer && !cur.p) {
            present = false;
            break;
          }
        }
      }
      if (!present) continue;
      if (f.omitEmpty && isEmpty(f.type, cur)) continue;
      if (!first) out += ',';
      first = false;
      appendQuoted(out, f.name, escapeHTML);
      out += ':';
      if (!value(f.type, cur, f.quoted)) return false;
    }
    out += '}';
    return true;
  }

  bool mapValue(const Type* t, const Type* u, Value v) {
    auto* m = v.as<rt::MapObj>();
    if (!m) {
      out += "null";
      return true;
    }
    Kind kk = u->key->ukind();
    bool textKey = implements(u->key, textMarshalerIface());
    if (kk != Kind::String && !isInteger(u->key) && !textKey)
      return fail(kUnsupportedType, "json: unsupported type: " + typeName(t));
    if (!enter(t, m)) return false;
    std::vector<std::pair<Value, Value>> entries;
    rt::mapSortedEntries(m, u, &entries);
    std::vector<std::pair<std::string, size_t>> keys;
    for (size_t i = 0; i < entries.size(); i++) {
      std::string k;
      if (kk == Kind::String) k = std::string(rt::strView(entries[i].first));
      else if (textKey) {
        if (!callMarshal(u->key, entries[i].first, "MarshalText", &k)) return false;
      } else k = intText(u->key, entries[i].first);
      keys.emplace_back(std::move(k), i);
    }
    std::sort(keys.begin(), keys.end());
    out += '{';
    for (size_t i = 0; i < keys.size(); i++) {
      if (i > 0) out += ',';
      appendQuoted(out, keys[i].first, escapeHTML);
      out += ':';
      if (!value(u->elem, entries[keys[i].second].second)) return false;
    }
    out += '}';
    leave(m);
    return true;
  }
};

// Whitespace-free copy of valid JSON text (false if it is not valid JSON).
bool compactInto(std::string& out, std::string_view src, bool escapeHTML) {
  if (!validJSON(src)) return false;
  bool inStr = false;
  for (size_t i = 0; i < src.size(); i++) {
    char c = src[i];
    if (inStr) {
      if (escapeHTML && (c == '<' || c == '>' || c == '&')) {
        out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : "\\u0026";
        continue;
      }
      out += c;
      if (c == '\\' && i + 1 < src.size()) out += src[++i];
      else if (c == '"') inStr = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '"') inStr = true;
    out += c;
  }
  return true;
}

}  // namespace

// marshal(v any, escapeHTML bool) (out []byte, errKind int, msg string)
GOL_NATIVE(json_marshal, "encoding/json.marshal") {
  Encoder e;
  e.escapeHTML = call.args[1].u != 0;
  Value v = call.args[0];
  bool ok = e.value(rt::ifaceType(v), rt::ifaceValue(v));
  call.results[0] = ok ? rt::bytesFromString(str(e.out)) : Value();
  call.results[1] = Value::I(ok ? kOK : e.err);
  call.results[2] = ok ? Value() : str(e.msg);
}

// indent(src []byte, prefix, indent string) (out []byte, ok bool): Go's Indent over valid JSON.
GOL_NATIVE(json_indent, "encoding/json.indent") {
  std::string src = bytesToString(call.args[0]);
  std::string_view prefix = sv(call.args[1]), ind = sv(call.args[2]);
  if (!validJSON(src)) {
    call.results[0] = Value();
    call.results[1] = Value::B(false);
    return;
  }
  std::string out;
  int level = 0;
  bool needIndent = false;  // just after [ or {: a newline comes before the next element
  auto newline = [&] {
    out += '\n';
    out += prefix;
    for (int i = 0; i < level; i++) out += ind;
  };
  for (size_t i = 0; i < src.size(); i++) {
    char c = src[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (needIndent && c != ']' && c != '}') {
      needIndent = false;
      level++;
      newline();
    }
    if (c == '"') {
      size_t j = i + 1;
      while (j < src.size() && src[j] != '"') j += src[j] == '\\' ? 2 : 1;
      out.append(src, i, j - i + 1);
      i = j;
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        out += c;
        needIndent = true;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ": ";
        break;
      case '}':
      case ']':
        if (needIndent) {
          needIndent = false;  // empty: "{}" or "[]"
        } else {
          level--;
          newline();
        }
        out += c;
        break;
      default: out += c;
    }
  }
  call.results[0] = rt::bytesFromString(str(out));
  call.results[1] = Value::B(true);
}

// compact(src []byte, escapeHTML bool) (out []byte, ok bool)
GOL_NATIVE(json_compact, "encoding/json.compact") {
  std::string out;
  bool ok = compactInto(out, bytesToString(call.args[0]), call.args[1].u != 0);
  call.results[0] = ok ? rt::bytesFromString(str(out)) : Value();
  call.results[1] = Value::B(ok);
}

}  // namespace gol::native::json
