// Core of the evaluator: the node interfaces (Expr/Stmt), frames, compiled functions and the
// per-goroutine state. Everything else in interp/ builds on this header.
//
// The checked AST is compiled once into trees of these nodes, specialised by static type, so
// the hot path is a chain of virtual eval() calls on unboxed words with no name lookups and no
// dynamic type tests (src/DESIGN.md §4).
#pragma once
#include <alloca.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "check/info.h"
#include "interp/run_arena.h"
#include "runtime/heap.h"
#include "runtime/native_api.h"
#include "runtime/object.h"
#include "runtime/value.h"
#include "sched/sched.h"

namespace gol::interp {

using rt::Value;
struct Frame;
struct Func;
struct GState;

#define GOL_LIKELY(x) __builtin_expect(!!(x), 1)
#define GOL_ALWAYS_INLINE inline __attribute__((always_inline))
#define GOL_UNLIKELY(x) __builtin_expect(!!(x), 0)

// ---------------------------------------------------------------- heap words

// Every read and write of a heap word by the evaluator goes through these two: under -race
// they report the access to the detector (interp/race_hooks.cpp); otherwise each costs one
// predictable branch over rt::load/rt::store.
extern bool gRaceWatch;
void raceReadSlow(const void* addr);
void raceWriteSlow(const void* addr);
inline rt::Value heapLoad(const rt::Value* slot) {
  if (GOL_UNLIKELY(gRaceWatch)) raceReadSlow(slot);
  return rt::load(slot);
}
inline void heapStore(rt::Value* slot, rt::Value v) {
  if (GOL_UNLIKELY(gRaceWatch)) raceWriteSlow(slot);
  rt::store(slot, v);
}

// ---------------------------------------------------------------- nodes

// Nodes belong to the run that compiled them (interp/run_arena.h).
struct Node : RunOwned {
  Pos pos = 0;
  virtual ~Node() = default;
};

struct Expr : Node {
  virtual Value eval(Frame& f) = 0;
  // Multi-valued expressions (calls with several results, comma-ok forms) write every value to
  // out; single-valued ones write their one value.
  virtual void evalMulti(Frame& f, Value* out) { out[0] = eval(f); }
};

// Statements report how control leaves them; no C++ exceptions for ordinary control flow.
// kGoto: Frame::branch is the target LabeledStmt; the GotoBlockNode holding it resumes there.
enum Status : int { kNormal = 0, kBreak, kContinue, kReturn, kFallthrough, kGoto };

struct Stmt : Node {
  virtual Status exec(Frame& f) = 0;
};

// ---------------------------------------------------------------- functions and frames

// A deferred call: the compiled call node reads its pre-evaluated parts from `vals`
// (see compileCall's "pre-evaluation" mode). Allocated in the gol heap so the values are
// visible to the collector; linked per frame, run LIFO.
struct DeferRec {
  DeferRec* next;
  Expr* call;
  int64_t n;
  Value vals[];
};

// A compiled function (declared function, method, closure body or native); owned by its run.
struct Func : RunOwned {
  std::string name;                 // Go's name for tracebacks
  FuncInfo* info = nullptr;
  const ast::FuncDecl* decl = nullptr;
  const ast::FuncLit* lit = nullptr;
  int nslots = 0;                   // frame words: checker's numSlots + compiler temporaries
  int nparams = 0;                  // receiver + params
  int nresults = 0;
  int resultBase = 0;               // results occupy nparams.. (contiguous, unboxed after return)
  std::vector<int> boxedParams;     // param slots that must move into fresh Cells on entry
  struct ResInit { int slot; const Type* type; bool boxed; bool zeroObj; };
  std::vector<ResInit> resultInit;  // named results: zero objects / cells at entry
  std::vector<int> resultSlots;     // where each result lives during the body
  std::vector<bool> resultBoxed;
  bool needsResultFixup = false;    // some result lives elsewhere than resultBase+i or is boxed
  Stmt* body = nullptr;
  bool hasDefer = false;
  // natives
  rt::NativeFn native = nullptr;
  std::string nativeName;
  std::vector<const Type*> argTypes;
  bool isNative = false;
  // No boxed params, no result set-up or fix-up, no defers: invoke's inline fast path applies.
  bool simple = false;
  // method value thunk: caps[0] is the receiver, then call target
  Func* boundTarget = nullptr;
  // method expression thunk T.m whose call needs more than the declared method (an interface T,
  // a method promoted through embedding, a pointer T with a value method): callFuncValue looks the
  // method up for the first argument as for a value of dynamic type T (methodFor) and calls it.
  const Type* exprRecv = nullptr;
  std::string exprName;
  // lazy compilation
  std::atomic<bool> ready{false};
  std::mutex compileMu;
};

// The frame of one running function. Lives on the native (goroutine) stack, which the
// collector scans conservatively, so slot words keep their objects alive.
struct Frame {
  Value* s = nullptr;          // slots
  const Value* caps = nullptr; // closure captures (Cell*) or bound receiver
  GState* g = nullptr;
  Func* fn = nullptr;
  Frame* parent = nullptr;     // caller, for tracebacks
  Pos pos = 0;                 // current statement
  const void* branch = nullptr;  // target (ast stmt) of a pending labelled break/continue
  DeferRec* defers = nullptr;
  bool deferCall = false;      // run directly by the panic machinery: recover() works here
};

// A panic in flight or recovered (Go's _panic). Heap-allocated (gol heap) so the value is seen
// by the collector.
struct Panic {
  Value val;         // the interface value passed to panic
  Panic* link;       // older panic
  Value trace;       // string: traceback text captured when raised
  int64_t recovered;
  int64_t aborted;
  int64_t sigsegv;   // nil dereference: print Go's [signal SIGSEGV ...] line
};

// Per-goroutine interpreter state, reachable from sched::G::user.
struct GState {
  int64_t id = 0;
  Frame* top = nullptr;       // innermost running gol frame
  Panic* panic = nullptr;     // current panic chain (newest first)
  bool nextDeferCall = false; // the next invoke is a deferred call run while panicking
  void* gsched = nullptr;     // the sched::G
  Pos createdAt = 0;          // the `go` statement that started it (0: main)
  const Func* createdBy = nullptr;  // the function running that statement, and its goroutine
  int64_t createdByG = 0;           // (tracebacks: "created by main.main in goroutine 1")
};

// Thrown (within one goroutine only) to unwind to the nearest frame with defers.
struct PanicUnwind {};

// ---------------------------------------------------------------- runtime entry points

// calls.cpp
void invokeSlow(Func* fn, Value* s, const Value* caps, Frame& caller);
void ensureCompiled(Func* fn);
Func* funcForDecl(const ast::FuncDecl* d);
Value makeFuncValue(Func* fn);
Func* methodExprThunk(const Type* recv, const std::string& name);
// Method of a dynamic type for interface calls / bound methods; adjusts the receiver word.
struct MethodEntry : RunOwned {
  Func* fn = nullptr;
  std::vector<int> path;   // embedded steps from the value to the declaring receiver
  bool wantPtr = false;    // method has a pointer receiver
  bool haveIndirect = false;
  bool copyRecv = false;   // value receiver of struct/array type: pass a copy
  bool derefPtr = false;   // have a pointer (non-struct) and the method wants the value
  bool viaPtr = false;     // the dynamic type is *T itself and the method is T's (nil: panicwrap)
  const Type* recvType = nullptr;
};
const MethodEntry* methodFor(const Type* dyn, const std::string& name);
Value adjustReceiver(const MethodEntry* me, Value v);
Value callFuncValue(Frame& f, Value fv, const Value* args, int nargs, Value* results, int nres);

// defer_panic.cpp
[[noreturn]] void gopanic(GState* g, Value ifaceVal, bool sigsegv = false);
[[noreturn]] void panicNilDeref();
[[noreturn]] void panicIndex(int64_t i, int64_t len);
[[noreturn]] void panicDivide();
[[noreturn]] void panicMsg(const std::string& runtimeMsg);  // "runtime error: " + msg
void runDefers(Frame& f, bool panicking);
Value doRecover(Frame& f);
std::string captureTrace(GState* g);
void printPanicAndExit(GState* g);
void printPanic(GState* g);  // the report only (the REPL continues)
Value runtimeErrorValue(const std::string& msg, bool prefix);
std::string panicValueString(Value iface);
void installPanicHooks();
GState* currentG();

// output.cpp
void writeStdout(std::string_view s);
void writeStderr(std::string_view s);
void flushStdout();
void installOutputHooks();
void setOutputCapture(std::string* out, std::string* err);  // tests
void setOutputSink(void (*sink)(std::string_view));  // REPL: all program output goes here
void setReplMode(bool on);                           // REPL: flush after every write
bool replMode();                                     // REPL: panics in goroutines end only them
// output_flush.cpp: flushes stdout ~100 ms after output stops, and on SIGINT/SIGTERM/SIGHUP
// before dying by the signal. Call before the scheduler starts any thread.
void startOutputFlush();
void noteStdoutBuffered();  // output.cpp, with its lock held: the buffer is no longer empty

// goroutines.cpp
GState* newGState();
void spawnGoroutine(Expr* call, DeferRec* parts, Frame& f);
void runFunc(Func* fn, Frame& root);                // runs fn with a fresh frame under root
void runPackageInits(Program* prog, Frame& root);   // packages not initialised yet, in order
Func* compileScript(Program* prog);                 // script statements as main.main
// REPL: top-level expression statements of the current input whose values are printed.
void setEchoStatements(const std::vector<ast::Stmt*>& echo);
bool isEchoStatement(const ast::Stmt* s);


// Struct/array types: values are objects owned by their variable (copied on assignment).
inline bool isObj(const Type* t) { return t && rt::needsCopy(t); }

// Zeroes a callee's slots past its arguments. A frame has a handful of slots, where a call to
// memset (which the compiler makes of a plain loop) costs more than the stores: the empty asm
// keeps the loop a loop.
inline void zeroSlots(Value* from, Value* to) {
  for (Value* p = from; p < to; ++p) {
    p->u = 0;
    asm("" : "+r"(p));
  }
}

// Loop back-edges and calls: the one safepoint (sched/sched.h, src/DESIGN.md §7). Garbage
// collection runs from its slow path (installPanicHooks sets sched::Hooks::atSafepoint).
inline void poll(Frame& f) { sched::safepoint(); }

// Calls fn with its frame slots s (arguments already in place). The common case — a compiled
// gol function without boxed params, named-result set-up or defers, with stack to spare — runs
// inline here; everything else goes through invokeSlow (calls.cpp).
inline void invoke(Func* fn, Value* s, const Value* caps, Frame& caller) {
  GState* g = caller.g;
  if (GOL_LIKELY(fn->simple && sched::safepointIfStackRoom())) {  // the call's poll (§7)
    Frame f;
    f.s = s;
    f.caps = caps;
    f.g = g;
    f.fn = fn;
    f.parent = &caller;
    f.deferCall = g->nextDeferCall;
    g->nextDeferCall = false;
    g->top = &f;
    fn->body->exec(f);
    g->top = &caller;
    return;
  }
  invokeSlow(fn, s, caps, caller);
}

// misc helpers
inline void nilCheck(const void* p) {
  if (GOL_UNLIKELY(!p)) panicNilDeref();
}
Value makeStaticString(std::string_view s);  // never collected (constants)
Value* allocGlobals(int n);
Value* globals();
std::string posString(Pos p);  // "/abs/file.gol:LINE"

}  // namespace gol::interp
