// The HTTP API of gol play (src/DESIGN.md §14): the page and its static files, the lessons, and
// run / explore / step, each a child gol process whose events stream back as NDJSON lines.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>

#include "exchange.h"
#include "play.h"
#include "slots.h"

namespace gol::play {

class Api {
 public:
  // workDir: a private directory the runs' temporary folders are made in.
  Api(const PlayOptions& opts, std::string workDir);
  void handle(const Request& req, Exchange& ex);
  const std::string& workDir() const { return workDir_; }

 private:
  void serveStatic(const Request& req, Exchange& ex);
  void lessons(Exchange& ex);
  void config(Exchange& ex);
  void program(const std::string& kind, const Request& req, Exchange& ex);

  PlayOptions opts_;
  std::string workDir_;
  RunSlots slots_;
  std::atomic<uint64_t> nextRun_{1};
};

}  // namespace gol::play
