// Package fmt, native side: the print loops (Print's spacing rule, Println, the Printf format
// parser with flags, width, precision, `*`, explicit argument indexes and the %!(...) error
// forms) and the natives bound to stdlib/fmt/fmt.gol's bodyless functions: Print*, Sprint*,
// Fprint* (os.Stdout/os.Stderr written directly, other writers through their Write method) and
// errorf (Errorf's formatting; the wrapping is gol code).
#include <algorithm>
#include <cstdio>

#include "native/fmt_internal.h"
#include "native/native.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

namespace gol::native::fmtimpl {

namespace {

bool tooLarge(int x) { return x > 1000000 || x < -1000000; }

// Parses a decimal number at s[i..end); isnum false if there are no digits.
int parseNum(std::string_view s, size_t* i, size_t end, bool* isnum) {
  int num = 0;
  *isnum = false;
  if (*i >= end) return 0;
  while (*i < end && s[*i] >= '0' && s[*i] <= '9') {
    if (tooLarge(num)) {
      *isnum = false;
      *i = end;
      return 0;
    }
    num = num * 10 + (s[*i] - '0');
    *isnum = true;
    (*i)++;
  }
  return num;
}

// An int operand for '*': ints and uints of any size that fit an int.
bool intFromArg(const Value* args, int n, int* argNum, int* out) {
  *out = 0;
  bool ok = false;
  if (*argNum < n) {
    Value a = args[*argNum];
    if (a.p) {
      const rt::IfaceObj* io = a.as<rt::IfaceObj>();
      Kind k = io->type->ukind();
      switch (k) {
        case Kind::Int:
        case Kind::Int8:
        case Kind::Int16:
        case Kind::Int32:
        case Kind::Int64:
          if (io->v.i >= INT32_MIN && io->v.i <= INT32_MAX) {
            *out = static_cast<int>(io->v.i);
            ok = true;
          } else {
            *out = 0;
            ok = false;
          }
          break;
        case Kind::Uint:
        case Kind::Uint8:
        case Kind::Uint16:
        case Kind::Uint32:
        case Kind::Uint64:
        case Kind::Uintptr:
          if (io->v.u <= INT32_MAX) {
            *out = static_cast<int>(io->v.u);
            ok = true;
          }
          break;
        default: break;
      }
    }
    (*argNum)++;
    if (tooLarge(*out)) {
      *out = 0;
      ok = false;
    }
  }
  return ok;
}

char32_t decodeVerb(std::string_view s, size_t i, int* size) {
  unsigned char c = s[i];
  *size = 1;
  if (c < 0x80) return c;
  std::string tmp;
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) return 0xFFFD;
  int32_t r = c & (0x7F >> n);
  for (int k = 1; k < n; k++) {
    unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) return 0xFFFD;
    r = (r << 6) | (d & 0x3F);
  }
  *size = n;
  return static_cast<char32_t>(r);
}

bool isStringKind(Value a) { return a.p && a.as<rt::IfaceObj>()->type->ukind() == Kind::String; }

}  // namespace

void Printer::doPrint(const Value* args, int n) {
  bool prevString = false;
  for (int i = 0; i < n; i++) {
    bool isString = isStringKind(args[i]);
    if (i > 0 && !isString && !prevString) buf += ' ';
    printArg(args[i], 'v');
    prevString = isString;
  }
}

void Printer::doPrintln(const Value* args, int n) {
  for (int i = 0; i < n; i++) {
    if (i > 0) buf += ' ';
    printArg(args[i], 'v');
  }
  buf += '\n';
}

// Printf's place in its format and its operands.
struct PrintfState {
  std::string_view format;
  const Value* args;
  int n;
  size_t i = 0;            // next byte of format
  int argNum = 0;          // next operand
  bool reordered = false;  // an explicit index [n] was seen: extra operands are not reported
};

