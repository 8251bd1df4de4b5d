// gol vet test (main waits with time.Sleep, negative): sleeps that are not waiting for
// goroutines: before any go statement, inside a goroutine, with a receive or a Wait after the
// go statements, and a polling loop that checks an atomic counter.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func collect(ch chan int) int { return <-ch }

func main() {
	time.Sleep(time.Millisecond) // no goroutine yet
	var finished atomic.Int32
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(10 * time.Millisecond)
			finished.Add(1)
		}()
	}
	for finished.Load() < 3 {
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
	go func() { ch <- 42 }()
	time.Sleep(time.Millisecond)
	fmt.Println(collect(ch))
}
