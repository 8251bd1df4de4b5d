// Lesson 04: when main returns, the program ends, and every goroutine with it.
//
// Go does not wait for goroutines. The program ends the moment main.main returns; goroutines
// still running are stopped where they are, without running their defers and without
// a message. Here a background goroutine wants to print five steps, 10 ms apart, but main
// only waits 25 ms. Just before returning, main also starts one more goroutine that may or
// may not get to print before the end.
//
// Run:
//   gol run -seed 1 scripts/lessons/04_main_returns.go
//   gol run -seed 2 scripts/lessons/04_main_returns.go      (try a few seeds)
//   gol run -seed 1 -timeline - scripts/lessons/04_main_returns.go
//
// Notice:
//   - Steps 4 and 5 and the "background: finished" line never appear: the goroutine was
//     still asleep when main returned. Its deferred print did not run either.
//   - Whether "last-minute goroutine" appears depends on the schedule: -seed 1 prints it,
//     -seed 2 does not. It is a race between that goroutine and main's return. A program whose
//     output depends on such a race is wrong, even if it "works" on your machine.
//   - In the timeline, G2's row stops at the right edge while it is still blocked: it never
//     ended, the program did. Using time.Sleep to wait for goroutines is guesswork; lesson 05
//     waits for them properly.
package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		defer fmt.Println("background: finished") // never printed: the goroutine never returns
		for step := 1; step <= 5; step++ {
			fmt.Println("background: step", step)
			time.Sleep(10 * time.Millisecond)
		}
	}()

	time.Sleep(25 * time.Millisecond)
	go fmt.Println("last-minute goroutine: I got to run!")
	sum := 0
	for i := 1; i <= 100; i++ { // a little more work in main before it returns
		sum += i
	}
	fmt.Println("main: returning, sum =", sum)
}
