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

void Printer::doPrintf(std::string_view format, const Value* args, int n) {
  size_t end = format.size();
  int argNum = 0;
  bool afterIndex = false;
  reordered = false;

  // An explicit argument index [n] at format[i]: updates argNum and i.
  auto argNumber = [&](size_t* i) -> bool {
    if (*i >= end || format[*i] != '[') return false;
    reordered = true;
    std::string_view rest = format.substr(*i);
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
    *i += wid;
    if (ok && index >= 0 && index < n) {
      argNum = index;
      return true;
    }
    goodArgNum = false;
    return ok;
  };

  size_t i = 0;
  while (i < end) {
    goodArgNum = true;
    size_t lasti = i;
    while (i < end && format[i] != '%') i++;
    if (i > lasti) buf.append(format.substr(lasti, i - lasti));
    if (i >= end) break;
    i++;  // skip %
    clearFlags();
    bool simple = false;
    for (; i < end; i++) {
      char c = format[i];
      if (c == '#') {
        f.sharp = true;
      } else if (c == '0') {
        f.zero = !f.minus;
      } else if (c == '+') {
        f.plus = true;
      } else if (c == '-') {
        f.minus = true;
        f.zero = false;
      } else if (c == ' ') {
        f.space = true;
      } else {
        // Fast path: a lower-case ASCII verb right after the flags.
        if (c >= 'a' && c <= 'z' && argNum < n) {
          if (c == 'w') wrapped.push_back(argNum);
          if (c == 'v' || c == 'w') {
            f.sharpV = f.sharp;
            f.sharp = false;
            f.plusV = f.plus;
            f.plus = false;
          }
          printArg(args[argNum], static_cast<char32_t>(c));
          argNum++;
          i++;
          simple = true;
        }
        break;
      }
    }
    if (simple) continue;

    // Argument index, then width.
    afterIndex = argNumber(&i);
    if (i < end && format[i] == '*') {
      i++;
      f.widPresent = intFromArg(args, n, &argNum, &f.wid);
      if (!f.widPresent) buf += "%!(BADWIDTH)";
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      bool isnum;
      f.wid = parseNum(format, &i, end, &isnum);
      f.widPresent = isnum;
      if (afterIndex && f.widPresent) goodArgNum = false;  // "%[3]2d"
    }

    // Precision.
    if (i + 1 < end && format[i] == '.') {
      i++;
      if (afterIndex) goodArgNum = false;  // "%[3].2d"
      afterIndex = argNumber(&i);
      if (i < end && format[i] == '*') {
        i++;
        f.precPresent = intFromArg(args, n, &argNum, &f.prec);
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) buf += "%!(BADPREC)";
        afterIndex = false;
      } else {
        bool isnum;
        f.prec = parseNum(format, &i, end, &isnum);
        f.precPresent = true;
        if (!isnum) f.prec = 0;
      }
    }

    if (!afterIndex) afterIndex = argNumber(&i);

    if (i >= end) {
      buf += "%!(NOVERB)";
      break;
    }
    int size;
    char32_t verb = decodeVerb(format, i, &size);
    i += static_cast<size_t>(size);

    if (verb == '%') {
      buf += '%';  // does not use an operand; ignores width and precision
    } else if (!goodArgNum) {
      buf += "%!";
      appendRune(buf, static_cast<int32_t>(verb));
      buf += "(BADINDEX)";
    } else if (argNum >= n) {
      buf += "%!";
      appendRune(buf, static_cast<int32_t>(verb));
      buf += "(MISSING)";
    } else {
      if (verb == 'w') wrapped.push_back(argNum);
      if (verb == 'v' || verb == 'w') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      printArg(args[argNum], verb);
      argNum++;
    }
  }

  // Extra operands, unless arguments were accessed out of order.
  if (!reordered && argNum < n) {
    clearFlags();
    buf += "%!(EXTRA ";
    for (int k = argNum; k < n; k++) {
      if (k > argNum) buf += ", ";
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
