// Unit tests for the checker: error wording and positions, constant values recorded on the
// tree, frame layout and closure captures, selections, script globals, function names.
#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "check/check.h"
#include "syntax/parser.h"

using namespace gol;

namespace {

// Standard packages straight from the source tree, parsed (the embedded copy is the driver's
// business). The texts live as long as the test binary: the checker copies them when it loads.
bool stdlibFromTree(const std::string& path, std::vector<syntax::PreparedFile>* out) {
  static std::deque<std::string> texts;
  namespace fs = std::filesystem;
  fs::path dir = fs::path(GOL_SOURCE_DIR) / "stdlib" / path;
  if (!fs::is_directory(dir)) return false;
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".gol") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back("stdlib/" + path + "/" + f.filename().string());
    std::string_view name = texts.back();
    texts.push_back(ss.str());
    out->push_back({name, texts.back(), {}});
  }
  return !files.empty();
}

struct Checked {
  ast::Arena arena;
  Diagnostics diags;
  ast::File* file = nullptr;
  Program* prog = nullptr;
  std::string errors() const { return diags.render(); }
};

std::unique_ptr<Checked> checkSource(const std::string& text, const std::string& name = "c.gol") {
  auto c = std::make_unique<Checked>();
  FileId id = SourceTable::global().add(name, text);
  c->file = syntax::parseFile(c->arena, id, c->diags);
  REQUIRE_MESSAGE(!c->diags.hasErrors(), c->errors());
  c->prog = check::checkProgram({c->file}, c->arena, c->diags, stdlibFromTree);
  return c;
}

ast::FuncDecl* findFunc(ast::File* f, const std::string& name) {
  for (auto* d : f->decls)
    if (d->kind == ast::NodeKind::FuncDecl && static_cast<ast::FuncDecl*>(d)->name->name == name)
      return static_cast<ast::FuncDecl*>(d);
  return nullptr;
}

// The first statement of a function body.
ast::Stmt* stmtAt(ast::File* f, const std::string& fn, size_t i) {
  auto* fd = findFunc(f, fn);
  REQUIRE(fd);
  REQUIRE(fd->body->stmts.size() > i);
  return fd->body->stmts[i];
}

}  // namespace

TEST_CASE("check: a valid program checks") {
  auto c = checkSource("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\", 1)\n}\n");
  CHECK_MESSAGE(c->prog, c->errors());
  REQUIRE(c->prog->mainFunc);
  CHECK(c->prog->mainFunc->info->name == "main.main");
}

TEST_CASE("check: errors use Go's wording and start positions") {
  auto c = checkSource("package main\n\nfunc main() {\n\tx := 1\n\ty := \"a\"\n\t_ = x + y\n\tx = \"five\"\n\t_ = undefinedName\n}\n",
                 "errs.gol");
  CHECK(!c->prog);
  std::string e = c->errors();
  CHECK(e.find("errs.gol:6:6: invalid operation: x + y (mismatched types int and string)") != std::string::npos);
  CHECK(e.find("errs.gol:7:6: cannot use \"five\" (untyped string constant) as int value in assignment") !=
        std::string::npos);
  CHECK(e.find("errs.gol:8:6: undefined: undefinedName") != std::string::npos);
}

TEST_CASE("check: missing return, arguments, overflow, division by zero") {
  auto c = checkSource(
      "package main\n\nfunc f(a, b int) int {\n\tif a > b {\n\t\treturn a\n\t}\n}\n\nfunc main() {\n"
      "\tf(1)\n\tvar b byte = 300\n\t_ = b / 0\n}\n",
      "misc.gol");
  std::string e = c->errors();
  CHECK(e.find("misc.gol:7:1: missing return") != std::string::npos);
  CHECK(e.find("misc.gol:10:4: not enough arguments in call to f\n\thave (number)\n\twant (int, int)") !=
        std::string::npos);
  CHECK(e.find("misc.gol:11:15: cannot use 300 (untyped int constant) as uint8 value in variable declaration (overflows)") !=
        std::string::npos);
  CHECK(e.find("misc.gol:12:10: invalid operation: division by zero") != std::string::npos);
}

