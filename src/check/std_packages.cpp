// The table of standard packages gol provides. A package is listed here once its stdlib/ source
// exists; the checker imports it from the embedded sources (stdlib/stdlib.cpp).
#include "check/std_packages.h"

#include <algorithm>

namespace gol::check {

const std::vector<StdPackage>& stdPackages() {
  static const std::vector<StdPackage> table = [] {
    std::vector<StdPackage> t = {
        {"bufio", "bufio"},       {"bytes", "bytes"},
        {"container/heap", "heap"}, {"container/list", "list"},
        {"container/ring", "ring"},  {"context", "context"},   {"crypto/md5", "md5"},     {"crypto/sha1", "sha1"},
        {"crypto/sha256", "sha256"},
        {"encoding/base64", "base64"}, {"encoding/binary", "binary"}, {"encoding/hex", "hex"},  {"encoding/json", "json"},
        {"errors", "errors"},
        {"flag", "flag"},         {"fmt", "fmt"},           {"hash", "hash"},
        {"hash/crc32", "crc32"},  {"hash/fnv", "fnv"},
        {"io", "io"},             {"io/fs", "fs"},
        {"io/ioutil", "ioutil"},
        {"log", "log"},           {"maps", "maps"},
        {"math", "math"},         {"math/bits", "bits"},    {"math/cmplx", "cmplx"},  {"math/rand", "rand"},
        {"os", "os"},             {"os/exec", "exec"},
        {"path", "path"},
        {"path/filepath", "filepath"}, {"regexp", "regexp"},
        {"runtime", "runtime"},   {"slices", "slices"},
        {"sort", "sort"},         {"strconv", "strconv"},
        {"strings", "strings"},   {"sync", "sync"},
        {"sync/atomic", "atomic"}, {"text/tabwriter", "tabwriter"},
        {"time", "time"},
        {"unicode", "unicode"},   {"unicode/utf16", "utf16"},
        {"unicode/utf8", "utf8"},
    };
    std::sort(t.begin(), t.end(), [](const StdPackage& a, const StdPackage& b) { return std::string(a.path) < b.path; });
    return t;
  }();
  return table;
}

std::string notProvidedMessage(const std::string& path) {
  std::string m = "package " + path + " is not provided by gol (it provides:";
  for (auto& p : stdPackages()) {
    m += ' ';
    m += p.path;
  }
  return m + ")";
}

}  // namespace gol::check
