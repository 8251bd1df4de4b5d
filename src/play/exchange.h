// One HTTP request and the way to answer it, as the API (api.cpp) sees them: the server
// (server.cpp) implements Exchange over a Beast connection, so the API knows no HTTP library.
#pragma once
#include <string>
#include <string_view>

namespace gol::play {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // the path, with any query string
  std::string body;
};

class Exchange {
 public:
  virtual ~Exchange() = default;
  // A whole response.
  virtual void reply(int status, std::string_view contentType, std::string_view body) = 0;
  // A 200 response whose body follows in pieces until the connection closes (NDJSON streams).
  virtual bool startStream(std::string_view contentType) = 0;
  virtual bool write(std::string_view piece) = 0;  // false: the client went away
};

}  // namespace gol::play
