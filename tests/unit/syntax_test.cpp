// Unit tests for the front end: semicolon insertion, positions, statement forms, script vs
// package files, Go-style syntax errors, and "the corpus parses in SLL mode without LL fallback".
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "syntax/parser.h"

using namespace gol;

namespace {

FileId addSource(const std::string& text, const std::string& name = "t.gol") {
  return SourceTable::global().add(name, text);
}

struct Parsed {
  ast::Arena arena;
  Diagnostics diags;
  ast::File* file = nullptr;
  std::string dump;
  std::string errors() const { return diags.render(); }
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->file = syntax::parseFile(p->arena, addSource(text), p->diags);
  p->dump = syntax::dumpAst(p->file);
  return p;
}

std::string lineCol(Pos pos) {
  Position p = SourceTable::global().decode(pos);
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

std::string firstError(const Parsed& p) {
  if (!p.diags.hasErrors()) return "";
  const Diagnostic& d = p.diags.all().front();
  return lineCol(d.pos) + ": " + d.message;
}

}  // namespace

TEST_CASE("semicolon insertion") {
  std::string toks = syntax::dumpTokens(addSource("x := f(a)\nreturn\ny++ // c\nz = [2]int{1, 2}\n/* a\nb */ w"));
  CHECK(toks.find("1:10 SEMI newline") != std::string::npos);   // after )
  CHECK(toks.find("2:7 SEMI newline") != std::string::npos);    // after return
  CHECK(toks.find("3:4 SEMI newline") == std::string::npos);    // not before the comment...
  CHECK(toks.find("3:9 SEMI newline") != std::string::npos);    // ...but at the newline after it
  CHECK(toks.find("4:17 SEMI newline") != std::string::npos);   // after }
  CHECK(toks.find("5:1 SEMI newline") == std::string::npos);    // } already ended line 4
  CHECK(toks.find("6:7 SEMI EOF") != std::string::npos);        // at EOF after an identifier
  std::string noSemi = syntax::dumpTokens(addSource("x := 1 +\n2\n"));
  CHECK(noSemi.find("1:9 SEMI") == std::string::npos);  // a line ending in an operator continues
}

TEST_CASE("positions are byte columns, tabs count one") {
  auto p = parse("package main\n\nfunc main() {\n\tx := \"é\" + y\n}\n");
  REQUIRE_FALSE(p->diags.hasErrors());
  auto* fn = static_cast<ast::FuncDecl*>(p->file->decls.at(0));
  CHECK(lineCol(fn->pos) == "3:1");
  CHECK(lineCol(fn->name->pos) == "3:6");
  CHECK(lineCol(fn->body->pos) == "3:13");
  CHECK(lineCol(fn->body->rbrace) == "5:1");
  auto* as = static_cast<ast::AssignStmt*>(fn->body->stmts.at(0));
  CHECK(lineCol(as->pos) == "4:2");
  CHECK(lineCol(as->opPos) == "4:4");
  auto* bin = static_cast<ast::BinaryExpr*>(as->rhs.at(0));
  CHECK(lineCol(bin->pos) == "4:7");     // left operand
  CHECK(lineCol(bin->opPos) == "4:12");  // "é" is two bytes
  CHECK(lineCol(bin->y->pos) == "4:14");
}

TEST_CASE("call and composite literal positions") {
  auto p = parse("f(a, b)\nT{1, 2}\n");
  REQUIRE_FALSE(p->diags.hasErrors());
  auto* call = static_cast<ast::CallExpr*>(static_cast<ast::ExprStmt*>(p->file->script.at(0))->x);
  CHECK(lineCol(call->pos) == "1:1");
  CHECK(lineCol(call->lparen) == "1:2");
  CHECK(lineCol(call->rparen) == "1:7");
  auto* lit = static_cast<ast::CompositeLit*>(static_cast<ast::ExprStmt*>(p->file->script.at(1))->x);
  CHECK(lineCol(lit->pos) == "2:1");
  CHECK(lineCol(lit->lbrace) == "2:2");
  CHECK(lineCol(lit->rbrace) == "2:7");
}

TEST_CASE("operator precedence") {
  auto p = parse("x := a || b && c == d + e * f\n");
  REQUIRE_FALSE(p->diags.hasErrors());
  auto* as = static_cast<ast::AssignStmt*>(p->file->script.at(0));
  auto* orE = static_cast<ast::BinaryExpr*>(as->rhs.at(0));
  CHECK(orE->op == ast::Tok::LOr);
  auto* andE = static_cast<ast::BinaryExpr*>(orE->y);
  CHECK(andE->op == ast::Tok::LAnd);
  auto* eq = static_cast<ast::BinaryExpr*>(andE->y);
  CHECK(eq->op == ast::Tok::Eql);
  auto* add = static_cast<ast::BinaryExpr*>(eq->y);
  CHECK(add->op == ast::Tok::Add);
  CHECK(static_cast<ast::BinaryExpr*>(add->y)->op == ast::Tok::Mul);
  auto q = parse("y := a - b - c\n");  // left-associative
  auto* sub = static_cast<ast::BinaryExpr*>(static_cast<ast::AssignStmt*>(q->file->script.at(0))->rhs.at(0));
  CHECK(sub->x->kind == ast::NodeKind::Binary);
  CHECK(sub->y->kind == ast::NodeKind::Ident);
}

TEST_CASE("every statement form parses") {
  auto p = parse(R"(package main

import (
	"fmt"
	str "strings"
)

type (
	P struct {
		X, Y int `json:"x"`
		*Base
		fmt.Stringer
	}
	I interface {
		fmt.Stringer
		M(a int) (string, error)
	}
	A = map[string][]chan<- int
	F func(...int) <-chan struct{}
)

const (
	C0 = iota
	C1
)

var v, w int = 1, 2

func native(a, b int, rest ...string) (n int, err error)

func (p *P) Method() {}

func main() {
	x := 0
	x += 1
	x++
	var arr [...]int = [...]int{1, 2}
	_ = arr[1:2:2]
	ch := make(chan int, 1)
	ch <- 1
	y, ok := <-ch
	_, _ = y, ok
	if z := x; z > 0 {
	} else if x < 0 {
	} else {
	}
	switch x {
	case 1, 2:
		fallthrough
	default:
	}
	switch t := any(x).(type) {
	case int, *P:
		_ = t
	case nil:
	}
	switch {
	}
	select {
	case v := <-ch:
		_ = v
	case ch <- 2:
	default:
	}
	for i := 0; i < 3; i++ {
		continue
	}
	for x < 10 {
		x++
	}
	for {
		break
	}
	for i, s := range []string{"a"} {
		_, _ = i, s
	}
	for range 3 {
	}
	for i := range 10 {
		_ = i
	}
outer:
	for {
		break outer
	}
	goto end
end:
	go func() {}()
	defer fmt.Println(str.ToUpper("x"))
	f := func(a int) int { return a }
	_ = f
	b := []byte("s")
	p := (*P)(nil)
	_, _ = b, p
	m := map[string]P{"a": {X: 1}}
	_ = m
	{
	}
	return
}
)");
  CHECK(p->errors() == "");
  CHECK_FALSE(syntax::lastParseUsedLLFallback());
  CHECK(p->file->package);
  CHECK(p->file->imports.size() == 2);
  CHECK(p->dump.find("TypeSwitch t") != std::string::npos);
  CHECK(p->dump.find("Select") != std::string::npos);
  CHECK(p->dump.find("Branch goto end") != std::string::npos);
  CHECK(p->dump.find("Slice3") != std::string::npos);
  CHECK(p->dump.find("FuncDecl native") != std::string::npos);
  CHECK(p->dump.find("ChanType send") != std::string::npos);
  CHECK(p->dump.find("ChanType recv") != std::string::npos);
  CHECK(p->dump.find("Field X,Y tag=`json:\"x\"`") != std::string::npos);
  CHECK(p->dump.find("ValueSpec C1 iota=1") != std::string::npos);
}

TEST_CASE("script form keeps statements in order, funcs and types in decls") {
  auto p = parse("x := 1\nfunc f() int { return 2 }\ntype T int\nvar y = f()\nfmt.Println(x, y)\n");
  CHECK(p->errors() == "");
  CHECK(p->file->isScript());
  CHECK(p->file->decls.size() == 2);   // func f, type T
  CHECK(p->file->script.size() == 3);  // x :=, var y, Println
  CHECK(p->file->script[1]->kind == ast::NodeKind::DeclStmt);
}

TEST_CASE("package form rejects statements at top level") {
  auto p = parse("package main\nx := 1\n");
  CHECK(firstError(*p) == "2:1: syntax error: non-declaration statement outside function body");
}

TEST_CASE("syntax errors use Go's wording and position") {
  auto p = parse("package main\n\nfunc main() {\n\tx := 1\n\tx = = 2\n}\n");
  CHECK(firstError(*p) == "5:6: syntax error: unexpected =, expected expression");
  p = parse("package main\n\nfunc main() {\n\tfmt.Println(\"start\"\n\tfmt.Println(\"end\")\n}\n");
  CHECK(firstError(*p) == "4:21: syntax error: unexpected newline in argument list; possibly missing comma or )");
  p = parse("package main\n\nfunc main() {\n\tfor {\n\t\tx()\n}\n");
  CHECK(firstError(*p) == "7:1: syntax error: unexpected EOF, expected }");
  p = parse("x := 1 y\n");
  CHECK(firstError(*p).find("1:8: syntax error: unexpected name y") == 0);
}

TEST_CASE("lexical errors") {
  CHECK(firstError(*parse("x := 1 # 2\n")) == "1:8: invalid character U+0023 '#'");
  CHECK(firstError(*parse("x := \"abc\n")) == "1:10: newline in string");
  CHECK(firstError(*parse("x := '\\q'\n")) == "1:7: unknown escape");
  CHECK(firstError(*parse("x := 'ab'\n")) == "1:6: more than one character in rune literal");
  CHECK(firstError(*parse("x := \"\xff\"\n")) == "1:7: invalid UTF-8 encoding");
  CHECK(firstError(*parse(std::string("x := 1\0\n", 8))) == "1:7: invalid NUL character");
  CHECK(firstError(*parse("x := `abc\n")) == "1:6: raw string literal not terminated");
}

TEST_CASE("shebang and BOM are skipped, offsets kept") {
  auto p = parse("#!/usr/bin/env gol\nx := 1\n");
  CHECK(p->errors() == "");
  CHECK(lineCol(p->file->script.at(0)->pos) == "2:1");
  auto q = parse("\xEF\xBB\xBFx := 1\n");
  CHECK(q->errors() == "");
  CHECK(lineCol(q->file->script.at(0)->pos) == "1:4");
}

TEST_CASE("literal forms") {
  auto p = parse("a := 0x1F + 0o17 + 017 + 0b1010 + 1_000 + 0x1p-2 + 1e10 + .5 + 1. + 3i\n"
                 "b := 'a' + '\\n' + '\\x41' + '\\u00e9' + '\\U0001F600' + '\\377'\n"
                 "c := \"a\\tb\\\"\" + `raw\nline`\nπ := 1\n");
  CHECK(p->errors() == "");
  CHECK(p->dump.find("BasicLit 0x1p-2") != std::string::npos);
  CHECK(p->dump.find("Ident π") != std::string::npos);
}

TEST_CASE("unsupported features get clear errors") {
  CHECK(firstError(*parse("func G[T any](x T) {}\n")) == "1:7: not supported by gol: generics");
  CHECK(firstError(*parse("x.(type)\n")) == "1:1: use of .(type) outside type switch");
}

TEST_CASE("REPL input status") {
  auto status = [](const std::string& text) {
    ast::Arena arena;
    Diagnostics diags;
    ast::File* f = nullptr;
    return syntax::parseReplInput(arena, addSource(text, "<repl>"), diags, &f);
  };
  CHECK(status("x := 1\n") == syntax::InputStatus::Complete);
  CHECK(status("func f() {\n") == syntax::InputStatus::Incomplete);
  CHECK(status("fmt.Println(1,\n") == syntax::InputStatus::Incomplete);
  CHECK(status("x := 1 +\n") == syntax::InputStatus::Incomplete);
  CHECK(status("s := `abc\n") == syntax::InputStatus::Incomplete);
  CHECK(status("x = = 2\n") == syntax::InputStatus::Error);
}

TEST_CASE("deep nesting is an error, not a crash") {
  std::string deep = "x := " + std::string(100000, '(') + "1" + std::string(100000, ')') + "\n";
  auto p = parse(deep);
  CHECK(firstError(*p).find("nested too deeply") != std::string::npos);
}

TEST_CASE("large inputs") {
  std::string line = "x := []int{";
  for (int i = 0; i < 100000; i++) line += std::to_string(i) + ", ";
  line += "}\n";
  auto p = parse(line);
  CHECK(p->errors() == "");
  CHECK_FALSE(syntax::lastParseUsedLLFallback());
}

// Every program in the corpus (acceptance, our tests, stdlib) parses with SLL prediction alone
// (no LL fallback). Files meant to have syntax errors (their .err mentions one) are exempt.
static bool expectsSyntaxError(const std::filesystem::path& gol) {
  std::filesystem::path err = gol;
  err.replace_extension(".err");
  std::ifstream in(err);
  std::stringstream ss;
  ss << in.rdbuf();
  return gol.filename().string().rfind("compile_syntax_error", 0) == 0 ||
         ss.str().find("syntax error") != std::string::npos;
}

TEST_CASE("corpus parses in SLL mode without fallback") {
  std::vector<std::string> roots;
#ifdef GOL_ACCEPTANCE_DIR
  roots.push_back(GOL_ACCEPTANCE_DIR);
#endif
#ifdef GOL_SOURCE_DIR
  roots.push_back(GOL_SOURCE_DIR "/tests");
  roots.push_back(GOL_SOURCE_DIR "/stdlib");
#endif
  namespace fs = std::filesystem;
  int parsed = 0;
  for (const std::string& root : roots) {
    if (!fs::is_directory(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      std::string name = e.path().filename().string();
      if (e.path().extension() != ".gol" || expectsSyntaxError(e.path())) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      ast::Arena arena;
      Diagnostics diags;
      syntax::parseFile(arena, addSource(ss.str(), e.path().string()), diags);
      INFO(e.path().string());
      CHECK_FALSE(syntax::lastParseUsedLLFallback());
      // Semantic "syntax" checks (e.g. generics) may legitimately fire in error tests.
      if (name.rfind("compile_", 0) != 0 && !fs::exists(fs::path(e.path()).replace_extension(".err")))
        CHECK(diags.render() == "");
      parsed++;
    }
  }
  MESSAGE("parsed " << parsed << " corpus files");
}
