// Unit tests of the prepared standard library (syntax/image.h, stdlib/make_image.cpp): every
// embedded image reads back to the tree the parser builds from its text; malformed images are
// reported, never crash; and programs and REPL sessions behave the same whether the stdlib's
// trees come from the images or from parsing (tracebacks through stdlib frames, panics raised
// in stdlib code, :type and completion on stdlib names, user names shadowing package names).
#include "syntax/image.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "check/session.h"
#include "run_helpers.h"
#include "stdlib.h"
#include "syntax/parser.h"

using namespace gol;

namespace {

// The embedded stdlib with every image dropped: each file is parsed, as GOL_STDLIB_SOURCE=1 does.
bool parsedStdlib(const std::string& path, std::vector<syntax::PreparedFile>* out) {
  if (!stdlib::packageFiles(path, out)) return false;
  for (syntax::PreparedFile& f : *out) f.image = {};
  return true;
}

const stdlib::EmbeddedFile& embedded(const std::string& name) {
  for (const stdlib::EmbeddedFile* f = stdlib::kEmbeddedFiles; f->name; f++)
    if (name == f->name) return *f;
  FAIL("no embedded " << name);
  throw std::logic_error("unreachable");
}

// The 1-based line of the first occurrence of `needle` in an embedded stdlib file (after the
// first occurrence of `after`, when given).
int lineOf(const std::string& file, const std::string& needle, const std::string& after = "") {
  std::string text = embedded(file).text;
  size_t at = text.find(needle, text.find(after));
  REQUIRE_MESSAGE(at != std::string::npos, needle << " not in " << file);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// The test's own file name (NAME_N.gol, N counting up) varies between runs: blank it out.
std::string sameNames(const std::string& s) {
  return std::regex_replace(s, std::regex(R"([a-z_]+_[0-9]+\.gol)"), "P.gol");
}

// Runs src with the prepared stdlib and with the parsed one; both runs must agree exactly.
testutil::RunResult runBoth(const std::string& src) {
  testutil::RunResult prepared = testutil::runSource("image", src);
  testutil::RunResult parsed = testutil::runSource("parsed", src, {}, parsedStdlib);
  CHECK(prepared.code == parsed.code);
  CHECK(sameNames(prepared.out) == sameNames(parsed.out));
  CHECK(sameNames(prepared.err) == sameNames(parsed.err));
  return prepared;
}

}  // namespace

TEST_CASE("image: every embedded stdlib file reads back to the tree its text parses to") {
  int files = 0;
  for (const stdlib::EmbeddedFile* e = stdlib::kEmbeddedFiles; e->name; e++, files++) {
    CAPTURE(e->name);
    std::string text(e->text, e->textSize), image(e->image, e->imageSize);
    ast::Arena arena;
    Diagnostics diags;
    ast::File* parsed = syntax::parseFile(arena, SourceTable::global().add(e->name, text), diags);
    REQUIRE_MESSAGE(!diags.hasErrors(), diags.render());
    // The embedded image is the current parser's: a stale one would differ byte for byte.
    CHECK(syntax::writeImage(parsed) == image);
    // Read into a file added later (another base): positions move with it.
    FileId again = SourceTable::global().add(e->name, text);
    ast::File* read = syntax::readImage(arena, again, image, diags);
    REQUIRE_MESSAGE(!diags.hasErrors(), diags.render());
    CHECK(read->fileId == again);
    CHECK(read->pos == SourceTable::global().base(again));
    CHECK(syntax::dumpAst(read) == syntax::dumpAst(parsed));
    CHECK(syntax::writeImage(read) == image);
    CHECK(read->imports.size() == parsed->imports.size());
    CHECK(read->decls.size() == parsed->decls.size());
  }
  CHECK(files > 30);
}

TEST_CASE("image: a file's imports are the very specs of its import declarations") {
  const stdlib::EmbeddedFile& e = embedded("stdlib/fmt/fmt.gol");
  ast::Arena arena;
  Diagnostics diags;
  FileId id = SourceTable::global().add(e.name, std::string(e.text, e.textSize));
  ast::File* f = syntax::readImage(arena, id, std::string_view(e.image, e.imageSize), diags);
  REQUIRE(!f->imports.empty());
  REQUIRE(f->decls[0]->kind == ast::NodeKind::GenDecl);
  auto* imports = static_cast<ast::GenDecl*>(f->decls[0]);
  REQUIRE(imports->specs.size() == f->imports.size());
  for (size_t i = 0; i < f->imports.size(); i++) CHECK(imports->specs[i] == f->imports[i]);
}

TEST_CASE("image: a malformed image is an internal error, never a crash") {
  const stdlib::EmbeddedFile& e = embedded("stdlib/errors/errors.gol");
  std::string text(e.text, e.textSize), image(e.image, e.imageSize);
  ast::Arena arena;
  auto read = [&](const std::string& bytes, const std::string& withText) {
    Diagnostics diags;
    ast::File* f = syntax::readImage(arena, SourceTable::global().add("stdlib/errors/errors.gol", withText),
                                     bytes, diags);
    REQUIRE(f);
    if (!diags.hasErrors()) return std::string();
    CHECK(f->decls.empty());
    return diags.all()[0].message;
  };
  CHECK(read(image, text).empty());
  CHECK(read(image, text + " ").find("made from another text") != std::string::npos);
  CHECK(read("", text).find("no image header") != std::string::npos);
  CHECK(read(image + "x", text).find("bytes after the tree") != std::string::npos);
  for (size_t n = 0; n < image.size(); n++) {
    std::string message = read(image.substr(0, n), text);
    CHECK_MESSAGE(
        message.find("internal error: the prepared syntax tree of stdlib/errors/errors.gol is unreadable") ==
            0,
        "prefix of " << n << " bytes: " << message);
  }
  for (size_t i = 4; i < image.size(); i++) {  // any byte changed: reported or read, never a crash
    std::string bad = image;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    read(bad, text);
  }
}

TEST_CASE("image: a node that refers to itself is refused, not read as a cycle") {
  auto kind = [](ast::NodeKind k) { return static_cast<char>(2 + static_cast<int>(k)); };
  // A var declaration whose type is a parenthesised expression holding itself (node 2).
  std::string bytes = std::string("GOLI") + '\1' + '\1' + '\3';  // version, text size, nodes
  bytes += std::string("\1\0\0", 3) + '\1';                       // file: pos, no package, no imports; 1 decl
  bytes += std::string(1, kind(ast::NodeKind::GenDecl)) + '\0' + static_cast<char>(Tok::Var) + '\1';
  bytes += std::string(1, kind(ast::NodeKind::ValueSpec)) + '\0' + '\0';  // no names
  bytes += std::string(1, kind(ast::NodeKind::Paren)) + '\0' + '\1' + '\2';
  ast::Arena arena;
  Diagnostics diags;
  syntax::readImage(arena, SourceTable::global().add("cycle.gol", "x"), bytes, diags);
  REQUIRE(diags.hasErrors());
  CHECK(diags.all()[0].message.find("a cycle") != std::string::npos);
}

TEST_CASE("image: the writer refuses a checked tree") {
  ast::Arena arena;
  Diagnostics diags;
  FileId id = SourceTable::global().add("checked.gol", "package main\n\nfunc main() { x := 1; _ = x }\n");
  ast::File* f = syntax::parseFile(arena, id, diags);
  REQUIRE(check::checkProgram({f}, arena, diags, stdlib::packageFiles));
  CHECK_THROWS_AS(syntax::writeImage(f), std::logic_error);
}

TEST_CASE("image: tracebacks through stdlib frames name the stdlib files and lines") {
  auto r = runBoth(R"(package main

import "sort"

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j+10]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	sort.Sort(byLen{"ccc", "a", "bb"})
}
)");
  CHECK(r.code == 2);
  CHECK(r.err.find("panic: runtime error: index out of range [10] with length 3") == 0);
  std::string sort = "stdlib/sort/sort.gol:";
  CHECK(r.err.find("sort.insertionSort(...)\n\t") != std::string::npos);
  CHECK(r.err.find(sort + std::to_string(lineOf("stdlib/sort/sort.gol", "data.Less(j, j-1)")) + " ") !=
        std::string::npos);
  CHECK(r.err.find(sort + std::to_string(lineOf("stdlib/sort/sort.gol", "\tpdqsort(data, 0, n, limit)")) +
                   " ") != std::string::npos);
  CHECK(r.err.find("main.main()\n") != std::string::npos);
}

