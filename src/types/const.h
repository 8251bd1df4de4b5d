// Exact constant values (Go spec "Constants"): untyped integer and float constants are arbitrary
// precision (integers as big integers, floats as exact rationals), so 1<<100>>98 == 4 and
// 0.1+0.2 == 0.3 exactly. Converted to machine words only when a typed value is needed.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "base/token.h"

namespace gol {

struct ConstRep;  // big-number representation, hidden in const.cpp

struct ConstValue {
  enum class Kind : uint8_t { Unknown, Bool, String, Int, Float, Complex } kind = Kind::Unknown;
  bool b = false;
  std::string s;
  std::shared_ptr<const ConstRep> num;  // Int, Float and Complex

  // Conversions used by the evaluator; the checker has verified representability.
  int64_t toInt64() const;     // Int (or integral Float), wrapped to 64 bits
  uint64_t toUint64() const;
  double toFloat64() const;    // nearest double
  float toFloat32() const;
  double realPart() const;    // Complex (or a real constant): nearest doubles of the parts
  double imagPart() const;
  std::string toString() const;  // Go's spelling for messages: "300", "1e+100", "\"abc\"", "true"
};

// Exact constant arithmetic for the checker (const.cpp, constops.cpp, constlit.cpp).
namespace constant {
ConstValue makeBool(bool b);
ConstValue makeString(std::string s);
ConstValue makeInt(int64_t v);
ConstValue makeUint(uint64_t v);
ConstValue makeFloat(double v);
ConstValue makeComplex(const ConstValue& re, const ConstValue& im);  // of two real constants
ConstValue realOf(const ConstValue& v);  // real(v), imag(v) of any numeric constant: Float
ConstValue imagOf(const ConstValue& v);

// Literals (raw source text). Return false on a malformed literal.
bool parseInt(const std::string& raw, ConstValue* out);
bool parseFloat(const std::string& raw, ConstValue* out);
bool parseImag(const std::string& raw, ConstValue* out);     // "2i", "1.5e3i": a Complex
bool parseRune(const std::string& raw, ConstValue* out);      // an Int constant
bool parseString(const std::string& raw, ConstValue* out);    // interpreted or raw string
bool unquote(const std::string& raw, std::string* out);       // "..." or `...`

bool isIntegral(const ConstValue& v);  // Int, or Float with an integer value
ConstValue toFloatKind(const ConstValue& v);
ConstValue toIntKind(const ConstValue& v);  // truncates a Float (callers check integrality)
ConstValue toComplexKind(const ConstValue& v);  // Int or Float as a Complex with imaginary part 0
int sign(const ConstValue& v);
int bitLen(const ConstValue& v);            // of an Int's magnitude

// Binary arithmetic on two values of the same class (both Int, both Float, both String, both
// Bool). intDiv selects truncated integer division for Int operands. Returns Unknown on division
// by zero (divZero set).
ConstValue binary(Tok op, const ConstValue& a, const ConstValue& b, bool* divZero);
ConstValue shift(Tok op, const ConstValue& a, uint64_t count);
// Unary + - ^ !. For ^ on an unsigned typed constant, `unsignedBits` is its width (0: signed).
ConstValue unary(Tok op, const ConstValue& a, int unsignedBits);
bool compare(Tok op, const ConstValue& a, const ConstValue& b);

// Representability of v in basic kind k (Go spec "Representability"). On success *out is v
// converted to k's class (Int for integer kinds, Float rounded to float32/float64 for float kinds).
// reason: "overflows" or "truncated" when it fails.
bool representable(const ConstValue& v, int kind /* gol::Kind */, ConstValue* out, const char** reason);
}  // namespace constant

}  // namespace gol
