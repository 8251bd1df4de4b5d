// Map iteration (range) and fmt's sorted key order. An iterator walks the entry array it started
// on from a random index, wrapping once; see map.h for why that stays correct across rebuilds.
#include <algorithm>
#include <chrono>

#include "runtime/hash.h"
#include "runtime/map_internal.h"
#include "types/type.h"

#include "sched/sched.h"

namespace gol::rt {
using namespace mapimpl;

namespace {

uint64_t randomU64() {
  if (sched::virtualClock()) return sched::rand64();  // seeded runs: map order from the seed
  thread_local uint64_t state = hashWord(uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()),
                                         reinterpret_cast<uint64_t>(&state));
  state += 0x9E3779B97F4A7C15ull;
  return hashWord(state, 0x5851F42D4C957F2Dull);
}

const void* pointerAddr(const Type* ptrType, Value v) {
  const Type* e = ptrType->underlying()->elem;
  Kind k = e ? e->ukind() : Kind::Invalid;
  if (!v.p || k == Kind::Struct || k == Kind::Array) return v.p;
  return v.as<PtrObj>()->addr;
}

template <class T>
int cmp3(T a, T b) { return a < b ? -1 : a > b ? 1 : 0; }

// internal/fmtsort's ordering.
int compareKeys(const Type* t, Value a, Value b) {
  const Type* u = t->underlying();
  switch (u->kind) {
    case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32: case Kind::Int64: return cmp3(a.i, b.i);
    case Kind::Bool: case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32: case Kind::Uint64:
    case Kind::Uintptr: return cmp3(a.u, b.u);
    case Kind::Float32: case Kind::Float64: {
      bool na = a.f != a.f, nb = b.f != b.f;
      if (na || nb) return na && nb ? 0 : na ? -1 : 1;  // NaNs first
      return cmp3(a.f, b.f);
    }
    case Kind::Complex64: case Kind::Complex128: {  // real part, then imaginary part
      const Type* f = TypeTable::get().basic(Kind::Float64);
      int c = compareKeys(f, Value::F(complexReal(a)), Value::F(complexReal(b)));
      return c ? c : compareKeys(f, Value::F(complexImag(a)), Value::F(complexImag(b)));
    }
    case Kind::String: return compareStrings(a, b);
    case Kind::Pointer: return cmp3(pointerAddr(u, a), pointerAddr(u, b));
    case Kind::Struct: {
      for (size_t i = 0; i < u->fields.size(); i++) {
        int c = compareKeys(u->fields[i].type, a.as<StructObj>()->fields[i], b.as<StructObj>()->fields[i]);
        if (c) return c;
      }
      return 0;
    }
    case Kind::Array: {
      for (int64_t i = 0; i < u->length; i++) {
        int c = compareKeys(u->elem, a.as<ArrObj>()->elems[i], b.as<ArrObj>()->elems[i]);
        if (c) return c;
      }
      return 0;
    }
    case Kind::Interface: {
      if (!a.p || !b.p) return a.p ? 1 : b.p ? -1 : 0;  // nil first
      auto *x = a.as<IfaceObj>(), *y = b.as<IfaceObj>();
      if (x->type != y->type && !identical(x->type, y->type)) {
        int c = typeString(x->type).compare(typeString(y->type));
        return c ? (c < 0 ? -1 : 1) : cmp3(x->type, y->type);
      }
      return compareKeys(x->type, x->v, y->v);
    }
    default: return cmp3(a.u, b.u);  // chans, unsafe pointers: by address
  }
}

}  // namespace

void mapIterInit(MapObj* m, MapIter* it) {
  *it = MapIter{};
  it->map = m;
  if (!m) return;
  ReadGuard g(m, "concurrent map iteration and map write");
  it->entries = m->entries;
  it->count = m->entries->used;
  it->start = it->count ? int64_t(randomU64() % uint64_t(it->count)) : 0;
  it->tableGen = m->gen;
}

bool mapIterNext(MapIter* it, Value* key, Value* val) {
  MapObj* m = it->map;
  if (!m) return false;
  auto* ents = static_cast<MapEntries*>(it->entries);
  ReadGuard g(m, "concurrent map iteration and map write");
  while (it->pos < it->count) {
    int64_t i = it->start + it->pos;
    if (i >= it->count) i -= it->count;
    it->pos++;
    const Value* ent = &ents->e[3 * i];
    uint64_t h = load(&ent[0]).u;
    if (h == 0) continue;  // deleted
    if (ents == m->entries) {
      *key = load(&ent[1]);
      *val = load(&ent[2]);
      return true;
    }
    // The map was rebuilt since this range began: report the key only if it is still present.
    int64_t e = findEntry(m, h, load(&ent[1]), nullptr);
    if (e < 0) continue;
    *key = load(&m->entries->e[3 * e + 1]);
    *val = load(&m->entries->e[3 * e + 2]);
    return true;
  }
  return false;
}

void mapSortedEntries(MapObj* m, const Type* mapType, std::vector<std::pair<Value, Value>>* out) {
  out->clear();
  if (!m) return;
  {
    ReadGuard g(m, "concurrent map iteration and map write");
    MapEntries* ents = m->entries;
    out->reserve(size_t(m->count));
    for (int64_t i = 0; i < ents->used; i++) {
      const Value* ent = &ents->e[3 * i];
      if (load(&ent[0]).u != 0) out->emplace_back(load(&ent[1]), load(&ent[2]));
    }
  }
  const Type* kt = mapType->underlying()->key;
  std::stable_sort(out->begin(), out->end(),
                   [kt](const auto& a, const auto& b) { return compareKeys(kt, a.first, b.first) < 0; });
}

}  // namespace gol::rt
