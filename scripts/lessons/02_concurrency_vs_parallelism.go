// Lesson 02: concurrency is not parallelism (one chef or four chefs).
//
// Four cooks each have a pile of vegetables to chop: pure CPU work, no waiting. Concurrency
// means the four jobs are in progress at the same time; parallelism means they are actually
// being worked on at the same instant, which needs more than one processor. GOMAXPROCS (set
// here with -procs) is the number of chefs: the processors that run goroutines.
//
// Run, and compare the two charts (printed on stderr):
//   gol run -seed 1 -procs 1 -timeline - scripts/lessons/02_concurrency_vs_parallelism.go
//   gol run -seed 1 -procs 4 -timeline - scripts/lessons/02_concurrency_vs_parallelism.go
// Then time real runs with much more work (the argument is the number of chops per cook):
//   gol run -procs 1 scripts/lessons/02_concurrency_vs_parallelism.go 20000000
//   gol run -procs 4 scripts/lessons/02_concurrency_vs_parallelism.go 20000000
//
// Notice:
//   - -procs 1: one row P0, busy all the time. The four cooks take turns on it: each row is
//     a mix of "█" (chopping) and "░" (runnable: ready, waiting for the chef). The work is
//     concurrent but not parallel, and it takes about four times one cook's time.
//   - -procs 4: four busy P rows, every cook "█" all the way, and the virtual time on the
//     header line is about a quarter of the -procs 1 run.
//   - The real runs print the wall time on stderr. On an otherwise idle machine with at least
//     four cores, -procs 4 is close to four times faster; on a busy or smaller machine the
//     gain is smaller. Go's scheduler (and gol's) can only use the cores that are free.
//   - The cooks finish in a different order with another seed, but every cook always
//     reports the same checksum: the order of finishing says nothing about correctness.
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
			fmt.Println("usage: 02_concurrency_vs_parallelism.go [chops per cook]")
			os.Exit(2)
		}
		chops = n
	}

	start := time.Now()
	var wg sync.WaitGroup
	for cook := 1; cook <= 4; cook++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := chop(chops)
			fmt.Printf("cook %d finished (checksum %d)\n", cook, sum)
		}()
	}
	wg.Wait()
	// The time goes to stderr: it is the part that changes from machine to machine.
	fmt.Fprintf(os.Stderr, "4 cooks, %d chops each: %v\n", chops, time.Since(start))
}
