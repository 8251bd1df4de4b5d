// Unit tests of package fmt's native engine (src/native/fmt_*.cpp): values and types built by
// hand, printed through the Printer, compared with what Go prints.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "native/fmt_internal.h"
#include "runtime/native_api.h"
#include "runtime/object.h"

using namespace gol;
using gol::rt::Value;
namespace fi = gol::native::fmtimpl;

namespace {

TypeTable& tt() { return TypeTable::get(); }
const Type* tInt() { return tt().basic(Kind::Int); }
const Type* tStr() { return tt().basic(Kind::String); }
const Type* tF64() { return tt().basic(Kind::Float64); }

Value box(const Type* t, Value v) {
  auto* o = static_cast<rt::IfaceObj*>(rt::alloc(sizeof(rt::IfaceObj), rt::ObjKind::Iface));
  o->type = t;
  o->v = v;
  return Value::P(o);
}
Value I(int64_t i) { return box(tInt(), Value::I(i)); }
Value S(std::string_view s) { return box(tStr(), rt::makeString(s)); }
Value F(double f) { return box(tF64(), Value::F(f)); }
Value F32(float f) { return box(tt().basic(Kind::Float32), Value::F(f)); }

Value words(const std::vector<Value>& vs) {
  rt::ArrObj* a = rt::newArray(static_cast<int64_t>(vs.size()));
  for (size_t i = 0; i < vs.size(); i++) a->elems[i] = vs[i];
  return rt::sliceOf(a, 0, static_cast<int64_t>(vs.size()), static_cast<int64_t>(vs.size()));
}
Value structOf(const std::vector<Value>& vs) {
  auto* s = static_cast<rt::StructObj*>(rt::alloc(sizeof(Value) * (vs.size() + 1), rt::ObjKind::Struct));
  for (size_t i = 0; i < vs.size(); i++) s->fields[i] = vs[i];
  return Value::P(s);
}

std::string gsprintf(std::string_view format, const std::vector<Value>& args) {
  fi::Printer p;
  p.doPrintf(format, args.data(), static_cast<int>(args.size()));
  return p.buf;
}
std::string gsprint(const std::vector<Value>& args) {
  fi::Printer p;
  p.doPrint(args.data(), static_cast<int>(args.size()));
  return p.buf;
}
std::string gsprintln(const std::vector<Value>& args) {
  fi::Printer p;
  p.doPrintln(args.data(), static_cast<int>(args.size()));
  return p.buf;
}

const Type* pointType() {
  static const Type* t = [] {
    Type* n = tt().newNamed("Point", "main");
    n->underlying_ = tt().structType({StructField{"X", tInt(), false, true, ""}, StructField{"Y", tInt(), false, true, ""}});
    return n;
  }();
  return t;
}

}  // namespace

TEST_CASE("fmt: integers") {
  CHECK(gsprintf("%d|%5d|%-5d|%05d|%+d", {I(255), I(255), I(255), I(255), I(255)}) == "255|  255|255  |00255|+255");
  CHECK(gsprintf("%x|%X|%#x|%o|%#o|%b|%O", {I(255), I(255), I(255), I(255), I(255), I(255), I(8)}) ==
        "ff|FF|0xff|377|0377|11111111|0o10");
  CHECK(gsprintf("%d %d", {I(-42), box(tt().basic(Kind::Int8), Value::I(-128))}) == "-42 -128");
  CHECK(gsprintf("%c|%q|%U|%#U", {I(65), I(0xE9), I(0x4E16), I('x')}) == "A|'é'|U+4E16|U+0078 'x'");
  CHECK(gsprintf("%3c|%-3c|", {I('a'), I('b')}) == "  a|b  |");
  CHECK(gsprintf("%.3d|%.0d|%6.3d|%-06d|% d|%+.3d", {I(7), I(0), I(-7), I(5), I(5), I(5)}) ==
        "007||  -007|5     | 5|+005");
  CHECK(gsprintf("%08.3d|%x|%X", {I(-5), I(-255), I(3735928559)}) == "    -005|-ff|DEADBEEF");
  Value u64 = box(tt().basic(Kind::Uint64), Value::U(uint64_t(1) << 63));
  CHECK(gsprint({u64}) == "9223372036854775808");
  CHECK(gsprintf("%#v %#v", {box(tt().basic(Kind::Uint8), Value::U(200)), I(-3)}) == "0xc8 -3");
  CHECK(gsprintf("%q %+q %#q", {I(0x4E16), I(0x4E16), I(0x4E16)}) == "'世' '\\u4e16' '世'");
  CHECK(gsprintf("%q", {I(7)}) == "'\\a'");
}