// One verb of the format as parsed: flags, width and precision, and what was wrong with them.
struct PrintfVerb {
  Flags f;
  bool goodArgNum = true;  // false: a bad [n] index, or an index before a width or precision
  bool badWidth = false, badPrec = false;  // a '*' whose operand is not an int
  bool present = false;    // false: the format ended before the verb
  char32_t verb = 0;
};

namespace {

// An explicit argument index [n] at the current byte: sets the next operand (and v.goodArgNum
// false when it is out of range). Whether an index was there.
bool argNumber(PrintfState& st, PrintfVerb& v) {
  std::string_view format = st.format;
  if (st.i >= format.size() || format[st.i] != '[') return false;
  st.reordered = true;
  std::string_view rest = format.substr(st.i);
  int index = 0;
  size_t wid = 1;
  bool ok = false;
  if (rest.size() >= 3) {
    for (size_t j = 1; j < rest.size(); j++) {
      if (rest[j] != ']') continue;
      size_t k = 1;
      bool isnum;
      int num = parseNum(rest, &k, j, &isnum);
      wid = j + 1;
      if (isnum && k == j) {
        index = num - 1;  // one-based
        ok = true;
      }
      break;
    }
  }
  st.i += wid;
  if (ok && index >= 0 && index < st.n) {
    st.argNum = index;
    return true;
  }
  v.goodArgNum = false;
  return ok;
}

void parseFlags(PrintfState& st, Flags& f) {
  for (; st.i < st.format.size(); st.i++) {
    switch (st.format[st.i]) {
      case '#': f.sharp = true; break;
      case '0': f.zero = !f.minus; break;  // zero padding only on the left
      case '+': f.plus = true; break;
      case '-':
        f.minus = true;
        f.zero = false;
        break;
      case ' ': f.space = true; break;
      default: return;
    }
  }
}

// The width: '*' (the next operand) or a number. afterIndex: an index [n] came just before.
void parseWidth(PrintfState& st, PrintfVerb& v, bool* afterIndex) {
  Flags& f = v.f;
  if (st.i < st.format.size() && st.format[st.i] == '*') {
    st.i++;
    f.widPresent = intFromArg(st.args, st.n, &st.argNum, &f.wid);
    v.badWidth = !f.widPresent;
    if (f.wid < 0) {  // a negative '*' width pads on the right
      f.wid = -f.wid;
      f.minus = true;
      f.zero = false;
    }
    *afterIndex = false;
    return;
  }
  bool isnum;
  f.wid = parseNum(st.format, &st.i, st.format.size(), &isnum);
  f.widPresent = isnum;
  if (*afterIndex && f.widPresent) v.goodArgNum = false;  // "%[3]2d"
}

// The precision after a '.': '*', an index then '*', or a number (none: 0).
void parsePrecision(PrintfState& st, PrintfVerb& v, bool* afterIndex) {
  Flags& f = v.f;
  st.i++;  // the '.'
  if (*afterIndex) v.goodArgNum = false;  // "%[3].2d"
  *afterIndex = argNumber(st, v);
  if (st.i < st.format.size() && st.format[st.i] == '*') {
    st.i++;
    f.precPresent = intFromArg(st.args, st.n, &st.argNum, &f.prec);
    if (f.prec < 0) {
      f.prec = 0;
      f.precPresent = false;
    }
    v.badPrec = !f.precPresent;
    *afterIndex = false;
    return;
  }
  bool isnum;
  f.prec = parseNum(st.format, &st.i, st.format.size(), &isnum);
  f.precPresent = true;
  if (!isnum) f.prec = 0;
}

// Parses the verb after a '%': flags, [n], width, precision, [n], the verb rune. '*' operands
// are consumed here.
PrintfVerb parseVerb(PrintfState& st) {
  PrintfVerb v;
  size_t end = st.format.size();
  parseFlags(st, v.f);
  bool afterIndex = argNumber(st, v);
  parseWidth(st, v, &afterIndex);
  if (st.i + 1 < end && st.format[st.i] == '.') parsePrecision(st, v, &afterIndex);
  if (!afterIndex) afterIndex = argNumber(st, v);
  if (st.i >= end) return v;
  int size;
  v.verb = decodeVerb(st.format, st.i, &size);
  v.present = true;
  st.i += static_cast<size_t>(size);
  return v;
}

}  // namespace