TEST_CASE("image: panics raised in stdlib code point into the stdlib") {
  auto r = runBoth("package main\n\nimport \"regexp\"\n\nfunc main() { regexp.MustCompile(\"(\") }\n");
  CHECK(r.code == 2);
  CHECK(r.err.find("panic: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`") == 0);
  CHECK(r.err.find("regexp.MustCompile(...)\n\t") != std::string::npos);
  CHECK(r.err.find("stdlib/regexp/regexp.gol:" +
                   std::to_string(lineOf("stdlib/regexp/regexp.gol", "panic(`regexp: Compile(`"))) !=
        std::string::npos);

  // A runtime error inside a stdlib function: bufio reading from a nil reader.
  r = runBoth("package main\n\nimport \"bufio\"\n\nfunc main() { bufio.NewReader(nil).ReadByte() }\n");
  CHECK(r.code == 2);
  CHECK(r.err.find("invalid memory address or nil pointer dereference") != std::string::npos);
  int fill = lineOf("stdlib/bufio/bufio.gol", "b.fill()", "func (b *Reader) ReadByte()");
  CHECK(r.err.find("bufio.(*Reader).ReadByte(...)\n\t") != std::string::npos);
  CHECK(r.err.find("stdlib/bufio/bufio.gol:" + std::to_string(fill) + " ") != std::string::npos);

  // log's Lshortfile counts stdlib frames to find its caller's line.
  r = runBoth(
      "package main\n\nimport \"log\"\n\nfunc main() "
      "{\n\tlog.SetFlags(log.Lshortfile)\n\tlog.Print(\"here\")\n}\n");
  CHECK(r.code == 0);
  CHECK(std::regex_search(r.err, std::regex(R"(^image_[0-9]+\.gol:7: here\n$)")));
}

