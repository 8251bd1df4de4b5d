// Syntax tree images (see image.h): the byte format, the writer and the reader. What each node
// kind holds is described once, in image_fields.h, for both directions.
//
// Format: "GOLI", the format version, the file's text size and the number of nodes (unsigned
// LEB128 varints), then the file's fields. A node reference is 0 (null), 1 and an index (a node
// written before: File::imports, and any node the builder hung in two places), or 2 + its kind,
// followed by its position and fields. A position is 0 (none) or 1 + its offset in the file.
// Strings are a length and bytes; lists a count and their elements.
#include "syntax/image.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <unordered_map>

#include "syntax/image_fields.h"
#include "syntax/parser.h"

namespace gol::syntax {

using namespace gol::ast;
using namespace gol::syntax::image;

namespace {

constexpr char kMagic[4] = {'G', 'O', 'L', 'I'};
constexpr uint64_t kFormatVersion = 1;

constexpr NodeKind kAllKinds[] = {GOL_EXPR_KINDS(GOL_KIND_LIST_ITEM) GOL_TYPE_KINDS(GOL_KIND_LIST_ITEM)
                                      GOL_STMT_KINDS(GOL_KIND_LIST_ITEM) GOL_DECL_KINDS(GOL_KIND_LIST_ITEM)};
constexpr size_t kKindCount = std::size(kAllKinds);
// A node's tag is 2 + its kind's value, which the reader turns back into a kind below kKindCount.
constexpr bool kindsAreDense() {
  for (size_t i = 0; i < kKindCount; i++)
    if (static_cast<size_t>(kAllKinds[i]) != i) return false;
  return true;
}
static_assert(kindsAreDense(), "NodeKind's values must be 0, 1, ... in the order of ast.h's lists");

// The broad category a kind belongs to, for checking that a child read from an image is of a
// kind its field can hold. No default: a kind missing here is a -Wswitch warning.
enum class Category { Expr, Stmt, Spec, Decl };
constexpr Category categoryOf(NodeKind k) {
  switch (k) {
    GOL_CASES(GOL_EXPR_KINDS) GOL_CASES(GOL_TYPE_KINDS) return Category::Expr;
    GOL_CASES(GOL_STMT_KINDS) return Category::Stmt;
    case NodeKind::ImportSpec:
    case NodeKind::ValueSpec:
    case NodeKind::TypeSpec:
      return Category::Spec;
    case NodeKind::GenDecl:
    case NodeKind::FuncDecl:
      return Category::Decl;
  }
  return Category::Expr;
}

template <class T>
bool fits(NodeKind k) {
  if constexpr (std::is_same_v<T, Expr>)
    return categoryOf(k) == Category::Expr;
  else if constexpr (std::is_same_v<T, Stmt>)
    return categoryOf(k) == Category::Stmt;
  else if constexpr (std::is_same_v<T, Spec>)
    return categoryOf(k) == Category::Spec;
  else if constexpr (std::is_same_v<T, Decl>)
    return categoryOf(k) == Category::Decl;
  else
    return k == KindOf<T>::value;
}

// The one switch over node kinds, shared by both directions: the writer passes the node it
// writes, the reader null (it gets a blank node of kind K from io.make and fills it).
template <NodeKind K, class IO>
Node* transferAs(IO& io, Node* n) {
  using T = typename NodeOf<K>::type;
  if constexpr (std::is_void_v<T>) {
    io.refuse(std::string("a ") + nodeKindName(K) + " node");
    return nullptr;
  } else {
    T* t;
    if constexpr (IO::kReading)
      t = io.template make<T>();
    else
      t = static_cast<T*>(n);
    io.pos(t->pos);
    fields(io, *t);
    return t;
  }
}

template <class IO>
Node* transfer(IO& io, NodeKind k, Node* n) {
#define GOL_IMAGE_CASE(K) \
  case NodeKind::K:       \
    return transferAs<NodeKind::K>(io, n);
  switch (k) {
    GOL_EXPR_KINDS(GOL_IMAGE_CASE)
    GOL_TYPE_KINDS(GOL_IMAGE_CASE)
    GOL_STMT_KINDS(GOL_IMAGE_CASE)
    GOL_DECL_KINDS(GOL_IMAGE_CASE)
  }
#undef GOL_IMAGE_CASE
  io.refuse("a node of unknown kind " + std::to_string(static_cast<int>(k)));
  return nullptr;
}

// ---------------------------------------------------------------- writing

class Writer {
 public:
  static constexpr bool kReading = false;
  Writer(Pos base, size_t size) : base_(base), size_(size) {}

