// Lesson 01: goroutines and the go statement.
//
// `go f(x)` starts f(x) running in a new goroutine and carries on at once, without waiting
// for f to finish. Here main starts say("world") in a goroutine and then calls say("hello")
// itself, so the two functions run at the same time and their lines interleave.
//
// Run:
//   gol run -seed 1 scripts/lessons/01_goroutines.go
//   gol run -seed 2 scripts/lessons/01_goroutines.go      (and -seed 3, 4, ...)
//   gol run -seed 1 -timeline - scripts/lessons/01_goroutines.go
//   gol run scripts/lessons/01_goroutines.go              (a real run, real clock)
//
// Notice:
//   - Each goroutine's own lines come in order (0, 1, 2), but how "hello" and "world" lines
//     mix depends on the schedule. Different seeds give different mixes; the same seed
//     gives the same output every time, so you can replay one.
//   - Some runs end without "world 2" (-seed 1 does, -seed 2 does not): when main's
//     say("hello") returns, main returns and the program ends, even if the other goroutine
//     is still going (lesson 04).
//   - With -seed the 100 ms sleeps are virtual: the run finishes at once. In the timeline,
//     G1 is main and G2 is the goroutine started by `go say("world")`; "·" is a goroutine
//     blocked (here: sleeping).
package main

import (
	"fmt"
	"time"
)

func say(s string) {
	for i := 0; i < 3; i++ {
		time.Sleep(100 * time.Millisecond)
		fmt.Println(s, i)
	}
}

func main() {
	go say("world") // runs in a new goroutine
	say("hello")    // runs in main's goroutine, at the same time
}
