// Package fmt, native side: the printer state shared by fmt_print.cpp (entry points and the
// Printf format loop), fmt_format.cpp (padding, integers, strings, quoting), fmt_float.cpp
// (strconv-exact float formatting), fmt_value.cpp (printing any value by walking its Type) and
// the scanner (fmt_scan_reader.cpp, fmt_scan.cpp, fmt_scanparse.cpp; fmt_scan_reader.h has its
// own shared declarations). Behaviour follows Go's fmt byte for byte.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/value.h"
#include "types/type.h"

namespace gol::native::fmtimpl {

using rt::Value;

// Formatting flags of one verb (Go's fmtFlags plus width and precision).
struct Flags {
  bool widPresent = false, precPresent = false;
  bool minus = false, plus = false, sharp = false, space = false, zero = false;
  bool plusV = false, sharpV = false;  // %+v and %#v (plus/sharp cleared then)
  int wid = 0, prec = 0;
};

struct PrintfState;  // fmt_print.cpp: Printf's place in its format and operands
struct PrintfVerb;   // fmt_print.cpp: one parsed verb

// One print operation: accumulates output in buf.
class Printer {
 public:
  std::string buf;
  Flags f;
  bool erroring = false;  // inside badVerb: no String()/Error() calls
  bool wrapErrs = false;  // Errorf: %w allowed
  std::vector<int> wrapped;  // argument indexes of %w operands

  void clearFlags() { f = Flags(); }

  // fmt_print.cpp: the three print loops. args are interface words (IfaceObj*, null = nil).
  void doPrint(const Value* args, int n);
  void doPrintln(const Value* args, int n);
  void doPrintf(std::string_view format, const Value* args, int n);
  bool printVerb(PrintfState& st, const PrintfVerb& v);
  void printExtra(const Value* args, int from, int n);

  // fmt_value.cpp
  void printArg(Value iface, char32_t verb);
  void printValue(const Type* t, Value v, char32_t verb, int depth, bool ro = false);
  bool printBasic(Kind k, Value v, char32_t verb);
  // printValue by kind: depth 0 is the operand itself; ro, reached through an unexported field.
  void printMap(const Type* t, Value v, char32_t verb, int depth, bool ro);
  void printStruct(const Type* t, Value v, char32_t verb, int depth, bool ro);
  void printInterface(const Type* t, Value v, char32_t verb, int depth, bool ro);
  void printList(const Type* t, Value v, char32_t verb, int depth, bool ro);  // arrays, slices
  void printPointer(const Type* t, Value v, char32_t verb, int depth, bool ro);
  bool openList(const Type* t, bool isNil, const char* plain);
  void listSeparator(size_t i);
  void closeList();
  bool handleMethods(const Type* t, Value v, char32_t verb);
  void badVerb(char32_t verb);
  void fmtPointer(const Type* t, Value v, char32_t verb);
  void fmtBytes(const Type* t, Value v, char32_t verb, bool exactByteSlice = false);  // []byte and [N]byte special verbs

  // fmt_format.cpp: Go's fmt.fmt primitives.
  void writePadding(int n);
  void pad(std::string_view s);        // width in runes
  void padString(std::string_view s);  // same (Go distinguishes []byte/string only)
  void fmtBoolean(bool v);
  void fmtInteger(uint64_t u, int base, bool isSigned, char32_t verb, bool upper);
  void fmtUnicode(uint64_t u);
  void fmtC(uint64_t c);
  void fmtQc(uint64_t c);
  void fmtS(std::string_view s);
  void fmtSbx(std::string_view s, bool upper);
  void fmtQ(std::string_view s);
  void fmt0x64(uint64_t v, bool leading0x);
  // print.go level dispatch by verb for the basic kinds.
  void printBool(bool v, char32_t verb);
  void printInteger(uint64_t v, bool isSigned, char32_t verb);
  void printString(std::string_view s, char32_t verb);
  void printFloat(double v, int size, char32_t verb);
  void printComplex(double re, double im, int size, char32_t verb);

  // fmt_float.cpp
  void fmtFloat(double v, int size, char32_t verb, int prec);

  // The value badVerb reports (Go's p.arg / p.value).
  const Type* curType = nullptr;
  Value curVal;
};

// strconv.FormatFloat(v, fmt, prec, bitSize) for fmt in "eEfgGbxX"; prec -1 = shortest.
std::string formatFloat(double v, char fmt, int prec, int bitSize);

// strconv quoting: appends s quoted with `quote` (' or "), escaping non-printable runes (and,
// with asciiOnly, every non-ASCII rune).
void appendQuoted(std::string& out, std::string_view s, char quote, bool asciiOnly);
void appendQuotedRune(std::string& out, int32_t r, bool asciiOnly);
bool isPrint(int32_t r);  // unicode.IsPrint as strconv uses it
bool canBackquote(std::string_view s);
int runeCount(std::string_view s);
void appendRune(std::string& out, int32_t r);

// The registered gol helper that calls a Formatter's Format method (fmt_value.cpp).
Value& formatHelper();

// Helpers shared by the natives.
std::string typeName(const Type* t);  // %T spelling; "<nil>" for null
int kindBits(Kind k);                 // size in bits of an integer kind (int, uint: 64)
// Reads the args slice of a variadic ...any parameter into a vector of interface words.
void sliceWords(Value slice, std::vector<Value>* out);

// Scanning (fmt_scan_reader.cpp, fmt_scan.cpp, fmt_scanparse.cpp): errors are thrown as
// ScanError and turned into the native's (n, code, msg) results. code: 1 io.EOF,
// 2 io.ErrUnexpectedEOF, 3 errors.New(msg).
enum ErrCode { kNone = 0, kErrEOF = 1, kErrUnexpectedEOF = 2, kErrOther = 3 };
struct ScanError {
  int code;
  std::string msg;
};
[[noreturn]] void fail(std::string msg);
[[noreturn]] void numError(const char* fn, const std::string& s, bool range);  // strconv's NumError text
int64_t parseInt(const std::string& s, int base);     // strconv.ParseInt(s, base, 64)
uint64_t parseUint(const std::string& s, int base);   // strconv.ParseUint(s, base, 64)
double parseFloat(const std::string& s, int bits);    // strconv.ParseFloat
bool unquote(std::string_view q, std::string* out);   // strconv.Unquote of a "..." string

}  // namespace gol::native::fmtimpl
