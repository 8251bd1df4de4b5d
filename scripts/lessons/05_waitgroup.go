// Lesson 05: waiting for goroutines with sync.WaitGroup.
//
// A WaitGroup is a counter of unfinished work. wg.Add(n) adds n before the goroutines start,
// each goroutine calls wg.Done() (subtract one) when it finishes, and wg.Wait() blocks until
// the counter is back to zero. This replaces the guesswork of time.Sleep in lesson 04.
//
// Run:
//   gol run -seed 1 scripts/lessons/05_waitgroup.go
//   gol run -seed 1 -procs 1 scripts/lessons/05_waitgroup.go
//   gol run -seed 3 -procs 1 scripts/lessons/05_waitgroup.go
//   gol run -seed 1 -timeline - scripts/lessons/05_waitgroup.go
//
// Notice:
//   - "all workers done" is always last, whatever the seed: Wait returns only after every
//     Done. The workers finish in the order of their sleeps (1, 2, 3).
//   - The order in which they start is up to the scheduler. With several processors an idle
//     one picks each new goroutine up at once, so they tend to start in order; with -procs 1
//     they wait for main to block in Wait and then run in an order the seed picks (-seed 1
//     gives 3, 1, 2 and -seed 3 gives 3, 2, 1).
//   - wg.Add(1) is called in main, before `go`. Calling it inside the goroutine would race
//     with wg.Wait(): main could reach Wait while the counter is still zero and go on.
//   - `defer wg.Done()` as the first line of the goroutine runs Done however the function
//     ends (normal return, early return, panic), so the counter cannot be left too high.
//   - The WaitGroup is passed as a pointer (*sync.WaitGroup). A copy would have its own
//     counter, and main would wait forever (`go vet` reports such copies).
//   - In the timeline, G1 (main) is blocked ("·") in Wait until the last worker ends.
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Printf("worker %d: starting\n", id)
	time.Sleep(time.Duration(id) * 10 * time.Millisecond) // worker 3 works longest
	fmt.Printf("worker %d: done\n", id)
}

func main() {
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go worker(id, &wg)
	}
	wg.Wait()
	fmt.Println("all workers done")
}