  std::string body;
  size_t nodeCount() const { return seen_.size(); }

  void uint(uint64_t v) {
    for (; v >= 0x80; v >>= 7) body.push_back(static_cast<char>(v | 0x80));
    body.push_back(static_cast<char>(v));
  }
  void flag(bool& b) { body.push_back(b ? 1 : 0); }
  template <class E>
  void small(E& e) {
    uint(static_cast<uint64_t>(e));
  }
  void num(int& v) { uint(v < 0 ? ~(static_cast<uint64_t>(v) << 1) : static_cast<uint64_t>(v) << 1); }
  void str(std::string& s) {
    uint(s.size());
    body.append(s);
  }
  void pos(Pos& p) {
    if (p == 0) return uint(0);
    if (p < base_ || p - base_ > size_) refuse("a position outside its file");
    uint(p - base_ + 1);
  }
  template <class V, class F>
  void each(V& v, F f) {
    uint(v.size());
    for (auto& x : v) f(x);
  }
  template <class F>
  void optField(Field*& f, F fn) {
    body.push_back(f ? 1 : 0);
    if (f) fn(*f);
  }
  template <class T>
  void node(T*& n) {
    write(n);
  }
  [[noreturn]] void refuse(const std::string& what) {
    throw std::logic_error("writeImage: cannot image " + what);
  }

 private:
  void write(Node* n) {
    if (!n) return uint(0);
    auto [it, fresh] = seen_.try_emplace(n, seen_.size());
    if (!fresh) {
      uint(1);
      return uint(it->second);
    }
    if (categoryOf(n->kind) == Category::Expr && static_cast<Expr*>(n)->type)
      refuse("a checked tree (the image is of the parser's tree)");
    uint(2 + static_cast<uint64_t>(n->kind));
    transfer(*this, n->kind, n);
  }

  Pos base_;
  size_t size_;
  std::unordered_map<const Node*, size_t> seen_;
};

// ---------------------------------------------------------------- reading

struct Malformed {
  std::string what;
};

// Stands for any constructor argument but a node: the reader builds each node blank, then reads
// every field into it.
struct Blank {
  template <class T>
  requires(!std::is_base_of_v<Node, T>) operator T() const { return T(); }
};

template <class T>
T* makeBlank(Arena& a) {
  Blank b;
  if constexpr (std::is_constructible_v<T, Blank>)
    return a.make<T>(b);
  else if constexpr (std::is_constructible_v<T, Blank, Blank>)
    return a.make<T>(b, b);
  else if constexpr (std::is_constructible_v<T, Blank, Blank, Blank>)
    return a.make<T>(b, b, b);
  else if constexpr (std::is_constructible_v<T, Blank, Blank, Blank, Blank>)
    return a.make<T>(b, b, b, b);
  else if constexpr (std::is_constructible_v<T, Blank, Blank, Blank, Blank, Blank, Blank, Blank>)
    return a.make<T>(b, b, b, b, b, b, b);
  else
    static_assert(sizeof(T) == 0, "makeBlank: no constructor of 1-4 or 7 arguments");
}

class Reader {
 public:
  static constexpr bool kReading = true;
  Reader(Arena& arena, std::string_view bytes)
      : arena_(arena), at_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  // Checks the header against the file the tree is for.
  void header(Pos base, size_t textSize) {
    if (static_cast<size_t>(end_ - at_) < sizeof kMagic || !std::equal(kMagic, kMagic + 4, at_))
      refuse("no image header");
    at_ += sizeof kMagic;
    if (uint() != kFormatVersion) refuse("another format version");
    if (uint() != textSize) refuse("made from another text");
    uint64_t nodes = uint();
    if (nodes > static_cast<size_t>(end_ - at_)) refuse("a node count past its end");
    nodes_.reserve(nodes);
    done_.reserve(nodes);
    base_ = base;
    size_ = textSize;
  }
  void finish() const {
    if (at_ != end_) refuse("bytes after the tree");
  }

