// Lesson 01: goroutines and the go statement.
//
// `go f(x)` starts f(x) running in a new goroutine and carries on at once, without waiting
// for f to finish. Here main starts say("world") in a goroutine and then calls say("hello")
// itself, so the two functions run at the same time and their lines interleave. (The Tour
// of Go writes this example with time.Sleep; here each line takes a little CPU work
// instead, so the scheduler, not the clock, decides the order.)
//
// Run:
//   gol run -seed 1 scripts/lessons/01_goroutines.go
//   gol run -seed 3 scripts/lessons/01_goroutines.go      (and -seed 4, 5, ...)
//   gol run -seed 10 scripts/lessons/01_goroutines.go
//   gol run -seed 1 -timeline - scripts/lessons/01_goroutines.go
//   gol run scripts/lessons/01_goroutines.go              (a real run: repeat it)
//
// Notice:
//   - Each goroutine's own lines come in order (0, 1, 2), but how the "hello" and "world"
//     lines mix depends on the schedule. Different seeds give different mixes; the same seed
//     gives the same output every time, so you can replay one.
//   - Most runs miss some "world" lines, and -seed 10 prints none at all: when main's
//     say("hello") returns, main returns and the program ends, even if the other goroutine
//     is still going (lesson 04). -seed 3 happens to let all three through. A real run
//     usually prints only the hello lines: on real threads main is done before the new
//     goroutine gets going. That is one more legal schedule, not a bug in the scheduler.
//   - In the timeline, G1 is main and G2 is the goroutine started by `go say("world")`. G2's
//     row stops when the program ends, wherever it was.
package main

import "fmt"

// think stands for the work that goes into each line: a loop that only uses the CPU.
func think(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i
	}
	return sum
}

func say(s string) {
	for i := 0; i < 3; i++ {
		think(60)
		fmt.Println(s, i)
	}
}

func main() {
	go say("world") // runs in a new goroutine
	say("hello")    // runs in main's goroutine, at the same time
}
