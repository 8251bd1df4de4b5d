// Program start and goroutines: runProgram (hooks, globals, package initialisation in
// dependency order, then main.main or the script body, all on goroutine 1 of the scheduler),
// `go` statements (a new fiber runs the pre-evaluated call), per-goroutine interpreter state
// (GState in sched::G::user), and the deadlock report.
#include <cstdlib>
#include <mutex>
#include <new>
#include <set>

#include "interp/compiler.h"
#include "interp/interp.h"
#include "interp/hints.h"
#include "interp/race_hooks.h"
#include "interp/recording.h"
#include "interp/stepping.h"
#include "sched/policy.h"
#include "interp/shared_access.h"
#include "interp/nodes_composite.h"
#include "native/native.h"

namespace gol::interp {

namespace {
Program* gProg = nullptr;
std::vector<std::string> gArgs;
Value* gGlobals = nullptr;

struct SeqInit : Stmt {  // var a, b = f(): evaluate into temps, then store each
  Expr* x;
  int temp;
  std::vector<Stmt*> stores;
  Status exec(Frame& f) override {
    x->evalMulti(f, f.s + temp);
    for (Stmt* s : stores) s->exec(f);
    return kNormal;
  }
};

// A C++ allocation failed in the evaluator (not in a native, which reports it itself): the
// frames it ran in are unwound, so the traceback starts at the goroutine's root.
[[noreturn]] void outOfMemoryAt(GState* g, Frame& root) {
  g->top = &root;
  rt::outOfMemory();
}

struct GoStart {  // gol heap (Words): reachable from the new G's arg while it waits to run
  Expr* call;
  DeferRec* rec;
  Pos createdAt;
  void* raceClock;  // -race: the parent's clock at the go statement
  const Func* createdBy;
  int64_t createdByG;
};

void goEntry(void* arg) {
  auto* st = static_cast<GoStart*>(arg);
  GState* g = newGState();
  g->createdAt = st->createdAt;
  g->createdBy = st->createdBy;
  g->createdByG = st->createdByG;
  raceStart(g->id, st->raceClock);
  Frame root;
  root.g = g;
  root.s = st->rec->vals;
  bool panicked = false, oom = false;
  try {
    st->call->eval(root);
  } catch (PanicUnwind&) {
    panicked = true;
  } catch (const std::bad_alloc&) {
    oom = true;
  }
  if (oom) outOfMemoryAt(g, root);
  if (panicked) {
    g->top = &root;  // the unwound frames are gone
    // At the prompt a program's goroutine panicking must not end the session: report it as Go
    // would and end only that goroutine.
    if (replMode()) printPanic(g);
    else printPanicAndExit(g);
  }
  raceGoroutineEnd(g->id);
}

// Package initialisation of one package: its variable init steps, compiled as one body.
Stmt* compileInit(Package* pkg, Compiler& c) {
  auto* blk = new BlockNode();
  for (InitStep& step : pkg->init) {
    if (step.lhs.size() == 1 || !step.rhs) {
      for (Symbol* s : step.lhs) {
        if (!s) {
          if (step.rhs) blk->list.push_back(new ExprStmtNode(c.expr(step.rhs)));
          continue;
        }
        Expr* init = step.rhs ? c.exprAs(step.rhs, s->type) : zeroNode(s->type);
        blk->list.push_back(c.declare(s, init, step.rhs ? step.rhs->pos : s->pos));
      }
      continue;
    }
    // var a, b = f()
    int temp = c.newTemp();
    for (size_t i = 1; i < step.lhs.size(); i++) c.newTemp();
    auto* seq = new SeqInit();
    seq->x = c.expr(step.rhs);
    seq->temp = temp;
    const Type* tt = step.rhs->type;
    for (size_t i = 0; i < step.lhs.size(); i++) {
      Symbol* s = step.lhs[i];
      Expr* v = new LocalLoad(temp + static_cast<int>(i));
      if (s && tt && tt->kind == Kind::Tuple && i < tt->fields.size()) v = c.convertNode(v, tt->fields[i].type, s->type);
      seq->stores.push_back(c.declare(s, v, step.rhs->pos));
    }
    blk->list.push_back(seq);
  }
  return blk;
}

std::set<const Package*> gInitialised;  // REPL: packages already initialised by earlier inputs

void zeroGlobals(Package* p) {
  for (auto& [name, s] : p->members) {
    if (s && s->kind == SymKind::Var && s->global && s->index >= 0 && s->type && isObj(s->type))
      gGlobals[s->index] = rt::zeroValue(s->type);
  }
}

void mainEntry(void*) {
  GState* g = newGState();
  Frame root;
  root.g = g;
  bool panicked = false, oom = false;
  try {
    Program* prog = gProg;
    runPackageInits(prog, root);
    if (prog->mainFunc) runFunc(funcForDecl(prog->mainFunc), root);
    else if (prog->scriptFile) runFunc(compileScript(prog), root);
  } catch (PanicUnwind&) {
    panicked = true;
  } catch (const std::bad_alloc&) {
    oom = true;
  }
  if (oom) outOfMemoryAt(g, root);
  if (panicked) {
    g->top = &root;  // the unwound frames are gone
    printPanicAndExit(g);
  }
  flushStdout();
  hintMainReturned();
}

void onExit(int code) {
  flushStdout();
  finishRecording();
  int status = raceExitStatus(code);  // "Found N data race(s)", exit 66
  if (status != code) {
    flushStdout();
    _exit(status);
  }
}

struct DeadlockCtx {
  std::string out;
};
void reportG(sched::G* sg, void* ctx) {
  auto* d = static_cast<DeadlockCtx*>(ctx);
  auto* g = static_cast<GState*>(sg->user);
  d->out += "\ngoroutine " + std::to_string(sg->id) + " [" + sched::waitReasonString(sg->waitReason.load()) + "]:\n";
  if (g) d->out += captureTrace(g);
}
void onDeadlock() {
  flushStdout();
  DeadlockCtx d;
  d.out = "fatal error: all goroutines are asleep - deadlock!\n";
  sched::forEachG(reportG, &d);
  writeStderr(d.out);
  hintDeadlock();
  finishRecording();
}
}  // namespace

void runFunc(Func* fn, Frame& root) {
  if (!fn->ready.load()) ensureCompiled(fn);
  auto* s = static_cast<Value*>(alloca(sizeof(Value) * (fn->nslots + 1)));
  memset(static_cast<void*>(s), 0, sizeof(Value) * (fn->nslots + 1));
  invoke(fn, s, nullptr, root);
}

// Package variables and init funcs of every package not initialised yet, in dependency order.
void runPackageInits(Program* prog, Frame& root) {
  for (Package* pkg : prog->packages) {
    if (!gInitialised.insert(pkg).second) continue;
    zeroGlobals(pkg);
    Func* initFn = new Func();
    initFn->name = (pkg->name.empty() ? std::string("main") : pkg->path) + ".init";
    Compiler c(initFn, nullptr);
    initFn->body = compileInit(pkg, c);
    initFn->nslots = c.nslots();
    initFn->ready.store(true);
    runFunc(initFn, root);
    for (ast::FuncDecl* d : pkg->initFuncs) runFunc(funcForDecl(d), root);
  }
}

// The script's top-level statements as the body of an implicit main.main.
Func* compileScript(Program* prog) {
  Func* fn = new Func();
  fn->name = "main.main";
  fn->info = prog->scriptInfo;
  setupFunc(fn, prog->scriptInfo, nullptr);
  Compiler c(fn, prog->scriptInfo);
  fn->body = prog->scriptFile ? c.compileStmtList(prog->scriptFile->script) : new EmptyNode();
  fn->nslots = std::max(fn->nslots, c.nslots());
  if (prog->scriptInfo && prog->scriptInfo->hasDefer) fn->hasDefer = true;
  fn->ready.store(true);
  return fn;
}

GState* newGState() {
  auto* g = new (rt::alloc(sizeof(GState), rt::ObjKind::Words)) GState();
  sched::G* sg = sched::current();
  if (sg) {
    g->id = sg->id;
    g->gsched = sg;
    sg->user = g;
  }
  return g;
}

void spawnGoroutine(Expr* call, DeferRec* rec, Frame& parent) {
  auto* st = static_cast<GoStart*>(rt::alloc(sizeof(GoStart), rt::ObjKind::Words));
  st->call = call;
  st->rec = rec;
  st->createdAt = parent.pos;
  st->createdBy = parent.fn;
  st->createdByG = parent.g ? parent.g->id : 0;
  st->raceClock = raceFork(parent.pos);
  sched::G* g = sched::spawn(goEntry, st);
  footprintSpawned(g->id);
  if (hintsOn()) noteSpawn(g->id, parent.pos);
}

static void freeGlobals() {
  if (!gGlobals) return;
  rt::removeRootRange(gGlobals);
  std::free(gGlobals);
  gGlobals = nullptr;
}

Value* allocGlobals(int n) {
  freeGlobals();  // a previous run's (the REPL allocates once)
  size_t cnt = static_cast<size_t>(n > 0 ? n : 1);
  gGlobals = static_cast<Value*>(calloc(cnt, sizeof(Value)));
  rt::addRootRange(gGlobals, gGlobals + cnt);
  return gGlobals;
}
Value* globals() { return gGlobals; }

Value makeStaticString(std::string_view s) {
  Value v = rt::makeString(s);
  if (v.p) rt::pin(v.p);
  return v;
}

void setProgramArgs(const std::vector<std::string>& args) {
  gArgs = args;
  rt::hooks().programArgs = []() -> const std::vector<std::string>& { return gArgs; };
}

// An in-process run leaves nothing behind for the next one, whose caller may have freed this
// run's trees (addresses the caches are keyed by): the compiled code and the caches that find
// it, the globals, the set of initialised packages. No worker is running by now.
static void endRun() {
  forgetCompiled();
  gInitialised.clear();
  freeGlobals();
  gProg = nullptr;
  resetRunArena();
}

int runProgram(Program* prog, const RunOptions& opts) {
  gProg = prog;
  if (!opts.returnFromRun) startOutputFlush();
  rt::setHeapLimit(opts.maxHeap);
  setProgramArgs(opts.args);
  installOutputHooks();
  installPanicHooks();
  native::registerAll();
  allocGlobals(prog->numGlobals);
  sched::hooks().onExit = onExit;
  sched::hooks().onDeadlock = onDeadlock;
  sched::Config cfg;
  cfg.procs = opts.procs;
  cfg.returnFromRun = opts.returnFromRun;
  cfg.seeded = opts.seeded || opts.scripted;
  setHints(opts.hints);
  if (opts.race) enableRace();
  setSharedDecisionPoints(cfg.seeded || std::getenv("GOL_SCHED_SEED"));
  cfg.seed = opts.seed;
  cfg.pctDepth = opts.pctDepth;
  cfg.maxGoroutines = opts.maxGoroutines;
  static sched::Schedule schedule;  // lives through the program's end, where its log is written
  if (opts.scripted) {
    schedule.prefix = opts.schedule;
    schedule.preemptionBound = opts.preemptionBound;
    cfg.schedule = &schedule;
    setDecisionLog(&schedule, opts.decisionLogFile, opts);
    if (!opts.footprintFile.empty()) enableFootprints(&schedule);
    if (opts.stepping) {
      installStepper(&schedule, opts.stepQuestionFile);
      startReplRecording();  // for the "timeline so far"
    }
  }
  startRecording(opts);
  setOutputCapture(opts.captureStdout, opts.captureStderr);
  int rc = sched::run(cfg, mainEntry, nullptr);
  flushStdout();
  setOutputCapture(nullptr, nullptr);
  if (opts.returnFromRun) endRun();
  return rc;
}

}  // namespace gol::interp
