// Native errors.As (stdlib/errors/errors.gol): walks err's Unwrap tree and stores the first
// error whose dynamic type is the target's element type (or implements it, for an interface
// target) through the target pointer; honours As(any) bool methods like Go.
#include "native/native.h"
#include "native/stdlib_util.h"
#include "runtime/native_api.h"

namespace gol::native {
namespace {

// Result kind of method Unwrap on t: 0 none, 1 Unwrap() error, 2 Unwrap() []error.
int unwrapKind(const Type* t) {
  MethodPath mp;
  if (!lookupMethod(t, "Unwrap", &mp) || !mp.method || !mp.method->sig) return 0;
  const Type* sig = mp.method->sig;
  if (!sig->params.empty() || sig->results.size() != 1) return 0;
  const Type* r = sig->results[0];
  if (r->ukind() == Kind::Slice && r->underlying()->elem && isInterface(r->underlying()->elem)) return 2;
  if (isInterface(r)) return 1;
  return 0;
}

bool hasAsMethod(const Type* t) {
  MethodPath mp;
  if (!lookupMethod(t, "As", &mp) || !mp.method || !mp.method->sig) return false;
  const Type* sig = mp.method->sig;
  return sig->params.size() == 1 && isInterface(sig->params[0]) && sig->results.size() == 1 &&
         isBoolean(sig->results[0]);
}

void storeTarget(const Type* targetType, Value ptr, Value err) {
  if (isInterface(targetType)) {
    rt::store(&ptr.as<rt::PtrObj>()->addr[0], err);
    return;
  }
  Value v = rt::ifaceValue(err);
  if (rt::needsCopy(targetType)) {
    rt::assignInPlace(targetType, ptr, v);
  } else {
    rt::store(&ptr.as<rt::PtrObj>()->addr[0], rt::copyValue(targetType, v));
  }
}

bool asWalk(Value err, const Type* targetType, Value target, Value ptr, int depth) {
  while (err.p && depth < 10000) {
    depth++;
    const Type* et = rt::ifaceType(err);
    bool match = isInterface(targetType) ? implements(et, targetType) : identical(et, targetType);
    if (match) {
      storeTarget(targetType, ptr, err);
      return true;
    }
    Value ev = rt::ifaceValue(err);
    if (hasAsMethod(et)) {
      Value f = rt::hooks().boundMethod(et, ev, "As");
      if (f.p) {
        Value r;
        rt::hooks().callFunc(f, &target, 1, &r, 1);
        if (r.u) return true;
      }
    }
    int k = unwrapKind(et);
    if (k == 0) return false;
    Value f = rt::hooks().boundMethod(et, ev, "Unwrap");
    if (!f.p) return false;
    Value r;
    rt::hooks().callFunc(f, nullptr, 0, &r, 1);
    if (k == 1) {
      err = r;
      continue;
    }
    Value* e;
    int64_t n = sliceElems(r, &e);
    for (int64_t i = 0; i < n; i++)
      if (asWalk(rt::load(&e[i]), targetType, target, ptr, depth)) return true;
    return false;
  }
  return false;
}

}  // namespace

GOL_NATIVE(errors_As, "errors.As") {
  Value err = call.args[0], target = call.args[1];
  if (!target.p) rt::panicPlain("errors: target cannot be nil");
  const Type* tt = rt::ifaceType(target);
  Value ptr = rt::ifaceValue(target);
  if (tt->ukind() != Kind::Pointer || !ptr.p) rt::panicPlain("errors: target must be a non-nil pointer");
  const Type* targetType = tt->underlying()->elem;
  if (!isInterface(targetType) && !implements(targetType, TypeTable::get().errorType()))
    rt::panicPlain("errors: *target must be interface or implement error");
  call.results[0] = Value::B(err.p && asWalk(err, targetType, target, ptr, 0));
}

}  // namespace gol::native
