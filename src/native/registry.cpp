// The native packages' entry point (see native.h).
#include "native/native.h"

namespace gol::native {
void registerAll() {}
}  // namespace gol::native
