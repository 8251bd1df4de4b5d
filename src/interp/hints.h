// gol run -hints: plain-words notes on stderr about what a concurrent program did wrong, for
// class (stdout stays exactly Go's). Each note starts with "hint: ".
//   * main returned while goroutines were still running: which, where they started, what they
//     were doing — their output was lost;
//   * on deadlock, a line per goroutine saying what it waits for and why nothing can release it;
//   * a negative WaitGroup counter: the Done that made it negative.
#pragma once
#include <cstdint>
#include <string>

namespace gol::interp {

void setHints(bool on);
void noteSpawn(int64_t goid, uint32_t goStatement);  // where a goroutine that may not run yet was started
bool hintsOn();
void hintMainReturned();   // on main's goroutine, as the program ends normally
void hintDeadlock();       // every goroutine is blocked (the world is still)
// An unrecovered panic with this message, raised where `trace` (its traceback) says.
void hintPanic(const std::string& message, const std::string& trace);

}  // namespace gol::interp