TEST_CASE("fmt: floats") {
  CHECK(fi::formatFloat(1e21, 'g', -1, 64) == "1e+21");
  CHECK(gsprintln({F(3.0), F(2.5), F(0.1 + 0.2), F(1 / 3.0)}) == "3 2.5 0.30000000000000004 0.3333333333333333\n");
  CHECK(gsprintln({F(1e6), F(1e20), F(1e21), F(123456789.0), F(1e-4), F(1e-5)}) ==
        "1e+06 1e+20 1e+21 1.23456789e+08 0.0001 1e-05\n");
  CHECK(gsprintln({F32(0.1f), F32(1.0f / 3), F32(16777216.0f)}) == "0.1 0.33333334 1.6777216e+07\n");
  double inf = std::numeric_limits<double>::infinity();
  CHECK(gsprintln({F(inf), F(-inf), F(std::nan("")), F(0.0), F(-0.0)}) == "+Inf -Inf NaN 0 -0\n");
  CHECK(gsprintln({F(1.7976931348623157e308), F(5e-324)}) == "1.7976931348623157e+308 5e-324\n");
  CHECK(gsprintln({F(double(1.1f))}) == "1.100000023841858\n");
  double x = 1234.5678;
  CHECK(gsprintf("%f|%.2f|%8.3f|%-10.1f|%e|%E|%g|%G", {F(x), F(x), F(x), F(x), F(x), F(x), F(x), F(x)}) ==
        "1234.567800|1234.57|1234.568|1234.6    |1.234568e+03|1.234568E+03|1234.5678|1234.5678");
  CHECK(gsprintf("%.0f %.0f %.0f %.1f", {F(0.5), F(1.5), F(2.5), F(0.05)}) == "0 2 2 0.1");
  CHECK(gsprintf("%v %v %.3g %g", {F(1e-7), F(100000.0), F(1234.5678), F(1e100)}) == "1e-07 100000 1.23e+03 1e+100");
  CHECK(gsprintf("%06.2f|%+.1f|% .1f", {F(3.14159), F(2.0), F(2.0)}) == "003.14|+2.0| 2.0");
  CHECK(gsprintf("%6.3v|%.3v", {F(3.14159), S("abcdef")}) == "  3.14|abc");
  CHECK(gsprintf("%08.3f|%5.1f|%-8.2e|", {F(-3.5), F(inf), F(-1.0)}) == "-003.500| +Inf|-1.00e+00|");
  CHECK(gsprintf("%05v|%+v|% v|%06v", {F(std::nan("")), F(std::nan("")), F(inf), F(-inf)}) == "  NaN|NaN| Inf|  -Inf");
  CHECK(gsprintf("%#g|%#.3g|%#.0f|%#e|%#v", {F(1.0), F(1.0), F(1.0), F(1.0), F(2.5)}) ==
        "1.00000|1.00|1.|1.000000e+00|2.5");
  CHECK(gsprintf("%b|%x|%X|%.2x", {F(1.0), F(1.0), F(-10.5), F(1.0 / 3)}) ==
        "4503599627370496p-52|0x1p+00|-0X1.5P+03|0x1.55p-02");
  CHECK(gsprintf("%g|%g|%.3e|%.10g", {F(0.0), F(100), F(0.0), F(1.0 / 3)}) == "0|100|0.000e+00|0.3333333333");
  CHECK(gsprintf("%.2f|%.1f|%.3g|%g", {F(2.675), F(0.25), F(0.0001234), F(1e-5)}) == "2.67|0.2|0.000123|1e-05");
  CHECK(gsprintf("%G|%.4G", {F(1e-10), F(123456)}) == "1E-10|1.235E+05");
}