void Printer::doPrintf(std::string_view format, const Value* args, int n) {
  PrintfState st{format, args, n};
  size_t end = format.size();
  while (st.i < end) {
    size_t lasti = st.i;
    while (st.i < end && format[st.i] != '%') st.i++;
    if (st.i > lasti) buf.append(format.substr(lasti, st.i - lasti));
    if (st.i >= end) break;
    st.i++;  // skip %
    if (!printVerb(st, parseVerb(st))) break;
  }
  // Extra operands, unless arguments were accessed out of order.
  if (!st.reordered && st.argNum < n) printExtra(args, st.argNum, n);
}

// Prints one parsed verb with its operand, or the %!(...) form of what is wrong with it; false
// when the format ended before the verb (nothing more to print).
bool Printer::printVerb(PrintfState& st, const PrintfVerb& v) {
  f = v.f;
  if (v.badWidth) buf += "%!(BADWIDTH)";
  if (v.badPrec) buf += "%!(BADPREC)";
  if (!v.present) {
    buf += "%!(NOVERB)";
    return false;
  }
  char32_t verb = v.verb;
  if (verb == '%') {
    buf += '%';  // does not use an operand; ignores width and precision
  } else if (!v.goodArgNum || st.argNum >= st.n) {
    buf += "%!";
    appendRune(buf, static_cast<int32_t>(verb));
    buf += v.goodArgNum ? "(MISSING)" : "(BADINDEX)";
  } else {
    if (verb == 'w') wrapped.push_back(st.argNum);
    if (verb == 'v' || verb == 'w') {  // %+v and %#v are their own forms, not flags
      f.sharpV = f.sharp;
      f.sharp = false;
      f.plusV = f.plus;
      f.plus = false;
    }
    printArg(st.args[st.argNum], verb);
    st.argNum++;
  }
  return true;
}

// %!(EXTRA type=value, ...) for the operands from `from` on that no verb used.
void Printer::printExtra(const Value* args, int from, int n) {
  clearFlags();
  buf += "%!(EXTRA ";
  for (int k = from; k < n; k++) {
    if (k > from) buf += ", ";
    Value a = args[k];
    if (!a.p) {
      buf += "<nil>";
    } else {
      buf += typeName(a.as<rt::IfaceObj>()->type);
      buf += '=';
      printArg(a, 'v');
    }
  }
  buf += ')';
}

// ---------------------------------------------------------------- natives

