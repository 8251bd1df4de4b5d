// Unit tests of the host-access gate (native/host.h): with a policy installed, the natives that
// reach the file system, the environment or child processes panic with the policy's message,
// while console output and the pure packages keep working; without one, nothing is refused.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "base/diag.h"
#include "base/source.h"
#include "check/check.h"
#include "interp/interp.h"
#include "native/host.h"
#include "stdlib.h"
#include "syntax/parser.h"
#include "run_helpers.h"

using namespace gol;

namespace {

using Result = testutil::RunResult;

Result runScript(const std::string& src) { return testutil::runSource("host_gate", src); }

const char* refuseAll(std::string_view name) {
  static thread_local std::string msg;
  msg = std::string(name) + " is not available here";
  return msg.c_str();
}

// Clears the policy however the test ends.
struct PolicyScope {
  explicit PolicyScope(native::HostPolicy p) { native::setHostPolicy(p); }
  ~PolicyScope() { native::setHostPolicy(nullptr); }
};

}  // namespace

TEST_CASE("host gate: a policy refuses file system, environment and process natives") {
  PolicyScope scope(refuseAll);
  for (const char* call : {"os.ReadFile(\"/etc/hostname\")", "os.ReadDir(\"/\")", "os.Getenv(\"HOME\")",
                           "os.Environ()", "os.Hostname()", "os.Getwd()", "os.Chdir(\"/\")",
                           "exec.Command(\"/bin/true\").Run()", "os.Stat(\"/\")"}) {
    CAPTURE(call);
    auto r = runScript(std::string("defer func() { fmt.Println(\"recovered:\", recover()) }()\n") +
                       "fmt.Println(\"before\")\n" + call + "\nfmt.Println(\"after\")\n");
    CHECK(r.code == 0);
    CHECK(r.out.rfind("before\nrecovered: ", 0) == 0);
    CHECK(r.out.find("is not available here") != std::string::npos);
    CHECK(r.out.find("after") == std::string::npos);
  }
}

TEST_CASE("host gate: pure packages and console output are not gated") {
  PolicyScope scope(refuseAll);
  auto r = runScript(
      "b, _ := json.Marshal(map[string]int{\"a\": 1})\n"
      "fmt.Println(string(b), regexp.MustCompile(`b+`).FindString(\"abbc\"), filepath.Join(\"x\", \"y\"))\n"
      "os.Stdout.WriteString(\"direct\\n\")\n");
  CHECK(r.code == 0);
  CHECK(r.out == "{\"a\":1} bb x/y\ndirect\n");
}

TEST_CASE("host gate: no policy allows everything") {
  auto r = runScript("_, err := os.Getwd()\nfmt.Println(err == nil, len(os.Environ()) > 0)\n");
  CHECK(r.code == 0);
  CHECK(r.out == "true true\n");
}
