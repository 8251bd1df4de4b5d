// panic, recover and defer (Go's _panic chain and deferreturn), runtime error values
// (runtime.Error with Go's messages) and the report of an unrecovered panic:
//   panic: first [recovered]
//   	panic: second
//   [signal SIGSEGV: ...]            (nil dereference only)
//
//   goroutine 1 [running]:
//   main.f(...)
//   	/abs/path/file.gol:12 +0x0
// A panic unwinds with a C++ exception (PanicUnwind) inside one goroutine only; frames with
// defers catch it, run their deferred calls (outside the catch block, since a deferred call
// may park the goroutine) and rethrow unless a deferred call recovered.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "base/source.h"
#include "interp/hints.h"
#include "interp/recording.h"
#include "interp/builtins.h"
#include "interp/compiler.h"
#include "interp/nodes_composite.h"

namespace gol::interp {

GState* currentG() {
  sched::G* g = sched::current();
  return g ? static_cast<GState*>(g->user) : nullptr;
}

std::string posString(Pos p) {
  if (!p) return "?:0";
  Position ps = SourceTable::global().decode(p);
  std::string file = ps.file;
  if (!file.empty() && file[0] != '/') {
    char buf[4096];
    if (getcwd(buf, sizeof buf)) file = std::string(buf) + "/" + file;
  }
  return file + ":" + std::to_string(ps.line);
}

std::string captureTrace(GState* g) {
  std::string out;
  int n = 0;
  for (Frame* fr = g ? g->top : nullptr; fr && n < 100; fr = fr->parent, n++) {
    if (!fr->fn) continue;
    out += fr->fn->name;
    out += fr->fn->nparams > 0 ? "(...)\n\t" : "()\n\t";
    out += posString(fr->pos);
    out += " +0x0\n";
  }
  if (g && g->createdAt && g->createdBy) {  // Go 1.21's form
    out += "created by " + g->createdBy->name + " in goroutine " + std::to_string(g->createdByG) + "\n\t" +
           posString(g->createdAt) + " +0x0\n";
  }
  return out;
}

// runtime.Caller's view of the same frames (natives push none, so frame 0 is the gol function
// that called runtime.Caller).
static bool callerPosHook(int skip, std::string* file, int64_t* line) {
  GState* g = currentG();
  int n = 0;
  for (Frame* fr = g ? g->top : nullptr; fr && n < 10000; fr = fr->parent) {
    if (!fr->fn) continue;
    if (n++ < skip) continue;
    std::string at = posString(fr->pos);  // "/abs/file.gol:LINE"
    auto colon = at.rfind(':');
    if (colon == std::string::npos) return false;
    *file = at.substr(0, colon);
    *line = std::atoll(at.c_str() + colon + 1);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- runtime error values

namespace {
const Type* gRuntimeErrT = nullptr;   // runtime.Error: a string with Error() and RuntimeError()
const Type* gErrorStringT = nullptr;  // *errors.errorString for newError

void rtErrError(rt::NativeCall& c) { c.results[0] = c.args[0]; }
void rtErrRuntimeError(rt::NativeCall&) {}
void errStrError(rt::NativeCall& c) {
  auto* o = c.args[0].as<rt::StructObj>();
  c.results[0] = o ? heapLoad(&o->fields[0]) : Value();
}

Func* nativeFunc(const char* name, rt::NativeFn fn, int nres) {
  PermanentAllocs permanent;  // made once per process, used by every run
  Func* f = new Func();
  f->name = name;
  f->isNative = true;
  f->native = fn;
  f->nparams = 1;
  f->nresults = nres;
  f->resultBase = 1;
  f->nslots = 1 + nres;
  f->argTypes.push_back(nullptr);
  f->ready.store(true);
  return f;
}

void initErrorTypes() {
  static std::once_flag once;
  std::call_once(once, [] {
    auto& tt = TypeTable::get();
    const Type* str = tt.basic(Kind::String);
    Type* re = tt.newNamed("Error", "runtime");
    re->underlying_ = str;
    re->methods.push_back(Method{"Error", tt.func({}, {str}, false), false, nullptr, -1});
    re->methods.push_back(Method{"RuntimeError", tt.func({}, {}, false), false, nullptr, -1});
    gRuntimeErrT = re;
    registerSyntheticMethod(re, "Error", nativeFunc("runtime.Error.Error", rtErrError, 1));
    registerSyntheticMethod(re, "RuntimeError", nativeFunc("runtime.Error.RuntimeError", rtErrRuntimeError, 0));
    Type* es = tt.newNamed("errorString", "errors");
    es->underlying_ = tt.structType({StructField{"s", str, false, false, ""}});
    es->methods.push_back(Method{"Error", tt.func({}, {str}, false), true, nullptr, -1});
    gErrorStringT = tt.pointer(es);
    registerSyntheticMethod(es, "Error", nativeFunc("errors.(*errorString).Error", errStrError, 1));
  });
}
}  // namespace

Value runtimeErrorValue(const std::string& msg, bool prefix) {
  initErrorTypes();
  return rt::boxIface(gRuntimeErrT, rt::makeString(prefix ? "runtime error: " + msg : msg));
}

static Value newErrorValue(std::string_view msg) {
  initErrorTypes();
  Value obj = rt::zeroValue(gErrorStringT->elem);
  heapStore(&obj.as<rt::StructObj>()->fields[0], rt::makeString(msg));
  return rt::boxIface(gErrorStringT, obj);
}

// ---------------------------------------------------------------- raising

void gopanic(GState* g, Value v, bool sigsegv) {
  if (!g) g = currentG();
  auto* p = static_cast<Panic*>(rt::alloc(sizeof(Panic), rt::ObjKind::Words));
  p->val = v;
  p->link = g ? g->panic : nullptr;
  p->sigsegv = sigsegv;
  if (p->link && !p->link->recovered) p->link->aborted = 1;
  p->trace = rt::makeString(captureTrace(g));
  if (g) g->panic = p;
  throw PanicUnwind{};
}

void panicMsg(const std::string& m) { gopanic(currentG(), runtimeErrorValue(m, true)); }
void panicNilDeref() {
  gopanic(currentG(), runtimeErrorValue("invalid memory address or nil pointer dereference", true), true);
}
void panicDivide() { panicMsg("integer divide by zero"); }
void panicIndex(int64_t i, int64_t len) {
  if (i < 0) panicMsg("index out of range [" + std::to_string(i) + "]");
  panicMsg("index out of range [" + std::to_string(i) + "] with length " + std::to_string(len));
}

// ---------------------------------------------------------------- recover and defers

Value doRecover(Frame& f) {
  GState* g = f.g;
  Panic* p = g->panic;
  if (!f.deferCall || !p || p->recovered) return Value();
  p->recovered = 1;
  return p->val;
}

void runDefers(Frame& f, bool panicking) {
  GState* g = f.g;
  while (DeferRec* d = f.defers) {
    f.defers = d->next;
    Frame df;
    df.s = d->vals;
    df.g = g;
    df.fn = f.fn;
    df.parent = f.parent;
    df.pos = f.pos;
    bool newPanic = false;
    g->top = &df;
    g->nextDeferCall = panicking;
    try {
      d->call->eval(df);
    } catch (PanicUnwind&) {
      newPanic = true;
    }
    g->nextDeferCall = false;
    g->top = &f;
    if (newPanic) {
      panicking = true;
    } else if (panicking && g->panic && g->panic->recovered) {
      // recovered: drop the panic and the ones it aborted; the function returns normally
      Panic* p = g->panic->link;
      while (p && p->aborted) p = p->link;
      g->panic = p;
      panicking = false;
    }
  }
  if (panicking) throw PanicUnwind{};
}

// ---------------------------------------------------------------- reporting

static std::string callStringMethod(Value iface, const char* name, bool* ok) {
  *ok = false;
  const MethodEntry* me = methodFor(rt::ifaceType(iface), name);
  if (!me || !me->fn || me->fn->nresults != 1 || me->fn->nparams != 1) return "";
  GState* g = currentG();
  Frame top;
  top.g = g;
  Frame* saved = g ? g->top : nullptr;
  Frame& caller = saved ? *saved : top;
  Value recv = adjustReceiver(me, rt::ifaceValue(iface));
  Func* fn = me->fn;
  if (!fn->ready.load()) ensureCompiled(fn);
  auto* s = static_cast<Value*>(alloca(sizeof(Value) * (fn->nslots + 1)));
  memset(static_cast<void*>(s), 0, sizeof(Value) * (fn->nslots + 1));
  s[0] = recv;
  try {
    invoke(fn, s, nullptr, caller);
  } catch (PanicUnwind&) {
    if (g) g->top = saved;  // not the unwound frames (and never this function's `top`)
    return "";
  }
  *ok = true;
  return std::string(rt::strView(s[fn->resultBase]));
}

std::string panicValueString(Value v) {
  const Type* t = rt::ifaceType(v);
  if (!t) return "nil";
  bool ok = false;
  std::string s = callStringMethod(v, "Error", &ok);
  if (ok) return s;
  s = callStringMethod(v, "String", &ok);
  if (ok) return s;
  Value x = rt::ifaceValue(v);
  const Type* u = t->underlying();
  std::string body;
  switch (u->kind) {
    case Kind::Bool: case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64:
    case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr: case Kind::Float32: case Kind::Float64:
      body = printValue(u, x);
      break;
    case Kind::Complex64: case Kind::Complex128:  // print's "(re+imi)", its parentheses shared
      body = printValue(u, x);
      return t->kind == Kind::Named ? typeString(t) + body : body;
    case Kind::String:
      body = std::string(rt::strView(x));
      if (t->kind == Kind::Named) return typeString(t) + "(\"" + body + "\")";
      return body;
    default: {
      char buf[64];
      snprintf(buf, sizeof buf, "(%s) %p", typeString(t).c_str(), x.p);
      return buf;
    }
  }
  if (t->kind == Kind::Named) return typeString(t) + "(" + body + ")";
  return body;
}

// Set by the first goroutine to report an unrecovered panic: Go prints one report and exits, so a
// second goroutine panicking at the same moment waits for the first's exit instead of printing.
static std::atomic<bool> gPanicReported{false};

void printPanicAndExit(GState* g) {
  if (gPanicReported.exchange(true)) {
    // The reporter ends the process (a bounded wait: under returnFromRun it only stops the run).
    for (int i = 0; i < 5000; i++) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    sched::exitProgram(2);
  }
  printPanic(g);
  sched::exitProgram(2);
}

void printPanic(GState* g) {
  flushStdout();
  std::vector<Panic*> chain;
  for (Panic* p = g->panic; p; p = p->link) chain.push_back(p);
  std::string out;
  for (size_t i = chain.size(); i-- > 0;) {
    Panic* p = chain[i];
    if (i + 1 != chain.size()) out += "\t";
    out += "panic: " + panicValueString(p->val);
    if (p->recovered) out += " [recovered]";
    out += "\n";
  }
  Panic* top = g->panic;
  if (top && top->sigsegv) out += "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
  out += "\ngoroutine " + std::to_string(g->id) + " [running]:\n";
  if (top) out += std::string(rt::strView(top->trace));
  writeStderr(out);
  if (top && hintsOn()) hintPanic(panicValueString(top->val), std::string(rt::strView(top->trace)));
}

// ---------------------------------------------------------------- hooks

static void hookRuntimeError(const std::string& msg) {
  if (msg.find("nil pointer dereference") != std::string::npos) panicNilDeref();
  panicMsg(msg);
}
static void hookPlain(const std::string& msg) { gopanic(currentG(), runtimeErrorValue(msg, false)); }
static void hookFatal(const std::string& msg) {
  flushStdout();
  writeStderr("fatal error: " + msg + "\n");
  GState* g = currentG();
  if (g && g->top) writeStderr("\ngoroutine " + std::to_string(g->id) + " [running]:\n" + captureTrace(g));
  flushStdout();
  finishRecording();
  if (sched::returningFromRun()) sched::exitProgram(2);  // in-process runs (tests, fuzzing) return
  _exit(2);
}
static void schedFatal(const char* msg) {
  flushStdout();
  std::string m = msg;
  if (m == "stack overflow") writeStderr("runtime: goroutine stack exceeds 1000000000-byte limit\n");
  writeStderr("fatal error: " + m + "\n");
  GState* g = currentG();
  if (g && g->top) {
    std::string tr = captureTrace(g);
    if (tr.size() > 4000) tr = tr.substr(0, 4000) + "...additional frames elided...\n";
    writeStderr("\ngoroutine " + std::to_string(g->id) + " [running]:\n" + tr);
  }
  if (sched::returningFromRun()) sched::exitProgram(2);  // in-process runs (tests, fuzzing) return
  _exit(2);
}

static void hookCallFunc(Value fv, const Value* args, int nargs, Value* results, int nres) {
  GState* g = currentG();
  Frame top;
  top.g = g;
  Frame& caller = g && g->top ? *g->top : top;
  callFuncValue(caller, fv, args, nargs, results, nres);
}

static bool hookCallFuncRecover(Value fv, const Value* args, int nargs, Value* results, int nres,
                                std::string* panicText) {
  GState* g = currentG();
  Frame top;
  top.g = g;
  Frame* saved = g ? g->top : nullptr;
  Frame& caller = saved ? *saved : top;
  Panic* older = g ? g->panic : nullptr;
  int64_t olderAborted = older ? older->aborted : 0;
  try {
    callFuncValue(caller, fv, args, nargs, results, nres);
    return true;
  } catch (PanicUnwind&) {
  }
  // Recovered here: the goroutine continues as if the call had returned, with the panic chain
  // as it was before the call.
  // g->top still points into the frames the panic unwound: restore it before the panic value's
  // Error or String method runs on it (found by fuzz_program: a stack-use-after-scope).
  if (g) g->top = saved;
  Panic* p = g ? g->panic : nullptr;
  *panicText = p && p != older ? panicValueString(p->val) : "";
  if (g) g->panic = older;
  if (older) older->aborted = olderAborted;
  return false;
}

static Value hookBoundMethod(const Type* t, Value v, std::string_view name) {
  const MethodEntry* me = methodFor(t, std::string(name));
  if (!me || !me->fn) return Value();
  Value r = adjustReceiver(me, v);
  auto* fo = static_cast<rt::FuncObj*>(rt::alloc(sizeof(rt::FuncObj) + sizeof(Value), rt::ObjKind::Func));
  fo->code = boundThunk(me->fn);
  fo->ncaps = 1;
  fo->caps[0] = r;
  return Value::P(fo);
}

void installPanicHooks() {
  initErrorTypes();
  gPanicReported.store(false);
  rt::hooks().panicRuntimeError = hookRuntimeError;
  rt::hooks().panicPlain = hookPlain;
  rt::hooks().fatal = hookFatal;
  sched::hooks().fatal = schedFatal;
  sched::hooks().atSafepoint = [] {
    if (rt::gcWanted()) rt::collect();
  };
  rt::hooks().callFunc = hookCallFunc;
  rt::hooks().callFuncRecover = hookCallFuncRecover;
  rt::hooks().boundMethod = hookBoundMethod;
  rt::hooks().newError = newErrorValue;
  rt::hooks().callerPos = callerPosHook;
}

}  // namespace gol::interp
