// Unit tests for types/: interning, Go's type spelling, method lookup through embedding, and
// exact constant arithmetic.
#include <doctest/doctest.h>

#include "syntax/ast.h"
#include "types/const.h"
#include "types/type.h"

using namespace gol;

TEST_CASE("types: interning makes identical types pointer-equal") {
  auto& tt = TypeTable::get();
  const Type* i = tt.basic(Kind::Int);
  CHECK(tt.slice(i) == tt.slice(i));
  CHECK(tt.map(tt.basic(Kind::String), i) == tt.map(tt.basic(Kind::String), i));
  CHECK(tt.func({i}, {tt.basic(Kind::String)}, false) == tt.func({i}, {tt.basic(Kind::String)}, false));
  CHECK(tt.func({i}, {}, false) != tt.func({i}, {}, true));
  CHECK(identical(tt.array(i, 3), tt.array(i, 3)));
  CHECK(!identical(tt.array(i, 3), tt.array(i, 4)));
}

TEST_CASE("types: typeString spells types as Go's %T") {
  auto& tt = TypeTable::get();
  const Type* i = tt.basic(Kind::Int);
  const Type* s = tt.basic(Kind::String);
  Type* point = tt.newNamed("Point", "");
  point->underlying_ = tt.structType({StructField{"X", i}, StructField{"Y", i}});
  Type* dur = tt.newNamed("Duration", "time");
  dur->underlying_ = tt.basic(Kind::Int64);
  CHECK(typeString(point) == "main.Point");
  CHECK(typeString(point, false) == "Point");
  CHECK(typeString(tt.pointer(point)) == "*main.Point");
  CHECK(typeString(dur, false) == "time.Duration");
  CHECK(typeString(tt.slice(tt.anyType())) == "[]interface {}");
  CHECK(typeString(tt.map(s, i)) == "map[string]int");
  CHECK(typeString(tt.func({i}, {s}, false)) == "func(int) string");
  CHECK(typeString(tt.func({tt.slice(s)}, {i, tt.errorType()}, true)) == "func(...string) (int, error)");
  CHECK(typeString(tt.structType({StructField{"X", i}, StructField{"Y", s}})) == "struct { X int; Y string }");
  CHECK(typeString(tt.chan(i, ChanDirection::Send)) == "chan<- int");
  CHECK(typeString(tt.chan(i, ChanDirection::Recv)) == "<-chan int");
  CHECK(typeString(tt.basic(Kind::Uint8)) == "uint8");
}

TEST_CASE("types: field and method lookup through embedding") {
  auto& tt = TypeTable::get();
  const Type* i = tt.basic(Kind::Int);
  Type* base = tt.newNamed("Base", "");
  base->underlying_ = tt.structType({StructField{"ID", i}});
  Method m;
  m.name = "SetID";
  m.sig = tt.func({i}, {}, false);
  m.pointerRecv = true;
  base->methods = {m};
  Type* outer = tt.newNamed("Outer", "");
  StructField emb{"Base", base};
  emb.embedded = true;
  outer->underlying_ = tt.structType({StructField{"Name", tt.basic(Kind::String)}, emb});
  Lookup f = lookupFieldOrMethod(outer, "ID");
  REQUIRE(f.kind == Lookup::What::Field);
  CHECK(f.path == std::vector<int>{1, 0});
  Lookup me = lookupFieldOrMethod(tt.pointer(outer), "SetID");
  REQUIRE(me.kind == Lookup::What::Method);
  CHECK(me.path == std::vector<int>{1});
  CHECK(me.derefs == std::vector<bool>{true});
  Type* iface = tt.newNamed("Setter", "");
  iface->underlying_ = tt.interfaceType({m});
  bool wrong = false;
  std::string missing;
  CHECK(implements(tt.pointer(outer), iface));
  CHECK(!implements(outer, iface, &missing, &wrong));
  CHECK(missing == "SetID");
  CHECK(wrong);
}

TEST_CASE("constants: exact arithmetic and representability") {
  using namespace constant;
  ConstValue a, b;
  REQUIRE(parseFloat("0.1", &a));
  REQUIRE(parseFloat("0.2", &b));
  bool divZero = false;
  ConstValue sum = binary(ast::Tok::Add, a, b, &divZero);
  ConstValue want;
  REQUIRE(parseFloat("0.3", &want));
  CHECK(compare(ast::Tok::Eql, sum, want));
  CHECK(sum.toFloat64() == 0.3);
  ConstValue one = makeInt(1);
  ConstValue big = shift(ast::Tok::Shl, one, 100);
  CHECK(shift(ast::Tok::Shr, big, 98).toInt64() == 4);
  ConstValue out;
  const char* why = nullptr;
  CHECK(!representable(makeInt(300), int(Kind::Uint8), &out, &why));
  CHECK(std::string(why) == "overflows");
  CHECK(representable(makeInt(255), int(Kind::Uint8), &out, &why));
  ConstValue half;
  REQUIRE(parseFloat("2.5", &half));
  CHECK(!representable(half, int(Kind::Int), &out, &why));
  CHECK(std::string(why) == "truncated");
  ConstValue r;
  REQUIRE(parseRune("'\\n'", &r));
  CHECK(r.toInt64() == 10);
  ConstValue s;
  REQUIRE(parseString("\"a\\tb\\u00e9\"", &s));
  CHECK(s.s == "a\tb\xc3\xa9");
  REQUIRE(parseInt("0x_1F", &r));
  CHECK(r.toInt64() == 31);
  binary(ast::Tok::Quo, one, makeInt(0), &divZero);
  CHECK(divZero);
}
