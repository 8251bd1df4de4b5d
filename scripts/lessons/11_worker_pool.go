// Lesson 11: a worker pool: a jobs channel, a results channel and a WaitGroup.
//
// A fixed number of workers take jobs from one channel and send answers on another. A feeder
// goroutine sends the jobs and then closes the jobs channel, so each worker's
// `for j := range jobs` ends when the work runs out. A closer goroutine waits for the workers
// (wg.Wait) and then closes results, so main's `for r := range results` ends after the last
// answer. The pool caps how much runs at once (three workers, however many jobs); it is one
// of the most common shapes of concurrent Go.
//
// Run:
//   gol run -seed 1 scripts/lessons/11_worker_pool.go
//   gol run -seed 2 scripts/lessons/11_worker_pool.go
//   gol run -seed 1 -timeline - scripts/lessons/11_worker_pool.go
//   gol run -seed 1 -timeline lesson11.html scripts/lessons/11_worker_pool.go
//
// Notice:
//   - Which worker does which job, and the order the answers arrive in, change with the seed.
//     The total does not: the results are collected, not assumed to come in order.
//   - Set numWorkers to 1 and the answers come in job order. For CPU work like this the pool
//     only saves time with more than one processor: compare the virtual time at the top of
//     the timeline with -procs 1 and with -procs 4.
//   - Who closes what: the feeder closes jobs (it is the only sender); the closer goroutine
//     closes results only after every worker, the senders on results, has finished. Closing
//     results any earlier would make a worker's send panic.
//   - Why a feeder goroutine: if main sent all nine jobs itself before reading any result,
//     the workers would soon block sending results nobody reads while main blocks sending
//     jobs nobody takes: a deadlock (lesson 09).
//   - In the timeline, workers run ("█") on their jobs and block ("·") while they wait to
//     hand over an answer or get the next job; the closer goroutine is blocked in wg.Wait
//     until the end.
package main

import (
	"fmt"
	"sync"
)

const numWorkers = 3

type result struct {
	job, worker, square int
}

// process is the job itself: CPU work (a deliberately slow j*j, so bigger jobs take longer).
func process(j int) int {
	square := 0
	for round := 0; round < 20; round++ {
		square = 0
		for i := 0; i < j; i++ {
			square += j
		}
	}
	return square
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{job: j, worker: id, square: process(j)}
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan result)

	var wg sync.WaitGroup
	for id := 1; id <= numWorkers; id++ {
		wg.Add(1)
		go worker(id, jobs, results, &wg)
	}

	go func() { // the closer: results is done when every worker is
		wg.Wait()
		close(results)
	}()

	go func() { // the feeder: nine jobs, then no more
		for j := 1; j <= 9; j++ {
			jobs <- j
		}
		close(jobs)
	}()

	total := 0
	for r := range results {
		fmt.Printf("job %d done by worker %d: %d\n", r.job, r.worker, r.square)
		total += r.square
	}
	fmt.Println("total of squares 1..9:", total)
}
