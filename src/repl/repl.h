// The interactive REPL (script-form input, one entry at a time).
#pragma once
#include "driver.h"

namespace gol::repl {
int run(const driver::Options& opts);
}
