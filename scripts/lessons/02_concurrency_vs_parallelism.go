// Lesson 02: concurrency is not parallelism (one chef or four chefs).
//
// A kitchen has four dishes to prepare, and each needs a lot of chopping: pure CPU work, no
// waiting. Each dish is a goroutine; each chef is a processor that runs goroutines, and
// GOMAXPROCS (set here with -procs) is the number of chefs. Concurrency means all four dishes
// are in progress at the same time; parallelism means they are being chopped at the same
// instant, which takes more than one chef. One chef can still make progress on all four by
// switching between them: that is concurrency without parallelism.
//
// Run, and compare the two charts (printed on stderr):
//   gol run -seed 1 -procs 1 -timeline - scripts/lessons/02_concurrency_vs_parallelism.go
//   gol run -seed 1 -procs 4 -timeline - scripts/lessons/02_concurrency_vs_parallelism.go
// or draw both runs on one time axis, in a page to open in a browser:
//   gol run -seed 1 -procs 1,4 -timeline 02.html scripts/lessons/02_concurrency_vs_parallelism.go
// Then time real runs with much more work (the argument is the number of chops per dish):
//   gol run -procs 1 scripts/lessons/02_concurrency_vs_parallelism.go 20000000
//   gol run -procs 4 scripts/lessons/02_concurrency_vs_parallelism.go 20000000
//
// Notice:
//   - -procs 1: one P row (the one chef), busy all the time. The four dishes take turns on
//     it: each G row mixes "█" (being chopped) and "░" (runnable: ready, waiting for the
//     chef). The end time on the header line is about four dishes' worth of work.
//   - -procs 4: four busy P rows, every dish "█" nearly all the way, and the end time is
//     about a quarter of the -procs 1 run: the same work, done in parallel.
//   - The real runs print the wall time on stderr. On an otherwise idle machine with at least
//     four cores, -procs 4 is close to four times faster; on a busy or smaller machine the
//     gain is smaller. The scheduler can only use the cores that are free.
//   - The dishes finish in a different order with another seed, but each always has the same
//     checksum: the order of finishing says nothing about correctness.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

// chop is pure CPU work: a loop with no sleeping, no channels, no locks. It returns a
// checksum so the work has a visible result.
func chop(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i % 10
	}
	return sum
}

func main() {
	chops := 1500 // small, so the seeded timeline shows the turns clearly
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Println("usage: 02_concurrency_vs_parallelism.go [chops per dish]")
			os.Exit(2)
		}
		chops = n
	}

	start := time.Now()
	var wg sync.WaitGroup
	for dish := 1; dish <= 4; dish++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := chop(chops)
			fmt.Printf("dish %d finished (checksum %d)\n", dish, sum)
		}()
	}
	wg.Wait()
	// The time goes to stderr: it is the part that changes from machine to machine.
	fmt.Fprintf(os.Stderr, "4 dishes, %d chops each: %v\n", chops, time.Since(start))
}
