// Timeline serialization (timeline_io.h): numbers as decimal words, strings length-prefixed
// ("5:hello"), so any bytes survive; only gol itself reads it back, within one invocation.
#include "teach/timeline_io.h"

#include <cstdlib>

namespace gol::teach {
namespace {

struct Writer {
  std::string out;
  void num(int64_t v) { out += std::to_string(v) + ' '; }
  void str(const std::string& s) { out += std::to_string(s.size()) + ':' + s; }
};

struct Reader {
  std::string_view in;
  bool ok = true;
  int64_t num() {
    size_t sp = in.find(' ');
    if (sp == std::string_view::npos) return fail();
    std::string word(in.substr(0, sp));
    in.remove_prefix(sp + 1);
    char* end = nullptr;
    int64_t v = std::strtoll(word.c_str(), &end, 10);
    if (word.empty() || *end) return fail();
    return v;
  }
  std::string str() {
    size_t colon = in.find(':');
    if (colon == std::string_view::npos) return fail(), "";
    size_t n = std::strtoull(std::string(in.substr(0, colon)).c_str(), nullptr, 10);
    if (in.size() < colon + 1 + n) return fail(), "";
    std::string s(in.substr(colon + 1, n));
    in.remove_prefix(colon + 1 + n);
    return s;
  }
  int64_t fail() {
    ok = false;
    in = {};
    return 0;
  }
};

}  // namespace

std::string serializeTimeline(const Timeline& t) {
  Writer w;
  w.str("gol-timeline-1");
  w.str(t.file);
  for (int64_t v : {int64_t(t.procs), int64_t(t.seeded), int64_t(t.seed), t.end, int64_t(t.truncated), t.truncatedAt})
    w.num(v);
  w.num(int64_t(t.goroutines.size()));
  for (const Goroutine& g : t.goroutines) {
    for (int64_t v : {g.id, g.parent, g.start, g.end, int64_t(g.slices.size())}) w.num(v);
    w.str(g.function);
    w.str(g.createdAt);
    for (const Slice& s : g.slices) {
      for (int64_t v : {s.start, s.end, int64_t(s.state), int64_t(s.p)}) w.num(v);
      w.str(s.reason);
      w.str(s.where);
    }
  }
  w.num(int64_t(t.prints.size()));
  for (const Print& p : t.prints) {
    for (int64_t v : {p.ts, p.g, int64_t(p.toStderr)}) w.num(v);
    w.str(p.text);
  }
  w.num(int64_t(t.arrows.size()));
  for (const Arrow& a : t.arrows)
    for (int64_t v : {int64_t(a.kind), a.from, a.to, a.fromTs, a.toTs}) w.num(v);
  return w.out;
}

bool deserializeTimeline(std::string_view bytes, Timeline* out) {
  Reader r{bytes};
  Timeline t;
  if (r.str() != "gol-timeline-1") return false;
  t.file = r.str();
  t.procs = int(r.num());
  t.seeded = r.num() != 0;
  t.seed = uint64_t(r.num());
  t.end = r.num();
  t.truncated = r.num() != 0;
  t.truncatedAt = r.num();
  for (int64_t n = r.num(); r.ok && n > 0; n--) {
    Goroutine g;
    g.id = r.num();
    g.parent = r.num();
    g.start = r.num();
    g.end = r.num();
    int64_t ns = r.num();
    g.function = r.str();
    g.createdAt = r.str();
    for (; r.ok && ns > 0; ns--) {
      Slice s;
      s.start = r.num();
      s.end = r.num();
      s.state = GState(r.num());
      s.p = int(r.num());
      s.reason = r.str();
      s.where = r.str();
      g.slices.push_back(std::move(s));
    }
    t.goroutines.push_back(std::move(g));
  }
  for (int64_t n = r.num(); r.ok && n > 0; n--) {
    Print p;
    p.ts = r.num();
    p.g = r.num();
    p.toStderr = r.num() != 0;
    p.text = r.str();
    t.prints.push_back(std::move(p));
  }
  for (int64_t n = r.num(); r.ok && n > 0; n--) {
    Arrow a;
    a.kind = ArrowKind(r.num());
    a.from = r.num();
    a.to = r.num();
    a.fromTs = r.num();
    a.toTs = r.num();
    t.arrows.push_back(a);
  }
  if (!r.ok) return false;
  *out = std::move(t);
  return true;
}

}  // namespace gol::teach
