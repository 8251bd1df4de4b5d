// gol's map object (API in object.h). Layout, all in gol heap memory:
//
//   MapObj      header: types, seed, counts, and the two tables below
//   MapEntries  (Words) entries in insertion order, 3 words each: {hash|1 (0 = deleted), key, val}
//   index       (Bytes) open-addressing table, linear probing, power-of-two slots; a slot is
//               0 (empty), 1 (tombstone) or (hash >> 32) << 32 | (entry + 2)
//
// Deleting marks the entry dead and tombstones its slot; the tables are rebuilt (compacting the
// entries, order preserved) when the entry array is full or the index too loaded. A rebuild makes
// new objects and never touches the old ones, so an iterator that started on the old entry array
// can keep walking it: it then confirms each key against the live map (deleted keys are skipped,
// the current value is reported), which gives Go's range-under-mutation guarantees.
//
// Concurrency: writers set `writing` with an atomic exchange (a second writer finds it set:
// fatal "concurrent map writes"; readers and iterators finding it set: "concurrent map read and
// map write" / "concurrent map iteration and map write"). Every operation also holds the per-map
// spinlock, so even an undetected race cannot corrupt the tables.
#pragma once
#include <atomic>

#include "runtime/object.h"

namespace gol::rt {

struct MapEntries {
  int64_t cap;   // entry capacity
  int64_t used;  // entries ever appended (frozen once the array is replaced)
  Value e[];     // 3 * cap words
};

enum class MapKeyMode : uint8_t { Generic, String, Word };

struct MapObj {
  const Type* keyType;
  const Type* valType;
  uint64_t seed;
  int64_t count;
  MapEntries* entries;
  uint64_t* index;
  uint64_t indexMask;
  int64_t indexUsed;  // live + tombstone slots
  int64_t gen;        // bumped by every rebuild or clear
  MapKeyMode keyMode;
  bool valNeedsCopy;
  std::atomic<uint32_t> writing;
  std::atomic<uint32_t> lock;
};

}  // namespace gol::rt