  uint64_t uint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ == end_) refuse("a truncated image");
      auto c = static_cast<uint8_t>(*at_++);
      v |= static_cast<uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    refuse("an overlong number");
  }
  void flag(bool& b) {
    uint64_t v = uint();
    if (v > 1) refuse("a flag that is neither 0 nor 1");
    b = v;
  }
  template <class E>
  void small(E& e) {
    uint64_t v = uint();
    if (v > 255) refuse("an enumerator out of range");
    e = static_cast<E>(v);
  }
  void num(int& v) {
    uint64_t z = uint();
    v = static_cast<int>(z & 1 ? ~(z >> 1) : z >> 1);
  }
  void str(std::string& s) {
    uint64_t n = uint();
    if (n > static_cast<size_t>(end_ - at_)) refuse("a string past its end");
    s.assign(at_, n);
    at_ += n;
  }
  void pos(Pos& p) {
    uint64_t v = uint();
    if (v > size_ + 1) refuse("a position outside its file");
    p = v == 0 ? 0 : base_ + static_cast<Pos>(v - 1);
  }
  template <class V, class F>
  void each(V& v, F f) {
    uint64_t n = uint();
    if (n > static_cast<size_t>(end_ - at_)) refuse("a list past its end");  // each element takes a byte
    v.resize(n);
    for (auto& x : v) f(x);
  }
  template <class F>
  void optField(Field*& f, F fn) {
    bool present;
    flag(present);
    f = present ? arena_.makeField() : nullptr;
    if (f) fn(*f);
  }
  template <class T>
  void node(T*& n) {
    uint64_t tag = uint();
    Node* got = nullptr;
    if (tag == 1) {
      uint64_t i = uint();
      if (i >= nodes_.size()) refuse("a reference to a node not read yet");
      if (!done_[i]) refuse("a reference into a node still being read (a cycle)");
      got = nodes_[i];
    } else if (tag >= 2) {
      if (tag - 2 >= kKindCount) refuse("a node of unknown kind");
      size_t index = nodes_.size();  // transferAs makes the node before reading its children
      got = transfer(*this, static_cast<NodeKind>(tag - 2), nullptr);
      done_[index] = true;
    }
    if (got && !fits<T>(got->kind))
      refuse(std::string("a ") + nodeKindName(got->kind) + " where it cannot be");
    n = static_cast<T*>(got);
  }
  template <class T>
  T* make() {
    T* n = makeBlank<T>(arena_);
    nodes_.push_back(n);
    done_.push_back(false);
    return n;
  }
  [[noreturn]] void refuse(const std::string& what) const { throw Malformed{what}; }

 private:
  Arena& arena_;
  const char* at_;
  const char* end_;
  Pos base_ = 0;
  size_t size_ = 0;
  std::vector<Node*> nodes_;  // by index, as the writer numbered them
  std::vector<bool> done_;    // node i's fields are all read: a reference to it cannot make a cycle
};

}  // namespace

std::string writeImage(const ast::File* f) {
  const SourceFile& sf = SourceTable::global().file(f->fileId);
  Writer w(sf.base, sf.text.size());
  fileFields(w, const_cast<File&>(*f));  // the writer only reads the fields it is handed
  Writer head(0, 0);
  head.body.assign(kMagic, sizeof kMagic);
  head.uint(kFormatVersion);
  head.uint(sf.text.size());
  head.uint(w.nodeCount());
  return head.body + w.body;
}

ast::File* readImage(ast::Arena& arena, FileId id, std::string_view image, Diagnostics& diags) {
  const SourceFile& sf = SourceTable::global().file(id);
  File* f = arena.makeFile();
  f->fileId = id;
  try {
    Reader r(arena, image);
    r.header(sf.base, sf.text.size());
    fileFields(r, *f);
    r.finish();
    return f;
  } catch (const Malformed& m) {
    diags.error(sf.base, "internal error: the prepared syntax tree of " + sf.name + " is unreadable (" +
                             m.what + "); GOL_STDLIB_SOURCE=1 parses the source instead");
  }
  File* empty = arena.makeFile();  // the partial tree may hold nodes half read
  empty->fileId = id;
  empty->pos = sf.base;
  return empty;
}

ast::File* loadFile(ast::Arena& arena, FileId file, std::string_view image, Diagnostics& diags) {
  return image.empty() ? parseFile(arena, file, diags) : readImage(arena, file, image, diags);
}

}  // namespace gol::syntax