TEST_CASE("image: user names shadow package names the same way") {
  auto r = runBoth(R"(strings := []string{"b", "a"}
sort.Strings(strings)
fmt.Println(strings, len(strings))
time := 4
fmt.Println(time * 2)
)");
  CHECK(r.code == 0);
  CHECK(r.out == "[a b] 2\n8\n");

  r = runBoth(R"(package main

import (
	"fmt"
	"sort"
)

func count(sort []int) int { return len(sort) }

func main() {
	xs := []int{3, 1, 2}
	sort.Ints(xs)
	fmt.Println(xs, count(xs))
}
)");
  CHECK(r.code == 0);
  CHECK(r.out == "[1 2 3] 3\n");

  // A shadowed package's members are gone, in the same words.
  r = runBoth("strings := 3\nfmt.Println(strings.ToUpper(\"a\"))\n");
  CHECK(r.code == 1);
  CHECK(r.err.find("strings.ToUpper undefined (type int has no field or method ToUpper)") !=
        std::string::npos);
}

namespace {

// A REPL session over the prepared stdlib or the parsed one, as src/repl drives it.
struct Repl {
  ast::Arena arena;
  check::Session session;
  explicit Repl(check::StdlibSource stdlib) : session(arena, std::move(stdlib)) {}

  ast::File* parse(const std::string& name, const std::string& text) {
    Diagnostics diags;
    ast::File* f = syntax::parseFile(arena, SourceTable::global().add(name, text + "\n"), diags);
    REQUIRE_MESSAGE(!diags.hasErrors(), diags.render());
    return f;
  }
  std::string input(const std::string& text) {
    Diagnostics diags;
    session.checkInput(parse("<input>", text), diags);
    return diags.render();
  }
  std::string type(const std::string& expr) {
    Diagnostics diags;
    std::string t = session.typeOf(parse("<type>", expr), diags);
    return diags.hasErrors() ? diags.render() : t;
  }
};

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("image: the REPL's :type and completion on stdlib names") {
  Repl prepared(stdlib::packageFiles), parsed(parsedStdlib);
  for (Repl* r : {&prepared, &parsed}) {
    CHECK(r->type("strings.ToUpper") == "func(string) string");
    CHECK(r->type("time.Second") == "time.Duration");
    CHECK(r->type("strings.Builder") == "strings.Builder (a type)");
    CHECK(r->type("bufio.NewScanner(os.Stdin).Text") == "func() string");
    CHECK(r->input("var b strings.Builder").empty());
    CHECK(has(r->session.membersOf("strings"), "ToUpper"));
    CHECK(has(r->session.membersOf("b"), "WriteString"));
    CHECK(has(r->session.topLevelNames(), "b"));
    CHECK(r->input("strings := 5").empty());
    CHECK(r->type("strings") == "int");
    CHECK(r->type("strings.ToUpper")
              .find("strings.ToUpper undefined (type int has no field or method ToUpper)") !=
          std::string::npos);
  }
  CHECK(prepared.session.membersOf("time") == parsed.session.membersOf("time"));
  CHECK(prepared.session.membersOf("b") == parsed.session.membersOf("b"));
}
