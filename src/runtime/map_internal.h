// Internals shared by map.cpp and map_iter.cpp (see map.h for the design).
#pragma once
#include "runtime/map.h"

namespace gol::rt::mapimpl {

uint64_t keyHash(const MapObj* m, Value key);  // never 0 (low bit set)
bool keyEqual(const MapObj* m, Value a, Value b);
// Entry index of key (hash h) or -1; *slotOut gets its index slot.
int64_t findEntry(const MapObj* m, uint64_t h, Value key, uint64_t* slotOut);

// Scoped access: WriteGuard detects a concurrent writer (fatal) and locks; ReadGuard detects a
// writer in progress (fatal with `what`) and locks.
struct WriteGuard {
  MapObj* m;
  explicit WriteGuard(MapObj* map);
  ~WriteGuard();
};
struct ReadGuard {
  MapObj* m;
  ReadGuard(MapObj* map, const char* what);
  ~ReadGuard();
};

}  // namespace gol::rt::mapimpl
