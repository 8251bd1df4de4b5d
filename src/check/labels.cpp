// Labels and goto, checked per function body as gc's syntax package does (checkBranches, Go
// 1.22): labels have function scope; a goto may jump to a label of its own block or an enclosing
// one, backward or forward, but not into a block ("goto L jumps into block starting at ...") nor,
// forward, over a variable declaration of the label's block ("goto L jumps over variable
// declaration at line N"); every label must be used ("label L defined and not used"). A goto's
// BranchStmt::target is set to its LabeledStmt for the evaluator (GotoBlockNode).
#include <algorithm>
#include <deque>
#include <functional>
#include <map>

#include "base/source.h"
#include "check/checker.h"

namespace gol::check {

using namespace ast;

namespace {

std::string posString(Pos p) {
  Position at = SourceTable::global().decode(p);
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.col);
}

class LabelPass {
 public:
  explicit LabelPass(Checker& c) : c_(c) {}

  void run(const StmtList& body, Pos start) {
    std::vector<BranchStmt*> fwd = blockBranches(nullptr, start, body);
    for (BranchStmt* g : fwd) {
      auto it = labels_.find(g->label->name);
      if (it != labels_.end()) {
        it->second.used = true;  // no "defined and not used" on top
        c_.errorf(g->label->pos, "goto " + g->label->name + " jumps into block starting at " +
                                     posString(it->second.block->start));
      } else {
        c_.errorf(g->label->pos, "label " + g->label->name + " not defined");
      }
    }
    for (auto& [name, l] : labels_)
      if (!l.used) c_.errorf(l.stmt->label->pos, "label " + name + " defined and not used");
  }

  // break/continue L name a label too (their validity is checked with the statement)
  void noteUse(const std::string& name) {
    auto it = labels_.find(name);
    if (it != labels_.end()) it->second.used = true;
  }

 private:
  struct Block {
    const Block* parent;
    Pos start;
  };
  struct Label {
    LabeledStmt* stmt;
    const Block* block;
    bool used = false;
  };

  bool encloses(const Block* outer, const Block* b) const {
    for (; b; b = b->parent)
      if (b == outer) return true;
    return false;
  }

  // The forward gotos of `list` (and of its nested blocks) that found no label in it.
  std::vector<BranchStmt*> blockBranches(const Block* parent, Pos start, const StmtList& list) {
    blocks_.push_back(Block{parent, start});
    const Block* b = &blocks_.back();
    Pos varPos = 0;
    std::vector<BranchStmt*> fwd, bad;
    auto recordVarDecl = [&](Pos p) {
      varPos = p;
      bad = fwd;  // every pending forward goto jumps over it, unless it leaves the block
    };
    auto nested = [&](Pos at, const StmtList& l) {
      std::vector<BranchStmt*> inner = blockBranches(b, at, l);
      fwd.insert(fwd.end(), inner.begin(), inner.end());
    };
    std::function<void(Stmt*)> visit = [&](Stmt* s) {
      if (!s) return;
      switch (s->kind) {
        case NodeKind::DeclStmt: {
          auto* d = static_cast<DeclStmt*>(s)->decl;
          if (d && d->tok == Tok::Var) recordVarDecl(s->pos);
          return;
        }
        case NodeKind::AssignStmt:
          if (static_cast<AssignStmt*>(s)->op == Tok::Define) recordVarDecl(s->pos);
          return;
        case NodeKind::LabeledStmt: {
          auto* ls = static_cast<LabeledStmt*>(s);
          const std::string& name = ls->label->name;
          if (name != "_") {
            auto [it, fresh] = labels_.try_emplace(name, Label{ls, b});
            if (!fresh) {
              c_.errorf(ls->label->pos, "label " + name + " already defined at " + posString(it->second.stmt->label->pos));
            } else {
              size_t k = 0;
              for (BranchStmt* g : fwd) {
                if (g->label->name != name) {
                  fwd[k++] = g;
                  continue;
                }
                g->target = ls;
                it->second.used = true;
                if (varPos && std::find(bad.begin(), bad.end(), g) != bad.end()) {
                  c_.errorf(g->label->pos, "goto " + name + " jumps over variable declaration at line " +
                                               std::to_string(SourceTable::global().decode(varPos).line));
                }
              }
              fwd.resize(k);
            }
          }
          visit(ls->stmt);
          return;
        }
        case NodeKind::BranchStmt: {
          auto* br = static_cast<BranchStmt*>(s);
          if (!br->label) return;
          if (br->tok != Tok::Goto) {
            noteUse(br->label->name);
            return;
          }
          auto it = labels_.find(br->label->name);
          if (it != labels_.end() && encloses(it->second.block, b)) {
            br->target = it->second.stmt;  // backward, to this block or an enclosing one
            it->second.used = true;
          } else {
            fwd.push_back(br);
          }
          return;
        }
        case NodeKind::Block: {
          auto* bl = static_cast<BlockStmt*>(s);
          nested(bl->pos, bl->stmts);
          return;
        }
        case NodeKind::If: {
          auto* is = static_cast<IfStmt*>(s);
          if (is->then) nested(is->then->pos, is->then->stmts);
          visit(is->els);
          return;
        }
        case NodeKind::For: {
          auto* fs = static_cast<ForStmt*>(s);
          if (fs->body) nested(fs->body->pos, fs->body->stmts);
          return;
        }
        case NodeKind::Range: {
          auto* rs = static_cast<RangeStmt*>(s);
          if (rs->body) nested(rs->body->pos, rs->body->stmts);
          return;
        }
        case NodeKind::Switch:
          for (auto* cc : static_cast<SwitchStmt*>(s)->clauses)
            if (cc) nested(cc->colon, cc->body);
          return;
        case NodeKind::TypeSwitch:
          for (auto* cc : static_cast<TypeSwitchStmt*>(s)->clauses)
            if (cc) nested(cc->colon, cc->body);
          return;
        case NodeKind::Select:
          for (auto* cc : static_cast<SelectStmt*>(s)->clauses)
            if (cc) nested(cc->colon, cc->body);
          return;
        default: return;
      }
    };
    for (Stmt* s : list) visit(s);
    return fwd;
  }

  Checker& c_;
  std::map<std::string, Label> labels_;
  std::deque<Block> blocks_;  // stable addresses: a closed block must not be mistaken for a new one
};

}  // namespace

void Checker::checkLabels(const StmtList& body, Pos start) { LabelPass(*this).run(body, start); }

}  // namespace gol::check
