// Lesson 12: stopping goroutines with context: cancel and timeout.
//
// A goroutine cannot be killed from outside; it has to be asked to stop and has to listen.
// context.Context is Go's standard way of asking. ctx.Done() is a channel that is closed when
// the context is cancelled, so a worker can `select` on it next to its real work, and
// ctx.Err() says why it stopped. context.WithCancel gives a cancel function to call;
// context.WithTimeout cancels by itself after a duration. Cancelling a parent context also
// cancels every context made from it.
//
// Run:
//   gol run -seed 1 scripts/lessons/12_context.go
//   gol run -seed 1 -timeline - scripts/lessons/12_context.go
//   gol run scripts/lessons/12_context.go         (a real run: about a tenth of a second)
//
// Notice:
//   - Part 1: both workers tick every 10 ms (a time.Ticker) until main calls cancel() at
//     35 ms; then each notices on its next select, says "context canceled" and returns. main
//     waits for them (WaitGroup), so nothing is left running when it goes on.
//   - Part 2: the slow lookup needs 200 ms but the context allows 50 ms, so it returns
//     "context deadline exceeded" after 50 ms instead of making its caller wait.
//   - `defer cancel()` right after WithTimeout releases the context's timer even when the
//     work finishes in time; `go vet` warns when a cancel function is dropped.
//   - Which worker ticks or stops first changes with the seed; the number of ticks and
//     part 2 do not.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, name string, wg *sync.WaitGroup) {
	defer wg.Done()
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	ticks := 0
	for {
		select {
		case <-ctx.Done():
			fmt.Printf("%s: stopping after %d ticks: %v\n", name, ticks, ctx.Err())
			return
		case <-ticker.C:
			ticks++
			fmt.Printf("%s: tick %d\n", name, ticks)
		}
	}
}

// slowLookup pretends to ask a server that answers after 200 ms, unless ctx ends first.
func slowLookup(ctx context.Context) (string, error) {
	select {
	case <-time.After(200 * time.Millisecond):
		return "the answer", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	// Part 1: cancel by hand.
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(2)
	go worker(ctx, "worker A", &wg)
	go worker(ctx, "worker B", &wg)
	time.Sleep(35 * time.Millisecond)
	fmt.Println("main: cancel")
	cancel()
	wg.Wait()

	// Part 2: a deadline.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel2()
	start := time.Now()
	answer, err := slowLookup(ctx2)
	waited := time.Since(start).Round(10 * time.Millisecond)
	fmt.Printf("lookup: %q, error: %v, after %v\n", answer, err, waited)
}
