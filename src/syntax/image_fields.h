// What the image of a syntax tree holds for each node kind (syntax/image.cpp). One description per
// kind, `fields(io, node)`, serves both directions: the writer instantiates it to write the node's
// fields and the reader to read them back in the same order, so the two cannot disagree. The
// node's kind and position are handled by the caller; checker annotations are not imaged (the
// parser leaves them null).
//
// IO provides: node(T*&) for a child (null, new, or a node met before), each(vector, fn) for a
// list, optField(Field*&, fn) for a field that may be absent, str(std::string&), pos(Pos&),
// flag(bool&), small(E&) for an enum and num(int&).
#pragma once
#include <type_traits>

#include "syntax/ast.h"

namespace gol::syntax::image {

using namespace gol::ast;

// Which struct each kind is built as. The reader's dispatch instantiates NodeOf for every kind in
// ast.h's lists, so a kind added there without an entry here is a compile error.
template <NodeKind K>
struct NodeOf;
template <class T>
struct KindOf;
#define GOL_IMAGE_NODE(K, T)   \
  template <>                  \
  struct NodeOf<NodeKind::K> { \
    using type = T;            \
  };                           \
  template <>                  \
  struct KindOf<T> : std::integral_constant<NodeKind, NodeKind::K> {};
GOL_IMAGE_NODE(Ident, Ident)
GOL_IMAGE_NODE(BasicLit, BasicLit)
GOL_IMAGE_NODE(CompositeLit, CompositeLit)
GOL_IMAGE_NODE(FuncLit, FuncLit)
GOL_IMAGE_NODE(Paren, ParenExpr)
GOL_IMAGE_NODE(Selector, SelectorExpr)
GOL_IMAGE_NODE(Index, IndexExpr)
GOL_IMAGE_NODE(Slice, SliceExpr)
GOL_IMAGE_NODE(TypeAssert, TypeAssertExpr)
GOL_IMAGE_NODE(Call, CallExpr)
GOL_IMAGE_NODE(Star, StarExpr)
GOL_IMAGE_NODE(Unary, UnaryExpr)
GOL_IMAGE_NODE(Binary, BinaryExpr)
GOL_IMAGE_NODE(KeyValue, KeyValueExpr)
GOL_IMAGE_NODE(ArrayType, ArrayTypeExpr)
GOL_IMAGE_NODE(StructType, StructTypeExpr)
GOL_IMAGE_NODE(FuncType, FuncTypeExpr)
GOL_IMAGE_NODE(InterfaceType, InterfaceTypeExpr)
GOL_IMAGE_NODE(MapType, MapTypeExpr)
GOL_IMAGE_NODE(ChanType, ChanTypeExpr)
GOL_IMAGE_NODE(Ellipsis, EllipsisExpr)
GOL_IMAGE_NODE(DeclStmt, DeclStmt)
GOL_IMAGE_NODE(EmptyStmt, EmptyStmt)
GOL_IMAGE_NODE(LabeledStmt, LabeledStmt)
GOL_IMAGE_NODE(ExprStmt, ExprStmt)
GOL_IMAGE_NODE(SendStmt, SendStmt)
GOL_IMAGE_NODE(IncDecStmt, IncDecStmt)
GOL_IMAGE_NODE(AssignStmt, AssignStmt)
GOL_IMAGE_NODE(GoStmt, GoStmt)
GOL_IMAGE_NODE(DeferStmt, DeferStmt)
GOL_IMAGE_NODE(ReturnStmt, ReturnStmt)
GOL_IMAGE_NODE(BranchStmt, BranchStmt)
GOL_IMAGE_NODE(Block, BlockStmt)
GOL_IMAGE_NODE(If, IfStmt)
GOL_IMAGE_NODE(CaseClause, CaseClause)
GOL_IMAGE_NODE(Switch, SwitchStmt)
GOL_IMAGE_NODE(TypeSwitch, TypeSwitchStmt)
GOL_IMAGE_NODE(CommClause, CommClause)
GOL_IMAGE_NODE(Select, SelectStmt)
GOL_IMAGE_NODE(For, ForStmt)
GOL_IMAGE_NODE(Range, RangeStmt)
GOL_IMAGE_NODE(ImportSpec, ImportSpec)
GOL_IMAGE_NODE(ValueSpec, ValueSpec)
GOL_IMAGE_NODE(TypeSpec, TypeSpec)
GOL_IMAGE_NODE(GenDecl, GenDecl)
GOL_IMAGE_NODE(FuncDecl, FuncDecl)
#undef GOL_IMAGE_NODE
// BadStmt has no struct: the parser never builds one, and the image refuses it both ways.
template <>
struct NodeOf<NodeKind::BadStmt> {
  using type = void;
};

// A field added to a node must be added to its description below. The sizes are a tripwire for
// that on the platform gol is built on (x86-64, libstdc++); it misses a field that fits in
// padding. When one fires, image the new field (or note below why it is a checker annotation),
// then update the size.
#if defined(__x86_64__) && defined(__GLIBCXX__)
// clang-format off
#define GOL_IMAGE_SIZE(T, n) \
  static_assert(sizeof(T) == n, "ast::" #T " changed: update its fields() in syntax/image_fields.h, then this size");
GOL_IMAGE_SIZE(Ident, 88) GOL_IMAGE_SIZE(BasicLit, 72) GOL_IMAGE_SIZE(KeyValueExpr, 56)
GOL_IMAGE_SIZE(CompositeLit, 104) GOL_IMAGE_SIZE(FuncLit, 64) GOL_IMAGE_SIZE(ParenExpr, 48)
GOL_IMAGE_SIZE(SelectorExpr, 64) GOL_IMAGE_SIZE(IndexExpr, 64) GOL_IMAGE_SIZE(SliceExpr, 80)
GOL_IMAGE_SIZE(TypeAssertExpr, 56) GOL_IMAGE_SIZE(CallExpr, 96) GOL_IMAGE_SIZE(StarExpr, 48)
GOL_IMAGE_SIZE(UnaryExpr, 48) GOL_IMAGE_SIZE(BinaryExpr, 64) GOL_IMAGE_SIZE(ArrayTypeExpr, 56)
GOL_IMAGE_SIZE(Field, 80) GOL_IMAGE_SIZE(StructTypeExpr, 64) GOL_IMAGE_SIZE(FuncTypeExpr, 88)
GOL_IMAGE_SIZE(InterfaceTypeExpr, 88) GOL_IMAGE_SIZE(InterfaceTypeExpr::Method, 16)
GOL_IMAGE_SIZE(MapTypeExpr, 56) GOL_IMAGE_SIZE(ChanTypeExpr, 48) GOL_IMAGE_SIZE(EllipsisExpr, 48)
GOL_IMAGE_SIZE(DeclStmt, 24) GOL_IMAGE_SIZE(EmptyStmt, 16) GOL_IMAGE_SIZE(LabeledStmt, 32)
GOL_IMAGE_SIZE(ExprStmt, 24) GOL_IMAGE_SIZE(SendStmt, 40) GOL_IMAGE_SIZE(IncDecStmt, 32)
GOL_IMAGE_SIZE(AssignStmt, 80) GOL_IMAGE_SIZE(GoStmt, 24) GOL_IMAGE_SIZE(DeferStmt, 24)
GOL_IMAGE_SIZE(ReturnStmt, 40) GOL_IMAGE_SIZE(BranchStmt, 40) GOL_IMAGE_SIZE(BlockStmt, 48)
GOL_IMAGE_SIZE(IfStmt, 48) GOL_IMAGE_SIZE(CaseClause, 88) GOL_IMAGE_SIZE(SwitchStmt, 64)
GOL_IMAGE_SIZE(TypeSwitchStmt, 64) GOL_IMAGE_SIZE(CommClause, 56) GOL_IMAGE_SIZE(SelectStmt, 40)
GOL_IMAGE_SIZE(ForStmt, 72) GOL_IMAGE_SIZE(RangeStmt, 64) GOL_IMAGE_SIZE(ImportSpec, 56)
GOL_IMAGE_SIZE(ValueSpec, 80) GOL_IMAGE_SIZE(TypeSpec, 40) GOL_IMAGE_SIZE(GenDecl, 48)
GOL_IMAGE_SIZE(FuncDecl, 56) GOL_IMAGE_SIZE(File, 88)
#undef GOL_IMAGE_SIZE
// clang-format on
#endif

// ---------------------------------------------------------------- parts shared by several kinds

template <class IO>
void field(IO& io, Field& f) {
  io.each(f.names, [&](Ident*& n) { io.node(n); });
  io.node(f.typeExpr);
  io.flag(f.embedded);
  io.str(f.tag);
  io.pos(f.pos);
}
template <class IO>
void fieldList(IO& io, FieldList& fs) {
  io.each(fs, [&](Field& f) { field(io, f); });
}
template <class IO, class T>
void nodeList(IO& io, std::vector<T*>& xs) {
  io.each(xs, [&](T*& x) { io.node(x); });
}

// ---------------------------------------------------------------- expressions and types

// The descriptions stay one short function per kind, so that they read as a table.
// clang-format off

// Checker annotations not imaged: Ident::sym/ref, CompositeLit::indices, FuncLit::info,
// SelectorExpr::selection, CallExpr::info and Expr::type/value/mode.
template <class IO> void fields(IO& io, Ident& n) { io.str(n.name); }
template <class IO> void fields(IO& io, BasicLit& n) { io.small(n.litKind); io.str(n.raw); }
template <class IO> void fields(IO& io, CompositeLit& n) {
  io.node(n.typeExpr);
  nodeList(io, n.elts);
  io.pos(n.lbrace);
  io.pos(n.rbrace);
}
template <class IO> void fields(IO& io, FuncLit& n) { io.node(n.sig); io.node(n.body); }
template <class IO> void fields(IO& io, ParenExpr& n) { io.node(n.x); }
template <class IO> void fields(IO& io, SelectorExpr& n) { io.node(n.x); io.node(n.sel); }
template <class IO> void fields(IO& io, IndexExpr& n) { io.node(n.x); io.node(n.index); io.pos(n.lbrack); }
template <class IO> void fields(IO& io, SliceExpr& n) {
  io.node(n.x);
  io.node(n.lo);
  io.node(n.hi);
  io.node(n.max);
  io.flag(n.slice3);
  io.pos(n.lbrack);
}
template <class IO> void fields(IO& io, TypeAssertExpr& n) { io.node(n.x); io.node(n.typeExpr); }
template <class IO> void fields(IO& io, CallExpr& n) {
  io.node(n.fun);
  nodeList(io, n.args);
  io.flag(n.hasEllipsis);
  io.pos(n.lparen);
  io.pos(n.rparen);
}
template <class IO> void fields(IO& io, StarExpr& n) { io.node(n.x); }
template <class IO> void fields(IO& io, UnaryExpr& n) { io.small(n.op); io.node(n.x); }
template <class IO> void fields(IO& io, BinaryExpr& n) { io.small(n.op); io.node(n.x); io.node(n.y); io.pos(n.opPos); }
template <class IO> void fields(IO& io, KeyValueExpr& n) { io.node(n.key); io.node(n.val); }
template <class IO> void fields(IO& io, ArrayTypeExpr& n) { io.node(n.len); io.node(n.elem); }
template <class IO> void fields(IO& io, StructTypeExpr& n) { fieldList(io, n.fields); }
template <class IO> void fields(IO& io, FuncTypeExpr& n) { fieldList(io, n.params); fieldList(io, n.results); }
template <class IO> void fields(IO& io, InterfaceTypeExpr& n) {
  io.each(n.methods, [&](InterfaceTypeExpr::Method& m) {
    io.node(m.name);
    io.node(m.sig);
  });
  nodeList(io, n.embeds);
}
template <class IO> void fields(IO& io, MapTypeExpr& n) { io.node(n.key); io.node(n.val); }
template <class IO> void fields(IO& io, ChanTypeExpr& n) { io.small(n.dir); io.node(n.elem); }
template <class IO> void fields(IO& io, EllipsisExpr& n) { io.node(n.elem); }

// ---------------------------------------------------------------- statements

// Not imaged: BranchStmt::target, CaseClause::implicitVar, ForStmt::loopVars, RangeStmt::info.
template <class IO> void fields(IO& io, DeclStmt& n) { io.node(n.decl); }
template <class IO> void fields(IO&, EmptyStmt&) {}
template <class IO> void fields(IO& io, LabeledStmt& n) { io.node(n.label); io.node(n.stmt); }
template <class IO> void fields(IO& io, ExprStmt& n) { io.node(n.x); }
template <class IO> void fields(IO& io, SendStmt& n) { io.node(n.chan); io.node(n.val); io.pos(n.arrow); }
template <class IO> void fields(IO& io, IncDecStmt& n) { io.node(n.x); io.flag(n.inc); }
template <class IO> void fields(IO& io, AssignStmt& n) {
  nodeList(io, n.lhs);
  io.small(n.op);
  nodeList(io, n.rhs);
  io.pos(n.opPos);
}
template <class IO> void fields(IO& io, GoStmt& n) { io.node(n.call); }
template <class IO> void fields(IO& io, DeferStmt& n) { io.node(n.call); }
template <class IO> void fields(IO& io, ReturnStmt& n) { nodeList(io, n.results); }
template <class IO> void fields(IO& io, BranchStmt& n) { io.small(n.tok); io.node(n.label); }
template <class IO> void fields(IO& io, BlockStmt& n) { nodeList(io, n.stmts); io.pos(n.rbrace); }
template <class IO> void fields(IO& io, IfStmt& n) { io.node(n.init); io.node(n.cond); io.node(n.then); io.node(n.els); }
template <class IO> void fields(IO& io, CaseClause& n) {
  nodeList(io, n.list);
  io.flag(n.isDefault);
  nodeList(io, n.body);
  io.pos(n.colon);
}
template <class IO> void fields(IO& io, SwitchStmt& n) {
  io.node(n.init);
  io.node(n.tag);
  nodeList(io, n.clauses);
  io.pos(n.lbrace);
}
template <class IO> void fields(IO& io, TypeSwitchStmt& n) {
  io.node(n.init);
  io.node(n.bind);
  io.node(n.x);
  nodeList(io, n.clauses);
}
template <class IO> void fields(IO& io, CommClause& n) { io.node(n.comm); nodeList(io, n.body); io.pos(n.colon); }
template <class IO> void fields(IO& io, SelectStmt& n) { nodeList(io, n.clauses); }
template <class IO> void fields(IO& io, ForStmt& n) { io.node(n.init); io.node(n.cond); io.node(n.post); io.node(n.body); }
template <class IO> void fields(IO& io, RangeStmt& n) {
  io.node(n.key);
  io.node(n.value);
  io.small(n.tok);
  io.node(n.x);
  io.node(n.body);
}

// ---------------------------------------------------------------- declarations and files

// Not imaged: FuncDecl::info.
template <class IO> void fields(IO& io, ImportSpec& n) { io.node(n.name); io.str(n.path); }
template <class IO> void fields(IO& io, ValueSpec& n) {
  nodeList(io, n.names);
  io.node(n.typeExpr);
  nodeList(io, n.values);
  io.num(n.iota);
}
template <class IO> void fields(IO& io, TypeSpec& n) { io.node(n.name); io.flag(n.alias); io.node(n.typeExpr); }
template <class IO> void fields(IO& io, GenDecl& n) { io.small(n.tok); nodeList(io, n.specs); }
template <class IO> void fields(IO& io, FuncDecl& n) {
  io.optField(n.recv, [&](Field& f) { field(io, f); });
  io.node(n.name);
  io.node(n.sig);
  io.node(n.body);
}

// clang-format on

// File::imports are the ImportSpecs of its import declarations: the image keeps them as
// references to nodes already read, as it does for any node reached twice.
template <class IO>
void fileFields(IO& io, File& f) {
  io.pos(f.pos);
  io.node(f.package);
  nodeList(io, f.imports);
  nodeList(io, f.decls);
  nodeList(io, f.script);
}

}  // namespace gol::syntax::image
