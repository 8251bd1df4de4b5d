// The host-access gate of host.h: one policy pointer, read on every gated call.
#include "native/host.h"

#include <atomic>
#include <string>

#include "runtime/object.h"

namespace gol::native {

namespace {
std::atomic<HostPolicy> gPolicy{nullptr};
}

void setHostPolicy(HostPolicy p) { gPolicy.store(p, std::memory_order_release); }

void checkHostAccess(std::string_view qualifiedName) {
  HostPolicy p = gPolicy.load(std::memory_order_acquire);
  if (!p) return;
  if (const char* why = p(qualifiedName)) rt::panicPlain(why);
}

}  // namespace gol::native
