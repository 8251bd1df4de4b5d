// Helpers shared between builtins.cpp, chan_nodes.cpp and defer_panic.cpp.
#pragma once
#include <string>

#include "interp/nodes.h"

namespace gol::interp {

std::string printValue(const Type* t, Value v);  // Go's print/println formatting

// chan_nodes.cpp
int64_t chanLen(Value ch);
int64_t chanCap(Value ch);
Expr* makeChanNode(const Type* chanType, Expr* size);
Expr* makeCloseNode(Expr* ch);

}  // namespace gol::interp
