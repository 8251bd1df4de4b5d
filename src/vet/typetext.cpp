// Types spelled the way go vet quotes them, as go/types prints them: full package paths
// ("sync/atomic.Int64", "main.T"), no spaces inside braces ("struct{mu sync.Mutex}").
#include "vet/pass.h"

namespace gol::vet {

namespace {

void writeType(std::string& out, const Type* t);

void writeTypes(std::string& out, const std::vector<const Type*>& ts, bool variadic) {
  for (size_t i = 0; i < ts.size(); i++) {
    if (i) out += ", ";
    if (variadic && i + 1 == ts.size() && ts[i]->kind == Kind::Slice) {
      out += "...";
      writeType(out, ts[i]->elem);
    } else {
      writeType(out, ts[i]);
    }
  }
}

void writeSig(std::string& out, const Type* f) {
  out += "(";
  writeTypes(out, f->params, f->variadic);
  out += ")";
  if (f->results.size() == 1) {
    out += " ";
    writeType(out, f->results[0]);
  } else if (f->results.size() > 1) {
    out += " (";
    writeTypes(out, f->results, false);
    out += ")";
  }
}

void writeStruct(std::string& out, const Type* t) {
  out += "struct{";
  for (size_t i = 0; i < t->fields.size(); i++) {
    if (i) out += "; ";
    if (!t->fields[i].embedded) out += t->fields[i].name + " ";
    writeType(out, t->fields[i].type);
  }
  out += "}";
}

void writeInterface(std::string& out, const Type* t) {
  out += "interface{";
  for (size_t i = 0; i < t->methods.size(); i++) {
    if (i) out += "; ";
    out += t->methods[i].name;
    writeSig(out, t->methods[i].sig);
  }
  out += "}";
}

void writeType(std::string& out, const Type* t) {
  if (!t) return;
  switch (t->kind) {
    case Kind::Named:
      if (t == TypeTable::get().errorType()) out += "error";
      else out += (t->pkg.empty() ? "main" : t->pkg) + "." + t->name;
      return;
    case Kind::Pointer: out += "*"; return writeType(out, t->elem);
    case Kind::Slice: out += "[]"; return writeType(out, t->elem);
    case Kind::Array: out += "[" + std::to_string(t->length) + "]"; return writeType(out, t->elem);
    case Kind::Map:
      out += "map[";
      writeType(out, t->key);
      out += "]";
      return writeType(out, t->elem);
    case Kind::Chan:
      out += t->dir == ChanDirection::Recv ? "<-chan " : t->dir == ChanDirection::Send ? "chan<- " : "chan ";
      return writeType(out, t->elem);
    case Kind::Func: out += "func"; return writeSig(out, t);
    case Kind::Tuple:
      out += "(";
      for (size_t i = 0; i < t->fields.size(); i++) {
        if (i) out += ", ";
        writeType(out, t->fields[i].type);
      }
      out += ")";
      return;
    case Kind::Struct: return writeStruct(out, t);
    case Kind::Interface: return writeInterface(out, t);
    default: out += typeString(t); return;  // basic and untyped types
  }
}

}  // namespace

std::string typeText(const Type* t) {
  std::string out;
  writeType(out, t);
  return out;
}

}  // namespace gol::vet
