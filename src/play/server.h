// gol play's HTTP server over Boost.Beast: a blocking accept loop and a thread per connection
// (a classroom is tens of clients, and a run's stream holds its connection for seconds).
#pragma once
#include <string>

#include "api.h"

namespace gol::play {

// Binds host:port (false and *error when it cannot), then serves until the process ends.
bool serve(const std::string& host, int port, Api& api, std::string* error, int* boundPort,
           void (*onListening)(int port));

}  // namespace gol::play
