// Exact constant values (Go spec "Constants"): untyped integer and float constants are arbitrary
// precision (integers as big integers, floats as exact rationals), so 1<<100>>98 == 4 and
// 0.1+0.2 == 0.3 exactly. Converted to machine words only when a typed value is needed.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

namespace gol {

struct ConstRep;  // big-number representation, hidden in const.cpp

struct ConstValue {
  enum class Kind : uint8_t { Unknown, Bool, String, Int, Float } kind = Kind::Unknown;
  bool b = false;
  std::string s;
  std::shared_ptr<const ConstRep> num;  // Int and Float

  // Conversions used by the evaluator; the checker has verified representability.
  int64_t toInt64() const;     // Int (or integral Float), wrapped to 64 bits
  uint64_t toUint64() const;
  double toFloat64() const;    // nearest double
  float toFloat32() const;
  std::string toString() const;  // Go's spelling for messages: "300", "1e+100", "\"abc\"", "true"
};

}  // namespace gol
