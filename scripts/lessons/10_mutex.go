// Lesson 10: data races, and protecting shared data with sync.Mutex.
//
// counter++ looks like one step but is three: read counter, add one, write it back. When two
// goroutines do that to the same variable at the same time, with nothing ordering them, that
// is a data race: both can read 7 and both write 8, and one increment is lost. A sync.Mutex
// fixes it: between mu.Lock() and mu.Unlock() only one goroutine at a time can be inside, so
// each read-add-write finishes before the next one starts.
//
// Run:
//   gol run -seed 1 scripts/lessons/10_mutex.go
//   gol run -seed 2 scripts/lessons/10_mutex.go
//   gol run -seed 1 -procs 1 scripts/lessons/10_mutex.go
//   gol run -procs 1 scripts/lessons/10_mutex.go 1000000   (real threads, no seed, 10^6 each)
//   gol run -procs 4 scripts/lessons/10_mutex.go 1000000
//
// Notice:
//   - Part 1 (no lock) comes out below 4000: updates were lost. Under -seed, gol may switch
//     goroutines between the read and the write of a counter++, as real hardware may, so the
//     loss is there on every run of that seed and you can replay it. Another seed loses a
//     different number.
//   - Even -procs 1 loses updates: a race needs goroutines that interleave, not several cores.
//   - Part 2 does the same work under a mutex and always gets 4000.
//   - Without -seed (real threads) the racy count depends on timing. Try -procs 1 and
//     -procs 4 with 1000000: on one thread it often comes out right, on several cores it
//     usually loses many updates, but nothing guarantees either on any one run. A race can
//     pass a test a hundred times and fail in production. Real Go has a race detector for
//     this: `go run -race 10_mutex.go`.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

const workers = 4

// noLock is the everyday bug: counter++ from several goroutines with nothing ordering them.
func noLock(n int) int {
	counter := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				counter++ // DATA RACE: read, add, write, and another goroutine may cut in
			}
		}()
	}
	wg.Wait()
	return counter
}

// withMutex does the same work, but only one goroutine at a time may be between Lock and
// Unlock, so no read-add-write overlaps another.
func withMutex(n int) int {
	counter := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return counter
}

func main() {
	n := 1000 // increments per goroutine
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil {
			n = v
		}
	}
	fmt.Println("expected:          ", workers*n)
	fmt.Println("part 1, no lock:   ", noLock(n))
	fmt.Println("part 2, with mutex:", withMutex(n))
}
