// Tests of the timeline renderers (teach/render.h) on a small hand-built run: main and two
// workers on 2 Ps, a WaitGroup wait, a channel hand-off, prints, spawn and wake arrows.
#include <doctest/doctest.h>

#include "teach/timeline_io.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "teach/render.h"
#include "teach/render_util.h"

using namespace gol::teach;

namespace {

constexpr int64_t kMs = 1'000'000;

Slice running(int64_t from, int64_t to, int p) { return {from * kMs, to * kMs, GState::Running, p, "", ""}; }
Slice runnable(int64_t from, int64_t to) { return {from * kMs, to * kMs, GState::Runnable, -1, "", ""}; }
Slice blocked(int64_t from, int64_t to, std::string reason, std::string where) {
  return {from * kMs, to * kMs, GState::Blocked, -1, std::move(reason), std::move(where)};
}

const std::string kTrickyText = "worker says \"hi\"\n<b>a:b, c; #d</b>\\ \x01\n";

// main spawns two workers and waits on a WaitGroup; G3 hands G2 a value over a channel at 11ms.
Timeline sampleRun() {
  Timeline t;
  t.file = "prog.go";
  t.procs = 2;
  t.seeded = true;
  t.seed = 7;
  t.end = 30 * kMs;
  Goroutine main{1, "main.main", "", 0, 0, 30 * kMs, {}};
  main.slices = {running(0, 2, 0), blocked(2, 25, "sync.WaitGroup.Wait", "prog.go:14"), runnable(25, 26),
                 running(26, 30, 0)};
  Goroutine g2{2, "main.worker", "prog.go:7", 1, 1 * kMs, 20 * kMs, {}};
  g2.slices = {runnable(1, 3), running(3, 10, 1), blocked(10, 12, "chan receive", "prog.go:9"),
               running(12, 20, 1)};
  Goroutine g3{3, "main.worker", "prog.go:7", 1, 1 * kMs, 25 * kMs, {}};
  g3.slices = {runnable(1, 2), running(2, 11, 0), runnable(11, 13), running(13, 25, 0)};
  t.goroutines = {main, g2, g3};
  t.prints = {
      {5 * kMs, 2, kTrickyText, false}, {8 * kMs, 3, "hello\n", false}, {28 * kMs, 1, "done\n", true}};
  t.arrows = {{ArrowKind::Spawn, 1, 2, 1 * kMs, 3 * kMs},
              {ArrowKind::Spawn, 1, 3, 1 * kMs + 500'000, 2 * kMs},
              {ArrowKind::Wake, 3, 2, 11 * kMs, 12 * kMs},
              {ArrowKind::Wake, 3, 1, 25 * kMs, 26 * kMs}};
  return t;
}

size_t runningSliceCount(const Timeline& t) {
  size_t n = 0;
  for (const Goroutine& g : t.goroutines)
    for (const Slice& s : g.slices) n += s.state == GState::Running;
  return n;
}

size_t countOf(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// ---- A small JSON reader, enough to check the trace's structure. ----

struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json* get(std::string_view key) const {
    for (const auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }
  std::string str(std::string_view key) const {
    return get(key) && get(key)->kind == String ? get(key)->text : "";
  }
  double num(std::string_view key, double otherwise = -1) const {
    return get(key) && get(key)->kind == Number ? get(key)->number : otherwise;
  }
  bool flag(std::string_view key) const { return get(key) && get(key)->kind == Bool && get(key)->boolean; }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  // Parses the whole input; false on any syntax error or trailing garbage.
  bool read(Json& out) {
    bool ok = value(out);
    skipSpace();
    return ok && pos_ == s_.size();
  }

 private:
  void skipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r'))
      ++pos_;
  }
  bool eat(char c) {
    skipSpace();
    if (pos_ < s_.size() && s_[pos_] == c) return ++pos_, true;
    return false;
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool value(Json& v) {
    skipSpace();
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_];
    if (c == '{') return object(v);
    if (c == '[') return array(v);
    if (c == '"') return v.kind = Json::String, string(v.text);
    if (c == 't' || c == 'f')
      return v.kind = Json::Bool, v.boolean = c == 't', literal(c == 't' ? "true" : "false");
    if (c == 'n') return v.kind = Json::Null, literal("null");
    return number(v);
  }
  bool number(Json& v) {
    const char* begin = s_.data() + pos_;
    char* end = nullptr;
    v.kind = Json::Number;
    v.number = std::strtod(begin, &end);
    if (end == begin) return false;
    pos_ += size_t(end - begin);
    return true;
  }
  bool string(std::string& out) {
    ++pos_;  // opening quote
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;  // raw control characters are not JSON
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) return false;
      char e = s_[pos_++];
      static const std::map<char, char> kEscapes = {{'"', '"'},  {'\\', '\\'}, {'/', '/'},  {'n', '\n'},
                                                    {'r', '\r'}, {'t', '\t'},  {'b', '\b'}, {'f', '\f'}};
      if (kEscapes.count(e)) {
        out += kEscapes.at(e);
      } else if (e == 'u' && pos_ + 4 <= s_.size()) {
        unsigned code = unsigned(std::stoul(std::string(s_.substr(pos_, 4)), nullptr, 16));
        pos_ += 4;
        if (code >= 0x80) return false;  // the writer only escapes ASCII controls
        out += char(code);
      } else {
        return false;
      }
    }
    return false;
  }
  bool array(Json& v) {
    v.kind = Json::Array;
    ++pos_;
    if (eat(']')) return true;
    do {
      v.items.emplace_back();
      if (!value(v.items.back())) return false;
    } while (eat(','));
    return eat(']');
  }
  bool object(Json& v) {
    v.kind = Json::Object;
    ++pos_;
    if (eat('}')) return true;
    do {
      skipSpace();
      std::string key;
      if (pos_ >= s_.size() || s_[pos_] != '"' || !string(key) || !eat(':')) return false;
      v.members.emplace_back(key, Json{});
      if (!value(v.members.back().second)) return false;
    } while (eat(','));
    return eat('}');
  }

