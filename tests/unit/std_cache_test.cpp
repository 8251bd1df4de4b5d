// Unit tests of check::StdCache (the standard packages checked once, for the fuzz targets):
// programs checked against it run as they do when checked on their own, one program's
// declarations and errors do not reach the next, and each program's tree may be freed.
#include "check/std_cache.h"

#include <doctest/doctest.h>

#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/interp.h"
#include "stdlib.h"
#include "syntax/parser.h"
#include "run_helpers.h"

using namespace gol;

namespace {

const check::StdCache& cache() {
  static check::StdCache c(stdlib::packageFiles);
  return c;
}

struct Result {
  bool checked = false;
  std::string out;  // stdout and stderr of the run, or the diagnostics
};

// Checks src against the cache (or on its own), runs it if it checks; frees its tree.
Result checkAndRun(const std::string& src, bool cached, const char* ext = ".go") {
  static int counter = 0;
  ast::Arena arena;
  Diagnostics diags;
  FileId id = SourceTable::global().add("std_cache_" + std::to_string(counter++) + ext, src);
  ast::File* f = syntax::parseFile(arena, id, diags);
  Result r;
  if (!f || diags.hasErrors()) {
    r.out = diags.render();
    return r;
  }
  check::CheckedProgram checked;
  if (cached)
    checked = cache().check({f}, arena, diags);
  else
    checked.program = check::checkProgram({f}, arena, diags, stdlib::packageFiles);
  if (!checked.program || diags.hasErrors()) {
    r.out = diags.render();
    return r;
  }
  r.checked = true;
  testutil::RunResult run = testutil::runChecked(checked.program);
  r.out = run.out + run.err;
  return r;
}

// Package-level state of several standard packages (strings.Builder, sort, strconv's tables,
// errors, fmt's verbs) and globals of the program's own after theirs.
const char* kProgram = R"(package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

var total = 40
var names = []string{"b", "c", "a"}

type pair struct {
	k string
	v int
}

func (p pair) String() string { return p.k + "=" + strconv.Itoa(p.v) }

func main() {
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString(strings.ToUpper(n))
	}
	total += 2
	err := fmt.Errorf("wrapped: %w", errors.New("inner"))
	fmt.Println(b.String(), total, pair{"x", 1}, errors.Unwrap(err))
	fmt.Printf("%v %q %x\n", names, "hi", 255)
}
)";

}  // namespace

TEST_CASE("StdCache: a program checked against the cache runs as when checked alone") {
  Result alone = checkAndRun(kProgram, false);
  REQUIRE(alone.checked);
  CHECK(alone.out == "ABC 42 x=1 inner\n[a b c] \"hi\" ff\n");
  for (int i = 0; i < 3; i++) {
    Result cached = checkAndRun(kProgram, true);
    CHECK(cached.checked);
    CHECK(cached.out == alone.out);
  }
}

TEST_CASE("StdCache: each program is checked on its own") {
  // An error in one program, and a name it declares, are not seen by the next.
  Result bad = checkAndRun(
      "package main\n\nimport \"fmt\"\n\ntype T int\n\nfunc main() { fmt.Println(undefinedName) }\n", true);
  CHECK_FALSE(bad.checked);
  CHECK(bad.out.find("undefined: undefinedName") != std::string::npos);
  Result t =
      checkAndRun("package main\n\nimport \"fmt\"\n\nfunc main() { var T = 3; fmt.Println(T) }\n", true);
  CHECK(t.checked);
  CHECK(t.out == "3\n");
  // Scripts use standard packages without importing them.
  Result script = checkAndRun("fmt.Println(strings.Repeat(\"ab\", 2), math.Sqrt(16))\n", true, ".gol");
  CHECK(script.checked);
  CHECK(script.out == "abab 4\n");
  // A package gol does not provide is still reported.
  Result missing = checkAndRun("package main\n\nimport \"net/http\"\n\nfunc main() { _ = http.Get }\n", true);
  CHECK_FALSE(missing.checked);
  CHECK(missing.out.find("not provided by gol") != std::string::npos);
}