TEST_CASE("check: exact constants are recorded converted to their final type") {
  auto c = checkSource("package main\n\nconst big = 1 << 100\n\nfunc main() {\n\tvar f float64 = 1\n\tx := big >> 98\n"
                 "\t_, _ = f, x\n\t_ = 0.1 + 0.2\n}\n");
  REQUIRE_MESSAGE(c->prog, c->errors());
  auto* decl = static_cast<ast::DeclStmt*>(stmtAt(c->file, "main", 0));
  auto* vs = static_cast<ast::ValueSpec*>(decl->decl->specs[0]);
  ast::Expr* one = vs->values[0];
  CHECK(one->type == TypeTable::get().basic(Kind::Float64));
  REQUIRE(one->value);
  CHECK(one->value->toFloat64() == 1.0);
  auto* def = static_cast<ast::AssignStmt*>(stmtAt(c->file, "main", 1));
  CHECK(def->rhs[0]->type == TypeTable::get().basic(Kind::Int));
  REQUIRE(def->rhs[0]->value);
  CHECK(def->rhs[0]->value->toInt64() == 4);
  auto* sum = static_cast<ast::AssignStmt*>(stmtAt(c->file, "main", 3));
  REQUIRE(sum->rhs[0]->value);
  CHECK(sum->rhs[0]->value->toFloat64() == 0.3);
  CHECK(sum->rhs[0]->type == TypeTable::get().basic(Kind::Float64));
}

TEST_CASE("check: closures capture boxed variables; frames and names") {
  auto c = checkSource("package main\n\nfunc main() {\n\tn := 0\n\tinc := func() {\n\t\tn++\n\t\tfunc() { n += 2 }()\n\t}\n"
                 "\tinc()\n\tm := 1\n\t_ = m\n}\n");
  REQUIRE_MESSAGE(c->prog, c->errors());
  auto* def = static_cast<ast::AssignStmt*>(stmtAt(c->file, "main", 0));
  auto* n = static_cast<ast::Ident*>(def->lhs[0]);
  REQUIRE(n->sym);
  CHECK(n->sym->boxed);
  CHECK(!n->sym->global);
  auto* inc = static_cast<ast::AssignStmt*>(stmtAt(c->file, "main", 1));
  auto* lit = static_cast<ast::FuncLit*>(inc->rhs[0]);
  REQUIRE(lit->info);
  CHECK(lit->info->name == "main.main.func1");
  REQUIRE(lit->info->captures.size() == 1);
  CHECK(lit->info->captures[0].kind == RefKind::Local);
  CHECK(lit->info->captures[0].index == n->sym->index);
  auto* m = static_cast<ast::Ident*>(static_cast<ast::AssignStmt*>(stmtAt(c->file, "main", 3))->lhs[0]);
  CHECK(!m->sym->boxed);
  CHECK(findFunc(c->file, "main")->info->numSlots >= 3);
}

TEST_CASE("check: pointer methods on addressable values take the address") {
  auto c = checkSource("package main\n\ntype T struct{ x int }\n\nfunc (t *T) Inc() { t.x++ }\nfunc (t T) Get() int { return t.x }\n\n"
                 "func main() {\n\tvar v T\n\tv.Inc()\n\tp := &v\n\t_ = p.Get()\n}\n");
  REQUIRE_MESSAGE(c->prog, c->errors());
  auto* call = static_cast<ast::CallExpr*>(static_cast<ast::ExprStmt*>(stmtAt(c->file, "main", 1))->x);
  REQUIRE(call->info);
  CHECK(call->info->kind == CallKind::Method);
  auto* sel = static_cast<ast::SelectorExpr*>(call->fun);
  REQUIRE(sel->selection);
  CHECK(sel->selection->addressRecv);
  CHECK(sel->selection->pointerRecv);
  CHECK(findFunc(c->file, "Inc")->info->name == "main.(*T).Inc");
  CHECK(findFunc(c->file, "Get")->info->name == "main.T.Get");
  auto* decl = static_cast<ast::DeclStmt*>(stmtAt(c->file, "main", 0));
  CHECK(static_cast<ast::ValueSpec*>(decl->decl->specs[0])->names[0]->sym->boxed);
}

TEST_CASE("check: scripts: globals, standard packages without import, shadowing") {
  auto c = checkSource("x := 3\nfmt.Println(strings.ToUpper(\"a\"), x)\ntime := 4\n_ = time\n", "s.gol");
  REQUIRE_MESSAGE(c->prog, c->errors());
  REQUIRE(c->prog->scriptInfo);
  auto* def = static_cast<ast::AssignStmt*>(c->file->script[0]);
  auto* x = static_cast<ast::Ident*>(def->lhs[0]);
  CHECK(x->sym->global);
  REQUIRE(x->ref);
  CHECK(x->ref->kind == RefKind::Global);
}

TEST_CASE("check: interface satisfaction and type strings in messages") {
  auto c = checkSource("package main\n\ntype S interface{ Area() float64 }\ntype Sq struct{}\n\nfunc main() {\n\tvar s S = Sq{}\n\t_ = s\n}\n",
                 "iface.gol");
  CHECK(c->errors().find("iface.gol:7:12: cannot use Sq{…} (value of type Sq) as S value in variable declaration: "
                         "Sq does not implement S (missing method Area)") != std::string::npos);
}
