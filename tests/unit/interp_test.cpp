// Unit tests of the evaluator (src/interp): whole small programs parsed, checked and run
// in-process (RunOptions::returnFromRun) with stdout/stderr captured. They cover what the
// golden programs reach less directly: sized-integer wrapping, shifts, division corner cases,
// Go 1.22 loop variables, defer/recover details, panic report format and exit codes.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/compiler.h"
#include "interp/interp.h"
#include "stdlib.h"
#include "syntax/parser.h"
#include "run_helpers.h"

using namespace gol;

namespace {

using testutil::RunResult;

testutil::RunResult runGol(const std::string& src) { return testutil::runSource("interp_test", src); }

std::string prog(const std::string& body) {
  return "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\n" + body;
}

}  // namespace

TEST_CASE("interp: hello and arithmetic") {
  auto r = runGol(prog("func main() { fmt.Println(\"hi\", 1+2*3, 7/2, -7%3, 1.5*2) }\n"));
  CHECK(r.code == 0);
  CHECK(r.out == "hi 7 3 -1 3\n");
}

TEST_CASE("interp: sized integers wrap, shifts, MinInt64 / -1") {
  auto r = runGol(prog(R"(
func main() {
	var a int8 = 127
	a++
	var b uint8 = 0
	b--
	var c uint16 = 65535
	c += 2
	x := int64(-9223372036854775808)
	y := int64(-1)
	var s uint = 70
	one := int32(1)
	fmt.Println(a, b, c, x/y, x%y, 1<<s, -8>>s, one<<31)
}
)"));
  CHECK(r.code == 0);
  CHECK(r.out == "-128 255 1 -9223372036854775808 0 0 -1 -2147483648\n");
}

TEST_CASE("interp: float32 rounding and conversions") {
  auto r = runGol(prog(R"(
func main() {
	var f float32 = 0.1
	g := float64(f)
	h, k := 3.9, 300
	fmt.Println(g == 0.1, int(h), int(-h), uint8(k), string(rune(k-235)))
}
)"));
  CHECK(r.out == "false 3 -3 44 A\n");
}

TEST_CASE("interp: division by zero is a runtime error") {
  auto r = runGol(prog(R"(
func div(a, b int) int { return a / b }
func main() {
	defer func() {
		e := recover().(error)
		fmt.Println(e.Error())
	}()
	div(1, 0)
}
)"));
  CHECK(r.code == 0);
  CHECK(r.out == "runtime error: integer divide by zero\n");
}

TEST_CASE("interp: Go 1.22 per-iteration loop variables") {
  auto r = runGol(prog(R"(
func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, v := range []int{7, 8} {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
)"));
  CHECK(r.out == "0 1 2 7 8 \n");
}

TEST_CASE("interp: named results modified by defer after recover") {
  auto r = runGol(prog(R"(
func f() (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n = 42
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	var m map[string]int
	m["x"] = 1
	return 1, nil
}
func main() { fmt.Println(f()) }
)"));
  CHECK(r.out == "42 recovered: assignment to entry in nil map\n");
}

TEST_CASE("interp: unrecovered panic report and exit code") {
  auto r = runGol(prog(R"(
func main() {
	fmt.Print("partial")
	var s []int
	_ = s[5]
}
)"));
  CHECK(r.code == 2);
  CHECK(r.out == "partial");
  CHECK(r.err.find("panic: runtime error: index out of range [5] with length 0") == 0);
  CHECK(r.err.find("goroutine 1 [running]:\nmain.main()\n") != std::string::npos);
}

TEST_CASE("interp: re-panic chain prints [recovered]") {
  auto r = runGol(prog(R"(
func main() {
	defer func() {
		r := recover()
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}
)"));
  CHECK(r.code == 2);
  CHECK(r.err.find("panic: first [recovered]\n\tpanic: again: first\n") == 0);
}

TEST_CASE("interp: struct value semantics, pointers and method values") {
  auto r = runGol(prog(R"(
type P struct{ X, Y int }
func (p P) Sum() int { return p.X + p.Y }
func (p *P) Move(d int) { p.X += d }
func main() {
	a := P{1, 2}
	b := a
	b.X = 10
	pa := &a
	pa.Move(5)
	f := a.Sum
	a.X = 100
	arr := [2]P{a, b}
	arr2 := arr
	arr2[0].Y = -1
	fmt.Println(a, b, f(), arr[0].Y, arr2[0].Y, a == P{100, 2})
}
)"));
  CHECK(r.out == "{100 2} {10 2} 8 2 -1 true\n");
}

TEST_CASE("interp: interfaces, type switches and assertions") {
  auto r = runGol(prog(R"(
type S interface{ Area() float64 }
type Sq struct{ s float64 }
func (q Sq) Area() float64 { return q.s * q.s }
func kind(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int-ish ", v)
	case S:
		return fmt.Sprint("shape ", v.Area())
	default:
		return "other"
	}
}
func main() {
	fmt.Println(kind(nil), kind(3), kind(Sq{2}), kind("s"))
	var x any = "str"
	_, ok := x.(int)
	fmt.Println(ok)
	defer func() { fmt.Println(recover()) }()
	_ = x.(int)
}
)"));
  CHECK(r.out == "nil int-ish 3 shape 4 other\nfalse\ninterface conversion: interface {} is string, not int\n");
}

TEST_CASE("interp: goroutines and channels") {
  auto r = runGol(prog(R"(
func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		s := 0
		for v := range ch {
			s += v
		}
		fmt.Println("sum", s)
		done <- true
	}()
	for i := 1; i <= 100; i++ {
		ch <- i
	}
	close(ch)
	<-done
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	default:
		fmt.Println("default")
	}
}
)"));
  CHECK(r.code == 0);
  CHECK(r.out == "sum 5050\n0 false\n");
}

// TSan records every frame of a thread's stack and gives up past 65,536 of them.
#ifndef GOL_TSAN
TEST_CASE("interp: deep recursion grows the stack") {
  auto r = runGol(prog(R"(
func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}
func main() { fmt.Println(depth(200000)) }
)"));
  CHECK(r.out == "200000\n");
}
#endif

// The compiler has a case for every node kind a checked program can hand it (src/interp
// compile_*.cpp fail loudly on any other): this program uses every statement and expression
// kind, and afterwards every kind that may reach Compiler::stmt or Compiler::expr was compiled.
TEST_CASE("interp: one of every node kind compiles") {
  auto r = runGol(prog(R"(
type T struct{ a int }
func (t T) get() int { return t.a }
func two() (int, int) { return 1, 2 }
func main() {
	const k = 3
	type local int
	var v local = 2
	x := []int{1, 2, 3}
	m := map[string]int{"a": 1}
	p := &T{a: 4}
	var i interface{} = p
	f := func(n int) int { return n + k }
	c := make(chan int, 1)
	c <- 5
	x[0]++
	x[1] += (f(1))
	_, _ = two()
	s := x[1:2]
	q, ok := i.(*T)
	go func() {}()
	defer func() { recover() }()
L:
	for j := 0; j < 2; j++ {
		if j == 1 { break L } else { continue }
	}
	for range x {}
	for v < 2 { v++ }
	switch v { case 2: fallthrough
	default: }
	switch i.(type) { case *T: }
	select { case <-c: default: }
	{ ; }
	fmt.Println(-*&v, !ok, q.get(), s, m["a"], len(x), p.a, (*p).a, i.(*T).a)
	return
}
)"));
  CHECK(r.code == 0);
  CHECK(r.out == "-2 false 4 [6] 1 3 4 4 4\n");
  const std::vector<bool> seen = interp::kindsCompiled();
  using ast::NodeKind;
  // Kinds that never reach those two switches: parts of other nodes (compiled by their parent),
  // literals and parentheses (always constants or looked through), types, and declarations above
  // statement level.
  std::vector<NodeKind> notCompiledAlone = {
      NodeKind::KeyValue, NodeKind::BasicLit, NodeKind::BadStmt, NodeKind::CaseClause, NodeKind::CommClause,
      NodeKind::EmptyStmt, NodeKind::Paren,
      GOL_TYPE_KINDS(GOL_KIND_LIST_ITEM) GOL_DECL_KINDS(GOL_KIND_LIST_ITEM)};
  for (size_t k = 0; k < seen.size(); k++) {
    auto kind = static_cast<NodeKind>(k);
    bool exempt = std::find(notCompiledAlone.begin(), notCompiledAlone.end(), kind) != notCompiledAlone.end();
    INFO("node kind ", std::string(ast::nodeKindName(kind)));
    CHECK((exempt || seen[k]));
  }
}

// A method expression promoted through an embedded pointer calls the method on the embedded
// receiver (it was once a loud internal error; tests/golden/exact/method_expr_promoted.gol has
// the other forms with Go's output).
TEST_CASE("interp: a method expression promoted through an embedded pointer") {
  auto r = runGol(prog(R"(
type Inner struct{ s string }
func (i Inner) M() string { return i.s }
type Outer struct{ *Inner }
func main() {
	h := (*Outer).M
	fmt.Println(h(&Outer{&Inner{"hello"}}))
}
)"));
  CHECK(r.code == 0);
  CHECK(r.out == "hello\n");
  CHECK(r.err == "");
}
