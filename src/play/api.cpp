// gol play's HTTP API (api.h): routing, the embedded page and files, lessons and settings.
// The program endpoints (run, explore, step) are in runs.cpp.
#include "api.h"
#include "json.h"

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "assets.h"

namespace gol::play {
namespace {

void replyJson(Exchange& ex, int status, const Json& j) { ex.reply(status, "application/json", dumpJson(j)); }

void replyError(Exchange& ex, int status, const std::string& message) { replyJson(ex, status, {{"error", message}}); }

bool endsWith(const std::string& s, const char* suffix) {
  std::string x(suffix);
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

bool isDirectory(const std::string& path) {
  DIR* d = opendir(path.c_str());
  if (d) closedir(d);
  return d != nullptr;
}

bool readSmallFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return out->size() <= 256 * 1024;
}

// "// Lesson 02: concurrency is not parallelism." -> "Lesson 02: concurrency is not parallelism."
std::string titleOf(const std::string& name, const std::string& source) {
  std::string first = source.substr(0, source.find('\n'));
  if (first.rfind("#!", 0) == 0) {  // a script's #! line: the title is the next line
    size_t next = source.find('\n');
    first = next == std::string::npos ? "" : source.substr(next + 1, source.find('\n', next + 1) - next - 1);
  }
  if (first.rfind("// ", 0) == 0) return first.substr(3);
  return name;
}

Json lessonJson(const std::string& name, const std::string& source) {
  return {{"name", name}, {"title", titleOf(name, source)}, {"source", source}};
}

}  // namespace

Api::Api(const PlayOptions& opts, std::string workDir) : opts_(opts), workDir_(std::move(workDir)), slots_(opts.runs) {}

void Api::handle(const Request& req, Exchange& ex) {
  std::string path = req.target.substr(0, req.target.find('?'));
  bool get = req.method == "GET" || req.method == "HEAD";
  if (path == "/" || path == "/index.html" || path.rfind("/static/", 0) == 0) {
    if (!get) return replyError(ex, 405, "method not allowed");
    return serveStatic(req, ex);
  }
  if (path == "/api/lessons" || path == "/api/config") {
    if (!get) return replyError(ex, 405, "method not allowed");
    return path == "/api/lessons" ? lessons(ex) : config(ex);
  }
  if (path == "/api/run" || path == "/api/explore" || path == "/api/step") {
    if (req.method != "POST") return replyError(ex, 405, "method not allowed");
    return program(path.substr(5), req, ex);
  }
  replyError(ex, 404, "not found");
}

// Only names in the embedded table are served: a path is never resolved against a directory,
// so "/static/../x", encoded dots and absolute paths find nothing and get 404.
void Api::serveStatic(const Request& req, Exchange& ex) {
  std::string path = req.target.substr(0, req.target.find('?'));
  std::string name = path == "/" || path == "/index.html" ? "index.html" : path.substr(8);
  const EmbeddedAsset* a = name.find('/') == std::string::npos ? findAsset(name) : nullptr;
  if (!a) return replyError(ex, 404, "not found");
  ex.reply(200, contentType(name), std::string_view(a->data, a->size));
}

void Api::lessons(Exchange& ex) {
  Json list = Json::array();
  if (!opts_.path.empty() && isDirectory(opts_.path)) {
    std::vector<std::string> names;
    if (DIR* d = opendir(opts_.path.c_str())) {
      while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (endsWith(n, ".go") || endsWith(n, ".gol")) names.push_back(n);
      }
      closedir(d);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      std::string source;
      if (readSmallFile(opts_.path + "/" + n, &source)) list.push_back(lessonJson(n, source));
    }
  } else {
    for (const EmbeddedAsset* a = kEmbeddedAssets; a->kind; a++)
      if (std::string_view(a->kind) == "lesson") list.push_back(lessonJson(a->name, std::string(a->data, a->size)));
  }
  replyJson(ex, 200, list);
}

void Api::config(Exchange& ex) {
  Json initial = nullptr;
  std::string source;
  if (!opts_.path.empty() && !isDirectory(opts_.path) && readSmallFile(opts_.path, &source)) {
    std::string name = opts_.path.substr(opts_.path.rfind('/') == std::string::npos ? 0 : opts_.path.rfind('/') + 1);
    initial = {{"name", name}, {"source", source}};
  }
  replyJson(ex, 200,
            {{"initial", initial},
             {"limits",
              {{"timeout", opts_.timeout},
               {"maxheap", opts_.maxHeap},
               {"maxoutput", opts_.maxOutput},
               {"maxgoroutines", opts_.maxGoroutines},
               {"runs", opts_.runs},
               {"exploreRuns", opts_.exploreRuns},
               {"exploreSeconds", opts_.exploreSeconds}}}});
}

const EmbeddedAsset* findAsset(std::string_view name) {
  for (const EmbeddedAsset* a = kEmbeddedAssets; a->kind; a++)
    if (std::string_view(a->kind) == "asset" && name == a->name) return a;
  return nullptr;
}

const char* contentType(std::string_view name) {
  auto ends = [&](std::string_view s) { return name.size() >= s.size() && name.substr(name.size() - s.size()) == s; };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

}  // namespace gol::play
