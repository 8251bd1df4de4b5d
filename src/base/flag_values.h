// Values of command-line flags in Go's notation, for every command (gol run, explore, play).
#pragma once
#include <cstdint>
#include <string>

namespace gol {

// Go's duration syntax (time.ParseDuration): a number and a unit (ns us µs ms s m h), possibly
// several ("1m30s"); false unless the total is positive.
bool parseDuration(const std::string& value, double* seconds);
// A size in bytes: plain bytes, or a number with KB, MB or GB (powers of 1024; any case).
// 0: not a size.
uint64_t parseSize(const std::string& value);

}  // namespace gol