TEST_CASE("fmt: strings and quoting") {
  CHECK(gsprintf("[%s][%10s][%-10s][%.2s]", {S("gol"), S("gol"), S("gol"), S("gol")}) ==
        "[gol][       gol][gol       ][go]");
  CHECK(gsprintf("%q", {S("tab\tquote\"newline\n")}) == "\"tab\\tquote\\\"newline\\n\"");
  CHECK(gsprintf("%q|%#q|%#q", {S("back\\slash"), S("raw ok"), S("a`b")}) == "\"back\\\\slash\"|`raw ok`|\"a`b\"");
  CHECK(gsprintf("[%5s][%-6s][%.2s][%q][%+q][%x]", {S("héé"), S("世界"), S("世界!"), S("世"), S("世é"), S("é")}) ==
        "[  héé][世界    ][世界][\"世\"][\"\\u4e16\\u00e9\"][c3a9]");
  CHECK(gsprintf("%x % x %#x %# x %X", {S("hi!"), S("hi!"), S("hi!"), S("hi!"), S("hi!")}) ==
        "686921 68 69 21 0x686921 0x68 0x69 0x21 686921");
  CHECK(gsprintf("%5.1s|%05s|%%|%d%%", {S("abc"), S("ab"), I(50)}) == "    a|000ab|%|50%");
  CHECK(gsprintf("%q", {S("\x01\x7f\xff\u00a0\U0001F600")}) == "\"\\x01\\x7f\\xff\\u00a0\U0001F600\"");
  CHECK(gsprintf("%8x|%-8X|", {S("ab"), S("ab")}) == "    6162|6162    |");
}

TEST_CASE("fmt: print spacing and nil") {
  CHECK(gsprintln({S("a"), I(1), box(tt().basic(Kind::Bool), Value::B(true)), F(2.5), box(tt().basic(Kind::Int32), Value::I('x')), Value()}) ==
        "a 1 true 2.5 120 <nil>\n");
  CHECK(gsprint({S("a"), S("b"), I(1), I(2), S("c"), F(3.5), S("\n")}) == "ab1 2c3.5\n");
  CHECK(gsprint({I(1), I(2), S("\n")}) == "1 2\n");
  CHECK(gsprintf("[%5v][%-5v][%d][%T]", {Value(), Value(), Value(), Value()}) == "[<nil>][<nil>][%!d(<nil>)][<nil>]");
}

TEST_CASE("fmt: bad verbs, missing and extra operands, indexes") {
  CHECK(gsprintf("%d", {S("str")}) == "%!d(string=str)");
  CHECK(gsprintf("%d %d", {I(1)}) == "1 %!d(MISSING)");
  CHECK(gsprintf("%d", {I(1), I(2)}) == "1%!(EXTRA int=2)");
  CHECK(gsprintf("%z", {I(3)}) == "%!z(int=3)");
  CHECK(gsprintf("%!", {}) == "%!!(MISSING)");
  CHECK(gsprintf("no verbs", {S("extra")}) == "no verbs%!(EXTRA string=extra)");
  CHECK(gsprintf("%", {}) == "%!(NOVERB)");
  CHECK(gsprintf("[%*d][%-*d][%.*f]", {I(6), I(42), I(4), I(7), I(3), F(3.14159)}) == "[    42][7   ][3.142]");
  CHECK(gsprintf("%[2]d %[1]d %d", {I(10), I(20)}) == "20 10 20");
  CHECK(gsprintf("%[1]s-%[1]s", {S("echo")}) == "echo-echo");
  CHECK(gsprintf("%[3]d|%[0]d|%[x]d|%[]d", {I(1)}) == "%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)");
  CHECK(gsprintf("%*d", {S("x"), I(1)}) == "%!(BADWIDTH)1");
  CHECK(gsprintf("%.*d", {I(-1), I(1)}) == "%!(BADPREC)1");
  CHECK(gsprintf("%[2]*[1]d", {I(12), I(5)}) == "   12");
  CHECK(gsprintf("%-*d|", {I(-4), I(1)}) == "1   |");
  CHECK(gsprintf("%t %s", {I(1), box(tt().basic(Kind::Bool), Value::B(true))}) == "%!t(int=1) %!s(bool=true)");
  CHECK(gsprintf("%w", {I(1)}) == "%!w(int=1)");
}

