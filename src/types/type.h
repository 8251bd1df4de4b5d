// Go types as gol represents them: built by the checker, read by the evaluator, the runtime
// (map hashing, interface values) and native packages (fmt prints by walking a Type).
//
// Types are interned where Go's identity rules allow it (basic, pointer, slice, map, chan, array,
// func, tuple types built through TypeTable are unique), so identical types compare by pointer.
// Named types are unique by declaration. Struct and interface literals are interned by structure.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gol {

namespace ast {
struct FuncDecl;
}

enum class Kind : uint8_t {
  Invalid,
  Bool, Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
  Float32, Float64, Complex64, Complex128, String, UnsafePointer,
  UntypedBool, UntypedInt, UntypedRune, UntypedFloat, UntypedComplex, UntypedString, UntypedNil,
  Array, Slice, Struct, Pointer, Func, Interface, Map, Chan, Named, Tuple,
};

enum class ChanDirection : uint8_t { Both, Send, Recv };

struct Type;

struct StructField {
  std::string name;  // for embedded fields: the type's name
  const Type* type;
  bool embedded = false;
  bool exported = false;
  std::string tag;
};

struct Method {  // a method of a named type, or of an interface
  std::string name;
  const Type* sig;                    // Func type without receiver
  bool pointerRecv = false;           // declared on *T
  const ast::FuncDecl* decl = nullptr;  // the declaration (null for interface methods)
  int nativeId = -1;                  // for bodyless stdlib methods: the native implementation
};

struct Type {
  Kind kind = Kind::Invalid;

  // Array: elem, length. Slice/Pointer/Chan: elem. Map: key, elem.
  const Type* elem = nullptr;
  const Type* key = nullptr;
  int64_t length = 0;
  ChanDirection dir = ChanDirection::Both;

  // Struct: fields. Tuple: elements as fields (names empty).
  std::vector<StructField> fields;

  // Func: params, results; variadic means the last param is a slice []T given as ...T.
  std::vector<const Type*> params;
  std::vector<const Type*> results;
  bool variadic = false;

  // Interface: the full method set (embedded interfaces flattened), sorted by name.
  // Named: methods declared on it (value and pointer receivers), sorted by name.
  std::vector<Method> methods;

  // Named: its name, package path ("" for main/script), underlying type (set after resolution).
  std::string name;
  std::string pkg;
  const Type* underlying_ = nullptr;

  // Filled lazily by the runtime: e.g. interface method tables cached per (iface, concrete) pair.
  mutable void* runtimeInfo = nullptr;

  const Type* underlying() const { return kind == Kind::Named ? underlying_ : this; }
  Kind ukind() const { return underlying()->kind; }
};

// Predicates on underlying types.
bool isInteger(const Type* t);     // sized/unsized ints, uintptr, untyped int/rune
bool isUnsigned(const Type* t);
bool isFloat(const Type* t);       // float32/64, untyped float
bool isComplex(const Type* t);     // complex64/128, untyped complex
bool isNumeric(const Type* t);
bool isString(const Type* t);      // string or untyped string
bool isBoolean(const Type* t);
bool isUntyped(const Type* t);
bool isInterface(const Type* t);
bool isConstType(const Type* t);   // types a constant may have
bool isComparable(const Type* t);
bool isOrdered(const Type* t);
int intBits(const Type* t);        // 8/16/32/64 for sized ints; 64 for int/uint/uintptr

// Go's spelling of a type, as %T and error messages print it: "int", "[]string",
// "map[string]int", "*main.Point" (qualify=true, as %T does) or "*Point" (qualify=false, as
// the checker's messages do), "func(int, ...string) (int, error)", "struct { X int }",
// "interface {}" (Go 1.19 spelling), "chan<- int".
std::string typeString(const Type* t, bool qualify = true);

bool identical(const Type* a, const Type* b);

// The process-wide type table: interning constructors and the predeclared types.
class TypeTable {
 public:
  static TypeTable& get();

  const Type* basic(Kind k);  // Bool..UnsafePointer, Untyped*
  const Type* pointer(const Type* elem);
  const Type* slice(const Type* elem);
  const Type* array(const Type* elem, int64_t len);
  const Type* map(const Type* key, const Type* val);
  const Type* chan(const Type* elem, ChanDirection dir);
  const Type* func(std::vector<const Type*> params, std::vector<const Type*> results, bool variadic);
  const Type* tuple(std::vector<const Type*> elems);
  const Type* structType(std::vector<StructField> fields);
  const Type* interfaceType(std::vector<Method> methods);  // methods: flattened, any order
  Type* newNamed(std::string name, std::string pkg);  // underlying and methods set by the caller

  const Type* errorType();  // the predeclared `error` (named interface { Error() string })
  const Type* anyType();    // interface {}
  const Type* byteType() { return basic(Kind::Uint8); }
  const Type* runeType() { return basic(Kind::Int32); }

 private:
  TypeTable();
  const Type* intern(Type t);
  std::mutex mu_;
  std::vector<std::unique_ptr<Type>> all_;
  const Type* basics_[32] = {};
  const Type* error_ = nullptr;
  const Type* any_ = nullptr;
};

// Method sets (Go spec): for interface satisfaction and selector resolution through embedding.
struct MethodPath {
  const Method* method = nullptr;  // the declared method found
  const Type* recvType = nullptr;  // the named type that declares it
  std::vector<int> path;           // embedded-field indices from the outer type to the receiver
  std::vector<bool> derefs;        // per step: whether that embedded field is a pointer
  bool indirect = false;           // whether any step went through a pointer
};
// Looks up method `name` on type t (which may be a pointer to a named type), following embedded
// fields breadth-first as Go does. Returns false if absent or ambiguous.
bool lookupMethod(const Type* t, const std::string& name, MethodPath* out);
// Whether type t implements interface iface; if not, `missing` names the first missing method
// and `wrongRecv` tells if it exists only with a pointer receiver.
bool implements(const Type* t, const Type* iface, std::string* missing = nullptr, bool* wrongRecv = nullptr);

// Field-or-method lookup for selectors (Go spec "Selectors"): breadth-first through embedded
// fields, the shallowest unique match wins. t may be a pointer (auto-dereferenced).
struct Lookup {
  enum class What : uint8_t { None, Field, Method, InterfaceMethod, Ambiguous };
  What kind = What::None;
  // Field: embedded-field indices ending with the field itself. Method/InterfaceMethod: the path
  // to the embedded receiver (empty when declared on t itself).
  std::vector<int> path;
  std::vector<bool> derefs;         // derefs[i]: the value before step i is a pointer to follow
  const Type* fieldType = nullptr;  // Field
  const Method* method = nullptr;   // Method (declared) or InterfaceMethod
  const Type* recvNamed = nullptr;  // Method: the named type declaring it; InterfaceMethod: the interface type
  int methodIndex = -1;             // InterfaceMethod: index in the interface's sorted methods
  bool recvIsPointer = false;       // the value reached by `path` is a pointer
  bool indirect = false;            // some step (or t itself) went through a pointer
};
Lookup lookupFieldOrMethod(const Type* t, const std::string& name);

}  // namespace gol
