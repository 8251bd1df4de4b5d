// typeString: Go's spelling of types, as %T prints them (qualified) and as the checker's error
// messages print them (main-package names unqualified).
#include "types/type.h"

namespace gol {

namespace {
const char* basicName(Kind k) {
  switch (k) {
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Int8: return "int8";
    case Kind::Int16: return "int16";
    case Kind::Int32: return "int32";
    case Kind::Int64: return "int64";
    case Kind::Uint: return "uint";
    case Kind::Uint8: return "uint8";
    case Kind::Uint16: return "uint16";
    case Kind::Uint32: return "uint32";
    case Kind::Uint64: return "uint64";
    case Kind::Uintptr: return "uintptr";
    case Kind::Float32: return "float32";
    case Kind::Float64: return "float64";
    case Kind::Complex64: return "complex64";
    case Kind::Complex128: return "complex128";
    case Kind::String: return "string";
    case Kind::UnsafePointer: return "unsafe.Pointer";
    case Kind::UntypedBool: return "untyped bool";
    case Kind::UntypedInt: return "untyped int";
    case Kind::UntypedRune: return "untyped rune";
    case Kind::UntypedFloat: return "untyped float";
    case Kind::UntypedComplex: return "untyped complex";
    case Kind::UntypedString: return "untyped string";
    case Kind::UntypedNil: return "untyped nil";
    default: return "invalid type";
  }
}

// The package qualifier Go prints: the last element of the import path.
std::string pkgName(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void write(std::string& out, const Type* t, bool q);

void writeList(std::string& out, const std::vector<const Type*>& ts, bool variadic, bool q) {
  for (size_t i = 0; i < ts.size(); i++) {
    if (i) out += ", ";
    if (variadic && i + 1 == ts.size() && ts[i]->kind == Kind::Slice) {
      out += "...";
      write(out, ts[i]->elem, q);
    } else {
      write(out, ts[i], q);
    }
  }
}

void writeSig(std::string& out, const Type* t, bool q) {
  out += "(";
  writeList(out, t->params, t->variadic, q);
  out += ")";
  if (t->results.size() == 1) {
    out += " ";
    write(out, t->results[0], q);
  } else if (t->results.size() > 1) {
    out += " (";
    writeList(out, t->results, false, q);
    out += ")";
  }
}

void writeNamed(std::string& out, const Type* t, bool q) {
  if (t == TypeTable::get().errorType()) { out += "error"; return; }
  if (t->pkg.empty()) {
    if (q) out += "main.";
  } else {
    out += pkgName(t->pkg) + ".";
  }
  out += t->name;
}

void write(std::string& out, const Type* t, bool q) {
  if (!t) { out += "invalid type"; return; }
  switch (t->kind) {
    case Kind::Named: writeNamed(out, t, q); return;
    case Kind::Pointer: out += "*"; write(out, t->elem, q); return;
    case Kind::Slice: out += "[]"; write(out, t->elem, q); return;
    case Kind::Array: out += "[" + std::to_string(t->length) + "]"; write(out, t->elem, q); return;
    case Kind::Map:
      out += "map[";
      write(out, t->key, q);
      out += "]";
      write(out, t->elem, q);
      return;
    case Kind::Chan:
      if (t->dir == ChanDirection::Recv) out += "<-";
      out += "chan";
      if (t->dir == ChanDirection::Send) out += "<-";
      out += " ";
      if (t->dir != ChanDirection::Send && t->elem && t->elem->kind == Kind::Chan &&
          t->elem->dir == ChanDirection::Recv) {
        out += "(";
        write(out, t->elem, q);
        out += ")";
      } else {
        write(out, t->elem, q);
      }
      return;
    case Kind::Func: out += "func"; writeSig(out, t, q); return;
    case Kind::Tuple: {
      out += "(";
      for (size_t i = 0; i < t->fields.size(); i++) {
        if (i) out += ", ";
        write(out, t->fields[i].type, q);
      }
      out += ")";
      return;
    }
    case Kind::Struct: {
      if (t->fields.empty()) { out += "struct {}"; return; }
      out += "struct { ";
      for (size_t i = 0; i < t->fields.size(); i++) {
        auto& f = t->fields[i];
        if (i) out += "; ";
        if (!f.embedded) out += f.name + " ";
        write(out, f.type, q);
        if (!f.tag.empty()) out += " " + f.tag;
      }
      out += " }";
      return;
    }
    case Kind::Interface: {
      if (t->methods.empty()) { out += "interface {}"; return; }
      out += "interface { ";
      for (size_t i = 0; i < t->methods.size(); i++) {
        if (i) out += "; ";
        out += t->methods[i].name;
        writeSig(out, t->methods[i].sig, q);
      }
      out += " }";
      return;
    }
    default: out += basicName(t->kind); return;
  }
}
}  // namespace

std::string typeString(const Type* t, bool qualify) {
  std::string out;
  write(out, t, qualify);
  return out;
}

}  // namespace gol
