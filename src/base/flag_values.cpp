// Flag values in Go's notation (flag_values.h).
#include "base/flag_values.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace gol {

bool parseDuration(const std::string& v, double* seconds) {
  static const std::pair<const char*, double> units[] = {{"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"ms", 1e-3},
                                                         {"s", 1}, {"m", 60}, {"h", 3600}};
  double total = 0;
  size_t i = 0;
  while (i < v.size()) {
    char* end = nullptr;
    double n = std::strtod(v.c_str() + i, &end);
    size_t j = static_cast<size_t>(end - v.c_str());
    if (j == i) return false;
    bool found = false;
    for (auto [name, scale] : units) {
      size_t len = std::strlen(name);
      if (v.compare(j, len, name) == 0 && !(len == 1 && name[0] == 'm' && v.compare(j, 2, "ms") == 0)) {
        total += n * scale;
        i = j + len;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  *seconds = total;
  return !v.empty() && total > 0;
}

uint64_t parseSize(const std::string& value) {
  static const std::pair<const char*, int> kSuffixes[] = {{"KB", 10}, {"MB", 20}, {"GB", 30}};
  size_t digits = 0;
  while (digits < value.size() && std::isdigit(static_cast<unsigned char>(value[digits]))) digits++;
  if (digits == 0 || digits > 12) return 0;
  uint64_t n = std::stoull(value.substr(0, digits));
  std::string suffix = value.substr(digits);
  for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (suffix.empty() || suffix == "B") return n;
  for (auto [name, shift] : kSuffixes)
    if (suffix == name) return n > (UINT64_MAX >> shift) ? 0 : n << shift;
  return 0;
}

}  // namespace gol
