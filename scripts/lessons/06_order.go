// Lesson 06: the order of execution is not the order of the code.
//
// The course's example: main starts two goroutines, each prints one line, and main waits for
// both with a WaitGroup. Two outputs are possible, and a correct program must be fine with
// either:
//
//   Output X                              Output Y
//   Executing 1st goroutine               Executing 2nd goroutine
//   Executing 2nd goroutine               Executing 1st goroutine
//   All goroutines finished executing     All goroutines finished executing
//
// Run:
//   gol run -seed 3 scripts/lessons/06_order.go      gives Output X
//   gol run -seed 1 scripts/lessons/06_order.go      gives Output Y
//   gol run -seed 1 -timeline - scripts/lessons/06_order.go
//   gol run -seed 3 -timeline lesson06.html scripts/lessons/06_order.go  (open it in a browser)
//   gol run scripts/lessons/06_order.go               (real runs: repeat it a few times)
//
// Notice:
//   - The 1st goroutine is started first, but that only makes it runnable first. Which of
//     the two the scheduler runs (or finishes) first is not promised. Seeds 3, 6, 7, 9 and 10
//     give Output X; seeds 1, 2, 4, 5 and 8 give Output Y (these hold for -procs 1, 2, 4 and
//     8). A real run picks one each time, and it can differ between runs and machines.
//   - The last line is always last: wg.Wait() returns only after both Done calls.
//   - A seed names one schedule. When a run surprises you, `-seed random` prints the seed it
//     used on stderr so you can replay that exact run.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("Executing 1st goroutine")
	}()
	go func() {
		defer wg.Done()
		fmt.Println("Executing 2nd goroutine")
	}()
	wg.Wait()
	fmt.Println("All goroutines finished executing")
}
