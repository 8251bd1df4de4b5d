// Storage behind native_api.h: the registry of natively implemented functions (filled at
// start-up by native/ and stdlib bindings, read by the evaluator when binding bodyless
// declarations) and the evaluator's callback table.
#include "runtime/native_api.h"

#include <mutex>
#include <unordered_map>

namespace gol::rt {

namespace {
struct Registry {
  std::mutex mu;
  std::unordered_map<std::string, NativeFn> fns;
};
Registry& registry() {
  static Registry* r = new Registry;  // never destroyed: static registration order is unknown
  return *r;
}
}  // namespace

void registerNative(std::string qualifiedName, NativeFn fn) {
  Registry& r = registry();
  std::lock_guard<std::mutex> g(r.mu);
  r.fns[std::move(qualifiedName)] = fn;
}

NativeFn findNative(std::string_view qualifiedName) {
  Registry& r = registry();
  std::lock_guard<std::mutex> g(r.mu);
  auto it = r.fns.find(std::string(qualifiedName));
  return it == r.fns.end() ? nullptr : it->second;
}

}  // namespace gol::rt