  std::string_view s_;
  size_t pos_ = 0;
};

Json parseTrace(const Timeline& t) {
  std::string out;
  writeTraceJson(t, out);
  Json trace;
  REQUIRE(JsonReader(out).read(trace));
  REQUIRE(trace.kind == Json::Object);
  REQUIRE(trace.get("traceEvents"));
  REQUIRE(trace.get("traceEvents")->kind == Json::Array);
  return trace;
}

using LaneKey = std::pair<int64_t, int64_t>;  // pid, tid
LaneKey laneOf(const Json& e) { return {int64_t(e.num("pid")), int64_t(e.num("tid"))}; }
int64_t nanos(double micros) { return std::llround(micros * 1000); }

// Every lane's X slices either nest or are disjoint.
void checkNoPartialOverlap(const std::vector<Json>& events) {
  std::map<LaneKey, std::vector<std::pair<int64_t, int64_t>>> slices;
  for (const Json& e : events)
    if (e.str("ph") == "X")
      slices[laneOf(e)].push_back({nanos(e.num("ts")), nanos(e.num("ts") + e.num("dur"))});
  for (auto& [lane, list] : slices) {
    std::sort(list.begin(), list.end(),
              [](auto a, auto b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
    std::vector<int64_t> openEnds;
    for (auto [start, end] : list) {
      while (!openEnds.empty() && openEnds.back() <= start && !(openEnds.back() == start && end == start))
        openEnds.pop_back();
      CHECK_MESSAGE((openEnds.empty() || end <= openEnds.back()), "partial overlap on lane ", lane.first, "/",
                    lane.second);
      openEnds.push_back(end);
    }
  }
}

// ---- A tag balance check for the SVG/HTML output. ----

bool tagsBalance(std::string_view doc) {
  std::vector<std::string> open;
  for (size_t lt = doc.find('<'); lt != std::string_view::npos; lt = doc.find('<', lt + 1)) {
    size_t gt = doc.find('>', lt);
    if (gt == std::string_view::npos) return false;
    std::string_view tag = doc.substr(lt + 1, gt - lt - 1);
    if (tag.empty() || tag[0] == '!' || tag[0] == '?' || tag.back() == '/') continue;
    bool closing = tag[0] == '/';
    std::string name(tag.substr(closing, tag.find_first_of(" \n", closing) - closing));
    if (name == "meta" || name == "br") continue;  // HTML void elements
    if (!closing) {
      open.push_back(name);
    } else if (open.empty() || open.back() != name) {
      return false;
    } else {
      open.pop_back();
    }
    if (name == "script" && !closing) {  // skip the script body: it has comparisons, not tags
      lt = doc.find("</script>", gt) - 1;
    }
  }
  return open.empty();
}

// The value of attribute `name` in the tag starting at `at`.
std::string attribute(std::string_view doc, size_t at, std::string_view name) {
  size_t end = doc.find('>', at);
  std::string key = " " + std::string(name) + "=\"";
  size_t k = doc.find(key, at);
  if (k == std::string_view::npos || k > end) return "";
  size_t v = k + key.size();
  return std::string(doc.substr(v, doc.find('"', v) - v));
}

struct SvgBar {
  std::string cls;
  int64_t g = 0, p = 0, start = 0, end = 0;
  bool hasTitle = false;
};

std::vector<SvgBar> barsIn(std::string_view svg) {
  std::vector<SvgBar> bars;
  for (size_t at = svg.find("<rect class=\"bar "); at != std::string_view::npos;
       at = svg.find("<rect class=\"bar ", at + 1)) {
    SvgBar b{attribute(svg, at, "class"),
             std::stoll(attribute(svg, at, "data-g")),
             std::stoll(attribute(svg, at, "data-p")),
             std::stoll(attribute(svg, at, "data-start")),
             std::stoll(attribute(svg, at, "data-end")),
             false};
    size_t close = svg.find("</rect>", at);
    b.hasTitle = svg.find("<title>", at) < close;
    bars.push_back(b);
  }
  return bars;
}

struct GanttTask {
  std::string section, label, tag, id;
  int64_t start = 0, end = 0;
};

std::vector<GanttTask> tasksIn(const std::string& mermaid) {
  std::vector<GanttTask> tasks;
  std::string section;
  for (const std::string& line : linesOf(mermaid)) {
    if (line.rfind("    section ", 0) == 0) section = line.substr(12);
    size_t colon = line.find(" :");
    if (colon == std::string::npos || line.rfind("    ", 0) != 0) continue;
    GanttTask task{section, line.substr(4, colon - 4), "", "", 0, 0};
    std::string rest = line.substr(colon + 2);
    std::vector<std::string> fields;
    for (size_t start = 0, comma;; start = comma + 2) {
      comma = rest.find(", ", start);
      fields.push_back(rest.substr(start, comma - start));
      if (comma == std::string::npos) break;
    }
    REQUIRE(fields.size() == 4);
    task.tag = fields[0];
    task.id = fields[1];
    size_t used = 0;
    task.start = std::stoll(fields[2], &used);
    CHECK(used == fields[2].size());  // an integer, not a decimal
    task.end = std::stoll(fields[3], &used);
    CHECK(used == fields[3].size());
    tasks.push_back(task);
  }
  return tasks;
}

}  // namespace

TEST_CASE("render util: time formatting and escaping") {
  CHECK(formatMicros(1'234'500) == "1234.5");
  CHECK(formatMicros(1000) == "1");
  CHECK(formatMicros(1) == "0.001");
  CHECK(formatMicros(0) == "0");
  CHECK(formatDuration(1'500'000) == "1.5ms");
  CHECK(formatDuration(25 * kMs) == "25ms");
  CHECK(formatDuration(850) == "850ns");
  CHECK(formatDuration(12'500) == "12.5µs");
  CHECK(jsonString("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
  CHECK(jsonString("bad \xff byte") == "\"bad \xEF\xBF\xBD byte\"");
  CHECK(jsonString("ok é") == "\"ok é\"");
  CHECK(validUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(xmlEscape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  CHECK(lineOf("prog.go:12") == "12");
  CHECK(lineOf("prog.go:12:5") == "12");
  CHECK(lineOf("") == "");
  CHECK(truncateUtf8("abcdef", 4) == "abc…");
  CHECK(truncateUtf8("abc", 4) == "abc");
}

TEST_CASE("trace JSON: parses and has the documented shape") {
  Timeline t = sampleRun();
  Json trace = parseTrace(t);
  CHECK(trace.str("displayTimeUnit") == "ms");
  const Json* other = trace.get("otherData");
  REQUIRE(other);
  CHECK(other->str("gol_version") == "0.1");
  CHECK(other->str("file") == "prog.go");
  CHECK(other->num("seed") == 7);
  CHECK(other->num("gomaxprocs") == 2);
  CHECK(other->str("clock") == "virtual");
  CHECK(other->get("truncated")->kind == Json::Bool);
  CHECK_FALSE(other->flag("truncated"));

  const std::vector<Json>& events = trace.get("traceEvents")->items;
  std::map<LaneKey, std::string> threadNames;
  for (const Json& e : events)
    if (e.str("ph") == "M" && e.str("name") == "thread_name")
      threadNames[laneOf(e)] = e.get("args")->str("name");
  CHECK(threadNames[{1, 1}] == "P0");
  CHECK(threadNames[{1, 2}] == "P1");
  CHECK(threadNames[{2, 1001}] == "G1 main.main");
  CHECK(threadNames[{2, 1002}] == "G2 main.worker (prog.go:7)");
  CHECK(threadNames[{2, 1003}] == "G3 main.worker (prog.go:7)");
  for (const Json& e : events) {
    bool onLane = e.str("ph") == "X" || (e.str("ph") == "i" && e.str("s") == "t");
    if (onLane) CHECK_MESSAGE(threadNames.count(laneOf(e)), "unnamed lane for ", e.str("name"));
  }
  checkNoPartialOverlap(events);
}

TEST_CASE("trace JSON: slices, prints and spawn instants carry the input's values") {
  Timeline t = sampleRun();
  const std::vector<Json> events = parseTrace(t).get("traceEvents")->items;
  size_t procSlices = 0, goroutineRunning = 0;
  std::vector<std::string> printed;
  bool sawBlocked = false, sawSpawnInstant = false;
  size_t prints = 0;
  for (const Json& e : events) {
    if (e.str("ph") == "X" && e.num("pid") == 1) {
      ++procSlices;
      // Named after the goroutine it ran, which ran on this P at that moment.
      REQUIRE(e.str("name").rfind("G", 0) == 0);
      const Goroutine* g = findGoroutine(t, std::stoll(e.str("name").substr(1)));
      REQUIRE(g);
      bool ranHere = false;
      for (const Slice& s : g->slices)
        ranHere |= s.state == GState::Running && s.p + 1 == int(e.num("tid")) && nanos(e.num("ts")) == s.start;
      CHECK(ranHere);
    }
    if (e.str("ph") == "X" && e.str("name") == "running") {
      ++goroutineRunning;
      CHECK(e.get("args")->get("p"));
    }
    if (e.str("name") == "blocked: chan receive") {
      sawBlocked = true;
      CHECK(e.num("tid") == 1002);
      CHECK(e.num("ts") == 10'000);
      CHECK(e.num("dur") == 2'000);
      CHECK(e.get("args")->str("reason") == "chan receive");
      CHECK(e.get("args")->str("at") == "prog.go:9");
    }
    if (e.str("name") == "go G3") {
      sawSpawnInstant = true;
      CHECK(e.str("ph") == "i");
      CHECK(e.str("s") == "t");
      CHECK(e.get("args")->num("parent") == 1);
      CHECK(e.get("args")->str("at") == "prog.go:7");
    }
    if (e.str("name") == "print" && e.num("tid") == 1002) printed.push_back(e.get("args")->str("text"));
    if (e.str("name") == "print") {
      ++prints;
      CHECK(e.str("s") == "t");
    }
  }
  CHECK(procSlices == runningSliceCount(t));
  CHECK(goroutineRunning == runningSliceCount(t));
  CHECK(sawBlocked);
  CHECK(sawSpawnInstant);
  CHECK(prints == t.prints.size());
  REQUIRE(printed.size() == 1);
  CHECK(printed[0] == kTrickyText);  // escaped and read back unchanged
}

TEST_CASE("trace JSON: every flow_out pairs with exactly one flow_in on another lane") {
  Timeline t = sampleRun();
  // A second arrow landing on the Running slice G3 -> G1 already ends on.
  t.arrows.push_back({ArrowKind::Wake, 2, 1, 20 * kMs, 26 * kMs});
  const std::vector<Json> events = parseTrace(t).get("traceEvents")->items;
  std::map<int64_t, std::vector<LaneKey>> outs, ins;
  size_t woken = 0;
  for (const Json& e : events) {
    if (!e.get("bind_id")) continue;
    CHECK(e.str("ph") == "X");
    int64_t id = int64_t(e.num("bind_id"));
    if (e.flag("flow_out")) outs[id].push_back(laneOf(e));
    if (e.flag("flow_in")) ins[id].push_back(laneOf(e));
    if (e.str("name") == "woken") {
      ++woken;
      CHECK(e.num("dur") == 0);
      CHECK(e.num("ts") == 26'000);
    }
  }
  CHECK(outs.size() == t.arrows.size());
  CHECK(ins.size() == t.arrows.size());
  for (const auto& [id, lanes] : outs) {
    REQUIRE(lanes.size() == 1);
    REQUIRE(ins[id].size() == 1);
    CHECK(ins[id][0] != lanes[0]);
  }
  CHECK(woken == 1);
  checkNoPartialOverlap(events);
}

TEST_CASE("trace JSON: unseeded, truncated run") {
  Timeline t = sampleRun();
  t.seeded = false;
  t.truncated = true;
  t.truncatedAt = 29 * kMs;
  Json trace = parseTrace(t);
  CHECK(trace.get("otherData")->get("seed")->kind == Json::Null);
  CHECK(trace.get("otherData")->str("clock") == "real");
  CHECK(trace.get("otherData")->flag("truncated"));
  bool sawTruncated = false;
  for (const Json& e : trace.get("traceEvents")->items) {
    if (e.str("name") != "trace truncated") continue;
    sawTruncated = true;
    CHECK(e.num("pid") == 1);
    CHECK(e.num("ts") == 29'000);
  }
  CHECK(sawTruncated);
}

TEST_CASE("Mermaid: dateFormat x, integer ms starts from the input, sections") {
  Timeline t = sampleRun();
  std::string m = renderMermaid(t);
  CHECK(m.rfind("---\ndisplayMode: compact\n---\ngantt\n", 0) == 0);
  CHECK(m.find("    dateFormat x\n") != std::string::npos);
  CHECK(m.find("dateFormat X") == std::string::npos);
  CHECK(m.find("todayMarker off") != std::string::npos);
  CHECK(m.find("seed 7") != std::string::npos);
  CHECK(m.find("GOMAXPROCS 2") != std::string::npos);
  CHECK(m.find("virtual ms") != std::string::npos);
  CHECK(m.find("    section G1 main.main\n") != std::string::npos);
  CHECK(m.find("    section G2 main.worker L7\n") != std::string::npos);
  CHECK(m.find("    run P1 :active, g2r0, 3, 10\n") != std::string::npos);
  CHECK(m.find("    chan receive L9 :crit, g2b0, 10, 12\n") != std::string::npos);
  CHECK(m.find("    sync.WaitGroup.Wait L14 :crit, g1b0, 2, 25\n") != std::string::npos);
  CHECK(m.find("    run P0 :active, g1r1, 26, 30\n") != std::string::npos);
  std::vector<GanttTask> tasks = tasksIn(m);
  CHECK(tasks.size() == runningSliceCount(t) + 2);  // runnable slices are gaps
  for (size_t i = 0; i < tasks.size(); ++i) {
    CHECK(tasks[i].end > tasks[i].start);
    if (i > 0 && tasks[i].section == tasks[i - 1].section) CHECK(tasks[i].start >= tasks[i - 1].end);
  }
}

TEST_CASE("Mermaid: short runs are rescaled, tiny bars merged, labels sanitised") {
  Timeline t = sampleRun();
  // The same run ten times faster: 3 ms.
  for (Goroutine& g : t.goroutines) {
    g.start /= 10, g.end /= 10;
    for (Slice& s : g.slices) s.start /= 10, s.end /= 10;
  }
  for (Print& p : t.prints) p.ts /= 10;
  for (Arrow& a : t.arrows) a.fromTs /= 10, a.toTs /= 10;
  t.end /= 10;
  t.goroutines[1].slices[2].reason = "chan: receive, #1; x";
  // A 100 ns burst of running 1 ms into G1's wait: shorter than span/200, so it joins the wait.
  Slice& wait = t.goroutines[0].slices[1];
  Slice burst{wait.start + 1'000'000, wait.start + 1'000'100, GState::Running, 0, "", ""};
  Slice rest = wait;
  rest.start = burst.end;
  wait.end = burst.start;
  t.goroutines[0].slices.insert(t.goroutines[0].slices.begin() + 2, {burst, rest});
  std::string m = renderMermaid(t);
  CHECK(m.find("virtual µs") != std::string::npos);
  CHECK(m.find("    chan receive 1 x L9 :crit, g2b0, 1000, 1200\n") != std::string::npos);
  CHECK(m.find("    sync.WaitGroup.Wait L14 :crit, g1b0, 200, 2500\n") != std::string::npos);
  CHECK(m.find("g1b1") == std::string::npos);
  for (const GanttTask& task : tasksIn(m)) {
    CHECK(task.label.find_first_of(":,#;") == std::string::npos);
    CHECK(task.end > task.start);
  }
}

TEST_CASE("Mermaid: past 30 goroutines the rest fold into one section") {
  Timeline t = sampleRun();
  t.goroutines.resize(1);
  for (int64_t id = 2; id <= 40; ++id) {
    Goroutine g{id, "main.worker", "prog.go:7", 1, id * 100'000, 20 * kMs, {}};
    g.slices = {{id * 100'000, 5 * kMs, GState::Runnable, -1, "", ""},
                {5 * kMs, 20 * kMs, GState::Running, 1, "", ""}};
    t.goroutines.push_back(g);
  }
  t.arrows.clear();
  t.prints.clear();
  std::string m = renderMermaid(t);
  CHECK(countOf(m, "    section ") == 31);
  CHECK(m.find("    section G1 main.main\n") != std::string::npos);
  CHECK(m.find("    section G30 main.worker L7\n") != std::string::npos);
  CHECK(m.find("section G31 ") == std::string::npos);
  CHECK(m.find("    section G31–G40 (10 more)\n") != std::string::npos);
  CHECK(m.find("first 30 of 40 goroutines") != std::string::npos);
  CHECK(m.find("%% 10 more goroutines folded") != std::string::npos);
}

TEST_CASE("SVG: one bar per slice, with data attributes and titles") {
  Timeline t = sampleRun();
  std::string svg = renderSvg({&t});
  CHECK(tagsBalance(svg));
  CHECK(countOf(svg, "class=\"bar running\"") == runningSliceCount(t));
  CHECK(countOf(svg, "class=\"bar running p-row\"") == runningSliceCount(t));
  CHECK(countOf(svg, "class=\"bar blocked\"") == 2);
  CHECK(countOf(svg, "class=\"bar runnable\"") == 4);
  CHECK(countOf(svg, "class=\"print\"") == t.prints.size());
  CHECK(countOf(svg, "class=\"label\"") == size_t(t.procs) + t.goroutines.size());
  CHECK(countOf(svg, "class=\"arrow spawn\"") == 2);
  CHECK(countOf(svg, "class=\"arrow wake\"") == 2);
  CHECK(svg.find("GOMAXPROCS 2 · seed 7") != std::string::npos);

  std::vector<SvgBar> bars = barsIn(svg);
  CHECK(bars.size() == 2 * runningSliceCount(t) + 6);
  std::map<int64_t, std::vector<std::pair<int64_t, int64_t>>> onProc;
  for (const SvgBar& b : bars) {
    CHECK(b.hasTitle);
    CHECK(b.end > b.start);
    if (b.cls == "bar running p-row") onProc[b.p].push_back({b.start, b.end});
  }
  for (auto& [p, list] : onProc) {
    std::sort(list.begin(), list.end());
    for (size_t i = 1; i < list.size(); ++i) CHECK(list[i].first >= list[i - 1].second);
  }
  // The print with quotes, newline, '<' and ':' is escaped, not markup.
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("worker says &quot;hi&quot;\n&lt;b&gt;a:b, c; #d&lt;/b&gt;\\") != std::string::npos);
}

// The sample program at GOMAXPROCS 1: the same goroutines take turns on P0 and it takes 45 ms.
Timeline sampleRunOnOneP() {
  Timeline t = sampleRun();
  t.procs = 1;
  t.end = 45 * kMs;
  t.goroutines[0].end = 45 * kMs;
  t.goroutines[0].slices = {running(0, 2, 0), blocked(2, 40, "sync.WaitGroup.Wait", "prog.go:14"),
                            runnable(40, 41), running(41, 45, 0)};
  t.goroutines[1].end = 30 * kMs;
  t.goroutines[1].slices = {runnable(1, 2), running(2, 9, 0), blocked(9, 20, "chan receive", "prog.go:9"),
                            running(20, 30, 0)};
  t.goroutines[2].end = 40 * kMs;
  t.goroutines[2].slices = {runnable(1, 9), running(9, 20, 0), runnable(20, 30), running(30, 40, 0)};
  t.prints = {{5 * kMs, 2, "hi\n", false}};
  t.arrows = {{ArrowKind::Spawn, 1, 2, 1 * kMs, 2 * kMs}, {ArrowKind::Wake, 3, 1, 40 * kMs, 41 * kMs}};
  return t;
}

TEST_CASE("SVG: several runs share one time axis") {
  Timeline two = sampleRun(), one = sampleRunOnOneP();
  std::string svg = renderSvg({&one, &two});
  CHECK(tagsBalance(svg));
  CHECK(svg.find("data-span=\"45000000\"") != std::string::npos);  // the longer run's span
  CHECK(svg.find("GOMAXPROCS 1 · seed 7") < svg.find("GOMAXPROCS 2 · seed 7"));
  CHECK(countOf(svg, "class=\"run\"") == 2);
  CHECK(countOf(svg, "class=\"bar running\"") == runningSliceCount(one) + runningSliceCount(two));
  // Within each run's block, the bars of one P never overlap: at 1 P nothing runs in parallel.
  size_t second = svg.find("<g class=\"run\"", svg.find("<g class=\"run\"") + 1);
  for (std::string_view block :
       {std::string_view(svg).substr(0, second), std::string_view(svg).substr(second)}) {
    std::map<int64_t, std::vector<std::pair<int64_t, int64_t>>> onProc;
    for (const SvgBar& b : barsIn(block))
      if (b.cls == "bar running p-row") onProc[b.p].push_back({b.start, b.end});
    for (auto& [p, list] : onProc) {
      std::sort(list.begin(), list.end());
      for (size_t i = 1; i < list.size(); ++i) CHECK(list[i].first >= list[i - 1].second);
    }
  }
  // The same time is at the same x in both blocks: 10 ms ticks of both runs line up.
  CHECK(countOf(svg, "data-t=\"10000000\" x1=") == 2);
}

TEST_CASE("HTML: self-contained page with the chart and the script") {
  Timeline t = sampleRun();
  std::string html = renderHtml({&t});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(tagsBalance(html));
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("document.title = 'gol timeline'") != std::string::npos);
  CHECK(html.find("setAttribute('data-ready', '1')") != std::string::npos);
  // No network: the only URL is the SVG namespace name, which is never fetched.
  CHECK(countOf(html, "http") == 1);
  CHECK(html.find("http://www.w3.org/2000/svg") != std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("text chart: rows, cell count and glyphs") {
  Timeline t = sampleRun();
  std::vector<std::string> lines = linesOf(renderText(t, 30));  // 30 ms: one cell per ms
  REQUIRE(lines.size() == 1 + 2 + 3 + 2);  // header, P rows, goroutine rows, axis, legend
  CHECK(lines[0].find("30ms") != std::string::npos);
  CHECK(lines[0].find("1ms") != std::string::npos);
  auto cells = [&](size_t row) {
    const std::string& line = lines[row];
    size_t open = line.find("│") + std::string_view("│").size();
    std::string inside = line.substr(open, line.rfind("│") - open);
    CHECK(utf8Length(inside) == 30);
    return inside;
  };
  auto repeat = [](std::string_view glyph, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += glyph;
    return s;
  };
  CHECK(lines[1].rfind("P0 ", 0) == 0);
  CHECK(cells(1) == repeat("█", 11) + "  " + repeat("█", 12) + " " + repeat("█", 4));
  CHECK(cells(2) == repeat(" ", 3) + repeat("█", 7) + "  " + repeat("█", 8) + repeat(" ", 10));
  CHECK(lines[3].rfind("G1 main.main ", 0) == 0);
  CHECK(cells(3) == repeat("█", 2) + repeat("·", 23) + "░" + repeat("█", 4));
  CHECK(cells(4) ==
        " " + repeat("░", 2) + repeat("█", 7) + repeat("·", 2) + repeat("█", 8) + repeat(" ", 10));
  CHECK(lines.back().find("running") != std::string::npos);
  CHECK(lines.back().find("blocked") != std::string::npos);
}

TEST_CASE("renderers are deterministic") {
  Timeline a = sampleRun(), b = sampleRun();
  std::string jsonA, jsonB;
  writeTraceJson(a, jsonA);
  writeTraceJson(b, jsonB);
  CHECK(jsonA == jsonB);
  CHECK(renderSvg({&a}) == renderSvg({&b}));
  CHECK(renderHtml({&a, &b}) == renderHtml({&b, &a}));
  CHECK(renderMermaid(a) == renderMermaid(b));
  CHECK(renderText(a) == renderText(b));
}

TEST_CASE("renderers cope with an empty run") {
  Timeline t;
  std::string json;
  writeTraceJson(t, json);
  Json trace;
  CHECK(JsonReader(json).read(trace));
  CHECK(tagsBalance(renderSvg({&t})));
  CHECK(renderMermaid(t).find("gantt") != std::string::npos);
  CHECK(linesOf(renderText(t, 10)).size() == 1 + 1 + 2);
}

TEST_CASE("teach: a timeline survives serialization byte for byte") {
  gol::teach::Timeline t;
  t.file = "a b:c.go";
  t.procs = 4;
  t.seeded = true;
  t.seed = 42;
  t.end = 900;
  gol::teach::Goroutine g;
  g.id = 1;
  g.function = "main.main";
  g.end = 900;
  g.slices.push_back({0, 500, gol::teach::GState::Running, 2, "", ""});
  g.slices.push_back({500, 900, gol::teach::GState::Blocked, -1, "chan receive", "x.go:3"});
  t.goroutines.push_back(g);
  t.prints.push_back({10, 1, "hi: 5\n\"q\"", false});
  t.arrows.push_back({gol::teach::ArrowKind::Wake, 2, 1, 400, 500});
  std::string bytes = gol::teach::serializeTimeline(t);
  gol::teach::Timeline back;
  REQUIRE(gol::teach::deserializeTimeline(bytes, &back));
  CHECK(gol::teach::serializeTimeline(back) == bytes);
  CHECK(back.goroutines[0].slices[1].reason == "chan receive");
  CHECK(back.prints[0].text == "hi: 5\n\"q\"");
  CHECK_FALSE(gol::teach::deserializeTimeline(bytes.substr(0, bytes.size() / 2), &back));
}
