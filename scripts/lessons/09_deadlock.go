// Lesson 09: deadlock: every goroutine waits, none can go on.
//
// This program deadlocks on purpose. main sends on an unbuffered channel, but nobody will
// ever receive, so the send waits forever. When every goroutine in the program is blocked
// like that, Go's runtime stops the program with
//     fatal error: all goroutines are asleep - deadlock!
// followed by each goroutine's stack and what it was waiting for, and exits with status 2.
//
// Run:
//   gol run -seed 1 scripts/lessons/09_deadlock.go; echo "exit status $?"
//   gol run -seed 1 scripts/lessons/09_deadlock.go waitgroup    (a second kind of deadlock)
//   gol run -seed 1 scripts/lessons/09_deadlock.go fixed        (the repaired version)
//
// Notice:
//   - The message names the goroutine and why it waits: "goroutine 1 [chan send]" and the
//     line of the send. "exit status 2" is what the shell prints after the echo.
//   - The `waitgroup` variant says Add(3) but starts only two workers: Wait waits for a third
//     Done that never comes ("[semacquire]").
//   - The `fixed` variant gives the value a receiver in another goroutine and exits with 0.
//     A buffered channel, make(chan int, 1), would also fix it.
//   - Go only reports a deadlock when *every* goroutine is stuck. While another goroutine is
//     still running or sleeping there is no message; if it loops forever, a stuck main just
//     hangs and nothing tells you why.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	mode := "channel"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	switch mode {
	case "waitgroup":
		var wg sync.WaitGroup
		wg.Add(3) // one too many: only two workers call Done
		for i := 1; i <= 2; i++ {
			go func() {
				defer wg.Done()
				fmt.Println("worker", i, "done")
			}()
		}
		wg.Wait()
		fmt.Println("never printed")
	case "fixed":
		ch := make(chan int)
		done := make(chan bool)
		go func() {
			fmt.Println("received", <-ch)
			done <- true
		}()
		ch <- 42 // now a receiver is there to take it
		<-done   // and main waits until it has printed
		fmt.Println("no deadlock")
	default:
		ch := make(chan int)
		fmt.Println("sending 42 on a channel nobody reads...")
		ch <- 42 // blocks forever: there is no receiver
		fmt.Println("never printed")
	}
}