TEST_CASE("fmt: composite values") {
  const Type* sl = tt().slice(tInt());
  Value s = words({Value::I(1), Value::I(22)});
  CHECK(gsprintf("%v %d %x %5d| %#v", {box(sl, s), box(sl, s), box(sl, s), box(sl, s), box(sl, s)}) ==
        "[1 22] [1 22] [1 16] [    1    22]| []int{1, 22}");
  CHECK(gsprintf("%v %#v %d", {box(sl, Value()), box(sl, Value()), box(sl, Value())}) == "[] []int(nil) []");
  const Type* bs = tt().slice(tt().basic(Kind::Uint8));
  Value b = words({Value::U('b'), Value::U('y'), Value::U(1)});
  CHECK(gsprintf("%v|%s|%x|% X|%q|%#v", {box(bs, b), box(bs, b), box(bs, b), box(bs, b), box(bs, b), box(bs, b)}) ==
        "[98 121 1]|by\x01|627901|62 79 01|\"by\\x01\"|[]byte{0x62, 0x79, 0x1}");
  const Type* ss = tt().slice(tStr());
  Value sv = words({rt::makeString("a"), rt::makeString("b c")});
  CHECK(gsprintf("%q %s %v %#v", {box(ss, sv), box(ss, sv), box(ss, sv), box(ss, sv)}) ==
        "[\"a\" \"b c\"] [a b c] [a b c] []string{\"a\", \"b c\"}");
  const Type* pt = pointType();
  Value p = structOf({Value::I(1), Value::I(2)});
  CHECK(gsprintf("%v %+v %#v %T", {box(pt, p), box(pt, p), box(pt, p), box(pt, p)}) ==
        "{1 2} {X:1 Y:2} main.Point{X:1, Y:2} main.Point");
  const Type* pp = tt().pointer(pt);
  CHECK(gsprintf("%v %+v %T %v", {box(pp, p), box(pp, p), box(pp, p), box(pp, Value())}) ==
        "&{1 2} &{X:1 Y:2} *main.Point <nil>");
  CHECK(gsprintf("%d %s", {box(pt, p), box(pt, p)}) == "{1 2} {%!s(int=1) %!s(int=2)}");
  const Type* arr = tt().array(tStr(), 2);
  rt::ArrObj* a = rt::newArray(2);
  a->elems[0] = rt::makeString("c");
  CHECK(gsprintf("%v|%#v", {box(arr, Value::P(a)), box(arr, Value::P(a))}) == "[c ]|[2]string{\"c\", \"\"}");
  const Type* anyT = tt().anyType();
  const Type* anys = tt().slice(anyT);
  Value av = words({I(1), Value(), S("x")});
  CHECK(gsprintf("%v %#v", {box(anys, av), box(anys, av)}) == "[1 <nil> x] []interface {}{1, interface {}(nil), \"x\"}");
  const Type* mt = tt().map(tStr(), tInt());
  CHECK(gsprintf("%v %#v", {box(mt, Value()), box(mt, Value())}) == "map[] map[string]int(nil)");
  rt::MapObj* m = rt::makeMap(mt, 0);
  *rt::mapSlot(m, rt::makeString("pear")) = Value::I(1);
  *rt::mapSlot(m, rt::makeString("apple")) = Value::I(2);
  *rt::mapSlot(m, rt::makeString("Banana")) = Value::I(3);
  CHECK(gsprintf("%v|%#v", {box(mt, Value::P(m)), box(mt, Value::P(m))}) ==
        "map[Banana:3 apple:2 pear:1]|map[string]int{\"Banana\":3, \"apple\":2, \"pear\":1}");
  const Type* anon = tt().structType({StructField{"A", tInt(), false, true, ""}});
  CHECK(gsprintf("%T %#v", {box(anon, structOf({Value::I(1)})), box(anon, structOf({Value::I(1)}))}) ==
        "struct { A int } struct { A int }{A:1}");
  const Type* ip = tt().pointer(tInt());
  CHECK(gsprintf("%v %#v %d", {box(ip, Value()), box(ip, Value()), box(ip, Value())}) == "<nil> (*int)(nil) 0");
}

namespace {
struct ScanResult {
  int64_t n;
  int64_t code;
  std::string msg;
};
Value ptrTo(const Type* elem, Value** slot) {
  auto* cell = static_cast<rt::Cell*>(rt::alloc(sizeof(rt::Cell), rt::ObjKind::Cell));
  auto* p = static_cast<rt::PtrObj*>(rt::alloc(sizeof(rt::PtrObj), rt::ObjKind::Ptr));
  p->addr = &cell->v;
  p->base = cell;
  *slot = &cell->v;
  return box(tt().pointer(elem), Value::P(p));
}
ScanResult scan(int mode, std::string_view input, std::string_view format, const std::vector<Value>& args) {
  rt::NativeFn fn = rt::findNative("fmt.scan");
  REQUIRE(bool(fn));
  Value a[6] = {Value::I(0), Value(), rt::makeString(input), Value::I(mode), rt::makeString(format), words(args)};
  Value r[3];
  rt::NativeCall call{a, r, nullptr, 0};
  fn(call);
  return {r[0].i, r[1].i, std::string(rt::strView(r[2]))};
}
}  // namespace

