// JSON text for gol play's answers: invalid UTF-8 in a program's output becomes U+FFFD instead
// of an exception.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace gol::play {

using Json = nlohmann::json;

inline std::string dumpJson(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace gol::play