namespace {

void writeStdout(std::string_view s) {
  if (auto fn = rt::hooks().writeStdout) {
    fn(s);
  } else {
    fwrite(s.data(), 1, s.size(), stdout);
  }
}

void writeStderr(std::string_view s) {
  if (auto fn = rt::hooks().writeStderr) {
    fn(s);
  } else {
    fwrite(s.data(), 1, s.size(), stderr);
  }
}

// Writes s to the io.Writer interface value w; results receive (n int, err error).
void writeTo(Value w, std::string_view s, Value* results) {
  if (!w.p) rt::panicRuntimeError("invalid memory address or nil pointer dereference");
  const rt::IfaceObj* io = w.as<rt::IfaceObj>();
  const Type* t = io->type;
  if (t->kind == Kind::Pointer && t->elem && t->elem->kind == Kind::Named && t->elem->name == "File" &&
      t->elem->pkg == "os" && io->v.p) {
    int64_t fd = rt::load(&io->v.as<rt::StructObj>()->fields[0]).i;
    if (fd == 1 || fd == 2) {
      if (fd == 1) {
        writeStdout(s);
      } else {
        writeStderr(s);
      }
      results[0] = Value::I(static_cast<int64_t>(s.size()));
      results[1] = Value();
      return;
    }
  }
  rt::Hooks& h = rt::hooks();
  Value fn = h.boundMethod ? h.boundMethod(t, io->v, "Write") : Value();
  if (!fn.p) rt::panicPlain("fmt: writer has no Write method");
  Value b = rt::bytesFromString(rt::makeString(s));
  Value res[2];
  h.callFunc(fn, &b, 1, res, 2);
  results[0] = res[0];
  results[1] = res[1];
}

enum class Mode { Print, Println, Printf };

std::string format(Mode m, std::string_view fmtStr, Value argSlice) {
  std::vector<Value> args;
  sliceWords(argSlice, &args);
  Printer p;
  int n = static_cast<int>(args.size());
  switch (m) {
    case Mode::Print: p.doPrint(args.data(), n); break;
    case Mode::Println: p.doPrintln(args.data(), n); break;
    case Mode::Printf: p.doPrintf(fmtStr, args.data(), n); break;
  }
  return std::move(p.buf);
}

void toStdout(rt::NativeCall& call, const std::string& s) {
  writeStdout(s);
  call.results[0] = Value::I(static_cast<int64_t>(s.size()));
  call.results[1] = Value();
}

}  // namespace

GOL_NATIVE(fmt_Print, "fmt.Print") { toStdout(call, format(Mode::Print, {}, call.args[0])); }
GOL_NATIVE(fmt_Println, "fmt.Println") { toStdout(call, format(Mode::Println, {}, call.args[0])); }
GOL_NATIVE(fmt_Printf, "fmt.Printf") {
  toStdout(call, format(Mode::Printf, rt::strView(call.args[0]), call.args[1]));
}

GOL_NATIVE(fmt_Sprint, "fmt.Sprint") { call.results[0] = rt::makeString(format(Mode::Print, {}, call.args[0])); }
GOL_NATIVE(fmt_Sprintln, "fmt.Sprintln") {
  call.results[0] = rt::makeString(format(Mode::Println, {}, call.args[0]));
}
GOL_NATIVE(fmt_Sprintf, "fmt.Sprintf") {
  call.results[0] = rt::makeString(format(Mode::Printf, rt::strView(call.args[0]), call.args[1]));
}

GOL_NATIVE(fmt_Fprint, "fmt.Fprint") {
  writeTo(call.args[0], format(Mode::Print, {}, call.args[1]), call.results);
}
GOL_NATIVE(fmt_Fprintln, "fmt.Fprintln") {
  writeTo(call.args[0], format(Mode::Println, {}, call.args[1]), call.results);
}
GOL_NATIVE(fmt_Fprintf, "fmt.Fprintf") {
  writeTo(call.args[0], format(Mode::Printf, rt::strView(call.args[1]), call.args[2]), call.results);
}

// errorf(format string, a []any) (string, []int): Sprintf with %w allowed, plus the sorted
// argument indexes of the %w operands.
GOL_NATIVE(fmt_errorf, "fmt.errorf") {
  std::vector<Value> args;
  sliceWords(call.args[1], &args);
  Printer p;
  p.wrapErrs = true;
  p.doPrintf(rt::strView(call.args[0]), args.data(), static_cast<int>(args.size()));
  call.results[0] = rt::makeString(p.buf);
  std::vector<int>& w = p.wrapped;
  std::sort(w.begin(), w.end());
  if (w.empty()) {
    call.results[1] = Value();
    return;
  }
  TypeTable& tt = TypeTable::get();
  Value s = rt::makeSlice(tt.slice(tt.basic(Kind::Int)), static_cast<int64_t>(w.size()), static_cast<int64_t>(w.size()));
  Value* d = s.as<rt::SliceObj>()->data();
  for (size_t k = 0; k < w.size(); k++) rt::store(&d[k], Value::I(w[k]));
  call.results[1] = s;
}

}  // namespace gol::native::fmtimpl
