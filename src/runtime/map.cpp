// Go maps (design in map.h): hashing and probing, insert/lookup/delete/clear, concurrency checks.
// Iteration and fmt's sorted order are in map_iter.cpp.
#include "runtime/map.h"

#include <new>

#include "runtime/hash.h"
#include "runtime/heap.h"
#include "runtime/map_internal.h"
#include "types/type.h"

#include "sched/sched.h"

namespace gol::rt {
namespace mapimpl {

namespace {

std::atomic<uint64_t> seedCounter{0x2545F4914F6CDD1Dull};

uint64_t newSeed() {
  if (sched::virtualClock()) return sched::rand64();
  uint64_t x = seedCounter.fetch_add(0x9E3779B97F4A7C15ull, std::memory_order_relaxed);
  return hashWord(x, reinterpret_cast<uint64_t>(&x));
}

MapEntries* newEntries(int64_t cap) {
  auto* e = static_cast<MapEntries*>(alloc(sizeof(MapEntries) + size_t(cap) * 3 * sizeof(Value), ObjKind::Words));
  e->cap = cap;
  return e;
}

uint64_t* newIndex(uint64_t slots) { return static_cast<uint64_t*>(alloc(slots * sizeof(uint64_t), ObjKind::Bytes)); }

inline uint64_t slotWord(uint64_t h, int64_t entry) { return (h >> 32) << 32 | uint64_t(entry + 2); }

// Puts entry `e` (hash h) into the index at the first free (empty or tombstone) slot.
void indexInsert(MapObj* m, uint64_t h, int64_t e) {
  uint64_t i = h & m->indexMask;
  while (m->index[i] > 1) i = (i + 1) & m->indexMask;
  if (m->index[i] == 0) m->indexUsed++;
  m->index[i] = slotWord(h, e);
}

}  // namespace

uint64_t keyHash(const MapObj* m, Value key) {
  switch (m->keyMode) {
    case MapKeyMode::String: {
      std::string_view s = strView(key);
      return hashBytes(s.data(), s.size(), m->seed) | 1;
    }
    case MapKeyMode::Word: return hashWord(key.u, m->seed) | 1;
    default: return hashValue(m->keyType, key, m->seed) | 1;
  }
}

bool keyEqual(const MapObj* m, Value a, Value b) {
  switch (m->keyMode) {
    case MapKeyMode::String: return equalStrings(a, b);
    case MapKeyMode::Word: return a.u == b.u;
    default: return equalValues(m->keyType, a, b);
  }
}

int64_t findEntry(const MapObj* m, uint64_t h, Value key, uint64_t* slotOut) {
  uint64_t tag = h >> 32;
  const Value* ents = m->entries->e;
  for (uint64_t i = h & m->indexMask;; i = (i + 1) & m->indexMask) {
    uint64_t s = m->index[i];
    if (s == 0) return -1;
    if (s == 1 || (s >> 32) != tag) continue;
    int64_t e = int64_t(uint32_t(s)) - 2;
    if (ents[3 * e].u == h && keyEqual(m, ents[3 * e + 1], key)) {
      if (slotOut) *slotOut = i;
      return e;
    }
  }
}

// Rebuilds both tables sized for `want` live entries, compacting dead entries (order kept).
void rebuild(MapObj* m, int64_t want) {
  int64_t cap = 8;
  while (cap < want * 2) cap *= 2;
  uint64_t slots = uint64_t(cap) * 2;
  MapEntries* old = m->entries;
  MapEntries* ne = newEntries(cap);
  m->index = newIndex(slots);
  m->indexMask = slots - 1;
  m->indexUsed = 0;
  int64_t n = 0;
  for (int64_t i = 0; old && i < old->used; i++) {
    const Value* src = &old->e[3 * i];
    if (src[0].u == 0) continue;
    store(&ne->e[3 * n], src[0]);
    store(&ne->e[3 * n + 1], src[1]);
    store(&ne->e[3 * n + 2], load(&src[2]));
    indexInsert(m, src[0].u, n);
    n++;
  }
  ne->used = n;
  __atomic_store_n(&m->entries, ne, __ATOMIC_RELEASE);
  m->gen++;
}

Value* insertSlot(MapObj* m, uint64_t h, Value key) {
  int64_t e = findEntry(m, h, key, nullptr);
  if (e >= 0) return &m->entries->e[3 * e + 2];
  MapEntries* ents = m->entries;
  if (ents->used == ents->cap || uint64_t(m->indexUsed + 1) * 4 > (m->indexMask + 1) * 3) {
    rebuild(m, m->count + 1);
    ents = m->entries;
  }
  e = ents->used;
  Value* ent = &ents->e[3 * e];
  store(&ent[1], needsCopy(m->keyType) ? copyValue(m->keyType, key) : key);
  store(&ent[2], m->valNeedsCopy ? zeroValue(m->valType) : Value());
  store(&ent[0], Value::U(h));
  __atomic_store_n(&ents->used, e + 1, __ATOMIC_RELEASE);
  indexInsert(m, h, e);
  __atomic_store_n(&m->count, m->count + 1, __ATOMIC_RELAXED);  // mapLen reads without the lock
  return &ent[2];
}

void eraseEntry(MapObj* m, int64_t e, uint64_t slot) {
  Value* ent = &m->entries->e[3 * e];
  store(&ent[0], Value());
  store(&ent[1], Value());
  store(&ent[2], Value());
  m->index[slot] = 1;
  __atomic_store_n(&m->count, m->count - 1, __ATOMIC_RELAXED);
}

void lockMap(MapObj* m) {
  while (m->lock.exchange(1, std::memory_order_acquire)) {
    while (m->lock.load(std::memory_order_relaxed)) __builtin_ia32_pause();
  }
}
void unlockMap(MapObj* m) { m->lock.store(0, std::memory_order_release); }

WriteGuard::WriteGuard(MapObj* map) : m(map) {
  if (m->writing.exchange(1, std::memory_order_acquire)) fatal("concurrent map writes");
  // Seeded runs: a decision point inside the write (flag set, lock not yet taken), so another
  // goroutine's write can overlap it and report it, as on real parallel hardware.
  if (sched::virtualClock()) sched::visiblePoint();
  lockMap(m);
}
WriteGuard::~WriteGuard() {
  unlockMap(m);
  m->writing.store(0, std::memory_order_release);
}
ReadGuard::ReadGuard(MapObj* map, const char* what) : m(map) {
  if (m->writing.load(std::memory_order_acquire)) fatal(what);
  lockMap(m);
}
ReadGuard::~ReadGuard() { unlockMap(m); }

}  // namespace mapimpl

using namespace mapimpl;

MapObj* makeMap(const Type* mapType, int64_t hint) {
  const Type* u = mapType->underlying();
  auto* m = new (alloc(sizeof(MapObj), ObjKind::Map)) MapObj{};
  m->keyType = u->key;
  m->valType = u->elem;
  m->seed = newSeed();
  m->valNeedsCopy = needsCopy(u->elem);
  Kind k = u->key->ukind();
  if (k == Kind::String) m->keyMode = MapKeyMode::String;
  else if ((k >= Kind::Bool && k <= Kind::Uintptr) || k == Kind::Chan || k == Kind::UnsafePointer)
    m->keyMode = MapKeyMode::Word;
  else m->keyMode = MapKeyMode::Generic;
  rebuild(m, hint < 0 ? 0 : std::min<int64_t>(hint, int64_t(1) << 20));  // larger maps grow
  return m;
}

int64_t mapLen(const MapObj* m) { return m ? __atomic_load_n(&m->count, __ATOMIC_RELAXED) : 0; }

Value mapGet(MapObj* m, Value key, bool* found) {
  if (!m) {
    if (found) *found = false;
    return Value();
  }
  uint64_t h = keyHash(m, key);  // may panic (unhashable key): before taking the lock
  Value v;
  bool ok;
  {
    ReadGuard g(m, "concurrent map read and map write");
    int64_t e = findEntry(m, h, key, nullptr);
    ok = e >= 0;
    if (ok) v = load(&m->entries->e[3 * e + 2]);
  }
  if (found) *found = ok;
  if (!ok && m->valNeedsCopy) v = zeroValue(m->valType);
  return v;
}

Value* mapSlot(MapObj* m, Value key) {
  if (!m) panicPlain("assignment to entry in nil map");
  uint64_t h = keyHash(m, key);
  WriteGuard g(m);
  return insertSlot(m, h, key);
}

void mapDelete(MapObj* m, Value key) {
  if (!m) return;
  uint64_t h = keyHash(m, key);
  WriteGuard g(m);
  uint64_t slot;
  int64_t e = findEntry(m, h, key, &slot);
  if (e >= 0) eraseEntry(m, e, slot);
}

void mapClear(MapObj* m) {
  if (!m) return;
  WriteGuard g(m);
  m->entries = nullptr;
  __atomic_store_n(&m->count, 0, __ATOMIC_RELAXED);
  rebuild(m, 0);
}

}  // namespace gol::rt
