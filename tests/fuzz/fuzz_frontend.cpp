// libFuzzer target for the front end: the input bytes are one gol source file, which is parsed
// and, when it parses, checked together with the standard packages it imports (never run).
// The standard packages are parsed and checked once per process (check/std_cache.h); each
// input gets its own tree, checker and source table entry, all freed when it is done.
// Any crash, sanitizer report, hang or leak here is a bug: bad input must end in diagnostics.
// GOL_FUZZ_STATS=1 prints, at exit, how many inputs reached the checker and how many checked.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "check/std_cache.h"
#include "stdlib.h"
#include "syntax/parser.h"

using namespace gol;

namespace {

struct Stats {
  long inputs = 0, parsed = 0, checked = 0;
  ~Stats() {
    if (std::getenv("GOL_FUZZ_STATS"))
      std::fprintf(stderr, "fuzz_frontend: %ld inputs, %ld reached the checker, %ld checked clean\n",
                   inputs, parsed, checked);
  }
} gStats;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static check::StdCache stdCache(stdlib::packageFiles);
  gStats.inputs++;
  ast::Arena arena;  // this input's tree
  Diagnostics diags;
  FileId id = SourceTable::global().add("fuzz.gol", std::string(reinterpret_cast<const char*>(data), size));
  ast::File* f = syntax::parseFile(arena, id, diags);
  if (f && !diags.hasErrors()) {
    gStats.parsed++;
    check::CheckedProgram checked = stdCache.check({f}, arena, diags);
    if (checked.program && !diags.hasErrors()) gStats.checked++;
  }
  SourceTable::global().forgetLast(id);
  return 0;
}
