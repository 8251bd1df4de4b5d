// Package fmt, native side: printing any gol value by walking its Type (Go's printArg /
// printValue / handleMethods): Error() and String() methods through the evaluator's hooks,
// structs {1 2} / {X:1 Y:2} / main.T{X:1, Y:2}, maps with sorted keys, slices and arrays
// element-wise, pointers (&{...} at top level, addresses below), nil forms, and bad verbs.
#include <unordered_map>

#include "native/fmt_internal.h"
#include "native/native.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

namespace gol::native::fmtimpl {

namespace {

enum : uint8_t { kHasError = 1, kHasString = 2, kHasGoString = 4, kHasFormat = 8, kKnown = 128 };

const Type* stringerIface(const char* name) {
  TypeTable& tt = TypeTable::get();
  const Type* sig = tt.func({}, {tt.basic(Kind::String)}, false);
  return tt.interfaceType({Method{name, sig}});
}

bool hasEmbedded(const Type* u) {
  if (!u || u->kind != Kind::Struct) return false;
  for (auto& f : u->fields)
    if (f.embedded) return true;
  return false;
}

// Which of error / Stringer / GoStringer the dynamic type t implements (cached per thread).
uint8_t methodFlags(const Type* t) {
  if (t->ukind() == Kind::Interface) return 0;  // a static interface type: its dynamic value is printed
  const Type* b = t->kind == Kind::Pointer ? t->elem : t;
  if (!b) return 0;
  if (b->kind == Kind::Named) {
    if (b->methods.empty() && !hasEmbedded(b->underlying())) return 0;
  } else if (!hasEmbedded(b)) {
    return 0;
  }
  thread_local std::unordered_map<const Type*, uint8_t> cache;
  auto it = cache.find(t);
  if (it != cache.end()) return it->second;
  static const Type* errIface = TypeTable::get().errorType();
  static const Type* strIface = stringerIface("String");
  static const Type* goStrIface = stringerIface("GoString");
  uint8_t fl = kKnown;
  if (implements(t, errIface)) fl |= kHasError;
  if (implements(t, strIface)) fl |= kHasString;
  if (implements(t, goStrIface)) fl |= kHasGoString;
  Lookup fm = lookupFieldOrMethod(t, "Format");
  if (fm.kind == Lookup::What::Method && fm.method->sig && fm.method->sig->params.size() == 2 &&
      fm.method->sig->results.empty())
    fl |= kHasFormat;
  cache.emplace(t, fl);
  return fl;
}

// Calls the string-valued method `name` of value v (dynamic type t). A nil pointer whose method
// needs the pointee prints "<nil>" as Go's recovered panic does: *nilCase is set.
bool callStringMethod(const Type* t, Value v, const char* name, std::string* out, bool* nilCase,
                      std::string* panicText) {
  *nilCase = false;
  rt::Hooks& h = rt::hooks();
  if (!h.boundMethod || !h.callFunc) return false;
  if (t->kind == Kind::Pointer && !v.p) {
    Lookup l = lookupFieldOrMethod(t, name);
    if (l.kind != Lookup::What::Method || !l.path.empty() || !l.method->pointerRecv) {
      *nilCase = true;
      return true;
    }
  }
  Value fn = h.boundMethod(t, v, name);
  if (!fn.p) return false;
  Value res;
  if (!h.callFuncRecover) {
    h.callFunc(fn, nullptr, 0, &res, 1);
  } else if (!h.callFuncRecover(fn, nullptr, 0, &res, 1, panicText)) {
    // Go's catchPanic: a nil pointer receiver prints "<nil>", any other panic "%!v(PANIC=...)"
    if (t->kind == Kind::Pointer && !v.p) *nilCase = true;
    else *panicText = std::string(name) + " method: " + *panicText;
    if (*nilCase) panicText->clear();
    return true;
  }
  *out = std::string(rt::strView(res));
  return true;
}

int64_t signExtend(uint64_t u, int bits) {
  if (bits >= 64) return static_cast<int64_t>(u);
  int s = 64 - bits;
  return static_cast<int64_t>(u << s) >> s;
}

uint64_t zeroExtend(uint64_t u, int bits) { return bits >= 64 ? u : (u & ((uint64_t(1) << bits) - 1)); }

bool verbIsStringish(char32_t verb) {
  return verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q';
}

// Go's heap addresses look like 0xc000012345; ours are shown in that style (low 36 bits of the
// real address over 0xc000000000), so the same pointer always prints the same.
uint64_t goStyle(uint64_t a) { return a ? 0xc000000000ull | (a & 0xFFFFFFFFFull) : 0; }

uint64_t pointerBitsRaw(const Type* t, Value v);
uint64_t pointerBits(const Type* t, Value v) { return goStyle(pointerBitsRaw(t, v)); }

uint64_t pointerBitsRaw(const Type* t, Value v) {
  if (!v.p) return 0;
  Kind k = t->ukind();
  if (k == Kind::Pointer) {
    Kind ek = t->underlying()->elem ? t->underlying()->elem->ukind() : Kind::Invalid;
    if (ek != Kind::Struct && ek != Kind::Array) return reinterpret_cast<uint64_t>(v.as<rt::PtrObj>()->addr);
  } else if (k == Kind::Slice) {
    rt::SliceObj* s = v.as<rt::SliceObj>();
    if (s->arr) return reinterpret_cast<uint64_t>(s->data());
  }
  return reinterpret_cast<uint64_t>(v.p);
}

}  // namespace

// The gol function fmt.callFormat, registered at package init (also held by a package variable,
// which keeps it alive for the collector).
Value& formatHelper() {
  static Value helper;
  return helper;
}

GOL_NATIVE(fmt_setFormatHelper, "fmt.setFormatHelper") {
  formatHelper() = call.args[0];
  call.results[0] = Value::B(true);
}

int kindBits(Kind k) {
  switch (k) {
    case Kind::Int8:
    case Kind::Uint8: return 8;
    case Kind::Int16:
    case Kind::Uint16: return 16;
    case Kind::Int32:
    case Kind::Uint32: return 32;
    default: return 64;
  }
}

std::string typeName(const Type* t) { return t ? typeString(t, true) : std::string("<nil>"); }

void sliceWords(Value slice, std::vector<Value>* out) {
  out->clear();
  rt::SliceObj* s = slice.as<rt::SliceObj>();
  if (!s || s->len == 0) return;
  Value* d = s->data();
  out->reserve(static_cast<size_t>(s->len));
  for (int64_t i = 0; i < s->len; i++) out->push_back(rt::load(&d[i]));
}

void Printer::badVerb(char32_t verb) {
  erroring = true;
  buf += "%!";
  appendRune(buf, static_cast<int32_t>(verb));
  buf += '(';
  if (curType) {
    const Type* t = curType;
    Value v = curVal;
    buf += typeName(t);
    buf += '=';
    printValue(t, v, 'v', 0);
  } else {
    buf += "<nil>";
  }
  buf += ')';
  erroring = false;
}

void Printer::printArg(Value iface, char32_t verb) {
  curType = nullptr;
  curVal = Value();
  if (!iface.p) {
    if (verb == 'T' || verb == 'v') {
      padString("<nil>");
    } else {
      badVerb(verb);
    }
    return;
  }
  const rt::IfaceObj* io = iface.as<rt::IfaceObj>();
  const Type* t = io->type;
  Value v = io->v;
  curType = t;
  curVal = v;
  if (verb == 'T') {
    fmtS(typeName(t));
    return;
  }
  if (verb == 'p') {
    fmtPointer(t, v, 'p');
    return;
  }
  // Basic unnamed types need no method lookup.
  if (printBasic(t->kind, v, verb)) return;
  if (t->kind == Kind::Slice && t->elem && t->elem->kind == Kind::Uint8) {
    fmtBytes(t, v, verb, true);
    return;
  }
  if (!handleMethods(t, v, verb)) printValue(t, v, verb, 0);
}

// A value of a basic kind k (the type's own kind, or its underlying one), by verb; false for
// the other kinds.
bool Printer::printBasic(Kind k, Value v, char32_t verb) {
  switch (k) {
    case Kind::Bool: printBool(v.u != 0, verb); return true;
    case Kind::Int:
    case Kind::Int8:
    case Kind::Int16:
    case Kind::Int32:
    case Kind::Int64: printInteger(static_cast<uint64_t>(signExtend(v.u, kindBits(k))), true, verb); return true;
    case Kind::Uint:
    case Kind::Uint8:
    case Kind::Uint16:
    case Kind::Uint32:
    case Kind::Uint64:
    case Kind::Uintptr: printInteger(zeroExtend(v.u, kindBits(k)), false, verb); return true;
    case Kind::Float32: printFloat(v.f, 32, verb); return true;
    case Kind::Float64: printFloat(v.f, 64, verb); return true;
    case Kind::Complex64: printComplex(rt::complexReal(v), rt::complexImag(v), 64, verb); return true;
    case Kind::Complex128: printComplex(rt::complexReal(v), rt::complexImag(v), 128, verb); return true;
    case Kind::String: printString(rt::strView(v), verb); return true;
    default: return false;
  }
}

bool Printer::handleMethods(const Type* t, Value v, char32_t verb) {
  if (erroring) return false;
  uint8_t fl = methodFlags(t);
  if (verb == 'w') {
    if (!(fl & kHasError) || !wrapErrs) {
      badVerb(verb);
      return true;
    }
    verb = 'v';
  }
  if (!fl) return false;
  if ((fl & kHasFormat) && formatHelper().p && rt::hooks().boundMethod(t, v, "Format").p) {
    std::string flags;
    if (f.minus) flags += '-';
    if (f.plus || f.plusV) flags += '+';
    if (f.sharp || f.sharpV) flags += '#';
    if (f.space) flags += ' ';
    if (f.zero) flags += '0';
    Value args[5] = {rt::boxIface(t, v), Value::I(static_cast<int64_t>(verb)), Value::I(f.widPresent ? f.wid : -1),
                     Value::I(f.precPresent ? f.prec : -1), rt::makeString(flags)};
    Value res;
    rt::hooks().callFunc(formatHelper(), args, 5, &res, 1);
    buf += rt::strView(res);
    return true;
  }
  std::string s, panicText;
  bool nilCase = false;
  auto printPanicked = [&](char32_t vb) {
    buf += "%!";
    appendRune(buf, static_cast<int32_t>(vb));
    buf += "(PANIC=" + panicText + ")";
  };
  if (f.sharpV) {
    if ((fl & kHasGoString) && callStringMethod(t, v, "GoString", &s, &nilCase, &panicText)) {
      if (!panicText.empty()) {
        printPanicked('v');
      } else if (nilCase) {
        buf += "<nil>";
      } else {
        fmtS(s);
      }
      return true;
    }
    return false;
  }
  if (!verbIsStringish(verb)) return false;
  const char* name = (fl & kHasError) ? "Error" : (fl & kHasString) ? "String" : nullptr;
  if (!name || !callStringMethod(t, v, name, &s, &nilCase, &panicText)) return false;
  if (!panicText.empty()) {
    printPanicked(verb);
  } else if (nilCase) {
    buf += "<nil>";
  } else {
    printString(s, verb);
  }
  return true;
}

void Printer::fmtBytes(const Type* t, Value v, char32_t verb, bool exactByteSlice) {
  const Type* u = t->underlying();
  bool isNil = false;
  std::string bytes;
  if (u->kind == Kind::Slice) {
    rt::SliceObj* s = v.as<rt::SliceObj>();
    isNil = s == nullptr;
    if (s && s->len > 0) {
      Value* d = s->data();
      bytes.resize(static_cast<size_t>(s->len));
      for (int64_t i = 0; i < s->len; i++) bytes[i] = static_cast<char>(rt::load(&d[i]).u);
    }
  } else {
    rt::ArrObj* a = v.as<rt::ArrObj>();
    bytes.resize(static_cast<size_t>(u->length));
    if (a)
      for (int64_t i = 0; i < u->length; i++) bytes[i] = static_cast<char>(rt::load(&a->elems[i]).u);
  }
  switch (verb) {
    case 'v':
    case 'd':
      if (f.sharpV) {
        buf += exactByteSlice ? "[]byte" : typeName(t);  // Go spells the unnamed type []byte here
        if (isNil) {
          buf += "(nil)";
          return;
        }
        buf += '{';
        for (size_t i = 0; i < bytes.size(); i++) {
          if (i > 0) buf += ", ";
          fmt0x64(static_cast<unsigned char>(bytes[i]), true);
        }
        buf += '}';
      } else {
        buf += '[';
        for (size_t i = 0; i < bytes.size(); i++) {
          if (i > 0) buf += ' ';
          fmtInteger(static_cast<unsigned char>(bytes[i]), 10, false, verb, false);
        }
        buf += ']';
      }
      return;
    case 's': fmtS(bytes); return;
    case 'x': fmtSbx(bytes, false); return;
    case 'X': fmtSbx(bytes, true); return;
    case 'q': fmtQ(bytes); return;
    default: printValue(t, v, verb, 0); return;
  }
}

void Printer::fmtPointer(const Type* t, Value v, char32_t verb) {
  switch (t->ukind()) {
    case Kind::Chan:
    case Kind::Func:
    case Kind::Map:
    case Kind::Pointer:
    case Kind::Slice:
    case Kind::UnsafePointer: break;
    default: badVerb(verb); return;
  }
  uint64_t u = pointerBits(t, v);
  switch (verb) {
    case 'v':
      if (f.sharpV) {
        buf += '(';
        buf += typeName(t);
        buf += ")(";
        if (u == 0) {
          buf += "nil";
        } else {
          fmt0x64(u, true);
        }
        buf += ')';
      } else if (u == 0) {
        padString("<nil>");
      } else {
        fmt0x64(u, !f.sharp);
      }
      break;
    case 'p': fmt0x64(u, !f.sharp); break;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X': printInteger(u, false, verb); break;
    default: badVerb(verb);
  }
}

// Values below the top level (depth > 0) use their own Error/String methods, unless they were
// reached through an unexported field (ro), as Go's reflection cannot call those.
void Printer::printValue(const Type* t, Value v, char32_t verb, int depth, bool ro) {
  curType = t;
  curVal = v;
  if (depth > 0 && !ro && t->ukind() != Kind::Interface && handleMethods(t, v, verb)) return;
  curType = t;
  curVal = v;
  const Type* u = t->underlying();
  if (printBasic(u->kind, v, verb)) return;
  switch (u->kind) {
    case Kind::Map: printMap(t, v, verb, depth, ro); return;
    case Kind::Struct: printStruct(t, v, verb, depth, ro); return;
    case Kind::Interface: printInterface(t, v, verb, depth, ro); return;
    case Kind::Array:
    case Kind::Slice: printList(t, v, verb, depth, ro); return;
    case Kind::Pointer: printPointer(t, v, verb, depth, ro); return;
    case Kind::Chan:
    case Kind::Func:
    case Kind::UnsafePointer: fmtPointer(t, v, verb); return;
    default:
      buf += '?';
      buf += typeName(t);
      buf += '?';
      return;
  }
}

// The opening of a map, slice or array: `plain` ("map[" or "["), or with %#v the type and a
// brace. A nil map or slice under %#v is T(nil) and has no elements: false then.
bool Printer::openList(const Type* t, bool isNil, const char* plain) {
  if (!f.sharpV) {
    buf += plain;
    return true;
  }
  buf += typeName(t);
  if (isNil) {
    buf += "(nil)";
    return false;
  }
  buf += '{';
  return true;
}

void Printer::listSeparator(size_t i) {
  if (i > 0) buf += f.sharpV ? ", " : " ";
}

void Printer::closeList() { buf += f.sharpV ? '}' : ']'; }

// Maps print their entries sorted by key, as Go's fmt does.
void Printer::printMap(const Type* t, Value v, char32_t verb, int depth, bool ro) {
  const Type* u = t->underlying();
  rt::MapObj* m = v.as<rt::MapObj>();
  if (!openList(t, !m, "map[")) return;
  std::vector<std::pair<Value, Value>> entries;
  if (m) rt::mapSortedEntries(m, u, &entries);
  for (size_t i = 0; i < entries.size(); i++) {
    listSeparator(i);
    printValue(u->key, entries[i].first, verb, depth + 1, ro);
    buf += ':';
    printValue(u->elem, entries[i].second, verb, depth + 1, ro);
  }
  closeList();
}

void Printer::printStruct(const Type* t, Value v, char32_t verb, int depth, bool ro) {
  const Type* u = t->underlying();
  if (f.sharpV) buf += typeName(t);
  buf += '{';
  rt::StructObj* s = v.as<rt::StructObj>();
  for (size_t i = 0; i < u->fields.size(); i++) {
    const StructField& fd = u->fields[i];
    listSeparator(i);
    if ((f.plusV || f.sharpV) && !fd.name.empty()) {
      buf += fd.name;
      buf += ':';
    }
    Value fv = s ? rt::load(&s->fields[i]) : Value();
    printValue(fd.type, fv, verb, depth + 1, ro || !fd.exported);
  }
  buf += '}';
}

// An interface-typed element or field: its dynamic value, or the nil forms.
void Printer::printInterface(const Type* t, Value v, char32_t verb, int depth, bool ro) {
  const rt::IfaceObj* io = v.as<rt::IfaceObj>();
  if (io) {
    printValue(io->type, io->v, verb, depth + 1, ro);
    return;
  }
  if (f.sharpV) {
    buf += typeName(t);
    buf += "(nil)";
  } else {
    buf += "<nil>";
  }
}

// Arrays and slices element by element; byte sequences under %s %q %x %X as strings.
void Printer::printList(const Type* t, Value v, char32_t verb, int depth, bool ro) {
  const Type* u = t->underlying();
  if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && u->elem && u->elem->ukind() == Kind::Uint8) {
    fmtBytes(t, v, verb);
    return;
  }
  Value* data = nullptr;
  int64_t n = 0;
  bool isNilSlice = false;
  if (u->kind == Kind::Slice) {
    rt::SliceObj* s = v.as<rt::SliceObj>();
    isNilSlice = s == nullptr;
    if (s) {
      data = s->data();
      n = s->len;
    }
  } else {
    rt::ArrObj* a = v.as<rt::ArrObj>();
    n = u->length;
    data = a ? a->elems : nullptr;
  }
  if (!openList(t, isNilSlice, "[")) return;
  for (int64_t i = 0; i < n; i++) {
    listSeparator(static_cast<size_t>(i));
    printValue(u->elem, data ? rt::load(&data[i]) : Value(), verb, depth + 1, ro);
  }
  closeList();
}

// A pointer to an array, slice, struct or map prints as & and the pointee at top level; other
// pointers, and all below the top level, as addresses.
void Printer::printPointer(const Type* t, Value v, char32_t verb, int depth, bool ro) {
  const Type* e = t->underlying()->elem;
  if (depth == 0 && v.p && e) {
    switch (e->ukind()) {
      case Kind::Struct:
      case Kind::Array:
        buf += '&';
        printValue(e, v, verb, depth + 1, ro);
        return;
      case Kind::Slice:
      case Kind::Map:
        buf += '&';
        printValue(e, rt::load(v.as<rt::PtrObj>()->addr), verb, depth + 1, ro);
        return;
      default: break;
    }
  }
  fmtPointer(t, v, verb);
}

}  // namespace gol::native::fmtimpl
