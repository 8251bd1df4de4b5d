// encoding/json's view of struct types: tag parsing and the list of fields a struct encodes
// and decodes, with Go's rules: unexported fields are skipped, `json:"-"` drops a field, an
// untagged embedded struct's fields are promoted, and among fields of one name the shallowest
// wins, a tagged one breaking a tie at equal depth (otherwise all of them are dropped).
#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

#include "native/json_internal.h"

namespace gol::native::json {

namespace {

// The tag's text without its quotes (Go's unquoting of a double-quoted literal, enough for the
// escapes a tag can contain).
std::string unquoteTag(const std::string& raw) {
  if (raw.size() < 2) return raw;
  if (raw[0] == '`') return raw.substr(1, raw.size() - 2);
  std::string out;
  for (size_t i = 1; i + 1 < raw.size(); i++) {
    char c = raw[i];
    if (c == '\\' && i + 2 < raw.size()) {
      char n = raw[++i];
      switch (n) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        default: out += n; break;
      }
    } else {
      out += c;
    }
  }
  return out;
}

struct Candidate {
  Field f;
  int depth;
  bool tagged;
};

void collect(const Type* st, std::vector<int>& index, int depth, std::vector<Candidate>* out,
             std::vector<const Type*>& visiting) {
  const Type* u = st->underlying();
  for (auto& v : visiting)
    if (v == u) return;  // an embedding cycle through pointers
  visiting.push_back(u);
  for (size_t i = 0; i < u->fields.size(); i++) {
    const StructField& sf = u->fields[i];
    std::string tag = tagLookup(sf.tag, "json");
    if (tag == "-") continue;
    std::string name = tag.substr(0, tag.find(','));
    std::string opts = tag.find(',') == std::string::npos ? "" : tag.substr(tag.find(','));
    index.push_back(int(i));
    if (sf.embedded) {
      const Type* ft = sf.type;
      if (ft->kind == Kind::Pointer) ft = ft->elem;
      if (!sf.exported && ft->ukind() != Kind::Struct) {
        index.pop_back();
        continue;
      }
      if (name.empty() && ft->ukind() == Kind::Struct) {
        collect(ft, index, depth + 1, out, visiting);
        index.pop_back();
        continue;
      }
    } else if (!sf.exported) {
      index.pop_back();
      continue;
    }
    if (!sf.exported && sf.embedded) {
      index.pop_back();
      continue;
    }
    Candidate c;
    c.f.name = name.empty() ? sf.name : name;
    c.f.index = index;
    c.f.type = sf.type;
    c.f.omitEmpty = opts.find(",omitempty") != std::string::npos;
    if (opts.find(",string") != std::string::npos) {
      Kind k = sf.type->ukind();
      c.f.quoted = k == Kind::Bool || k == Kind::String || k == Kind::Float32 || k == Kind::Float64 ||
                   isInteger(sf.type);
    }
    c.depth = depth;
    c.tagged = !name.empty();
    out->push_back(std::move(c));
    index.pop_back();
  }
  visiting.pop_back();
}

}  // namespace

std::string tagLookup(const std::string& rawTag, std::string_view key) {
  std::string tag = unquoteTag(rawTag);
  size_t i = 0;
  while (i < tag.size()) {
    while (i < tag.size() && tag[i] == ' ') i++;
    size_t k = i;
    while (i < tag.size() && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f) i++;
    if (i == k || i + 1 >= tag.size() || tag[i] != ':' || tag[i + 1] != '"') break;
    std::string name = tag.substr(k, i - k);
    i += 2;
    std::string value;
    while (i < tag.size() && tag[i] != '"') {
      if (tag[i] == '\\' && i + 1 < tag.size()) i++;
      value += tag[i++];
    }
    if (i >= tag.size()) break;
    i++;
    if (name == key) return value;
  }
  return "";
}

bool isNamed(const Type* t, const char* name) {
  return t && t->kind == Kind::Named && t->pkg == "encoding/json" && t->name == name;
}

const std::vector<Field>& structFields(const Type* t) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<const Type*, std::vector<Field>>;
  std::lock_guard<std::mutex> lk(mu);
  auto it = cache->find(t);
  if (it != cache->end()) return it->second;
  std::vector<Candidate> cands;
  std::vector<int> index;
  std::vector<const Type*> visiting;
  collect(t, index, 0, &cands, visiting);
  // Dominance: per name, the shallowest fields; a tie is broken by a tag, else the name is dropped.
  std::map<std::string, std::vector<size_t>> byName;
  for (size_t i = 0; i < cands.size(); i++) byName[cands[i].f.name].push_back(i);
  std::vector<bool> keep(cands.size(), false);
  for (auto& [name, idx] : byName) {
    int best = 1 << 30;
    for (size_t i : idx) best = std::min(best, cands[i].depth);
    std::vector<size_t> top, tagged;
    for (size_t i : idx)
      if (cands[i].depth == best) top.push_back(i);
    for (size_t i : top)
      if (cands[i].tagged) tagged.push_back(i);
    if (top.size() == 1) keep[top[0]] = true;
    else if (tagged.size() == 1) keep[tagged[0]] = true;
  }
  std::vector<Field> fields;
  for (size_t i = 0; i < cands.size(); i++)
    if (keep[i]) fields.push_back(cands[i].f);
  return cache->emplace(t, std::move(fields)).first->second;
}

}  // namespace gol::native::json
