// Shared by the natives of encoding/json (json_encode.cpp, json_decode.cpp): Go's mapping of
// struct fields to JSON object keys (tags, omitempty, embedding and its dominance rule), the
// special types of package json, and running a recursive walk on a bigger stack when the
// goroutine's runs low (goroutine stacks start small and have no guard page).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "native/stdlib_util.h"
#include "sched/sched.h"
#include "types/type.h"

namespace gol::native::json {

// One JSON-visible field of a struct type, after embedding is flattened.
struct Field {
  std::string name;        // the JSON key
  std::vector<int> index;  // field indices from the outer struct down through embedded structs
  const Type* type;
  bool omitEmpty = false;
  bool quoted = false;     // the ",string" option (scalars as JSON strings)
};

// The fields of struct type t (underlying Struct) in Go's order, cached per type.
const std::vector<Field>& structFields(const Type* t);

// The value of `key` in a struct tag (reflect.StructTag.Get's convention); the tag is the raw
// literal as written in the source (back-quoted or double-quoted).
std::string tagLookup(const std::string& rawTag, std::string_view key);

// Whether t is package json's Number or RawMessage.
bool isNamed(const Type* t, const char* name);

// Go's %v-style type spelling used in json's messages ("main.T", "[]int", "*main.T").
inline std::string typeName(const Type* t) { return typeString(t, true); }

// Runs f() directly, or on a fresh stack segment when the goroutine's stack is low.
template <class F>
void deep(F&& f) {
  if (!sched::stackLow()) {
    f();
    return;
  }
  sched::growAndCall([](void* p) { (*static_cast<F*>(p))(); }, &f);
}

// Whether src is one valid JSON value (with surrounding whitespace); json_parse.cpp.
bool validJSON(std::string_view src);

// Appends s as a JSON string literal (Go's escaping; <, > and & as \u003c... when escapeHTML).
void appendQuoted(std::string& out, std::string_view s, bool escapeHTML);

// A parsed JSON value (json_parse.cpp). Offsets are byte offsets into the input.
struct Node {
  enum Kind : uint8_t { Null, Bool, Number, String, Array, Object } kind = Null;
  bool b = false;
  std::string text;             // Number: the literal; String: the decoded string
  std::vector<Node> elems;      // Array elements; Object values
  std::vector<std::string> keys;  // Object keys (decoded), parallel to elems
  size_t begin = 0, end = 0;    // the value's extent in the input

  Node() = default;
  Node(Node&&) = default;
  Node& operator=(Node&&) = default;
  ~Node();  // iterative: a tree 10000 levels deep must not recurse on a goroutine's small stack
};

// Parses exactly one JSON value (surrounding whitespace allowed). On a syntax error: false,
// with Go's SyntaxError message and offset.
bool parse(std::string_view src, Node* out, std::string* errMsg, int64_t* errOffset);

// Go's nesting limit for values (decoder) and for pointer cycles (encoder).
constexpr int kMaxDepth = 10000;

}  // namespace gol::native::json