TEST_CASE("fmt: scanning") {
  Value *name, *age, *fa, *fb, *x, *b, *u8;
  Value pn = ptrTo(tStr(), &name), pa = ptrTo(tInt(), &age);
  ScanResult r = scan(2, "alice 30", "%s %d", {pn, pa});
  CHECK(r.n == 2);
  CHECK(r.code == 0);
  CHECK(rt::strView(*name) == "alice");
  CHECK(age->i == 30);
  Value pfa = ptrTo(tF64(), &fa), pfb = ptrTo(tF64(), &fb);
  r = scan(0, "1.5\n 2.25", "", {pfa, pfb});
  CHECK(r.n == 2);
  CHECK(fa->f + fb->f == 3.75);
  Value px = ptrTo(tInt(), &x);
  r = scan(2, "abc", "%d", {px});
  CHECK((r.n == 0 && r.code == 3 && r.msg == "expected integer"));
  r = scan(0, "", "", {px});
  CHECK((r.n == 0 && r.code == 1));
  r = scan(0, "5", "", {px, pa});
  CHECK((r.n == 1 && r.code == 1 && x->i == 5));
  r = scan(2, "5", "%d,%d", {px, pa});
  CHECK((r.n == 1 && r.code == 2));
  r = scan(2, "7-8", "%d-%d", {px, pa});
  CHECK((r.n == 2 && x->i == 7 && age->i == 8));
  r = scan(2, "7:8", "%d-%d", {px, pa});
  CHECK((r.n == 1 && r.msg == "input does not match format"));
  r = scan(0, "0x1F -0b101 0o17", "", {px, pa, ptrTo(tInt(), &fb)});
  CHECK((r.n == 3 && x->i == 31 && age->i == -5 && fb->i == 15));
  r = scan(0, "99999999999999999999", "", {px});
  CHECK(r.msg == "strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
  Value pu8 = ptrTo(tt().basic(Kind::Uint8), &u8);
  r = scan(0, "300", "", {pu8});
  CHECK(r.msg == "unsigned integer overflow on token 300");
  Value pb = ptrTo(tt().basic(Kind::Bool), &b);
  r = scan(0, "true F", "", {pb, pb});
  CHECK((r.n == 2 && b->u == 0));
  r = scan(1, "1 2\n3", "", {px, pa, pa});
  CHECK((r.n == 2 && r.msg == "unexpected newline"));
  r = scan(1, "1 2 3\n", "", {px, pa});
  CHECK(r.msg == "expected newline");
  r = scan(2, "\"a b\" x", "%q %c", {pn, pa});
  CHECK((r.n == 2 && rt::strView(*name) == "a b" && age->i == 'x'));
  r = scan(2, "12345", "%3d%d", {px, pa});
  CHECK((r.n == 2 && x->i == 123 && age->i == 45));
  r = scan(2, "1", "%d %d", {px});
  CHECK(r.msg == "too few operands for format '%d'");
  r = scan(2, "1.5e3 abc", "%f %s", {pfa, pn});
  CHECK((r.n == 2 && fa->f == 1500));
  r = scan(0, "x", "", {pfa});
  CHECK(r.msg == "strconv.ParseFloat: parsing \"\": invalid syntax");
  r = scan(0, "5", "", {I(3)});
  CHECK(r.msg == "type not a pointer: int");
}

namespace {
// Fake evaluator hooks: methods are C++ functions of (receiver type, receiver word).
using FakeMethod = std::string (*)(const Type* recvType, Value recv);
struct FakeCode {
  FakeMethod fn;
  const Type* recvType;
};
Value fakeBound(const Type* t, Value v, std::string_view name) {
  const Type* named = t->kind == Kind::Pointer ? t->elem : t;
  if (named->kind != Kind::Named) return Value();
  for (const Method& m : named->methods) {
    if (m.name != name) continue;
    if (m.pointerRecv && t->kind != Kind::Pointer) return Value();
    auto* f = static_cast<rt::FuncObj*>(rt::alloc(sizeof(rt::FuncObj) + sizeof(Value), rt::ObjKind::Func));
    f->code = m.decl;  // the test stores its FakeCode* here
    f->ncaps = 1;
    f->caps[0] = v;
    return Value::P(f);
  }
  return Value();
}
void fakeCall(Value f, const Value*, int, Value* results, int) {
  auto* fo = f.as<rt::FuncObj>();
  auto* code = reinterpret_cast<const FakeCode*>(fo->code);
  results[0] = rt::makeString(code->fn(code->recvType, fo->caps[0]));
}
const Type* namedWith(const char* name, const Type* under, std::vector<std::pair<const char*, FakeCode*>> methods,
                      bool ptrRecv = false) {
  Type* n = tt().newNamed(name, "main");
  n->underlying_ = under;
  const Type* sig = tt().func({}, {tStr()}, false);
  for (auto& [mname, code] : methods) {
    Method m{mname, sig, ptrRecv, reinterpret_cast<const ast::FuncDecl*>(code), -1};
    n->methods.push_back(m);
  }
  return n;
}
std::string vString(const Type*, Value recv) {
  Value n = recv.as<rt::StructObj>()->fields[0];
  return "V<" + std::to_string(n.i) + ">";
}
}  // namespace

TEST_CASE("fmt: String and Error methods") {
  rt::Hooks& h = rt::hooks();
  auto saved = h;
  h.boundMethod = fakeBound;
  h.callFunc = fakeCall;
  // An earlier in-process run leaves the evaluator's recovering call installed, which would run
  // the fake code as a compiled function (undefined behaviour): fmt must use fakeCall.
  h.callFuncRecover = nullptr;
  static FakeCode asString{[](const Type*, Value) { return std::string("as Stringer"); }, nullptr};
  static FakeCode asError{[](const Type*, Value) { return std::string("as error"); }, nullptr};
  static FakeCode vStr{vString, nullptr};
  static FakeCode ptrStr{[](const Type*, Value) { return std::string("ptr stringer"); }, nullptr};
  const Type* empty = tt().structType({});
  const Type* both = namedWith("Both", empty, {{"Error", &asError}, {"String", &asString}});
  const Type* intField = tt().structType({StructField{"n", tInt(), false, false, ""}});
  const Type* v = namedWith("V", intField, {{"String", &vStr}});
  const Type* p = namedWith("P", intField, {{"String", &ptrStr}}, true);
  CHECK(gsprintln({box(both, structOf({}))}) == "as error\n");
  const Type* vs = tt().slice(v);
  Value vslice = words({structOf({Value::I(1)}), structOf({Value::I(2)})});
  CHECK(gsprintln({box(v, structOf({Value::I(3)})), box(tt().pointer(v), structOf({Value::I(4)})), box(vs, vslice)}) ==
        "V<3> V<4> [V<1> V<2>]\n");
  CHECK(gsprintf("%v %s %d %q %x %5v|%-6s|", {box(v, structOf({Value::I(5)})), box(v, structOf({Value::I(6)})),
                                             box(v, structOf({Value::I(7)})), box(v, structOf({Value::I(8)})),
                                             box(v, structOf({Value::I(9)})), box(v, structOf({Value::I(1)})),
                                             box(v, structOf({Value::I(2)}))}) ==
        "V<5> V<6> {7} \"V<8>\" 563c393e  V<1>|V<2>  |");
  CHECK(gsprintln({box(tt().pointer(p), structOf({Value::I(1)})), box(p, structOf({Value::I(2)}))}) ==
        "ptr stringer {2}\n");
  CHECK(gsprintln({box(tt().pointer(v), Value())}) == "<nil>\n");
  const Type* mv = tt().map(tStr(), v);
  rt::MapObj* m = rt::makeMap(mv, 0);
  *rt::mapSlot(m, rt::makeString("k")) = structOf({Value::I(9)});
  CHECK(gsprintln({box(mv, Value::P(m))}) == "map[k:V<9>]\n");
  const Type* hidden = tt().structType({StructField{"v", v, false, false, ""}});
  const Type* shown = tt().structType({StructField{"V", v, false, true, ""}});
  Value inner = structOf({Value::I(1)});
  CHECK(gsprintf("%v %+v", {box(hidden, structOf({inner})), box(shown, structOf({inner}))}) == "{{1}} {V:V<1>}");
  CHECK(gsprintf("%#v", {box(v, structOf({Value::I(3)}))}) == "main.V{n:3}");
  h = saved;
}
