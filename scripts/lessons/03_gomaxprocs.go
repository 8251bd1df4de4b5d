// Lesson 03: GOMAXPROCS, NumCPU and NumGoroutine (the runtime package).
//
// runtime.NumCPU() is how many CPUs the machine offers. runtime.GOMAXPROCS(0) reads how many
// processors may run Go code at the same time (Go's default is NumCPU; gol's -procs flag or the
// GOMAXPROCS environment variable sets it). runtime.GOMAXPROCS(n) with n > 0 sets it and
// returns the previous value. runtime.NumGoroutine() counts the goroutines that exist now,
// main included, whether they are running, runnable or blocked.
//
// Run:
//   gol run -seed 1 -procs 4 scripts/lessons/03_gomaxprocs.go
//   gol run -seed 1 -procs 1 scripts/lessons/03_gomaxprocs.go
//   GOMAXPROCS=3 gol run scripts/lessons/03_gomaxprocs.go
//
// Notice:
//   - GOMAXPROCS follows -procs (or the environment variable); NumCPU does not, it is the
//     machine's. NumCPU is printed on stderr because it differs between machines.
//   - NumGoroutine is 1 at the start (just main), 4 while three goroutines wait at the gate.
//     Blocked goroutines still count: they exist, they are just not running.
//   - Even with -procs 1 the three goroutines all exist and all finish: GOMAXPROCS limits how
//     many run at the same instant, not how many you may start.
//   - runtime.GOMAXPROCS(2) changes the setting for the rest of the run (in seeded runs too:
//     the number of virtual processors changes) and hands back the old value, so a program
//     can restore it later.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

func main() {
	fmt.Fprintln(os.Stderr, "NumCPU:", runtime.NumCPU())
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	fmt.Println("goroutines at start:", runtime.NumGoroutine())

	gate := make(chan struct{})
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate // wait until main opens the gate
		}()
	}
	fmt.Println("goroutines while three wait at the gate:", runtime.NumGoroutine())

	previous := runtime.GOMAXPROCS(2)
	fmt.Println("runtime.GOMAXPROCS(2) returned the previous value:", previous)
	fmt.Println("GOMAXPROCS now:", runtime.GOMAXPROCS(0))

	close(gate) // every goroutine waiting on the gate wakes up
	wg.Wait()
	fmt.Println("all three passed the gate")
}
